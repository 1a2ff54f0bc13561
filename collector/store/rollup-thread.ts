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

/** The nice value of the rollup's threads, on Linux (rollup-worker.ts). */
export const ROLLUP_NICE = 10;

/** Threads that count and read for /stats: two, as many as the machine the figures are for has cores. */
const THREADS = 2;

interface Thread {
  worker: Worker | null;
  waiting: Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>;
}

/**
 * The SQLite rollup's counting and reads in worker threads of their own (rollup-worker.ts), each on its
 * own connection, so that neither the counting nor the sums of /stats hold up the thread that takes
 * receipts, and two /stats are summed at once. Started at the first call, and again after a crash; an
 * error keeps its code (SQLITE_FULL), as /health and the log classify by it.
 */
export const rollupThread = (file: string) => {
  const threads: Thread[] = Array.from({ length: THREADS }, () => ({ worker: null, waiting: new Map() }));
  let next = 0;

  const start = (thread: Thread) => {
    const started = new Worker(BOOT, { eval: true, workerData: { entry: ENTRY, file } });
    started.on('message', ({ id, result, error }: { id: number; result: never; error?: { message: string } }) => {
      const call = thread.waiting.get(id);
      thread.waiting.delete(id);
      if (error) call?.reject(Object.assign(new Error(error.message), error));
      else call?.resolve(result);
    });
    const failAll = (error: Error) => {
      if (thread.worker === started) thread.worker = null;
      for (const call of thread.waiting.values()) call.reject(error);
      thread.waiting.clear();
    };
    started.on('error', failAll);
    started.on('exit', () => failAll(new Error('the rollup thread stopped')));
    return started;
  };

  const call: Call = (op, arg) =>
    new Promise((resolve, reject) => {
      const thread = threads.reduce((least, each) => (each.waiting.size < least.waiting.size ? each : least));
      thread.worker ??= start(thread);
      const id = next++;
      thread.waiting.set(id, { resolve: resolve as (result: never) => void, reject });
      thread.worker.postMessage({ id, op, arg });
    });

  return {
    call,
    close: () =>
      Promise.all(
        threads.map(async (thread) => {
          const stopping = thread.worker;
          thread.worker = null;
          await stopping?.terminate();
        }),
      ),
  };
};
