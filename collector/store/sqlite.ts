import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CountedRow } from '../stats/rollup';
import { catchUp } from './catch-up';
import { PENDING, sqliteRollup } from './rollup-sqlite';
import { rollupThread } from './rollup-thread';
import { openConnection } from './sqlite-connection';
import type { Cursor, NewReceipt, Store, StoredReceipt } from './store';

interface Row {
  id: number;
  received_at: number;
  ip_hash: string;
  user_agent: string;
  receipt: string;
}

const toStored = (row: Row): StoredReceipt => ({
  receivedAt: new Date(row.received_at).toISOString(),
  ipHash: row.ip_hash,
  userAgent: row.user_agent,
  receipt: JSON.parse(row.receipt),
});

/**
 * One SQLite file, written by this process only, and by this thread's connection only; the rollup's
 * threads (rollup-thread.ts) read it on connections of their own, so it must be a file.
 */
export const openSqlite = (file: string, maxMegabytes: number | null = null): Store => {
  if (file === ':memory:') throw new Error('SQLite needs a file: the rollup reads it on connections of its own.');
  mkdirSync(dirname(file), { recursive: true });
  const db = openConnection(new Database(file), maxMegabytes);
  db.exec(`
    CREATE TABLE IF NOT EXISTS receipts (
      id INTEGER PRIMARY KEY,
      consent_id TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      digest TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      receipt TEXT NOT NULL,
      ip_hash TEXT NOT NULL,
      user_agent TEXT NOT NULL,
      UNIQUE (consent_id, decided_at, digest)
    );
    CREATE INDEX IF NOT EXISTS receipts_received_at ON receipts (received_at);
    CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS deletions (at INTEGER NOT NULL, cutoff INTEGER NOT NULL, deleted INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS erasures (at INTEGER NOT NULL, erased INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS health_probe (at INTEGER NOT NULL, padding BLOB NOT NULL);
  `);

  const insertOne = db.prepare(
    `INSERT INTO receipts (consent_id, decided_at, digest, received_at, receipt, ip_hash, user_agent)
     VALUES (@consentId, @decidedAt, @digest, @receivedAt, @receipt, @ipHash, @userAgent)
     ON CONFLICT DO NOTHING`,
  );
  const rollup = sqliteRollup(db);
  const thread = rollupThread(file);
  // A step is counted on a rollup thread and committed here, by the one connection that writes: two
  // writers would wait for each other in SQLite's busy handler, which sleeps, holding up the event loop.
  const step = async (limit: number) => {
    for (;;) {
      const planned = await thread.call('plan', limit);
      if (!planned.fresh.length || rollup.commit(planned)) return planned.fresh.length;
    }
  };
  // Each new receipt is marked for the rollup in its own commit; counting it is a later step's work.
  const insertPending = db.prepare<[number | bigint]>('INSERT INTO rollup_pending (id) VALUES (?)');
  const insertAll = db.transaction((rows: NewReceipt[]) => {
    for (const row of rows) {
      const written = insertOne.run(row);
      if (written.changes) insertPending.run(written.lastInsertRowid);
    }
  });
  const byConsent = db.prepare<[string], Row>(
    `SELECT id, received_at, ip_hash, user_agent, receipt FROM receipts
     WHERE consent_id = ? ORDER BY decided_at, received_at, id`,
  );
  const firstPage = db.prepare<[number, number, number], Row>(
    `SELECT id, received_at, ip_hash, user_agent, receipt FROM receipts
     WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id LIMIT ?`,
  );
  const nextPage = db.prepare<[number, number, number, number, number], Row>(
    `SELECT id, received_at, ip_hash, user_agent, receipt FROM receipts
     WHERE received_at >= ? AND received_at < ? AND (received_at, id) > (?, ?) ORDER BY received_at, id LIMIT ?`,
  );
  const oldest = db.prepare<[number, number], CountedRow & { id: number }>(
    `SELECT id, consent_id AS consentId, decided_at AS decidedAt, digest, receipt, ${PENDING} FROM receipts
     WHERE received_at < ? ORDER BY received_at LIMIT ?`,
  );
  const ofVisitor = db.prepare<[string], CountedRow & { id: number }>(
    `SELECT id, consent_id AS consentId, decided_at AS decidedAt, digest, receipt, ${PENDING} FROM receipts
     WHERE consent_id = ?`,
  );
  const deleteRow = db.prepare<[number]>('DELETE FROM receipts WHERE id = ?');
  const deletePending = db.prepare<[number]>('DELETE FROM rollup_pending WHERE id = ?');
  const deleteRows = db.transaction((rows: (CountedRow & { id: number })[]) => {
    const recount = rollup.removing(rows);
    for (const row of rows) {
      deleteRow.run(row.id);
      if (row.pending) deletePending.run(row.id);
    }
    recount();
    return rows.length;
  });
  const recordDeletion = db.prepare('INSERT INTO deletions (at, cutoff, deleted) VALUES (?, ?, ?)');
  const count = db.prepare<[], { receipts: number }>('SELECT count(*) AS receipts FROM receipts');
  const deletions = db.prepare<[], { deleted: number; last: number | null }>(
    'SELECT coalesce(sum(deleted), 0) AS deleted, max(at) AS last FROM deletions',
  );
  const recordErasure = db.prepare('INSERT INTO erasures (at, erased) VALUES (?, ?)');
  const erase = db.transaction((consentId: string, at: number) => {
    const erased = deleteRows(ofVisitor.all(consentId));
    recordErasure.run(at, erased);
    return erased;
  });
  const listErasures = db.prepare<[], { at: number; erased: number }>('SELECT at, erased FROM erasures ORDER BY at');
  // 8 KB, more than the largest receipt with its user agent: new pages, as a receipt may need.
  const probeWrite = db.prepare('INSERT INTO health_probe (at, padding) VALUES (?, zeroblob(8192))');
  const probeClear = db.prepare('DELETE FROM health_probe');
  const probe = db.transaction((at: number) => {
    probeWrite.run(at);
    probeClear.run();
  });
  const keepSalt = db.prepare("INSERT INTO settings (key, value) VALUES ('ip_salt', ?) ON CONFLICT DO NOTHING");
  const readSalt = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'ip_salt'");

  return {
    kind: 'sqlite',
    // Synchronous: the commit, and its fsync, is done when this returns.
    insert: async (rows) => {
      insertAll.immediate(rows);
    },
    byConsentId: async (consentId) => byConsent.all(consentId).map(toStored),
    page: async (from, to, after: Cursor | null, limit) => {
      const rows = after
        ? nextPage.all(from, to, after.receivedAt, Number(after.row), limit)
        : firstPage.all(from, to, limit);
      const last = rows.at(-1);
      return {
        rows: rows.map(toStored),
        next: rows.length === limit && last ? { receivedAt: last.received_at, row: String(last.id) } : null,
      };
    },
    deleteReceivedBefore: async (cutoff, limit) => deleteRows.immediate(oldest.all(cutoff, limit)),
    recordDeletion: async (at, cutoff, deleted) => {
      recordDeletion.run(at, cutoff, deleted);
    },
    stats: async () => {
      const { deleted, last } = deletions.get() ?? { deleted: 0, last: null };
      return {
        receipts: count.get()?.receipts ?? 0,
        deleted,
        lastDeletionAt: last === null ? null : new Date(last).toISOString(),
      };
    },
    erase: async (consentId, at) => erase.immediate(consentId, at),
    erasures: async () => listErasures.all().map(({ at, erased }) => ({ at: new Date(at).toISOString(), erased })),
    probe: async () => {
      probe.immediate(Date.now());
    },
    salt: async (fresh) => {
      keepSalt.run(fresh);
      return readSalt.get()?.value ?? fresh;
    },
    rollup: {
      count: step,
      catchUp: () => catchUp(step),
      read: async (range) => {
        await catchUp(step);
        return thread.call('read', range);
      },
      summary: async (range) => {
        await catchUp(step);
        return thread.call('summary', range);
      },
      shops: async () => {
        await catchUp(step);
        return thread.call('shops');
      },
      backfill: async () => rollup.backfill(),
      rebuild: async () => rollup.rebuild(),
    },
    close: async () => {
      await thread.close();
      db.close();
    },
  };
};
