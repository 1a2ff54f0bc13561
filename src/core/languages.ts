export const LANGUAGES = ['mn', 'ky', 'vi', 'lv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** `vi-VN`, `LV_lv` and ` en ` all name a language we speak; anything else gives `undefined`. */
export const toLang = (code: unknown): Lang | undefined => {
  const primary = typeof code === 'string' ? code.trim().toLowerCase().split(/[-_]/)[0] : '';
  return LANGUAGES.find((lang) => lang === primary);
};

/** The first candidate that names a language we speak (`auto` names none), else `fallback`. */
export const detectLanguage = (candidates: readonly unknown[], fallback: Lang = 'en'): Lang => {
  for (const candidate of candidates) {
    const lang = toLang(candidate);
    if (lang) return lang;
  }
  return fallback;
};

/**
 * The dialog's language on this page view (docs/adr/0015): the shop's setting for the page, else the page's
 * `<html lang>`, else the language of the visitor's last decision, else the browser's languages, else the
 * shop's default language.
 */
export const pageLanguage = (
  configured: Lang | 'auto',
  htmlLang: unknown,
  remembered: unknown,
  browser: readonly unknown[],
  defaultLang: Lang,
): Lang => detectLanguage([configured, htmlLang, remembered, ...browser], defaultLang);
