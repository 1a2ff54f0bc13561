/**
 * The locale lint (docs/translations.md): rules over the i18next JSON v4 files of this folder, after parts B
 * and C of compliance-and-locales.md. Every problem is one line naming the file, the key and the rule:
 *
 *   ky.json › actions.save [kazakh-letters]: "Сақтау" has ә ғ қ ұ һ і, letters Kyrgyz does not have
 */

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

const problem = (code: string, key: string, rule: string, detail: string) =>
  `${code}.json › ${key} [${rule}]: ${detail}`;
const quote = (value: unknown) => JSON.stringify(value);
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

/** Languages written in Cyrillic, and how much of each value must be Cyrillic. */
const CYRILLIC_LANGUAGES = ['mn', 'ky'];
const MIN_CYRILLIC_SHARE = 0.8;
/** Letters of a language's neighbours that it does not have (part B.1): Kazakh for both, ң also for Mongolian. */
const FOREIGN_LETTERS: Record<string, [RegExp, string][]> = {
  mn: [
    [/[әӘғҒқҚұҰһҺіІ]/u, 'has ә ғ қ ұ һ і, Kazakh letters Mongolian does not have'],
    [/[ңҢ]/u, 'has ң, a Kyrgyz and Kazakh letter Mongolian does not have'],
  ],
  ky: [[/[әӘғҒқҚұҰһҺіІ]/u, 'has ә ғ қ ұ һ і, letters Kyrgyz does not have (Kazakh)']],
};
/** Letters that show a text is in the language and not in Russian (or a neighbour). */
const OWN_LETTERS: Record<string, RegExp> = { mn: /[өүӨҮ]/u, ky: /[ңөүҢӨҮ]/u };

/**
 * Words that must not come back (glossary, part C): the machine-translation slips of the seed policies
 * (C.5) and the terms we decided against, with the term to use instead.
 */
export const FORBIDDEN_TERMS: Record<string, [RegExp, string][]> = {
  mn: [
    [/cookie/iu, 'write "күүки", the word Mongolian cookie policies use'],
    [/тэдгээргүйгээр/iu, 'bookish; name what is meant: "эдгээр күүкигүйгээр"'],
    [/таныг\s+асаа/iu, '"таныг асаах" reads as "switch you on"; the visitor switches them on: "та өөрөө асаах"'],
  ],
  ky: [
    [/партия|партиян|партиял/iu, '"партия" is a political party; a third party is "үчүнчү тарап" or "үчүнчү жак"'],
    [/заказ/iu, 'use the Kyrgyz "буйрутма" for an order, not the Russian loan "заказ"'],
    [/иштеп\s+чыгуу/iu, '"иштеп чыгуу" means to develop or produce; processing is "иштетүү"'],
    [/cookie/iu, 'write "куки" / "кукилер", as Kyrgyz cookie pages do, not "cookie" or "cookie-файлдар"'],
  ],
  vi: [
    [/bên thứ 3/iu, 'write "bên thứ ba"'],
    [/phi cá nhân/iu, 'cookies and IP addresses are personal data; do not call them "phi cá nhân"'],
  ],
  lv: [
    [/sīkfail/iu, 'the standard term is "sīkdatne" (likumi.lv, DVI)'],
    [/drošības politik/iu, 'a privacy policy is "privātuma politika"; "drošības politika" is a security policy'],
    [
      /līdz\s+jūs\s+(?:\p{L}+\s+)?\p{L}+(?<!s)(?:at|āt|iet)(?!\p{L})/iu,
      'after "līdz" (until) the verb is in the future: "līdz jūs tās ieslēgsiet", not "ieslēdzat"',
    ],
    [/(?<!\p{L})skatītās\s+preces/iu, 'goods the visitor looked at are "apskatītās preces"'],
  ],
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

// ---- which keys the code uses ----

/** A key the code names: a string literal such as `'banner.title'`, or a template such as `purposes.${id}.label`. */
export interface KeyUse {
  file: string;
  /** The literal, or the template with `*` for each expression. */
  text: string;
  pattern: RegExp | null;
}

/**
 * Keys among the string literals and templates of one source file: those whose first segment is a section
 * of en.json (`banner.`, `purposes.` …). That finds `t('banner.title')` calls as well as key tables such as
 * `{ days: 'notice.termDays' }`; comments are not code and are not read.
 */
export const keyUses = (
  file: string,
  literals: readonly (string | readonly string[])[],
  sections: ReadonlySet<string>,
): KeyUse[] =>
  literals.flatMap((literal) => {
    const parts = typeof literal === 'string' ? [literal] : literal;
    const text = parts.join('*');
    if (!/^[a-z][\w-]*(\.([\w-]+|\*)|\*)+$/i.test(text) || !sections.has(text.split('.')[0])) return [];
    const pattern =
      parts.length > 1
        ? new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\w-]+')}$`)
        : null;
    return [{ file, text, pattern }];
  });

/**
 * Keys the code reads that only a shop writes, in its `texts` setting: no locale file has them, and the
 * dialog shows nothing where the shop wrote nothing. `purposes.marketing.frequency` is how and how often
 * the shop sends offers (Vietnam, Law 91 Art. 28), which only the shop knows.
 */
export const SHOP_ONLY_KEYS = ['purposes.marketing.frequency'] as const;

/** Problems between the keys the code uses and those of en.json (and so of every file). */
export const checkKeyUse = (english: Flat, uses: readonly KeyUse[]): { missing: string[]; unused: string[] } => {
  const keys = new Set([...Object.keys(english), ...Object.keys(english).map(baseKey), ...SHOP_ONLY_KEYS]);
  const bases = [...new Set(Object.keys(english).map(baseKey))];
  const used = new Set<string>();
  const missing: string[] = [];
  for (const use of uses) {
    const matches = use.pattern
      ? bases.filter((key) => use.pattern?.test(key))
      : keys.has(use.text)
        ? [baseKey(use.text)]
        : [];
    if (matches.length === 0)
      missing.push(`${use.file}: ${quote(use.text)} [used-key-exists]: no such key in locales/en.json`);
    for (const key of matches) used.add(key);
  }
  const unused = bases
    .filter((key) => !used.has(key))
    .map((key) => problem('en', key, 'key-is-used', 'nothing in src/ uses it (no t() call, no key table)'));
  return { missing, unused };
};
