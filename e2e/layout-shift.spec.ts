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
    for (const entry of list.getEntries()) {
      const moved = entry.sources.map((source) => source.node ? (source.node.nodeName + (source.node.id ? '#' + source.node.id : '')) : '?');
      window.__shifts.push({ value: entry.value, recent: entry.hadRecentInput, moved });
    }
  }).observe({ type: 'layout-shift', buffered: true });`;

// The shop's stylesheet is in the head, as on a real shop: a style element in the body, after the first
// heading, lets a busy machine paint that heading unstyled first, and the page would move by itself.
const HEAD =
  '<style>body { margin: 0; font: 18px/1.6 serif } main { padding: 24px } .hero { height: 240px; background: #ddd }</style>';
const CONTENT = `<main><div class="hero"></div>${'<p>Leather boots, wool socks, rain jackets and everything for a walk in the hills.</p>'.repeat(40)}</main>
<footer>Footer of the shop</footer>`;

const shifts = (page: Page) =>
  page.evaluate(async () => {
    // Two frames, so that a shift caused by the last change has been reported.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const recorded = (window as unknown as { __shifts: { value: number; moved: string[] }[] }).__shifts;
    return {
      value: recorded.reduce((sum, s) => sum + s.value, 0),
      moved: recorded.map((s) => `${s.value.toFixed(4)} ${s.moved.join(' ')}`).join('; '),
    };
  });

/** Notes the sum, and expects it below 0.01, naming what moved when it is not. */
const expectStill = (what: string, measured: { value: number; moved: string }) => {
  test.info().annotations.push({ type: 'layout shift', description: `${what}: ${measured.value.toFixed(4)}` });
  expect(measured.value, `${what}: moved ${measured.moved}`).toBeLessThan(0.01);
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
        head: HEAD,
        body: CONTENT,
        attributes: { ...attributes, 'floating-button': 'true' },
      });
      await expect(shop.banner).toBeVisible();
      await dialogAtRest(page);
      expectStill('banner appears', await shifts(page));

      await shop.choose();
      await shop.closePreferences();
      await shop.acceptAll();
      await expect(page.locator('shopconsent-reopen')).toBeVisible();
      expectStill('after preferences, a decision and the floating button', await shifts(page));
      shop.expectSilent();
    });

    test('the banner leaving without any input (a decision in the API) moves nothing', async ({ page }) => {
      await page.addInitScript(OBSERVER);
      const shop = await ShopConsentPage.open(page, { head: HEAD, body: CONTENT, attributes });
      await expect(shop.banner).toBeVisible();
      await dialogAtRest(page);
      await page.evaluate(() => window.ShopConsent.rejectAll());
      await expect(shop.banner).toHaveCount(0);
      expectStill('banner leaves', await shifts(page));
      shop.expectSilent();
    });
  });
}

test('the measurement sees a real shift: content pushed down after load', async ({ page }) => {
  await page.addInitScript(OBSERVER);
  await ShopConsentPage.open(page, { head: HEAD, body: CONTENT });
  await page.evaluate(() => {
    const ad = document.createElement('div');
    ad.style.height = '200px';
    document.body.prepend(ad);
  });
  const measured = await shifts(page);
  expect(measured.value).toBeGreaterThan(0.01);
  expect(measured.moved, 'the shift names the elements that moved').toMatch(/\b(BODY|H1|P|MAIN)\b/);
});
