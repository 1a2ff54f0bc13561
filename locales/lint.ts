/**
 * The locale lint (docs/translations.md): rules over the i18next JSON v4 files of this folder, after parts B
 * and C of compliance-and-locales.md. Every problem is one line naming the file, the key and the rule:
 *
 *   ky.json › actions.save [kazakh-letters]: "Сақтау" has ә ғ қ ұ һ і, letters Kyrgyz does not have
 */

import {
  CYRILLIC_LANGUAGES,
  FORBIDDEN_TERMS,
  FOREIGN_LETTERS,
  MIN_CYRILLIC_SHARE,
  OWN_LETTERS,
} from './language-terms';

export type Flat = Record<string, unknown>;
/** Flattened locale files by language code; `en` is the reference. */
export type Locales = Record<string, Flat>;

/** `{ a: { b: "x" } }` → `{ "a.b": "x" }`; a leaf that is not a string stays as it is, for a rule to report. */
export const flatten = (value: unknown, prefix = ''): Flat => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value).map(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key)),
  );
};

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** `purpose.cookies_one` → `purpose.cookies`, the key the code asks i18next for. */
export const baseKey = (key: string) => key.replace(PLURAL, '');
const pluralSuffix = (key: string) => PLURAL.exec(key)?.[1];
const pluralCategories = (code: string) => [...new Intl.PluralRules(code).resolvedOptions().pluralCategories].sort();

/**
 * Values that may be the same as English, and that do not count against the Cyrillic share: names of
 * brands and products, which no language translates. Keep it short; a word that has a translation is not a name.
 */
export const BRAND_NAMES = ['ShopConsent', 'Global Privacy Control', 'GPC'] as const;

export const problem = (code: string, key: string, rule: string, detail: string) =>
  `${code}.json › ${key} [${rule}]: ${detail}`;
export const quote = (value: unknown) => JSON.stringify(value);
const placeholders = (text: string) =>
  [...new Set(text.match(/\{\{\s*[\w.-]+\s*\}\}/g)?.map((p) => p.replace(/\s/g, '')))].sort();
const withoutNames = (text: string) =>
  BRAND_NAMES.reduce((rest, name) => rest.split(name).join(' '), text.replace(/\{\{[^}]*\}\}/g, ' '));

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
/** Words (letters and marks) that mix Cyrillic and Latin letters, such as the seed's "Hууцлалын" (Latin H). */
export const mixedScriptWords = (text: string) =>
  (text.match(/[\p{L}\p{M}]+/gu) ?? []).filter((word) => CYRILLIC.test(word) && LATIN.test(word));
const cyrillicShare = (text: string) => {
  const letters = withoutNames(text).match(/\p{L}/gu) ?? [];
  return letters.length === 0 ? 1 : letters.filter((c) => CYRILLIC.test(c)).length / letters.length;
};

export interface Rule {
  name: string;
  /** What the rule checks, for the test's title. */
  title: string;
  check: (locales: Locales) => string[];
}

/** A space a line may break at (any white space but the no-break ones) right before or after `{{count}}`. */
const BREAKING_SPACE_BY_COUNT =
  /[^\S\u00a0\u202f\u2007]\{\{\s*count\s*\}\}|\{\{\s*count\s*\}\}[^\S\u00a0\u202f\u2007]/u;

const translations = (locales: Locales) => Object.keys(locales).filter((code) => code !== 'en');
const entries = (flat: Flat) => Object.entries(flat);
const strings = (flat: Flat) =>
  Object.entries(flat).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
/** Keys that take a count: those with a plural suffix in English. */
const countedKeys = (locales: Locales) =>
  new Set(
    Object.keys(locales.en ?? {})
      .filter((key) => PLURAL.test(key))
      .map(baseKey),
  );
const englishFor = (locales: Locales, key: string) => {
  const en = locales.en ?? {};
  return en[key] ?? en[`${baseKey(key)}_other`];
};

