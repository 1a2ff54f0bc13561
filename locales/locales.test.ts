// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync, Visitor } from 'vite';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/core/languages';
import { BUILT_IN_PURPOSES } from '../src/core/purposes';
import { createI18n } from '../src/ui/i18n';
import { checkKeyUse, keyUses, SHOP_ONLY_KEYS } from './key-use';
import { type Flat, flatten, type Locales, lint, mixedScriptWords, RULES } from './lint';

/** The locale lint run by `npm test`: the rules of ./lint.ts over the real files, and proof that they bite. */

const here = import.meta.dirname;
const root = join(here, '..');
const files = readdirSync(here).filter((name) => name.endsWith('.json'));
const raw: Record<string, unknown> = Object.fromEntries(
  files.map((name) => [name.slice(0, -'.json'.length), JSON.parse(readFileSync(join(here, name), 'utf8'))]),
);
const locales: Locales = Object.fromEntries(Object.entries(raw).map(([code, value]) => [code, flatten(value)]));
const text = (code: string, key: string) => String(locales[code][key]);

describe('locale files', () => {
  it('are exactly the product languages', () => {
    expect(Object.keys(locales).sort()).toEqual([...LANGUAGES].sort());
  });

  it('describe exactly the built-in purposes, each with a label and a description', () => {
    const described = new Set(
      Object.keys(locales.en)
        .filter((key) => key.startsWith('purposes.'))
        .map((key) => key.split('.')[1]),
    );
    expect([...described].sort()).toEqual([...BUILT_IN_PURPOSES].sort());
    for (const id of BUILT_IN_PURPOSES) {
      expect(locales.en[`purposes.${id}.label`], id).toBeTypeOf('string');
      expect(locales.en[`purposes.${id}.description`], id).toBeTypeOf('string');
    }
  });

  it('give each language its own name, as CLDR writes it, capitalised for a menu (part B.4)', () => {
    for (const code of LANGUAGES) {
      const cldr = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? '';
      const expected = cldr.charAt(0).toLocaleUpperCase(code) + cldr.slice(1);
      expect(text(code, 'language.name'), code).toBe(expected);
    }
    expect(LANGUAGES.map((code) => text(code, 'language.name'))).toEqual([
      'Монгол',
      'Кыргызча',
      'Tiếng Việt',
      'Latviešu',
      'English',
    ]);
  });
});

describe('locale lint', () => {
  it.each(RULES.map((rule) => [rule.name, rule.title, rule] as const))('%s: %s', (_name, _title, rule) => {
    expect(rule.check(locales)).toEqual([]);
  });
});

/** The real files with some values replaced (`undefined` deletes the key). */
const patched = (changes: Record<string, Record<string, unknown>>): Locales =>
  Object.fromEntries(
    Object.entries(locales).map(([code, flat]) => {
      const next: Flat = { ...flat, ...changes[code] };
      for (const [key, value] of Object.entries(changes[code] ?? {})) if (value === undefined) delete next[key];
      return [code, next];
    }),
  );
const problemsOf = (changes: Record<string, Record<string, unknown>>, rule: string) => lint(patched(changes))[rule];

