import { afterEach, describe, expect, it } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import type { ConsentState } from '../core/state';
import { readConsent } from '../server/index';
import { createCookieStore, FALLBACK_KEY } from './cookie-store';

const STATE: ConsentState = {
  id: 'k3v9x0q2m7a1b5c8d4e6',
  decidedAt: '2026-11-28T14:22:05.000Z',
  revision: 'v1.2_beta-3',
  purposes: { necessary: true, analytics: false, marketing: true, 'extra_one-2': true },
  lang: 'ky',
  source: 'preferences',
};
const VALUE = encodeState(STATE);
const OPTIONS = { expiresDays: 182, domain: undefined, secure: false };

const storeWith = (warnings: string[] = [], win: Window = window) =>
  createCookieStore(OPTIONS, win, (message) => warnings.push(message));

/**
 * A window whose document ignores cookie writes, as a browser that refuses cookies does (js-cookie
 * reads the global document, so that is the one refusing), with the given localStorage.
 */
const refusingCookies = (localStorage: Storage | (() => never)): Window => {
  Object.defineProperty(document, 'cookie', { configurable: true, get: () => '', set: () => {} });
  const win = { document, navigator: { cookieEnabled: false } } as unknown as Window;
  Object.defineProperty(win, 'localStorage', {
    get: typeof localStorage === 'function' ? localStorage : () => localStorage,
  });
  return win;
};

afterEach(() => {
  // Back to the document's own cookie accessor, if a test replaced it.
  delete (document as unknown as Record<string, unknown>).cookie;
  storeWith().remove();
  localStorage.clear();
});

describe('createCookieStore', () => {
  it('writes the value as is: no quoting, no percent-escaping', () => {
    const store = storeWith();
    store.write(VALUE);
    expect(document.cookie.split('; ')).toContain(`shopconsent=${VALUE}`);
    expect(store.read()).toBe(VALUE);
  });

  it('is readable by the server-side reader from document.cookie', () => {
    storeWith().write(VALUE);
    // biome-ignore lint/suspicious/noDocumentCookie: stands for the shop's own cookies next to ours
    document.cookie = 'other=1; path=/';
    expect(readConsent(document.cookie)).toEqual(STATE);
  });

  it('removes the cookie', () => {
    const store = storeWith();
    store.write(VALUE);
    store.remove();
    expect(store.read()).toBeUndefined();
    expect(document.cookie).not.toContain('shopconsent=');
  });

  it('still writes and removes the cookie when the page added enumerable methods to Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.extend = function extend() {};
    try {
      const store = storeWith();
      store.write(VALUE);
      expect(document.cookie.split('; ')).toContain(`shopconsent=${VALUE}`);
      store.remove();
      expect(document.cookie).not.toContain('shopconsent=');
    } finally {
      delete proto.extend;
    }
  });

  it('writes nothing to localStorage while cookies work', () => {
    storeWith().write(VALUE);
    expect(localStorage.getItem(FALLBACK_KEY)).toBeNull();
  });
});

describe('createCookieStore in a browser that refuses cookies', () => {
  it('keeps the decision in localStorage, where the next page view finds it, and warns once', () => {
    const warnings: string[] = [];
    const win = refusingCookies(localStorage);
    const store = storeWith(warnings, win);
    store.write(VALUE);
    store.write(VALUE);
    expect(store.read()).toBe(VALUE);
    expect(storeWith([], win).read()).toBe(VALUE);
    expect(warnings).toEqual(['cookies are blocked; the decision is kept in localStorage.']);
  });

  it('with storage blocked too, keeps it for this page view only, and says so', () => {
    const warnings: string[] = [];
    const win = refusingCookies(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const store = storeWith(warnings, win);
    store.write(VALUE);
    expect(store.read()).toBe(VALUE);
    expect(storeWith([], win).read()).toBeUndefined();
    expect(warnings).toEqual(['cookies are blocked; the decision is kept for this page view only.']);
  });

  it('forgets the kept decision on remove', () => {
    const win = refusingCookies(localStorage);
    const store = storeWith([], win);
    store.write(VALUE);
    store.remove();
    expect(store.read()).toBeUndefined();
    expect(localStorage.getItem(FALLBACK_KEY)).toBeNull();
  });

  it('drops the kept copy once cookies work again', () => {
    localStorage.setItem(FALLBACK_KEY, 'an older decision');
    storeWith().write(VALUE);
    expect(localStorage.getItem(FALLBACK_KEY)).toBeNull();
  });
});
