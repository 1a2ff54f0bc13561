// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCollector } from './collector';
import { receipt } from './collector.testing';
import { FORMULA_PAYLOADS } from './csv-corpus.testing';
import { type Postgres, startPostgres } from './postgres.testing';
import { TOKEN } from './process.testing';
import { convertCsvToFods } from './soffice.testing';

const dir = mkdtempSync(join(tmpdir(), 'shopconsent-csv-'));
let postgres: Promise<Postgres>;
beforeAll(() => {
  postgres = startPostgres({ durable: false });
  return postgres.then(
    () => undefined,
    () => undefined,
  );
}, 60_000);
afterAll(async () => {
  await (await postgres.catch(() => null))?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A header text may hold neither control characters nor characters beyond Latin-1. */
const headerSafe = (text: string) => /^[\x20-\x7e]+$/.test(text);

/** Every payload in the shop name, the page address, the widget version and the user agent where each can hold it. */
const exportsOf = async (database: string) => {
  const collector = await createCollector({
    port: 0,
    host: '127.0.0.1',
    database,
    token: TOKEN,
    allowedOrigins: [],
    retentionDays: 30,
    salt: null,
    trustProxy: false,
    logger: false,
    clock: () => Date.parse('2026-05-04T09:30:00.000Z'),
  });
  try {
    for (const [index, payload] of FORMULA_PAYLOADS.entries()) {
      const response = await collector.app.inject({
        method: 'POST',
        url: '/receipts',
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          'user-agent': headerSafe(payload) ? payload : 'Mozilla/5.0',
        },
        payload: JSON.stringify(
          receipt({
            id: `formula${String(index).padStart(4, '0')}`,
            shop: payload,
            url: `https://www.shop.lv/?q=${payload}`,
            version: payload.length <= 32 ? payload : '0.1.0',
          }),
        ),
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(204);
    }
    const exported = async (sep: string) => {
      const response = await collector.app.inject({
        url: `/receipts/export?format=csv&sep=${encodeURIComponent(sep)}`,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.statusCode).toBe(200);
      return response.body;
    };
    return { comma: await exported(','), semicolon: await exported(';') };
  } finally {
    await collector.close();
  }
};

const formulaCells = (fods: string) => fods.match(/table:formula="[^"]*"/g) ?? [];

/** The rows of the sheet, each as its number of cells that hold something (equal neighbours are written once, repeated). */
const filledCells = (fods: string) =>
  [...fods.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)].map(([, row]) =>
    [...row.matchAll(/<table:table-cell\b([^>]*)>/g)]
      .filter(([, attributes]) => attributes.includes('office:value-type='))
      .reduce(
        (sum, [, attributes]) => sum + Number(/table:number-columns-repeated="(\d+)"/.exec(attributes)?.[1] ?? 1),
        0,
      ),
  );

it('exports CSV that LibreOffice opens without a single formula cell, under either separator, from both databases', {
  timeout: 240_000,
}, async () => {
  expect(FORMULA_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  const files: Record<string, string> = {};
  for (const [backend, database] of [
    ['sqlite', `sqlite:${join(dir, 'receipts.db')}`],
    ['postgres', await (await postgres).database()],
  ] as const) {
    const { comma, semicolon } = await exportsOf(database);
    files[`${backend}-comma`] = comma;
    files[`${backend}-semicolon`] = semicolon;
  }
  // The same cells written without our escaping: proof that this import does run formulas.
  files.unescaped = FORMULA_PAYLOADS.map((payload, index) => `${index},${payload},after\r\n`).join('');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), text);
  const paths = Object.keys(files).map((name) => join(dir, `${name}.csv`));

  for (const [reader, separator] of [
    ['comma', ','],
    ['semicolon', ';'],
  ] as const) {
    const out = join(dir, `read-with-${reader}`);
    await convertCsvToFods(paths, separator, out);
    const sheet = (name: string) => readFileSync(join(out, `${name}.fods`), 'utf8');

    expect(formulaCells(sheet('unescaped')).length).toBeGreaterThan(10);
    for (const backend of ['sqlite', 'postgres']) {
      for (const written of ['comma', 'semicolon']) {
        expect(formulaCells(sheet(`${backend}-${written}`)), `${backend}-${written} read with ${reader}`).toEqual([]);
      }
      // Read with its own separator, the file has the header and one row per receipt, each of 13 cells:
      // no separator or line break inside a cell moved anything.
      expect(filledCells(sheet(`${backend}-${reader}`))).toEqual(Array(FORMULA_PAYLOADS.length + 1).fill(13));
    }
  }
});
