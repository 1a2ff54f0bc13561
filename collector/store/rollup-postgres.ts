import type pg from 'pg';
import {
  addition,
  byVisitor,
  type DayCounts,
  decisionOf,
  type PurposeCounts,
  type ReceiptRow,
  RollupDelta,
} from '../stats/rollup';
import { summaryStatements } from './rollup-summary';
import type { NewReceipt, Rollup, RollupRange, RollupSummary } from './store';

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
  client.query({
    name: 'lock-visitors',
    text: `SELECT pg_advisory_xact_lock(key) FROM
             (SELECT DISTINCT hashtextextended(id, 7) AS key FROM unnest($1::text[]) AS id ORDER BY 1) AS keys`,
    values: [consentIds],
  });

const READ_VISITORS = `SELECT ${ROW} FROM receipts WHERE consent_id = ANY($1::text[])`;

const readVisitors = async (client: Client, consentIds: string[]) =>
  byVisitor((await client.query<ReceiptRow>(READ_VISITORS, [consentIds])).rows);

const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map((row) => row[key]);

/**
 * Receipts and their share of the rollup in one statement, so one round trip. The purposes' upsert waits for
 * the days' (it reads their count), so that every writer locks rollup rows in one order: days, then
 * purposes, each sorted (RollupDelta) and none upserted twice. Without ON CONFLICT for the receipts: the
 * caller holds their visitors and read what is stored, so a conflict would mean the rollup is miscounted,
 * and fails the transaction instead.
 */
const write = (client: Client, receipts: NewReceipt[], delta: RollupDelta) => {
  const days = delta.dayRows();
  const purposes = delta.purposeRows();
  return client.query({
    name: 'write-receipts-rollup',
    text: `WITH new_receipts AS (
             INSERT INTO receipts (consent_id, decided_at, digest, received_at, receipt, ip_hash, user_agent)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::json[], $6::text[],
               $7::text[])
           ), days AS (
             INSERT INTO rollup_days (shop, day, lang, revision, decisions, accepted, refused, chose, withdrawals)
             SELECT * FROM unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::bigint[],
               $14::bigint[], $15::bigint[], $16::bigint[])
             ON CONFLICT (shop, day, lang, revision) DO UPDATE SET
               decisions = rollup_days.decisions + excluded.decisions,
               accepted = rollup_days.accepted + excluded.accepted,
               refused = rollup_days.refused + excluded.refused,
               chose = rollup_days.chose + excluded.chose,
               withdrawals = rollup_days.withdrawals + excluded.withdrawals
             RETURNING 1
           ), purposes AS (
             INSERT INTO rollup_purposes (shop, day, lang, revision, purpose, asked, granted)
             SELECT * FROM unnest($17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::bigint[],
               $23::bigint[])
             WHERE (SELECT count(*) FROM days) >= 0
             ON CONFLICT (shop, day, lang, revision, purpose) DO UPDATE SET
               asked = rollup_purposes.asked + excluded.asked,
               granted = rollup_purposes.granted + excluded.granted
           )
           SELECT 1`,
    values: [
      ...(['consentId', 'decidedAt', 'digest'] as const).map((key) => column(receipts, key)),
      receipts.map((row) => new Date(row.receivedAt)),
      ...(['receipt', 'ipHash', 'userAgent'] as const).map((key) => column(receipts, key)),
      ...(['shop', 'day', 'lang', 'revision', 'decisions', 'accepted', 'refused', 'chose', 'withdrawals'] as const).map(
        (key) => column<DayCounts, typeof key>(days, key),
      ),
      ...(['shop', 'day', 'lang', 'revision', 'purpose', 'asked', 'granted'] as const).map((key) =>
        column<PurposeCounts, typeof key>(purposes, key),
      ),
    ],
  });
};

const apply = async (client: Client, delta: RollupDelta) => {
  await write(client, [], delta);
  // Only a row that lost decisions can have reached zero.
  const emptied = delta.dayRows().filter((row) => row.decisions < 0);
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

/** A client of the pool for `work`, given back afterwards, or dropped if its connection broke meanwhile. */
const withClient = async <T>(pool: pg.Pool, work: (client: Client) => Promise<T>) => {
  const client = await pool.connect();
  // A checked-out client that loses its server emits 'error' besides failing its query; unheard, that event
  // would end the process. The failed query already reports it; the broken client is dropped, not reused.
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on('error', onLost);
  try {
    return await work(client);
  } finally {
    client.off('error', onLost);
    client.release(lost);
  }
};

export const inTransaction = <T>(pool: pg.Pool, work: (client: Client) => Promise<T>) =>
  withClient(pool, async (client) => {
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });

/**
 * A batch of receipts and its share of the rollup in two round trips: BEGIN, the visitors' locks and the
 * read of their stored receipts go out together, then the write and COMMIT (the pool's clients pipeline
 * their queries). The server runs them in order, each statement with a snapshot of its own (the session is
 * read committed: openPostgres), so the read sees every receipt committed by whoever held one of the
 * visitors before. Resolves once COMMIT has, with synchronous_commit=on: the WAL is on disk. A failed write
 * turns the COMMIT behind it into a rollback, and the write's error is the rejection.
 */
export const insertWithRollup = (pool: pg.Pool, rows: NewReceipt[]) =>
  withClient(pool, async (client) => {
    const consentIds = [...new Set(rows.map((row) => row.consentId))];
    try {
      const [, , stored] = await Promise.all([
        client.query('BEGIN'),
        lockVisitors(client, consentIds),
        client.query<ReceiptRow>({ name: 'read-visitors', text: READ_VISITORS, values: [consentIds] }),
      ]);
      const { fresh, delta } = addition(stored.rows, rows);
      await Promise.all([fresh.length ? write(client, fresh, delta) : null, client.query('COMMIT')]);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });

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
