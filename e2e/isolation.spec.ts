import { expect, type Page, test } from '@playwright/test';
import { dialogAtRest } from './dialog-checks';
import { hostPageHtml, ShopConsentPage, texts } from './ShopConsentPage';

/**
 * The widget in a shadow root: the shop's CSS cannot break it, and its CSS cannot touch the shop.
 */

/** A theme that restyles everything it can reach, the way careless or hostile shop CSS does. */
const HOSTILE_CSS = `<style>
  * {
    color: #f0f !important; background: #ff0 !important; font: italic 700 31px/3 "Comic Sans MS", cursive !important;
    margin: 37px !important; padding: 23px !important; border: 5px dotted #f00 !important;
    text-transform: uppercase !important; letter-spacing: 6px !important; box-sizing: content-box !important;
    visibility: hidden !important; width: 13px !important; height: 13px !important; max-height: 20px !important;
    float: left !important; position: static !important; z-index: 0 !important; outline: 4px solid lime !important;
    --_bg: #f00 !important; --_accent: #0f0 !important; --_space: 90px !important;
  }
  body *, button, div, dialog, [role="dialog"], shopconsent-root, #shopconsent-root, shopconsent-reopen {
    display: none !important;
  }
  input, input[type="checkbox"] { appearance: auto !important; width: 40px !important; }
  ::backdrop { background: #f00 !important; }
  [data-action], [data-layer], [data-purpose] { display: none !important; }
</style>`;

/** What a visitor sees of the dialog: the computed look of its layer, title, buttons and switches. */
const look = (page: Page) =>
  page.evaluate(() => {
    const root = document.getElementById('shopconsent-root')?.shadowRoot;
    const layer = root?.querySelector('[data-layer]');
    if (!layer) return null;
    const properties = [
      'display',
      'visibility',
      'position',
      'color',
      'background-color',
      'font-family',
      'font-size',
      'font-style',
      'font-weight',
      'line-height',
      'letter-spacing',
      'text-transform',
      'margin-top',
      'padding-top',
      'padding-left',
      'border-top-style',
      'border-top-width',
      'box-sizing',
      'float',
    ];
    const elements = [layer, ...layer.querySelectorAll('h2, p, button, input, label, a')];
    return elements.map((element) => {
      const style = getComputedStyle(element);
      const { width, height } = element.getBoundingClientRect();
      return {
        element: `${element.tagName} ${element.getAttribute('data-action') ?? element.className}`,
        ...Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)])),
        size: `${Math.round(width)}x${Math.round(height)}`,
      };
    });
  });

test.describe('the shop’s CSS cannot break the widget', () => {
  test('a theme that hides and restyles every button, div and * leaves banner and preferences intact', async ({
    page,
    browser,
  }) => {
    // The same page without the hostile theme, in a fresh browser, gives the reference look.
    const clean = await browser.newPage({ viewport: page.viewportSize() });
    const reference = await ShopConsentPage.open(clean, { lang: 'vi' });
    await dialogAtRest(clean);
    const bannerLook = await look(clean);
    await reference.choose();
    await dialogAtRest(clean);
    const preferencesLook = await look(clean);
    await clean.close();

    const shop = await ShopConsentPage.open(page, { lang: 'vi', head: HOSTILE_CSS });
    await expect(shop.banner).toBeVisible();
    await dialogAtRest(page);
    expect(await look(page)).toEqual(bannerLook);
    await expect(shop.button('reject-all')).toHaveText(texts('vi').actions.rejectAll);

    await shop.choose();
    await dialogAtRest(page);
    expect(await look(page)).toEqual(preferencesLook);
    await shop.toggle('analytics');
    await shop.save();
    expect((await shop.get())?.purposes).toEqual({ necessary: true, analytics: true, marketing: false });
    shop.expectSilent();
  });

  test('the floating button survives the same theme on a returning visit', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { 'floating-button': 'true' }, head: HOSTILE_CSS });
    await shop.rejectAll();
    await shop.reload();
    const button = page.locator('shopconsent-reopen').getByRole('button');
    await expect(button).toBeVisible();
    const { position, width, radius } = await button.evaluate((element) => {
      const host = getComputedStyle((element.getRootNode() as ShadowRoot).host);
      return {
        position: host.position,
        width: element.getBoundingClientRect().width,
        radius: getComputedStyle(element).borderRadius,
      };
    });
    expect({ position, width, radius }).toEqual({ position: 'fixed', width: 44, radius: '50%' });
    await button.click();
    await expect(shop.preferences).toBeVisible();
    shop.expectSilent();
  });
});

/** Everything the browser computes for every element of the shop's own page, and what it holds. */
const pageSnapshot = (page: Page) =>
  page.evaluate(() => {
    // Left out: our own elements, the scripts, and the prefetch link the core adds for the dialog.
    const elements = [...document.querySelectorAll('html, html *')].filter(
      (element) => !element.matches('shopconsent-root, shopconsent-reopen, script, script *, link[rel="prefetch"]'),
    );
    return {
      styles: elements.map((element) => {
        const style = getComputedStyle(element);
        const values: Record<string, string> = { element: element.tagName + (element.id ? `#${element.id}` : '') };
        for (let i = 0; i < style.length; i++) values[style[i]] = style.getPropertyValue(style[i]);
        return values;
      }),
      boxes: elements.map((element) => JSON.stringify(element.getBoundingClientRect())),
      styleSheets: document.styleSheets.length,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
      rootAttributes: [...document.documentElement.attributes, ...document.body.attributes].map(
        (a) => `${a.name}=${a.value}`,
      ),
      scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, scrollX, scrollY],
    };
  });

