import { expect, test } from '@playwright/test';
import { ShopConsentPage, texts } from './ShopConsentPage';

/**
 * A tag pasted with every setting wrong, and a config object with every key wrong: one warning each,
 * naming the setting as the shop wrote it and the value, the defaults used, and a widget that works.
 * (The parser's full table of bad values is in src/core/config.test.ts and dialog-settings.test.ts.)
 */

const BAD_ATTRIBUTES: Record<string, string> = {
  lang: 'klingon',
  'default-lang': 'de',
  purposes: 'analytics,tracking',
  revision: 'two words',
  'expires-days': '-5',
  'cookie-domain': 'other.example',
  'consent-mode': 'yes',
  theme: 'purple',
  layout: 'sidebar',
  'floating-button': 'sometimes',
  'sensitive-note': 'maybe',
  'policy-url': 'javascript:alert(document.cookie)',
  'receipt-url': 'ftp://shop.lv/receipts',
};

test('every attribute wrong: one warning each naming it and its value, the defaults, a working widget', async ({
  page,
}) => {
  const shop = await ShopConsentPage.open(page, { htmlLang: 'lv', attributes: BAD_ATTRIBUTES });
  await expect(shop.banner).toBeVisible();
  // The defaults: language from <html lang>, no policy link, the bar, the default purposes.
  await expect(shop.title()).toHaveText(texts('lv').banner.title);
  await expect(shop.banner.getByRole('link')).toHaveCount(0);
  await expect(page.locator('#shopconsent-root')).toHaveAttribute('data-layout', 'bar');
  await shop.choose();
  expect(await shop.switches.evaluateAll((all) => all.map((s) => s.getAttribute('data-purpose')))).toEqual([
    'necessary',
    'analytics',
  ]);

  const warnings = shop.widgetWarnings();
  for (const [name, value] of Object.entries(BAD_ATTRIBUTES)) {
    const about = warnings.filter((w) => w.includes(`data-${name}:`));
    expect(about, `one warning about data-${name}`).toHaveLength(1);
    expect(about[0]).toContain(name === 'purposes' ? '"tracking"' : JSON.stringify(value));
  }
  expect(warnings).toHaveLength(Object.keys(BAD_ATTRIBUTES).length);

  await shop.save();
  const cookie = await shop.cookie();
  expect(cookie?.domain).toBe('127.0.0.1');
  expect((cookie?.expires ?? 0) - Date.now() / 1000).toBeGreaterThan(181 * 86400);
  expect((await shop.get())?.revision).toBe('1');
  await shop.reload();
  await shop.settle();
  await expect(shop.banner).toHaveCount(0);
  expect(shop.pageErrors).toEqual([]);
  expect(shop.consoleErrors).toEqual([]);
});

test('a config object with every key of the wrong type: warnings, defaults, a working widget', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, {
    htmlLang: 'vi',
    config: {
      shop: { name: 'Mitexco' },
      policyUrl: 42,
      lang: ['vi'],
      purposes: { analytics: true },
      revision: { v: 2 },
      expiresDays: 'forever',
      cookieDomain: true,
      consentMode: 1,
      theme: null,
      receiptUrl: 'data:text/plain,x',
      texts: 'Xin chào',
      defaultLang: 5,
      sensitiveNote: [],
      operator: 'Mitexco',
      layout: 7,
      floatingButton: 'yes',
      colour: 'red',
    },
  });
  await expect(shop.banner).toBeVisible();
  await expect(shop.title()).toHaveText(texts('vi').banner.title);
  const warnings = shop.widgetWarnings();
  for (const key of [
    'shop',
    'policyUrl',
    'lang',
    'purposes',
    'revision',
    'expiresDays',
    'cookieDomain',
    'consentMode',
    'theme',
    'receiptUrl',
    'texts',
    'defaultLang',
    'sensitiveNote',
    'operator',
    'layout',
    'floatingButton',
    'colour',
  ]) {
    expect(
      warnings.filter((w) => w.startsWith(`[ShopConsent] ${key}`)),
      `a warning about ${key}`,
    ).toHaveLength(1);
  }
  await shop.acceptAll();
  expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
  expect(shop.pageErrors).toEqual([]);
});

test('the shop’s texts are shown as text, never run as HTML', async ({ page }) => {
  const html = '<img src=x onerror="window.injected=1"><b>Bold</b>';
  const shop = await ShopConsentPage.open(page, {
    lang: 'en',
    attributes: { shop: '<script>window.injected=2</script>Shop' },
    config: {
      texts: { en: { 'banner.title': html } },
      purposes: ['analytics', { id: 'loyalty', label: { en: html }, description: { en: '<i>points</i>' } }],
      operator: { name: html, id: '<svg onload="window.injected=3">' },
    },
  });
  await expect(shop.title()).toHaveText(html);
  await expect(shop.banner).toContainText('<script>window.injected=2</script>Shop');
  await shop.choose();
  await expect(shop.preferences).toContainText(html);
  await expect(shop.preferences).toContainText('<i>points</i>');
  await expect(shop.preferences).toContainText('<svg onload="window.injected=3">');
  expect(await shop.root.locator('img, b, i, script, [onerror], [onload]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
  shop.expectNoErrors();
});
