import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ky from '../../locales/ky.json';
import lv from '../../locales/lv.json';
import mn from '../../locales/mn.json';
import vi from '../../locales/vi.json';
import { consentTerm, consentTermText } from './consent-term';
import { createI18n } from './i18n';

describe('consentTerm', () => {
  it.each([
    [182, 'months', 6],
    [183, 'months', 6],
    [90, 'months', 3],
    [30, 'months', 1],
    [60, 'months', 2],
    [395, 'months', 13],
    [365, 'years', 1],
    [366, 'years', 1],
    [730, 'years', 2],
    [3650, 'years', 10],
    [1, 'days', 1],
    [7, 'days', 7],
    [14, 'days', 14],
    [28, 'days', 28],
    [45, 'days', 45],
    [180, 'days', 180],
  ] as const)('%s days is %s %s', (days, unit, count) => {
    expect(consentTerm(days)).toEqual({ unit, count });
  });
});

describe('consentTermText', () => {
  const t = (lng: string) => createI18n({ texts: {}, labels: {}, descriptions: {} }).getFixedT(lng);
  /** The sentence of `notice.term` around the unit form, as the locale file has them. */
  const fill = (locale: { notice: { term: string } }, unit: string, count: number) =>
    locale.notice.term.replace('{{term}}', unit.replace('{{count}}', String(count)));

  it('says the default 182 days as 6 months in every language', () => {
    expect(consentTermText(182, t('en'))).toBe(fill(en, en.notice.months_other, 6));
    expect(consentTermText(182, t('mn'))).toBe(fill(mn, mn.notice.months_other, 6));
    expect(consentTermText(182, t('ky'))).toBe(fill(ky, ky.notice.months_other, 6));
    expect(consentTermText(182, t('vi'))).toBe(fill(vi, vi.notice.months_other, 6));
    expect(consentTermText(182, t('lv'))).toBe(fill(lv, lv.notice.months_other, 6));
    expect(consentTermText(182, t('lv'))).toContain('6\u00a0mēnešus');
  });

  it('uses the Latvian forms: 1 gadu, 2 gadus, 10 gadu; 1 mēnesi, 10 mēnešu; 21 dienu, 45 dienas', () => {
    expect(consentTermText(365, t('lv'))).toBe(fill(lv, lv.notice.years_one, 1));
    expect(consentTermText(730, t('lv'))).toBe(fill(lv, lv.notice.years_other, 2));
    expect(consentTermText(3650, t('lv'))).toBe(fill(lv, lv.notice.years_zero, 10));
    expect(consentTermText(30, t('lv'))).toBe(fill(lv, lv.notice.months_one, 1));
    expect(consentTermText(304, t('lv'))).toBe(fill(lv, lv.notice.months_zero, 10));
    expect(consentTermText(21, t('lv'))).toBe(fill(lv, lv.notice.days_one, 21));
    expect(consentTermText(45, t('lv'))).toBe(fill(lv, lv.notice.days_other, 45));
    expect(consentTermText(3650, t('lv'))).toContain('10\u00a0gadu');
  });

  it('uses the English singular for one', () => {
    expect(consentTermText(1, t('en'))).toBe('We keep your choice for 1\u00a0day, then we ask again.');
    expect(consentTermText(365, t('en'))).toBe('We keep your choice for 1\u00a0year, then we ask again.');
  });
});
