import { parseConfig } from '../core/config';
import { reportError, warn } from '../core/warn';
import { BANNER_REGISTRY, EXTRAS_REGISTRY, UI_REGISTRY } from '../runtime/bundle-registry';
import type { ShopConsentApi } from '../runtime/types';
import { createCookieStore } from '../storage/cookie-store';
import { createWidget } from './create-widget';
import { loadBundle, prefetchBundle } from './load-bundle';
import { drainQueue, type QueueWindow } from './queue';

/** Set by scripts/build.mjs: the hashes of the bundles built with this core (Subresource Integrity). */
declare const __SHOPCONSENT_UI_INTEGRITY__: string;
declare const __SHOPCONSENT_EXTRAS_INTEGRITY__: string;
declare const __SHOPCONSENT_BANNER_INTEGRITY__: Partial<Record<string, string>>;

type EmbedWindow = QueueWindow & { ShopConsent?: ShopConsentApi; shopConsentConfig?: unknown };

/** The tag that loaded us; a tag manager may inject it so that `currentScript` is gone by now. */
const findOwnScript = (doc: Document): HTMLScriptElement | null =>
  (doc.currentScript as HTMLScriptElement | null) ??
  doc.querySelector<HTMLScriptElement>('script[src*="shopconsent.js"]');

const boot = (win: EmbedWindow, doc: Document) => {
  if (win.ShopConsent) {
    warn('the tag is on this page twice; the first one is used.');
    return;
  }
  const script = findOwnScript(doc);
  const config = parseConfig(win.shopConsentConfig, script?.dataset ?? {}, win.location.hostname, warn);
  // Our other bundles sit next to this one.
  const url = (file: string) => new URL(file, script?.src || win.location.href).href;
  const { api, start } = createWidget(config, {
    win,
    doc,
    warn,
    store: createCookieStore(
      {
        expiresDays: config.expiresDays,
        domain: config.cookieDomain,
        secure: win.location.protocol === 'https:',
      },
      win,
      warn,
    ),
    loadUi: () => loadBundle(win, script, url('shopconsent-ui.js'), UI_REGISTRY, __SHOPCONSENT_UI_INTEGRITY__),
    loadBanner: (lang) =>
      loadBundle(
        win,
        script,
        url(`shopconsent-banner-${lang}.js`),
        BANNER_REGISTRY,
        __SHOPCONSENT_BANNER_INTEGRITY__[lang] ?? '',
        true,
      ),
    prefetchUi: () => prefetchBundle(doc, script, url('shopconsent-ui.js'), __SHOPCONSENT_UI_INTEGRITY__),
    loadExtras: () =>
      loadBundle(win, script, url('shopconsent-extras.js'), EXTRAS_REGISTRY, __SHOPCONSENT_EXTRAS_INTEGRITY__),
  });
  win.ShopConsent = api;
  drainQueue(win, api);
  start();
};

try {
  boot(window, document);
} catch (error) {
  reportError('could not start:', error);
}
