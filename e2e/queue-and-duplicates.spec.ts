import { expect, test } from '@playwright/test';
import { type HostPageOptions, ShopConsentPage, scriptTag, texts } from './ShopConsentPage';

type Calls = { calls: string[] };
const calls = (shop: ShopConsentPage) => shop.page.evaluate(() => (window as unknown as Calls).calls);

test.describe('window.shopConsentQueue', () => {
  test('functions queued before the tag are called with the API, once, and can listen for ready', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      head: `<script>
        window.calls = [];
        window.shopConsentQueue = [
          (api) => {
            window.calls.push('first:' + (api === window.ShopConsent) + ':' + api.get());
            api.on('ready', (detail) => window.calls.push('ready:' + detail.state));
          },
          (api) => window.calls.push('second:' + api.has('necessary') + ':' + api.has('analytics')),
        ];
      </script>`,
    });
    await expect(shop.banner).toBeVisible();
    expect(await calls(shop)).toEqual(['first:true:null', 'second:true:false', 'ready:null']);
    shop.expectSilent();
  });

  test('functions pushed after the tag has loaded run at once', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      lang: 'lv',
      body: `<script>
        window.calls = [];
        (window.shopConsentQueue = window.shopConsentQueue || []).push((api) => window.calls.push('inline:' + typeof api.acceptAll));
        window.calls.push('after push');
      </script>`,
    });
    expect(await calls(shop)).toEqual(['inline:function', 'after push']);
    const ranBeforePushReturned = await page.evaluate(() => {
      let ran = false;
      (window.shopConsentQueue as Array<(api: Window['ShopConsent']) => void>).push((api) => {
        ran = api === window.ShopConsent;
        api.acceptAll();
      });
      return ran;
    });
    expect(ranBeforePushReturned).toBe(true);
    expect((await shop.get())?.source).toBe('api');
    await expect(shop.banner).toHaveCount(0);
    shop.expectSilent();
  });

  test('functions pushed while a slow async tag is still loading are not lost', async ({ page }) => {
    await page.route('**/dist/shopconsent.js', async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.fulfill({ response });
    });
    const shop = await ShopConsentPage.open(page, {
      loading: 'async',
      body: `<script>
        window.calls = ['loaded yet: ' + !!window.ShopConsent];
        (window.shopConsentQueue = window.shopConsentQueue || []).push((api) => {
          window.calls.push('queued:' + api.get());
          api.on('change', (detail) => window.calls.push('change:' + detail.source));
        });
      </script>`,
    });
    await expect(shop.banner).toBeVisible();
    await shop.rejectAll();
    expect(await calls(shop)).toEqual(['loaded yet: false', 'queued:null', 'change:banner']);
    shop.expectSilent();
  });

  test('a queued open() is not lost: an undecided visitor gets the preferences, then the banner', async ({ page }) => {
    // E.g. a "manage cookies" page that opens the preferences for every visitor.
    const shop = await ShopConsentPage.open(page, {
      head: '<script>window.shopConsentQueue = [(api) => api.open()];</script>',
    });
    await expect(shop.preferences).toBeVisible({ timeout: 2000 });
    await expect(shop.banner).toHaveCount(0);
    await shop.closePreferences();
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    shop.expectSilent();
  });

  test('a queued function that throws, or a queued non-function, does not stop the others', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      head: `<script>
        window.calls = [];
        window.shopConsentQueue = [
          () => { throw new Error('queued bug'); },
          'not a function',
          (api) => window.calls.push('still called:' + typeof api.get),
        ];
      </script>`,
    });
    expect(await calls(shop)).toEqual(['still called:function']);
    await shop.acceptAll();
    expect(shop.pageErrors).toEqual([]);
    expect(shop.consoleErrors.some((e) => e.includes('queued bug') || e.includes('shopConsentQueue'))).toBe(true);
  });
});

/** Exactly one widget: one host element, one ready, and a decision that works once. */
const expectOneWorkingWidget = async (shop: ShopConsentPage, lang = 'en') => {
  await expect(shop.banner).toBeVisible();
  await expect(shop.banner).toHaveAttribute('lang', lang);
  await expect(shop.root).toHaveCount(1);
  await shop.choose();
  await shop.toggle('analytics');
  await shop.save();
  await expect(shop.root).toHaveCount(1);
  expect(await shop.details('ready')).toEqual([{ state: null }]);
  expect(await shop.events('change')).toHaveLength(1);
  expect(await shop.events('open')).toHaveLength(2);
  expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: false });
  expect(await shop.cookie()).toBeDefined();
  expect(shop.uiRequests()).toBe(1);
  shop.expectNoErrors();
};

test.describe('however the tag is included, there is one widget', () => {
  const cases: Array<[string, HostPageOptions]> = [
    ['once with async', { loading: 'async' }],
    ['once with defer', { loading: 'defer' }],
    ['once at the end of <body>', { placement: 'body-end' }],
    [
      'by a tag manager, after the page has loaded',
      {
        tags: {
          head: [
            `<script>addEventListener('load', () => { const s = document.createElement('script'); s.src = '/dist/shopconsent.js'; document.head.append(s); });</script>`,
          ],
        },
      },
    ],
  ];
  for (const [how, options] of cases) {
    test(`included ${how}`, async ({ page }) => {
      const shop = await ShopConsentPage.open(page, options);
      await expectOneWorkingWidget(shop);
      expect(shop.warnings).toEqual([]);
    });
  }

  test('included twice: the first tag wins, one warning', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      tags: { head: [scriptTag({ lang: 'lv' }), scriptTag({ lang: 'vi' })] },
    });
    await expectOneWorkingWidget(shop, 'lv');
    await expect(shop.root).toHaveCount(1);
    expect(await page.locator('script[src="/dist/shopconsent.js"]').count()).toBe(2);
    expect(shop.widgetWarnings()).toHaveLength(1);
  });

  test('included four times: in <head>, with async, with defer and at the end of <body>', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      tags: {
        head: [scriptTag({ lang: 'ky' }), scriptTag({ lang: 'ky' }, 'async'), scriptTag({ lang: 'ky' }, 'defer')],
        bodyEnd: [scriptTag({ lang: 'ky' })],
      },
    });
    await expect(shop.title('banner')).toHaveText(texts('ky').banner.title);
    await expectOneWorkingWidget(shop, 'ky');
  });

  test('included with defer and at the end of <body>, nothing else', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      tags: { head: [scriptTag({}, 'defer')], bodyEnd: [scriptTag({})] },
    });
    await expectOneWorkingWidget(shop);
  });
});
