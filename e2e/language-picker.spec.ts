import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { LANGS, type Lang, ShopConsentPage } from './ShopConsentPage';

/** Every string of `locales/<lang>.json` by dotted key: the expected texts, never read from the widget. */
const flatten = (value: unknown, prefix = ''): Record<string, string> =>
  typeof value === 'object' && value !== null
    ? Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)))
    : { [prefix]: String(value) };
const locale = (lang: Lang): Record<string, string> =>
  flatten(JSON.parse(readFileSync(new URL(`../locales/${lang}.json`, import.meta.url), 'utf8')));
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

const ALL_PURPOSES = ['necessary', 'analytics', 'marketing', 'personalization', 'customer-service'] as const;
const EXTRA = { purposes: ['analytics', 'marketing', 'personalization', 'customer-service'] };

const picker = (shop: ShopConsentPage) => shop.preferences.getByRole('combobox');
/** A purpose's entry in the preferences: its name, switch, description and notes. */
const purposeItem = (shop: ShopConsentPage, purpose: string) =>
  shop.preferences.getByRole('listitem').filter({ has: shop.page.locator(`[data-purpose="${purpose}"]`) });

/** The preferences speak `lang` throughout: title, text, every purpose, the buttons, the picker itself. */
const expectPreferencesIn = async (shop: ShopConsentPage, lang: Lang, purposes: readonly string[] = ALL_PURPOSES) => {
  const t = locale(lang);
  await expect(shop.preferences).toHaveAttribute('lang', lang);
  await expect(shop.title('preferences')).toHaveText(t['preferences.title']);
  await expect(shop.preferences).toContainText(t['preferences.text']);
  for (const purpose of purposes) {
    await expect(shop.purposeSwitch(purpose)).toHaveAccessibleName(t[`purposes.${purpose}.label`]);
    await expect(shop.preferences).toContainText(t[`purposes.${purpose}.description`]);
  }
  await expect(shop.button('accept-all', 'preferences')).toHaveText(t['actions.acceptAll']);
  await expect(shop.button('reject-all', 'preferences')).toHaveText(t['actions.rejectAll']);
  await expect(shop.button('save', 'preferences')).toHaveText(t['actions.save']);
  await expect(shop.button('close', 'preferences')).toHaveAccessibleName(t['actions.close']);
  await expect(picker(shop)).toHaveAccessibleName(t['language.label']);
  await expect(picker(shop)).toHaveValue(lang);
  if (lang !== 'en') await expect(shop.title('preferences')).not.toHaveText(locale('en')['preferences.title']);
};

const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { __samePage: true }));
const isSamePage = (page: Page) => page.evaluate(() => (window as { __samePage?: boolean }).__samePage === true);

test.describe('the language picker in the preferences', () => {
  for (const lang of LANGS) {
    test(`in ${lang}: labelled in ${lang}, every language by its own name with its own lang attribute`, async ({
      page,
    }) => {
      const shop = await ShopConsentPage.open(page, { lang, config: EXTRA });
      await shop.choose();
      await expectPreferencesIn(shop, lang);
      const options = picker(shop).locator('option');
      await expect(options).toHaveText(LANGS.map((code) => locale(code)['language.name']));
      await expect(options).toHaveText(['Монгол', 'Кыргызча', 'Tiếng Việt', 'Latviešu', 'English']);
      for (const [index, code] of LANGS.entries()) {
        await expect(options.nth(index)).toHaveAttribute('lang', code);
        await expect(options.nth(index)).toHaveAttribute('value', code);
      }
      shop.expectSilent();
    });
  }

  test('switching goes through every language without a reload, keeping the switches as they were set', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'mn', config: EXTRA });
    await markPage(page);
    await shop.choose();
    await shop.toggle('personalization');
    for (const lang of ['ky', 'vi', 'lv', 'en', 'mn'] as const) {
      await picker(shop).selectOption(lang);
      await expectPreferencesIn(shop, lang);
      await expect(shop.purposeSwitch('personalization')).toBeChecked();
      await expect(shop.purposeSwitch('analytics')).not.toBeChecked();
    }
    expect(await isSamePage(page)).toBe(true);
    expect(await shop.get()).toBeNull();
    expect(await shop.events('change')).toEqual([]);
    shop.expectSilent();
  });

  test('works from the keyboard: Tab reaches it, the arrow keys switch the language', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'vi' });
    await shop.choose();
    // In the order it is seen: title, close button, then the picker on the row below.
    await shop.button('close', 'preferences').focus();
    await page.keyboard.press('Tab');
    await expect(picker(shop)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expectPreferencesIn(shop, 'lv', ['necessary', 'analytics', 'marketing']);
    await expect(picker(shop)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expectPreferencesIn(shop, 'ky', ['necessary', 'analytics', 'marketing']);
    shop.expectSilent();
  });

  test('the banner follows a switch made in the preferences', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'en' });
    await shop.choose();
    await picker(shop).selectOption('lv');
    await shop.pressEscape();
    await expect(shop.banner).toHaveAttribute('lang', 'lv');
    await expect(shop.title('banner')).toHaveText(locale('lv')['banner.title']);
    await expect(shop.button('preferences')).toHaveText(locale('lv')['actions.choose']);
    shop.expectSilent();
  });

  test('ShopConsent.setLanguage switches an open dialog the same way', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'ky' });
    await shop.choose();
    await page.evaluate(() => window.ShopConsent.setLanguage('vi-VN'));
    await expectPreferencesIn(shop, 'vi', ['necessary', 'analytics', 'marketing']);
    shop.expectSilent();
  });
});

