import { isRecord, type Settings, show } from '../core/settings';
import type { Warn } from '../core/warn';
import { SERVICE_COOKIES, serviceCookies } from './service-catalogue';

/** Per purpose: the cookie names and patterns to delete when it is withdrawn, and the services named. */
export interface PurposeCookies {
  cookies: Record<string, string[]>;
  services: Record<string, string[]>;
}

/**
 * A cookie name as RFC 6265 allows it, where `*` stands for any run of characters; a pattern of stars
 * alone would delete every cookie of the shop, the cart and the session included.
 */
const isCookiePattern = (value: unknown): value is string =>
  typeof value === 'string' && /^[\w!#$%&'*+.^`|~-]+$/.test(value) && /[^*]/.test(value);

/**
 * Reads `cookies` and `services` of the shop's purpose objects, for the purposes asked about. Each bad
 * entry gives one warning and is left out; the rest of the purpose still counts.
 */
export const parsePurposeCookies = (settings: Settings, purposes: readonly string[], warn: Warn): PurposeCookies => {
  const result: PurposeCookies = { cookies: {}, services: {} };
  for (const item of settings.purposeObjects) {
    const id = isRecord(item) ? item.id : undefined;
    if (typeof id !== 'string' || !purposes.includes(id) || !isRecord(item)) continue;
    const where = `purposes["${id}"]`;
    const cookies: string[] = [];
    const services: string[] = [];
    const { cookies: names, services: tools } = item;
    if (Array.isArray(names) && names.every(isCookiePattern)) cookies.push(...names);
    else if (names !== undefined) {
      warn(`${where}.cookies: ${show(names)} is not a list of cookie names or * patterns; ignored.`);
    }
    for (const tool of Array.isArray(tools) ? tools : tools === undefined ? [] : [tools]) {
      const known = serviceCookies(tool);
      if (known) {
        services.push(tool as string);
        cookies.push(...known);
      } else {
        warn(`${where}.services: ${show(tool)} is not one of ${Object.keys(SERVICE_COOKIES).join(', ')}; ignored.`);
      }
    }
    if (cookies.length) result.cookies[id] = [...new Set(cookies)];
    if (services.length) result.services[id] = services;
  }
  return result;
};
