import { type BrowserContext, type Cookie, expect, test } from '@playwright/test';
import { type ConsentState, ShopConsentPage, texts } from './ShopConsentPage';

// A shop on a subdomain, www.shop.localhost: Chromium resolves every *.localhost name to this machine, so
// cookies can sit on the host, on its parent domain shop.localhost, or be host-only, as on a real shop.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://www.shop.localhost:${PORT}`;
test.use({ baseURL: ORIGIN });

const CONFIG = {
  purposes: [
    { id: 'analytics', services: ['ga4'], cookies: ['stats_visit'] },
    { id: 'marketing', services: ['meta-pixel', 'tiktok-pixel'] },
  ],
};

/** The cookies a shop's tags leave behind: on the parent domain, on the host itself, host-only. */
const plantCookies = (context: BrowserContext, extra: Parameters<BrowserContext['addCookies']>[0] = []) =>
  context.addCookies([
    { name: '_ga', value: 'GA1.1.1', domain: '.shop.localhost', path: '/' },
    { name: '_ga_ABC123', value: 'GS1.1', domain: '.shop.localhost', path: '/' },
    { name: '_gid', value: 'GA1.1.2', domain: '.www.shop.localhost', path: '/' },
    { name: 'stats_visit', value: '1', url: `${ORIGIN}/` },
    { name: '_fbp', value: 'fb.1.1', domain: '.shop.localhost', path: '/' },
    { name: '_ttp', value: 'tt', domain: '.shop.localhost', path: '/' },
    { name: 'cart', value: '42', domain: '.shop.localhost', path: '/' },
    { name: 'session', value: 's', url: `${ORIGIN}/` },
    ...extra,
  ]);

const where = (cookie: Cookie) => `${cookie.name}@${cookie.domain}${cookie.path}`;
const remaining = async (context: BrowserContext) =>
  (await context.cookies())
    .filter((cookie) => cookie.name !== 'shopconsent')
    .map(where)
    .sort();

type ChangeDetail = { state: ConsentState | null; changed: string[]; source: string };

test('withdrawing analytics in the preferences deletes its cookies on the host and the parent domain', async ({
  page,
  context,
}) => {
  const shop = await ShopConsentPage.open(page, { config: CONFIG });
  await shop.acceptAll();
  await plantCookies(context);
  await page.locator('#privacy-settings').click();
  await shop.toggle('analytics');
  await shop.save();
  await expect
    .poll(() => remaining(context))
    .toEqual([
      '_fbp@.shop.localhost/',
      '_ttp@.shop.localhost/',
      'cart@.shop.localhost/',
      'session@www.shop.localhost/',
    ]);
  expect((await shop.cookie())?.value).toContain('analytics:0');
  const change = (await shop.details<ChangeDetail>('change')).at(-1);
  expect(change).toMatchObject({ changed: ['analytics'], source: 'preferences' });
  expect(change?.state?.purposes).toEqual({ necessary: true, analytics: false, marketing: true });
  shop.expectSilent();
});

test('withdrawing through the API, and a reset, delete what was granted before', async ({ page, context }) => {
  const shop = await ShopConsentPage.open(page, { config: CONFIG });
  await page.evaluate(() => window.ShopConsent.acceptAll());
  await plantCookies(context);
  await page.evaluate(() => window.ShopConsent.set({ marketing: false }));
  await expect
    .poll(() => remaining(context))
    .toEqual([
      '_ga@.shop.localhost/',
      '_ga_ABC123@.shop.localhost/',
      '_gid@.www.shop.localhost/',
      'cart@.shop.localhost/',
      'session@www.shop.localhost/',
      'stats_visit@www.shop.localhost/',
    ]);
  await page.evaluate(() => window.ShopConsent.reset());
  await expect.poll(() => remaining(context)).toEqual(['cart@.shop.localhost/', 'session@www.shop.localhost/']);
  expect((await shop.details<ChangeDetail>('change')).at(-1)).toMatchObject({
    state: null,
    changed: ['analytics'],
    source: 'reset',
  });
  shop.expectSilent();
});

test('a decision that withdraws nothing deletes nothing', async ({ page, context }) => {
  const shop = await ShopConsentPage.open(page, { config: CONFIG });
  await plantCookies(context);
  await shop.rejectAll();
  await page.evaluate(() => window.ShopConsent.set({ analytics: true }));
  await page.waitForLoadState('networkidle');
  expect(await remaining(context)).toHaveLength(8);
  // Deleting is the extras' job: they were not even fetched.
  expect(shop.requests.filter((path) => path.endsWith('/shopconsent-extras.js'))).toEqual([]);
  shop.expectSilent();
});

test('a withdrawal in another tab deletes the cookies that only that tab can see', async ({ context }) => {
  const shopTab = await ShopConsentPage.open(await context.newPage(), { config: CONFIG });
  await shopTab.acceptAll();
  // The account pages keep their own analytics cookie under /account, which /shop.html never sees.
  const accountTab = await ShopConsentPage.open(await context.newPage(), { name: 'account/orders', config: CONFIG });
  await accountTab.settle();
  await plantCookies(context, [{ name: '_ga', value: 'GA1.1.9', domain: '.shop.localhost', path: '/account' }]);
  await shopTab.page.evaluate(() => window.ShopConsent.set({ analytics: false }));
  await expect.poll(() => accountTab.get()).toMatchObject({ source: 'sync', purposes: { analytics: false } });
  await expect
    .poll(() => remaining(context))
    .toEqual([
      '_fbp@.shop.localhost/',
      '_ttp@.shop.localhost/',
      'cart@.shop.localhost/',
      'session@www.shop.localhost/',
    ]);
  shopTab.expectSilent();
  accountTab.expectSilent();
});

test('the preferences name the services under their purpose', async ({ page }) => {
  const shop = await ShopConsentPage.open(page, { lang: 'lv', config: CONFIG });
  await shop.choose();
  const line = (texts('lv') as unknown as { purpose: { services: string } }).purpose.services;
  const analytics = shop.preferences.locator('li', { has: page.locator('[data-purpose="analytics"]') });
  const marketing = shop.preferences.locator('li', { has: page.locator('[data-purpose="marketing"]') });
  await expect(analytics).toContainText(line.replace('{{services}}', 'Google Analytics 4'));
  await expect(marketing).toContainText(
    line.replace('{{services}}', new Intl.ListFormat('lv', { type: 'unit' }).format(['Meta Pixel', 'TikTok Pixel'])),
  );
  await expect(shop.preferences.locator('li', { has: page.locator('[data-purpose="necessary"]') })).not.toContainText(
    line.replace('{{services}}', ''),
  );
  shop.expectSilent();
});

test('an unknown service gives one warning naming it; the known ones still count', async ({ page, context }) => {
  const shop = await ShopConsentPage.open(page, {
    config: { purposes: ['analytics', { id: 'marketing', services: ['meta-pixel', 'criteo'] }] },
  });
  await shop.acceptAll();
  // The dialog reads the purposes' services when it loads, and warns then.
  await page.evaluate(() => window.ShopConsent.open());
  await expect(shop.preferences).toBeVisible();
  await shop.closePreferences();
  await plantCookies(context);
  await page.evaluate(() => window.ShopConsent.set({ marketing: false }));
  await expect.poll(() => remaining(context)).not.toContain('_fbp@.shop.localhost/');
  expect(shop.widgetWarnings()).toHaveLength(1);
  expect(shop.widgetWarnings()[0]).toContain('purposes["marketing"].services: "criteo"');
  shop.expectNoErrors();
});
