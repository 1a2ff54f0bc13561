import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { hostPageHtml, ShopConsentPage } from './ShopConsentPage';

/**
 * The first layer comes from the core (src/first-layer/): a visitor who has to decide sees the whole
 * banner before any of the dialog's code is downloaded, and it is the dialog's banner, built from it.
 */

const LANGS = ['mn', 'ky', 'vi', 'lv', 'en'] as const;
const locale = (lang: string) => JSON.parse(readFileSync(`locales/${lang}.json`, 'utf8'));
const ATTRIBUTES = { shop: 'Mimico', 'policy-url': '/privacy' };

/** What the widget registered from its dialog bundle: set only once that bundle has run. */
const dialogRan = (page: Page) => page.evaluate(() => Symbol.for('shopconsent.ui') in window);

test.describe('the banner from the core', () => {
  for (const lang of LANGS) {
    test(`in ${lang}: shows with nothing but shopconsent.js and its banner in ${lang}, and is the dialog’s banner`, async ({
      page,
    }) => {
      const shop = await ShopConsentPage.open(page, { lang, attributes: ATTRIBUTES });
      await expect(shop.banner).toBeVisible();
      await expect(shop.banner).toHaveAttribute('lang', lang);
      await expect(shop.banner.getByRole('heading')).toHaveText(locale(lang).banner.title);
      expect(shop.requests.filter((path) => path.startsWith('/dist/'))).toEqual([
        '/dist/shopconsent.js',
        `/dist/shopconsent-banner-${lang}.js`,
      ]);
      expect(await dialogRan(page)).toBe(false);
      const fromCore = await shop.banner.ariaSnapshot();

      // Back from the preferences, the banner is the dialog's own, rendered by Preact.
      await shop.choose();
      expect(await dialogRan(page)).toBe(true);
      await shop.pressEscape();
      await expect(shop.banner).toBeVisible();
      expect(await shop.banner.ariaSnapshot()).toBe(fromCore);
      shop.expectSilent();
    });
  }

  test('Vietnamese: the sensitive-data note and the GPC sentence are on the first layer', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(navigator, 'globalPrivacyControl', { get: () => true }));
    const shop = await ShopConsentPage.open(page, { lang: 'vi', attributes: ATTRIBUTES });
    await expect(shop.banner.getByText(locale('vi').notice.sensitive)).toBeVisible();
    await expect(shop.banner.getByText(locale('vi').gpc.note)).toBeVisible();
    expect(await dialogRan(page)).toBe(false);
    shop.expectSilent();
  });

  test('a language switch on the banner downloads that language’s banner then, not before', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'lv', attributes: ATTRIBUTES });
    await expect(shop.banner).toHaveAttribute('lang', 'lv');
    await page.evaluate(() => window.ShopConsent?.setLanguage('mn'));
    await expect(shop.banner).toHaveAttribute('lang', 'mn');
    await expect(shop.banner.getByRole('heading')).toHaveText(locale('mn').banner.title);
    expect(shop.requests.filter((path) => path.startsWith('/dist/'))).toEqual([
      '/dist/shopconsent.js',
      '/dist/shopconsent-banner-lv.js',
      '/dist/shopconsent-banner-mn.js',
    ]);
    expect(await dialogRan(page)).toBe(false);
    shop.expectSilent();
  });

  test('when the banner’s own file cannot load, the dialog bundle shows the banner and the visitor decides', async ({
    page,
  }) => {
    await page.route('**/shopconsent-banner-*.js', (route) => route.fulfill({ status: 404, body: 'no' }));
    const shop = await ShopConsentPage.open(page, { lang: 'ky', attributes: ATTRIBUTES });
    await expect(shop.banner).toBeVisible();
    await expect(shop.banner.getByRole('heading')).toHaveText(locale('ky').banner.title);
    expect(await dialogRan(page)).toBe(true);
    const ours = shop.consoleErrors.filter((text) => text.startsWith('[ShopConsent]'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('could not load the banner');
    expect(ours[0]).toContain('/dist/shopconsent-banner-ky.js');
    await shop.button('reject-all').click();
    await expect(shop.banner).toHaveCount(0);
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(shop.pageErrors).toEqual([]);
  });

  test('Choose downloads the dialog and opens the preferences with focus inside', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'lv' });
    await expect(shop.banner).toBeFocused();
    await shop.choose();
    await expect(shop.preferences).toBeFocused();
    expect(shop.uiRequests()).toBe(1);
    shop.expectSilent();
  });

  test('once the banner shows and the page is idle, the dialog is downloaded ahead, not run', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await expect(shop.banner).toBeVisible();
    await expect.poll(() => shop.prefetched).toEqual(['/dist/shopconsent-ui.js']);
    expect(shop.uiRequests()).toBe(0);
    expect(await dialogRan(page)).toBe(false);
    shop.expectSilent();
  });

  test('a returning visitor downloads nothing ahead', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.rejectAll();
    shop.prefetched.length = 0;
    shop.requests.length = 0;
    await shop.reload();
    await shop.settle();
    await page.waitForTimeout(1500);
    expect(shop.prefetched).toEqual([]);
    expect(shop.requests.filter((path) => path.startsWith('/dist/'))).toEqual(['/dist/shopconsent.js']);
  });

  test('works on a page that requires Trusted Types, without a violation', async ({ page }) => {
    const CSP = "require-trusted-types-for 'script'; trusted-types shopconsent";
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { cspViolations: string[] }).cspViolations.push(event.violatedDirective);
      });
    });
    await page.route('**/trusted.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': CSP },
        body: hostPageHtml({ lang: 'vi', attributes: ATTRIBUTES }),
      }),
    );
    const shop = new ShopConsentPage(page);
    await page.goto('/trusted.html');
    await expect(shop.banner).toBeVisible();
    await shop.choose();
    await shop.rejectAll('preferences');
    expect(await shop.get()).toMatchObject({ purposes: { analytics: false, marketing: false } });
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    shop.expectSilent();
    // The policy is enforced: a plain string cannot become a script's source on this page.
    expect(
      await page.evaluate(() => {
        try {
          document.createElement('script').src = '/x.js';
          return 'allowed';
        } catch {
          return 'refused';
        }
      }),
    ).toBe('refused');
  });
});
