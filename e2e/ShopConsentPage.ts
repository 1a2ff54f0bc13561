import { readFileSync } from 'node:fs';
import { type Cookie, expect, type Locator, type Page, test } from '@playwright/test';

/**
 * The page object every spec shares: a shop's page with the ShopConsent tag on it, what a visitor does
 * there, and what the shop's code and the test can read back.
 *
 * Expected texts come from `locales/<lang>.json` (the source of truth), never from the widget itself.
 */

import { LANGUAGES, type Lang } from '../src/core/languages';

export { LANGUAGES as LANGS, type Lang };
export const PURPOSES = ['necessary', 'analytics', 'marketing'] as const;
export const COOKIE_NAME = 'shopconsent';

/** The state of PRODUCT.md §9, as `ShopConsent.get()` returns it and `shopconsent:change` carries it. */
export interface ConsentState {
  id: string;
  decidedAt: string;
  revision: string;
  purposes: { necessary: true; [purpose: string]: boolean };
  lang: string;
  source: 'banner' | 'preferences' | 'api' | 'gpc' | 'sync';
}

export interface LocaleTexts {
  banner: { title: string; text: string; policy: string };
  actions: { acceptAll: string; rejectAll: string; choose: string; save: string; close: string };
  preferences: { title: string; text: string; alwaysOn: string; decidedOn: string };
  purposes: Record<string, { label: string; description: string }>;
}

const localeCache = new Map<Lang, LocaleTexts>();
/** The texts of `locales/<lang>.json`. */
export const texts = (lang: Lang): LocaleTexts => {
  let value = localeCache.get(lang);
  if (!value) {
    value = JSON.parse(readFileSync(new URL(`../locales/${lang}.json`, import.meta.url), 'utf8')) as LocaleTexts;
    localeCache.set(lang, value);
  }
  return value;
};

/** The http origin the test server runs on, from playwright.config.ts. */
export const origin = (): string => new URL(String(test.info().project.use.baseURL)).origin;

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export interface HostPageOptions {
  /** The page is served at `/<name>.html`; default `shop`. */
  name?: string;
  /** `data-lang` of the tag. */
  lang?: string;
  /** `lang` of the page's `<html>`; none when left out. */
  htmlLang?: string;
  /** Other `data-*` attributes of the tag, without `data-`: `{ 'policy-url': '/privacy' }`. */
  attributes?: Record<string, string>;
  /** `window.shopConsentConfig`, set before the tag. */
  config?: Record<string, unknown>;
  /** Extra markup in `<head>`, before the tag. */
  head?: string;
  /** Extra markup in `<body>`, before a tag placed at the end of the body. */
  body?: string;
  /** Where the tag goes: top of `<head>` (default) or the end of `<body>`. */
  placement?: 'head' | 'body-end';
  /** `async` or `defer` on the tag. */
  loading?: 'async' | 'defer';
  /** The script tags exactly as written, instead of the one built from the options above. */
  tags?: { head?: string[]; bodyEnd?: string[] };
}

