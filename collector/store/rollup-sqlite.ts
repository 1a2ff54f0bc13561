import type Database from 'better-sqlite3';
import {
  type CountedRow,
  counting,
  type DayCounts,
  type Decision,
  decisionOf,
  type PurposeCounts,
  type ReceiptRow,
  RollupDelta,
  removal,
} from '../stats/rollup';
import { summaryStatements } from './rollup-summary';
import type { Rollup, RollupRange, RollupSummary } from './store';

/** Raised when the rollup's definition changes, so that the next start-up rebuilds it. */
const ROLLUP_VERSION = '1';

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
  CREATE INDEX IF NOT EXISTS rollup_days_by_day ON rollup_days (day);
  CREATE INDEX IF NOT EXISTS rollup_purposes_by_day ON rollup_purposes (day);
  CREATE TABLE IF NOT EXISTS rollup_pending (id INTEGER PRIMARY KEY);
`;
/** Receipts counted per transaction by a step of the rollup. */
export const COUNT_STEP = 2000;

const ROW = 'consent_id AS consentId, decided_at AS decidedAt, digest, receipt';
/** Whether a receipt of `receipts` waits to be counted. */
export const PENDING = 'EXISTS (SELECT 1 FROM rollup_pending WHERE rollup_pending.id = receipts.id) AS pending';

/**
 * The rollup in SQLite: its tables, the uncounted receipts (`rollup_pending`, written with them) and the
 * steps that count them, the subtraction of deleted receipts inside the store's own transactions (the
 * caller holds one whenever it calls `removing`), the start-up backfill and the reads of /stats, which count
 * whatever waits first.
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

  const apply = (delta: RollupDelta) => {
    const days = delta.dayRows();
    const purposes = delta.purposeRows();
    for (const row of days) addDay.run(row);
    for (const row of purposes) addPurpose.run(row);
    // Only a row that lost decisions can have reached zero.
    for (const row of days) if (row.decisions < 0) dropEmptyDay.run(row);
    for (const row of purposes) if (row.asked < 0) dropEmptyPurpose.run(row);
  };

  const rebuild = () => {
    db.exec('DELETE FROM rollup_days; DELETE FROM rollup_purposes; DELETE FROM rollup_pending;');
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
   * Counts the receipts of the visitors behind the `limit` oldest uncounted ones, every uncounted receipt of
   * each, and marks them counted in the same transaction: a crash keeps both or neither.
   */
  const step = db.transaction((limit: number) => {
    const visitors = [...new Set(waiting.all(limit).map((row) => row.consentId))];
    if (!visitors.length) return 0;
    const rows = visitorsRows.all(JSON.stringify(visitors));
    apply(counting(rows));
    const fresh = rows.filter((row) => row.pending);
    for (const row of fresh) counted.run(row.id);
    return fresh.length;
  });
  /** Synchronous, so no receipt comes in between: every receipt stored before the call is counted after it. */
  const catchUp = () => {
    let total = 0;
    for (let count = step(COUNT_STEP); count > 0; count = step(COUNT_STEP)) total += count;
    return total;
  };

  const rollup: Rollup & { removing(rows: CountedRow[]): () => void } = {
    /**
     * Call before deleting `rows`, in the same transaction; the function it returns after the delete. The
     * visitors' remaining receipts are read once they are gone, so that a later receipt's withdrawal is
     * recounted against the decision that now comes before it. Receipts not counted yet are in no figure.
     */
    removing(rows) {
      const gone = rows.filter((row) => !row.pending);
      return () => {
        const visitors = [...new Set(gone.map((row) => row.consentId))];
        const remaining = visitors.flatMap((consentId) => visitorRows.all(consentId)).filter((row) => !row.pending);
        apply(removal(gone, remaining));
      };
    },
    count: async (limit) => step(limit),
    catchUp: async () => catchUp(),
    backfill: async () => {
      if (version.get()?.value === ROLLUP_VERSION) return false;
      db.transaction(rebuild).immediate();
      return true;
    },
    rebuild: async () => {
      db.transaction(rebuild).immediate();
    },
    read: async ({ from, to, shop }: RollupRange) => {
      catchUp();
      return {
        days: readDays.all(from, to, shop, shop),
        purposes: readPurposes.all(from, to, shop, shop),
        firstDays: firstDays.all(shop, shop),
      };
    },
    summary: async ({ from, to, shop }: RollupRange) => {
      catchUp();
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
    shops: async () => {
      catchUp();
      return shopNames.all().map((row) => row.shop);
    },
  };
  return rollup;
};
