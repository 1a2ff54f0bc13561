import { getDomain, getHostname } from 'tldts';

/** The registrable domain (`shop.com.vn`, not `com.vn`); an IP address or `localhost` stands for itself. */
const siteOf = (host: string): string => getDomain(host) ?? host;

/** A cookie domain or request host is third-party when its site is not the page's site. */
export const isThirdParty = (host: string, pageUrl: string): boolean =>
  siteOf(host.replace(/^\./, '')) !== siteOf(getHostname(pageUrl) ?? '');