test.describe('the chosen language is remembered in the decision', () => {
  test('saving after a switch records it; a later page without <html lang> opens in it', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { config: EXTRA });
    await shop.choose();
    await picker(shop).selectOption('vi');
    await shop.toggle('analytics');
    await shop.save();
    expect((await shop.get())?.lang).toBe('vi');
    expect((await shop.details<{ state: { lang: string } }>('change'))[0].state.lang).toBe('vi');
    expect((await shop.cookie())?.value).toContain('|vi|');

    await shop.goto({ name: 'other-page', config: EXTRA });
    await shop.settle();
    await expect(shop.banner).toHaveCount(0);
    await page.locator('#privacy-settings').click();
    await expectPreferencesIn(shop, 'vi');
    await expect(shop.purposeSwitch('analytics')).toBeChecked();
    shop.expectSilent();
  });

  test('a multi-language shop is not stuck: its /lv/ and /en/ pages speak their own language', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { name: 'lv/index', htmlLang: 'lv-LV' });
    await expect(shop.banner).toHaveAttribute('lang', 'lv');
    await shop.choose();
    await picker(shop).selectOption('mn');
    await shop.acceptAll('preferences');
    expect((await shop.get())?.lang).toBe('mn');

    await shop.goto({ name: 'en/index', htmlLang: 'en' });
    await shop.settle();
    await page.locator('#privacy-settings').click();
    await expectPreferencesIn(shop, 'en', ['necessary', 'analytics', 'marketing']);

    await shop.goto({ name: 'lv/about', htmlLang: 'lv' });
    await shop.settle();
    await page.locator('#privacy-settings').click();
    await expectPreferencesIn(shop, 'lv', ['necessary', 'analytics', 'marketing']);
    shop.expectSilent();
  });

  test('data-lang on the page wins over the remembered language', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await picker(shop).selectOption('ky');
    await shop.rejectAll('preferences');
    await shop.goto({ name: 'lv-page', lang: 'lv' });
    await shop.settle();
    await page.locator('#privacy-settings').click();
    await expectPreferencesIn(shop, 'lv', ['necessary', 'analytics', 'marketing']);
    shop.expectSilent();
  });
});

test.describe("the shop's default language", () => {
  test.use({ locale: 'de-DE' });

  test('data-default-lang speaks for a German browser on a page without <html lang>', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { 'default-lang': 'lv' } });
    await expect(shop.banner).toHaveAttribute('lang', 'lv');
    await expect(shop.title('banner')).toHaveText(locale('lv')['banner.title']);
    shop.expectSilent();
  });

  test('an unsupported data-default-lang warns once, naming it, and English is used', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { 'default-lang': 'kk' } });
    await expect(shop.banner).toHaveAttribute('lang', 'en');
    expect(shop.widgetWarnings()).toEqual([
      '[ShopConsent] data-default-lang: "kk" is not one of mn, ky, vi, lv, en; using en.',
    ]);
    shop.expectNoErrors();
  });
});

