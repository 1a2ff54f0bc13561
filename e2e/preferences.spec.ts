import { expect, test } from '@playwright/test';
import { LANGS, ShopPage, texts } from './shop-page';

test.describe('preferences: one switch per purpose', () => {
  for (const lang of LANGS) {
    test(`in ${lang}: necessary locked on, the others off, every label in ${lang}`, async ({ page }) => {
      const shop = await ShopPage.open(page, { attributes: { lang } });
      const t = texts(lang);
      await shop.choose();
      await expect(shop.preferences).toHaveAttribute('lang', lang);
      await expect(shop.preferences).toHaveAccessibleName(t.preferences.title);
      await expect(shop.preferences.locator('[role="switch"]')).toHaveCount(3);
      await expect(shop.switchFor('necessary')).toBeChecked();
      await expect(shop.switchFor('necessary')).toBeDisabled();
      await expect(shop.switchFor('analytics')).not.toBeChecked();
      await expect(shop.switchFor('marketing')).not.toBeChecked();
      for (const id of ['necessary', 'analytics', 'marketing']) {
        await expect(shop.switchFor(id)).toHaveAccessibleName(t.purposes[id].label);
        await expect(shop.preferences).toContainText(t.purposes[id].description);
      }
      await expect(shop.button('save', shop.preferences)).toHaveText(t.actions.save);
      await expect(shop.button('close', shop.preferences)).toHaveAccessibleName(t.actions.close);
      expect(shop.pageErrors).toEqual([]);
    });
  }

  test('Save stores exactly what the visitor switched on', async ({ page }) => {
    const shop = await ShopPage.open(page, { attributes: { lang: 'lv' } });
    await shop.choose();
    await shop.toggle('marketing');
    await shop.save();
    await expect(shop.preferences).toHaveCount(0);
    await expect(shop.banner).toHaveCount(0);
    const state = await shop.state();
    expect(state?.purposes).toEqual({ necessary: true, analytics: false, marketing: true });
    expect(state?.source).toBe('preferences');
    expect(state?.lang).toBe('lv');
  });

  test('Accept all and Reject all work inside the preferences too', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.rejectAll(shop.preferences);
    expect((await shop.state())?.purposes).toEqual({ necessary: true, analytics: false, marketing: false });
    await page.evaluate(() => window.ShopConsent.open());
    await shop.acceptAll(shop.preferences);
    expect((await shop.state())?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
  });

  test('Escape leaves the preferences for the banner and decides nothing', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await shop.choose();
    await shop.toggle('analytics');
    await page.keyboard.press('Escape');
    await expect(shop.preferences).toHaveCount(0);
    await expect(shop.banner).toBeVisible();
    expect(await shop.state()).toBeNull();
    expect(await shop.cookie()).toBeUndefined();
    expect(await shop.events('change')).toEqual([]);
  });

  test('the close button does the same as Escape', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await shop.choose();
    await shop.button('close', shop.preferences).click();
    await expect(shop.banner).toBeVisible();
    expect(await shop.cookie()).toBeUndefined();
  });

  test('the page behind the preferences cannot be clicked, and focus starts inside them', async ({ page }) => {
    const shop = await ShopPage.open(page);
    await shop.choose();
    const focusInside = await page.evaluate(() => {
      const root = document.getElementById('shopconsent-root')?.shadowRoot;
      return !!root?.activeElement && !!root.querySelector('[data-layer="preferences"]')?.contains(root.activeElement);
    });
    expect(focusInside).toBe(true);
    const clickedThrough = await page.evaluate(() => {
      const link = document.getElementById('footer-link') as HTMLElement;
      const { x, y, width, height } = link.getBoundingClientRect();
      return document.elementFromPoint(x + width / 2, y + height / 2) === link;
    });
    expect(clickedThrough).toBe(false);
  });

  test('data-purposes decides which switches there are', async ({ page }) => {
    const shop = await ShopPage.open(page, { attributes: { purposes: 'analytics' } });
    await shop.choose();
    await expect(shop.preferences.locator('[role="switch"]')).toHaveCount(2);
    await expect(shop.switchFor('marketing')).toHaveCount(0);
    await shop.acceptAll(shop.preferences);
    expect((await shop.state())?.purposes).toEqual({ necessary: true, analytics: true });
  });

  test('a shop purpose shows its own label, description and cookie count', async ({ page }) => {
    const shop = await ShopPage.open(page, {
      attributes: { lang: 'lv' },
      config: {
        purposes: [
          'analytics',
          {
            id: 'loyalty',
            cookies: ['loyalty_id', 'loyalty_tier'],
            label: { lv: 'Lojalitātes programma', en: 'Loyalty programme' },
            description: { lv: 'Bonusu punkti par pirkumiem.' },
          },
        ],
      },
    });
    await shop.choose();
    await expect(shop.switchFor('loyalty')).toHaveAccessibleName('Lojalitātes programma');
    await expect(shop.preferences).toContainText('Bonusu punkti par pirkumiem.');
    // Two cookies: the Latvian "other" plural form.
    await expect(shop.preferences).toContainText('2 sīkdatnes');
  });

  test('reopened after a decision, the switches show that decision and its date', async ({ page }) => {
    const shop = await ShopPage.open(page, { attributes: { lang: 'en' } });
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    await page.locator('#footer-link').click();
    await expect(shop.preferences).toBeVisible();
    await expect(shop.switchFor('analytics')).toBeChecked();
    await expect(shop.switchFor('marketing')).not.toBeChecked();
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date());
    await expect(shop.preferences).toContainText(today);
  });
});
