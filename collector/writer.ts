import type { NewReceipt, Store } from './store/store';

/** Rows per commit at most, so that one commit stays short however far behind the writer is. */
const MAX_BATCH = 500;

interface Waiting {
  row: NewReceipt;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the receipts that arrive while a commit is under way, or in the same turn of the event
 * loop, are written together in the next one. Every commit syncs to disk, so batching is what keeps that
 * affordable; each request still waits for the commit that holds its own receipt before it is answered.
 * `outcome` hears of every commit: null when it succeeded, the error when not.
 */
export const createWriter = (store: Store, outcome: (error: unknown) => void = () => undefined) => {
  let waiting: Waiting[] = [];
  let writing: Promise<void> | null = null;

  const drain = async () => {
    while (waiting.length) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(MAX_BATCH);
      try {
        await store.insert(batch.map((item) => item.row));
        outcome(null);
        for (const item of batch) item.resolve();
      } catch (error) {
        outcome(error);
        for (const item of batch) item.reject(error);
      }
    }
    writing = null;
  };

  return {
    write: (row: NewReceipt) =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ row, resolve, reject });
        writing ??= new Promise<void>((next) => setImmediate(next)).then(drain);
      }),
    /** Resolves when every receipt handed in so far has been written (or has failed). */
    flushed: () => writing ?? Promise.resolve(),
  };
};