describe('the lint names the file, the key and the rule of each problem', () => {
  it.each([
    [
      'a key missing in one file',
      { ky: { 'banner.policy': undefined } },
      'same-keys',
      'ky.json › banner.policy [same-keys]: missing (en.json has it)',
    ],
    [
      'a key only one file has',
      { lv: { 'banner.extra': 'Papildu teksts' } },
      'same-keys',
      'lv.json › banner.extra [same-keys]: not in en.json',
    ],
    [
      'an empty value',
      { mn: { 'banner.title': ' ' } },
      'string',
      'mn.json › banner.title [string]: " " is not a non-empty string',
    ],
    [
      'a missing Latvian plural form',
      { lv: { 'purpose.cookies_zero': undefined } },
      'plural-forms',
      'lv.json › purpose.cookies [plural-forms]: has _one, _other; lv needs _one, _other, _zero',
    ],
    [
      'a Kyrgyz plural form Kyrgyz does not have',
      { ky: { 'purpose.cookies_few': '{{count}} куки' } },
      'plural-forms',
      'ky.json › purpose.cookies [plural-forms]: has _few, _one, _other; ky needs _one, _other',
    ],
    [
      'a plural suffix on a key English does not count',
      { mn: { 'banner.title_one': 'Бид' } },
      'plural-suffix',
      'mn.json › banner.title_one [plural-suffix]: has a plural suffix, but en.json does not count it',
    ],
    [
      'Vietnamese in NFD',
      { vi: { 'actions.save': 'Lưu lựa chọn'.normalize('NFD') } },
      'nfc',
      'vi.json › actions.save [nfc]: is not NFC-normalised (combining marks); save it as NFC',
    ],
    [
      'Latvian in NFD',
      { lv: { 'actions.rejectAll': 'Noraidīt visas'.normalize('NFD') } },
      'nfc',
      'lv.json › actions.rejectAll [nfc]: is not NFC-normalised (combining marks); save it as NFC',
    ],
    [
      'a renamed placeholder',
      { vi: { 'purpose.cookies_other': '{{n}} cookie' } },
      'placeholders',
      'vi.json › purpose.cookies_other [placeholders]: has {{n}}; English has {{count}}',
    ],
    [
      'a lost placeholder',
      { mn: { 'preferences.decidedOn': 'Сонголтоо хадгалсан' } },
      'placeholders',
      'mn.json › preferences.decidedOn [placeholders]: has none; English has {{date}}',
    ],
    [
      'an untranslated value',
      { lv: { 'actions.acceptAll': 'Accept all' } },
      'same-as-english',
      'lv.json › actions.acceptAll [same-as-english]: "Accept all" is the English text',
    ],
    [
      'the seed slip "Hууцлалын" (a Latin H)',
      { mn: { 'banner.policy': 'Мэдээллийн Hууцлалын бодлого' } },
      'cyrillic',
      'mn.json › banner.policy [cyrillic]: "Hууцлалын" mixes Latin and Cyrillic letters (a homoglyph?)',
    ],
    [
      'a Kyrgyz value in English',
      { ky: { 'actions.choose': 'Settings' } },
      'cyrillic',
      'ky.json › actions.choose [cyrillic]: "Settings" is mostly not Cyrillic',
    ],
    [
      'Kazakh letters in Kyrgyz (seed 003: "Қазақстан")',
      { ky: { 'actions.save': 'Қазақстан' } },
      'foreign-letters',
      'ky.json › actions.save [foreign-letters]: "Қазақстан" has ә ғ қ ұ һ і, letters Kyrgyz does not have (Kazakh)',
    ],
    [
      'ң in Mongolian',
      { mn: { 'actions.save': 'Сонголтоо хадгалаң' } },
      'foreign-letters',
      'mn.json › actions.save [foreign-letters]: "Сонголтоо хадгалаң" has ң, a Kyrgyz and Kazakh letter Mongolian does not have',
    ],
    [
      'the seed slip "үчүнчү партия"',
      { ky: { 'purposes.marketing.description': 'Үчүнчү партиянын жарнамасы' } },
      'glossary',
      'ky.json › purposes.marketing.description [glossary]: "партия": "партия" is a political party; a third party is "үчүнчү тарап" or "үчүнчү жак"',
    ],
    [
      'the Russian loan "заказ"',
      { ky: { 'purposes.necessary.label': 'Заказды жеткирүү' } },
      'glossary',
      'ky.json › purposes.necessary.label [glossary]: "Заказ": use the Kyrgyz "буйрутма" for an order, not the Russian loan "заказ"',
    ],
    [
      'the non-standard "sīkfaili"',
      { lv: { 'preferences.title': 'Sīkfailu iestatījumi' } },
      'glossary',
      'lv.json › preferences.title [glossary]: "Sīkfail": the standard term is "sīkdatne" (likumi.lv, DVI)',
    ],
    [
      'cookies called non-personal (seed 002)',
      { vi: { 'purposes.analytics.description': 'Thông tin phi cá nhân như cookie.' } },
      'glossary',
      'vi.json › purposes.analytics.description [glossary]: "phi cá nhân": cookies and IP addresses are personal data; do not call them "phi cá nhân"',
    ],
    [
      'the bookish "тэдгээргүйгээр" (native review)',
      { mn: { 'preferences.text': 'тэдгээргүйгээр бид захиалгыг тань хүлээн авч чадахгүй.' } },
      'glossary',
      'mn.json › preferences.text [glossary]: "тэдгээргүйгээр": bookish; name what is meant: "эдгээр күүкигүйгээр"',
    ],
    [
      '"таныг асаах", which reads as "switch you on" (native review)',
      { mn: { 'preferences.text': 'Бусад нь таныг асаах хүртэл унтраалттай байна.' } },
      'glossary',
      'mn.json › preferences.text [glossary]: "таныг асаа": "таныг асаах" reads as "switch you on"; the visitor switches them on: "та өөрөө асаах"',
    ],
    [
      'the Latvian present tense after "līdz" (native review)',
      { lv: { 'preferences.text': 'Pārējās ir izslēgtas, līdz jūs tās ieslēdzat.' } },
      'glossary',
      'lv.json › preferences.text [glossary]: "līdz jūs tās ieslēdzat": after "līdz" (until) the verb is in the future: "līdz jūs tās ieslēgsiet", not "ieslēdzat"',
    ],
    [
      'the Latvian "skatītās preces" (native review)',
      { lv: { 'purposes.personalization.description': 'Ieteikumi, ņemot vērā skatītās preces.' } },
      'glossary',
      'lv.json › purposes.personalization.description [glossary]: "skatītās preces": goods the visitor looked at are "apskatītās preces"',
    ],
    [
      'a plain space between a Vietnamese count and its noun ("5 / cookie")',
      { vi: { 'purpose.cookies_other': '{{count}} cookie' } },
      'count-space',
      'vi.json › purpose.cookies_other [count-space]: "{{count}} cookie" has a plain space beside {{count}}; write a no-break space (\\u00a0)',
    ],
    [
      'a plain space before a count',
      { lv: { 'notice.months_zero': 'mēnešu {{count}}' } },
      'count-space',
      'lv.json › notice.months_zero [count-space]: "mēnešu {{count}}" has a plain space beside {{count}}; write a no-break space (\\u00a0)',
    ],
    [
      'a plain space in an English plural string',
      { en: { 'notice.days_one': '{{count}} day' } },
      'count-space',
      'en.json › notice.days_one [count-space]: "{{count}} day" has a plain space beside {{count}}; write a no-break space (\\u00a0)',
    ],
    [
      'a Latvian _zero that says "none"',
      { lv: { 'purpose.cookies_zero': 'nav sīkdatņu {{count}}' } },
      'latvian-zero',
      'lv.json › purpose.cookies_zero [latvian-zero]: "nav sīkdatņu {{count}}" must say {{count}} (10, 11–19, 20 … use it too)',
    ],
  ])('%s', (_case, changes, rule, message) => {
    expect(problemsOf(changes, rule)).toEqual([message]);
  });

  it('takes a no-break space or a narrow no-break space beside a count, and leaves other keys alone', () => {
    expect(
      problemsOf(
        {
          ky: { 'purpose.cookies_one': '{{count}}\u00a0куки', 'purpose.cookies_other': '{{count}}\u202fкуки' },
          en: { 'banner.text': 'We use {{count}} cookies' },
        },
        'count-space',
      ),
    ).toEqual([]);
  });

  it('lets a brand name be the same as English', () => {
    const brand = { 'banner.title': 'ShopConsent' };
    expect(problemsOf({ en: brand, lv: brand, mn: brand }, 'same-as-english')).toEqual([]);
    expect(problemsOf({ en: brand, mn: brand }, 'cyrillic')).toEqual([]);
  });

  it('tells a Mongolian file that is Russian', () => {
    const russian = Object.fromEntries(Object.keys(locales.mn).map((key) => [key, 'Настройки']));
    expect(lint({ ...locales, mn: russian })['own-letters']).toEqual([
      'mn.json › * [own-letters]: no value has [өүӨҮ]; is this Russian?',
    ]);
  });

  it('finds mixed-script words and nothing else', () => {
    expect(mixedScriptWords('Мэдээллийн Hууцлалын бодлого')).toEqual(['Hууцлалын']);
    expect(mixedScriptWords('Нууцлалын бодлого, GPC, e-mail')).toEqual([]);
  });
});

