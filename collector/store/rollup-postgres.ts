import type pg from 'pg';
import {
  byVisitor,
  type DayCounts,
  decisionOf,
  type PurposeCounts,
  type ReceiptRow,
  RollupDelta,
  sameReceipt,
} from '../stats/rollup';
import { summaryStatements } from './rollup-summary';
import type { Rollup, RollupRange, RollupSummary } from './store';

/** Raised when the rollup's definition changes, so that the next start-up rebuilds it. */
const ROLLUP_VERSION = '1';
/** Visitors read per query by the backfill. */
const BACKFILL_PAGE = 20_000;

export const ROLLUP_SCHEMA = `
  CREATE TABLE IF NOT EXISTS rollup_days (
    shop text NOT NULL, day text NOT NULL, lang text NOT NULL, revision text NOT NULL,
    decisions bigint NOT NULL, accepted bigint NOT NULL, refused bigint NOT NULL, chose bigint NOT NULL,
    withdrawals bigint NOT NULL,
    PRIMARY KEY (shop, day, lang, revision)
  );
  CREATE TABLE IF NOT EXISTS rollup_purposes (
    shop text NOT NULL, day text NOT NULL, lang text NOT NULL, revision text NOT NULL, purpose text NOT NULL,
    asked bigint NOT NULL, granted bigint NOT NULL,
    PRIMARY KEY (shop, day, lang, revision, purpose)
  );
  CREATE INDEX IF NOT EXISTS rollup_days_by_day ON rollup_days (day);
  CREATE INDEX IF NOT EXISTS rollup_purposes_by_day ON rollup_purposes (day);
`;

const ROW = 'consent_id AS "consentId", decided_at AS "decidedAt", digest, receipt::text AS receipt';

type Client = pg.PoolClient;

/** Every collector sharing the database takes the same per-visitor locks, in the same order. */
export const lockVisitors = (client: Client, consentIds: string[]) =>
  client.query(
    `SELECT pg_advisory_xact_lock(key) FROM
       (SELECT DISTINCT hashtextextended(id, 7) AS key FROM unnest($1::text[]) AS id ORDER BY 1) AS keys`,
    [consentIds],
  );

const readVisitors = async (client: Client, consentIds: string[]) =>
  byVisitor(
    (await client.query<ReceiptRow>(`SELECT ${ROW} FROM receipts WHERE consent_id = ANY($1::text[])`, [consentIds]))
      .rows,
  );

const apply = async (client: Client, delta: RollupDelta) => {
  const days = delta.dayRows();
  const purposes = delta.purposeRows();
  const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map((row) => row[key]);
  if (days.length)
    await client.query({
      name: 'rollup-days',
      text: `INSERT INTO rollup_days (shop, day, lang, revision, decisions, accepted, refused, chose, withdrawals)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[],
               $7::bigint[], $8::bigint[], $9::bigint[])
             ON CONFLICT (shop, day, lang, revision) DO UPDATE SET
               decisions = rollup_days.decisions + excluded.decisions,
               accepted = rollup_days.accepted + excluded.accepted,
               refused = rollup_days.refused + excluded.refused,
               chose = rollup_days.chose + excluded.chose,
               withdrawals = rollup_days.withdrawals + excluded.withdrawals`,
      values: (
        ['shop', 'day', 'lang', 'revision', 'decisions', 'accepted', 'refused', 'chose', 'withdrawals'] as const
      ).map((key) => column<DayCounts, typeof key>(days, key)),
    });
  if (purposes.length)
    await client.query({
      name: 'rollup-purposes',
      text: `INSERT INTO rollup_purposes (shop, day, lang, revision, purpose, asked, granted)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[])
             ON CONFLICT (shop, day, lang, revision, purpose) DO UPDATE SET
               asked = rollup_purposes.asked + excluded.asked,
               granted = rollup_purposes.granted + excluded.granted`,
      values: (['shop', 'day', 'lang', 'revision', 'purpose', 'asked', 'granted'] as const).map((key) =>
        column<PurposeCounts, typeof key>(purposes, key),
      ),
    });
  // Only a row that lost decisions can have reached zero.
  const emptied = days.filter((row) => row.decisions < 0);
  if (emptied.length) {
    const keys = (['shop', 'day', 'lang', 'revision'] as const).map((key) => emptied.map((row) => row[key]));
    await client.query(
      `DELETE FROM rollup_days WHERE decisions = 0 AND (shop, day, lang, revision) IN
         (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))`,
      keys,
    );
    await client.query(
      `DELETE FROM rollup_purposes WHERE asked = 0 AND (shop, day, lang, revision) IN
         (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))`,
      keys,
    );
  }
};

/** Call inside the transaction that inserted `rows` (only the new ones), after it locked their visitors. */
export const rollupAdded = async (client: Client, rows: ReceiptRow[]) => {
  if (!rows.length) return;
  const changed = byVisitor(rows);
  const stored = await readVisitors(client, [...changed.keys()]);
  const delta = new RollupDelta();
  for (const [consentId, added] of changed) {
    const after = (stored.get(consentId) ?? []).map(decisionOf);
    delta.change(
      after.filter((decision) => !added.some((row) => sameReceipt(row, decision))),
      after,
    );
  }
  await apply(client, delta);
};

