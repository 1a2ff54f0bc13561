import { expect, type Locator, type Page, test } from '@playwright/test';
import { dialogAtRest } from './dialog-checks';
import { LANGS, type Layer, ShopConsentPage } from './ShopConsentPage';

/** Where a layer sits in the viewport, and its corners. */
const placement = async (page: Page, layer: Locator) => {
  const box = await layer.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('the layer is not shown');
  const radius = await layer.evaluate((element) => {
    const style = getComputedStyle(element);
    return { top: style.borderTopLeftRadius, bottom: style.borderBottomLeftRadius };
  });
  return {
    left: Math.round(box.x),
    right: Math.round(viewport.width - box.x - box.width),
    top: Math.round(box.y),
    bottom: Math.round(viewport.height - box.y - box.height),
    radius,
  };
};

test.describe('data-layout', () => {
  test('default on a wide screen: a bottom bar, full width, the preferences a centred dialog', async ({ page }) => {
    const shop = await ShopConsentPage.open(page);
    await dialogAtRest(page);
    const bar = await placement(page, shop.banner);
    expect([bar.left, bar.right, bar.bottom]).toEqual([0, 0, 0]);
    expect(bar.top).toBeGreaterThan(400);
    expect(bar.radius.top).toBe('0px');
    await shop.choose();
    await dialogAtRest(page);
    const dialog = await placement(page, shop.preferences);
    expect(Math.abs(dialog.left - dialog.right)).toBeLessThanOrEqual(1);
    expect(Math.abs(dialog.top - dialog.bottom)).toBeLessThanOrEqual(1);
    shop.expectSilent();
  });

  test.describe('default on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('a bottom sheet with rounded top corners, for the banner and the preferences', async ({ page }) => {
      const shop = await ShopConsentPage.open(page, { lang: 'ky' });
      await dialogAtRest(page);
      const sheet = await placement(page, shop.banner);
      expect([sheet.left, sheet.right, sheet.bottom]).toEqual([0, 0, 0]);
      expect(sheet.radius).toEqual({ top: '16px', bottom: '0px' });
      await shop.choose();
      await dialogAtRest(page);
      const preferences = await placement(page, shop.preferences);
      expect([preferences.left, preferences.right, preferences.bottom]).toEqual([0, 0, 0]);
      expect(preferences.radius).toEqual({ top: '16px', bottom: '0px' });
      shop.expectSilent();
    });
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 360, height: 740 },
  ]) {
    test(`"box" at ${viewport.width} px: the banner is a box in the middle of the screen`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const shop = await ShopConsentPage.open(page, { attributes: { layout: 'box' } });
      await dialogAtRest(page);
      const box = await placement(page, shop.banner);
      expect(Math.abs(box.left - box.right)).toBeLessThanOrEqual(1);
      expect(Math.abs(box.top - box.bottom)).toBeLessThanOrEqual(1);
      expect(Math.min(box.left, box.top)).toBeGreaterThan(0);
      expect(box.radius).toEqual({ top: '16px', bottom: '16px' });
      shop.expectSilent();
    });
  }

  test('a bad value warns once, naming the attribute, and gives the bar', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { layout: 'popup' } });
    await dialogAtRest(page);
    expect((await placement(page, shop.banner)).bottom).toBe(0);
    expect(shop.widgetWarnings()).toEqual(['[ShopConsent] data-layout: "popup" is not bar or box; using bar.']);
    shop.expectNoErrors();
  });
});

