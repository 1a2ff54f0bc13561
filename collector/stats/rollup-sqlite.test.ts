// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe } from 'vitest';
import { describeRollup } from './rollup.testing';

const dir = mkdtempSync(join(tmpdir(), 'shopconsent-rollup-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rollup on SQLite', () => {
  describeRollup(
    async () => `sqlite:${join(dir, `receipts-${++files}.db`)}`,
    async (url) => {
      const db = new Database(url.slice('sqlite:'.length));
      db.exec("DROP TABLE rollup_days; DROP TABLE rollup_purposes; DELETE FROM settings WHERE key = 'rollup_version';");
      db.close();
    },
    60,
  );
});
