/** Wrong tokens allowed from one address in a window, before it has to wait for the window to end. */
export const MAX_WRONG = 5;
export const WINDOW_MS = 15 * 60 * 1000;
/** Addresses remembered at most: a flood of addresses cannot grow the map without bound. */
const MAX_ADDRESSES = 10_000;

/**
 * Counts wrong tokens per client address, in memory. Only failures count, so an owner who reloads the
 * dashboard is never held back; after MAX_WRONG failures in a window even the right token waits, so that
 * guessing costs a quarter of an hour per five tries. Per instance: behind a load balancer each collector
 * counts for itself (docs/adr/0038-dashboard-sign-in.md).
 */
export const wrongTokenLimiter = (clock: () => number) => {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (address: string) => {
    const entry = failures.get(address);
    if (entry && clock() - entry.since >= WINDOW_MS) {
      failures.delete(address);
      return undefined;
    }
    return entry;
  };
  return {
    /** Milliseconds until this address may try again; 0 if it may now. */
    waitFor(address: string) {
      const entry = current(address);
      return entry && entry.count >= MAX_WRONG ? entry.since + WINDOW_MS - clock() : 0;
    },
    failed(address: string) {
      const entry = current(address);
      if (entry) entry.count++;
      else {
        if (failures.size >= MAX_ADDRESSES) failures.delete(failures.keys().next().value as string);
        failures.set(address, { count: 1, since: clock() });
      }
    },
  };
};
