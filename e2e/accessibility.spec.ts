import { expect, type Page, test } from '@playwright/test';
import { axe, dialogAtRest, expectNoAxeViolations } from './dialog-checks';
import { LANGS, type Layer, ShopConsentPage, texts } from './ShopConsentPage';

/** The rules that must have checked nodes inside the shadow root for a scan to count. */
const BANNER_RULES = ['aria-dialog-name', 'button-name', 'color-contrast', 'link-name'];
const PREFERENCES_RULES = [...BANNER_RULES, 'label', 'aria-allowed-role'];

const PAGE_BODY = '<label>Search <input id="search" autofocus></label> <button id="page-button">Add to cart</button>';

test.describe('axe-core finds nothing, in every language and both themes', () => {
  for (const lang of LANGS) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${lang}, ${theme}: banner, then preferences`, async ({ page }) => {
        const shop = await ShopConsentPage.open(page, {
          lang,
          attributes: { theme, shop: 'Mimico', 'policy-url': '/privacy' },
        });
        await expect(shop.banner).toBeVisible();
        expectNoAxeViolations(await axe(page), BANNER_RULES);
        await shop.choose();
        expectNoAxeViolations(await axe(page), PREFERENCES_RULES);
        shop.expectSilent();
      });
    }
  }

  test('the centred box, and "auto" on a dark system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const shop = await ShopConsentPage.open(page, {
      lang: 'ky',
      attributes: { layout: 'box', 'policy-url': '/privacy' },
    });
    expectNoAxeViolations(await axe(page), BANNER_RULES);
    // The dark palette is what axe measured.
    const background = await shop.banner.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(27, 29, 34)');
    await shop.choose();
    expectNoAxeViolations(await axe(page), PREFERENCES_RULES);
    shop.expectSilent();
  });

  test('a phone: the bottom sheet', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const shop = await ShopConsentPage.open(page, {
      lang: 'vi',
      attributes: { theme: 'dark', 'policy-url': '/privacy' },
    });
    expectNoAxeViolations(await axe(page), BANNER_RULES);
    await shop.choose();
    expectNoAxeViolations(await axe(page), PREFERENCES_RULES);
    shop.expectSilent();
  });
});

/** The focused element, looking into open shadow roots: `tag[data-action]#id` or `null` for the body. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    const action = element.getAttribute('data-action') ?? element.getAttribute('data-layer');
    return `${element.tagName.toLowerCase()}${action ? `[${action}]` : ''}${element.id ? `#${element.id}` : ''}`;
  });

test.describe('the banner is a labelled, non-modal dialog', () => {
  test('it takes focus when it opens, so a screen reader reads its title and text', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'lv' });
    const t = texts('lv');
    await expect(shop.banner).toBeFocused();
    await expect(shop.banner).toHaveAccessibleName(t.banner.title);
    await expect(shop.banner).toHaveAccessibleDescription(new RegExp(t.banner.text.slice(0, 40)));
    await expect(shop.banner).toHaveAttribute('aria-modal', 'false');
    await expect(shop.banner).toHaveAttribute('lang', 'lv');
    // The first Tab goes to the first choice.
    await page.keyboard.press('Tab');
    await expect(shop.button('accept-all')).toBeFocused();
    shop.expectSilent();
  });

  test('the page stays usable: its fields and buttons work while the banner is shown', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, {
      body: `${PAGE_BODY}<output id="cart">0</output>
        <script>document.getElementById('page-button').onclick = () => { document.getElementById('cart').value = '1'; };</script>`,
    });
    await expect(shop.banner).toBeVisible();
    await page.locator('#search').fill('boots');
    await expect(page.locator('#search')).toHaveValue('boots');
    await page.locator('#page-button').click();
    await expect(page.locator('#cart')).toHaveText('1');
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    shop.expectSilent();
  });

  test('it has no close button: the only ways out are the three choices', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    const actions = await shop.banner
      .locator('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')));
    expect(actions).toEqual(['accept-all', 'reject-all', 'preferences']);
    shop.expectSilent();
  });
});

test.describe('the preferences are a modal dialog', () => {
  test('it is modal, labelled, takes focus, and the page behind it is out of reach', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'mn', body: PAGE_BODY });
    await shop.choose();
    await expect(shop.preferences).toBeFocused();
    await expect(shop.preferences).toHaveAccessibleName(texts('mn').preferences.title);
    expect(await shop.preferences.evaluate((dialog) => dialog.matches(':modal'))).toBe(true);
    // The page is out of reach: a click on its button lands on the backdrop, and Tab never leaves the dialog.
    const hit = await page.locator('#page-button').evaluate((button) => {
      const { x, y, width, height } = button.getBoundingClientRect();
      return document.elementFromPoint(x + width / 2, y + height / 2)?.id;
    });
    expect(hit).toBe('shopconsent-root');
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      expect(String(await focused(page))).not.toMatch(/#(search|page-button|privacy-settings)$/);
    }
    shop.expectSilent();
  });

  test('the switches are real controls: name, role, state, and the keyboard', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'ky' });
    const t = texts('ky');
    await shop.choose();
    const analytics = page.getByRole('switch', { name: t.purposes.analytics.label });
    await expect(analytics).toHaveAttribute('aria-checked', 'false');
    await expect(analytics).not.toBeChecked();
    await analytics.focus();
    await page.keyboard.press('Space');
    await expect(analytics).toBeChecked();
    await expect(analytics).toHaveAttribute('aria-checked', 'true');
    const necessary = page.getByRole('switch', { name: t.purposes.necessary.label });
    await expect(necessary).toBeChecked();
    await expect(necessary).toBeDisabled();
    await expect(necessary).toHaveAccessibleDescription(t.purposes.necessary.description);
    shop.expectSilent();
  });

  test('Escape closes them, deciding nothing', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await shop.choose();
    await shop.pressEscape();
    await expect(shop.preferences).toHaveCount(0);
    await expect(shop.banner).toBeVisible();
    // Twice in a row: Chromium closes a dialog without a cancel event the second time.
    await shop.choose();
    await shop.pressEscape();
    await expect(shop.banner).toBeVisible();
    await shop.choose();
    await shop.pressEscape();
    await expect(shop.preferences).toHaveCount(0);
    await expect(shop.banner).toBeVisible();
    expect(await shop.get()).toBeNull();
    expect(await shop.events('change')).toEqual([]);
    shop.expectSilent();
  });
});

