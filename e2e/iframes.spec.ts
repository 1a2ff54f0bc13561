import { expect, type Page, test } from '@playwright/test';
import { hostPageHtml, LANGS, type Lang, ShopConsentPage, texts } from './ShopConsentPage';

/** The placeholder strings of `locales/<lang>.json`. */
const embed = (lang: Lang) =>
  (texts(lang) as unknown as { embed: { text: string; load: string; settings: string } }).embed;
const VIDEO_URL = 'https://video.example/embed/abc';
const VIDEO = `<iframe id="video" width="560" height="315" title="How we pack your order" data-consent="marketing"
  data-src="${VIDEO_URL}" allow="fullscreen"></iframe><p id="after">Text after the video</p>`;

const placeholder = (page: Page) => page.locator('shopconsent-embed');
const loadButton = (page: Page) => placeholder(page).locator('[data-action="load"]');
const settingsLink = (page: Page) => placeholder(page).locator('[data-action="preferences"]');

test.describe('gated iframes', () => {
  let videoRequests = 0;

  test.beforeEach(async ({ page }) => {
    videoRequests = 0;
    await page.route('https://video.example/**', (route) => {
      videoRequests++;
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>video</title><p>playing</p>' });
    });
  });

  for (const lang of LANGS) {
    test(`an undecided visitor sees a placeholder in ${lang} instead of the iframe, which loads nothing`, async ({
      page,
    }) => {
      const shop = await ShopConsentPage.open(page, { lang, body: VIDEO });
      await expect(shop.banner).toBeVisible();
      await expect(placeholder(page)).toBeVisible();
      const strings = embed(lang);
      await expect(placeholder(page).locator('p')).toHaveText(strings.text.replace('{{site}}', 'video.example'));
      await expect(loadButton(page)).toHaveText(strings.load);
      await expect(settingsLink(page)).toHaveText(strings.settings);
      await expect(placeholder(page).getByRole('group', { name: 'How we pack your order' })).toHaveAttribute(
        'lang',
        lang,
      );
      await expect(page.locator('#video')).toBeHidden();
      expect(await page.locator('#video').getAttribute('src')).toBeNull();
      expect(videoRequests).toBe(0);
      shop.expectSilent();
    });
  }

  test('the placeholder takes the iframe’s place: nothing on the page moves when the iframe loads', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { body: VIDEO });
    await shop.rejectAll();
    const before = await placeholder(page).boundingBox();
    const textBefore = await page.locator('#after').boundingBox();
    await loadButton(page).click();
    await expect(placeholder(page)).toHaveCount(0);
    await expect(page.locator('#video')).toBeVisible();
    const iframe = await page.locator('#video').boundingBox();
    expect(iframe).toEqual(before);
    expect(await page.locator('#after').boundingBox()).toEqual(textBefore);
    shop.expectSilent();
  });

  test('"Allow and load" grants the iframe’s purpose as the visitor’s choice and loads it', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { body: VIDEO });
    await expect(shop.banner).toBeVisible();
    await loadButton(page).click();
    await expect(page.frameLocator('#video').locator('p')).toHaveText('playing');
    expect(videoRequests).toBe(1);
    expect(await page.locator('#video').getAttribute('src')).toBe(VIDEO_URL);
    const state = await shop.get();
    expect(state).toMatchObject({
      source: 'preferences',
      purposes: { necessary: true, analytics: false, marketing: true },
    });
    expect(await shop.details('change')).toEqual([{ state, changed: ['marketing'], source: 'preferences' }]);
    // A decision was made, so the banner has gone; the cookie holds it.
    await expect(shop.banner).toHaveCount(0);
    expect((await shop.cookie())?.value).toContain('marketing:1');
    shop.expectSilent();
  });

  test('the placeholder’s link opens the preferences', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'lv', body: VIDEO });
    await shop.rejectAll();
    await settingsLink(page).click();
    await expect(shop.preferences).toBeVisible();
    await expect(shop.purposeSwitch('marketing')).not.toBeChecked();
    await shop.toggle('marketing');
    await shop.save();
    await expect(page.frameLocator('#video').locator('p')).toHaveText('playing');
    shop.expectSilent();
  });

  test('a returning visitor without marketing gets the placeholder from the core and its extras, without the dialog', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'vi', body: VIDEO });
    await shop.rejectAll();
    shop.requests.length = 0;
    await shop.reload();
    await shop.settle();
    await expect(loadButton(page)).toHaveText(embed('vi').load);
    expect(shop.uiRequests()).toBe(0);
    expect(shop.requests.filter((path) => path.endsWith('/dist/shopconsent-extras.js'))).toHaveLength(1);
    await loadButton(page).click();
    await expect(page.frameLocator('#video').locator('p')).toHaveText('playing');
    expect(shop.uiRequests()).toBe(0);
    shop.expectSilent();
  });

  test('a returning visitor who allowed marketing gets the iframe at once, with no placeholder', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { body: VIDEO });
    await shop.acceptAll();
    // The first page view loads it on the decision; count from the reload only once that has arrived.
    await expect(page.frameLocator('#video').locator('p')).toHaveText('playing');
    videoRequests = 0;
    await shop.reload();
    await expect(page.frameLocator('#video').locator('p')).toHaveText('playing');
    await expect(placeholder(page)).toHaveCount(0);
    expect(videoRequests).toBe(1);
    shop.expectSilent();
  });

  test('withdrawing the purpose unloads the iframe and brings the placeholder back', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { body: VIDEO });
    await shop.acceptAll();
    await expect(page.frameLocator('#video').locator('p')).toHaveText('playing');
    await page.evaluate(() => window.ShopConsent.set({ marketing: false }));
    await expect(placeholder(page)).toBeVisible();
    await expect(page.locator('#video')).toBeHidden();
    expect(await page.locator('#video').getAttribute('src')).toBeNull();
    await expect.poll(() => page.frames().map((frame) => frame.url())).not.toContain(VIDEO_URL);
    shop.expectSilent();
  });

  test('follows the language the visitor picks, and takes the shop’s own texts', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      lang: 'en',
      body: VIDEO,
      config: { texts: { lv: { 'embed.load': 'Rādīt video' } } },
    });
    await expect(loadButton(page)).toHaveText(embed('en').load);
    await page.evaluate(() => window.ShopConsent.setLanguage('lv'));
    await expect(loadButton(page)).toHaveText('Rādīt video');
    await expect(settingsLink(page)).toHaveText(embed('lv').settings);
    await page.evaluate(() => window.ShopConsent.setLanguage('ky'));
    await expect(loadButton(page)).toHaveText(embed('ky').load);
    shop.expectSilent();
  });

  test('an iframe the page adds later is held back too', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'mn' });
    await shop.rejectAll();
    await page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), VIDEO);
    await expect(loadButton(page)).toHaveText(embed('mn').load);
    expect(videoRequests).toBe(0);
    await loadButton(page).click();
    await expect(page.frameLocator('#video').locator('p')).toHaveText('playing');
    shop.expectSilent();
  });

  test('works under a strict Content-Security-Policy (no inline styles), styled as designed', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective}`);
      });
    });
    const body = hostPageHtml({ body: VIDEO });
    await page.route('**/csp.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: {
          'content-security-policy':
            "default-src 'self'; script-src 'self'; style-src 'self'; frame-src https://video.example",
        },
        body,
      }),
    );
    await page.goto('/csp.html');
    await expect(loadButton(page)).toBeVisible();
    const look = await loadButton(page).evaluate((button) => {
      const box = button.parentElement as HTMLElement;
      return {
        box: getComputedStyle(box).backgroundColor,
        button: getComputedStyle(button).backgroundColor,
        text: getComputedStyle(button).color,
      };
    });
    expect(look).toEqual({ box: 'rgb(243, 244, 246)', button: 'rgb(29, 78, 216)', text: 'rgb(255, 255, 255)' });
    await loadButton(page).click();
    await expect(page.frameLocator('#video').locator('p')).toHaveText('playing');
    expect(violations).toEqual([]);
  });
});
