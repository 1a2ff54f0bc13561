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
      db.exec(
        "DROP TABLE rollup_days; DROP TABLE rollup_purposes; DROP TABLE rollup_pending; DELETE FROM settings WHERE key = 'rollup_version';",
      );
      db.close();
    },
    async (url, refuse) => {
      const db = new Database(url.slice('sqlite:'.length));
      db.exec(
        refuse
          ? `CREATE TRIGGER refuse_insert BEFORE INSERT ON rollup_purposes BEGIN SELECT RAISE(ABORT, 'refused'); END;
             CREATE TRIGGER refuse_update BEFORE UPDATE ON rollup_purposes BEGIN SELECT RAISE(ABORT, 'refused'); END;`
          : 'DROP TRIGGER refuse_insert; DROP TRIGGER refuse_update;',
      );
      db.close();
    },
    60,
  );
});
