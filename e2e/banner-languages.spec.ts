import { expect, test } from '@playwright/test';
import { LANGS, type Lang, origin, PURPOSES, ShopConsentPage, texts } from './ShopConsentPage';

/** Everything the banner shows, in `lang`, as locales/<lang>.json has it. */
const expectBannerIn = async (shop: ShopConsentPage, lang: Lang) => {
  const t = texts(lang);
  await expect(shop.banner).toBeVisible();
  await expect(shop.banner).toHaveAttribute('lang', lang);
  await expect(shop.title('banner')).toHaveText(t.banner.title);
  await expect(shop.banner).toContainText(t.banner.text);
  await expect(shop.button('accept-all')).toHaveText(t.actions.acceptAll);
  await expect(shop.button('reject-all')).toHaveText(t.actions.rejectAll);
  await expect(shop.button('preferences')).toHaveText(t.actions.choose);
  if (lang !== 'en') {
    // A translation that silently fell back to English would still "have a title".
    await expect(shop.title('banner')).not.toHaveText(texts('en').banner.title);
    await expect(shop.button('reject-all')).not.toHaveText(texts('en').actions.rejectAll);
  }
};

test.describe('data-lang chooses the language of the banner', () => {
  for (const lang of LANGS) {
    test(`data-lang="${lang}": banner (title, text, policy link, three choices) and preferences in ${lang}`, async ({
      page,
    }) => {
      const shop = await ShopConsentPage.open(page, {
        lang,
        attributes: { shop: 'Mimico', 'policy-url': '/privacy' },
      });
      await expectBannerIn(shop, lang);
      const t = texts(lang);
      await expect(shop.banner).toHaveAccessibleName(t.banner.title);
      await expect(shop.banner).toContainText('Mimico');
      const policy = shop.banner.getByRole('link', { name: t.banner.policy, exact: true });
      await expect(policy).toHaveAttribute('href', `${origin()}/privacy`);
      // The banner lives in the open shadow root of the one #shopconsent-root, not in the page's own DOM.
      const where = await page.evaluate(() => {
        const host = document.getElementById('shopconsent-root');
        return {
          hosts: document.querySelectorAll('#shopconsent-root').length,
          mode: host?.shadowRoot?.mode ?? null,
          inShadow: host?.shadowRoot?.querySelectorAll('[role="dialog"][data-layer="banner"]').length ?? 0,
          inLightDom: document.querySelectorAll('[data-layer]').length,
        };
      });
      expect(where).toEqual({ hosts: 1, mode: 'open', inShadow: 1, inLightDom: 0 });

      // "Choose": the preferences speak the same language, every purpose included.
      await shop.choose();
      await expect(shop.preferences).toHaveAttribute('lang', lang);
      await expect(shop.title('preferences')).toHaveText(t.preferences.title);
      if (lang !== 'en') await expect(shop.title('preferences')).not.toHaveText(texts('en').preferences.title);
      for (const purpose of PURPOSES) {
        await expect(shop.purposeSwitch(purpose)).toHaveAccessibleName(t.purposes[purpose].label);
        await expect(shop.preferences).toContainText(t.purposes[purpose].description);
      }
      await expect(shop.preferences).toContainText(t.preferences.alwaysOn);
      await expect(shop.button('save', 'preferences')).toHaveText(t.actions.save);
      await expect(shop.button('close', 'preferences')).toHaveAccessibleName(t.actions.close);
      shop.expectSilent();
    });
  }
});

