import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Thousands of generated inputs take a few seconds on a busy two-core machine.
const SLOW = 30_000;

import { parseDialogSettings } from '../settings/dialog-settings';
import { ATTRIBUTE_KEYS, type Config, MAX_PURPOSES, parseConfig } from './config';
import { isRevision } from './cookie-codec';
import { LANGUAGES } from './languages';
import { isPurposeId, NECESSARY } from './purposes';

const HOST = 'www.shop.lv';
const KEYS = [...ATTRIBUTE_KEYS, 'texts', 'operator'];

/** Values a shop could write by mistake, and some that are right, for any setting. */
const anyValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    '',
    ' ',
    'auto',
    'true',
    'false',
    '-5',
    '0',
    '182',
    '1e3',
    'javascript:alert(1)',
    'https://shop.lv/privacy',
    '/receipts',
    'lv',
    'vi-VN',
    'analytics,marketing',
    'analytics marketing unknown',
    'constructor',
    '__proto__',
    'shop.lv',
    '.lv',
  ),
  fc.array(fc.oneof(fc.string(), fc.record({ id: fc.string(), label: fc.anything(), cookies: fc.anything() }))),
);
/** The config object: known keys with any values, and some unknown keys. */
const configObjects = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), anyValue, { maxKeys: 12 }),
  fc.anything(),
);
/** The tag's `dataset`: strings only, as the browser gives them. */
const attributeSets = fc.dictionary(
  fc.constantFrom(...ATTRIBUTE_KEYS),
  fc.oneof(fc.string(), fc.constantFrom('true', 'false', '30', 'lv', 'analytics', 'https://x.lv/r')),
  { maxKeys: 8 },
);

const parse = (object: unknown, attributes: Record<string, string>) => {
  const warnings: unknown[] = [];
  const config = parseConfig(object, attributes, HOST, (message) => warnings.push(message));
  return { config, warnings };
};

/** What every parsed config must be, whatever went in. */
const expectUsable = (config: Config) => {
  expect(['auto', ...LANGUAGES]).toContain(config.lang);
  expect(LANGUAGES).toContain(config.defaultLang);
  expect(config.purposes[0]).toBe(NECESSARY);
  expect(new Set(config.purposes).size).toBe(config.purposes.length);
  expect(config.purposes.length).toBeLessThanOrEqual(MAX_PURPOSES);
  expect(config.purposes.every(isPurposeId)).toBe(true);
  expect(isRevision(config.revision)).toBe(true);
  expect(Number.isInteger(config.expiresDays) && config.expiresDays >= 1 && config.expiresDays <= 3650).toBe(true);
  expect([true, false, 'auto']).toContain(config.consentMode);
  expect(config.cookieDomain === undefined || `.${HOST}`.endsWith(`.${config.cookieDomain}`)).toBe(true);
  if (config.receiptUrl !== null) {
    expect(['http:', 'https:']).toContain(new URL(config.receiptUrl, `https://${HOST}/`).protocol);
  }
};

describe('config parsing, for any input', () => {
  it(
    'never throws, and always gives a usable config; every warning is one line of text',
    () => {
      fc.assert(
        fc.property(configObjects, attributeSets, (object, attributes) => {
          const { config, warnings } = parse(object, attributes);
          expectUsable(config);
          for (const warning of warnings) expect(warning).toMatch(/^[^\n]+$/);
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );

  it(
    'the dialog settings never throw either, and the policy link is http(s) or nothing',
    () => {
      fc.assert(
        fc.property(configObjects, attributeSets, (object, attributes) => {
          const { config } = parse(object, attributes);
          const dialog = parseDialogSettings(config.settings, `https://${HOST}/shop/`, () => {});
          if (dialog.policyUrl !== null) expect(['http:', 'https:']).toContain(new URL(dialog.policyUrl).protocol);
          for (const texts of Object.values(dialog.texts)) {
            for (const text of Object.values(texts ?? {})) expect(typeof text).toBe('string');
          }
        }),
        { numRuns: 800 },
      );
    },
    SLOW,
  );

  it(
    'a right value gives no warning, from the object or from an attribute',
    () => {
      const good = fc.record(
        {
          lang: fc.constantFrom('auto', ...LANGUAGES),
          revision: fc.stringMatching(/^[\w.-]{1,32}$/),
          expiresDays: fc.integer({ min: 1, max: 3650 }),
          consentMode: fc.boolean(),
          purposes: fc.subarray(['analytics', 'marketing', 'personalization', 'customer-service']),
          defaultLang: fc.constantFrom(...LANGUAGES),
          receiptUrl: fc.constantFrom('/receipts', 'https://consent.shop.lv/r'),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(good, fc.boolean(), (values, asAttributes) => {
          const attributes = Object.fromEntries(
            Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)]),
          );
          const { config, warnings } = asAttributes ? parse(undefined, attributes) : parse(values, {});
          expect(warnings).toEqual([]);
          if (values.expiresDays !== undefined) expect(config.expiresDays).toBe(values.expiresDays);
          if (values.purposes) expect(config.purposes).toEqual([NECESSARY, ...values.purposes]);
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );

  it(
    'the attribute wins over the object for every setting both give',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 3650 }), fc.integer({ min: 1, max: 3650 }), (fromObject, fromTag) => {
          const { config } = parse({ expiresDays: fromObject }, { expiresDays: String(fromTag) });
          expect(config.expiresDays).toBe(fromTag);
        }),
      );
    },
    SLOW,
  );
});
