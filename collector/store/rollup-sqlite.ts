import type Database from 'better-sqlite3';
import type { CountedRow, DayCounts, Decision, PurposeCounts, ReceiptRow } from '../stats/rollup';
import { counting, decisionOf, RollupDelta, removal } from '../stats/rollup';
import { summaryStatements } from './rollup-summary';
import type { RollupRange, RollupRead, RollupSummary } from './store';

/** Raised when the rollup's definition changes, so that the next start-up rebuilds it. */
const ROLLUP_VERSION = '1';

// /stats for all shops reads a range of days from indexes that hold every summed column, without a lookup
// per row in the table; the rollup's steps, off the receipts' path, pay for keeping them.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS rollup_days (
    shop TEXT NOT NULL, day TEXT NOT NULL, lang TEXT NOT NULL, revision TEXT NOT NULL,
    decisions INTEGER NOT NULL, accepted INTEGER NOT NULL, refused INTEGER NOT NULL, chose INTEGER NOT NULL,
    withdrawals INTEGER NOT NULL,
    PRIMARY KEY (shop, day, lang, revision)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS rollup_purposes (
    shop TEXT NOT NULL, day TEXT NOT NULL, lang TEXT NOT NULL, revision TEXT NOT NULL, purpose TEXT NOT NULL,
    asked INTEGER NOT NULL, granted INTEGER NOT NULL,
    PRIMARY KEY (shop, day, lang, revision, purpose)
  ) WITHOUT ROWID;
  DROP INDEX IF EXISTS rollup_days_by_day;
  DROP INDEX IF EXISTS rollup_purposes_by_day;
  CREATE INDEX IF NOT EXISTS rollup_days_by_day_covering
    ON rollup_days (day, lang, revision, decisions, accepted, refused, chose, withdrawals);
  CREATE INDEX IF NOT EXISTS rollup_purposes_by_day_covering
    ON rollup_purposes (day, purpose, lang, revision, asked, granted);
  CREATE TABLE IF NOT EXISTS rollup_pending (id INTEGER PRIMARY KEY);
