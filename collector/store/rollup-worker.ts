import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type Served, sqliteRollup } from './rollup-sqlite';
import { ROLLUP_NICE } from './rollup-thread';
import { openConnection } from './sqlite-connection';

/**
 * A rollup thread (rollup-thread.ts): a connection of its own to the store's file, which works out the
 * rollup's steps and answers the reads of /stats while the store's thread takes receipts. It only reads:
 * WAL lets it read beside the writer, and the store's connection commits what it counted.
 */
const { file } = workerData as { file: string };
// Acknowledging a receipt comes before counting it: on a machine with no core to spare, this thread gets
// what the writer and the HTTP thread leave (ADR 44). Linux gives each thread its own nice value; elsewhere
// the call would lower the whole collector, so it is made on Linux only.
if (process.platform === 'linux') setPriority(ROLLUP_NICE);
const served: Served = sqliteRollup(openConnection(new Database(file), null)).served;

parentPort?.on('message', ({ id, op, arg }: { id: number; op: keyof Served; arg: never }) => {
  try {
    parentPort?.postMessage({ id, result: served[op](arg) });
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    parentPort?.postMessage({ id, error: { message, code } });
  }
});
