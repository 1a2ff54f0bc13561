import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';

export const LANGUAGES = ['mn', 'ky', 'vi', 'lv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;

/**
 * The dashboard's own strings (collector/dashboard/locales), and the widget's names of the purposes, so that
 * the owner sees a purpose called what their visitors saw it called.
 */
const resources = Object.fromEntries(
  LANGUAGES.map((lang) => {
    const widget = read(new URL(`../../locales/${lang}.json`, import.meta.url)) as {
      purposes: Record<string, { label: string }>;
    };
    const purposes = Object.fromEntries(Object.entries(widget.purposes).map(([name, { label }]) => [name, label]));
    return [lang, { dashboard: read(new URL(`./locales/${lang}.json`, import.meta.url)), purposeNames: purposes }];
  }),
);

const translators = new Map<Language, TFunction>(
  LANGUAGES.map((lang) => {
    const instance = i18next.createInstance();
    instance.init({
      lng: lang,
      fallbackLng: false,
      ns: ['dashboard', 'purposeNames'],
      defaultNS: 'dashboard',
      resources,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    return [lang, instance.t];
  }),
);

export const translator = (lang: Language) => translators.get(lang) as TFunction;

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The first of the browser's languages the dashboard speaks; English otherwise. */
export const languageOf = (query: unknown, acceptLanguage: string | undefined): Language => {
  if (isLanguage(query)) return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().split(/[-;_]/)[0].toLowerCase();
    if (isLanguage(code)) return code;
  }
  return 'en';
};

/** A purpose as the widget names it in this language; an owner's own purpose by its key. */
export const purposeName = (lang: Language, purpose: string) =>
  translator(lang)(purpose, { ns: 'purposeNames', defaultValue: purpose });

/** The language's own name, capitalised for a stand-alone label (compliance note B.4). */
export const autonym = (lang: Language) => {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
};

/** A language's name in the dashboard's language. */
export const languageName = (lang: Language, code: string) => {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
};
