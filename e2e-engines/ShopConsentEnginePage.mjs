// The page object of the cross-engine suite: a shop's page with the ShopConsent tag, what a visitor does
// there and what the shop's code reads back, over any engine's session (sessions.mjs). The expected texts
// come from locales/<lang>.json, never from the widget itself.
import { readFileSync } from 'node:fs';

export const LANGS = ['mn', 'ky', 'vi', 'lv', 'en'];

/**
 * The shop's page in each language, as a shop's server renders it: pages/shop.html is the English one, and
 * each other language is the same page with `<html lang>` and the tag's `data-lang` set to it.
 */
export const shopPages = () => {
  const english = readFileSync(new URL('./pages/shop.html', import.meta.url), 'utf8');
  return Object.fromEntries(LANGS.map((lang) => [shopPath(lang), english.replaceAll('lang="en"', `lang="${lang}"`)]));
};

const shopPath = (lang) => `/e2e-engines/shop/${lang}.html`;

/** The texts of `locales/<lang>.json`. */
export const texts = (lang) => JSON.parse(readFileSync(new URL(`../locales/${lang}.json`, import.meta.url), 'utf8'));

// Generous: seven developers share this 2-core machine, and a WebKit process under Xvfb can lag seconds behind.
const TIMEOUT_MS = 10_000;

export class ShopConsentEnginePage {
  constructor(session, origin) {
    this.session = session;
    this.origin = origin;
  }

  /** A visitor who has never been here: no cookie, no storage. */
  async forget() {
    await this.session.open(`${this.origin}/e2e-engines/pages/blank.html`);
    await this.session.clearCookies();
    await this.session.run(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  }

  /** Opens the shop's page whose tag says `data-lang="<lang>"` and waits until the widget has started. */
  async open(lang) {
    await this.session.open(`${this.origin}${shopPath(lang)}`);
    await this.settle();
  }

  async reload() {
    await this.session.reload();
    await this.settle();
  }

  /** Resolves once `shopconsent:ready` has fired on the current page. */
  settle() {
    return this.waitFor(
      () => this.session.run(() => window.recordedEvents.some((event) => event.type === 'ready')),
      'shopconsent:ready',
    );
  }

  /** Polls `check` until it returns something truthy; fails naming `what` after TIMEOUT_MS. */
  async waitFor(check, what) {
    const until = Date.now() + TIMEOUT_MS;
    let last;
    while (Date.now() < until) {
      last = await check();
      if (last) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
  }

  /** What the visitor sees of a layer: null when it is not shown, else its texts and attributes. */
  layer(layer) {
    return this.session.run((name) => {
      const dialog = document
        .querySelector('#shopconsent-root')
        ?.shadowRoot?.querySelector(`[role="dialog"][data-layer="${name}"]`);
      if (!dialog) return null;
      const box = dialog.getBoundingClientRect();
      const buttons = {};
      for (const button of dialog.querySelectorAll('button[data-action]')) {
        buttons[button.dataset.action] = button.textContent.trim() || button.getAttribute('aria-label');
      }
      return {
        visible: box.width > 0 && box.height > 0 && getComputedStyle(dialog).visibility !== 'hidden',
        lang: dialog.getAttribute('lang'),
        title: dialog.querySelector('h1, h2, h3, [role="heading"]')?.textContent.trim(),
        text: dialog.textContent,
        buttons,
      };
    }, layer);
  }

  /** Waits until `layer` is shown, and returns what `layer()` sees. */
  shown(layer) {
    return this.waitFor(async () => {
      const seen = await this.layer(layer);
      return seen?.visible ? seen : null;
    }, `the ${layer} to be shown`);
  }

  /** Waits until `layer` is gone from the page. */
  gone(layer) {
    return this.waitFor(async () => (await this.layer(layer)) === null, `the ${layer} to close`);
  }

  /** Clicks a button of a layer, as a visitor would, with the engine's real pointer input. */
  clickButton(action, layer = 'banner') {
    return this.click(`[role="dialog"][data-layer="${layer}"] button[data-action="${action}"]`);
  }

  clickSwitch(purpose) {
    return this.click(`[role="dialog"][data-layer="preferences"] [role="switch"][data-purpose="${purpose}"]`);
  }

  /**
   * A visitor clicks what has come to rest on the screen: the layers slide in, and a pointer aimed while
   * they move would land elsewhere. So the click waits until the element stands still inside the viewport.
   */
  async click(selector) {
    let previous = '';
    await this.waitFor(async () => {
      const place = await this.session.run((target) => {
        const element = document.querySelector('#shopconsent-root')?.shadowRoot?.querySelector(target);
        if (!element) return null;
        const box = element.getBoundingClientRect();
        const inside = box.width > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
        return inside ? [box.left, box.top, box.width, box.height].join() : null;
      }, selector);
      const still = place !== null && place === previous;
      previous = place;
      return still;
    }, `${selector} to stand still in view`);
    await this.session.click(selector);
  }

  switchState(purpose) {
    return this.session.run(
      (selector) =>
        document.querySelector('#shopconsent-root').shadowRoot.querySelector(selector)?.getAttribute('aria-checked'),
      `[role="switch"][data-purpose="${purpose}"]`,
    );
  }

  press(key) {
    return this.session.press(key);
  }

  /** The element that has the keyboard focus, looked up through the shadow root: its data-action or data-layer. */
  focused() {
    return this.session.run(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      if (!element || element === document.body) return null;
      return (
        element.getAttribute('data-action') ??
        element.getAttribute('data-layer') ??
        `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${element.textContent.trim()}`
      );
    });
  }

  /** Puts the keyboard focus on the language picker of the preferences. */
  focusLanguagePicker() {
    return this.session.run(() =>
      document.querySelector('#shopconsent-root').shadowRoot.querySelector('[data-layer="preferences"] select').focus(),
    );
  }

  get() {
    return this.session.run(() => window.ShopConsent.get());
  }

  has(purpose) {
    return this.session.run((name) => window.ShopConsent.has(name), purpose);
  }

  /** Every `shopconsent:*` event of the current page, optionally of one type. */
  async events(type) {
    const all = await this.session.run(() => window.recordedEvents);
    return type ? all.filter((event) => event.type === type) : all;
  }

  /** Which of the page's tags have run: 'ungated', and each gated purpose whose tag was released. */
  ran() {
    return this.session.run(() => window.ran);
  }

  /** The consent cookie as the page sees it, or null. */
  cookie() {
    return this.session.run(() => document.cookie.split('; ').find((pair) => pair.startsWith('shopconsent=')) ?? null);
  }
}
