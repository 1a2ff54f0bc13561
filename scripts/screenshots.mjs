// Takes the pictures in docs/screenshots/: the banner and the preferences in every language, light
// and dark, 1280 and 360 px wide, plus the layouts and theming examples that docs/theming.md shows.
// Run `npm run build` first; `npm run screenshots` does both.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { LANGUAGES } from '../src/core/languages.ts';
import { startSession } from './screenshot-session.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/screenshots');
const port = Number(process.env.SCREENSHOT_PORT ?? 4399);

const SHOPS = { mn: 'Mimico', ky: 'Migpromo', vi: 'Mitexco', lv: 'MonaOK', en: 'Northwind' };
const WIDTHS = { 1280: { width: 1280, height: 720 }, 360: { width: 360, height: 740 } };
/** The decision shown on the reopened preferences, so the pictures do not change from run to run. */
const DECIDED_AT = new Date('2026-03-14T09:30:00Z');

/** A plain shop page for the widget to sit on, light or dark like the widget. */
const shopPage = ({ lang, theme, attributes = {}, css = '' }) => {
  const data = Object.entries({ lang, theme, shop: SHOPS[lang], 'policy-url': '/privacy', ...attributes })
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join('');
  const dark = theme === 'dark';
  const products = Array.from(
    { length: 8 },
    (_, i) => `<div class="card"><div class="img i${i % 4}"></div><b></b><i></i></div>`,
  );
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: ${dark ? '#0f1115' : '#fafafa'}; color: ${dark ? '#ddd' : '#222'}; }
  header { display: flex; gap: 24px; align-items: center; padding: 16px 32px; background: ${dark ? '#181b21' : '#fff'}; border-bottom: 1px solid ${dark ? '#2a2e36' : '#eee'}; }
  header b { font-size: 20px; } header span { width: 64px; height: 10px; border-radius: 5px; background: ${dark ? '#333842' : '#e4e4e7'}; }
  main { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 24px; padding: 32px; }
  .card { background: ${dark ? '#181b21' : '#fff'}; border-radius: 12px; padding: 12px; box-shadow: 0 1px 3px #0002; }
  .img { height: 120px; border-radius: 8px; } .i0 { background: #f4c7a1; } .i1 { background: #a7d3c9; } .i2 { background: #c7c1ef; } .i3 { background: #f1d78c; }
  .card b, .card i { display: block; height: 10px; margin-top: 10px; border-radius: 5px; background: ${dark ? '#333842' : '#e4e4e7'}; } .card i { width: 50%; }
  ${css}
</style>
<script src="/dist/shopconsent.js"${data}></script>
</head><body><header><b>${SHOPS[lang]}</b><span></span><span></span><span></span></header><main>${products.join('')}</main></body></html>`;
};

const { origin, browser, close } = await startSession(port);
let count = 0;

/** The dialog shown, with `margin` pixels of the page around it, inside the viewport. */
const around = async (page, selector, margin, viewport) => {
  const box = await page.locator(selector).boundingBox();
  const x = Math.max(0, Math.floor(box.x - margin));
  const y = Math.max(0, Math.floor(box.y - margin));
  return {
    x,
    y,
    width: Math.min(viewport.width, Math.ceil(box.x + box.width + margin)) - x,
    height: Math.min(viewport.height, Math.ceil(box.y + box.height + margin)) - y,
  };
};

/**
 * Opens a shop page and takes one picture. `prepare` brings the widget into the state to show; the
 * picture is cut to `selector` (plus `margin`) on wide screens and is the whole screen on a phone.
 */
const shoot = async (
  name,
  { lang = 'en', theme = 'light', width = 1280, attributes, css, prepare, selector, margin = 48 },
) => {
  const viewport = WIDTHS[width];
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    colorScheme: theme,
    locale: lang,
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(DECIDED_AT);
  await page.route('**/shop.html', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: shopPage({ lang, theme, attributes, css }) }),
  );
  await page.goto(`${origin}/shop.html`);
  await page.locator('#shopconsent-root [data-layer="banner"]').waitFor();
  const target = (await prepare?.(page)) ?? '#shopconsent-root [data-layer="banner"]';
  await page.evaluate(() => document.fonts.ready);
  // No hover state in the pictures.
  await page.mouse.move(0, 0);
  const clip = width === 360 ? undefined : await around(page, selector ?? target, margin, viewport);
  await page.screenshot({ path: resolve(out, `${name}.png`), clip, animations: 'disabled', caret: 'hide' });
  await context.close();
  count++;
};

const openPreferences = async (page) => {
  await page.locator('#shopconsent-root [data-action="preferences"]').click();
  await page.locator('#shopconsent-root [data-layer="preferences"]').waitFor();
  return '#shopconsent-root [data-layer="preferences"]';
};

/** Decides (analytics on), then reopens the preferences the way a returning visitor would. */
const reopenAfterDeciding = async (page) => {
  await openPreferences(page);
  await page.locator('#shopconsent-root [data-purpose="analytics"]').click();
  await page.locator('#shopconsent-root [data-action="save"]').click();
  await page.locator('shopconsent-reopen').click();
  await page.locator('#shopconsent-root [data-layer="preferences"]').waitFor();
  return '#shopconsent-root [data-layer="preferences"]';
};

try {
  mkdirSync(out, { recursive: true });
  for (const lang of LANGUAGES) {
    for (const theme of ['light', 'dark']) {
      for (const width of [1280, 360]) {
        await shoot(`banner-${lang}-${theme}-${width}`, { lang, theme, width, margin: 0 });
        await shoot(`preferences-${lang}-${theme}-${width}`, { lang, theme, width, prepare: openPreferences });
      }
    }
  }
  // docs/theming.md
  for (const theme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      await shoot(`box-en-${theme}-${width}`, { theme, width, attributes: { layout: 'box' } });
    }
    await shoot(`reopened-ky-${theme}-1280`, {
      lang: 'ky',
      theme,
      attributes: { 'floating-button': 'true' },
      prepare: reopenAfterDeciding,
    });
  }
  await shoot('floating-button-lv-light-360', {
    width: 360,
    lang: 'lv',
    attributes: { 'floating-button': 'true' },
    prepare: async (page) => {
      await page.locator('#shopconsent-root [data-action="reject-all"]').click();
      await page.locator('shopconsent-reopen').focus();
      return 'shopconsent-reopen';
    },
  });
  const brand = `:root { --sc-accent: #0f6b4f; --sc-focus: #0f6b4f; --sc-radius: 4px; --sc-button-radius: 999px;
    --sc-surface: #f3f0e8; --sc-bg: #fffdf8; --sc-font: Georgia, "DejaVu Serif", serif; --sc-space: 20px; }`;
  await shoot('custom-theme-lv-light-1280', { lang: 'lv', css: brand, attributes: { layout: 'box' } });
  await shoot('custom-theme-lv-light-preferences-1280', { lang: 'lv', css: brand, prepare: openPreferences });
  console.log(`${count} screenshots in docs/screenshots/`);
} finally {
  await close();
}
