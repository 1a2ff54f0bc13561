import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/core/languages';
import { createI18n } from '../src/ui/i18n';

/** Lint of the translations in this folder (i18next JSON v4), after part B of compliance-and-locales.md. */

const here = import.meta.dirname;
const files = readdirSync(here).filter((name) => name.endsWith('.json'));
const locales: Record<string, Record<string, unknown>> = Object.fromEntries(
  files.map((name) => [name.slice(0, -'.json'.length), JSON.parse(readFileSync(join(here, name), 'utf8'))]),
);
const codes = Object.keys(locales);
const translations = codes.filter((code) => code !== 'en');

/** `{ a: { b: "x" } }` → `{ "a.b": "x" }`; a leaf that is not a string stays as it is, to fail below. */
const flatten = (value: unknown, prefix = ''): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value).map(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key)),
  );
};
const flat: Record<string, Record<string, unknown>> = Object.fromEntries(
  codes.map((code) => [code, flatten(locales[code])]),
);
const strings = (code: string) => Object.entries(flat[code]).map(([key, value]) => [key, String(value)] as const);

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const suffix = (key: string) => PLURAL.exec(key)?.[1];
/** Keys that take a count: those with a plural suffix in English. */
const counted = new Set(
  Object.keys(flat.en)
    .filter((key) => PLURAL.test(key))
    .map(base),
);
const categories = (code: string) => new Intl.PluralRules(code).resolvedOptions().pluralCategories;
const placeholders = (text: string) => new Set(text.match(/\{\{\s*[\w.-]+\s*\}\}/g)?.map((p) => p.replace(/\s/g, '')));

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
/** Words (letters and marks) that mix Cyrillic and Latin letters, such as the seed's "Hууцлалын". */
const mixedWords = (text: string) =>
  (text.match(/[\p{L}\p{M}]+/gu) ?? []).filter((word) => CYRILLIC.test(word) && LATIN.test(word));
const withoutPlaceholders = (text: string) => text.replace(/\{\{[^}]*\}\}/g, ' ');
const cyrillicShare = (text: string) => {
  const letters = withoutPlaceholders(text).match(/\p{L}/gu) ?? [];
  return letters.length === 0 ? 1 : letters.filter((c) => CYRILLIC.test(c)).length / letters.length;
};

describe('locale files', () => {
  it('are exactly the product languages', () => {
    expect([...codes].sort()).toEqual([...LANGUAGES].sort());
  });

  it('English has at least one counted key (so the plural checks check something)', () => {
    expect(counted.size).toBeGreaterThan(0);
    expect(counted.has('purpose.cookies')).toBe(true);
  });

  it('Intl gives the plural categories part B.2 lists', () => {
    const sorted = (code: string) => [...categories(code)].sort();
    expect(sorted('mn')).toEqual(['one', 'other']);
    expect(sorted('ky')).toEqual(['one', 'other']);
    expect(sorted('vi')).toEqual(['other']);
    expect(sorted('lv')).toEqual(['one', 'other', 'zero']);
    expect(sorted('en')).toEqual(['one', 'other']);
  });

  describe.each(codes)('%s', (code) => {
    it('has exactly the keys of en.json, after normalising plural suffixes', () => {
      const keys = (c: string) => [...new Set(Object.keys(flat[c]).map(base))].sort();
      expect(keys(code)).toEqual(keys('en'));
    });

    it('gives each counted key exactly the plural forms its language needs', () => {
      const needed = [...categories(code)].sort();
      for (const key of counted) {
        const forms = Object.keys(flat[code])
          .filter((k) => base(k) === key)
          .map((k) => suffix(k) ?? '(no suffix)')
          .sort();
        expect(forms, `${code} ${key}`).toEqual(needed);
      }
    });

    it('uses plural suffixes only on counted keys', () => {
      for (const key of Object.keys(flat[code])) {
        if (PLURAL.test(key)) expect(counted.has(base(key)), `${code} ${key}`).toBe(true);
      }
    });

    it('has only non-empty, NFC-normalised strings', () => {
      for (const [key, value] of Object.entries(flat[code])) {
        expect(typeof value, `${code} ${key}`).toBe('string');
        const text = String(value);
        expect(text.trim(), `${code} ${key}`).not.toBe('');
        expect(text === text.normalize('NFC'), `${code} ${key} is not NFC`).toBe(true);
      }
    });

    it('keeps every {{placeholder}} of the English text, and adds none', () => {
      for (const [key, value] of strings(code)) {
        const english = new Set(
          Object.entries(flat.en)
            .filter(([k]) => base(k) === base(key))
            .flatMap(([, v]) => [...placeholders(String(v))]),
        );
        const own = placeholders(value);
        for (const placeholder of english)
          expect(own.has(placeholder), `${code} ${key} lacks ${placeholder}`).toBe(true);
        for (const placeholder of own)
          expect(english.has(placeholder), `${code} ${key} adds ${placeholder}`).toBe(true);
      }
    });
  });

  describe.each(translations)('%s translation', (code) => {
    it('has no value identical to English', () => {
      for (const [key, value] of strings(code)) {
        const english = flat.en[key] ?? flat.en[`${base(key)}_other`];
        expect(value, `${code} ${key}`).not.toBe(english);
      }
    });
  });
});

