import { describe, expect, it } from 'vitest';
import { progressLine } from './progress';

describe('progressLine', () => {
  it('shows the pass, the share of pages done, the queue and the current page', () => {
    expect(progressLine({ pass: 'after-reject', done: 1, queued: 2, url: 'http://shop.test/b' }, 120)).toBe(
      'pass 2/3 [#####...............] 1 done, 2 queued http://shop.test/b',
    );
  });

  it('fits the terminal', () => {
    const line = progressLine(
      { pass: 'before-decision', done: 0, queued: 9, url: `http://shop.test/${'x'.repeat(99)}` },
      60,
    );
    expect(line).toHaveLength(60);
    expect(line.endsWith('…')).toBe(true);
  });
});
