export const LANGUAGES = ['mn', 'ky', 'vi', 'lv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** `vi-VN`, `LV_lv` and ` en ` all name a language we speak; anything else gives `undefined`. */
export const toLang = (code: unknown): Lang | undefined => {
  const primary = typeof code === 'string' ? code.trim().toLowerCase().split(/[-_]/)[0] : '';
  return LANGUAGES.find((lang) => lang === primary);
};

/** The first of `<html lang>` and the browser's preferred languages that we speak, else English. */
export const detectLanguage = (candidates: readonly unknown[]): Lang => {
  for (const candidate of candidates) {
    const lang = toLang(candidate);
    if (lang) return lang;
  }
  return 'en';
};
