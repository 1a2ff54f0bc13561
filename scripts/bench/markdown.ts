// Benchmark tables as Markdown, laid out as the formatter lays them out, and written between a document's
// markers so that a run replaces the last one's figures.
import { readFileSync, writeFileSync } from 'node:fs';

/** The first `left` columns to the left, figures to the right. */
export const markdownTable = (header: string[], rows: string[][], left = 2) => {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column < left ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((width, column) => (column < left ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
};

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`; says so, or why not. */
export const writeBetweenMarkers = (path: string, name: string, text: string) => {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const doc = readFileSync(path, 'utf8');
  if (!doc.includes(start) || !doc.includes(end)) {
    console.log(`${path} has no ${name} markers; the table was not written.`);
    return;
  }
  writeFileSync(path, doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n\n${text}\n\n${end}`));
  console.log(`${path} updated.`);
};

export const formatNumber = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits });
