import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Served } from './rollup-sqlite';

const ENTRY = fileURLToPath(new URL('./rollup-worker.ts', import.meta.url));
// The collector runs from its TypeScript sources (tsx); a worker thread loads them through tsx's require hook.
const BOOT = `const { workerData } = require('node:worker_threads');
const load = require('node:module').createRequire(workerData.entry);
load('tsx/cjs/api').register();
load(workerData.entry);`;

type Call = <K extends keyof Served>(op: K, arg?: Parameters<Served[K]>[0]) => Promise<ReturnType<Served[K]>>;

/**
 * The SQLite rollup's steps and reads in a worker thread of their own (rollup-worker.ts), so that neither
 * the counting nor the sums of /stats hold up the thread that takes receipts. Started at the first call,
 * and again after a crash; an error keeps its code (SQLITE_FULL), as /health and the log classify by it.
 */
export const rollupThread = (file: string, maxMegabytes: number | null) => {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();

  const start = () => {
    const started = new Worker(BOOT, { eval: true, workerData: { entry: ENTRY, file, maxMegabytes } });
    started.on('message', ({ id, result, error }: { id: number; result: never; error?: { message: string } }) => {
      const call = waiting.get(id);
      waiting.delete(id);
      if (error) call?.reject(Object.assign(new Error(error.message), error));
      else call?.resolve(result);
    });
    const failAll = (error: Error) => {
      if (worker === started) worker = null;
      for (const call of waiting.values()) call.reject(error);
      waiting.clear();
    };
    started.on('error', failAll);
    started.on('exit', () => failAll(new Error('the rollup thread stopped')));
    return started;
  };

  const call: Call = (op, arg) =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = next++;
      waiting.set(id, { resolve: resolve as (result: never) => void, reject });
      worker.postMessage({ id, op, arg });
    });

  return {
    call,
    async close() {
      const stopping = worker;
      worker = null;
      await stopping?.terminate();
    },
  };
};
