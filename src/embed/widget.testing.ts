import { afterEach, beforeEach, vi } from 'vitest';
import { parseConfig, type ShopConsentConfig } from '../core/config';
import type { DecisionStore } from '../core/decision-store';
import type { ConsentState } from '../core/state';
import { FakeChannel } from '../effects/fake-channel.testing';
import { extras } from '../extras/extras';
import { bannerChunk } from '../first-layer/banner-chunk';
import type { BannerLoader } from '../first-layer/types';
import type { EventDetails, EventName, MountUi } from '../runtime/types';
import { createWidget } from './create-widget';

// The whole widget as the tag builds it, on the test's happy-dom window, with a store in memory and
// loaders that resolve at once: the tests of each effect drive it through the page's API and events.

export const DAY = 86_400_000;
/** A whole second; the clock of every test reads 789 ms later, which a decision must drop. */
export const NOW = Date.parse('2026-03-01T12:00:00.000Z');

class MemoryStore implements DecisionStore {
  writes: string[] = [];
  removes = 0;
  constructor(public value?: string) {}
  read() {
    return this.value;
  }
  write(value: string) {
    this.value = value;
    this.writes.push(value);
  }
  remove() {
    this.value = undefined;
    this.removes++;
  }
}

/** Run after each test: the listeners and runtimes a test leaves on the window all tests share. */
export const cleanups: Array<() => void> = [];

// Registered by importing this module, so that no test file can forget them: each widget listens on the
// one window every test of the file shares.
beforeEach(() => {
  FakeChannel.all = [];
  vi.stubGlobal('BroadcastChannel', FakeChannel);
  document.documentElement.removeAttribute('lang');
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.getElementById('shopconsent-root')?.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('lang');
  delete (window as Window & { dataLayer?: unknown }).dataLayer;
});

/** Every `shopconsent:<name>` event the window sees during the test. */
const record = <E extends EventName>(name: E): EventDetails[E][] => {
  const details: EventDetails[E][] = [];
  const listener = (event: Event) => details.push((event as CustomEvent<EventDetails[E]>).detail);
  window.addEventListener(`shopconsent:${name}`, listener);
  cleanups.push(() => window.removeEventListener(`shopconsent:${name}`, listener));
  return details;
};

export interface Setup {
  object?: ShopConsentConfig & Record<string, unknown>;
  attributes?: Partial<Record<string, string>>;
  stored?: string;
  now?: number;
  mount?: MountUi;
  loadUi?: () => Promise<MountUi>;
  loadExtras?: () => Promise<typeof extras>;
  loadBanner?: BannerLoader;
  prefetchUi?: () => void;
  doc?: Document;
}

/** A widget not yet started: `object` is window.shopConsentConfig, `attributes` the tag's data-*. */
export const setup = ({
  object = {},
  attributes = {},
  stored,
  now = NOW + 789,
  doc = document,
  ...rest
}: Setup = {}) => {
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
  };
  const config = parseConfig({ consentMode: false, ...object }, attributes, 'www.shop.lv', warn);
  const store = new MemoryStore(stored);
  const mount = vi.fn<MountUi>(rest.mount ?? (() => {}));
  const loadUi = vi.fn(rest.loadUi ?? (() => Promise.resolve(mount)));
  const loadExtras = vi.fn(rest.loadExtras ?? (() => Promise.resolve(extras)));
  const loadBanner = vi.fn(rest.loadBanner ?? (() => Promise.resolve(bannerChunk)));
  const events = { ready: record('ready'), change: record('change'), open: record('open'), close: record('close') };
  const { prefetchUi } = rest;
  const deps = { win: window, doc, store, loadUi, loadBanner, loadExtras, prefetchUi, warn, now: () => now };
  const { api, start } = createWidget(config, deps);
  cleanups.push(() => api.close());
  return { api, start, store, mount, loadUi, loadBanner, loadExtras, warnings, config, events };
};

/** The banner the core drew, or `null`. */
export const drawnBanner = () =>
  document.getElementById('shopconsent-root')?.shadowRoot?.querySelector<HTMLElement>('[data-layer="banner"]') ?? null;

/** Clicks a button of the core's banner, as a visitor would. */
export const press = (action: 'accept-all' | 'reject-all' | 'preferences') => {
  const button = drawnBanner()?.querySelector<HTMLElement>(`[data-action="${action}"]`);
  if (!button) throw new Error(`the banner has no ${action} button`);
  button.click();
};

/** Lets the UI loader's promise settle. */
export const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** A returning visitor's decision, ten days old. */
export const storedState = (over: Partial<ConsentState> = {}): ConsentState => ({
  id: 'returningvisitor0001',
  decidedAt: new Date(NOW - 10 * DAY).toISOString(),
  revision: '1',
  purposes: { necessary: true, analytics: true, marketing: false },
  lang: 'lv',
  source: 'banner',
  ...over,
});
