import { decodeState } from '../core/cookie-codec';
import { COOKIE_NAME } from '../core/decision-store';
import type { ConsentState } from '../core/state';

export type { ConsentState, Source } from '../core/state';

/**
 * The visitor's decision from a request's `Cookie` header, as the browser's `ShopConsent.get()` has it;
 * `null` when there is none or it cannot be read. Never throws.
 */
export const readConsent = (cookieHeader: string | null | undefined): ConsentState | null => {
  if (typeof cookieHeader !== 'string') return null;
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== COOKIE_NAME) continue;
    let value = pair.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
    return decodeState(value);
  }
  return null;
};
