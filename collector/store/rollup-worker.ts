import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type Served, sqliteRollup } from './rollup-sqlite';
import { openConnection } from './sqlite-connection';

/**
 * The rollup thread (rollup-thread.ts): a second connection to the store's file, which counts receipts and
 * answers the reads of /stats while the store's thread takes receipts. WAL lets it read beside the writer;
 * its short write transactions wait for the writer's and the writer for them (busy_timeout).
 */
const { file, maxMegabytes } = workerData as { file: string; maxMegabytes: number | null };
// A step's commit need not be synced: if the machine loses it, its receipts are still marked, and the next
// step counts them; the next receipt's commit syncs the log, this commit with it.
const served: Served = sqliteRollup(openConnection(new Database(file), maxMegabytes, 'NORMAL')).served;

parentPort?.on('message', ({ id, op, arg }: { id: number; op: keyof Served; arg: never }) => {
  try {
    parentPort?.postMessage({ id, result: served[op](arg) });
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    parentPort?.postMessage({ id, error: { message, code } });
  }
});
