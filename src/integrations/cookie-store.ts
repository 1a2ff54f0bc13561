import Cookies from 'js-cookie';
import { COOKIE_NAME, type DecisionStore } from '../core/decision-store';

export interface CookieOptions {
  expiresDays: number;
  domain: string | undefined;
  secure: boolean;
}

/** The `shopconsent` cookie: first-party, path `/`, `SameSite=Lax`, `Secure` on https. */
export const createCookieStore = ({ expiresDays, domain, secure }: CookieOptions): DecisionStore => {
  const attributes: Cookies.CookieAttributes = { path: '/', sameSite: 'Lax', secure, ...(domain ? { domain } : {}) };
  return {
    read: () => Cookies.get(COOKIE_NAME),
    write: (value) => {
      Cookies.set(COOKIE_NAME, value, { ...attributes, expires: expiresDays });
    },
    remove: () => Cookies.remove(COOKIE_NAME, attributes),
  };
};
