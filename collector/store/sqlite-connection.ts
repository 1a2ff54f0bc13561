import type Database from 'better-sqlite3';

/**
 * The settings every connection to the store's file needs. WAL lets readers read while receipts are
 * written; busy_timeout makes one connection wait for the other's write. `synchronous`: FULL syncs the WAL
 * at every commit, so an acknowledged receipt survives a power cut as well as a killed process
 * (docs/adr/0026-durable-before-204.md). Per connection, not kept in the file: `maxMegabytes`, past which a
 * write that needs a page fails with SQLITE_FULL, as on a full disk, leaving the disk's last megabytes to
 * everything else.
 */
export const openConnection = (db: Database.Database, maxMegabytes: number | null) => {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  if (maxMegabytes !== null)
    db.pragma(
      `max_page_count = ${Math.floor((maxMegabytes * 1024 * 1024) / Number(db.pragma('page_size', { simple: true })))}`,
    );
  return db;
};
