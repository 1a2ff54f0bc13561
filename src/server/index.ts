import { decodeState } from '../core/cookie-codec';
import { COOKIE_NAME } from '../core/decision-store';
import type { ConsentState } from '../core/state';
import { warn } from '../core/warn';

export { LANGUAGES, type Lang } from '../core/languages';
export type { Choices } from '../core/purposes';
export type { ConsentState, Source } from '../core/state';

export interface ReadConsentOptions {
  /** The `expiresDays` the widget runs with on your pages (default 182): an older decision gives `null`. */
  expiresDays?: number;
  /** Your current policy `revision`: a decision made under another gives `null`. Unchecked when left out. */
  revision?: string;
  /** The time to judge expiry against, in milliseconds since 1970 (default: now). */
  now?: number;
}

const DAY = 86_400_000;
const DEFAULT_EXPIRES_DAYS = 182;
/** A visitor's clock may run a little ahead of the server's; a decision further in the future was not made. */
const CLOCK_SKEW = 60_000;

const validDays = (days: unknown): number => {
  if (days === undefined) return DEFAULT_EXPIRES_DAYS;
  if (typeof days === 'number' && Number.isFinite(days) && days > 0) return days;
  warn(`readConsent: expiresDays ${String(days)} is not a positive number of days; using ${DEFAULT_EXPIRES_DAYS}`);
  return DEFAULT_EXPIRES_DAYS;
};

const cookieValue = (cookieHeader: string): string | null => {
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== COOKIE_NAME) continue;
    const value = pair.slice(at + 1).trim();
    const unquoted = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
    try {
      return decodeURIComponent(unquoted);
    } catch {
      return null;
    }
  }
  return null;
};

/**
 * The visitor's decision from a request's `Cookie` header, as the browser's `ShopConsent.get()` has it;
 * `null` when there is none, it cannot be read, it has expired, it is dated in the future, or it was made
 * under another revision than `options.revision`. Never throws.
 */
export const readConsent = (
  cookieHeader: string | null | undefined,
  options: ReadConsentOptions = {},
): ConsentState | null => {
  if (typeof cookieHeader !== 'string') return null;
  const value = cookieValue(cookieHeader);
  const state = value === null ? null : decodeState(value);
  if (!state) return null;
  // Called from plain JavaScript too: anything but an object means no options.
  const { expiresDays, revision, now: at } = typeof options === 'object' && options !== null ? options : {};
  const now = typeof at === 'number' && Number.isFinite(at) ? at : Date.now();
  const age = now - Date.parse(state.decidedAt);
  if (age < -CLOCK_SKEW || age > validDays(expiresDays) * DAY) return null;
  return revision === undefined || state.revision === String(revision) ? state : null;
};
