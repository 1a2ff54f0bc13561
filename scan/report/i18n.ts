import i18next, { type TFunction } from 'i18next';
import en from '../locales/en.json';
import ky from '../locales/ky.json';
import lv from '../locales/lv.json';
import mn from '../locales/mn.json';
import vi from '../locales/vi.json';
import type { Lang } from '../widget';

export type ReportKey = keyof typeof en;

/** The report's texts in one language, from the scanner's own resources; English where a key is missing. */
export const reportTexts = (lang: Lang): ((key: ReportKey, values?: Record<string, string>) => string) => {
  const instance = i18next.createInstance();
  instance.init({
    lng: lang,
    fallbackLng: 'en',
    initAsync: false,
    resources: {
      en: { translation: en },
      mn: { translation: mn },
      ky: { translation: ky },
      vi: { translation: vi },
      lv: { translation: lv },
    },
    // The HTML report escapes every value itself; the terminal wants them raw.
    interpolation: { escapeValue: false },
  });
  const t: TFunction = instance.t;
  return (key, values) => String(t(key, values));
};
