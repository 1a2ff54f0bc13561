import { expect, test } from '@playwright/test';
import { ShopConsentPage, texts } from './ShopConsentPage';

// A page built the way a bundler would resolve the package: bare imports mapped to node_modules.
const importMap = JSON.stringify({
  imports: {
    preact: '/node_modules/preact/dist/preact.mjs',
    'preact/jsx-runtime': '/node_modules/preact/jsx-runtime/dist/jsxRuntime.mjs',
    i18next: '/node_modules/i18next/dist/esm/i18next.js',
    'js-cookie': '/node_modules/js-cookie/dist/js.cookie.mjs',
  },
});

const app = (config: object) => [
  `<script type="importmap">${importMap}</script>`,
  `<script type="module">
    import { createConsent } from '/dist/esm/index.js';
    window.consent = createConsent(${JSON.stringify(config)});
  </script>`,
];

test('createConsent() from the npm entry gives the same widget and API, the dialog split off', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, { tags: { head: app({ lang: 'vi', policyUrl: '/chinh-sach' }) } });
  await expect(shop.banner).toBeVisible();
  await expect(shop.title('banner')).toHaveText(texts('vi').banner.title);
  const dialogChunk = () => shop.requests.some((path) => /\/dist\/esm\/mount-[\w-]+\.js$/.test(path));
  // The banner comes from the entry itself; the dialog's chunk only with the preferences.
  expect(dialogChunk()).toBe(false);
  await shop.choose();
  expect(dialogChunk()).toBe(true);
  await shop.closePreferences();
  await shop.acceptAll();
  const fromApi = await page.evaluate(() => (window as unknown as { consent: Window['ShopConsent'] }).consent.get());
  expect(fromApi).toMatchObject({ lang: 'vi', source: 'banner', purposes: { analytics: true, marketing: true } });
  expect(await page.evaluate(() => typeof window.ShopConsent)).toBe('undefined');
  shop.expectSilent();
});

test('a returning visitor of an npm-built shop never loads the dialog chunk', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, { tags: { head: app({}) } });
  await shop.rejectAll();
  shop.requests.length = 0;
  await shop.reload();
  await shop.settle();
  await expect(shop.banner).toHaveCount(0);
  expect(shop.requests.some((path) => path.includes('/dist/esm/mount-'))).toBe(false);
  expect(shop.requests.some((path) => path.includes('/node_modules/i18next/'))).toBe(false);
  shop.expectSilent();
});
