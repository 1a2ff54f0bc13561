import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { type ConsentState, ISO_UTC, ShopConsentPage, texts } from './ShopConsentPage';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

type ChangeDetail = { state: ConsentState | null; changed: string[]; source: string };

test.describe('window.ShopConsent', () => {
  test('version is the package version', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    expect(await page.evaluate(() => window.ShopConsent.version)).toBe(version);
    shop.expectSilent();
  });

  test('get() is null before the visitor decides, then the §9 state', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'mn', attributes: { revision: '7' } });
    expect(await shop.get()).toBeNull();
    const before = Date.now();
    await shop.acceptAll();
    const after = Date.now();
    const state = await shop.get();
    expect(Object.keys(state ?? {}).sort()).toEqual(['decidedAt', 'id', 'lang', 'purposes', 'revision', 'source']);
    expect(state).toEqual({
      id: expect.stringMatching(/^[0-9a-z]{8,32}$/),
      decidedAt: expect.stringMatching(ISO_UTC),
      revision: '7',
      purposes: { necessary: true, analytics: true, marketing: true },
      lang: 'mn',
      source: 'banner',
    });
    const decidedAt = Date.parse(state?.decidedAt ?? '');
    expect(decidedAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(decidedAt).toBeLessThanOrEqual(after);
    shop.expectSilent();
  });

  test('the consent id stays the same through later decisions and page views', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.rejectAll();
    const id = (await shop.get())?.id;
    expect(id).toMatch(/^[0-9a-z]{8,32}$/);
    await page.evaluate(() => window.ShopConsent.acceptAll());
    expect((await shop.get())?.id).toBe(id);
    await shop.reload();
    await page.evaluate(() => window.ShopConsent.set({ marketing: false }));
    expect((await shop.get())?.id).toBe(id);
    shop.expectSilent();
  });

  test('get() hands out a copy: changing it changes nothing', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.rejectAll();
    const granted = await page.evaluate(() => {
      const copy = window.ShopConsent.get();
      if (copy) copy.purposes.marketing = true;
      return window.ShopConsent.has('marketing');
    });
    expect(granted).toBe(false);
    expect((await shop.get())?.purposes.marketing).toBe(false);
    shop.expectSilent();
  });

  test('has(): necessary always, the others once granted, unknown purposes never', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    const ask = () =>
      page.evaluate(() => ['necessary', 'analytics', 'marketing', 'tracking'].map((p) => window.ShopConsent.has(p)));
    expect(await ask()).toEqual([true, false, false, false]);
    await page.evaluate(() => window.ShopConsent.set({ analytics: true }));
    expect(await ask()).toEqual([true, true, false, false]);
    await page.evaluate(() => window.ShopConsent.acceptAll());
    expect(await ask()).toEqual([true, true, true, false]);
    shop.expectSilent();
  });

  test('acceptAll() and rejectAll() decide with source "api", close the banner and store the cookie', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page);
    await expect(shop.banner).toBeVisible();
    await page.evaluate(() => window.ShopConsent.acceptAll());
    await expect(shop.banner).toHaveCount(0);
    expect(await shop.get()).toMatchObject({
      purposes: { necessary: true, analytics: true, marketing: true },
      source: 'api',
    });
    const accepted = (await shop.cookie())?.value;
    expect(accepted).toBeDefined();
    await page.evaluate(() => window.ShopConsent.rejectAll());
    expect(await shop.get()).toMatchObject({
      purposes: { necessary: true, analytics: false, marketing: false },
      source: 'api',
    });
    expect((await shop.cookie())?.value).not.toBe(accepted);
    // The cookie holds what get() says: a reload brings back the same decision.
    const decided = await shop.get();
    await shop.reload();
    expect(await shop.get()).toEqual(decided);
    shop.expectSilent();
  });

  test('set() changes only the purposes it names; the others keep their value', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await page.evaluate(() => window.ShopConsent.set({ analytics: true }));
    await expect(shop.banner).toHaveCount(0);
    expect(await shop.get()).toMatchObject({
      purposes: { necessary: true, analytics: true, marketing: false },
      source: 'api',
    });
    await page.evaluate(() => window.ShopConsent.set({ marketing: true }));
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
    await page.evaluate(() => window.ShopConsent.set({ analytics: false }));
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: false, marketing: true });
    shop.expectSilent();
  });

  test('set() cannot switch necessary off', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await page.evaluate(() => window.ShopConsent.acceptAll());
    await page.evaluate(() => window.ShopConsent.set({ necessary: false }));
    expect(await shop.has('necessary')).toBe(true);
    expect((await shop.get())?.purposes.necessary).toBe(true);
    expect(shop.widgetWarnings().some((w) => w.includes('necessary'))).toBe(true);
    shop.expectNoErrors();
  });

  test('reset() forgets the decision: get() null, banner back, cookie gone', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.acceptAll();
    expect(await shop.cookie()).toBeDefined();
    await page.evaluate(() => window.ShopConsent.reset());
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    expect(await shop.has('analytics')).toBe(false);
    expect(await shop.cookie()).toBeUndefined();
    const changes = await shop.details<ChangeDetail>('change');
    expect(changes).toHaveLength(2);
    expect(changes[1].state).toBeNull();
    expect([...changes[1].changed].sort()).toEqual(['analytics', 'marketing']);
    // Still undecided after a reload.
    await shop.reload();
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    shop.expectSilent();
  });

  test('open() shows the preferences and close() hides them, deciding nothing', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.rejectAll();
    const cookie = (await shop.cookie())?.value;
    await page.evaluate(() => window.ShopConsent.open());
    await expect(shop.preferences).toBeVisible();
    await expect(shop.purposeSwitch('analytics')).not.toBeChecked();
    await page.evaluate(() => window.ShopConsent.close());
    await expect(shop.preferences).toHaveCount(0);
    await expect(shop.banner).toHaveCount(0);
    expect(await shop.events('change')).toHaveLength(1);
    expect((await shop.cookie())?.value).toBe(cookie);
    // Opens again after closing.
    await page.evaluate(() => window.ShopConsent.open());
    await expect(shop.preferences).toBeVisible();
    shop.expectSilent();
  });

  test('open() on a returning visit loads the dialog only then', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.acceptAll();
    shop.requests.length = 0;
    await shop.reload();
    await shop.settle();
    expect(shop.uiRequests()).toBe(0);
    await page.evaluate(() => window.ShopConsent.open());
    await expect(shop.preferences).toBeVisible();
    await expect(shop.purposeSwitch('analytics')).toBeChecked();
    await expect(shop.purposeSwitch('marketing')).toBeChecked();
    expect(shop.uiRequests()).toBe(1);
    shop.expectSilent();
  });

  test('setLanguage("vi") re-renders the open banner in Vietnamese; the decision records it', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'lv' });
    await expect(shop.title('banner')).toHaveText(texts('lv').banner.title);
    await page.evaluate(() => window.ShopConsent.setLanguage('vi'));
    await expect(shop.banner).toHaveAttribute('lang', 'vi');
    await expect(shop.title('banner')).toHaveText(texts('vi').banner.title);
    await expect(shop.button('accept-all')).toHaveText(texts('vi').actions.acceptAll);
    await shop.acceptAll();
    expect((await shop.get())?.lang).toBe('vi');
    shop.expectSilent();
  });

  test('setLanguage("vi") re-renders the open preferences in Vietnamese, keeping the switches', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'ky' });
    await shop.choose();
    await shop.toggle('marketing');
    await expect(shop.title('preferences')).toHaveText(texts('ky').preferences.title);
    await page.evaluate(() => window.ShopConsent.setLanguage('vi'));
    await expect(shop.preferences).toHaveAttribute('lang', 'vi');
    await expect(shop.title('preferences')).toHaveText(texts('vi').preferences.title);
    await expect(shop.purposeSwitch('analytics')).toHaveAccessibleName(texts('vi').purposes.analytics.label);
    await expect(shop.purposeSwitch('marketing')).toBeChecked();
    await shop.save();
    expect(await shop.get()).toMatchObject({ lang: 'vi', purposes: { analytics: false, marketing: true } });
    shop.expectSilent();
  });

  test('setLanguage() with a language the widget does not speak warns and keeps the language', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'lv' });
    await page.evaluate(() => window.ShopConsent.setLanguage('de'));
    await expect(shop.banner).toHaveAttribute('lang', 'lv');
    await expect(shop.title('banner')).toHaveText(texts('lv').banner.title);
    expect(shop.widgetWarnings().some((w) => w.includes('"de"'))).toBe(true);
    shop.expectNoErrors();
  });

  test('an element with data-shopconsent="open" opens the preferences, also a child of it', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      body: '<button id="footer" data-shopconsent="open"><span id="footer-label">Cookies</span></button>',
    });
    // Before deciding: the link opens the preferences over the banner, closing them shows the banner again.
    await expect(shop.banner).toBeVisible();
    await page.locator('#privacy-settings').click();
    await expect(shop.preferences).toBeVisible();
    await shop.closePreferences();
    await expect(shop.banner).toBeVisible();
    await shop.rejectAll();
    await page.locator('#privacy-settings').click();
    await expect(shop.preferences).toBeVisible();
    // The link's href="#" is not followed.
    expect(new URL(page.url()).hash).toBe('');
    await shop.closePreferences();
    await expect(shop.preferences).toHaveCount(0);
    await page.locator('#footer-label').click();
    await expect(shop.preferences).toBeVisible();
    shop.expectSilent();
  });

  test('an element with data-shopconsent="open" added after load works too', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.acceptAll();
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = '#cookies';
      link.id = 'late';
      link.dataset.shopconsent = 'open';
      link.textContent = 'Cookie settings';
      document.body.append(link);
    });
    await page.locator('#late').click();
    await expect(shop.preferences).toBeVisible();
    shop.expectSilent();
  });
});

