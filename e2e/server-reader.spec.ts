import { expect, test } from '@playwright/test';
import { readConsent } from '../src/server/index';
import { origin, ShopConsentPage } from './ShopConsentPage';

/** The Cookie header a request from this browser carries. */
const cookieHeader = async (shop: ShopConsentPage) =>
  (await shop.page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');

test('readConsent() on the server reads the same decision as ShopConsent.get() in the browser', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, { lang: 'ky', attributes: { revision: '3' } });
  // Another cookie of the shop's own, as a real request carries.
  await page.context().addCookies([{ name: 'theme', value: 'dark', url: `${origin()}/` }]);
  await shop.choose();
  await shop.toggle('marketing');
  await shop.save();
  const header = await cookieHeader(shop);
  expect(header).toContain('theme=dark');
  const inBrowser = await shop.get();
  expect(inBrowser).not.toBeNull();
  expect(readConsent(header)).toEqual(inBrowser);
  expect(readConsent(`_ga=GA1.1.123; ${header}; cart=42`)).toEqual(inBrowser);
  shop.expectSilent();
});

test('readConsent() follows later decisions made through the API', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, { lang: 'vi', attributes: { purposes: 'analytics' } });
  await page.evaluate(() => window.ShopConsent.set({ analytics: true }));
  expect(readConsent(await cookieHeader(shop))).toEqual(await shop.get());
  await page.evaluate(() => window.ShopConsent.rejectAll());
  const state = readConsent(await cookieHeader(shop));
  expect(state).toEqual(await shop.get());
  expect(state?.purposes).toEqual({ necessary: true, analytics: false });
  shop.expectSilent();
});

test('readConsent() reads a cookie value a framework percent-encoded', async ({ page }) => {
  const shop = await ShopConsentPage.open(page);
  await shop.acceptAll();
  const value = (await shop.cookie())?.value ?? '';
  expect(readConsent(`shopconsent=${encodeURIComponent(value)}`)).toEqual(await shop.get());
  shop.expectSilent();
});

test('readConsent() gives null, never an exception, for no decision or garbage', async ({ page }) => {
  const shop = await ShopConsentPage.open(page);
  expect(readConsent(await cookieHeader(shop))).toBeNull();
  await shop.acceptAll();
  const value = (await shop.cookie())?.value ?? '';
  for (const header of [
    '',
    '_ga=GA1.1.1',
    'shopconsent=',
    'shopconsent=garbage',
    'shopconsent={"analytics":true}',
    'shopconsent=%E0%A4%A',
    `shopconsent=${value.slice(0, Math.floor(value.length / 2))}`,
    `shopconsent=${value.replace('necessary:1', 'necessary:0')}`,
  ]) {
    expect(() => readConsent(header), header).not.toThrow();
    expect(readConsent(header), header).toBeNull();
  }
  for (const notAHeader of [undefined, null, 42, {}]) {
    expect(readConsent(notAHeader as unknown as string)).toBeNull();
  }
  shop.expectSilent();
});
