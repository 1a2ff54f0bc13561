// Takes the README's pictures of the demo in docs/screenshots/: each shop as a first-time visitor sees it
// (the banner), the same shop after Accept all (its tags' badges on), and the playground after a decision.
// Run `npm run build` first; `npm run screenshots:demo` does both.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/screenshots');
const port = Number(process.env.SCREENSHOT_PORT ?? 4398);
const origin = `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const SHOPS = { mimico: 'mn', shyrdak: 'ky', migpromo: 'ky', mitexco: 'vi', monaok: 'lv' };
const BANNER = '#shopconsent-root [data-layer="banner"]';

const waitForServer = async () => {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${origin}/package.json`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the file server did not start on ${origin}`);
};

const server = spawn(process.execPath, [resolve(root, 'scripts/serve.mjs')], {
  env: { ...process.env, PORT: String(port) },
  stdio: 'ignore',
});
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

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
  await waitForServer();
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
  await browser.close();
  server.kill();
}
