import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { axe, expectNoAxeViolations } from './dialog-checks';
import { LANGS, type Lang, ShopConsentPage, texts } from './ShopConsentPage';

/** The `reopen` section this work adds to every locale file. */
const reopenLabel = (lang: Lang): string =>
  (
    JSON.parse(readFileSync(new URL(`../locales/${lang}.json`, import.meta.url), 'utf8')) as {
      reopen: { label: string };
    }
  ).reopen.label;

const floatingButton = (page: Page) => page.locator('shopconsent-reopen').getByRole('button');

test.describe('data-floating-button="true"', () => {
  for (const lang of LANGS) {
    test(`${lang}: a returning visitor gets a labelled button, without downloading the dialog until it is pressed`, async ({
      page,
    }) => {
      const shop = await ShopConsentPage.open(page, { lang, attributes: { 'floating-button': 'true' } });
      await expect(floatingButton(page)).toHaveCount(0);
      await shop.choose();
      await shop.toggle('marketing');
      await shop.save();
      await expect(floatingButton(page)).toBeVisible();

      shop.requests.length = 0;
      await shop.reload();
      await shop.settle();
      const button = floatingButton(page);
      await expect(button).toBeVisible();
      await expect(button).toHaveAccessibleName(reopenLabel(lang));
      await expect(button).toHaveAttribute('lang', lang);
      expect(shop.uiRequests()).toBe(0);
      if (lang !== 'en') expect(reopenLabel(lang)).not.toBe(reopenLabel('en'));

      await button.click();
      await expect(shop.preferences).toBeVisible();
      expect(shop.uiRequests()).toBe(1);
      await expect(shop.purposeSwitch('marketing')).toBeChecked();
      await expect(shop.purposeSwitch('analytics')).not.toBeChecked();
      await expect(shop.preferences).toHaveAttribute('lang', lang);
      shop.expectSilent();
    });
  }

  test('it is reachable with Tab, opens the preferences with Enter, and gets focus back on Escape', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { 'floating-button': 'true' } });
    await shop.rejectAll();
    await shop.reload();
    await shop.settle();
    let reached = false;
    for (let i = 0; i < 5 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await floatingButton(page).evaluate(
        (button) => (button.getRootNode() as ShadowRoot).activeElement === button,
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect(shop.preferences).toBeFocused();
    await shop.pressEscape();
    await expect(shop.preferences).toHaveCount(0);
    await expect(floatingButton(page)).toBeFocused();
    expect(await shop.events('change')).toEqual([]);
    shop.expectSilent();
  });

  test('axe finds nothing on it', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'mn', attributes: { 'floating-button': 'true' } });
    await shop.acceptAll();
    const findings = await new AxeBuilder({ page }).include('shopconsent-reopen').analyze();
    expect(findings.violations.map((v) => v.id)).toEqual([]);
    expect(findings.passes.map((p) => p.id)).toContain('button-name');
    shop.expectSilent();
  });

  test("the shop's texts[lang]['reopen.label'] names it", async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      lang: 'lv',
      attributes: { 'floating-button': 'true' },
      config: { texts: { lv: { 'reopen.label': 'Sīkdatņu izvēle' } } },
    });
    await shop.acceptAll();
    await expect(floatingButton(page)).toHaveAccessibleName('Sīkdatņu izvēle');
    await page.evaluate(() => window.ShopConsent.setLanguage('vi'));
    await expect(floatingButton(page)).toHaveAccessibleName(reopenLabel('vi'));
    shop.expectSilent();
  });

  test('it goes with reset() and is back with the next decision', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { config: { floatingButton: true } });
    await shop.acceptAll();
    await expect(floatingButton(page)).toBeVisible();
    await page.evaluate(() => window.ShopConsent.reset());
    await expect(shop.banner).toBeVisible();
    await expect(floatingButton(page)).toHaveCount(0);
    await shop.rejectAll();
    await expect(floatingButton(page)).toBeVisible();
    shop.expectSilent();
  });

  test('without the attribute there is none, and a bad value warns once and gives none', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.acceptAll();
    await expect(page.locator('shopconsent-reopen')).toHaveCount(0);
    shop.expectSilent();

    const other = await ShopConsentPage.open(page, { name: 'other', attributes: { 'floating-button': 'yes' } });
    await other.settle();
    await expect(page.locator('shopconsent-reopen')).toHaveCount(0);
    expect(other.widgetWarnings()).toEqual([
      '[ShopConsent] data-floating-button: "yes" is not true or false; using false.',
    ]);
  });
});

