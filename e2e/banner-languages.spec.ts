import { expect, test } from '@playwright/test';
import { LANGS, ShopPage, texts } from './shop-page';

test.describe('the banner speaks the page language', () => {
  for (const lang of LANGS) {
    test(`data-lang="${lang}" shows the whole banner in ${lang}`, async ({ page }) => {
      const shop = await ShopPage.open(page, {
        attributes: { lang, shop: 'Mimico', 'policy-url': '/privacy' },
      });
      const t = texts(lang);
      await expect(shop.banner).toBeVisible();
      await expect(shop.banner).toHaveAttribute('lang', lang);
      await expect(shop.banner).toHaveAccessibleName(t.banner.title);
      await expect(shop.banner.locator('h2')).toHaveText(t.banner.title);
      await expect(shop.banner).toContainText(t.banner.text);
      await expect(shop.banner).toContainText('Mimico');
      const policy = shop.banner.getByRole('link', { name: t.banner.policy });
      await expect(policy).toHaveAttribute('href', 'http://127.0.0.1:4173/privacy');
      await expect(shop.button('accept-all', shop.banner)).toHaveText(t.actions.acceptAll);
      await expect(shop.button('reject-all', shop.banner)).toHaveText(t.actions.rejectAll);
      await expect(shop.button('preferences', shop.banner)).toHaveText(t.actions.choose);
      if (lang !== 'en') expect(t.banner.title).not.toBe(texts('en').banner.title);
      expect(shop.pageErrors).toEqual([]);
      expect(shop.warnings).toEqual([]);
    });
  }

  test('follows <html lang> with a region tag', async ({ page }) => {
    const shop = await ShopPage.open(page, { htmlLang: 'vi-VN' });
    await expect(shop.banner).toHaveAttribute('lang', 'vi');
    await expect(shop.banner.locator('h2')).toHaveText(texts('vi').banner.title);
  });

  test('follows <html lang="LV-lv"> whatever its case', async ({ page }) => {
    const shop = await ShopPage.open(page, { htmlLang: 'LV-lv' });
    await expect(shop.banner).toHaveAttribute('lang', 'lv');
  });

  test('data-lang wins over <html lang>', async ({ page }) => {
    const shop = await ShopPage.open(page, { htmlLang: 'vi', attributes: { lang: 'ky' } });
    await expect(shop.banner.locator('h2')).toHaveText(texts('ky').banner.title);
  });

  test('English when the page is in a language we do not speak', async ({ page }) => {
    const shop = await ShopPage.open(page, { htmlLang: 'de-DE' });
    await expect(shop.banner).toHaveAttribute('lang', 'en');
    await expect(shop.banner.locator('h2')).toHaveText(texts('en').banner.title);
  });

  test('an unsupported data-lang warns once and falls back to the page language', async ({ page }) => {
    const shop = await ShopPage.open(page, { htmlLang: 'mn', attributes: { lang: 'xx' } });
    await expect(shop.banner).toHaveAttribute('lang', 'mn');
    expect(shop.warnings.filter((w) => w.includes('data-lang') && w.includes('"xx"'))).toHaveLength(1);
    expect(shop.pageErrors).toEqual([]);
  });
});

test.describe('without <html lang>, the browser languages decide', () => {
  test.use({ locale: 'lv-LV' });

  test('a Latvian browser gets the Latvian banner', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await expect(shop.banner).toHaveAttribute('lang', 'lv');
    await expect(shop.banner.locator('h2')).toHaveText(texts('lv').banner.title);
  });
});

test.describe('a browser in a language we do not speak', () => {
  test.use({ locale: 'de-DE' });

  test('gets English', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await expect(shop.banner).toHaveAttribute('lang', 'en');
  });
});

test('the banner lives in the open shadow root of #shopconsent-root', async ({ page }) => {
  const shop = await ShopPage.open(page, { attributes: { lang: 'lv' } });
  await expect(shop.banner).toBeVisible();
  const inShadow = await page.evaluate(() => {
    const root = document.getElementById('shopconsent-root');
    return {
      roots: document.querySelectorAll('#shopconsent-root').length,
      open: root?.shadowRoot?.mode,
      lightDomDialogs: document.querySelectorAll('[data-layer]').length,
      shadowDialogs: root?.shadowRoot?.querySelectorAll('[data-layer="banner"]').length,
    };
  });
  expect(inShadow).toEqual({ roots: 1, open: 'open', lightDomDialogs: 0, shadowDialogs: 1 });
});