// ---- every key used in src/ exists; every key exists for a reason ----

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|testing)\.tsx?$/.test(entry.name) ? [path] : [];
  });

/** String literals and templates (as their fixed parts) of a TypeScript or TSX file, comments left out. */
const literalsOf = (path: string): (string | string[])[] => {
  const { program, errors } = parseSync(path, readFileSync(path, 'utf8'));
  expect(errors, path).toEqual([]);
  const found: (string | string[])[] = [];
  new Visitor({
    Literal(node) {
      if (typeof node.value === 'string') found.push(node.value);
    },
    TemplateLiteral(node) {
      found.push(node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw));
    },
  }).visit(program);
  return found;
};

const sections = new Set(Object.keys(raw.en as object));
const usesIn = (path: string) => keyUses(relative(root, path), literalsOf(path), sections);

describe('keys in src/', () => {
  const sources = sourceFiles(join(root, 'src'));
  const uses = sources.flatMap(usesIn);

  it('reads the dialog and the core', () => {
    expect(sources.some((path) => path.endsWith('Preferences.tsx'))).toBe(true);
    expect(uses.some((use) => use.text === 'banner.title')).toBe(true);
    expect(uses.some((use) => use.text === 'purposes.*.*')).toBe(true);
  });

  it('every key the code uses is in the locales (used-key-exists)', () => {
    expect(checkKeyUse(locales.en, uses).missing).toEqual([]);
  });

  it('keys only a shop writes are in no locale file, and the code reads them', () => {
    for (const key of SHOP_ONLY_KEYS) {
      for (const code of LANGUAGES) expect(locales[code][key], `${code}.json › ${key}`).toBeUndefined();
      expect(uses.some((use) => use.text === key)).toBe(true);
    }
  });

  it('every key of the locales is used by the code (key-is-used)', () => {
    expect(checkKeyUse(locales.en, uses).unused).toEqual([]);
  });

  it('reports a misspelt key and the key it leaves unused', () => {
    const english = {
      'banner.title': 'We respect your privacy',
      'purpose.cookies_one': 'x',
      'purpose.cookies_other': 'y',
    };
    const found = keyUses(
      'src/ui/Banner.tsx',
      ['banner.titel', 'purpose.cookies', 'sc-banner', 'data.json'],
      new Set(['banner', 'purpose']),
    );
    expect(checkKeyUse(english, found)).toEqual({
      missing: ['src/ui/Banner.tsx: "banner.titel" [used-key-exists]: no such key in locales/en.json'],
      unused: ['en.json › banner.title [key-is-used]: nothing in src/ uses it (no t() call, no key table)'],
    });
  });

  it('matches a template against the keys, and reports one that matches none', () => {
    const english = { 'purposes.analytics.label': 'Analytics', 'purposes.analytics.description': 'Measuring visits.' };
    const found = keyUses(
      'src/x.ts',
      [
        ['purposes.', '.label'],
        ['purposes.', '.title'],
      ],
      new Set(['purposes']),
    );
    expect(checkKeyUse(english, found)).toEqual({
      missing: ['src/x.ts: "purposes.*.title" [used-key-exists]: no such key in locales/en.json'],
      unused: [
        'en.json › purposes.analytics.description [key-is-used]: nothing in src/ uses it (no t() call, no key table)',
      ],
    });
  });
});

