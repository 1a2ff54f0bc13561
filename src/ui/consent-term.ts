import type { i18n } from 'i18next';

export type TermUnit = 'days' | 'months' | 'years';

const KEYS: Record<TermUnit, string> = {
  days: 'notice.days',
  months: 'notice.months',
  years: 'notice.years',
};
const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/**
 * How long a decision holds, in the unit a person would say: 182 days is "6 months", 365 is "1 year",
 * 45 stays "45 days". A whole number of years or months counts if it is within a few days.
 */
export const consentTerm = (days: number): { unit: TermUnit; count: number } => {
  const years = Math.round(days / DAYS_PER_YEAR);
  if (years >= 1 && Math.abs(days - years * DAYS_PER_YEAR) <= 3) return { unit: 'years', count: years };
  const months = Math.round(days / DAYS_PER_MONTH);
  if (months >= 1 && Math.abs(days - months * DAYS_PER_MONTH) <= 2) return { unit: 'months', count: months };
  return { unit: 'days', count: days };
};

/** "We keep your choice for 6 months, …" in the dialog's language, with the plural form it needs. */
export const consentTermText = (days: number, t: i18n['t']): string => {
  const { unit, count } = consentTerm(days);
  return t('notice.term', { term: t(KEYS[unit], { count }) });
};
