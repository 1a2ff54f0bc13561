import { describe, expect, it } from 'vitest';
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

const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('readConsent', () => {
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
});
