import type { Store, StoredReceipt } from './store/store';

const PAGE_SIZE = 1000;

const CSV_COLUMNS = [
  'receivedAt',
  'consentId',
  'decidedAt',
  'source',
  'revision',
  'lang',
  'granted',
  'refused',
  'url',
  'version',
  'shop',
  'userAgent',
  'ipHash',
] as const;

/** A spreadsheet runs a cell that starts with one of these as a formula; the user agent and shop name are the visitor's text. */
const FORMULA = /^[=+\-@\t\r]/;

/** RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
const csvCell = (value: string) => {
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

const csvRow = ({ receivedAt, ipHash, userAgent, receipt }: StoredReceipt) => {
  const purposes = Object.entries((receipt.purposes ?? {}) as Record<string, boolean>);
  const named = (granted: boolean) =>
    purposes
      .filter(([, value]) => value === granted)
      .map(([purpose]) => purpose)
      .join(' ');
  return csvLine([
    receivedAt,
    text(receipt.id),
    text(receipt.decidedAt),
    text(receipt.source),
    text(receipt.revision),
    text(receipt.lang),
    named(true),
    named(false),
    text(receipt.url),
    text(receipt.version),
    text(receipt.shop),
    userAgent,
    ipHash,
  ]);
};

const jsonLine = (row: StoredReceipt) => `${JSON.stringify(row)}\n`;

/**
 * The export, page by page: a page is one short query, so a large export neither holds a transaction
 * open nor keeps the SQLite connection busy between the chunks the client reads.
 */
export async function* exportLines(store: Store, from: number, to: number, format: 'csv' | 'jsonl') {
  // The byte order mark makes spreadsheet programs read the file as UTF-8 (Mongolian, Vietnamese, Latvian).
  if (format === 'csv') yield `\uFEFF${csvLine(CSV_COLUMNS)}`;
  let page = await store.page(from, to, null, PAGE_SIZE);
  for (;;) {
    if (page.rows.length) yield page.rows.map(format === 'csv' ? csvRow : jsonLine).join('');
    if (!page.next) return;
    page = await store.page(from, to, page.next, PAGE_SIZE);
  }
}
