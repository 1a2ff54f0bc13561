import { expect, test } from '@playwright/test';
import { ShopPage } from './shop-page';

/** Tags a shop would gate: each appends its name to window.ran when it runs. */
const tags = `
  <script type="text/plain" data-consent="analytics" id="ga" data-vendor="ga4">window.ran.push('analytics-inline:' + document.currentScript.id + ':' + document.currentScript.dataset.vendor)</script>
  <script type="text/plain" data-consent="marketing" src="/slow-pixel.js"></script>
  <script type="text/plain" data-consent="marketing">window.ran.push('marketing-inline')</script>
  <script type="text/plain" data-consent="analytics marketing">window.ran.push('both')</script>
  <script>window.ran.push('ungated')</script>`;

const ran = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { ran: string[] }).ran);

test.describe('gated tags', () => {
  test.beforeEach(async ({ page }) => {
    // An external tag that takes a while: the next gated tag must wait for it, as the browser would.
    await page.route('**/slow-pixel.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.fulfill({ contentType: 'text/javascript', body: "window.ran.push('marketing-external')" });
    });
  });

  const open = (page: import('@playwright/test').Page) =>
    ShopPage.open(page, { head: '<script>window.ran = []</script>', body: tags });

  test('nothing gated runs before the visitor decides, or after reject all', async ({ page }) => {
    const shop = await open(page);
    await expect(shop.banner).toBeVisible();
    expect(await ran(page)).toEqual(['ungated']);
    await shop.rejectAll();
    await page.waitForTimeout(500);
    expect(await ran(page)).toEqual(['ungated']);
  });

  test('accept all runs every tag once, in document order, the slow external one finishing first', async ({ page }) => {
    const shop = await open(page);
    await shop.acceptAll();
    await expect.poll(() => ran(page)).toHaveLength(5);
    expect(await ran(page)).toEqual([
      'ungated',
      'analytics-inline:ga:ga4',
      'marketing-external',
      'marketing-inline',
      'both',
    ]);
    // Later decisions never run a tag twice.
    await page.evaluate(() => window.ShopConsent.set({ analytics: true }));
    await page.evaluate(() => window.ShopConsent.acceptAll());
    await page.waitForTimeout(400);
    expect(await ran(page)).toHaveLength(5);
  });

  test('a tag naming two purposes waits for both', async ({ page }) => {
    const shop = await open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    await expect.poll(() => ran(page)).toEqual(['ungated', 'analytics-inline:ga:ga4']);
    await page.evaluate(() => window.ShopConsent.set({ marketing: true }));
    await expect
      .poll(() => ran(page))
      .toEqual(['ungated', 'analytics-inline:ga:ga4', 'marketing-external', 'marketing-inline', 'both']);
  });

  test('a returning visitor gets the allowed tags on page load, without the dialog', async ({ page }) => {
    const shop = await open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    const again = new ShopPage(page);
    await again.open({ head: '<script>window.ran = []</script>', body: tags });
    await expect.poll(() => ran(page)).toEqual(['ungated', 'analytics-inline:ga:ga4']);
    expect(again.uiRequests()).toBe(0);
  });

  test('a released tag keeps its attributes and no longer waits as text/plain', async ({ page }) => {
    const shop = await open(page);
    await shop.acceptAll();
    await expect.poll(() => ran(page)).toHaveLength(5);
    const released = await page.evaluate(() => {
      const ga = document.getElementById('ga') as HTMLScriptElement;
      return {
        type: ga.type,
        vendor: ga.dataset.vendor,
        waiting: document.querySelectorAll('script[type="text/plain"]').length,
      };
    });
    expect(released).toEqual({ type: '', vendor: 'ga4', waiting: 0 });
  });
});