const SHOP_PAGE = `<style>
  body { font: 16px/1.6 Georgia, serif; color: #222; background: #fafafa; margin: 0 24px; }
  button { padding: 6px 12px; } .card { border: 1px solid #ddd; padding: 12px; margin: 8px 0; }
</style>`;
const SHOP_BODY = `<header><nav><a href="/">Home</a> <a href="/cart">Cart</a></nav></header>
<main><h2>Boots</h2><div class="card"><p>Leather boots, <b>49 €</b></p><button>Add to cart</button></div>
<dialog id="shop-dialog"><p>The shop's own dialog</p></dialog><ul><li>One</li><li>Two</li></ul>
<form><label>E-mail <input type="email"></label><input type="checkbox" checked><select><option>A</option></select></form>
<div style="height: 1500px"></div><footer>Footer</footer></main>`;

test.describe('the widget’s CSS changes nothing in the shop’s page', () => {
  test('every computed style, box and sheet of the page is the same before, during and after the dialog', async ({
    page,
  }) => {
    // Hold the widget back until the page has been measured without it; `async`, so that the page
    // parses on meanwhile.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/dist/shopconsent.js', async (route) => {
      await held;
      await route.continue();
    });
    const shop = new ShopConsentPage(page);
    const html = hostPageHtml({
      head: SHOP_PAGE,
      body: SHOP_BODY,
      attributes: { 'floating-button': 'true' },
      loading: 'async',
    });
    await page.route('**/shop.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto('/shop.html', { waitUntil: 'domcontentloaded' });
    const before = await pageSnapshot(page);
    expect(await page.locator('#shopconsent-root').count()).toBe(0);
    release();

    await expect(shop.banner).toBeVisible();
    await dialogAtRest(page);
    expect(await pageSnapshot(page)).toEqual(before);

    await shop.choose();
    await shop.closePreferences();
    await expect(shop.banner).toBeVisible();
    expect(await pageSnapshot(page)).toEqual(before);

    await shop.acceptAll();
    await expect(page.locator('shopconsent-reopen')).toBeVisible();
    expect(await pageSnapshot(page)).toEqual(before);
    shop.expectSilent();
  });

  test('everything the widget renders is inside the shadow roots of its two host elements', async ({ page }) => {
    const shop = await ShopConsentPage.open(page, { attributes: { 'floating-button': 'true' } });
    await shop.choose();
    const lightDom = await page.evaluate(() =>
      [...document.body.children].filter((e) => e.tagName !== 'SCRIPT').map((e) => e.tagName.toLowerCase()),
    );
    expect(lightDom).toEqual(['h1', 'p', 'shopconsent-root']);
    expect(await page.evaluate(() => document.getElementById('shopconsent-root')?.childNodes.length)).toBe(0);
    await shop.acceptAll('preferences');
    // The floating button comes with the extras bundle, a moment after the decision.
    await expect(page.locator('shopconsent-reopen')).toBeVisible();
    const hosts = await page.evaluate(() =>
      ['shopconsent-root', 'shopconsent-reopen'].map((tag) => {
        const host = document.querySelector(tag);
        return { tag, mode: host?.shadowRoot?.mode, lightChildren: host?.childNodes.length };
      }),
    );
    expect(hosts).toEqual([
      { tag: 'shopconsent-root', mode: 'open', lightChildren: 0 },
      { tag: 'shopconsent-reopen', mode: 'open', lightChildren: 0 },
    ]);
    shop.expectSilent();
  });
});

test.describe('a strict Content-Security-Policy without unsafe-inline', () => {
  const CSP =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";

  test('still shows a styled banner, preferences and floating button, with no violation', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { cspViolations: string[] }).cspViolations.push(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    const html = hostPageHtml({ lang: 'lv', attributes: { 'floating-button': 'true', theme: 'light' } });
    await page.route('**/strict.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': CSP },
        body: html,
      }),
    );
    const shop = new ShopConsentPage(page);
    const response = await page.goto('/strict.html');
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    expect(await page.evaluate(() => window.ShopConsent !== undefined)).toBe(true);

    await expect(shop.banner).toBeVisible();
    await dialogAtRest(page);
    const banner = await shop.banner.evaluate((element) => {
      const style = getComputedStyle(element);
      return { position: style.position, background: style.backgroundColor, padding: style.paddingTop };
    });
    expect(banner).toEqual({ position: 'fixed', background: 'rgb(255, 255, 255)', padding: '20px' });
    const accept = await shop.button('accept-all').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(accept).toBe('rgb(29, 78, 216)');

    await shop.choose();
    const preferences = await shop.preferences.evaluate((element) => {
      const style = getComputedStyle(element);
      return { display: style.display, radius: style.borderTopLeftRadius };
    });
    expect(preferences).toEqual({ display: 'flex', radius: '16px' });
    await shop.rejectAll('preferences');

    const reopen = page.locator('shopconsent-reopen').getByRole('button');
    await expect(reopen).toBeVisible();
    const button = await reopen.evaluate((element) => ({
      position: getComputedStyle((element.getRootNode() as ShadowRoot).host).position,
      radius: getComputedStyle(element).borderRadius,
      width: element.getBoundingClientRect().width,
    }));
    expect(button).toEqual({ position: 'fixed', radius: '50%', width: 44 });

    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    shop.expectSilent();
  });

  test('the policy is really enforced on that page: an inline style attribute is refused', async ({ page }) => {
    await page.route('**/strict.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': CSP },
        body: '<!doctype html><p id="probe" style="color: rgb(255, 0, 0)">probe</p>',
      }),
    );
    await page.goto('/strict.html');
    expect(await page.locator('#probe').evaluate((p) => getComputedStyle(p).color)).not.toBe('rgb(255, 0, 0)');
  });
});
