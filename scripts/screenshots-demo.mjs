// Takes the README's pictures of the demo in docs/screenshots/: each shop as a first-time visitor sees it
// (the banner), the same shop after Accept all (its tags' badges on), and the playground after a decision.
// Run `npm run build` first; `npm run screenshots:demo` does both.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSession } from './screenshot-session.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/screenshots');
const port = Number(process.env.SCREENSHOT_PORT ?? 4398);

const SHOPS = { mimico: 'mn', shyrdak: 'ky', migpromo: 'ky', mitexco: 'vi', monaok: 'lv' };
const BANNER = '#shopconsent-root [data-layer="banner"]';

const { origin, browser, close } = await startSession(port);

/** A fresh first-time visitor on `path`, with the banner up. */
const visit = async (path, lang) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    colorScheme: 'light',
    locale: lang,
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.locator(BANNER).waitFor();
  return page;
};

const shoot = async (page, name) => {
  await page.evaluate(() => document.fonts.ready);
  // No hover state in the pictures.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: resolve(out, `${name}.png`), animations: 'disabled', caret: 'hide' });
};

/** Accept all, then wait until every tag it allows has loaded and switched its badge on. */
const acceptAll = async (page) => {
  await page.locator(`${BANNER} [data-action="accept-all"]`).click();
  await page.locator(BANNER).waitFor({ state: 'detached' });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-badge]')].every((badge) => badge.dataset.state === 'on'),
  );
};

try {
  mkdirSync(out, { recursive: true });
  for (const [shop, lang] of Object.entries(SHOPS)) {
    const page = await visit(`/demo/${shop}/`, lang);
    await shoot(page, `demo-${shop}`);
    await acceptAll(page);
    await shoot(page, `demo-${shop}-accepted`);
    await page.context().close();
  }
  const playground = await visit('/demo/playground.html', 'en');
  await acceptAll(playground);
  await shoot(playground, 'demo-playground');
  await playground.context().close();
  console.log(`${Object.keys(SHOPS).length * 2 + 1} demo screenshots in docs/screenshots/`);
} finally {
  await close();
}
