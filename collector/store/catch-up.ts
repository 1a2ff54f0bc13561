/** Receipts counted per transaction by a step of the rollup. */
export const COUNT_STEP = 2000;

/**
 * Steps until one finds fewer than a step's worth waiting: every receipt committed before the call was
 * waiting when that step read, so it is counted. Resolves with how many were counted.
 */
export const catchUp = async (step: (limit: number) => Promise<number>) => {
  let total = 0;
  for (;;) {
    const count = await step(COUNT_STEP);
    total += count;
    if (count < COUNT_STEP) return total;
  }
};
