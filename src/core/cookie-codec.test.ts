import { describe, expect, it } from 'vitest';
import { MAX_PURPOSES } from './config';
import { decodeState, encodeState, isRevision } from './cookie-codec';
import { newConsentId } from './id';
import { LANGUAGES } from './languages';
import type { ConsentState, Source } from './state';

/** RFC 6265 cookie-octets we allow ourselves: no quote, comma, semicolon, space or backslash. */
const COOKIE_SAFE = /^[A-Za-z0-9|:._-]+$/;
const SOURCES: Source[] = ['banner', 'preferences', 'api', 'gpc', 'sync'];

const state = (over: Partial<ConsentState> = {}): ConsentState => ({
  id: 'k3v9x0q2m7a1b5c8d4e6',
  decidedAt: '2026-11-28T14:22:05.000Z',
  revision: '2026-05',
  purposes: { necessary: true, analytics: true, marketing: false, personalization: true },
  lang: 'lv',
  source: 'preferences',
  ...over,
});

/** A small deterministic PRNG, so a failing case can be reproduced. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
const randomText = (rnd: () => number, alphabet: string, min: number, max: number) => {
  let text = '';
  const length = min + Math.floor(rnd() * (max - min + 1));
  for (let i = 0; i < length; i++) text += pick(rnd, [...alphabet]);
  return text;
};

const randomState = (rnd: () => number): ConsentState => {
  const purposes: Record<string, boolean> = { necessary: true };
  const count = Math.floor(rnd() * 8);
  for (let i = 0; i < count; i++) {
    const id =
      randomText(rnd, 'abcdefghijklmnopqrstuvwxyz', 1, 1) +
      randomText(rnd, 'abcdefghijklmnopqrstuvwxyz0123456789_-', 0, 23);
    purposes[id] = rnd() < 0.5;
  }
  return {
    id: newConsentId(),
    decidedAt: new Date(Math.floor(rnd() * 2_000_000_000) * 1000).toISOString(),
    revision: randomText(rnd, 'ABCXYZabcxyz0123456789._-', 1, 32),
    purposes: purposes as ConsentState['purposes'],
    lang: pick(rnd, LANGUAGES),
    source: pick(rnd, SOURCES),
  };
};

describe('encodeState / decodeState', () => {
  it('round-trips a state with custom purposes', () => {
    const original = state();
    expect(decodeState(encodeState(original))).toEqual(original);
  });

  it('round-trips every language and source, keeping the purposes in order', () => {
    for (const lang of LANGUAGES) {
      for (const source of SOURCES) {
        const original = state({ lang, source });
        const decoded = decodeState(encodeState(original));
        expect(decoded).toEqual(original);
        expect(Object.keys(decoded?.purposes ?? {})).toEqual([
          'necessary',
          'analytics',
          'marketing',
          'personalization',
        ]);
      }
    }
  });

  it('round-trips random valid states, and every value is cookie-safe', () => {
    const rnd = random(42);
    for (let i = 0; i < 500; i++) {
      const original = randomState(rnd);
      const value = encodeState(original);
      expect(value).toMatch(COOKIE_SAFE);
      expect(decodeState(value)).toEqual(original);
    }
  });

  it('writes the documented format 1 layout', () => {
    expect(encodeState(state())).toBe(
      '1|k3v9x0q2m7a1b5c8d4e6|1795875725|2026-05|lv|preferences|necessary:1.analytics:1.marketing:0.personalization:1',
    );
  });

  it('drops milliseconds: the cookie stores whole seconds', () => {
    const decoded = decodeState(encodeState(state({ decidedAt: '2026-11-28T14:22:05.999Z' })));
    expect(decoded?.decidedAt).toBe('2026-11-28T14:22:05.000Z');
  });

  const longest = (customPurposes: number): ConsentState => {
    const purposes: Record<string, boolean> = { necessary: true };
    for (let i = 0; i < customPurposes; i++) purposes[`p${i}`.padEnd(24, 'x')] = true;
    for (const id of Object.keys(purposes)) if (id !== 'necessary') expect(id).toHaveLength(24);
    return state({
      id: newConsentId(),
      revision: 'R'.repeat(32),
      // 10 digits of seconds, the longest source name.
      decidedAt: '2286-11-20T17:46:39.000Z',
      source: 'preferences',
      purposes: purposes as ConsentState['purposes'],
    });
  };

  it('stays under 300 bytes with 8 purposes in all (necessary + 7 of 24 characters) and a 32-character revision', () => {
    const value = encodeState(longest(7));
    expect(value).toMatch(COOKIE_SAFE);
    expect(new TextEncoder().encode(value).length).toBeLessThan(300);
  });

  it('does not read a value with more purposes than a shop may configure', () => {
    expect(decodeState(encodeState(longest(MAX_PURPOSES - 1)))).not.toBeNull();
    expect(decodeState(encodeState(longest(MAX_PURPOSES)))).toBeNull();
  });
});

describe('decodeState refuses what we did not write', () => {
  const valid = encodeState(state());

  it.each([
    ['empty', ''],
    ['garbage', 'garbage'],
    ['raw JSON', JSON.stringify(state())],
    ['only the version', '1'],
    ['version and separator', '1|'],
    ['format 2', `2${valid.slice(1)}`],
    ['format 01', `0${valid}`],
    ['leading space', ` ${valid}`],
    ['trailing space', `${valid} `],
    ['trailing separator', `${valid}|`],
    ['extra field', `${valid}|x`],
    ['unknown language', valid.replace('|lv|', '|fr|')],
    ['upper-case language', valid.replace('|lv|', '|LV|')],
    ['unknown source', valid.replace('|preferences|', '|admin|')],
    ['short id', valid.replace('k3v9x0q2m7a1b5c8d4e6', 'k3v9')],
    ['upper-case id', valid.replace('k3v9x0q2m7a1b5c8d4e6', 'K3V9X0Q2M7A1B5C8D4E6')],
    ['time not a number', valid.replace('1795875725', '17958x5725')],
    ['empty revision', valid.replace('|2026-05|', '||')],
    ['revision with a space', valid.replace('|2026-05|', '|2026 05|')],
    ['revision of 33 characters', valid.replace('|2026-05|', `|${'r'.repeat(33)}|`)],
    ['necessary missing', valid.replace('necessary:1.', '')],
    ['necessary refused', valid.replace('necessary:1', 'necessary:0')],
    ['duplicate purpose', `${valid}.analytics:0`],
    ['duplicate purpose, same value', `${valid}.analytics:1`],
    ['necessary twice', `${valid}.necessary:1`],
    ['purpose flag 2', valid.replace('analytics:1', 'analytics:2')],
    ['purpose without flag', valid.replace('analytics:1', 'analytics')],
    ['empty purpose entry', valid.replace('.analytics', '..analytics')],
    ['upper-case purpose', valid.replace('analytics', 'Analytics')],
    ['purpose id of 25 characters', `${valid}.${'a'.repeat(25)}:1`],
    ['percent-encoded', encodeURIComponent(valid)],
    ['quoted', `"${valid}"`],
  ])('null for %s', (_name, value) => {
    expect(decodeState(value)).toBeNull();
  });

  it('null for 33 purposes', () => {
    const list = ['necessary:1', ...Array.from({ length: 32 }, (_, i) => `p${i}:0`)].join('.');
    expect(decodeState(valid.replace(/\|[^|]*$/, `|${list}`))).toBeNull();
  });

  it.each([
    ['a number', 1],
    ['an object', {}],
    ['the state object itself', state()],
    ['an array', [valid]],
    ['null', null],
    ['undefined', undefined],
    ['true', true],
    ['a String object', new String(valid)],
  ])('null for %s, without throwing', (_name, value) => {
    expect(decodeState(value)).toBeNull();
  });

  it('null for every truncation that ends inside a field', () => {
    for (let length = 0; length < valid.length; length++) {
      const truncated = valid.slice(0, length);
      // Cutting right after a complete `purpose:0|1` leaves a shorter but well-formed list.
      const endsWithCompleteEntry = /\|necessary:1(\.[a-z][a-z0-9_-]*:[01])*$/.test(truncated);
      const decoded = decodeState(truncated);
      if (endsWithCompleteEntry) expect(decoded?.purposes.necessary).toBe(true);
      else expect(decoded, truncated).toBeNull();
    }
  });

  it('null for oversized strings, quickly', () => {
    const started = performance.now();
    expect(decodeState('x'.repeat(1_000_000))).toBeNull();
    expect(decodeState(`${valid}${'.a:1'.repeat(100_000)}`)).toBeNull();
    expect(decodeState(`1|${'a'.repeat(100_000)}|1|r|en|api|necessary:1`)).toBeNull();
    expect(decodeState(`${valid.replace(/\|[^|]*$/, '|')}${'necessary:1.'.repeat(50_000)}x`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never throws on random strings and never returns a state without necessary', () => {
    const rnd = random(7);
    const alphabet = '1|:.-_abcnesrylvmkiptgx0 ;,"%é\u0000';
    for (let i = 0; i < 3000; i++) {
      const value = rnd() < 0.5 ? randomText(rnd, alphabet, 0, 80) : mutate(rnd, valid);
      let decoded: ConsentState | null = null;
      expect(() => {
        decoded = decodeState(value);
      }).not.toThrow();
      if (decoded) expect((decoded as ConsentState).purposes.necessary).toBe(true);
    }
  });

  it('reads a 12-digit time without throwing', () => {
    expect(() => decodeState(valid.replace('1795875725', '999999999999'))).not.toThrow();
  });
});

const mutate = (rnd: () => number, value: string): string => {
  const chars = [...value];
  const at = Math.floor(rnd() * chars.length);
  const kind = rnd();
  if (kind < 0.33) chars.splice(at, 1);
  else if (kind < 0.66) chars.splice(at, 0, pick(rnd, [...'|:.;," 1a']));
  else chars[at] = pick(rnd, [...'|:.0129azZ']);
  return chars.join('');
};

describe('isRevision', () => {
  it.each(['1', '2026-05', 'v1.2_beta', 'A'.repeat(32)])('accepts %s', (value) => {
    expect(isRevision(value)).toBe(true);
  });
  it.each(['', 'a b', 'a;b', 'a,b', 'a|b', '"a"', 'ä', 'A'.repeat(33), 1, null])('refuses %s', (value) => {
    expect(isRevision(value)).toBe(false);
  });
});
