import Cookies from 'js-cookie';
import { COOKIE_NAME } from '../core/decision-store';
import { writeCookie } from '../storage/write-cookie';

/** `_ga_*` → /^(?:_ga_.*)$/; every other character stands for itself. */
const toRegExp = (patterns: readonly string[]) =>
  new RegExp(`^(?:${patterns.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')).join('|')})$`);

/**
 * Deletes the cookies this page can see whose names match `patterns`: host-only, and on the host and
 * every parent domain (a tag sets `_ga` on `.shop.lv` from `www.shop.lv`), on `/` and every path above
 * the page. A browser refuses to delete on a public suffix such as `.lv`, which does no harm.
 * Our own `shopconsent` cookie is never touched.
 */
export const deleteCookies = (doc: Document, patterns: readonly string[]) => {
  const { hostname, pathname } = doc.location;
  if (patterns.length === 0) return;
  const matches = toRegExp(patterns);
  const labels = hostname.split('.');
  const domains = [undefined, ...labels.map((_, i) => labels.slice(i).join('.'))];
  const segments = pathname.split('/');
  const paths = segments.map((_, i) => segments.slice(0, i + 1).join('/') || '/');
  for (const name of Object.keys(Cookies.get())) {
    if (name === COOKIE_NAME || !matches.test(name)) continue;
    for (const domain of domains) for (const path of paths) writeCookie(doc, name, '', -1, { domain, path });
  }
};