test.describe('on()', () => {
  test('hears events and returns an unsubscribe that works', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    const calls = await page.evaluate(() => {
      const seen: string[] = [];
      const stopChange = window.ShopConsent.on('change', ({ changed, source }) =>
        seen.push(`change:${source}:${changed.join('+')}`),
      );
      const stopOpen = window.ShopConsent.on('open', ({ layer }) => seen.push(`open:${layer}`));
      window.ShopConsent.set({ analytics: true });
      window.ShopConsent.open();
      stopChange();
      stopOpen();
      window.ShopConsent.set({ marketing: true });
      window.ShopConsent.close();
      window.ShopConsent.open();
      return seen;
    });
    expect(calls).toEqual(['change:api:analytics', 'open:preferences']);
    shop.expectSilent();
  });

  test('on("ready") after ready is called once with the current state', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.rejectAll();
    await shop.reload();
    const decided = await shop.get();
    const heard = await page.evaluate(() => {
      const states: unknown[] = [];
      window.ShopConsent.on('ready', ({ state }) => states.push(state));
      return states;
    });
    expect(heard).toEqual([decided]);
    shop.expectSilent();
  });

  test('a listener that throws does not stop the other listeners, nor reach the page', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    const seen = await page.evaluate(() => {
      const calls: string[] = [];
      window.ShopConsent.on('change', () => calls.push('first'));
      window.ShopConsent.on('change', () => {
        throw new Error('a bug in the shop');
      });
      window.ShopConsent.on('change', () => calls.push('third'));
      window.ShopConsent.acceptAll();
      return calls;
    });
    expect(seen).toEqual(['first', 'third']);
    expect(await shop.get()).not.toBeNull();
    await expect(shop.banner).toHaveCount(0);
    expect(shop.pageErrors).toEqual([]);
    expect(shop.consoleErrors.some((e) => e.includes('a bug in the shop') || e.includes('listener'))).toBe(true);
  });
});

