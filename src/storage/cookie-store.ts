import Cookies from 'js-cookie';
import { COOKIE_NAME, type DecisionStore } from '../core/decision-store';
import type { Warn } from '../core/warn';
import { writeCookie } from './write-cookie';

export interface CookieOptions {
  expiresDays: number;
  domain: string | undefined;
  secure: boolean;
}

/** Where a decision waits when the browser refuses cookies; read only while there is no cookie. */
export const FALLBACK_KEY = 'shopconsent';

/**
 * The `shopconsent` cookie: first-party, path `/`, `SameSite=Lax`, `Secure` on https.
 *
 * A browser that refuses cookies drops the write silently. The decision is then kept in localStorage
 * (later page views read it there, when `navigator.cookieEnabled` says cookies are off) and, where storage is blocked too, in this page view: either way the
 * visitor is not asked again on this page, and a re-read (another tab, the tab shown again) finds it.
 */
export const createCookieStore = (
  { expiresDays, domain, secure }: CookieOptions,
  win: Window,
  warn: Warn,
): DecisionStore => {
  const place = { path: '/', domain, secure };
  let kept: string | undefined;
  let warned = false;
  const local = (change?: (storage: Storage) => void): string | undefined => {
    try {
      const storage = win.localStorage;
      change?.(storage);
      return storage.getItem(FALLBACK_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  };
  return {
    // A browser that refuses cookies says so; only then is localStorage worth its first, costly, access.
    read: () => Cookies.get(COOKIE_NAME) ?? kept ?? (win.navigator.cookieEnabled ? undefined : local()),
    write: (value) => {
      writeCookie(win.document, COOKIE_NAME, value, expiresDays, place);
      const stuck = Cookies.get(COOKIE_NAME) === value;
      kept = stuck ? undefined : value;
      const fallback = local((storage) =>
        stuck ? storage.removeItem(FALLBACK_KEY) : storage.setItem(FALLBACK_KEY, value),
      );
      if (!stuck && !warned) {
        warned = true;
        warn(`cookies are blocked; the decision is kept ${fallback ? 'in localStorage' : 'for this page view only'}.`);
      }
    },
    remove: () => {
      writeCookie(win.document, COOKIE_NAME, '', -1, place);
      kept = undefined;
      local((storage) => storage.removeItem(FALLBACK_KEY));
    },
  };
};
