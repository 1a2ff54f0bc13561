import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ShopConsentPage } from './ShopConsentPage';

const sha384 = (file: string) =>
  `sha384-${createHash('sha384')
    .update(readFileSync(new URL(`../${file}`, import.meta.url)))
    .digest('base64')}`;

/** The tag as docs/security.md shows it: the core pinned by its hash. */
const pinnedTag = () =>
  `<script src="/dist/shopconsent.js" crossorigin="anonymous" integrity="${sha384('dist/shopconsent.js')}" data-lang="lv"></script>`;

/** `integrity` and `crossorigin` of the script tag the core added for `file`. */
const tagOf = (page: Page, file: string) =>
  page.evaluate((name) => {
    const tag = document.querySelector<HTMLScriptElement>(`script[src$="${name}"]`);
    return { integrity: tag?.integrity, crossOrigin: tag?.crossOrigin };
  }, file);

test('a core pinned with Subresource Integrity loads the banner and the dialog pinned to their own hashes', async ({
  page,
}) => {
  const shop = await ShopConsentPage.open(page, { tags: { head: [pinnedTag()] } });
  await expect(shop.banner).toBeVisible();
  expect(await tagOf(page, 'shopconsent-banner-lv.js')).toEqual({
    integrity: sha384('dist/shopconsent-banner-lv.js'),
    crossOrigin: 'anonymous',
  });
  // Downloaded ahead the way the script tag will ask for it, so that the tag finds it in the cache.
  await expect(page.locator('link[rel="prefetch"]')).toHaveAttribute('integrity', sha384('dist/shopconsent-ui.js'));
  await expect(page.locator('link[rel="prefetch"]')).toHaveAttribute('crossorigin', 'anonymous');
  await shop.choose();
  expect(await tagOf(page, 'shopconsent-ui.js')).toEqual({
    integrity: sha384('dist/shopconsent-ui.js'),
    crossOrigin: 'anonymous',
  });
  await shop.acceptAll('preferences');
  shop.expectSilent();
});

test('a dialog file changed on the server is refused when the core is pinned; the API still decides', async ({
  page,
}) => {
  await page.route('**/dist/shopconsent-ui.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\nconsole.log("changed");` });
  });
  const shop = await ShopConsentPage.open(page, { tags: { head: [pinnedTag()] } });
  await expect(shop.banner).toBeVisible();
  await shop.button('preferences').click();
  await expect
    .poll(() => shop.consoleErrors.filter((text) => text.startsWith('[ShopConsent] could not load the preferences')))
    .toHaveLength(1);
  await expect(shop.preferences).toHaveCount(0);
  await expect(shop.banner).toBeVisible();
  await page.evaluate(() => window.ShopConsent.rejectAll());
  expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: false, marketing: false });
  expect(shop.pageErrors).toEqual([]);
});

test('a banner file changed on the server is refused when the core is pinned; the dialog shows the banner', async ({
  page,
}) => {
  await page.route('**/dist/shopconsent-banner-lv.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\nconsole.log("changed");` });
  });
  const shop = await ShopConsentPage.open(page, { tags: { head: [pinnedTag()] } });
  await expect(shop.banner).toBeVisible();
  expect(await page.evaluate(() => Symbol.for('shopconsent.ui') in window)).toBe(true);
  expect(shop.consoleErrors.filter((text) => text.startsWith('[ShopConsent] could not load the banner'))).toHaveLength(
    1,
  );
  await shop.acceptAll();
  expect(shop.pageErrors).toEqual([]);
});

test('an unpinned core loads the dialog without an integrity check, as before', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, { lang: 'lv' });
  await shop.choose();
  expect(
    await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src$="shopconsent-ui.js"]')?.integrity),
  ).toBe('');
  shop.expectSilent();
});
