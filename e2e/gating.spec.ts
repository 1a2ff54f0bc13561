import { expect, type Page, test } from '@playwright/test';
import { ShopConsentPage } from './ShopConsentPage';

const SLOW_MS = 300;

/**
 * The shop's tags, in document order. Each appends what it is to window.ran when it runs, with the id and
 * data-vendor it sees on itself, so a tag that lost its attributes shows it.
 */
const TAGS = `
  <script>window.ran = window.ran || [];</script>
  <script type="text/plain" data-consent="analytics" id="ga-inline" data-vendor="ga4">
    window.ran.push('analytics-inline#' + document.currentScript.id + '/' + document.currentScript.dataset.vendor);
  </script>
  <script type="text/plain" data-consent="analytics" src="/vendor/slow-analytics.js" id="ga-external" data-vendor="gtag"></script>
  <script type="text/plain" data-consent="analytics">window.ran.push('analytics-after-external');</script>
  <script type="text/plain" data-consent="marketing" id="pixel">window.ran.push('marketing#' + document.currentScript.id);</script>
  <script type="text/plain" data-consent="analytics marketing">window.ran.push('analytics+marketing');</script>
  <script>window.ran.push('ungated');</script>`;

const ALL = [
  'ungated',
  'analytics-inline#ga-inline/ga4',
  'analytics-external#ga-external/gtag',
  'analytics-after-external',
  'marketing#pixel',
  'analytics+marketing',
];

const ran = (page: Page) => page.evaluate(() => (window as unknown as { ran: string[] }).ran);

/** Lets anything the last decision released run: longer than the slow external tag takes. */
const settle = (page: Page) => page.waitForTimeout(SLOW_MS + 100);

test.describe('gated tags', () => {
  let externalRequests = 0;

  test.beforeEach(async ({ page }) => {
    externalRequests = 0;
    // An external tag that is slow to download: the next gated tag must wait for it.
    await page.route('**/vendor/slow-analytics.js', async (route) => {
      externalRequests++;
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      await route.fulfill({
        contentType: 'text/javascript',
        body: "window.ran.push('analytics-external#' + document.currentScript.id + '/' + document.currentScript.dataset.vendor);",
      });
    });
  });

  const open = (page: Page) => ShopConsentPage.open(page, { body: TAGS });

  test('nothing gated runs while the visitor has not decided', async ({ page }) => {
    const shop = await open(page);
    await expect(shop.banner).toBeVisible();
    await settle(page);
    expect(await ran(page)).toEqual(['ungated']);
    expect(externalRequests).toBe(0);
    shop.expectSilent();
  });

  test('nothing gated runs after Reject all', async ({ page }) => {
    const shop = await open(page);
    await shop.rejectAll();
    await settle(page);
    expect(await ran(page)).toEqual(['ungated']);
    expect(externalRequests).toBe(0);
    expect(await page.locator('script[type="text/plain"][data-consent]').count()).toBe(5);
    shop.expectSilent();
  });

  test('Accept all runs every gated tag once, in document order, the slow external one finishing first', async ({
    page,
  }) => {
    const shop = await open(page);
    await shop.acceptAll();
    await expect.poll(() => ran(page)).toHaveLength(ALL.length);
    expect(await ran(page)).toEqual(ALL);
    expect(externalRequests).toBe(1);
    shop.expectSilent();
  });

  test('each tag runs exactly once, whatever decisions follow', async ({ page }) => {
    const shop = await open(page);
    await shop.acceptAll();
    await page.evaluate(() => {
      window.ShopConsent.acceptAll();
      window.ShopConsent.rejectAll();
      window.ShopConsent.set({ analytics: true });
      window.ShopConsent.acceptAll();
    });
    await expect.poll(() => ran(page)).toHaveLength(ALL.length);
    await settle(page);
    expect(await ran(page)).toEqual(ALL);
    expect(externalRequests).toBe(1);
    shop.expectSilent();
  });

  test('a tag naming two purposes runs only when both are granted', async ({ page }) => {
    const shop = await open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    await expect.poll(() => ran(page)).toHaveLength(4);
    await settle(page);
    expect(await ran(page)).toEqual(ALL.slice(0, 4));
    await page.evaluate(() => window.ShopConsent.set({ marketing: true }));
    await expect.poll(() => ran(page)).toEqual(ALL);
    shop.expectSilent();
  });

  test('marketing alone runs the marketing tag, not the one that also needs analytics', async ({ page }) => {
    const shop = await open(page);
    await shop.choose();
    await shop.toggle('marketing');
    await shop.save();
    await expect.poll(() => ran(page)).toEqual(['ungated', 'marketing#pixel']);
    await settle(page);
    expect(await ran(page)).toEqual(['ungated', 'marketing#pixel']);
    expect(externalRequests).toBe(0);
    shop.expectSilent();
  });

  test('a released tag is a live script with its attributes kept', async ({ page }) => {
    const shop = await open(page);
    await shop.acceptAll();
    await expect.poll(() => ran(page)).toHaveLength(ALL.length);
    const released = await page.evaluate(() =>
      ['ga-inline', 'ga-external', 'pixel'].map((id) => {
        const script = document.getElementById(id) as HTMLScriptElement | null;
        return {
          id: script?.id,
          type: script?.getAttribute('type'),
          consent: script?.dataset.consent,
          vendor: script?.dataset.vendor ?? null,
          src: script?.getAttribute('src') ?? null,
        };
      }),
    );
    expect(released.map((s) => s.id)).toEqual(['ga-inline', 'ga-external', 'pixel']);
    for (const script of released) expect(script.type ?? '').not.toBe('text/plain');
    expect(released[0]).toMatchObject({ consent: 'analytics', vendor: 'ga4', src: null });
    expect(released[1]).toMatchObject({ consent: 'analytics', vendor: 'gtag', src: '/vendor/slow-analytics.js' });
    expect(released[2]).toMatchObject({ consent: 'marketing' });
    expect(await page.locator('script[type="text/plain"][data-consent]').count()).toBe(0);
    shop.expectSilent();
  });

  test('a returning visitor gets the granted tags on page load, without the dialog', async ({ page }) => {
    const shop = await open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    await expect.poll(() => ran(page)).toHaveLength(4);
    shop.requests.length = 0;
    await shop.reload();
    await expect.poll(() => ran(page)).toEqual(ALL.slice(0, 4));
    await settle(page);
    expect(await ran(page)).toEqual(ALL.slice(0, 4));
    expect(shop.uiRequests()).toBe(0);
    shop.expectSilent();
  });

  test('a gated external tag that fails to load does not hold back the next one', async ({ page }) => {
    await page.route('**/vendor/missing.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const shop = await ShopConsentPage.open(page, {
      body: `<script>window.ran = [];</script>
        <script type="text/plain" data-consent="analytics" src="/vendor/missing.js"></script>
        <script type="text/plain" data-consent="analytics">window.ran.push('after the missing one');</script>`,
    });
    await shop.acceptAll();
    await expect.poll(() => ran(page)).toEqual(['after the missing one']);
    expect(shop.pageErrors).toEqual([]);
  });
});

