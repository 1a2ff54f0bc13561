import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { ConsentState } from '../src/core/state';

export const LANGS = ['mn', 'ky', 'vi', 'lv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The locale files are the source of truth for every text a visitor reads. */
export const texts = (lang: Lang) =>
  JSON.parse(readFileSync(new URL(`../locales/${lang}.json`, import.meta.url), 'utf8')) as {
    banner: { title: string; text: string; policy: string };
    actions: Record<'acceptAll' | 'rejectAll' | 'choose' | 'save' | 'close', string>;
    preferences: Record<'title' | 'text' | 'alwaysOn' | 'decidedOn', string>;
    purposes: Record<string, { label: string; description: string }>;
  };

export interface ShopOptions {
  /** `lang` of the page's `<html>`; none when left out. */
  htmlLang?: string;
  /** `data-*` attributes of the tag, without the `data-` prefix. */
  attributes?: Record<string, string>;
  /** `window.shopConsentConfig`, set before the tag. */
  config?: unknown;
  /** Extra markup before the tag, and in the body. */
  head?: string;
  body?: string;
  /** The whole tag, to test `async`, `defer` or a second copy; `attributes` are ignored then. */
  tags?: string[];
  /** Where the tag goes: top of `<head>` (default) or end of `<body>`. */
  tagAtEndOfBody?: boolean;
}

export interface RecordedEvent {
  type: string;
  detail: unknown;
}

const html = (options: ShopOptions) => {
  const attributes = Object.entries(options.attributes ?? {})
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join('');
  const tags = (options.tags ?? [`<script src="/dist/shopconsent.js"${attributes}></script>`]).join('\n');
  const config = options.config === undefined ? '' : `window.shopConsentConfig = ${JSON.stringify(options.config)};`;
  // Records every event from the start, the way a shop's analytics snippet would listen.
  const recorder = `<script>
    window.recorded = [];
    for (const type of ['ready', 'change', 'open', 'close']) {
      addEventListener('shopconsent:' + type, (e) => window.recorded.push({ type, detail: e.detail }));
    }
    ${config}
  </script>`;
  const langAttribute = options.htmlLang === undefined ? '' : ` lang="${options.htmlLang}"`;
  return `<!doctype html><html${langAttribute}><head><meta charset="utf-8"><title>Shop</title>
    ${recorder}${options.head ?? ''}${options.tagAtEndOfBody ? '' : tags}</head>
    <body><h1>A shop</h1><a id="footer-link" href="#" data-shopconsent="open">Privacy settings</a>
    ${options.body ?? ''}${options.tagAtEndOfBody ? tags : ''}</body></html>`;
};

/** A host page with ShopConsent on it, and what a visitor and the shop's code can do there. */
export class ShopPage {
  readonly pageErrors: string[] = [];
  readonly warnings: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly requests: string[] = [];

  constructor(
    readonly page: Page,
    readonly path = '/shop.html',
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'warning') this.warnings.push(message.text());
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('request', (request) => this.requests.push(new URL(request.url()).pathname));
  }

  /** Serves the page at `path` (cookies need a real http origin) and opens it. */
  async open(options: ShopOptions = {}) {
    await this.page.route(`**${this.path}`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(options) }),
    );
    await this.page.goto(this.path);
    return this;
  }

  static async open(page: Page, options: ShopOptions = {}, path?: string) {
    return new ShopPage(page, path).open(options);
  }

  get banner(): Locator {
    return this.page.locator('#shopconsent-root [role="dialog"][data-layer="banner"]');
  }

  get preferences(): Locator {
    return this.page.locator('#shopconsent-root [role="dialog"][data-layer="preferences"]');
  }

  button(action: string, within: Locator = this.page.locator('#shopconsent-root')): Locator {
    return within.locator(`button[data-action="${action}"]`);
  }

  switchFor(purpose: string): Locator {
    return this.preferences.locator(`[role="switch"][data-purpose="${purpose}"]`);
  }

  async acceptAll(layer = this.banner) {
    await this.button('accept-all', layer).click();
  }

  async rejectAll(layer = this.banner) {
    await this.button('reject-all', layer).click();
  }

  async choose() {
    await this.button('preferences', this.banner).click();
    await this.preferences.waitFor();
  }

  async toggle(purpose: string) {
    await this.switchFor(purpose).click();
  }

  async save() {
    await this.button('save', this.preferences).click();
  }

  state(): Promise<ConsentState | null> {
    return this.page.evaluate(() => window.ShopConsent.get());
  }

  events(type?: string): Promise<RecordedEvent[]> {
    return this.page.evaluate(
      (wanted) =>
        (window as unknown as { recorded: RecordedEvent[] }).recorded.filter((e) => !wanted || e.type === wanted),
      type,
    );
  }

  async cookie(context: BrowserContext = this.page.context()) {
    return (await context.cookies()).find((cookie) => cookie.name === 'shopconsent');
  }

  /** How often the dialog bundle was requested. */
  uiRequests(): number {
    return this.requests.filter((path) => path.endsWith('/shopconsent-ui.js')).length;
  }
}