test.describe('events on window', () => {
  test('shopconsent:ready carries null while undecided, then the banner opens', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await expect(shop.banner).toBeVisible();
    const events = await shop.events();
    expect(events.slice(0, 2)).toEqual([
      { type: 'ready', detail: { state: null } },
      { type: 'open', detail: { layer: 'banner' } },
    ]);
    expect(events.filter((e) => e.type === 'ready')).toHaveLength(1);
    shop.expectSilent();
  });

  test('shopconsent:ready carries the decision on a returning visit, and nothing opens', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'vi' });
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    const decided = await shop.get();
    await shop.reload();
    await shop.settle();
    expect(await shop.events()).toEqual([{ type: 'ready', detail: { state: decided } }]);
    shop.expectSilent();
  });

  test('shopconsent:change carries the state, the purposes whose value changed and the source', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await shop.toggle('marketing');
    await shop.save();
    const afterSave = await shop.get();
    await page.evaluate(() => window.ShopConsent.acceptAll());
    const afterAccept = await shop.get();
    await page.evaluate(() => window.ShopConsent.set({ analytics: false, marketing: false }));
    const afterSet = await shop.get();
    await page.evaluate(() => window.ShopConsent.rejectAll());
    const afterReject = await shop.get();

    const changes = await shop.details<ChangeDetail>('change');
    expect(changes.map((c) => ({ ...c, changed: [...c.changed].sort() }))).toEqual([
      { state: afterSave, changed: ['marketing'], source: 'preferences' },
      { state: afterAccept, changed: ['analytics'], source: 'api' },
      { state: afterSet, changed: ['analytics', 'marketing'], source: 'api' },
      { state: afterReject, changed: [], source: 'api' },
    ]);
    for (const change of changes) expect(change.changed).not.toContain('necessary');
    shop.expectSilent();
  });

  test('a decision in the banner: change with source banner, then the banner closes', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.rejectAll();
    const state = await shop.get();
    expect(await shop.events()).toEqual([
      { type: 'ready', detail: { state: null } },
      { type: 'open', detail: { layer: 'banner' } },
      { type: 'change', detail: { state, changed: [], source: 'banner' } },
      { type: 'close', detail: { layer: 'banner' } },
    ]);
    shop.expectSilent();
  });

  test('shopconsent:open and shopconsent:close name the layer', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await shop.save();
    await page.locator('#privacy-settings').click();
    await expect(shop.preferences).toBeVisible();
    await page.evaluate(() => window.ShopConsent.close());
    await expect(shop.preferences).toHaveCount(0);
    const layers = (await shop.events())
      .filter((e) => e.type === 'open' || e.type === 'close')
      .map((e) => `${e.type}:${(e.detail as { layer: string }).layer}`);
    expect(layers).toEqual([
      'open:banner',
      'open:preferences',
      'close:preferences',
      'open:preferences',
      'close:preferences',
    ]);
    shop.expectSilent();
  });

  test('a window listener that throws does not stop the other listeners or the decision', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      head: `<script>
        window.heard = [];
        addEventListener('shopconsent:change', () => { throw new Error('shop listener broke'); });
        addEventListener('shopconsent:change', (e) => window.heard.push(e.detail.source));
      </script>`,
    });
    await shop.acceptAll();
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual(['banner']);
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(await shop.cookie()).toBeDefined();
    // The only uncaught error is the shop's own.
    expect(shop.pageErrors).toEqual(['Error: shop listener broke']);
  });
});
