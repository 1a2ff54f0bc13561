export const LANGUAGES = ['mn', 'ky', 'vi', 'lv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const isLang = (code: string): code is Lang => (LANGUAGES as readonly string[]).includes(code);

/** `vi-VN`, `LV_lv` and ` en ` all name a language we speak; anything else gives `null`. */
export const toLang = (code: unknown): Lang | null => {
  if (typeof code !== 'string') return null;
  const primary = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLang(primary) ? primary : null;
};

export interface LanguageSources {
  htmlLang?: string | null;
  browserLanguages?: readonly string[];
  defaultLang?: Lang;
}

/** `<html lang>`, then the browser's preferred languages in order, then the shop's default, then English. */
export const detectLanguage = (sources: LanguageSources): Lang => {
  const candidates = [sources.htmlLang, ...(sources.browserLanguages ?? [])];
  for (const candidate of candidates) {
    const lang = toLang(candidate);
    if (lang) return lang;
  }
  return sources.defaultLang ?? 'en';
};
