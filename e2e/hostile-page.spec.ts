import { expect, type Page, test } from '@playwright/test';
import { ShopConsentPage } from './ShopConsentPage';

/**
 * Pages a consent tool meets in the wild: old libraries that patch built-ins, browsers that refuse
 * cookies or storage, a dialog bundle that never arrives. On each, the visitor can decide, the decision
 * holds, the gated tag runs once, and nothing the widget does reaches the page as an uncaught error.
 */

const GATED_TAG = `<script type="text/plain" data-consent="analytics">window.analyticsRuns = (window.analyticsRuns || 0) + 1;</script>`;

/** Every receipt body the page sends to `/collect`, parsed. */
const collectReceipts = async (page: Page) => {
  const bodies: unknown[] = [];
  await page.route('**/collect', async (route) => {
    bodies.push(JSON.parse(route.request().postData() ?? 'null'));
    await route.fulfill({ status: 204 });
  });
  return bodies;
};

const analyticsRuns = (shop: ShopConsentPage) =>
  shop.page.evaluate(() => (window as unknown as { analyticsRuns?: number }).analyticsRuns ?? 0);

/** Choose in the preferences: analytics on, marketing off, saved. */
const chooseAnalyticsOnly = async (shop: ShopConsentPage) => {
  await shop.choose();
  await shop.toggle('analytics');
  await shop.save();
};

const PATCHES: Record<string, string> = {
  // Prototype.js 1.6: enumerable additions, Array#toJSON (which makes JSON.stringify quote arrays) and
  // Array.from replaced by $A, which knows array-likes but not iterables.
  'Array.prototype and Array.from, as Prototype.js does': `
    Array.prototype.each = function (fn) { for (var i = 0; i < this.length; i++) fn(this[i], i); };
    Array.prototype.toJSON = function () { return '[' + this.map(function (v) { return JSON.stringify(v); }).join(', ') + ']'; };
    Array.prototype.include = function (x) { return this.indexOf(x) !== -1; };
    Array.from = function (iterable) {
      if (!iterable) return [];
      var length = iterable.length || 0, results = new Array(length);
      while (length--) results[length] = iterable[length];
      return results;
    };`,
  // Early Prototype.js and its imitators: every object, arrays and maps included, gets enumerable methods.
  'Object.prototype, with enumerable methods': `
    Object.prototype.extend = function (source) { for (var key in source) this[key] = source[key]; return this; };
    Object.prototype.toQueryString = function () { return ''; };
    Object.prototype.keys = function () { return []; };`,
  'JSON.stringify, wrapped by an old JSON library': `
    var original = JSON.stringify;
    JSON.stringify = function (value, replacer, space) {
      if (typeof value === 'undefined' || typeof value === 'function') return 'null';
      return original.call(JSON, value, replacer, space);
    };`,
  'Promise, replaced by an old polyfill without finally': `
    var Native = Promise;
    function OldPromise(executor) { return new Native(executor); }
    OldPromise.resolve = function (v) { return Native.resolve(v); };
    OldPromise.reject = function (e) { return Native.reject(e); };
    OldPromise.all = function (list) { return Native.all(list); };
    OldPromise.prototype = Object.create(Native.prototype);
    OldPromise.prototype.finally = undefined;
    window.Promise = OldPromise;`,
  'customElements, absent': `
    Object.defineProperty(window, 'customElements', { value: undefined, configurable: true });`,
  'CustomEvent, replaced by the IE polyfill': `
    window.CustomEvent = function (event, params) {
      params = params || { bubbles: false, cancelable: false, detail: null };
      var e = document.createEvent('CustomEvent');
      e.initCustomEvent(event, params.bubbles, params.cancelable, params.detail);
      return e;
    };`,
};

const RECORD_CHANGES = `
  window.changes = [];
  addEventListener('shopconsent:change', function (e) { window.changes.push(e.detail.changed.join(' ')); });`;

test.describe('a page that patches built-ins', () => {
  for (const [name, patch] of [
    ...Object.entries(PATCHES),
    ['all of them at once', Object.values(PATCHES).join('\n')],
  ]) {
    test(`${name}: the visitor decides, the tag runs once, the receipt is right, the decision holds`, async ({
      page,
    }) => {
      const receipts = await collectReceipts(page);
      const shop = await ShopConsentPage.open(page, {
        lang: 'lv',
        head: `<script>${patch}\n${RECORD_CHANGES}</script>`,
        body: GATED_TAG,
        attributes: { 'receipt-url': '/collect' },
      });
      await expect(shop.banner).toBeVisible();
      await chooseAnalyticsOnly(shop);
      expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: false });
      expect(await shop.has('marketing')).toBe(false);
      await expect.poll(() => analyticsRuns(shop)).toBe(1);
      await expect.poll(() => receipts.length).toBe(1);
      expect(receipts[0]).toMatchObject({
        format: 1,
        purposes: { necessary: true, analytics: true, marketing: false },
        source: 'preferences',
      });
      // Read in the page: the test's own event recorder serialises with the patched built-ins.
      expect(await page.evaluate(() => (window as unknown as { changes: string[] }).changes)).toEqual(['analytics']);

      await shop.reload();
      await shop.settle();
      await expect(shop.banner).toHaveCount(0);
      expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: false });
      expect(await analyticsRuns(shop)).toBe(1);
      shop.expectSilent();
    });
  }
});

