import { expect, type Page, test } from '@playwright/test';
import { axe, expectNoAxeViolations } from './dialog-checks';
import { type Lang, ShopConsentPage, texts } from './ShopConsentPage';

/**
 * The five demo shops of `demo/`, each as its profile in the shared compliance notes (part D) describes
 * it. They load the built tag from /shopconsent.js, as `npm start` serves it; scripts/serve.mjs serves
 * dist/ there too.
 */
interface DemoShop {
  name: string;
  path: string;
  lang: Lang;
  /** How the shop's prices are written: the local currency as Intl formats it in the shop's language. */
  price: Intl.NumberFormatOptions;
  /** The purposes the shop asks about besides necessary, in its order. */
  purposes: string[];
  /** Names the shop gives a purpose in place of ours. */
  ownLabels?: Record<string, string>;
  /** Each stand-in tag on the page: the purpose it waits for and the cookies it sets. */
  tags: Record<string, { purpose: string; cookies: string[] }>;
}

const SHOPS: DemoShop[] = [
  {
    name: 'Mimico (mn)',
    path: '/demo/mimico/',
    lang: 'mn',
    price: { style: 'currency', currency: 'MNT', maximumFractionDigits: 0 },
    purposes: ['marketing', 'customer-service'],
    tags: {
      'meta-pixel': { purpose: 'marketing', cookies: ['_fbp'] },
      chat: { purpose: 'customer-service', cookies: ['mimico_chat'] },
    },
  },
  {
    name: 'Шырдак (ky)',
    path: '/demo/shyrdak/',
    lang: 'ky',
    price: { style: 'currency', currency: 'KGS', maximumFractionDigits: 0 },
    purposes: ['analytics', 'marketing', 'personalization'],
    tags: {
      ga4: { purpose: 'analytics', cookies: ['_ga', '_ga_SHYRDAK'] },
      'meta-pixel': { purpose: 'marketing', cookies: ['_fbp'] },
      recommendations: { purpose: 'personalization', cookies: ['recently_viewed'] },
    },
  },
  {
    name: 'migpromo.kz (ky, Kazakhstan)',
    path: '/demo/migpromo/',
    lang: 'ky',
    price: { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 },
    purposes: ['analytics', 'marketing', 'personalization', 'customer-service'],
    ownLabels: { analytics: 'Статистика (пиксел)' },
    tags: {
      'yandex-metrica': { purpose: 'analytics', cookies: ['_ym_uid', '_ym_d'] },
      'google-ads': { purpose: 'marketing', cookies: ['_gcl_au'] },
      recommendations: { purpose: 'personalization', cookies: ['viewed_products'] },
      chat: { purpose: 'customer-service', cookies: ['migpromo_chat'] },
    },
  },
  {
    name: 'Mitexco (vi)',
    path: '/demo/mitexco/',
    lang: 'vi',
    price: { style: 'currency', currency: 'VND' },
    purposes: ['analytics', 'customer-service'],
    tags: {
      ga4: { purpose: 'analytics', cookies: ['_ga', '_ga_MITEXCO'] },
      chat: { purpose: 'customer-service', cookies: ['mitexco_chat'] },
    },
  },
  {
    name: 'MonaOK (lv)',
    path: '/demo/monaok/',
    lang: 'lv',
    price: { style: 'currency', currency: 'EUR' },
    purposes: ['analytics', 'marketing', 'personalization', 'loyalty'],
    ownLabels: { loyalty: 'Lojalitātes programma' },
    tags: {
      ga4: { purpose: 'analytics', cookies: ['_ga', '_ga_MONAOK'] },
      'meta-pixel': { purpose: 'marketing', cookies: ['_fbp'] },
      recommendations: { purpose: 'personalization', cookies: ['monaok_recs'] },
      loyalty: { purpose: 'loyalty', cookies: ['monaok_card'] },
    },
  },
];

/** What axe must have checked in the preferences, drawn in the shop's colours. */
const PREFERENCES_RULES = ['aria-dialog-name', 'button-name', 'color-contrast', 'link-name', 'label'];

const badge = (page: Page, tool: string) => page.locator(`[data-badge="${tool}"]`);

/** What the badge says while its tag runs, as the page writes it in the shop's language. */
const onText = async (page: Page, tool: string): Promise<string> => {
  const text = await badge(page, tool).getAttribute('data-on');
  expect(text, `data-on of the ${tool} badge`).toBeTruthy();
  return String(text);
};

const cookieNames = async (page: Page) => (await page.context().cookies()).map((cookie) => cookie.name);

/** Every badge shows its "off" text, no stand-in tag has run and none of their cookies exists. */
const expectTagsOff = async (page: Page, shop: DemoShop) => {
  for (const tool of Object.keys(shop.tags)) {
    await expect(badge(page, tool)).not.toHaveAttribute('data-state', 'on');
    await expect(badge(page, tool)).not.toHaveText(await onText(page, tool));
  }
  await expect(page.locator('script[type="text/plain"][data-consent]')).toHaveCount(
    await page.locator('script[data-consent]').count(),
  );
  const cookies = await cookieNames(page);
  for (const { cookies: names } of Object.values(shop.tags)) {
    for (const name of names) expect(cookies).not.toContain(name);
  }
  // An embed (Шырдак's workshop video) shows its placeholder and loads nothing.
  const iframes = page.locator('iframe[data-consent]');
  await expect(page.locator('shopconsent-embed')).toHaveCount(await iframes.count());
  for (const iframe of await iframes.all()) expect(await iframe.getAttribute('src')).toBeNull();
};

