/** No receipt format existed before this: an earlier decidedAt is a wrong clock or made up. */
export const EARLIEST_DECISION = Date.UTC(2020, 0, 1);

/**
 * Why a receipt's `decidedAt` (already of the schema's form, `2026-05-04T09:29:58Z`) cannot be when the
 * visitor decided, or null when it can: a day or time that does not exist on the calendar (Date.parse
 * takes 2026-02-30 for 2 March), one before 2020, or one later than the receipt's arrival plus the clock
 * skew allowed. A future date would otherwise stand as the visitor's latest decision for years.
 */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1];

export const implausibleDecidedAt = (decidedAt: string, receivedAt: number, skewSeconds: number): string | null => {
  // Fixed positions: the schema's pattern has checked the form. This runs for every receipt.
  const year = Number(decidedAt.slice(0, 4));
  const month = Number(decidedAt.slice(5, 7));
  const day = Number(decidedAt.slice(8, 10));
  const hour = Number(decidedAt.slice(11, 13));
  const minute = Number(decidedAt.slice(14, 16));
  const second = Number(decidedAt.slice(17, 19));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59)
    return `/decidedAt ${decidedAt} is not a date and time that exists`;
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  if (time < EARLIEST_DECISION) return `/decidedAt ${decidedAt} is before 2020`;
  if (time > receivedAt + skewSeconds * 1000)
    return `/decidedAt ${decidedAt} is later than the receipt's arrival (${new Date(receivedAt).toISOString()}) plus the ${skewSeconds} s of clock skew allowed`;
  return null;
};
