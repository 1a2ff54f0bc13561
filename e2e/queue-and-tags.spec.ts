import { expect, test } from '@playwright/test';
import { ShopPage } from './shop-page';

test.describe('shopConsentQueue', () => {
  test('functions queued before the tag get the API; later pushes run at once', async ({ page }) => {
    const shop = await ShopPage.open(page, {
      head: `<script>
        window.calls = [];
        (window.shopConsentQueue = window.shopConsentQueue || []).push(
          (api) => window.calls.push('first:' + typeof api.get),
          (api) => window.calls.push('second:' + api.has('necessary')),
        );
      </script>`,
    });
    expect(await page.evaluate(() => (window as unknown as { calls: string[] }).calls)).toEqual([
      'first:function',
      'second:true',
    ]);
    const later = await page.evaluate(() => {
      let got: unknown = null;
      (window.shopConsentQueue as Array<(api: unknown) => void>).push((api) => {
        got = typeof api;
      });
      return got;
    });
    expect(later).toBe('object');
    expect(shop.pageErrors).toEqual([]);
  });
});

test.describe('however the tag is included, there is one widget', () => {
  const cases: Array<[string, { tags: string[]; tagAtEndOfBody?: boolean }]> = [
    [
      'twice',
      { tags: ['<script src="/dist/shopconsent.js"></script>', '<script src="/dist/shopconsent.js"></script>'] },
    ],
    ['async', { tags: ['<script src="/dist/shopconsent.js" async></script>'] }],
    ['defer', { tags: ['<script src="/dist/shopconsent.js" defer></script>'] }],
    ['at the end of <body>', { tags: ['<script src="/dist/shopconsent.js"></script>'], tagAtEndOfBody: true }],
    [
      'injected late by a tag manager',
      {
        tags: [
          `<script>setTimeout(() => { const s = document.createElement('script'); s.src = '/dist/shopconsent.js'; document.head.append(s); }, 50);</script>`,
        ],
      },
    ],
  ];
  for (const [how, options] of cases) {
    test(`included ${how}`, async ({ page }) => {
      const shop = await ShopPage.open(page, options);
      await expect(shop.banner).toBeVisible();
      await shop.acceptAll();
      expect(await page.locator('#shopconsent-root').count()).toBe(1);
      expect(await shop.events('ready')).toHaveLength(1);
      expect(await shop.events('change')).toHaveLength(1);
      expect(shop.uiRequests()).toBe(1);
      expect(shop.pageErrors).toEqual([]);
    });
  }
});