`;
/** A step's counts, worked out on a rollup thread, for the store's connection to commit. */
export interface Plan {
  /** The epoch the plan read at. */
  at: string;
  days: DayCounts[];
  purposes: PurposeCounts[];
  /** The marks it counted. */
  fresh: number[];
}

const ROW = 'consent_id AS consentId, decided_at AS decidedAt, digest, receipt';
/** Whether a receipt of `receipts` waits to be counted. */
export const PENDING = 'EXISTS (SELECT 1 FROM rollup_pending WHERE rollup_pending.id = receipts.id) AS pending';

/**
 * The rollup in SQLite on one connection: its tables, the uncounted receipts (`rollup_pending`, marked by
 * the store as it writes them) and the steps that count them, the subtraction of deleted receipts inside
 * the store's own transactions (the caller holds one whenever it calls `removing`), the start-up backfill,
 * and the reads of /stats, which count whatever waits first. The store's connection uses the first three;
 * the rollup thread's connection the steps and the reads.
 */
export const sqliteRollup = (db: Database.Database) => {
  db.exec(SCHEMA);
  const visitorRows = db.prepare<[string], CountedRow>(`SELECT ${ROW}, ${PENDING} FROM receipts WHERE consent_id = ?`);
  const waiting = db.prepare<[number], { consentId: string }>(
    `SELECT consent_id AS consentId FROM rollup_pending JOIN receipts USING (id) ORDER BY id LIMIT ?`,
  );
  const visitorsRows = db.prepare<[string], CountedRow & { id: number }>(
    `SELECT receipts.id, ${ROW}, ${PENDING} FROM json_each(?) AS visitor JOIN receipts ON consent_id = visitor.value`,
  );
  const counted = db.prepare<[number]>('DELETE FROM rollup_pending WHERE id = ?');
  const addDay = db.prepare<DayCounts>(
    `INSERT INTO rollup_days (shop, day, lang, revision, decisions, accepted, refused, chose, withdrawals)
     VALUES (@shop, @day, @lang, @revision, @decisions, @accepted, @refused, @chose, @withdrawals)
     ON CONFLICT DO UPDATE SET decisions = decisions + excluded.decisions, accepted = accepted + excluded.accepted,
       refused = refused + excluded.refused, chose = chose + excluded.chose,
       withdrawals = withdrawals + excluded.withdrawals`,
  );
  const addPurpose = db.prepare<PurposeCounts>(
    `INSERT INTO rollup_purposes (shop, day, lang, revision, purpose, asked, granted)
     VALUES (@shop, @day, @lang, @revision, @purpose, @asked, @granted)
     ON CONFLICT DO UPDATE SET asked = asked + excluded.asked, granted = granted + excluded.granted`,
  );
  const dropEmptyDay = db.prepare<DayCounts>(
    `DELETE FROM rollup_days
     WHERE shop = @shop AND day = @day AND lang = @lang AND revision = @revision AND decisions = 0`,
  );
  const dropEmptyPurpose = db.prepare<PurposeCounts>(
    `DELETE FROM rollup_purposes WHERE shop = @shop AND day = @day AND lang = @lang AND revision = @revision
       AND purpose = @purpose AND asked = 0`,
  );
  const version = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'rollup_version'");
  const readEpoch = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'rollup_epoch'");
  const epoch = () => readEpoch.get()?.value ?? '0';
  const bumpEpoch = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('rollup_epoch', '1') ON CONFLICT DO UPDATE SET value = value + 1",
  );
  const setVersion = db.prepare(
    "INSERT INTO settings (key, value) VALUES ('rollup_version', ?) ON CONFLICT DO UPDATE SET value = excluded.value",
  );
  const everyRow = db.prepare<[], ReceiptRow>(`SELECT ${ROW} FROM receipts ORDER BY consent_id`);
  const readDays = db.prepare<[string, string, string | null, string | null], DayCounts>(
    `SELECT shop, day, lang, revision, decisions, accepted, refused, chose, withdrawals FROM rollup_days
     WHERE day >= ? AND day <= ? AND (? IS NULL OR shop = ?)`,
  );
  const readPurposes = db.prepare<[string, string, string | null, string | null], PurposeCounts>(
    `SELECT shop, day, lang, revision, purpose, asked, granted FROM rollup_purposes
     WHERE day >= ? AND day <= ? AND (? IS NULL OR shop = ?)`,
  );
  const firstDays = db.prepare<[string | null, string | null], { revision: string; day: string }>(
    'SELECT revision, min(day) AS day FROM rollup_days WHERE (? IS NULL OR shop = ?) GROUP BY revision',
  );
  const summaries = [false, true].map((byShop) => {
    const sql = summaryStatements('sqlite', byShop);
    return {
      days: db.prepare(sql.days),
      splits: db.prepare(sql.splits),
      purposeDays: db.prepare(sql.purposeDays),
      purposeSplits: db.prepare(sql.purposeSplits),
      firstDays: db.prepare(sql.firstDays),
    };
  });
  const shopNames = db.prepare<[], { shop: string }>('SELECT DISTINCT shop FROM rollup_days ORDER BY shop');

  const applyRows = (days: DayCounts[], purposes: PurposeCounts[]) => {
    for (const row of days) addDay.run(row);
    for (const row of purposes) addPurpose.run(row);
    // Only a row that lost decisions can have reached zero.
    for (const row of days) if (row.decisions < 0) dropEmptyDay.run(row);
    for (const row of purposes) if (row.asked < 0) dropEmptyPurpose.run(row);
  };
  const apply = (delta: RollupDelta) => applyRows(delta.dayRows(), delta.purposeRows());

  const rebuild = () => {
    db.exec('DELETE FROM rollup_days; DELETE FROM rollup_purposes; DELETE FROM rollup_pending;');
    bumpEpoch.run();
    const delta = new RollupDelta();
    let visitor: Decision[] = [];
    const flush = () => {
      delta.change([], visitor);
      visitor = [];
    };
    for (const row of everyRow.iterate()) {
      if (visitor.length && visitor[0].consentId !== row.consentId) flush();
      visitor.push(decisionOf(row));
    }
    flush();
    apply(delta);
    setVersion.run(ROLLUP_VERSION);
  };

  /**
   * A step in two halves. `plan`, on a rollup thread's connection: the receipts of the visitors behind the
   * `limit` oldest uncounted ones, every uncounted receipt of each, read in one snapshot and counted there.
   * `commit`, on the store's connection, the one that writes: the counts added and the marks cleared in
   * one short transaction (a crash keeps both or neither), unless another step, a deletion or a rebuild
   * changed what is counted since the plan read (the epoch); then the step is planned again.
   */
  const plan = db.transaction((limit: number): Plan => {
    const visitors = [...new Set(waiting.all(limit).map((row) => row.consentId))];
    const rows = visitors.length ? visitorsRows.all(JSON.stringify(visitors)) : [];
    const delta = counting(rows);
    return {
      at: epoch(),
      days: delta.dayRows(),
      purposes: delta.purposeRows(),
      fresh: rows.filter((row) => row.pending).map((row) => row.id),
    };
  });
  const commit = db.transaction(({ at, days, purposes, fresh }: Plan) => {
    if (epoch() !== at) return false;
    applyRows(days, purposes);
    for (const id of fresh) counted.run(id);
    bumpEpoch.run();
    return true;
  });

  return {
    /**
     * Call before deleting `rows`, in the same transaction; the function it returns after the delete. The
     * visitors' remaining receipts are read once they are gone, so that a later receipt's withdrawal is
     * recounted against the decision that now comes before it. Receipts not counted yet are in no figure.
     */
    removing(rows: CountedRow[]) {
      const gone = rows.filter((row) => !row.pending);
      return () => {
        bumpEpoch.run();
        const visitors = [...new Set(gone.map((row) => row.consentId))];
        const remaining = visitors.flatMap((consentId) => visitorRows.all(consentId)).filter((row) => !row.pending);
        apply(removal(gone, remaining));
      };
    },
    /** Builds the rollup unless it is built; whether it ran. */
    backfill: () => {
      if (version.get()?.value === ROLLUP_VERSION) return false;
      db.transaction(rebuild).immediate();
      return true;
    },
    rebuild: () => db.transaction(rebuild).immediate(),
    /** Whether the plan was still good, and its counts are in. */
    commit: (planned: Plan) => commit.immediate(planned),
    /** What the rollup threads serve (rollup-thread.ts): they read, and only read. */
    served: {
      plan,
      read: (range: RollupRange): RollupRead => {
        const { from, to, shop } = range;
        return {
          days: readDays.all(from, to, shop, shop),
          purposes: readPurposes.all(from, to, shop, shop),
          firstDays: firstDays.all(shop, shop),
        };
      },
      summary: ({ from, to, shop }: RollupRange) => {
        const statements = summaries[shop === null ? 0 : 1];
        const range = shop === null ? { from, to } : { from, to, shop };
        return {
          days: statements.days.all(range),
          splits: statements.splits.all(range),
          purposeDays: statements.purposeDays.all(range),
          purposeSplits: statements.purposeSplits.all(range),
          firstDays: statements.firstDays.all(shop === null ? {} : { shop }),
        } as RollupSummary;
      },
      shops: () => shopNames.all().map((row) => row.shop),
    },
  };
};

export type SqliteRollup = ReturnType<typeof sqliteRollup>;
export type Served = SqliteRollup['served'];
