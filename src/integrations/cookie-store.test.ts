import { afterEach, describe, expect, it } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import type { ConsentState } from '../core/state';
import { readConsent } from '../server/index';
import { createCookieStore } from './cookie-store';

const STATE: ConsentState = {
  id: 'k3v9x0q2m7a1b5c8d4e6',
  decidedAt: '2026-11-28T14:22:05.000Z',
  revision: 'v1.2_beta-3',
  purposes: { necessary: true, analytics: false, marketing: true, 'extra_one-2': true },
  lang: 'ky',
  source: 'preferences',
};

afterEach(() => {
  createCookieStore({ expiresDays: 1, domain: undefined, secure: false }).remove();
});

describe('createCookieStore', () => {
  it('writes the value as is: no quoting, no percent-escaping', () => {
    const store = createCookieStore({ expiresDays: 182, domain: undefined, secure: false });
    const value = encodeState(STATE);
    store.write(value);
    expect(document.cookie.split('; ')).toContain(`shopconsent=${value}`);
    expect(store.read()).toBe(value);
  });

  it('is readable by the server-side reader from document.cookie', () => {
    const store = createCookieStore({ expiresDays: 182, domain: undefined, secure: false });
    store.write(encodeState(STATE));
    // biome-ignore lint/suspicious/noDocumentCookie: stands for the shop's own cookies next to ours
    document.cookie = 'other=1; path=/';
    expect(readConsent(document.cookie)).toEqual(STATE);
  });

  it('removes the cookie', () => {
    const store = createCookieStore({ expiresDays: 182, domain: undefined, secure: false });
    store.write(encodeState(STATE));
    store.remove();
    expect(store.read()).toBeUndefined();
    expect(document.cookie).not.toContain('shopconsent=');
  });
});
