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
    // The strictest default a server can have: the collector must not depend on the server's.
    async () => {
      const url = await (await postgres).database();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        `ALTER DATABASE ${new URL(url).pathname.slice(1)} SET default_transaction_isolation = 'serializable'`,
      );
      await client.end();
      return url;
    },
    async (url) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        "DROP TABLE rollup_days; DROP TABLE rollup_purposes; DROP TABLE rollup_pending; DELETE FROM settings WHERE key = 'rollup_version';",
      );
      await client.end();
    },
    async (url, refuse) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        refuse
          ? `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
             CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON rollup_purposes FOR EACH ROW EXECUTE FUNCTION refuse();`
          : 'DROP TRIGGER refuse ON rollup_purposes; DROP FUNCTION refuse();',
      );
      await client.end();
    },
    25,
  );
});
