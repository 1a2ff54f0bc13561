import { parseConfig, type ShopConsentConfig } from './core/config';
import { warn } from './core/warn';
import { createWidget } from './embed/create-widget';
import { VERSION } from './runtime/api';
import type { ShopConsentApi } from './runtime/types';
import { createCookieStore } from './storage/cookie-store';

export type { Layout, LocalizedInput, OperatorInput, PurposeInput, ShopConsentConfig, Theme } from './core/config';
export { LANGUAGES, type Lang } from './core/languages';
export type { Choices } from './core/purposes';
export type { ConsentState, Source } from './core/state';
export type {
  ChangeDetail,
  EventDetails,
  EventName,
  Layer,
  LayerDetail,
  ReadyDetail,
  ShopConsentApi,
} from './runtime/types';
export { VERSION };

/**
 * The widget for pages built with a bundler: the same behaviour and API as the script tag, with the
 * dialog code-split so that a returning visitor never loads it. Call it once per page.
 */
export const createConsent = (config: ShopConsentConfig = {}): ShopConsentApi => {
  const parsed = parseConfig(config, {}, location.hostname, warn);
  const { api, start } = createWidget(parsed, {
    win: window,
    doc: document,
    warn,
    store: createCookieStore(
      {
        expiresDays: parsed.expiresDays,
        domain: parsed.cookieDomain,
        secure: location.protocol === 'https:',
      },
      window,
      warn,
    ),
    loadUi: () => import('./ui/mount').then((m) => m.mountUi),
    loadBanner: () => import('./first-layer/banner-chunk').then((m) => m.bannerChunk),
    loadExtras: () => import('./extras/extras').then((m) => m.extras),
  });
  start();
  return api;
};
