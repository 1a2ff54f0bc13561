import { expect, type Page, test } from '@playwright/test';
import { LANGS, type Lang, ShopConsentPage, texts } from './ShopConsentPage';

/**
 * Global Privacy Control as Firefox, Brave and DuckDuckGo send it. Chromium has the attribute only behind
 * a flag and always false there, so the page gets `navigator.globalPrivacyControl === true` the way
 * those browsers expose it, before any script of the page runs.
 */
const sendGpc = (page: Page) =>
  page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
  });

const note = (lang: Lang) => (texts(lang) as unknown as { gpc: { note: string } }).gpc.note;
const GATED = `<script>window.ran = [];</script>
  <script type="text/plain" data-consent="analytics">window.ran.push('analytics');</script>
  <script type="text/plain" data-consent="marketing">window.ran.push('marketing');</script>`;
const ran = (page: Page) => page.evaluate(() => (window as unknown as { ran: string[] }).ran);

for (const lang of LANGS) {
  test(`the banner says in ${lang} why marketing stays off`, async ({ page }) => {
    await sendGpc(page);
    const shop = await ShopConsentPage.open(page, { lang });
    await expect(shop.banner).toContainText(note(lang));
    shop.expectSilent();
  });
}

test('"Accept all" under GPC grants everything but marketing, and records gpc', async ({ page }) => {
  await sendGpc(page);
  const shop = await ShopConsentPage.open(page, { lang: 'lv', body: GATED });
  await shop.acceptAll();
  const state = await shop.get();
  expect(state).toMatchObject({ source: 'gpc', purposes: { necessary: true, analytics: true, marketing: false } });
  expect(await shop.details('change')).toEqual([{ state, changed: ['analytics'], source: 'gpc' }]);
  expect((await shop.cookie())?.value).toMatch(/\|gpc\|necessary:1\.analytics:1\.marketing:0$/);
  await expect.poll(() => ran(page)).toEqual(['analytics']);
  await shop.reload();
  await expect.poll(() => ran(page)).toEqual(['analytics']);
  expect(await shop.get()).toEqual(state);
  shop.expectSilent();
});

test('the preferences start with marketing off and say why; the visitor can still switch it on', async ({ page }) => {
  await sendGpc(page);
  const shop = await ShopConsentPage.open(page, { lang: 'vi', body: GATED });
  await shop.choose();
  await expect(shop.preferences).toContainText(note('vi'));
  await expect(shop.purposeSwitch('marketing')).not.toBeChecked();
  await shop.toggle('marketing');
  await shop.save();
  expect(await shop.get()).toMatchObject({ source: 'preferences', purposes: { analytics: false, marketing: true } });
  await expect.poll(() => ran(page)).toEqual(['marketing']);
  shop.expectSilent();
});

test('"Accept all" in the preferences leaves marketing off too', async ({ page }) => {
  await sendGpc(page);
  const shop = await ShopConsentPage.open(page, { lang: 'mn' });
  await shop.choose();
  await shop.acceptAll('preferences');
  expect(await shop.get()).toMatchObject({ source: 'gpc', purposes: { analytics: true, marketing: false } });
  shop.expectSilent();
});

test('without the signal nothing changes: no note, accept all grants marketing', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, { lang: 'ky' });
  await expect(shop.banner).toBeVisible();
  await expect(shop.banner).not.toContainText(note('ky'));
  await shop.acceptAll();
  expect(await shop.get()).toMatchObject({ source: 'banner', purposes: { marketing: true } });
  shop.expectSilent();
});

test('a shop that does not ask about marketing shows no note', async ({ page }) => {
  await sendGpc(page);
  const shop = await ShopConsentPage.open(page, { attributes: { purposes: 'analytics' } });
  await expect(shop.banner).toBeVisible();
  await expect(shop.banner).not.toContainText(note('en'));
  await shop.acceptAll();
  expect(await shop.get()).toMatchObject({ source: 'banner', purposes: { necessary: true, analytics: true } });
  shop.expectSilent();
});
