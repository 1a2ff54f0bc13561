import { daysBetween } from '../stats/report';

export const PERIODS = ['7', '30', '90', 'custom'] as const;
export type PeriodChoice = (typeof PERIODS)[number];
/** The longest custom period: a year and a bit, so a year-on-year view fits. */
export const MAX_DAYS = 400;
const DEFAULT: PeriodChoice = '30';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const realDay = (text: unknown): text is string =>
  typeof text === 'string' && DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

export interface Period {
  choice: PeriodChoice;
  from: string;
  to: string;
  /** Why the asked-for dates were not used, if they were not. */
  problem: string | null;
}

/**
 * The period asked for: `period=7|30|90` ends today (UTC), `from` and `to` (both included) are any real
 * days up to MAX_DAYS apart. Anything else gets the last 30 days and the reason, for the caller to show.
 */
export const periodOf = (query: { period?: unknown; from?: unknown; to?: unknown }, now: number): Period => {
  const today = dayOf(now);
  const last = (choice: PeriodChoice, problem: string | null = null): Period => ({
    choice,
    from: dayOf(now - (Number(choice) - 1) * 86_400_000),
    to: today,
    problem,
  });
  const { period, from, to } = query;
  if (period === '7' || period === '30' || period === '90') return last(period);
  if (period === undefined && from === undefined && to === undefined) return last(DEFAULT);
  if (period !== undefined && period !== 'custom') return last(DEFAULT, `period must be one of ${PERIODS.join(', ')}.`);
  if (!realDay(from) || !realDay(to))
    return last(DEFAULT, 'from and to must be real days as YYYY-MM-DD, e.g. 2026-05-01.');
  if (from > to) return last(DEFAULT, 'from must not be after to.');
  if (daysBetween(from, to).length > MAX_DAYS) return last(DEFAULT, `A period is at most ${MAX_DAYS} days.`);
  return { choice: 'custom', from, to, problem: null };
};
