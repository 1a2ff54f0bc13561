import { expect, type Page, test } from '@playwright/test';
import { COOKIE_NAME, type ConsentState, ShopConsentPage, texts } from './ShopConsentPage';

/** The developer playground of `demo/`: what a shop's code sees, and the tag for the chosen settings. */
const PLAYGROUND = '/demo/playground.html';

const logEntries = (page: Page, kind: 'event' | 'dataLayer' | 'call') => page.locator(`#log li[data-kind="${kind}"]`);

const shownJson = async (page: Page, selector: string): Promise<unknown> =>
  JSON.parse((await page.locator(selector).textContent()) ?? '');

const callButton = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test.describe('the demo playground', () => {
  test('logs every event and dataLayer push as it happens, and shows the state and the cookie decoded', async ({
    page,
  }) => {
    const visitor = await new ShopConsentPage(page).visit(PLAYGROUND);
    await expect(visitor.banner).toBeVisible();
    const events = logEntries(page, 'event');
    const pushes = logEntries(page, 'dataLayer');
    await expect(events.filter({ hasText: /^shopconsent:ready \{"state":null\}$/ })).toHaveCount(1);
    await expect(events.filter({ hasText: /^shopconsent:open \{"layer":"banner"\}$/ })).toHaveCount(1);
    const denied = {
      analytics_storage: 'denied',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    };
    await expect(pushes).toHaveCount(1);
    await expect(pushes).toHaveText(
      `gtag("consent", "default", ${JSON.stringify({ ...denied, wait_for_update: 500 })})`,
    );
    await expect(page.locator('#state')).toHaveText('null');
    await expect(page.locator('#cookie')).toHaveText('(no cookie)');

    await visitor.acceptAll();
    const state = await visitor.get();
    expect(state?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
    await expect(events.filter({ hasText: /^shopconsent:change / })).toHaveCount(1);
    await expect(events.filter({ hasText: /^shopconsent:close \{"layer":"banner"\}$/ })).toHaveCount(1);
    const granted = {
      analytics_storage: 'granted',
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
    };
    await expect(pushes.filter({ hasText: `gtag("consent", "update", ${JSON.stringify(granted)})` })).toHaveCount(1);
    await expect(
      pushes.filter({
        hasText: JSON.stringify({
          event: 'shopconsent_update',
          shopconsent: { necessary: true, analytics: true, marketing: true },
        }),
      }),
    ).toHaveCount(1);
    // Newest first: the banner closes after the decision is announced.
    await expect(events.first()).toHaveText(/^shopconsent:close /);

    expect(await shownJson(page, '#state')).toEqual(state);
    const cookie = await visitor.cookie();
    await expect(page.locator('#cookie')).toHaveText(`${COOKIE_NAME}=${decodeURIComponent(cookie?.value ?? '')}`);
    expect(await shownJson(page, '#cookie-decoded')).toEqual(state);
    await expect(page.locator('[data-badge="ga4"]')).toHaveAttribute('data-state', 'on');
    visitor.expectSilent();
  });

  test('a button for each API method, each call logged with its result', async ({ page }) => {
    const visitor = await new ShopConsentPage(page).visit(PLAYGROUND);
    await callButton(page, 'rejectAll()').click();
    await expect(visitor.banner).toHaveCount(0);
    const calls = logEntries(page, 'call');
    await expect(calls.first()).toHaveText('ShopConsent.rejectAll()');

    await page.locator('#has-purpose').selectOption('analytics');
    await callButton(page, 'has(purpose)').click();
    await expect(calls.first()).toHaveText('ShopConsent.has("analytics") → false');

    await page.locator('#set-choices').fill('{ "analytics": true }');
    await callButton(page, 'set(choices)').click();
    await expect(calls.first()).toHaveText('ShopConsent.set({"analytics":true})');
    expect(((await shownJson(page, '#state')) as ConsentState).purposes).toEqual({
      necessary: true,
      analytics: true,
      marketing: false,
    });
    await expect(page.locator('[data-badge="ga4"]')).toHaveAttribute('data-state', 'on');
    await expect(page.locator('[data-badge="meta-pixel"]')).not.toHaveAttribute('data-state', 'on');

    await callButton(page, 'get()').click();
    await expect(calls.first()).toHaveText(`ShopConsent.get() → ${JSON.stringify(await visitor.get())}`);

    await callButton(page, 'open()').click();
    await expect(visitor.preferences).toBeVisible();
    await visitor.closePreferences();
    await callButton(page, 'acceptAll()').click();
    expect(await visitor.has('marketing')).toBe(true);

    await callButton(page, 'reset()').click();
    await expect(visitor.banner).toBeVisible();
    await expect(page.locator('#state')).toHaveText('null');
    await expect(page.locator('#cookie')).toHaveText('(no cookie)');

    await page.getByRole('button', { name: 'Монгол' }).click();
    await expect(calls.first()).toHaveText('ShopConsent.setLanguage("mn")');
    await expect(visitor.banner).toHaveAttribute('lang', 'mn');
    await expect(visitor.title('banner')).toHaveText(texts('mn').banner.title);

    await callButton(page, 'close()').click();
    await expect(visitor.banner).toHaveCount(0);
    expect(await visitor.get()).toBeNull();
    visitor.expectSilent();
  });

  test('the settings form reloads the page with its settings and shows the tag to paste', async ({ page }) => {
    const visitor = await new ShopConsentPage(page).visit(PLAYGROUND);
    await expect(page.locator('#snippet')).toHaveText(
      '<script src="/shopconsent.js" data-shop="Demo shop" data-policy-url="privacy.html"></script>',
    );
    const form = page.locator('#settings');
    await form.locator('[name="shop"]').fill('Mimico');
    await form.locator('[name="lang"]').selectOption('mn');
    await form.locator('[name="purposes"]').fill('analytics,personalization');
    await form.locator('[name="floating-button"]').selectOption('true');
    await form.getByRole('button', { name: 'Reload with these settings' }).click();

    await expect(page).toHaveURL(/[?&]lang=mn(&|$)/);
    await expect(page.locator('#snippet')).toHaveText(
      '<script src="/shopconsent.js" data-shop="Mimico" data-policy-url="privacy.html" data-lang="mn" data-purposes="analytics,personalization" data-floating-button="true"></script>',
    );
    await expect(form.locator('[name="lang"]')).toHaveValue('mn');
    await expect(visitor.banner).toHaveAttribute('lang', 'mn');
    await expect(visitor.banner).toContainText('Mimico');
    await visitor.choose();
    await expect(visitor.switches).toHaveCount(3);
    await expect(visitor.purposeSwitch('personalization')).toHaveAccessibleName(
      texts('mn').purposes.personalization.label,
    );
    await visitor.save();
    await expect(page.locator('shopconsent-reopen')).toBeVisible();
    visitor.expectSilent();
  });
});
