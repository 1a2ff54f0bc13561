import { describe, expect, it } from 'vitest';
import type { ConsentState } from './state';
import { isCurrent, narrowed } from './validity';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const ASKED = ['necessary', 'analytics', 'marketing'];

const stored = (over: Partial<ConsentState> = {}): ConsentState => ({
  id: 'abcdefgh12345678wxyz',
  decidedAt: new Date(NOW - 10 * DAY).toISOString(),
  revision: '3',
  purposes: { necessary: true, analytics: true, marketing: false },
  lang: 'mn',
  source: 'banner',
  ...over,
});
const at = (ms: number) => new Date(ms).toISOString();

describe('isCurrent', () => {
  it('is true for a recent decision under the same revision covering every purpose', () => {
    expect(isCurrent(stored(), '3', 182, ASKED, NOW)).toBe(true);
  });

  it('is true for a decision made just now, and up to exactly expiresDays old', () => {
    expect(isCurrent(stored({ decidedAt: at(NOW) }), '3', 182, ASKED, NOW)).toBe(true);
    expect(isCurrent(stored({ decidedAt: at(NOW - 182 * DAY + 1000) }), '3', 182, ASKED, NOW)).toBe(true);
  });

  it('is false when older than expiresDays', () => {
    expect(isCurrent(stored({ decidedAt: at(NOW - 182 * DAY - 1000) }), '3', 182, ASKED, NOW)).toBe(false);
    expect(isCurrent(stored({ decidedAt: at(NOW - 31 * DAY) }), '3', 30, ASKED, NOW)).toBe(false);
    expect(isCurrent(stored({ decidedAt: at(NOW - 2 * DAY) }), '3', 1, ASKED, NOW)).toBe(false);
  });

  it('tolerates a clock up to a day ahead, not more', () => {
    expect(isCurrent(stored({ decidedAt: at(NOW + 60_000) }), '3', 182, ASKED, NOW)).toBe(true);
    expect(isCurrent(stored({ decidedAt: at(NOW + DAY - 1000) }), '3', 182, ASKED, NOW)).toBe(true);
    expect(isCurrent(stored({ decidedAt: at(NOW + DAY + 1000) }), '3', 182, ASKED, NOW)).toBe(false);
    expect(isCurrent(stored({ decidedAt: at(NOW + 400 * DAY) }), '3', 182, ASKED, NOW)).toBe(false);
  });

  it('is false when the revision differs', () => {
    expect(isCurrent(stored(), '4', 182, ASKED, NOW)).toBe(false);
    expect(isCurrent(stored({ revision: '3.0' }), '3', 182, ASKED, NOW)).toBe(false);
  });

  it('is false when the shop now asks about a purpose the decision does not cover', () => {
    expect(isCurrent(stored(), '3', 182, [...ASKED, 'personalization'], NOW)).toBe(false);
    expect(isCurrent(stored({ purposes: { necessary: true, analytics: true } }), '3', 182, ASKED, NOW)).toBe(false);
  });

  it('is true when the decision covers more purposes than the shop asks about now', () => {
    expect(isCurrent(stored(), '3', 182, ['necessary', 'analytics'], NOW)).toBe(true);
  });

  it('does not take a purpose named like an Object.prototype member as covered', () => {
    expect(isCurrent(stored(), '3', 182, [...ASKED, 'constructor'], NOW)).toBe(false);
  });
});

describe('narrowed', () => {
  it('drops purposes no longer configured and keeps the values of the others', () => {
    const before = stored({ purposes: { necessary: true, analytics: false, marketing: true, legacy: true } });
    const after = narrowed(before, ASKED);
    expect(after.purposes).toEqual({ necessary: true, analytics: false, marketing: true });
    expect(Object.keys(after.purposes)).toEqual(ASKED);
  });

  it('keeps every other field and leaves the input alone', () => {
    const before = stored({ purposes: { necessary: true, analytics: true, marketing: false, legacy: false } });
    const copy = structuredClone(before);
    const after = narrowed(before, ['necessary', 'analytics']);
    expect(after).toEqual({ ...copy, purposes: { necessary: true, analytics: true } });
    expect(before).toEqual(copy);
  });
});
