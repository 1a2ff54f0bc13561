import { COUNT_STEP } from './store/catch-up';
import type { Rollup } from './store/store';

/** How long a step waits after the commit that called for it, so that it counts several commits at once. */
const DELAY_MS = 250;

/**
 * Counts the receipts the writer stored into the dashboard's rollup, in the background: a step soon after
 * a commit, as many as it takes to count what waits, the event loop getting a turn between two. A failed
 * step leaves the receipts marked, so the next step, or the next read of the rollup, counts them.
 */
export const createRollupCounter = (rollup: Rollup, onError: (error: unknown) => void) => {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let steps = Promise.resolve();

  const run = async () => {
    try {
      while (!stopped && (await rollup.count(COUNT_STEP)) === COUNT_STEP)
        await new Promise((next) => setImmediate(next));
    } catch (error) {
      onError(error);
    }
  };

  return {
    /** Receipts were stored: count them soon. */
    poke() {
      if (stopped || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        steps = steps.then(run);
      }, DELAY_MS);
    },
    /** No step after this; resolves once the one under way, if any, has ended. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await steps;
    },
  };
};