const expectTagOn = async (page: Page, tool: string) => {
  await expect(badge(page, tool)).toHaveAttribute('data-state', 'on');
  await expect(badge(page, tool)).toHaveText(await onText(page, tool));
};

const label = (shop: DemoShop, purpose: string): string =>
  shop.ownLabels?.[purpose] ?? texts(shop.lang).purposes[purpose].label;

test.describe('the demo shops', () => {
  for (const shop of SHOPS) {
    test(`${shop.name}: banner, prices and policy page in its language and currency; no tag runs before a decision or after Reject all`, async ({
      page,
    }) => {
      const visitor = await new ShopConsentPage(page).visit(shop.path);
      const t = texts(shop.lang);
      await expect(page.locator('html')).toHaveAttribute('lang', shop.lang);
      await expect(visitor.banner).toBeVisible();
      await expect(visitor.banner).toHaveAttribute('lang', shop.lang);
      await expect(visitor.title('banner')).toHaveText(t.banner.title);
      await expect(visitor.button('accept-all')).toHaveText(t.actions.acceptAll);
      await expect(visitor.button('reject-all')).toHaveText(t.actions.rejectAll);
      await expect(visitor.button('preferences')).toHaveText(t.actions.choose);

      const prices = page.locator('.product data[value]');
      expect(await prices.count()).toBeGreaterThanOrEqual(4);
      const format = new Intl.NumberFormat(shop.lang, shop.price);
      for (const price of await prices.all()) {
        await expect(price).toHaveText(format.format(Number(await price.getAttribute('value'))));
      }
      await visitor.settle();
      await expectTagsOff(page, shop);

      await visitor.banner.getByRole('link', { name: t.banner.policy, exact: true }).click();
      await expect(page).not.toHaveURL(shop.path);
      await expect(page.locator('html')).toHaveAttribute('lang', shop.lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.banner.policy);
      // Still undecided: the banner asks again on the policy page, in the same language.
      await expect(visitor.title('banner')).toHaveText(t.banner.title);
      await visitor.rejectAll();

      await page.locator('.shop-header .logo').click();
      await expect(page).toHaveURL(shop.path);
      await visitor.settle();
      await expect(visitor.banner).toHaveCount(0);
      await expectTagsOff(page, shop);
      visitor.expectSilent();
    });

    test(`${shop.name}: Accept all runs its tags; its footer link reopens its purposes; withdrawing one stops its tag and deletes its cookies`, async ({
      page,
    }) => {
      const visitor = await new ShopConsentPage(page).visit(shop.path);
      await visitor.acceptAll();
      for (const tool of Object.keys(shop.tags)) await expectTagOn(page, tool);
      const allCookies = Object.values(shop.tags).flatMap((tag) => tag.cookies);
      await expect.poll(() => cookieNames(page)).toEqual(expect.arrayContaining(allCookies));
      await expect(page.locator('shopconsent-embed')).toHaveCount(0);
      for (const iframe of await page.locator('iframe[data-consent]').all()) {
        await expect(iframe).toHaveAttribute('src', String(await iframe.getAttribute('data-src')));
        await expect(iframe).toBeVisible();
      }

      await page.locator('footer [data-shopconsent="open"]').click();
      await expect(visitor.preferences).toBeVisible();
      await expect(visitor.preferences).toHaveAttribute('lang', shop.lang);
      const ids = ['necessary', ...shop.purposes];
      await expect(visitor.switches).toHaveCount(ids.length);
      for (const [index, id] of ids.entries()) {
        await expect(visitor.switches.nth(index)).toHaveAttribute('data-purpose', id);
        await expect(visitor.switches.nth(index)).toHaveAccessibleName(label(shop, id));
        await expect(visitor.switches.nth(index)).toBeChecked();
      }
      expectNoAxeViolations(await axe(page), PREFERENCES_RULES);

      const [withdrawnTool, ...keptTools] = Object.keys(shop.tags);
      const withdrawn = shop.tags[withdrawnTool];
      await visitor.toggle(withdrawn.purpose);
      await visitor.save();
      await expect(badge(page, withdrawnTool)).not.toHaveAttribute('data-state', 'on');
      // The cookies go with the extras bundle's clean-up, which may still be on its way when the badge turns.
      await expect
        .poll(async () => (await cookieNames(page)).filter((name) => withdrawn.cookies.includes(name)))
        .toEqual([]);
      for (const tool of keptTools) await expectTagOn(page, tool);
      expect(await visitor.has(withdrawn.purpose)).toBe(false);
      visitor.expectSilent();
    });
  }
});

test('the demo index links the five shops and the playground, and every link opens a page', async ({
  page,
  request,
}) => {
  await page.goto('/demo/');
  const links = await page
    .locator('main a')
    .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const paths = links.map((href) => new URL(href).pathname);
  expect(paths).toEqual([...SHOPS.map((shop) => shop.path), '/demo/playground.html']);
  for (const href of links) expect((await request.get(href)).status(), href).toBe(200);
});