test.describe('notes the law asks for', () => {
  test('Vietnamese: analytics, marketing and personalisation say their data is sensitive personal data', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'vi', config: EXTRA });
    await shop.choose();
    const note = locale('vi')['notice.sensitive'];
    expect(note).toContain('dữ liệu cá nhân nhạy cảm');
    for (const purpose of ['analytics', 'marketing', 'personalization']) {
      const item = purposeItem(shop, purpose);
      await expect(item).toContainText(note);
      // Read out with the switch, so a screen reader user hears it before deciding.
      await expect(shop.purposeSwitch(purpose)).toHaveAccessibleDescription(new RegExp(note.replace(/[.]/g, '\\.')));
    }
    // Order fulfilment and the chat of customer service track nothing: the note would misdescribe them.
    for (const purpose of ['necessary', 'customer-service'])
      await expect(purposeItem(shop, purpose)).not.toContainText(note);
    await picker(shop).selectOption('lv');
    await expect(shop.preferences).not.toContainText(locale('lv')['notice.sensitive']);
    shop.expectSilent();
  });

  test('a Vietnamese shop can show the note in every language', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'en', attributes: { 'sensitive-note': 'true' } });
    await shop.choose();
    const analytics = purposeItem(shop, 'analytics');
    await expect(analytics).toContainText(locale('en')['notice.sensitive']);
    await picker(shop).selectOption('lv');
    await expect(purposeItem(shop, 'analytics')).toContainText(locale('lv')['purposes.analytics.label']);
    await expect(shop.preferences).not.toContainText(locale('lv')['notice.sensitive']);
    shop.expectSilent();
  });

  test('a Latvian shop cannot switch the note on: the GDPR has no such category; the shop is told', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'lv', attributes: { 'sensitive-note': 'true' } });
    await shop.choose();
    await expect(purposeItem(shop, 'analytics')).toBeVisible();
    await expect(shop.preferences).not.toContainText(locale('lv')['notice.sensitive']);
    expect(shop.widgetWarnings()).toEqual([
      '[ShopConsent] data-sensitive-note: the sensitive-data note is never shown in Latvian: under the GDPR data on online behaviour is not a special category.',
    ]);
    shop.expectNoErrors();
  });

  test('a Kazakhstan seller shows its operator and BIN, and every shop how long the choice holds', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      lang: 'ky',
      config: {
        operator: {
          name: 'ЖК "Migpromo"',
          id: '760919301616',
          address: { ky: 'Казакстан, Алматы', en: 'Almaty, Kazakhstan' },
          contact: 'info@migpromo.kz',
        },
        texts: { ky: { 'notice.operatorId': 'БИН: {{id}}' } },
      },
      attributes: { 'expires-days': '365' },
    });
    await shop.choose();
    const ky = locale('ky');
    await expect(shop.preferences).toContainText(
      [
        fill(ky['notice.operator'], { name: 'ЖК "Migpromo"' }),
        'БИН: 760919301616',
        'Казакстан, Алматы',
        'info@migpromo.kz',
      ].join(' · '),
    );
    await expect(shop.preferences).toContainText(
      fill(ky['notice.term'], { term: fill(ky['notice.years_one'], { count: 1 }) }),
    );
    await picker(shop).selectOption('en');
    const en = locale('en');
    await expect(shop.preferences).toContainText(
      [
        fill(en['notice.operator'], { name: 'ЖК "Migpromo"' }),
        fill(en['notice.operatorId'], { id: '760919301616' }),
        'Almaty, Kazakhstan',
      ].join(' · '),
    );
    await expect(shop.preferences).toContainText('We keep your choice for 1 year, then we ask again.');
    shop.expectSilent();
  });

  test('the consent term takes the Latvian plural forms', async ({ page }) => {
    const lv = locale('lv');
    for (const [days, unit, count] of [
      ['182', 'months_other', 6],
      ['304', 'months_zero', 10],
      ['21', 'days_one', 21],
    ] as const) {
      const shop = await ShopConsentPage.open(page, { lang: 'lv', attributes: { 'expires-days': days } });
      await shop.choose();
      await expect(shop.preferences).toContainText(
        fill(lv['notice.term'], { term: fill(lv[`notice.${unit}`], { count }) }),
      );
      shop.expectSilent();
    }
  });
});
