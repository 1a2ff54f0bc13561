import { type CsvSeparator, csvLine } from './csv';
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

const text = (value: unknown) => (typeof value === 'string' ? value : '');

const csvRow = ({ receivedAt, ipHash, userAgent, receipt }: StoredReceipt, separator: CsvSeparator) => {
  const purposes = Object.entries((receipt.purposes ?? {}) as Record<string, boolean>);
  const named = (granted: boolean) =>
    purposes
      .filter(([, value]) => value === granted)
      .map(([purpose]) => purpose)
      .join(' ');
  return csvLine(
    [
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
    ],
    separator,
  );
};

const jsonLine = (row: StoredReceipt) => `${JSON.stringify(row)}\n`;

/**
 * The export, page by page: a page is one short query, so a large export neither holds a transaction
 * open nor keeps the SQLite connection busy between the chunks the client reads.
 */
export async function* exportLines(
  store: Store,
  from: number,
  to: number,
  format: 'csv' | 'jsonl',
  separator: CsvSeparator = ',',
) {
  // The byte order mark makes spreadsheet programs read the file as UTF-8 (Mongolian, Vietnamese, Latvian).
  if (format === 'csv') yield `\uFEFF${csvLine(CSV_COLUMNS, separator)}`;
  const line = format === 'csv' ? (row: StoredReceipt) => csvRow(row, separator) : jsonLine;
  let page = await store.page(from, to, null, PAGE_SIZE);
  for (;;) {
    if (page.rows.length) yield page.rows.map(line).join('');
    if (!page.next) return;
    page = await store.page(from, to, page.next, PAGE_SIZE);
  }
}