/** What makes a button look more or less prominent than another. */
const prominence = (button: Locator) =>
  button.evaluate((element) => {
    const style = getComputedStyle(element);
    const { width, height } = element.getBoundingClientRect();
    return {
      tag: element.tagName,
      width: Math.round(width),
      height: Math.round(height),
      font: `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
      colours: `${style.color} on ${style.backgroundColor}, border ${style.borderTopWidth} ${style.borderTopColor}`,
      radius: style.borderTopLeftRadius,
    };
  });

test.describe('Accept all and Reject all are equal: same element, size, weight and colours', () => {
  for (const lang of LANGS) {
    for (const [width, layout] of [
      [1280, 'bar'],
      [360, 'bar'],
      [1280, 'box'],
    ] as const) {
      test(`${lang}, ${width} px, ${layout}: in the banner and in the preferences`, async ({ page }) => {
        await page.setViewportSize({ width, height: 740 });
        const shop = await ShopConsentPage.open(page, { lang, attributes: { layout } });
        await dialogAtRest(page);
        for (const layer of ['banner', 'preferences'] as Layer[]) {
          if (layer === 'preferences') {
            await shop.choose();
            await dialogAtRest(page);
          }
          const accept = await prominence(shop.button('accept-all', layer));
          expect(accept.tag).toBe('BUTTON');
          expect(await prominence(shop.button('reject-all', layer))).toEqual(accept);
        }
        shop.expectSilent();
      });
    }
  }
});

/** Text that is cut off: an element whose content is wider or taller than its box, while clipping. */
const clipped = (layer: Locator) =>
  layer.evaluate((dialog) =>
    [dialog, ...dialog.querySelectorAll('*')]
      .filter((element) => {
        const style = getComputedStyle(element);
        const clips =
          style.overflowX !== 'visible' || style.textOverflow === 'ellipsis' || style.whiteSpace === 'nowrap';
        const scrollsHere = style.overflowY === 'auto' || style.overflowY === 'scroll';
        return (
          element.scrollWidth > element.clientWidth + 1 ||
          (clips && !scrollsHere && element.scrollHeight > element.clientHeight + 1)
        );
      })
      .map((element) => `${element.tagName}.${element.className}`),
  );

/** Every element of the layer lies within the viewport's width. */
const outsideViewport = (page: Page, layer: Locator) =>
  layer.evaluate((dialog, width) => {
    return [...dialog.querySelectorAll('button, input, label, h2, p, a')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < -0.5 || box.right > width + 0.5;
      })
      .map((element) => element.textContent);
  }, page.viewportSize()?.width ?? 0);

test.describe('long words and labels wrap, never clip', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  const LONG = {
    ky: {
      'actions.rejectAll': 'Баарынан баш тартуу жана кошумча кукилерди колдонбоо',
      'actions.acceptAll': 'Бардык кошумча кукилерди колдонууга макулмун',
      'purposes.necessary.label': 'Буйрутманы аткаруу, төлөмдү кабыл алуу жана буйрутманы жеткирүү',
      'banner.title': 'Купуялыгыңызды жана жеке маалыматтарыңызды коргойбуз',
    },
    vi: {
      'actions.rejectAll': 'Từ chối tất cả các cookie không thực sự cần thiết',
      'actions.acceptAll': 'Đồng ý tất cả các mục đích xử lý dữ liệu cá nhân',
      'purposes.analytics.label': 'Phân tích và thống kê lượt truy cập để cải thiện cửa hàng trực tuyến',
      'banner.title': 'Chúng tôi tôn trọng quyền riêng tư và dữ liệu cá nhân nhạy cảm của bạn',
    },
  };

  for (const lang of ['ky', 'vi'] as const) {
    test(`${lang} at 320 px: every word of banner and preferences stays in view`, async ({ page }) => {
      const shop = await ShopConsentPage.open(page, { lang, config: { texts: { [lang]: LONG[lang] } } });
      await dialogAtRest(page);
      await expect(shop.button('reject-all')).toHaveText(LONG[lang]['actions.rejectAll']);
      expect(await clipped(shop.banner)).toEqual([]);
      expect(await outsideViewport(page, shop.banner)).toEqual([]);
      // A two-line button really grew instead of cutting its label.
      const { height } = (await shop.button('reject-all').boundingBox()) ?? { height: 0 };
      expect(height).toBeGreaterThan(50);
      await shop.choose();
      await dialogAtRest(page);
      expect(await clipped(shop.preferences)).toEqual([]);
      expect(await outsideViewport(page, shop.preferences)).toEqual([]);
      shop.expectSilent();
    });
  }

  test('a single word longer than the screen breaks instead of overflowing', async ({ page }) => {
    const word = 'Буйрутманыаткаруужанажеткирүүжанабуйрутманыаткаруу';
    const shop = await ShopConsentPage.open(page, { lang: 'ky', config: { texts: { ky: { 'banner.title': word } } } });
    await dialogAtRest(page);
    expect(await clipped(shop.banner)).toEqual([]);
    expect(await outsideViewport(page, shop.banner)).toEqual([]);
    shop.expectSilent();
  });
});

test.describe('200% zoom: a 1280 × 720 screen zoomed to 640 × 360 CSS pixels', () => {
  test.use({ viewport: { width: 640, height: 360 } });

  test('every choice in the banner and the preferences can be scrolled to and used', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { lang: 'mn', attributes: { 'policy-url': '/privacy' } });
    await dialogAtRest(page);
    for (const action of ['accept-all', 'reject-all', 'preferences']) {
      await shop.button(action).scrollIntoViewIfNeeded();
      await expect(shop.button(action)).toBeInViewport();
    }
    expect(await clipped(shop.banner)).toEqual([]);
    await shop.choose();
    await dialogAtRest(page);
    for (const purpose of ['analytics', 'marketing']) {
      await shop.purposeSwitch(purpose).scrollIntoViewIfNeeded();
      await expect(shop.purposeSwitch(purpose)).toBeInViewport();
    }
    await shop.toggle('marketing');
    await shop.button('save', 'preferences').scrollIntoViewIfNeeded();
    await expect(shop.button('save', 'preferences')).toBeInViewport();
    await shop.save();
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: false, marketing: true });
    shop.expectSilent();
  });
});
