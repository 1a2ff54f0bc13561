import type { Store } from './store/store';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
/** Rows per DELETE: a large first clean-up never holds SQLite (and the event loop) for long. */
const CHUNK = 1000;

/**
 * Deletes the receipts received more than `days` ago, at start and then every hour. Each clean-up that
 * deleted something is itself recorded (when, up to which receive time, how many), and /health reports it.
 */
export const createRetention = (store: Store, days: number, clock: () => number, onError: (error: unknown) => void) => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let lastRunAt: number | null = null;

  const clean = async () => {
    const cutoff = clock() - days * DAY_MS;
    let deleted = 0;
    for (;;) {
      const count = await store.deleteReceivedBefore(cutoff, CHUNK);
      deleted += count;
      if (count < CHUNK) break;
      // Receipts keep arriving while a large backlog is deleted.
      await new Promise((next) => setImmediate(next));
    }
    if (deleted > 0) await store.recordDeletion(clock(), cutoff, deleted);
    lastRunAt = clock();
    return deleted;
  };

  /** One clean-up at a time: a run still busy when the next is due is not started twice. */
  const run = () => {
    running ??= clean().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    run,
    start() {
      const scheduled = () => run().catch(onError);
      scheduled();
      timer = setInterval(scheduled, RETENTION_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
    lastRunAt: () => (lastRunAt === null ? null : new Date(lastRunAt).toISOString()),
  };
};