/** Chromium's own switch for a browser that refuses this page's cookies (document.cookie reads "", writes nothing). */
const refuseCookies = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
};
const BLOCK_STORAGE = `
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get: function () { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });`;

/** The visitor switches back to this tab: the widget re-reads the stored decision then. */
const showTabAgain = (page: Page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

test.describe('a browser that refuses cookies', () => {
  test('the decision holds for the page and, through localStorage, for the next pages; one warning says so', async ({
    page,
  }) => {
    await refuseCookies(page);
    const shop = await ShopConsentPage.open(page, { lang: 'vi', body: GATED_TAG });
    expect(await page.evaluate(() => navigator.cookieEnabled)).toBe(false);
    await chooseAnalyticsOnly(shop);
    await showTabAgain(page);
    await page.getByRole('heading', { name: 'A shop' }).click();
    await expect(shop.banner).toHaveCount(0);
    expect(await shop.has('analytics')).toBe(true);
    await expect.poll(() => analyticsRuns(shop)).toBe(1);
    expect(shop.widgetWarnings()).toEqual(['[ShopConsent] cookies are blocked; the decision is kept in localStorage.']);

    await shop.reload();
    await shop.settle();
    await expect(shop.banner).toHaveCount(0);
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(await analyticsRuns(shop)).toBe(1);
    shop.expectNoErrors();
  });

  test('with storage blocked too, the decision holds for this page view: re-reads and clicks do not ask again', async ({
    page,
  }) => {
    await refuseCookies(page);
    const shop = await ShopConsentPage.open(page, {
      lang: 'mn',
      head: `<script>${BLOCK_STORAGE}</script>`,
      body: GATED_TAG,
    });
    await shop.acceptAll();
    for (let i = 0; i < 3; i++) {
      await showTabAgain(page);
      await page.getByRole('heading', { name: 'A shop' }).click();
    }
    await expect(shop.banner).toHaveCount(0);
    expect(await shop.details('change')).toHaveLength(1);
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(await analyticsRuns(shop)).toBe(1);
    expect(shop.widgetWarnings()).toEqual([
      '[ShopConsent] cookies are blocked; the decision is kept for this page view only.',
    ]);
    // Nothing can carry it to the next page: there the visitor is asked again, as documented.
    await shop.reload();
    await expect(shop.banner).toBeVisible();
    shop.expectNoErrors();
  });

  test('reset() forgets the decision kept in localStorage as well', async ({ page }) => {
    await refuseCookies(page);
    const shop = await ShopConsentPage.open(page, { lang: 'en' });
    await shop.rejectAll();
    await page.evaluate(() => window.ShopConsent.reset());
    await expect(shop.banner).toBeVisible();
    await shop.reload();
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    shop.expectNoErrors();
  });
});

test('localStorage that throws (Safari private mode) changes nothing for the visitor; receipts still go out', async ({
  page,
}) => {
  const receipts = await collectReceipts(page);
  const shop = await ShopConsentPage.open(page, {
    lang: 'ky',
    head: `<script>${BLOCK_STORAGE}</script>`,
    body: GATED_TAG,
    attributes: { 'receipt-url': '/collect' },
  });
  await shop.acceptAll();
  await expect.poll(() => receipts.length).toBe(1);
  await expect.poll(() => analyticsRuns(shop)).toBe(1);
  await shop.reload();
  await shop.settle();
  await expect(shop.banner).toHaveCount(0);
  expect(await shop.has('marketing')).toBe(true);
  shop.expectSilent();
});

test.describe('the dialog bundle does not arrive', () => {
  for (const [how, block] of [
    ['404', (page: Page) => page.route('**/shopconsent-ui.js', (route) => route.fulfill({ status: 404, body: 'no' }))],
    [
      'blocked by an extension',
      (page: Page) => page.route('**/shopconsent-ui.js', (route) => route.abort('blockedbyclient')),
    ],
  ] as const) {
    test(`${how}: the banner still decides; the preferences say in the console why they cannot open`, async ({
      page,
    }) => {
      await block(page);
      const shop = await ShopConsentPage.open(page, { lang: 'lv', body: GATED_TAG });
      await expect(shop.banner).toBeVisible();
      const ours = () => shop.consoleErrors.filter((text) => text.startsWith('[ShopConsent]'));

      await shop.button('preferences').click();
      await expect.poll(() => ours().length).toBe(1);
      expect(ours()[0]).toContain('[ShopConsent] could not load the preferences');
      expect(ours()[0]).toContain('/dist/shopconsent-ui.js');
      await expect(shop.banner).toBeVisible();
      expect(await shop.get()).toBeNull();

      // "Privacy settings" tries the dialog again; it fails the same way, and nothing is thrown.
      await page.locator('#privacy-settings').click();
      await expect.poll(() => ours().length).toBe(2);
      await expect(shop.banner).toBeVisible();

      // The visitor decides in the banner, which needs nothing from the dialog bundle.
      await shop.button('accept-all').click();
      await expect(shop.banner).toHaveCount(0);
      expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
      await expect.poll(() => analyticsRuns(shop)).toBe(1);
      await shop.reload();
      await shop.settle();
      expect(await shop.has('analytics')).toBe(true);
      expect(shop.pageErrors).toEqual([]);
    });
  }
});