/**
 * Call inside the transaction that deleted `rows`, after the delete, with their visitors locked: a later
 * receipt's withdrawal is recounted against the decision that now comes before it.
 */
export const rollupRemoved = async (client: Client, rows: ReceiptRow[]) => {
  if (!rows.length) return;
  const removed = byVisitor(rows);
  const remaining = await readVisitors(client, [...removed.keys()]);
  const delta = new RollupDelta();
  for (const [consentId, gone] of removed) {
    const after = (remaining.get(consentId) ?? []).map(decisionOf);
    delta.change([...after, ...gone.map(decisionOf)], after);
  }
  await apply(client, delta);
};

export const inTransaction = async <T>(pool: pg.Pool, work: (client: Client) => Promise<T>) => {
  const client = await pool.connect();
  // A checked-out client that loses its server emits 'error' besides failing its query; unheard, that event
  // would end the process. The failed query already reports it; the broken client is dropped, not reused.
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on('error', onLost);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onLost);
    client.release(lost);
  }
};

/**
 * Rebuilds the rollup from every receipt. Receipts are held still meanwhile (SHARE mode lets other
 * collectors read, not write), so that none is counted twice or missed; it runs once, at the first start
 * of a version that brings the rollup, and writers wait for it.
 */
const rebuild = async (client: Client, onlyIfMissing: boolean) => {
  await client.query('LOCK TABLE receipts IN SHARE MODE');
  if (onlyIfMissing) {
    const built = await client.query("SELECT 1 FROM settings WHERE key = 'rollup_version' AND value = $1", [
      ROLLUP_VERSION,
    ]);
    if (built.rowCount) return false;
  }
  await client.query('DELETE FROM rollup_days');
  await client.query('DELETE FROM rollup_purposes');
  const delta = new RollupDelta();
  let after = '';
  for (;;) {
    const page = await client.query<{ consentId: string }>(
      `SELECT DISTINCT consent_id AS "consentId" FROM receipts WHERE consent_id > $1 ORDER BY 1 LIMIT $2`,
      [after, BACKFILL_PAGE],
    );
    if (!page.rows.length) break;
    const ids = page.rows.map((row) => row.consentId);
    for (const rows of (await readVisitors(client, ids)).values()) delta.change([], rows.map(decisionOf));
    after = ids[ids.length - 1];
  }
  await apply(client, delta);
  await client.query(
    "INSERT INTO settings (key, value) VALUES ('rollup_version', $1) ON CONFLICT (key) DO UPDATE SET value = $1",
    [ROLLUP_VERSION],
  );
  return true;
};

export const postgresRollup = (pool: pg.Pool): Rollup => ({
  backfill: () => inTransaction(pool, (client) => rebuild(client, true)),
  rebuild: async () => {
    await inTransaction(pool, (client) => rebuild(client, false));
  },
  read: async ({ from, to, shop }: RollupRange) => {
    const [days, purposes, firstDays] = await Promise.all([
      pool.query<DayCounts>({
        name: 'rollup-read-days',
        text: `SELECT shop, day, lang, revision, decisions::int, accepted::int, refused::int, chose::int,
                 withdrawals::int
               FROM rollup_days WHERE day >= $1 AND day <= $2 AND ($3::text IS NULL OR shop = $3)`,
        values: [from, to, shop],
      }),
      pool.query<PurposeCounts>({
        name: 'rollup-read-purposes',
        text: `SELECT shop, day, lang, revision, purpose, asked::int, granted::int
               FROM rollup_purposes WHERE day >= $1 AND day <= $2 AND ($3::text IS NULL OR shop = $3)`,
        values: [from, to, shop],
      }),
      pool.query<{ revision: string; day: string }>({
        name: 'rollup-first-days',
        text: `SELECT revision, min(day) AS day FROM rollup_days WHERE ($1::text IS NULL OR shop = $1)
               GROUP BY revision`,
        values: [shop],
      }),
    ]);
    return { days: days.rows, purposes: purposes.rows, firstDays: firstDays.rows };
  },
  summary: async ({ from, to, shop }: RollupRange) => {
    const sql = summaryStatements('postgres', shop !== null);
    const name = shop === null ? 'all' : 'shop';
    const values = shop === null ? [from, to] : [from, to, shop];
    const [days, splits, purposeDays, purposeSplits, firstDays] = await Promise.all([
      pool.query({ name: `summary-days-${name}`, text: sql.days, values }),
      pool.query({ name: `summary-splits-${name}`, text: sql.splits, values }),
      pool.query({ name: `summary-purpose-days-${name}`, text: sql.purposeDays, values }),
      pool.query({ name: `summary-purpose-splits-${name}`, text: sql.purposeSplits, values }),
      pool.query({ name: `summary-first-days-${name}`, text: sql.firstDays, values: shop === null ? [] : [shop] }),
    ]);
    return {
      days: days.rows,
      splits: splits.rows,
      purposeDays: purposeDays.rows,
      purposeSplits: purposeSplits.rows,
      firstDays: firstDays.rows,
    } as RollupSummary;
  },
  shops: async () =>
    (await pool.query<{ shop: string }>('SELECT DISTINCT shop FROM rollup_days ORDER BY shop')).rows.map(
      (row) => row.shop,
    ),
});
