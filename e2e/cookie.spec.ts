import { expect, test } from '@playwright/test';
import { COOKIE_NAME, ShopConsentPage } from './ShopConsentPage';

const DAY = 86_400;
/** RFC 6265 cookie-octet: no control characters, space, double quote, comma, semicolon or backslash. */
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/;

const daysLeft = (expires: number | undefined, decidedAtSeconds: number) => ((expires ?? 0) - decidedAtSeconds) / DAY;

test.describe('the shopconsent cookie', () => {
  test('is written on a decision: path /, SameSite=Lax, host-only, readable by the page, lasting 182 days', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page);
    expect(await shop.cookie()).toBeUndefined();
    const clicked = Date.now() / 1000;
    await shop.acceptAll();
    const cookie = await shop.cookie();
    expect(cookie).toBeDefined();
    expect(cookie?.name).toBe(COOKIE_NAME);
    expect(cookie?.path).toBe('/');
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.domain).toBe(new URL(page.url()).hostname);
    expect(cookie?.httpOnly).toBe(false);
    expect(cookie?.secure).toBe(false);
    const days = daysLeft(cookie?.expires, clicked);
    expect(days).toBeGreaterThan(181.99);
    expect(days).toBeLessThan(182.01);
    shop.expectSilent();
  });

  test('data-expires-days sets how long it lasts', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { 'expires-days': '30' } });
    const clicked = Date.now() / 1000;
    await shop.rejectAll();
    const days = daysLeft((await shop.cookie())?.expires, clicked);
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
    shop.expectSilent();
  });

  test('its value is a plain cookie value under 300 bytes, in every language and layer', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'vi', attributes: { revision: '2026-05' } });
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    const value = (await shop.cookie())?.value ?? '';
    expect(value).toMatch(COOKIE_OCTETS);
    expect(value).not.toMatch(/["',; ]/);
    expect(Buffer.byteLength(value)).toBeLessThan(300);
    // What the page itself reads is the same, unquoted and unescaped.
    const fromPage = await page.evaluate(
      (name) =>
        document.cookie
          .split('; ')
          .find((pair) => pair.startsWith(`${name}=`))
          ?.slice(name.length + 1),
      COOKIE_NAME,
    );
    expect(fromPage).toBe(value);
    shop.expectSilent();
  });

  test('stays under 300 bytes with eight purposes of the longest ids and the longest revision', async ({ page }) => {
    const ids = Array.from({ length: 7 }, (_, i) => `purpose${i}${'x'.repeat(16)}`);
    expect(ids.every((id) => id.length === 24)).toBe(true);
    const shop = await ShopConsentPage.open(page, {
      lang: 'lv',
      attributes: { revision: 'R'.repeat(32) },
      config: { purposes: ids.map((id) => ({ id, label: { lv: `Mērķis ${id}`, en: `Purpose ${id}` } })) },
    });
    await shop.choose();
    await expect(shop.switches).toHaveCount(8);
    await shop.toggle(ids[3]);
    await shop.save();
    const value = (await shop.cookie())?.value ?? '';
    expect(value).toMatch(COOKIE_OCTETS);
    expect(Buffer.byteLength(value)).toBeLessThan(300);
    expect((await shop.get())?.purposes[ids[3]]).toBe(true);
    shop.expectSilent();
  });

  test('after a decision, a reload shows no banner and requests nothing but the core', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    const lang = await shop.banner.getAttribute('lang');
    await shop.choose();
    await shop.toggle('marketing');
    await shop.save();
    const decided = await shop.get();
    expect(shop.uiRequests()).toBe(1);
    // A first visit needs the core, the banner in the page's language and the dialog; the extras only
    // for what this page does not use.
    expect(shop.requests.filter((path) => path.startsWith('/dist/'))).toEqual([
      '/dist/shopconsent.js',
      `/dist/shopconsent-banner-${lang}.js`,
      '/dist/shopconsent-ui.js',
    ]);

    shop.requests.length = 0;
    await shop.reload();
    await shop.settle();
    expect(await shop.get()).toEqual(decided);
    expect(await shop.details('ready')).toEqual([{ state: decided }]);
    await expect(shop.banner).toHaveCount(0);
    await expect(shop.root).toHaveCount(0);
    expect(shop.requests.filter((path) => path.startsWith('/dist/'))).toEqual(['/dist/shopconsent.js']);
    shop.expectSilent();
  });

  test('a decision made on a page deep in the shop holds on every other page (path /)', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { name: 'products/shoes/red-sneakers' });
    await shop.rejectAll();
    expect(new URL(page.url()).pathname).toBe('/products/shoes/red-sneakers.html');
    const decided = await shop.get();
    await shop.goto({ name: 'index' });
    await shop.settle();
    await expect(shop.banner).toHaveCount(0);
    expect(await shop.get()).toEqual(decided);
    shop.expectSilent();
  });

  test('a bad data-expires-days warns once, naming it and its value, and the default 182 days applies', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { 'expires-days': 'soon' } });
    const clicked = Date.now() / 1000;
    await shop.acceptAll();
    const days = daysLeft((await shop.cookie())?.expires, clicked);
    expect(days).toBeGreaterThan(181.99);
    expect(days).toBeLessThan(182.01);
    const warnings = shop.widgetWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('data-expires-days');
    expect(warnings[0]).toContain('"soon"');
    shop.expectNoErrors();
  });

  test('a raised data-revision asks again', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { revision: '2026-01' } });
    await shop.acceptAll();
    await shop.goto({ attributes: { revision: '2026-05' } });
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    expect(await shop.has('analytics')).toBe(false);
    expect(await shop.details('ready')).toEqual([{ state: null }]);
    await shop.rejectAll();
    expect(await shop.get()).toMatchObject({ revision: '2026-05', purposes: { analytics: false } });
    shop.expectSilent();
  });

  test('a purpose added since the decision asks again', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { purposes: 'analytics' } });
    await shop.acceptAll();
    await shop.goto({ attributes: { purposes: 'analytics marketing' } });
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    shop.expectSilent();
  });

  test('a decision older than data-expires-days asks again, even while the browser still has it', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.acceptAll();
    // The same decision dated three days ago (docs/cookie-format.md: the third field is the time, in seconds).
    const fields = ((await shop.cookie())?.value ?? '').split('|');
    fields[2] = String(Math.floor(Date.now() / 1000) - 3 * DAY);
    await shop.setCookie(fields.join('|'));
    await shop.goto({ attributes: { 'expires-days': '2' } });
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    shop.expectSilent();
  });

  test('a garbage cookie means undecided: the banner shows, nothing breaks', async ({ page }) => {
    // Fourteen page views in one test.
    test.slow();
    const shop = new ShopConsentPage(page);
    for (const value of [
      'garbage',
      '%7B%22analytics%22%3Atrue%7D',
      '',
      '1|k3v9x0q2m7a1b5c8d4e6|1795875725|1|lv|banner|necessary:0.analytics:1.marketing:1',
      '2|k3v9x0q2m7a1b5c8d4e6|1795875725|1|lv|banner|necessary:1.analytics:1.marketing:1',
      `1|k3v9x0q2m7a1b5c8d4e6|${Math.floor(Date.now() / 1000)}|1|lv|banner|necessary:1.analytics:1.analytics:0.marketing:1`,
      // An older format (the value of a pre-release build) and a far-future one: asked again, as documented.
      '0|k3v9x0q2m7a1b5c8d4e6|1795875725|lv|necessary:1.analytics:1.marketing:1',
      '99|k3v9x0q2m7a1b5c8d4e6|1795875725|1|lv|banner|necessary:1.analytics:1.marketing:1|more',
      // Type-confused: booleans, JSON, numbers where the format has flags, text where it has seconds.
      '1|k3v9x0q2m7a1b5c8d4e6|1795875725|1|lv|banner|necessary:true.analytics:true.marketing:true',
      '{"necessary":true,"analytics":true,"marketing":true}',
      '1|k3v9x0q2m7a1b5c8d4e6|yesterday|1|lv|banner|necessary:1.analytics:1.marketing:1',
      '1|k3v9x0q2m7a1b5c8d4e6|1795875725|1|ru|banner|necessary:1.analytics:1.marketing:1',
      '12345',
      // Oversized: a valid head followed by kilobytes of purposes.
      `1|k3v9x0q2m7a1b5c8d4e6|1795875725|1|lv|banner|necessary:1${'.analytics:1'.repeat(300)}`,
    ]) {
      await shop.setCookie(value);
      await shop.goto();
      await expect(shop.banner, `cookie ${JSON.stringify(value)}`).toBeVisible();
      expect(await shop.get()).toBeNull();
      expect(await shop.has('analytics')).toBe(false);
      expect(await shop.details('ready')).toEqual([{ state: null }]);
    }
    await shop.rejectAll();
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: false, marketing: false });
    await shop.reload();
    await shop.settle();
    await expect(shop.banner).toHaveCount(0);
    shop.expectSilent();
  });

  test('a truncated cookie means undecided: the banner shows, nothing breaks', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.acceptAll();
    const value = (await shop.cookie())?.value ?? '';
    for (const length of [value.length - 1, Math.floor(value.length / 2), 3]) {
      await shop.setCookie(value.slice(0, length));
      await shop.reload();
      await expect(shop.banner, `cut to ${length} characters`).toBeVisible();
      expect(await shop.get()).toBeNull();
      expect(await shop.details('ready')).toEqual([{ state: null }]);
    }
    shop.expectSilent();
  });
});
