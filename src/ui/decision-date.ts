import type { TFunction } from 'i18next';
import type { Lang } from '../core/languages';

/**
 * A date in the visitor's language, in the long form (never a numeric one: Kyrgyz numeric dates put
 * the day before the month). Intl gives it where the browser has the language's date data; Chromium
 * has none for Mongolian and Kyrgyz and would answer in English, so there the locale file's own
 * pattern and month names (CLDR's long form) are used instead.
 */
export const decisionDate = (date: Date, lang: Lang, t: TFunction): string => {
  if (Intl.DateTimeFormat.supportedLocalesOf(lang).length > 0) {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
  }
  const month = (t('date.months') as string).split(',')[date.getMonth()];
  return t('date.long', { year: date.getFullYear(), month, day: date.getDate() });
};
