import type pg from 'pg';
import type { CountedRow, DayCounts, PurposeCounts, ReceiptRow } from '../stats/rollup';
import { byVisitor, counting, decisionOf, RollupDelta, removal } from '../stats/rollup';
import { catchUp } from './catch-up';
import { type Client, column, inTransaction } from './postgres-client';
import { summaryStatements } from './rollup-summary';
import type { NewReceipt, Rollup, RollupRange, RollupSummary } from './store';

/** Raised when the rollup's definition changes, so that the next start-up rebuilds it. */
const ROLLUP_VERSION = '1';
const BACKFILL_PAGE = 20_000; // visitors read per query by the backfill

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
  CREATE TABLE IF NOT EXISTS rollup_pending (id bigint PRIMARY KEY);
`;

const ROW = 'consent_id AS "consentId", decided_at AS "decidedAt", digest, receipt::text AS receipt';

/**
 * Whoever changes the rollup holds this lock (a step, a deletion, the rebuild), so two collectors never
 * count one receipt twice. Always taken first, before any table lock, so none waits for another.
 */
export const lockRollup = (client: Client) =>
  client.query("SELECT pg_advisory_xact_lock(hashtext('shopconsent-collector-rollup'))");

// A lookup per row in the marks' key, whatever the planner believes of a table that is emptied all day.
const PENDING = '(SELECT 1 FROM rollup_pending WHERE rollup_pending.id = receipts.id) IS NOT NULL AS pending';

/** Every stored receipt of these visitors, and whether it is counted. */
const readVisitors = async (client: Client, consentIds: string[]) =>
  (
    await client.query<CountedRow & { id: string }>({
      name: 'read-visitors',
      text: `SELECT id, ${ROW}, ${PENDING} FROM receipts WHERE consent_id = ANY($1::text[])`,
      values: [consentIds],
    })
  ).rows;

/**
 * Both rollup tables in one statement, days first, then purposes (the purposes' upsert reads the days'
 * count, so it waits for it), each sorted (RollupDelta).
 */
const upsert = (client: Client, delta: RollupDelta) => {
  const days = delta.dayRows();
  const purposes = delta.purposeRows();
  return client.query({
    name: 'upsert-rollup',
    text: `WITH days AS (
             INSERT INTO rollup_days (shop, day, lang, revision, decisions, accepted, refused, chose, withdrawals)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[],
               $7::bigint[], $8::bigint[], $9::bigint[])
             ON CONFLICT (shop, day, lang, revision) DO UPDATE SET
               decisions = rollup_days.decisions + excluded.decisions,
               accepted = rollup_days.accepted + excluded.accepted,
               refused = rollup_days.refused + excluded.refused,
               chose = rollup_days.chose + excluded.chose,
               withdrawals = rollup_days.withdrawals + excluded.withdrawals
             RETURNING 1
           )
           INSERT INTO rollup_purposes (shop, day, lang, revision, purpose, asked, granted)
           SELECT * FROM unnest($10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[],
             $16::bigint[])
           WHERE (SELECT count(*) FROM days) >= 0
           ON CONFLICT (shop, day, lang, revision, purpose) DO UPDATE SET
             asked = rollup_purposes.asked + excluded.asked,
             granted = rollup_purposes.granted + excluded.granted`,
    values: [
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
  await upsert(client, delta);
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
 * Call inside the transaction that deleted `rows`, after the delete, holding the rollup's lock: the
 * receipts among them that were counted are taken out, and their visitors' withdrawals recounted against the
 * counted receipts that remain. Receipts not counted yet are in no figure; their marks go with them.
 */
export const rollupRemoved = async (client: Client, rows: (ReceiptRow & { id: string })[]) => {
  if (!rows.length) return;
  const unmarked = await client.query<{ id: string }>(
    'DELETE FROM rollup_pending WHERE id = ANY($1::bigint[]) RETURNING id',
    [rows.map((row) => row.id)],
  );
  const pending = new Set(unmarked.rows.map((row) => row.id));
  const gone = rows.filter((row) => !pending.has(row.id));
  if (!gone.length) return;
  const remaining = await readVisitors(client, [...new Set(gone.map((row) => row.consentId))]);
  const counted = remaining.filter((row) => !row.pending);
  await apply(client, removal(gone, counted));
};

/**
 * A batch of receipts and their marks for the rollup in one statement, so one round trip and one commit
 * (synchronous_commit=on: resolves once the WAL is on disk). A repeat of a stored receipt adds neither.
 */
export const insertReceipts = (pool: pg.Pool, rows: NewReceipt[]) =>
  pool.query({
    name: 'insert-receipts',
    text: `WITH new_receipts AS (
             INSERT INTO receipts (consent_id, decided_at, digest, received_at, receipt, ip_hash, user_agent)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::json[], $6::text[],
               $7::text[])
             ON CONFLICT DO NOTHING
             RETURNING id
           )
           INSERT INTO rollup_pending (id) SELECT id FROM new_receipts`,
    values: [
      ...(['consentId', 'decidedAt', 'digest'] as const).map((key) => column(rows, key)),
      rows.map((row) => new Date(row.receivedAt)),
      ...(['receipt', 'ipHash', 'userAgent'] as const).map((key) => column(rows, key)),
    ],
  });

/**
 * One step of the rollup: the visitors behind the `limit` oldest uncounted receipts, every uncounted
 * receipt of each counted and unmarked in one transaction, under the rollup's lock. The visitors' receipts
 * are read in one statement, so with one snapshot: a receipt committed after it stays marked for the next
 * step, and one it saw is counted against exactly the receipts it saw counted.
 */
const step = (pool: pg.Pool, limit: number) =>
  inTransaction(pool, async (client) => {
    await lockRollup(client);
    const waiting = await client.query<{ consentId: string }>({
      name: 'rollup-waiting',
      // The oldest marks first, then their receipts by key: a join would scan the receipts from the oldest.
      text: `SELECT (SELECT consent_id FROM receipts WHERE receipts.id = marks.id) AS "consentId"
             FROM (SELECT id FROM rollup_pending ORDER BY id LIMIT $1) AS marks`,
      values: [limit],
    });
    if (!waiting.rows.length) return 0;
    const rows = await readVisitors(client, [...new Set(waiting.rows.map((row) => row.consentId))]);
    const fresh = rows.filter((row) => row.pending).map((row) => row.id);
    await apply(client, counting(rows));
    await client.query('DELETE FROM rollup_pending WHERE id = ANY($1::bigint[])', [fresh]);
    return fresh.length;
  });

/** Counts every receipt committed before the call; with no mark left, there is nothing to wait for. */
const countWaiting = async (pool: pg.Pool) => {
  const marked = await pool.query<{ waiting: boolean }>({
    name: 'rollup-any-waiting',
    text: 'SELECT EXISTS (SELECT 1 FROM rollup_pending) AS waiting',
  });
  return marked.rows[0].waiting ? catchUp((limit) => step(pool, limit)) : 0;
};

/**
 * Rebuilds the rollup from every receipt. Receipts are held still meanwhile (SHARE mode lets other
 * collectors read, not write), so that none is counted twice or missed; it runs once, at the first start
 * of a version that brings the rollup, and writers wait for it.
 */
const rebuild = async (client: Client, onlyIfMissing: boolean) => {
  await lockRollup(client);
  await client.query('LOCK TABLE receipts IN SHARE MODE');
  if (onlyIfMissing) {
    const built = await client.query("SELECT 1 FROM settings WHERE key = 'rollup_version' AND value = $1", [
      ROLLUP_VERSION,
    ]);
    if (built.rowCount) return false;
  }
  await client.query('DELETE FROM rollup_days');
  await client.query('DELETE FROM rollup_purposes');
  await client.query('DELETE FROM rollup_pending');
  const delta = new RollupDelta();
  let after = '';
  for (;;) {
    const page = await client.query<{ consentId: string }>(
      `SELECT DISTINCT consent_id AS "consentId" FROM receipts WHERE consent_id > $1 ORDER BY 1 LIMIT $2`,
      [after, BACKFILL_PAGE],
    );
    if (!page.rows.length) break;
    const ids = page.rows.map((row) => row.consentId);
    for (const rows of byVisitor(await readVisitors(client, ids)).values()) delta.change([], rows.map(decisionOf));
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
  count: (limit) => step(pool, limit),
  catchUp: () => countWaiting(pool),
  backfill: () => inTransaction(pool, (client) => rebuild(client, true)),
  rebuild: async () => {
    await inTransaction(pool, (client) => rebuild(client, false));
  },
  read: async ({ from, to, shop }: RollupRange) => {
    await countWaiting(pool);
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
    await countWaiting(pool);
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
  shops: async () => {
    await countWaiting(pool);
    return (await pool.query<{ shop: string }>('SELECT DISTINCT shop FROM rollup_days ORDER BY shop')).rows.map(
      (row) => row.shop,
    );
  },
});
