import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import type { ConsentState } from '../core/state';
import { readConsent } from './index';

const STATE: ConsentState = {
  id: 'k3v9x0q2m7a1b5c8d4e6',
  decidedAt: '2026-11-28T14:22:05.000Z',
  revision: '2026-05',
  purposes: { necessary: true, analytics: true, marketing: false, personalization: true },
  lang: 'vi',
  source: 'banner',
};
const VALUE = encodeState(STATE);
const DECIDED = Date.parse(STATE.decidedAt);
const DAY = 86_400_000;

const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('readConsent', () => {
  // A week after the decision: well within the 182 days it holds by default.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: DECIDED + 7 * DAY });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the state the browser stored, as get() has it', () => {
    expect(readConsent(`shopconsent=${VALUE}`)).toEqual(STATE);
  });

  it('finds the cookie among others, wherever it is', () => {
    expect(readConsent(`_ga=GA1.2.3.4; shopconsent=${VALUE}; PHPSESSID=abc`)).toEqual(STATE);
    expect(readConsent(`_ga=GA1.2.3.4;shopconsent=${VALUE}`)).toEqual(STATE);
    expect(readConsent(`a=1; b=2; c=3; shopconsent=${VALUE}`)).toEqual(STATE);
    expect(readConsent(`shopconsent=${VALUE}; cart=%7B%22items%22%3A2%7D`)).toEqual(STATE);
  });

  it('tolerates spaces around the name and value', () => {
    expect(readConsent(`  shopconsent = ${VALUE} ;x=y`)).toEqual(STATE);
  });

  it('reads a quoted value', () => {
    expect(readConsent(`a=b; shopconsent="${VALUE}"`)).toEqual(STATE);
  });

  it('reads a percent-encoded value, as some cookie writers store it', () => {
    expect(readConsent(`shopconsent=${encodeURIComponent(VALUE)}`)).toEqual(STATE);
    expect(readConsent(`shopconsent="${encodeURIComponent(VALUE)}"`)).toEqual(STATE);
  });

  it('does not take a cookie whose name only contains ours', () => {
    expect(readConsent(`myshopconsent=${VALUE}`)).toBeNull();
    expect(readConsent(`shopconsent_old=${VALUE}`)).toBeNull();
    expect(readConsent(`xshopconsent=${VALUE}; shopconsent2=${VALUE}`)).toBeNull();
  });

  it.each([
    ['no cookies', ''],
    ['other cookies only', 'a=b; c=d'],
    ['a name without value', 'shopconsent'],
    ['an empty value', 'shopconsent='],
    ['an empty quoted value', 'shopconsent=""'],
    ['a lone quote', 'shopconsent="'],
    ['garbage', 'shopconsent=garbage'],
    ['JSON', `shopconsent=${JSON.stringify(STATE)}`],
    ['a malformed escape', 'shopconsent=1%7C%E0%A4%A'],
    ['a lone percent', 'shopconsent=%'],
    ['an unknown format', `shopconsent=2${VALUE.slice(1)}`],
    ['a truncated value', `shopconsent=${VALUE.slice(0, 30)}`],
  ])('null for %s', (_name, header) => {
    expect(readConsent(header)).toBeNull();
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { shopconsent: VALUE }],
    ['an array', [`shopconsent=${VALUE}`]],
    ['a function', () => `shopconsent=${VALUE}`],
  ])('null for %s', (_name, header) => {
    expect(readConsent(header as unknown as string)).toBeNull();
  });

  it('never throws on random headers, and returns only well-formed states', () => {
    const rnd = random(2026);
    const alphabet = [...'shopconsent=;"% |:.1abc-_\\,\u00e9\u0000\ud800', '%E0', '%7C', VALUE];
    for (let i = 0; i < 3000; i++) {
      let header = '';
      const length = Math.floor(rnd() * 30);
      for (let j = 0; j < length; j++) header += alphabet[Math.floor(rnd() * alphabet.length)];
      if (rnd() < 0.3) header = `shopconsent=${header}`;
      let result: ConsentState | null = null;
      expect(() => {
        result = readConsent(header);
      }, header).not.toThrow();
      if (result) expect((result as ConsentState).purposes.necessary).toBe(true);
    }
  });

  it('handles a very long header quickly', () => {
    const header = `${'a=b; '.repeat(20_000)}shopconsent=${VALUE}`;
    const started = performance.now();
    expect(readConsent(header)).toEqual(STATE);
    expect(readConsent(`shopconsent=${'%'.repeat(100_000)}`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('gives null once the decision has expired, as the widget would ask again', () => {
    const header = `shopconsent=${VALUE}`;
    vi.setSystemTime(DECIDED + 182 * DAY);
    expect(readConsent(header)).toEqual(STATE);
    vi.setSystemTime(DECIDED + 182 * DAY + 1000);
    expect(readConsent(header)).toBeNull();
    expect(readConsent(header, { expiresDays: 30, now: DECIDED + 31 * DAY })).toBeNull();
    expect(readConsent(header, { expiresDays: 365, now: DECIDED + 300 * DAY })).toEqual(STATE);
  });

  it('gives null for a decision dated in the future, beyond a minute of clock skew', () => {
    const header = `shopconsent=${VALUE}`;
    expect(readConsent(header, { now: DECIDED - 60_000 })).toEqual(STATE);
    expect(readConsent(header, { now: DECIDED - 61_000 })).toBeNull();
    const future = encodeState({ ...STATE, decidedAt: '2099-01-01T00:00:00.000Z' });
    expect(readConsent(`shopconsent=${future}`)).toBeNull();
  });

  it('gives null for a decision made in 2000, long expired', () => {
    const old = encodeState({ ...STATE, decidedAt: '2000-01-01T00:00:00.000Z' });
    expect(readConsent(`shopconsent=${old}`)).toBeNull();
  });

  it('checks the revision when one is given', () => {
    const header = `shopconsent=${VALUE}`;
    expect(readConsent(header, { revision: '2026-05' })).toEqual(STATE);
    expect(readConsent(header, { revision: '2026-06' })).toBeNull();
  });

  it.each([
    ['zero days', { expiresDays: 0 }],
    ['negative days', { expiresDays: -5 }],
    ['NaN days', { expiresDays: Number.NaN }],
    ['days as text', { expiresDays: '30' }],
  ])('warns and uses 182 days for %s', (_name, options) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readConsent(`shopconsent=${VALUE}`, options as never)).toEqual(STATE);
    expect(readConsent(`shopconsent=${VALUE}`, { ...(options as object), now: DECIDED + 183 * DAY })).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('expiresDays'));
    warn.mockRestore();
  });

  it.each([
    ['null', null],
    ['a string', 'soon'],
    ['a number', 7],
    ['a bad now', { now: Number.NaN }],
  ])('ignores options that are %s', (_name, options) => {
    expect(readConsent(`shopconsent=${VALUE}`, options as never)).toEqual(STATE);
  });

  it('property: a decision is read exactly while it is neither older than expiresDays nor over a minute ahead', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2001, 0, 1) / 1000, max: Date.UTC(2090, 0, 1) / 1000 }),
        fc.integer({ min: -400 * DAY, max: 400 * DAY }),
        fc.integer({ min: 1, max: 3650 }),
        (seconds, offset, expiresDays) => {
          const decidedAt = new Date(seconds * 1000).toISOString();
          const state = { ...STATE, decidedAt };
          const now = seconds * 1000 + offset;
          const read = readConsent(`shopconsent=${encodeState(state)}`, { now, expiresDays });
          const expected = offset >= -60_000 && offset <= expiresDays * DAY;
          expect(read).toEqual(expected ? state : null);
        },
      ),
    );
  });
});