test.describe('gated tags the page adds later (an SPA, a CMS block)', () => {
  let externalRequests = 0;

  test.beforeEach(async ({ page }) => {
    externalRequests = 0;
    await page.route('**/vendor/late-slow.js', async (route) => {
      externalRequests++;
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      await route.fulfill({ contentType: 'text/javascript', body: "window.ran.push('late-external');" });
    });
  });

  /** What a shop's front-end framework does: builds the tags with the DOM API and inserts them. */
  const addLateTags = (page: Page) =>
    page.evaluate(() => {
      const block = document.createElement('div');
      block.innerHTML = `
        <script type="text/plain" data-consent="analytics" id="late-inline" data-vendor="spa">window.ran.push('late-inline#' + document.currentScript.id + '/' + document.currentScript.dataset.vendor);</script>
        <script type="text/plain" data-consent="analytics" src="/vendor/late-slow.js"></script>
        <script type="text/plain" data-consent="analytics">window.ran.push('late-after-external');</script>
        <script type="text/plain" data-consent="marketing">window.ran.push('late-marketing');</script>`;
      document.body.append(block);
    });
  const LATE = ['late-inline#late-inline/spa', 'late-external', 'late-after-external'];

  test('are held back until the visitor decides, then run once each, in document order', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { body: '<script>window.ran = [];</script>' });
    await expect(shop.banner).toBeVisible();
    await addLateTags(page);
    await settle(page);
    expect(await ran(page)).toEqual([]);
    expect(externalRequests).toBe(0);

    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    await expect.poll(() => ran(page)).toHaveLength(3);
    await settle(page);
    expect(await ran(page)).toEqual(LATE);
    expect(externalRequests).toBe(1);
    await page.evaluate(() => window.ShopConsent.set({ marketing: true }));
    await expect.poll(() => ran(page)).toEqual([...LATE, 'late-marketing']);
    shop.expectSilent();
  });

  test('run at once for a returning visitor, the slow external one finishing before the next', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { body: '<script>window.ran = [];</script>' });
    await page.evaluate(() => window.ShopConsent.set({ analytics: true }));
    shop.requests.length = 0;
    await shop.reload();
    await shop.settle();
    await addLateTags(page);
    await expect.poll(() => ran(page)).toHaveLength(3);
    expect(await ran(page)).toEqual(LATE);
    expect(shop.uiRequests()).toBe(0);
    expect(await page.locator('#late-inline').getAttribute('type')).toBe('');
    shop.expectSilent();
  });

  test('wait for a gated external tag of the page itself that is still loading', async ({ page }) => {
    await page.route('**/vendor/slow-analytics.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      await route.fulfill({ contentType: 'text/javascript', body: "window.ran.push('page-external');" });
    });
    const shop = await ShopConsentPage.open(page, {
      body: `<script>window.ran = [];</script>
        <script type="text/plain" data-consent="analytics" src="/vendor/slow-analytics.js"></script>`,
    });
    await page.evaluate(() => window.ShopConsent.set({ analytics: true }));
    await shop.reload();
    // The page's own slow tag is loading now; an SPA adds its tags at this very moment.
    await page.waitForFunction(() =>
      document.querySelector('script[src="/vendor/slow-analytics.js"]:not([type="text/plain"])'),
    );
    await addLateTags(page);
    await expect.poll(() => ran(page)).toHaveLength(4);
    expect(await ran(page)).toEqual(['page-external', ...LATE]);
    shop.expectSilent();
  });
});
