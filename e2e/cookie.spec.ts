import { expect, test } from '@playwright/test';
import { ShopPage } from './shop-page';

const DAY = 86_400;

test.describe('the shopconsent cookie', () => {
  test('is first-party, path /, SameSite=Lax, lasts 182 days and is a plain cookie value', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await shop.acceptAll();
    const cookie = await shop.cookie();
    expect(cookie).toBeDefined();
    expect(cookie?.domain).toBe('127.0.0.1');
    expect(cookie?.path).toBe('/');
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBe(false);
    const days = ((cookie?.expires ?? 0) - Date.now() / 1000) / DAY;
    expect(days).toBeGreaterThan(181.9);
    expect(days).toBeLessThan(182.1);
    expect(Buffer.byteLength(cookie?.value ?? '')).toBeLessThan(300);
    expect(cookie?.value).not.toMatch(/["',; \\]/);
  });

  test('data-expires-days sets how long it lasts', async ({ page }) => {
    const shop = await ShopPage.open(page, { attributes: { 'expires-days': '30' } });
    await shop.rejectAll();
    const days = (((await shop.cookie())?.expires ?? 0) - Date.now() / 1000) / DAY;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
  });

  test('a returning visitor sees no banner and never downloads the dialog', async ({ page }) => {
    const first = await ShopPage.open(page);
    await first.acceptAll();
    expect(first.uiRequests()).toBe(1);

    const again = new ShopPage(page);
    await again.open();
    await page.waitForLoadState('networkidle');
    await expect(again.banner).toHaveCount(0);
    expect(again.uiRequests()).toBe(0);
    expect(await again.state()).toMatchObject({ purposes: { necessary: true, analytics: true, marketing: true } });
    expect(await again.events('ready')).toEqual([{ type: 'ready', detail: { state: await again.state() } }]);
  });

  test('a raised data-revision asks again', async ({ page }) => {
    const first = await ShopPage.open(page, { attributes: { revision: '2026-01' } });
    await first.acceptAll();
    const again = await new ShopPage(page).open({ attributes: { revision: '2026-05' } });
    await expect(again.banner).toBeVisible();
    expect(await again.state()).toBeNull();
  });

  test('a purpose the shop added since asks again', async ({ page }) => {
    const first = await ShopPage.open(page, { attributes: { purposes: 'analytics' } });
    await first.acceptAll();
    const again = await new ShopPage(page).open({ attributes: { purposes: 'analytics,marketing' } });
    await expect(again.banner).toBeVisible();
  });

  test('an expired decision asks again', async ({ page, context }) => {
    const shop = await ShopPage.open(page, { attributes: { 'expires-days': '1' } });
    await shop.acceptAll();
    const cookie = await shop.cookie();
    // The same decision, dated two days ago, with the browser keeping it longer than the shop wants.
    const [version, id, , ...rest] = (cookie?.value ?? '').split('|');
    const twoDaysAgo = Math.floor(Date.now() / 1000) - 2 * DAY;
    await context.addCookies([
      { name: 'shopconsent', value: [version, id, twoDaysAgo, ...rest].join('|'), url: 'http://127.0.0.1:4173/' },
    ]);
    const again = await new ShopPage(page).open({ attributes: { 'expires-days': '1' } });
    await expect(again.banner).toBeVisible();
  });

  for (const [what, value] of [
    ['garbage', 'not-a-decision'],
    ['truncated', '1|k3v9x0q2m7a1b5c8d4e6|1795875725|1|lv|bann'],
    ['raw JSON', '{"analytics":true}'],
    ['a future format', '9|k3v9x0q2m7a1b5c8d4e6|1795875725|1|lv|banner|necessary:1'],
    ['oversized', 'x'.repeat(3000)],
  ]) {
    test(`a ${what} cookie means undecided, without an error`, async ({ page, context }) => {
      await context.addCookies([
        { name: 'shopconsent', value: encodeURIComponent(value), url: 'http://127.0.0.1:4173/' },
      ]);
      const shop = await ShopPage.open(page);
      await expect(shop.banner).toBeVisible();
      expect(await shop.state()).toBeNull();
      expect(shop.pageErrors).toEqual([]);
      await shop.rejectAll();
      expect((await shop.cookie())?.value).toMatch(/^1\|/);
    });
  }
});