// ---- plurals through i18next (part B.2) ----

type Category = 'zero' | 'one' | 'other';
/** Part B.2, measured with Node's ICU; the Latvian ones are the note's "Latvian test vectors". */
const VECTORS: Record<string, [number, Category][]> = {
  lv: [
    ...[0, 10, 11, 15, 19, 20, 30, 100, 111, 112].map((n): [number, Category] => [n, 'zero']),
    ...[1, 21, 31, 101, 0.1, 2.1].map((n): [number, Category] => [n, 'one']),
    ...[2, 5, 9, 22, 29, 1.5, 10.5].map((n): [number, Category] => [n, 'other']),
  ],
  mn: [[1, 'one'], ...[0, 2, 5, 16, 100, 1.5].map((n): [number, Category] => [n, 'other'])],
  ky: [[1, 'one'], ...[0, 2, 5, 16, 100, 1.5].map((n): [number, Category] => [n, 'other'])],
  vi: [0, 1, 2, 21, 100, 1.5].map((n): [number, Category] => [n, 'other']),
  en: [[1, 'one'], ...[0, 2, 11, 1.5].map((n): [number, Category] => [n, 'other'])],
};
const vectors = Object.entries(VECTORS).flatMap(([code, list]) => list.map(([n, c]) => [code, n, c] as const));

describe('plurals through i18next', () => {
  it.each(vectors)('Intl.PluralRules(%s) puts %s in %s', (code, count, category) => {
    expect(new Intl.PluralRules(code).select(count)).toBe(category);
  });

  // Mongolian and Kyrgyz say "1 күүки" and "5 күүки" alike, so a marker per form shows which one i18next took.
  const markers = Object.fromEntries(
    LANGUAGES.map((code) => [
      code,
      Object.fromEntries(
        new Intl.PluralRules(code)
          .resolvedOptions()
          .pluralCategories.map((c) => [`purpose.cookies_${c}`, `${c}:{{count}}`]),
      ),
    ]),
  );
  const marked = createI18n({ texts: markers, labels: {}, descriptions: {} });

  it.each(vectors)('i18next in %s gives %s the _%s form', (code, count, category) => {
    expect(marked.t('purpose.cookies', { count, lng: code })).toBe(`${category}:${count}`);
  });

  const i18n = createI18n({ texts: {}, labels: {}, descriptions: {} });

  it.each(vectors)('%s: %s cookies reads as the locale file says', (code, count, category) => {
    const form = text(code, `purpose.cookies_${category}`);
    expect(i18n.t('purpose.cookies', { count, lng: code })).toBe(form.replace('{{count}}', String(count)));
  });

  it('Latvian says 1 sīkdatne, 2 sīkdatnes, 10 sīkdatņu: three different words', () => {
    expect(['zero', 'one', 'other'].map((c) => text('lv', `purpose.cookies_${c}`))).toEqual([
      '{{count}}\u00a0sīkdatņu',
      '{{count}}\u00a0sīkdatne',
      '{{count}}\u00a0sīkdatnes',
    ]);
  });
});
