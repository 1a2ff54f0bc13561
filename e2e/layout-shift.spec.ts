import { expect, type Page, test } from '@playwright/test';
import { dialogAtRest } from './dialog-checks';
import { ShopConsentPage } from './ShopConsentPage';

/**
 * The shop's page must not move when the banner appears or leaves: the sum of every `layout-shift`
 * entry stays below 0.01 (Core Web Vitals call 0.1 "good"). Unlike CLS itself, the sum here also
 * counts shifts right after a click, so a banner that pushed the page as it left would be caught.
 */

const OBSERVER = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, recent: entry.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });`;

const CONTENT = `<style>body { margin: 0; font: 18px/1.6 serif } main { padding: 24px } .hero { height: 240px; background: #ddd }</style>
<main><div class="hero"></div>${'<p>Leather boots, wool socks, rain jackets and everything for a walk in the hills.</p>'.repeat(40)}</main>
<footer>Footer of the shop</footer>`;

const shifts = (page: Page) =>
  page.evaluate(async () => {
    // Two frames, so that a shift caused by the last change has been reported.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return (window as unknown as { __shifts: { value: number }[] }).__shifts.reduce((sum, s) => sum + s.value, 0);
  });

const note = (what: string, value: number) => {
  test.info().annotations.push({ type: 'layout shift', description: `${what}: ${value.toFixed(4)}` });
};

for (const [name, viewport, attributes] of [
  ['a wide screen, bottom bar', { width: 1280, height: 720 }, {}],
  ['a phone, bottom sheet', { width: 360, height: 740 }, {}],
  ['a wide screen, centred box', { width: 1280, height: 720 }, { layout: 'box' }],
] as const) {
  test.describe(name, () => {
    test.use({ viewport });

    test('the banner appearing and leaving through a click moves nothing', async ({ page }) => {
      await page.addInitScript(OBSERVER);
      const shop = await ShopConsentPage.open(page, {
        body: CONTENT,
        attributes: { ...attributes, 'floating-button': 'true' },
      });
      await expect(shop.banner).toBeVisible();
      await dialogAtRest(page);
      const appearing = await shifts(page);
      note('banner appears', appearing);
      expect(appearing).toBeLessThan(0.01);

      await shop.choose();
      await shop.closePreferences();
      await shop.acceptAll();
      await expect(page.locator('shopconsent-reopen')).toBeVisible();
      const total = await shifts(page);
      note('after preferences, a decision and the floating button', total);
      expect(total).toBeLessThan(0.01);
      shop.expectSilent();
    });

    test('the banner leaving without any input (a decision in the API) moves nothing', async ({ page }) => {
      await page.addInitScript(OBSERVER);
      const shop = await ShopConsentPage.open(page, { body: CONTENT, attributes });
      await expect(shop.banner).toBeVisible();
      await dialogAtRest(page);
      await page.evaluate(() => window.ShopConsent.rejectAll());
      await expect(shop.banner).toHaveCount(0);
      const total = await shifts(page);
      note('banner leaves', total);
      expect(total).toBeLessThan(0.01);
      shop.expectSilent();
    });
  });
}

test('the measurement sees a real shift: content pushed down after load', async ({ page }) => {
  await page.addInitScript(OBSERVER);
  await ShopConsentPage.open(page, { body: CONTENT });
  await page.evaluate(() => {
    const ad = document.createElement('div');
    ad.style.height = '200px';
    document.body.prepend(ad);
  });
  expect(await shifts(page)).toBeGreaterThan(0.01);
});