describe('Latvian plurals', () => {
  // Part B.2, "Latvian test vectors (measured)".
  const VECTORS: [number, 'zero' | 'one' | 'other'][] = [
    ...[0, 10, 11, 15, 19, 20, 30, 100, 111, 112].map((n) => [n, 'zero'] as [number, 'zero']),
    ...[1, 21, 31, 101].map((n) => [n, 'one'] as [number, 'one']),
    ...[2, 5, 9, 22, 29].map((n) => [n, 'other'] as [number, 'other']),
    [0.1, 'one'],
    [2.1, 'one'],
    [1.5, 'other'],
    [10.5, 'other'],
  ];
  const lv = flat.lv as Record<string, string>;
  const i18n = createI18n({});

  it.each(VECTORS)('%s picks the _%s form through i18next', (count, category) => {
    expect(new Intl.PluralRules('lv').select(count)).toBe(category);
    const expected = lv[`purpose.cookies_${category}`]?.replace('{{count}}', String(count));
    expect(expected).toBeDefined();
    expect(i18n.t('purpose.cookies', { count, lng: 'lv' })).toBe(expected);
  });

  it('the three forms differ, so the choice is visible', () => {
    const forms = ['zero', 'one', 'other'].map((c) => lv[`purpose.cookies_${c}`]);
    expect(new Set(forms).size).toBe(3);
  });

  it('_zero is a count form (it also covers 10–20, 30 …), never "no"/"nav"', () => {
    for (const [key, value] of Object.entries(lv)) {
      if (!key.endsWith('_zero')) continue;
      expect(value, key).toContain('{{count}}');
      expect(value, key).not.toMatch(/(^|[^\p{L}])(no|nav)(?=[^\p{L}]|$)/iu);
    }
  });
});

describe('plural forms of the other languages through i18next', () => {
  const i18n = createI18n({});

  it.each([
    ['mn', 1, 'one'],
    ['mn', 5, 'other'],
    ['ky', 1, 'one'],
    ['ky', 0, 'other'],
    ['vi', 1, 'other'],
    ['en', 1, 'one'],
    ['en', 0, 'other'],
  ] as const)('%s %s picks _%s', (code, count, category) => {
    const expected = String(flat[code][`purpose.cookies_${category}`]).replace('{{count}}', String(count));
    expect(i18n.t('purpose.cookies', { count, lng: code })).toBe(expected);
  });
});

describe('Cyrillic locales (part B.1)', () => {
  it('the mixed-script check catches the seed slip "Мэдээллийн Hууцлалын"', () => {
    expect(mixedWords('Мэдээллийн Hууцлалын бодлого')).toEqual(['Hууцлалын']);
    expect(mixedWords('Нууцлалын бодлого, cookie')).toEqual([]);
  });

  describe.each(['mn', 'ky'])('%s', (code) => {
    it('is mostly Cyrillic, value by value', () => {
      for (const [key, value] of strings(code)) expect(cyrillicShare(value), `${code} ${key}`).toBeGreaterThan(0.9);
    });

    it('has no Latin letter inside a Cyrillic word', () => {
      for (const [key, value] of strings(code)) expect(mixedWords(value), `${code} ${key}`).toEqual([]);
    });

    it('has none of the Kazakh letters ә ғ қ ұ һ і', () => {
      for (const [key, value] of strings(code)) expect(value, `${code} ${key}`).not.toMatch(/[әӘғҒқҚұҰһҺіІ]/u);
    });
  });

  it('mn has no ң (a Kyrgyz/Kazakh letter)', () => {
    for (const [key, value] of strings('mn')) expect(value, key).not.toMatch(/[ңҢ]/u);
  });

  it('mn uses its own letters ө ү somewhere (it is not Russian)', () => {
    expect(strings('mn').some(([, v]) => /[өүӨҮ]/u.test(v))).toBe(true);
  });

  it('ky uses its own letters ң ө ү somewhere (it is not Russian)', () => {
    expect(strings('ky').some(([, v]) => /[ңөүҢӨҮ]/u.test(v))).toBe(true);
  });
});
