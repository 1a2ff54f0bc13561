// @vitest-environment node
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Postgres, startPostgres } from '../postgres.testing';
import { describeRollup } from './rollup.testing';

let postgres: Promise<Postgres>;
// Without PostgreSQL every test below fails with the reason, rather than being skipped by a failed hook.
beforeAll(() => {
  postgres = startPostgres({ durable: false });
  return postgres.then(
    () => undefined,
    () => undefined,
  );
}, 60_000);
afterAll(async () => (await postgres.catch(() => null))?.stop(), 60_000);

describe('rollup on PostgreSQL', () => {
  describeRollup(
    async () => (await postgres).database(),
    async (url) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        "DROP TABLE rollup_days; DROP TABLE rollup_purposes; DELETE FROM settings WHERE key = 'rollup_version';",
      );
      await client.end();
    },
    25,
  );
});
