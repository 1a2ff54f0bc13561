// @vitest-environment node
import { afterEach, expect, it, vi } from 'vitest';
import { createRollupCounter } from './rollup-counter';
import type { Rollup } from './store/store';

afterEach(() => {
  vi.useRealTimers();
});

/** A rollup with `waiting` receipts to count, 2,000 a step at most, as the stores count them. */
const rollupOf = (waiting: number, fail = false) => {
  const steps: number[] = [];
  const rollup = {
    count: async (limit: number) => {
      if (fail) throw new Error('disk full');
      const counted = Math.min(limit, waiting);
      waiting -= counted;
      steps.push(counted);
      return counted;
    },
  } as unknown as Rollup;
  return { rollup, steps, waiting: () => waiting };
};

it('counts soon after a commit, step after step until nothing waits, once for several commits', async () => {
  vi.useFakeTimers();
  const { rollup, steps, waiting } = rollupOf(4500);
  const counter = createRollupCounter(rollup, () => undefined);
  counter.poke();
  counter.poke();
  expect(steps).toEqual([]);
  await vi.advanceTimersByTimeAsync(1000);
  expect(steps).toEqual([2000, 2000, 500]);
  expect(waiting()).toBe(0);
  await counter.stop();
});

it('reports a failed step, and tries again at the next commit', async () => {
  vi.useFakeTimers();
  const errors: unknown[] = [];
  const { rollup } = rollupOf(10, true);
  const counter = createRollupCounter(rollup, (error) => errors.push(error));
  counter.poke();
  await vi.advanceTimersByTimeAsync(1000);
  expect(errors).toEqual([new Error('disk full')]);
  counter.poke();
  await vi.advanceTimersByTimeAsync(1000);
  expect(errors).toHaveLength(2);
  await counter.stop();
});

it('counts nothing once stopped, not even a step that was due', async () => {
  vi.useFakeTimers();
  const { rollup, steps } = rollupOf(10);
  const counter = createRollupCounter(rollup, () => undefined);
  counter.poke();
  await counter.stop();
  counter.poke();
  await vi.advanceTimersByTimeAsync(1000);
  expect(steps).toEqual([]);
});
