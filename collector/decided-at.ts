/** No receipt format existed before this: an earlier decidedAt is a wrong clock or made up. */
export const EARLIEST_DECISION = Date.UTC(2020, 0, 1);

/**
 * Why a receipt's `decidedAt` (already of the schema's form, `2026-05-04T09:29:58Z`) cannot be when the
 * visitor decided, or null when it can: a day or time that does not exist on the calendar (Date.parse
 * takes 2026-02-30 for 2 March), one before 2020, or one later than the receipt's arrival plus the clock
 * skew allowed. A future date would otherwise stand as the visitor's latest decision for years.
 */
export const implausibleDecidedAt = (decidedAt: string, receivedAt: number, skewSeconds: number): string | null => {
  const [year, month, day, hour, minute, second] = decidedAt.match(/\d+/g)?.map(Number) ?? [];
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  )
    return `/decidedAt ${decidedAt} is not a date and time that exists`;
  if (time < EARLIEST_DECISION) return `/decidedAt ${decidedAt} is before 2020`;
  if (time > receivedAt + skewSeconds * 1000)
    return `/decidedAt ${decidedAt} is later than the receipt's arrival (${new Date(receivedAt).toISOString()}) plus the ${skewSeconds} s of clock skew allowed`;
  return null;
};
