import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const adrs = readdirSync(join(root, 'docs/adr')).filter((name) => /^\d{4}-.*\.md$/.test(name));

/** Every source file of ours that may point at an ADR. */
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|css|sh)$/.test(entry.name) ? [path] : [];
  });

const links = ['src', 'collector', 'scripts', 'e2e', 'e2e-engines', 'scan', 'demo'].flatMap(sources).flatMap((file) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/docs\/adr\/(\d{4})([\w.-]*)/g)].map(([, number, rest]) => ({
    file: relative(root, join(root, file)),
    number,
    name: `${number}${rest}`,
  })),
);

describe('links to docs/adr from the code', () => {
  it('there are links to check', () => {
    expect(links.length).toBeGreaterThan(5);
  });

  it.each(links)('$file → docs/adr/$name exists', ({ number, name }) => {
    const target = name.endsWith('.md')
      ? adrs.filter((adr) => adr === name)
      : adrs.filter((adr) => adr.startsWith(`${number}-`));
    expect(target, `docs/adr has ${adrs.join(', ')}`).toHaveLength(1);
  });
});

describe('docs/adr', () => {
  const index = readFileSync(join(root, 'docs/adr/README.md'), 'utf8');
  it.each(adrs)('%s has a status line and a line in the index', (adr) => {
    expect(readFileSync(join(root, 'docs/adr', adr), 'utf8')).toMatch(
      /^Status: (proposed|accepted|superseded by \d{4}|deprecated)\b/m,
    );
    expect(index).toContain(`(${adr})`);
  });
});
