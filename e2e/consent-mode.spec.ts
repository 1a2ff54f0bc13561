import { expect, type Page, test } from '@playwright/test';
import { ShopConsentPage, scriptTag } from './ShopConsentPage';

/**
 * Google Consent Mode v2 as a page with gtag.js sees it. gtag.js runs only the dataLayer entries that are
 * `arguments` objects (what its `gtag()` stub pushes) and treats plain objects as events, so every entry
 * is recorded with its kind: `args` for an Arguments object, `object` for anything else.
 */
const SNAPSHOT = `
  window.snapshot = () => window.dataLayer.map((entry) =>
    Object.prototype.toString.call(entry) === '[object Arguments]'
      ? { kind: 'args', isArray: Array.isArray(entry), value: Array.from(entry) }
      : { kind: 'object', value: JSON.parse(JSON.stringify(entry)) });
  window.seen = [];`;

/** The standard gtag snippet's first lines, as a shop pastes them above our tag. */
const GTAG_STUB = `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}${SNAPSHOT}</script>`;

/** Gated tags that record what dataLayer held when they ran. */
const GATED = `
  <script type="text/plain" data-consent="analytics">window.seen.push({ tag: 'analytics', dataLayer: window.snapshot() });</script>
  <script type="text/plain" data-consent="marketing">window.seen.push({ tag: 'marketing', dataLayer: window.snapshot() });</script>`;

const DENIED = {
  analytics_storage: 'denied',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
};
const DEFAULT = { kind: 'args', isArray: false, value: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] };
const update = (analytics: 'granted' | 'denied', ads: 'granted' | 'denied') => ({
  kind: 'args',
  isArray: false,
  value: [
    'consent',
    'update',
    { analytics_storage: analytics, ad_storage: ads, ad_user_data: ads, ad_personalization: ads },
  ],
});
const event = (purposes: Record<string, boolean>) => ({
  kind: 'object',
  value: { event: 'shopconsent_update', shopconsent: { necessary: true, ...purposes } },
});

const dataLayer = (page: Page) => page.evaluate(() => (window as unknown as { snapshot: () => unknown[] }).snapshot());
const seen = (page: Page) =>
  page.evaluate(() => (window as unknown as { seen: { tag: string; dataLayer: unknown[] }[] }).seen);

const open = (page: Page, attributes: Record<string, string> = {}) =>
  ShopConsentPage.open(page, { tags: { head: [GTAG_STUB, scriptTag(attributes)] }, body: GATED });

test('the all-denied default, with wait_for_update, is the first entry, before any tag can run', async ({ page }) => {
  const shop = await open(page);
  await expect(shop.banner).toBeVisible();
  await shop.settle();
  expect(await dataLayer(page)).toEqual([DEFAULT]);
  expect(await seen(page)).toEqual([]);
  shop.expectSilent();
});

test('accept all: the update, then the GTM event, then the tags it allows, which see both', async ({ page }) => {
  const shop = await open(page);
  await shop.acceptAll();
  const expected = [DEFAULT, update('granted', 'granted'), event({ analytics: true, marketing: true })];
  await expect.poll(() => seen(page)).toHaveLength(2);
  expect(await seen(page)).toEqual([
    { tag: 'analytics', dataLayer: expected },
    { tag: 'marketing', dataLayer: expected },
  ]);
  expect(await dataLayer(page)).toEqual(expected);
  shop.expectSilent();
});

test('each later decision pushes its update before the tag it newly allows runs', async ({ page }) => {
  const shop = await open(page);
  await shop.choose();
  await shop.toggle('analytics');
  await shop.save();
  const afterAnalytics = [DEFAULT, update('granted', 'denied'), event({ analytics: true, marketing: false })];
  await expect.poll(() => seen(page)).toEqual([{ tag: 'analytics', dataLayer: afterAnalytics }]);

  await page.evaluate(() => window.ShopConsent.set({ marketing: true }));
  const afterMarketing = [...afterAnalytics, update('granted', 'granted'), event({ analytics: true, marketing: true })];
  await expect.poll(() => seen(page)).toHaveLength(2);
  expect((await seen(page))[1]).toEqual({ tag: 'marketing', dataLayer: afterMarketing });

  await page.evaluate(() => window.ShopConsent.rejectAll());
  await page.evaluate(() => window.ShopConsent.reset());
  expect((await dataLayer(page)).slice(afterMarketing.length)).toEqual([
    update('denied', 'denied'),
    event({ analytics: false, marketing: false }),
    update('denied', 'denied'),
    { kind: 'object', value: { event: 'shopconsent_update', shopconsent: {} } },
  ]);
  shop.expectSilent();
});

test('a returning visitor’s update is in dataLayer synchronously, before the next script of the page', async ({
  page,
}) => {
  const shop = await open(page);
  await page.evaluate(() => window.ShopConsent.set({ marketing: true }));
  const afterOurTag = `<script>window.rightAfter = window.snapshot();</script>`;
  shop.requests.length = 0;
  await shop.goto({ tags: { head: [GTAG_STUB, scriptTag(), afterOurTag] }, body: GATED });
  const expected = [DEFAULT, update('denied', 'granted'), event({ analytics: false, marketing: true })];
  expect(await page.evaluate(() => (window as unknown as { rightAfter: unknown[] }).rightAfter)).toEqual(expected);
  await expect.poll(() => seen(page)).toEqual([{ tag: 'marketing', dataLayer: expected }]);
  expect(shop.uiRequests()).toBe(0);
  shop.expectSilent();
});

test('Google Tag Manager, which replaces dataLayer.push, hears every command and event', async ({ page }) => {
  const gtm = `<script>
    window.dataLayer = [{ event: 'gtm.js' }];
    window.heard = [];
    const push = window.dataLayer.push;
    window.dataLayer.push = function (...entries) {
      for (const entry of entries) window.heard.push(Object.prototype.toString.call(entry) === '[object Arguments]' ? Array.from(entry).slice(0, 2).join(' ') : entry.event);
      return push.apply(this, entries);
    };${SNAPSHOT}</script>`;
  const shop = await ShopConsentPage.open(page, { tags: { head: [gtm, scriptTag()] }, body: GATED });
  await shop.rejectAll();
  expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([
    'consent default',
    'consent update',
    'shopconsent_update',
  ]);
  expect((await dataLayer(page))[0]).toEqual({ kind: 'object', value: { event: 'gtm.js' } });
  shop.expectSilent();
});

test('data-consent-mode="true" works on a page without gtag; "false" leaves a gtag page alone', async ({ page }) => {
  const on = await ShopConsentPage.open(page, {
    tags: { head: [scriptTag({ 'consent-mode': 'true' })] },
    body: `<script>${SNAPSHOT}</script>`,
  });
  await on.acceptAll();
  expect(await dataLayer(page)).toEqual([
    DEFAULT,
    update('granted', 'granted'),
    event({ analytics: true, marketing: true }),
  ]);
  await page.context().clearCookies();
  const off = await open(page, { 'consent-mode': 'false' });
  await off.acceptAll();
  await expect.poll(() => seen(page)).toHaveLength(2);
  expect(await dataLayer(page)).toEqual([]);
  on.expectSilent();
});
