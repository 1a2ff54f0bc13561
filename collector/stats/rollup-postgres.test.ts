// @vitest-environment node
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receipt } from '../collector.testing';
import { type Postgres, startPostgres } from '../postgres.testing';
import { openStore } from '../store/open';
import { ALL_DAYS, describeRollup, expectMatchesRecount, row, T0 } from './rollup.testing';

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
        "DROP TABLE rollup_days; DROP TABLE rollup_purposes; DELETE FROM settings WHERE key = 'rollup_version';",
      );
      await client.end();
    },
    25,
  );
});

// The write and COMMIT go out together: the test is that a failed write still leaves nothing behind, not even
// an aborted transaction on a connection the pool hands out again.
it('a failed write keeps neither the batch nor its counts, and every connection takes the next batch', async () => {
  const url = await (await postgres).database();
  const store = await openStore(url, () => undefined);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const at = (id: string, hour: number) =>
    row(receipt({ id, decidedAt: `2026-03-01T${String(hour).padStart(2, '0')}:00:00Z` }), T0);
  try {
    await store.insert([at('kept00001', 8)]);
    const before = await store.rollup.read(ALL_DAYS);
    await admin.query(`
      CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
      CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON rollup_purposes FOR EACH ROW EXECUTE FUNCTION refuse();
    `);
    await expect(store.insert([at('lost00001', 9)])).rejects.toThrow('refused');
    await admin.query('DROP TRIGGER refuse ON rollup_purposes');

    expect(await store.byConsentId('lost00001')).toEqual([]);
    expect(await store.rollup.read(ALL_DAYS)).toEqual(before);
    // More batches at once than the pool has connections, so the one that failed is among them.
    await Promise.all(Array.from({ length: 12 }, (_, index) => store.insert([at(`next0000${index % 10}`, 10)])));
    await expectMatchesRecount(store);
  } finally {
    await admin.end();
    await store.close();
  }
});