test.describe('automatic language: <html lang> first', () => {
  for (const [htmlLang, lang] of [
    ['vi-VN', 'vi'],
    ['lv-LV', 'lv'],
    ['mn-MN', 'mn'],
    ['ky', 'ky'],
  ] as const) {
    test(`<html lang="${htmlLang}"> gives the banner in ${lang}`, async ({ page }) => {
      const shop = await ShopConsentPage.open(page, { htmlLang });
      await expectBannerIn(shop, lang);
      shop.expectSilent();
    });
  }

  test('data-lang wins over <html lang>', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { htmlLang: 'vi-VN', lang: 'ky' });
    await expectBannerIn(shop, 'ky');
    shop.expectSilent();
  });

  test('a page in a language the widget does not speak gets English', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { htmlLang: 'de-DE' });
    await expectBannerIn(shop, 'en');
    shop.expectSilent();
  });

  test('an unsupported data-lang warns once, naming the setting and the value, and detects the language', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { htmlLang: 'mn', lang: 'de' });
    await expectBannerIn(shop, 'mn');
    const warnings = shop.widgetWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('data-lang');
    expect(warnings[0]).toContain('"de"');
    shop.expectNoErrors();
  });
});

test.describe('automatic language without <html lang>: a Latvian browser', () => {
  test.use({ locale: 'lv-LV' });

  test('gets the Latvian banner', async ({ page }) => {
    expect(await page.evaluate(() => navigator.languages[0])).toBe('lv-LV');
    const shop = await ShopConsentPage.open(page);
    await expectBannerIn(shop, 'lv');
    shop.expectSilent();
  });

  test('still gets the page language when <html lang> is one the widget speaks', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { htmlLang: 'vi' });
    await expectBannerIn(shop, 'vi');
    shop.expectSilent();
  });

  test('with an unsupported data-lang: a warning, then the browser language', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'xx' });
    await expectBannerIn(shop, 'lv');
    expect(shop.widgetWarnings().filter((w) => w.includes('data-lang') && w.includes('"xx"'))).toHaveLength(1);
    shop.expectNoErrors();
  });
});

test.describe('automatic language: a German browser on a page without <html lang>', () => {
  test.use({ locale: 'de-DE' });

  test('gets English', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await expectBannerIn(shop, 'en');
    shop.expectSilent();
  });
});

test('without <html lang>, the first of the browser languages the widget speaks wins', async ({ page }) => {
  // A German visitor who also reads Kyrgyz, then English.
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => ['de-DE', 'ky-KG', 'en-US'] }),
  );
  const shop = await ShopConsentPage.open(page);
  await expectBannerIn(shop, 'ky');
  shop.expectSilent();
});

test.describe('window.shopConsentConfig', () => {
  test('sets what the tag does not: language and policy link', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { config: { lang: 'mn', policyUrl: '/nuuts' } });
    await expectBannerIn(shop, 'mn');
    const policy = shop.banner.getByRole('link', { name: texts('mn').banner.policy, exact: true });
    await expect(policy).toHaveAttribute('href', `${origin()}/nuuts`);
    shop.expectSilent();
  });

  test("the tag's attributes win over it", async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      config: { lang: 'mn', policyUrl: '/nuuts' },
      lang: 'lv',
      attributes: { 'policy-url': '/privatums' },
    });
    await expectBannerIn(shop, 'lv');
    const policy = shop.banner.getByRole('link', { name: texts('lv').banner.policy, exact: true });
    await expect(policy).toHaveAttribute('href', `${origin()}/privatums`);
    shop.expectSilent();
  });

  test('texts replace a locale string for one language only', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      lang: 'lv',
      config: { texts: { lv: { 'banner.title': 'Sīkdatnes MonaOK veikalā' } } },
    });
    await expect(shop.title('banner')).toHaveText('Sīkdatnes MonaOK veikalā');
    await expect(shop.button('accept-all')).toHaveText(texts('lv').actions.acceptAll);
    await page.evaluate(() => window.ShopConsent.setLanguage('en'));
    await expect(shop.title('banner')).toHaveText(texts('en').banner.title);
    shop.expectSilent();
  });
});

test('a javascript: policy URL gives no link and a warning, never a clickable script', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, { lang: 'en', attributes: { 'policy-url': 'javascript:alert(1)' } });
  await expectBannerIn(shop, 'en');
  await expect(shop.banner.getByRole('link')).toHaveCount(0);
  expect(shop.widgetWarnings().some((w) => w.includes('data-policy-url'))).toBe(true);
  shop.expectNoErrors();
});
