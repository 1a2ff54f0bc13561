import { expect, test } from '@playwright/test';
import { PURPOSES, ShopConsentPage, texts } from './ShopConsentPage';

test.describe('the preferences layer', () => {
  test('one switch per purpose: necessary locked on, nothing else pre-ticked, opening decides nothing', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'en' });
    const t = texts('en');
    await shop.choose();
    await expect(shop.preferences).toHaveAttribute('lang', 'en');
    await expect(shop.preferences).toHaveAccessibleName(t.preferences.title);
    await expect(shop.switches).toHaveCount(3);
    for (const purpose of PURPOSES) {
      await expect(shop.purposeSwitch(purpose)).toHaveAccessibleName(t.purposes[purpose].label);
      await expect(shop.preferences).toContainText(t.purposes[purpose].description);
    }
    await expect(shop.purposeSwitch('necessary')).toBeChecked();
    await expect(shop.purposeSwitch('necessary')).toBeDisabled();
    await expect(shop.purposeSwitch('analytics')).not.toBeChecked();
    await expect(shop.purposeSwitch('analytics')).toBeEnabled();
    await expect(shop.purposeSwitch('marketing')).not.toBeChecked();
    await expect(shop.purposeSwitch('marketing')).toBeEnabled();
    await expect(shop.button('save', 'preferences')).toHaveText(t.actions.save);
    await expect(shop.button('accept-all', 'preferences')).toHaveText(t.actions.acceptAll);
    await expect(shop.button('reject-all', 'preferences')).toHaveText(t.actions.rejectAll);
    await expect(shop.button('close', 'preferences')).toHaveAccessibleName(t.actions.close);
    expect(await shop.get()).toBeNull();
    expect(await shop.cookie()).toBeUndefined();
    expect(await shop.events('change')).toEqual([]);
    shop.expectSilent();
  });

  test('clicking the locked necessary switch cannot turn it off', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await shop.purposeSwitch('necessary').click({ force: true });
    await expect(shop.purposeSwitch('necessary')).toBeChecked();
    await shop.save();
    expect((await shop.get())?.purposes.necessary).toBe(true);
    shop.expectNoErrors();
  });
});

test.describe('Save stores exactly what was switched on', () => {
  for (const [toggled, purposes] of [
    [['analytics'], { necessary: true, analytics: true, marketing: false }],
    [['marketing'], { necessary: true, analytics: false, marketing: true }],
    [[], { necessary: true, analytics: false, marketing: false }],
    [['analytics', 'marketing', 'analytics'], { necessary: true, analytics: false, marketing: true }],
  ] as const) {
    test(`switching ${toggled.join(', then ') || 'nothing'} and saving stores ${JSON.stringify(purposes)}`, async ({
      page,
    }) => {
      const shop = await ShopConsentPage.open(page, { lang: 'lv' });
      await shop.choose();
      for (const purpose of toggled) await shop.toggle(purpose);
      await shop.save();
      await expect(shop.banner).toHaveCount(0);
      const state = await shop.get();
      expect(state?.purposes).toEqual(purposes);
      expect(state?.source).toBe('preferences');
      expect(state?.lang).toBe('lv');
      expect(await shop.cookie()).toBeDefined();
      for (const [purpose, granted] of Object.entries(purposes)) expect(await shop.has(purpose)).toBe(granted);
      const changes = await shop.details<{ changed: string[]; source: string }>('change');
      expect(changes).toHaveLength(1);
      expect(changes[0].source).toBe('preferences');
      expect([...changes[0].changed].sort()).toEqual(
        Object.keys(purposes)
          .filter((p) => p !== 'necessary' && purposes[p as keyof typeof purposes])
          .sort(),
      );
      shop.expectSilent();
    });
  }

  test('the switches work from the keyboard', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await shop.purposeSwitch('marketing').focus();
    await page.keyboard.press('Space');
    await expect(shop.purposeSwitch('marketing')).toBeChecked();
    await shop.button('save', 'preferences').focus();
    await page.keyboard.press('Enter');
    await expect(shop.preferences).toHaveCount(0);
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: false, marketing: true });
    shop.expectSilent();
  });
});

test.describe('Accept all and Reject all inside the preferences', () => {
  test('Accept all grants every purpose, whatever the switches say', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.acceptAll('preferences');
    await expect(shop.banner).toHaveCount(0);
    expect(await shop.get()).toMatchObject({
      purposes: { necessary: true, analytics: true, marketing: true },
      source: 'preferences',
    });
    shop.expectSilent();
  });

  test('Reject all refuses every purpose, even one just switched on', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await shop.toggle('marketing');
    await shop.rejectAll('preferences');
    await expect(shop.banner).toHaveCount(0);
    expect(await shop.get()).toMatchObject({
      purposes: { necessary: true, analytics: false, marketing: false },
      source: 'preferences',
    });
    shop.expectSilent();
  });
});