export const RULES: Rule[] = [
  {
    name: 'same-keys',
    title: 'every file has the keys of en.json, plural suffixes aside',
    check: (locales) => {
      const keysOf = (code: string) => new Set(Object.keys(locales[code]).map(baseKey));
      const english = keysOf('en');
      return translations(locales).flatMap((code) => {
        const own = keysOf(code);
        return [
          ...[...english]
            .filter((k) => !own.has(k))
            .map((k) => problem(code, k, 'same-keys', 'missing (en.json has it)')),
          ...[...own].filter((k) => !english.has(k)).map((k) => problem(code, k, 'same-keys', 'not in en.json')),
        ];
      });
    },
  },
  {
    name: 'string',
    title: 'every value is a non-empty string',
    check: (locales) =>
      Object.entries(locales).flatMap(([code, flat]) =>
        entries(flat)
          .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
          .map(([key, value]) => problem(code, key, 'string', `${quote(value)} is not a non-empty string`)),
      ),
  },
  {
    name: 'plural-forms',
    title: 'each counted key has exactly the plural forms Intl.PluralRules gives its language',
    check: (locales) => {
      const counted = countedKeys(locales);
      return Object.entries(locales).flatMap(([code, flat]) => {
        const needed = pluralCategories(code);
        return [...counted].flatMap((key) => {
          const forms = Object.keys(flat)
            .filter((k) => baseKey(k) === key)
            .map((k) => pluralSuffix(k) ?? '(none)')
            .sort();
          return forms.join() === needed.join()
            ? []
            : [problem(code, key, 'plural-forms', `has _${forms.join(', _')}; ${code} needs _${needed.join(', _')}`)];
        });
      });
    },
  },
  {
    name: 'plural-suffix',
    title: 'plural suffixes only on keys that are counted in English',
    check: (locales) => {
      const counted = countedKeys(locales);
      return Object.entries(locales).flatMap(([code, flat]) =>
        Object.keys(flat)
          .filter((key) => PLURAL.test(key) && !counted.has(baseKey(key)))
          .map((key) => problem(code, key, 'plural-suffix', 'has a plural suffix, but en.json does not count it')),
      );
    },
  },
  {
    name: 'nfc',
    title: 'every value is in Unicode NFC (Vietnamese tone marks, Latvian ģ ķ ļ ņ)',
    check: (locales) =>
      Object.entries(locales).flatMap(([code, flat]) =>
        strings(flat)
          .filter(([, value]) => value !== value.normalize('NFC'))
          .map(([key]) => problem(code, key, 'nfc', 'is not NFC-normalised (combining marks); save it as NFC')),
      ),
  },
  {
    name: 'placeholders',
    title: 'every value has exactly the {{placeholders}} of its English text',
    check: (locales) =>
      translations(locales).flatMap((code) =>
        strings(locales[code]).flatMap(([key, value]) => {
          const english = entries(locales.en)
            .filter(([k]) => baseKey(k) === baseKey(key))
            .flatMap(([, v]) => placeholders(String(v)));
          const want = [...new Set(english)].sort();
          const have = placeholders(value);
          return want.join() === have.join()
            ? []
            : [
                problem(
                  code,
                  key,
                  'placeholders',
                  `has ${have.join(' ') || 'none'}; English has ${want.join(' ') || 'none'}`,
                ),
              ];
        }),
      ),
  },
  {
    name: 'same-as-english',
    title: 'no value is the English text, except brand names',
    check: (locales) =>
      translations(locales).flatMap((code) =>
        strings(locales[code])
          .filter(
            ([key, value]) => value === englishFor(locales, key) && !(BRAND_NAMES as readonly string[]).includes(value),
          )
          .map(([key, value]) => problem(code, key, 'same-as-english', `${quote(value)} is the English text`)),
      ),
  },
  {
    name: 'cyrillic',
    title: 'mn and ky are Cyrillic: mostly Cyrillic letters, no Latin letter inside a Cyrillic word',
    check: (locales) =>
      CYRILLIC_LANGUAGES.filter((code) => locales[code]).flatMap((code) =>
        strings(locales[code]).flatMap(([key, value]) => [
          ...mixedScriptWords(value).map((word) =>
            problem(code, key, 'cyrillic', `${quote(word)} mixes Latin and Cyrillic letters (a homoglyph?)`),
          ),
          ...(cyrillicShare(value) < MIN_CYRILLIC_SHARE
            ? [problem(code, key, 'cyrillic', `${quote(value)} is mostly not Cyrillic`)]
            : []),
        ]),
      ),
  },
  {
    name: 'foreign-letters',
    title: 'no Kazakh-only letters (ә ғ қ ұ һ і) in ky or mn, no ң in mn',
    check: (locales) =>
      Object.entries(FOREIGN_LETTERS)
        .filter(([code]) => locales[code])
        .flatMap(([code, checks]) =>
          strings(locales[code]).flatMap(([key, value]) =>
            checks
              .filter(([letters]) => letters.test(value))
              .map(([, why]) => problem(code, key, 'foreign-letters', `${quote(value)} ${why}`)),
          ),
        ),
  },
  {
    name: 'own-letters',
    title: 'mn uses ө ү and ky uses ң ө ү somewhere: the file is not Russian',
    check: (locales) =>
      Object.entries(OWN_LETTERS)
        .filter(([code]) => locales[code] && !strings(locales[code]).some(([, value]) => OWN_LETTERS[code].test(value)))
        .map(([code]) =>
          problem(code, '*', 'own-letters', `no value has ${OWN_LETTERS[code].source}; is this Russian?`),
        ),
  },
  {
    name: 'glossary',
    title: 'no seed slip or rejected term comes back (glossary, docs/translations.md)',
    check: (locales) =>
      Object.entries(FORBIDDEN_TERMS)
        .filter(([code]) => locales[code])
        .flatMap(([code, terms]) =>
          strings(locales[code]).flatMap(([key, value]) =>
            terms
              .filter(([term]) => term.test(value))
              .map(([term, why]) => problem(code, key, 'glossary', `${quote(term.exec(value)?.[0])}: ${why}`)),
          ),
        ),
  },
  {
    name: 'count-space',
    title: 'a count and the word beside it are joined by a no-break space, so no line splits "5 / cookie"',
    check: (locales) =>
      Object.entries(locales).flatMap(([code, flat]) =>
        strings(flat)
          .filter(([key, value]) => PLURAL.test(key) && BREAKING_SPACE_BY_COUNT.test(value))
          .map(([key, value]) =>
            problem(
              code,
              key,
              'count-space',
              `${quote(value)} has a plain space beside {{count}}; write a no-break space (\\u00a0)`,
            ),
          ),
      ),
  },
  {
    name: 'latvian-zero',
    title: 'Latvian _zero is a count form (it also covers 10–20, 30 …), never "nav"',
    check: (locales) =>
      strings(locales.lv ?? {})
        .filter(
          ([key, value]) =>
            key.endsWith('_zero') && (!value.includes('{{count}}') || /(^|\P{L})nav(\P{L}|$)/iu.test(value)),
        )
        .map(([key, value]) =>
          problem('lv', key, 'latvian-zero', `${quote(value)} must say {{count}} (10, 11–19, 20 … use it too)`),
        ),
  },
];

/** Every problem of every rule, by rule name. */
export const lint = (locales: Locales): Record<string, string[]> =>
  Object.fromEntries(RULES.map((rule) => [rule.name, rule.check(locales)]));
