// `npm run screenshots:dashboard`: docs/collector.md's pictures of /dashboard. A collector of its own on a
// temporary SQLite file, filled with the demo's generated decisions, read in Chromium at 1280 and 360 px.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { createCollector } from '../collector/index';
import { seedDemoDecisions } from '../collector/stats/seed';
import { openStore } from '../collector/store/open';
import { chromiumPath } from './system-deps.mjs';

const out = resolve(import.meta.dirname, '../docs/screenshots');
const port = Number(process.env.SCREENSHOT_PORT ?? 4399);
const TOKEN = 'dashboard-screenshot-token';
// A fixed day, so that the pictures change only when the dashboard does.
const NOW = Date.parse('2026-06-01T12:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'shopconsent-dashboard-'));
const database = `sqlite:${join(dir, 'receipts.db')}`;
const seeding = await openStore(database, () => undefined);
await seedDemoDecisions(seeding, NOW, 42);
await seeding.close();

const collector = await createCollector({
  port,
  host: '127.0.0.1',
  database,
  token: TOKEN,
  allowedOrigins: [],
  retentionDays: 3650,
  salt: 'dashboard-screenshot-salt',
  trustProxy: false,
  clock: () => NOW,
  logger: false,
});
const origin = (await collector.start()).replace('127.0.0.1', 'localhost');
const browser = await chromium.launch({
  executablePath: chromiumPath(),
});

const shoot = async (name: string, width: number, lang: string, path: string, fullPage = true) => {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, locale: lang });
  const page = await context.newPage();
  await page.goto(`${origin}/dashboard?lang=${lang}`);
  if (path !== 'sign-in') {
    await page.getByLabel(/./, { exact: false }).and(page.locator('#token')).fill(TOKEN);
    await page.locator('form[action="/dashboard/sign-in"] button').click();
    await page.goto(`${origin}${path}`);
  }
  await page.mouse.move(0, 0);
  await page.screenshot({ path: resolve(out, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
  await context.close();
};

try {
  await shoot('dashboard-sign-in', 1280, 'lv', 'sign-in', false);
  await shoot('dashboard-monaok-lv', 1280, 'lv', '/dashboard?lang=lv&shop=MonaOK&period=30');
  await shoot('dashboard-mitexco-vi', 1280, 'vi', '/dashboard?lang=vi&shop=Mitexco&period=30', false);
  await shoot('dashboard-mimico-mn-360', 360, 'mn', '/dashboard?lang=mn&shop=Mimico&period=7', false);
} finally {
  await browser.close();
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
}
