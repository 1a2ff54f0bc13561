import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES } from '../core/languages';
import { decisionDate } from './decision-date';
import { createI18n } from './i18n';

const i18n = createI18n({ texts: {}, labels: {}, descriptions: {} });
const cldrLong = (lang: string, date: Date) => new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
/** The 5th of every month of 2025, at noon local time, and the last day of the year. */
const DATES = [
  ...Array.from({ length: 12 }, (_, month) => new Date(2025, month, 5, 12)),
  new Date(2025, 11, 31, 23, 59),
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('decisionDate', () => {
  it('is Intl’s long date where the browser has the language (Node has full ICU)', () => {
    for (const lang of LANGUAGES) {
      const date = DATES[0];
      expect(decisionDate(date, lang, i18n.getFixedT(lang))).toBe(cldrLong(lang, date));
    }
  });

  it('gives the Kyrgyz long form, not a numeric one', () => {
    expect(decisionDate(new Date(2025, 0, 5, 14, 3), 'ky', i18n.getFixedT('ky'))).toBe('2025-ж., 5-январь');
  });

  describe.each(LANGUAGES)('without date data for %s in the browser (as in Chromium for mn and ky)', (lang) => {
    it.each(DATES.map((date) => [date.toDateString(), date]))('writes %s as CLDR’s long form would', (_, date) => {
      vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
      expect(decisionDate(date, lang, i18n.getFixedT(lang))).toBe(cldrLong(lang, date));
    });
  });
});
