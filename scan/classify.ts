import { CATALOGUE } from './catalogue';
import type { CookieDb } from './cookie-db/compile';
import { lookUpCookie } from './cookie-db/lookup';
import { hostWithin, matchesPattern } from './patterns';
import type { Classification } from './types';
import { COOKIE_NAME, PENDING_KEY } from './widget';

/**
 * The Open Cookie Database's categories as the widget's purposes. "Functional" and "Security" cookies keep
 * a shop working (sessions, carts, load balancers, fraud checks): what the widget calls order fulfilment.
 */
const PURPOSE_OF_CATEGORY: Readonly<Record<string, string>> = {
  Necessary: 'necessary',
  Functional: 'necessary',
  Security: 'necessary',
  Analytics: 'analytics',
  Marketing: 'marketing',
  Personalization: 'personalization',
};

const WIDGET: Classification = { purpose: 'necessary', platform: 'ShopConsent', source: 'widget' };
const WIDGET_NAMES = new Set([COOKIE_NAME, PENDING_KEY]);

export interface Classifier {
  /** A cookie or storage key by its name. */
  name(name: string): Classification | undefined;
  /** A third-party request by its host. */
  host(host: string): Classification | undefined;
}

/** The widget's own names first, then the service catalogue, then the Open Cookie Database; else unknown. */
export const createClassifier = (db: CookieDb): Classifier => ({
  name(name) {
    if (WIDGET_NAMES.has(name)) return WIDGET;
    const service = CATALOGUE.find(
      (candidate) =>
        candidate.cookies.some((pattern) => matchesPattern(name, pattern)) ||
        candidate.storage.some((pattern) => matchesPattern(name, pattern)),
    );
    if (service) {
      return {
        purpose: service.purpose,
        platform: service.name,
        source: 'catalogue',
        ...(service.inWidget ? { service: service.id } : {}),
      };
    }
    const entry = lookUpCookie(db, name);
    const purpose = entry && PURPOSE_OF_CATEGORY[entry.category];
    return entry && purpose ? { purpose, platform: entry.platform, source: 'open-cookie-database' } : undefined;
  },
  host(host) {
    const service = CATALOGUE.find((candidate) => candidate.hosts.some((domain) => hostWithin(host, domain)));
    if (!service) return undefined;
    return {
      purpose: service.purpose,
      platform: service.name,
      source: 'catalogue',
      ...(service.inWidget ? { service: service.id } : {}),
    };
  },
});
