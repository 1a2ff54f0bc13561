import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Thousands of generated inputs take a few seconds on a busy two-core machine.
const SLOW = 30_000;

import { MAX_PURPOSES } from './config';
import { decodeState, encodeState } from './cookie-codec';
import { LANGUAGES } from './languages';
import type { ConsentState, Source } from './state';

const SOURCES: Source[] = ['banner', 'preferences', 'api', 'gpc', 'sync'];
const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

const purposeId = fc
  .tuple(chars(LOWER, 1, 1), chars(`${LOWER}${DIGITS}_-`, 0, 23))
  .map(([first, rest]) => first + rest)
  .filter((id) => id !== 'necessary');

/** Any decision the widget can make: up to eight purposes, necessary first, ids and revision at any allowed length. */
const states: fc.Arbitrary<ConsentState> = fc.record({
  id: chars(`${LOWER}${DIGITS}`, 8, 32),
  // Whole seconds, 1970 to 2200: the cookie keeps seconds.
  decidedAt: fc.integer({ min: 0, max: 7_258_118_400 }).map((s) => new Date(s * 1000).toISOString()),
  revision: chars(`${LOWER}${LOWER.toUpperCase()}${DIGITS}._-`, 1, 32),
  lang: fc.constantFrom(...LANGUAGES),
  source: fc.constantFrom(...SOURCES),
  purposes: fc
    .uniqueArray(fc.tuple(purposeId, fc.boolean()), { maxLength: MAX_PURPOSES - 1, selector: ([id]) => id })
    .map((entries) => ({ necessary: true as const, ...Object.fromEntries(entries) })),
});

/** RFC 6265 cookie-octet: visible ASCII except space, `"`, `,`, `;` and `\`. */
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/** Strings made of the format's own pieces, so that many come close to a valid value. */
const nearMisses = fc
  .array(
    fc.oneof(
      fc.constantFrom('1', '0', '2', '|', ':', '.', 'necessary', 'analytics', ':1', ':0', 'lv', 'banner', '-', '_'),
      chars(`${LOWER}${DIGITS}`, 0, 40),
      fc.string(),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('cookie codec, for any input', () => {
  it(
    'decode never throws, and gives null or a state with necessary granted',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nearMisses, fc.anything()), (value) => {
          const state = decodeState(value);
          expect(state === null || state.purposes.necessary === true).toBe(true);
        }),
        { numRuns: 3000 },
      );
    },
    SLOW,
  );

  it(
    'encode → decode gives back the same decision',
    () => {
      fc.assert(
        fc.property(states, (state) => {
          expect(decodeState(encodeState(state))).toEqual(state);
        }),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it(
    `every encoded value is cookie-safe and under 300 bytes, up to ${MAX_PURPOSES} purposes`,
    () => {
      fc.assert(
        fc.property(states, (state) => {
          const value = encodeState(state);
          expect(value).toMatch(COOKIE_OCTETS);
          expect(new TextEncoder().encode(value).length).toBeLessThan(300);
        }),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it(
    'a value with one character changed is refused or read as a well-formed decision, never half-read',
    () => {
      fc.assert(
        fc.property(states, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (state, at, char) => {
          const value = encodeState(state);
          const i = at % value.length;
          const decoded = decodeState(value.slice(0, i) + char + value.slice(i + 1));
          if (decoded) expect(decodeState(encodeState(decoded))).toEqual(decoded);
        }),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );
});
