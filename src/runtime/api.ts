import { NECESSARY, noConsent } from '../core/purposes';
import { show } from '../core/settings';
import { guard, type Warn } from '../core/warn';
import type { Runtime } from './runtime';
import type { ShopConsentApi } from './types';

declare const __SHOPCONSENT_VERSION__: string;
export const VERSION = __SHOPCONSENT_VERSION__;

/**
 * `window.ShopConsent`: the runtime's actions for the shop's code, each checking its arguments and
 * reporting what it throws to the console instead of throwing into the host page.
 */
export const createApi = (rt: Runtime, on: ShopConsentApi['on'], warn: Warn): ShopConsentApi => {
  const { purposes } = rt.config;

  const set = (choices: Record<string, boolean>) => {
    if (typeof choices !== 'object' || choices === null) {
      warn(`set: ${show(choices)} is not an object such as { analytics: true }; nothing changed.`);
      return;
    }
    const next: Record<string, boolean> = { ...(rt.get()?.purposes ?? noConsent(purposes)) };
    let valid = false;
    for (const [id, value] of Object.entries(choices)) {
      const problem = !purposes.includes(id)
        ? `is not one of ${purposes.join(', ')}`
        : typeof value !== 'boolean'
          ? `must be true or false, not ${show(value)}`
          : id === NECESSARY && !value
            ? 'cannot be switched off'
            : '';
      if (problem) warn(`set: ${id} ${problem}; ignored.`);
      else {
        next[id] = value;
        valid = true;
      }
    }
    // Nothing the shop's code meant could be applied: deciding anyway would answer for the visitor.
    if (valid) rt.decide(next, 'api');
  };

  const methods = {
    get: rt.get,
    has: rt.has,
    on,
    open: () => rt.setLayer('preferences'),
    close: () => rt.setLayer(null),
    acceptAll: () => rt.acceptAll('api'),
    rejectAll: () => rt.rejectAll('api'),
    set,
    reset: () => rt.commit(null, 'reset'),
    setLanguage: rt.setLanguage,
  };
  // After a failure each method answers as its type says: an unsubscribe that does nothing, "not granted", "undecided".
  const failed: Partial<Record<keyof typeof methods, unknown>> = { on: () => {}, has: false, get: null };
  const api = { version: VERSION } as ShopConsentApi;
  for (const [name, method] of Object.entries(methods) as [keyof typeof methods, (...args: unknown[]) => unknown][]) {
    (api as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
      guard(`${name}()`, () => method(...args)) ?? failed[name];
  }
  return api;
};
