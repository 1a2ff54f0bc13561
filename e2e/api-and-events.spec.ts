import { expect, test } from '@playwright/test';
import { ShopPage, texts } from './shop-page';

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/;

test.describe('window.ShopConsent', () => {
  test('get() is null until the visitor decides, then the decision in the documented shape', async ({ page }) => {
    const shop = await ShopPage.open(page, { attributes: { lang: 'vi', revision: '7' } });
    expect(await shop.state()).toBeNull();
    expect(await page.evaluate(() => window.ShopConsent.version)).toMatch(/^\d+\.\d+\.\d+/);
    await shop.acceptAll();
    const state = await shop.state();
    expect(state).toEqual({
      id: expect.stringMatching(/^[0-9a-z]{20}$/),
      decidedAt: expect.stringMatching(ISO_UTC),
      revision: '7',
      purposes: { necessary: true, analytics: true, marketing: true },
      lang: 'vi',
      source: 'banner',
    });
    expect(Math.abs(Date.parse(state?.decidedAt ?? '') - Date.now())).toBeLessThan(60_000);
  });

  test('has() answers per purpose, necessary always yes', async ({ page }) => {
    const shop = await ShopPage.open(page);
    const before = await page.evaluate(() => ['necessary', 'analytics', 'nope'].map((p) => window.ShopConsent.has(p)));
    expect(before).toEqual([true, false, false]);
    await page.evaluate(() => window.ShopConsent.set({ analytics: true }));
    const after = await page.evaluate(() => ['analytics', 'marketing'].map((p) => window.ShopConsent.has(p)));
    expect(after).toEqual([true, false]);
    await expect(shop.banner).toHaveCount(0);
  });

  test('set() changes only the purposes it names; acceptAll and rejectAll decide with source api', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await page.evaluate(() => window.ShopConsent.acceptAll());
    await page.evaluate(() => window.ShopConsent.set({ marketing: false }));
    expect(await shop.state()).toMatchObject({
      purposes: { necessary: true, analytics: true, marketing: false },
      source: 'api',
    });
    await page.evaluate(() => window.ShopConsent.rejectAll());
    expect((await shop.state())?.purposes).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  test('set() with a typo warns and decides nothing', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await page.evaluate(() => window.ShopConsent.set({ analytcs: true } as never));
    expect(await shop.state()).toBeNull();
    await expect(shop.banner).toBeVisible();
    expect(shop.warnings.some((w) => w.includes('analytcs'))).toBe(true);
    expect(shop.pageErrors).toEqual([]);
  });

  test('reset() forgets the decision: cookie gone, banner back, change with state null', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await shop.acceptAll();
    await page.evaluate(() => window.ShopConsent.reset());
    await expect(shop.banner).toBeVisible();
    expect(await shop.state()).toBeNull();
    expect(await shop.cookie()).toBeUndefined();
    const changes = await shop.events('change');
    expect(changes.at(-1)?.detail).toEqual({ state: null, changed: ['analytics', 'marketing'], source: 'reset' });
  });

  test('open() and close() show and hide the preferences without deciding', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await shop.rejectAll();
    await page.evaluate(() => window.ShopConsent.open());
    await expect(shop.preferences).toBeVisible();
    await page.evaluate(() => window.ShopConsent.close());
    await expect(shop.preferences).toHaveCount(0);
    expect(await shop.events('change')).toHaveLength(1);
  });

  test('setLanguage() re-renders the open dialog in the new language', async ({ page }) => {
    const shop = await ShopPage.open(page, { attributes: { lang: 'lv' } });
    await expect(shop.banner.locator('h2')).toHaveText(texts('lv').banner.title);
    await page.evaluate(() => window.ShopConsent.setLanguage('vi'));
    await expect(shop.banner.locator('h2')).toHaveText(texts('vi').banner.title);
    await expect(shop.banner).toHaveAttribute('lang', 'vi');
    await shop.acceptAll();
    expect((await shop.state())?.lang).toBe('vi');
  });

  test('any element with data-shopconsent="open" opens the preferences', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await shop.acceptAll();
    await page.locator('#footer-link').click();
    await expect(shop.preferences).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
  });
});

test.describe('events', () => {
  test('ready carries null while undecided, then open for the banner', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await expect(shop.banner).toBeVisible();
    const events = await shop.events();
    expect(events.slice(0, 2)).toEqual([
      { type: 'ready', detail: { state: null } },
      { type: 'open', detail: { layer: 'banner' } },
    ]);
  });

  test('a decision in the banner: change with the state and what changed, then close', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    const events = (await shop.events()).slice(1);
    const state = await shop.state();
    expect(events).toEqual([
      { type: 'open', detail: { layer: 'banner' } },
      { type: 'open', detail: { layer: 'preferences' } },
      { type: 'change', detail: { state, changed: ['analytics'], source: 'preferences' } },
      { type: 'close', detail: { layer: 'preferences' } },
    ]);
  });

  test('on() returns an unsubscribe, and on("ready") after ready is called at once', async ({ page }) => {
    await ShopPage.open(page);
    const calls = await page.evaluate(() => {
      const seen: string[] = [];
      window.ShopConsent.on('ready', ({ state }) => seen.push(`ready:${state === null}`));
      const stop = window.ShopConsent.on('change', ({ changed }) => seen.push(`change:${changed.join()}`));
      window.ShopConsent.set({ analytics: true });
      stop();
      window.ShopConsent.set({ marketing: true });
      return seen;
    });
    expect(calls).toEqual(['ready:true', 'change:analytics']);
  });

  test('a listener that throws does not stop the others or the decision', async ({ page }) => {
    const shop = await ShopPage.open(page);
    const seen = await page.evaluate(() => {
      const calls: string[] = [];
      window.ShopConsent.on('change', () => {
        throw new Error('shop bug');
      });
      window.ShopConsent.on('change', () => calls.push('second listener ran'));
      window.ShopConsent.acceptAll();
      return calls;
    });
    expect(seen).toEqual(['second listener ran']);
    expect(await shop.state()).not.toBeNull();
    expect(shop.pageErrors).toEqual([]);
    expect(shop.consoleErrors.some((e) => e.includes('shop bug') || e.includes('listener'))).toBe(true);
  });
});
