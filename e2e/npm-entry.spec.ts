import { expect, test } from '@playwright/test';
import { ShopPage, texts } from './shop-page';

// A page built the way a bundler would resolve the package: bare imports mapped to node_modules.
const importMap = JSON.stringify({
  imports: {
    preact: '/node_modules/preact/dist/preact.mjs',
    'preact/jsx-runtime': '/node_modules/preact/jsx-runtime/dist/jsxRuntime.mjs',
    i18next: '/node_modules/i18next/dist/esm/i18next.js',
    'js-cookie': '/node_modules/js-cookie/dist/js.cookie.mjs',
  },
});

const app = (config: object) => `
  <script type="importmap">${importMap}</script>
  <script type="module">
    import { createConsent } from '/dist/esm/index.js';
    window.consent = createConsent(${JSON.stringify(config)});
  </script>`;

test('createConsent() from the npm entry gives the same widget and API, the dialog split off', async ({ page }) => {
  const shop = await ShopPage.open(page, { tags: [app({ lang: 'vi', policyUrl: '/chinh-sach' })] });
  await expect(shop.banner).toBeVisible();
  await expect(shop.banner.locator('h2')).toHaveText(texts('vi').banner.title);
  expect(shop.requests.some((path) => /\/dist\/esm\/mount-[\w-]+\.js$/.test(path))).toBe(true);
  await shop.acceptAll();
  const fromApi = await page.evaluate(() => (window as unknown as { consent: Window['ShopConsent'] }).consent.get());
  expect(fromApi).toMatchObject({ lang: 'vi', source: 'banner', purposes: { analytics: true, marketing: true } });
  expect(await page.evaluate(() => typeof window.ShopConsent)).toBe('undefined');
  expect(shop.pageErrors).toEqual([]);
});

test('a returning visitor of an npm-built shop never loads the dialog chunk', async ({ page }) => {
  const first = await ShopPage.open(page, { tags: [app({})] });
  await first.rejectAll();
  const again = await new ShopPage(page).open({ tags: [app({})] });
  await page.waitForLoadState('networkidle');
  await expect(again.banner).toHaveCount(0);
  expect(again.requests.some((path) => path.includes('/dist/esm/mount-'))).toBe(false);
  expect(again.requests.some((path) => path.includes('/node_modules/i18next/'))).toBe(false);
});
