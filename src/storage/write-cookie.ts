import Cookies from 'js-cookie';

export interface CookiePlace {
  path: string;
  domain?: string;
  secure?: boolean;
}

/**
 * Sets a cookie through js-cookie with `SameSite=Lax`, lasting `days` (a negative number deletes it).
 * js-cookie walks its attributes with for…in, so on a page that adds enumerable methods to
 * Object.prototype (early Prototype.js and its imitators) it throws; the same cookie is then written
 * directly. Values are cookie-safe (our codec, or empty), so nothing needs encoding.
 */
export const writeCookie = (doc: Document, name: string, value: string, days: number, place: CookiePlace): void => {
  const { path, domain, secure } = place;
  try {
    Cookies.set(name, value, { path, domain, secure, sameSite: 'Lax', expires: days });
  } catch {
    const expires = new Date(Date.now() + days * 864e5).toUTCString();
    doc.cookie = `${name}=${value}; path=${path}; expires=${expires}; samesite=lax${domain ? `; domain=${domain}` : ''}${secure ? '; secure' : ''}`;
  }
};
