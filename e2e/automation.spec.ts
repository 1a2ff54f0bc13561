import { expect, test } from '@playwright/test';
import { COOKIE_NAME, origin, ShopConsentPage } from './ShopConsentPage';

/**
 * The widget never hides from automation: shop owners' own test suites, audits and crawlers see what a
 * visitor sees. The recipes of docs/testing-your-shop.md, run as a shop's own suite would run them.
 */

test('under automation (navigator.webdriver is true) the banner and the preferences show as for anyone else', async ({
  page,
}) => {
  const shop = await ShopConsentPage.open(page);
  expect(await page.evaluate(() => navigator.webdriver)).toBe(true);
  await expect(shop.banner).toBeVisible();
  await shop.choose();
  expect(shop.uiRequests()).toBe(1);
  shop.expectSilent();
});

test.describe('docs/testing-your-shop.md', () => {
  test('dismiss the banner by clicking its data-action hook (Playwright pierces the open shadow root)', async ({
    page,
  }) => {
    await ShopConsentPage.open(page, { lang: 'vi' });
    await page.locator('[data-layer="banner"] [data-action="reject-all"]').click();
    await expect(page.locator('[data-layer="banner"]')).toHaveCount(0);
    const cookie = (await page.context().cookies()).find((c) => c.name === COOKIE_NAME);
    expect(cookie?.value).toMatch(/\|necessary:1\.analytics:0\.marketing:0$/);
  });

  test('choose purposes through the preferences hooks', async ({ page }) => {
    await ShopConsentPage.open(page);
    await page.locator('[data-action="preferences"]').click();
    await page.locator('[role="switch"][data-purpose="analytics"]').check();
    await page.locator('[data-layer="preferences"] [data-action="save"]').click();
    await expect(page.locator('[data-layer]')).toHaveCount(0);
    expect(await page.evaluate(() => window.ShopConsent.get()?.purposes)).toEqual({
      necessary: true,
      analytics: true,
      marketing: false,
    });
  });

  test('start decided: a shopconsent cookie set before the page loads means no banner', async ({ page, context }) => {
    const seconds = Math.floor(Date.now() / 1000);
    await context.addCookies([
      {
        name: COOKIE_NAME,
        value: `1|testsuite0000000001|${seconds}|1|en|api|necessary:1.analytics:0.marketing:0`,
        url: `${origin()}/`,
      },
    ]);
    const shop = await ShopConsentPage.open(page);
    await shop.settle();
    await expect(page.locator('[data-layer="banner"]')).toHaveCount(0);
    expect(shop.uiRequests()).toBe(0);
    expect(await page.evaluate(() => window.ShopConsent.has('analytics'))).toBe(false);
  });

  test('start decided: an init script that queues rejectAll() before the tag runs', async ({ page }) => {
    await page.addInitScript(() => {
      const win = window as unknown as { shopConsentQueue?: unknown[] };
      win.shopConsentQueue = win.shopConsentQueue || [];
      win.shopConsentQueue.push((api: { rejectAll(): void }) => api.rejectAll());
    });
    const shop = await ShopConsentPage.open(page);
    await shop.settle();
    await expect(page.locator('[data-layer="banner"]')).toHaveCount(0);
    expect(shop.uiRequests()).toBe(0);
    expect((await shop.get())?.source).toBe('api');
  });
});