export interface RecordedEvent {
  type: 'ready' | 'change' | 'open' | 'close';
  detail: unknown;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The tag a shop owner pastes: `<script src="/dist/shopconsent.js" data-…></script>`. */
export const scriptTag = (attributes: Record<string, string> = {}, loading?: 'async' | 'defer') => {
  const data = Object.entries(attributes)
    .map(([name, value]) => ` data-${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<script src="/dist/shopconsent.js"${loading ? ` ${loading}` : ''}${data}></script>`;
};

export const hostPageHtml = (options: HostPageOptions = {}): string => {
  const attributes = { ...(options.lang === undefined ? {} : { lang: options.lang }), ...options.attributes };
  const tag = scriptTag(attributes, options.loading);
  const headTags = options.tags ? (options.tags.head ?? []) : options.placement === 'body-end' ? [] : [tag];
  const bodyTags = options.tags ? (options.tags.bodyEnd ?? []) : options.placement === 'body-end' ? [tag] : [];
  const config =
    options.config === undefined
      ? ''
      : `<script>window.shopConsentConfig = ${JSON.stringify(options.config)};</script>`;
  const htmlLang = options.htmlLang === undefined ? '' : ` lang="${escapeAttribute(options.htmlLang)}"`;
  return `<!doctype html>
<html${htmlLang}>
<head>
<meta charset="utf-8">
<title>A shop</title>
${config}
${options.head ?? ''}
${headTags.join('\n')}
</head>
<body>
<h1>A shop</h1>
<p><a id="privacy-settings" href="#" data-shopconsent="open">Privacy settings</a></p>
${options.body ?? ''}
${bodyTags.join('\n')}
</body>
</html>`;
};

/**
 * Records every `shopconsent:*` event on `window` from the first moment of every document, the way a
 * shop's analytics snippet would listen. Each detail is copied when the event fires.
 */
const RECORDER = `
  window.__recordedEvents = [];
  for (const type of ['ready', 'change', 'open', 'close']) {
    window.addEventListener('shopconsent:' + type, (event) => {
      window.__recordedEvents.push({ type, detail: JSON.parse(JSON.stringify(event.detail === undefined ? null : event.detail)) });
    });
  }`;

export type Layer = 'banner' | 'preferences';

/** A host page with ShopConsent on it. */
export class ShopConsentPage {
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[] = [];
  /** `console.error` messages. */
  readonly consoleErrors: string[] = [];
  /** `console.warn` messages. */
  readonly warnings: string[] = [];
  /** Path of every request the page made, prefetches apart. */
  readonly requests: string[] = [];
  /** Path of every script the page downloaded ahead without running it. */
  readonly prefetched: string[] = [];
  private recorderInstalled = false;
  private routedPath: string | null = null;

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
      if (message.type() === 'warning') this.warnings.push(message.text());
    });
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      // A `<link rel="prefetch">` only downloads: it is listed apart from what the page loads and runs.
      if (request.resourceType() === 'other' && path.endsWith('.js')) this.prefetched.push(path);
      else this.requests.push(path);
    });
  }

  /** Builds a host page from `options`, serves it at `/<name>.html` and opens it. */
  static async open(page: Page, options: HostPageOptions = {}): Promise<ShopConsentPage> {
    const shop = new ShopConsentPage(page);
    await shop.goto(options);
    return shop;
  }

  async goto(options: HostPageOptions = {}): Promise<this> {
    await this.installRecorder();
    const path = `/${options.name ?? 'shop'}.html`;
    if (this.routedPath) await this.page.unroute(`**${this.routedPath}`);
    const body = hostPageHtml(options);
    await this.page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    this.routedPath = path;
    await this.page.goto(path);
    return this;
  }

  /** Opens a page the server has as it is, such as a demo shop, recording its events like `goto`. */
  async visit(path: string): Promise<this> {
    await this.installRecorder();
    await this.page.goto(path);
    return this;
  }

  private async installRecorder() {
    if (this.recorderInstalled) return;
    await this.page.addInitScript(RECORDER);
    this.recorderInstalled = true;
  }

  async reload(): Promise<this> {
    await this.page.reload();
    return this;
  }

  // ---- what the visitor sees ----

  get root(): Locator {
    return this.page.locator('#shopconsent-root');
  }

  get banner(): Locator {
    return this.root.locator('[role="dialog"][data-layer="banner"]');
  }

  get preferences(): Locator {
    return this.root.locator('[role="dialog"][data-layer="preferences"]');
  }

  layer(layer: Layer): Locator {
    return layer === 'banner' ? this.banner : this.preferences;
  }

  title(layer: Layer = 'banner'): Locator {
    return this.layer(layer).getByRole('heading');
  }

  button(action: string, layer: Layer = 'banner'): Locator {
    return this.layer(layer).locator(`button[data-action="${action}"]`);
  }

  purposeSwitch(purpose: string): Locator {
    return this.preferences.locator(`[role="switch"][data-purpose="${purpose}"]`);
  }

  get switches(): Locator {
    return this.preferences.locator('[role="switch"]');
  }

  // ---- what the visitor does ----

  async acceptAll(layer: Layer = 'banner') {
    await this.button('accept-all', layer).click();
    await expect(this.layer(layer)).toHaveCount(0);
  }

  async rejectAll(layer: Layer = 'banner') {
    await this.button('reject-all', layer).click();
    await expect(this.layer(layer)).toHaveCount(0);
  }

  /** "Choose" in the banner: opens the preferences. */
  async choose() {
    await this.button('preferences', 'banner').click();
    await expect(this.preferences).toBeVisible();
  }

  async toggle(purpose: string) {
    const control = this.purposeSwitch(purpose);
    const before = await control.isChecked();
    await control.click();
    await expect(control).toBeChecked({ checked: !before });
  }

  async save() {
    await this.button('save', 'preferences').click();
    await expect(this.preferences).toHaveCount(0);
  }

  async pressEscape() {
    await this.page.keyboard.press('Escape');
  }

  /** The × of the preferences. */
  async closePreferences() {
    await this.button('close', 'preferences').click();
  }

  // ---- what the shop's code and the test read back ----

  get(): Promise<ConsentState | null> {
    return this.page.evaluate(() => window.ShopConsent.get() as ConsentState | null);
  }

  has(purpose: string): Promise<boolean> {
    return this.page.evaluate((p) => window.ShopConsent.has(p), purpose);
  }

  /** Every `shopconsent:*` event of the current document so far, optionally of one type. */
  async events(type?: RecordedEvent['type']): Promise<RecordedEvent[]> {
    const all = await this.page.evaluate(
      () => (window as unknown as { __recordedEvents: RecordedEvent[] }).__recordedEvents,
    );
    return type ? all.filter((event) => event.type === type) : all;
  }

  async details<T = unknown>(type: RecordedEvent['type']): Promise<T[]> {
    return (await this.events(type)).map((event) => event.detail as T);
  }

  async cookie(): Promise<Cookie | undefined> {
    return (await this.page.context().cookies()).find((cookie) => cookie.name === COOKIE_NAME);
  }

  /** Puts a `shopconsent` cookie into the browser, as an older version or someone else could have. */
  async setCookie(value: string) {
    await this.page.context().addCookies([{ name: COOKIE_NAME, value, url: `${origin()}/` }]);
  }

  /** How often the page requested the dialog bundle. */
  uiRequests(): number {
    return this.requests.filter((path) => path.endsWith('/dist/shopconsent-ui.js')).length;
  }

  /** The widget's own warnings (they start with "[ShopConsent]"). */
  widgetWarnings(): string[] {
    return this.warnings.filter((text) => text.includes('[ShopConsent]'));
  }

  /** No uncaught exception and no console error in this page. */
  expectNoErrors() {
    expect(this.pageErrors, 'uncaught page errors').toEqual([]);
    expect(this.consoleErrors, 'console errors').toEqual([]);
  }

  /** No errors and no warnings either: a correctly set-up page is silent. */
  expectSilent() {
    this.expectNoErrors();
    expect(this.warnings, 'console warnings').toEqual([]);
  }

  /**
   * Resolves once the widget has started on the current document: `shopconsent:ready` has fired. By then
   * the widget has asked for its dialog if it is going to (it does so while starting, before the page's
   * load event), so a test can tell that something did not happen.
   */
  async settle() {
    await this.page.waitForFunction(() =>
      (window as unknown as { __recordedEvents?: RecordedEvent[] }).__recordedEvents?.some((e) => e.type === 'ready'),
    );
    await this.page.waitForLoadState('load');
  }
}