test.describe('focus returns to where it was, on every path', () => {
  const openWithField = (page: Page) => ShopConsentPage.open(page, { body: PAGE_BODY });

  test('a field the visitor was in → banner → Accept all: back to the field', async ({ page }) => {
    const shop = await openWithField(page);
    await expect(shop.banner).toBeFocused();
    await shop.acceptAll();
    await expect(page.locator('#search')).toBeFocused();
    shop.expectSilent();
  });

  test('banner → preferences → Escape: back to "Choose"; then Reject all: back to the field', async ({ page }) => {
    const shop = await openWithField(page);
    await shop.button('preferences').focus();
    await page.keyboard.press('Enter');
    await expect(shop.preferences).toBeFocused();
    await shop.pressEscape();
    await expect(shop.button('preferences')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(shop.button('reject-all')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(shop.banner).toHaveCount(0);
    await expect(page.locator('#search')).toBeFocused();
    shop.expectSilent();
  });

  test('banner → preferences → close button: back to "Choose"', async ({ page }) => {
    const shop = await openWithField(page);
    await shop.choose();
    await shop.closePreferences();
    await expect(shop.button('preferences')).toBeFocused();
    shop.expectSilent();
  });

  test('banner → preferences → Save: back to the field', async ({ page }) => {
    const shop = await openWithField(page);
    await shop.choose();
    await shop.toggle('analytics');
    await shop.save();
    await expect(page.locator('#search')).toBeFocused();
    shop.expectSilent();
  });

  for (const [how, leave] of [
    ['Escape', (shop: ShopConsentPage) => shop.pressEscape()],
    ['the close button', (shop: ShopConsentPage) => shop.closePreferences()],
    ['Save', (shop: ShopConsentPage) => shop.save()],
  ] as const) {
    test(`a privacy link → preferences → ${how}: back to the link`, async ({ page }) => {
      const shop = await ShopConsentPage.open(page);
      await shop.rejectAll();
      await page.locator('#privacy-settings').focus();
      await page.keyboard.press('Enter');
      await expect(shop.preferences).toBeFocused();
      await leave(shop);
      await expect(shop.preferences).toHaveCount(0);
      await expect(page.locator('#privacy-settings')).toBeFocused();
      shop.expectSilent();
    });
  }

  test('a returning visitor: a page button calling ShopConsent.open() → Escape: back to that button', async ({
    page,
  }) => {
    const shop = await ShopConsentPage.open(page, {
      body: '<button id="settings" onclick="ShopConsent.open()">Cookie settings</button>',
    });
    await shop.acceptAll();
    await shop.reload();
    await page.locator('#settings').click();
    await expect(shop.preferences).toBeFocused();
    await shop.pressEscape();
    await expect(shop.preferences).toHaveCount(0);
    await expect(page.locator('#settings')).toBeFocused();
    shop.expectSilent();
  });

  test('a visitor who has moved on in the page keeps their place when the banner goes', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { body: PAGE_BODY });
    await page.locator('#page-button').focus();
    // The shop's own code decides (say, from its account page), while the visitor is elsewhere.
    await page.evaluate(() => window.ShopConsent.rejectAll());
    await expect(shop.banner).toHaveCount(0);
    await expect(page.locator('#page-button')).toBeFocused();
    shop.expectSilent();
  });
});

test.describe('visible focus', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`${theme}: every control shows a solid ring of at least 3:1 against the dialog when tabbed to`, async ({
      page,
    }) => {
      const shop = await ShopConsentPage.open(page, { attributes: { theme, 'policy-url': '/privacy' } });
      await dialogAtRest(page);
      const ring = async (layer: Layer) => {
        const { style, width, ratio } = await shop.layer(layer).evaluate((dialog) => {
          let element = document.activeElement;
          while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
          const css = getComputedStyle(element as Element);
          const rgb = (value: string) => (value.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
          const lum = (value: string) => {
            const [r, g, b] = rgb(value).map((c) => {
              const s = c / 255;
              return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const [a, b] = [lum(css.outlineColor), lum(getComputedStyle(dialog).backgroundColor)].sort((x, y) => y - x);
          return {
            style: css.outlineStyle,
            width: Number.parseFloat(css.outlineWidth),
            ratio: (a + 0.05) / (b + 0.05),
          };
        });
        expect(style).toBe('solid');
        expect(width).toBeGreaterThanOrEqual(2);
        expect(ratio).toBeGreaterThanOrEqual(3);
      };
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        await ring('banner');
      }
      await shop.choose();
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        await ring('preferences');
      }
      shop.expectSilent();
    });
  }
});