test.describe('the reopened preferences show the saved choices and when they were made', () => {
  test.use({ timezoneId: 'UTC' });

  // The reference instant of part B.3 of the compliance guide, and its long date in each language
  // there (measured with full ICU), which Chromium, lacking Mongolian and Kyrgyz date data, must match.
  const DECIDED = Date.UTC(2025, 0, 5, 14, 3) / 1000;
  const LONG_DATE: Record<Lang, string> = {
    mn: '2025 оны нэгдүгээр сарын 5',
    ky: '2025-ж., 5-январь',
    vi: '5 tháng 1, 2025',
    lv: '2025. gada 5. janvāris',
    en: 'January 5, 2025',
  };

  for (const lang of LANGS) {
    test(`${lang}: "${texts(lang).preferences.decidedOn.replace('{{date}}', LONG_DATE[lang])}"`, async ({ page }) => {
      const shop = new ShopConsentPage(page);
      await shop.setCookie(`1|k3v9x0q2m7a1b5c8d4e6|${DECIDED}|1|${lang}|banner|necessary:1.analytics:1.marketing:0`);
      await shop.goto({ lang, attributes: { 'expires-days': '3650' } });
      await shop.settle();
      expect(shop.uiRequests()).toBe(0);
      await page.locator('#privacy-settings').click();
      await expect(shop.preferences).toBeVisible();
      const sentence = texts(lang).preferences.decidedOn.replace('{{date}}', LONG_DATE[lang]);
      await expect(shop.preferences.locator('.sc-decided')).toHaveText(sentence);
      await expect(shop.purposeSwitch('analytics')).toBeChecked();
      await expect(shop.purposeSwitch('marketing')).not.toBeChecked();
      expectNoAxeViolations(await axe(page), ['color-contrast']);
      shop.expectSilent();
    });
  }

  test('ShopConsent.open() shows them too, after a decision in this page view', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'ky' });
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    const decidedAt = (await shop.get())?.decidedAt ?? '';
    await page.evaluate(() => window.ShopConsent.open());
    await expect(shop.preferences).toBeVisible();
    await expect(shop.purposeSwitch('analytics')).toBeChecked();
    const day = new Date(decidedAt);
    const months = 'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'.split(' ');
    const date = `${day.getUTCFullYear()}-ж., ${day.getUTCDate()}-${months[day.getUTCMonth()]}`;
    await expect(shop.preferences.locator('.sc-decided')).toHaveText(
      texts('ky').preferences.decidedOn.replace('{{date}}', date),
    );
    shop.expectSilent();
  });

  test('a first visit has no date: there is nothing saved yet', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await expect(shop.preferences.locator('.sc-decided')).toHaveCount(0);
    shop.expectSilent();
  });
});

test('the core carries no text of the locale files; each banner file its own language’s banner texts alone; the extras the reopen label alone', () => {
  const bundle = (file: string) => readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
  const core = bundle('shopconsent.js');
  const extras = bundle('shopconsent-extras.js');
  for (const lang of LANGS) {
    const label = reopenLabel(lang);
    expect(core).not.toContain(label);
    expect(extras).toContain(label);
    const t = texts(lang);
    for (const text of [t.banner.title, t.banner.text, t.actions.rejectAll]) {
      expect(core, `${lang}: ${text}`).not.toContain(text);
      expect(extras, `${lang}: ${text}`).not.toContain(text);
      for (const other of LANGS) {
        const banner = bundle(`shopconsent-banner-${other}.js`);
        if (other === lang) expect(banner, `${other}: ${text}`).toContain(text);
        else expect(banner, `${other}: ${text}`).not.toContain(text);
      }
    }
    for (const text of [t.preferences.title, t.purposes.necessary.label, t.actions.save]) {
      expect(core, `${lang}: ${text}`).not.toContain(text);
      expect(bundle(`shopconsent-banner-${lang}.js`), `${lang}: ${text}`).not.toContain(text);
      if (text !== label) expect(extras, `${lang}: ${text}`).not.toContain(text);
    }
  }
});

test('a returning visit does not download the reading of the dialog settings: the banner files and the dialog carry it', () => {
  const bundle = (file: string) => readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
  // A warning only the dialog settings' parser gives (src/settings/dialog-settings.ts).
  const parser = 'is not valid for a supported language; ignored.';
  expect(bundle('shopconsent.js')).not.toContain(parser);
  expect(bundle('shopconsent-ui.js')).toContain(parser);
  for (const lang of LANGS) expect(bundle(`shopconsent-banner-${lang}.js`), lang).toContain(parser);
});