test.describe('leaving the preferences without deciding', () => {
  test('Escape closes the preferences back to the banner: no cookie, no change event', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.pressEscape();
    await expect(shop.preferences).toHaveCount(0);
    await expect(shop.banner).toBeVisible();
    // A second Escape, now on the banner, decides nothing either.
    await shop.pressEscape();
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    expect(await shop.cookie()).toBeUndefined();
    expect(await shop.events('change')).toEqual([]);
    // What was switched before Escape was not kept as a choice either.
    await shop.choose();
    await expect(shop.purposeSwitch('analytics')).not.toBeChecked();
    shop.expectSilent();
  });

  test('the close button does the same as Escape', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'vi' });
    await shop.choose();
    await shop.toggle('marketing');
    await shop.closePreferences();
    await expect(shop.preferences).toHaveCount(0);
    await expect(shop.banner).toBeVisible();
    await expect(shop.banner).toHaveAttribute('lang', 'vi');
    expect(await shop.get()).toBeNull();
    expect(await shop.cookie()).toBeUndefined();
    expect(await shop.events('change')).toEqual([]);
    shop.expectSilent();
  });

  test('Escape on the banner is not consent: the banner stays', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await expect(shop.banner).toBeVisible();
    await shop.button('reject-all').focus();
    await shop.pressEscape();
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    expect(await shop.cookie()).toBeUndefined();
    shop.expectSilent();
  });

  test('after a decision, Escape and the close button leave the decision as it was', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    const decided = await shop.get();
    const cookie = (await shop.cookie())?.value;

    await page.locator('#privacy-settings').click();
    await expect(shop.preferences).toBeVisible();
    await expect(shop.purposeSwitch('analytics')).toBeChecked();
    await expect(shop.purposeSwitch('marketing')).not.toBeChecked();
    await shop.toggle('marketing');
    await shop.pressEscape();
    await expect(shop.preferences).toHaveCount(0);
    await expect(shop.banner).toHaveCount(0);

    await page.locator('#privacy-settings').click();
    await shop.toggle('analytics');
    await shop.closePreferences();
    await expect(shop.preferences).toHaveCount(0);
    await expect(shop.banner).toHaveCount(0);

    expect(await shop.get()).toEqual(decided);
    expect((await shop.cookie())?.value).toBe(cookie);
    expect(await shop.events('change')).toHaveLength(1);
    shop.expectSilent();
  });
});

test.describe('data-purposes', () => {
  test('"analytics" only: necessary and analytics are the only switches, and the only purposes stored', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { purposes: 'analytics' } });
    await shop.choose();
    await expect(shop.switches).toHaveCount(2);
    await expect(shop.purposeSwitch('necessary')).toBeChecked();
    await expect(shop.purposeSwitch('analytics')).not.toBeChecked();
    await expect(shop.purposeSwitch('marketing')).toHaveCount(0);
    await expect(shop.preferences).not.toContainText(texts('en').purposes.marketing.label);
    await shop.toggle('analytics');
    await shop.save();
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true });
    expect(await shop.has('marketing')).toBe(false);
    shop.expectSilent();
  });

  test('"marketing" only: Accept all in the banner grants marketing and nothing unasked', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { purposes: 'marketing' } });
    await shop.acceptAll();
    expect((await shop.get())?.purposes).toEqual({ necessary: true, marketing: true });
    expect(await shop.has('analytics')).toBe(false);
    shop.expectSilent();
  });
});

test('focus moves into the preferences and Tab keeps it there', async ({ page }) => {
  const shop = await ShopConsentPage.open(page);
  await shop.choose();
  const focusInside = await page.evaluate(() => {
    const root = document.getElementById('shopconsent-root')?.shadowRoot;
    const dialog = root?.querySelector('[data-layer="preferences"]');
    return !!root?.activeElement && !!dialog?.contains(root.activeElement);
  });
  expect(focusInside).toBe(true);
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  const stillInside = await page.evaluate(() => {
    const root = document.getElementById('shopconsent-root')?.shadowRoot;
    const dialog = root?.querySelector('[data-layer="preferences"]');
    return document.activeElement?.id === 'shopconsent-root' && !!dialog?.contains(root?.activeElement ?? null);
  });
  expect(stillInside).toBe(true);
  shop.expectSilent();
});
