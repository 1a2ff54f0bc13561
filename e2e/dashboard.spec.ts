import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { type Collector, createCollector } from '../collector/index';

/**
 * The owner's dashboard in Chromium, against a collector of the test's own on a free port (so that two runs
 * on one machine do not meet). The receipts go in over HTTP as the widget sends them; what each chart
 * and table should show is counted below from the same list, by hand.
 */
test.describe.configure({ mode: 'serial' });

const TOKEN = 'dashboard-e2e-token-0123456789';
const NOW = Date.parse('2026-06-01T12:00:00Z');
const LANGUAGES = ['mn', 'ky', 'vi', 'lv', 'en'] as const;
const strings = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    JSON.parse(readFileSync(new URL(`../collector/dashboard/locales/${lang}.json`, import.meta.url), 'utf8')),
  ]),
);

interface Sent {
  id: string;
  day: string;
  lang: 'lv' | 'en';
  revision: string;
  analytics: boolean;
  marketing: boolean;
  shop?: string;
}

/** MonaOK's visitors, and one of another shop's that must not show under MonaOK. */
const SENT: Sent[] = [
  { id: 'visitor0001', day: '2026-04-20', lang: 'lv', revision: '2026-03', analytics: true, marketing: true },
  { id: 'visitor0002', day: '2026-05-30', lang: 'lv', revision: '2026-03', analytics: true, marketing: true },
  { id: 'visitor0003', day: '2026-05-30', lang: 'lv', revision: '2026-03', analytics: false, marketing: false },
  { id: 'visitor0004', day: '2026-05-30', lang: 'en', revision: '2026-03', analytics: true, marketing: false },
  { id: 'visitor0005', day: '2026-05-31', lang: 'en', revision: '2026-05', analytics: true, marketing: true },
  // visitor0002 again: marketing off, a withdrawal on the 31st.
  { id: 'visitor0002', day: '2026-05-31', lang: 'lv', revision: '2026-05', analytics: true, marketing: false },
  { id: 'visitor0006', day: '2026-06-01', lang: 'lv', revision: '2026-05', analytics: false, marketing: false },
  { id: 'visitor0007', day: '2026-06-01', lang: 'lv', revision: '2026-05', analytics: true, marketing: true },
  { id: 'visitor0008', day: '2026-06-01', lang: 'lv', revision: '2026-05', analytics: true, marketing: true },
  { id: 'othershop01', day: '2026-06-01', lang: 'en', revision: 'x', analytics: true, marketing: true, shop: 'Other' },
];
const MONAOK = SENT.filter((sent) => sent.shop === undefined);

const outcome = (sent: Sent) =>
  sent.analytics && sent.marketing ? 'accepted' : !sent.analytics && !sent.marketing ? 'refused' : 'chose';

let collector: Collector;
let folder: string;
// localhost, not 127.0.0.1: the browser keeps the session's Secure cookie on it over plain HTTP.
let origin = '';

test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'shopconsent-dashboard-'));
  collector = await createCollector({
    port: 0,
    host: '127.0.0.1',
    database: `sqlite:${join(folder, 'receipts.db')}`,
    token: TOKEN,
    allowedOrigins: [],
    retentionDays: 3650,
    salt: null,
    trustProxy: false,
    clock: () => NOW,
    logger: false,
  });
  origin = `http://localhost:${new URL(await collector.start()).port}`;
  for (const [index, sent] of SENT.entries()) {
    const response = await fetch(`${origin}/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({
        format: 1,
        id: sent.id,
        // Before noon: the collector's clock says 12:00 on the last day, and refuses decisions from its future.
        decidedAt: `${sent.day}T${String(index).padStart(2, '0')}:00:00Z`,
        revision: sent.revision,
        purposes: { necessary: true, analytics: sent.analytics, marketing: sent.marketing },
        lang: sent.lang,
        source: 'banner',
        url: 'https://www.monaok.lv/',
        version: '0.1.0',
        shop: sent.shop ?? 'MonaOK',
      }),
    });
    expect(response.status).toBe(204);
  }
});
test.afterAll(async () => {
  await collector?.close();
  rmSync(folder, { recursive: true, force: true });
});

const signIn = async (page: Page, lang = 'en') => {
  await page.goto(`${origin}/dashboard?lang=${lang}`);
  await page.locator('#token').fill(TOKEN);
  await page.getByRole('button', { name: strings[lang].signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(strings[lang].title);
};

const show = async (page: Page, period: string) => {
  await page.getByLabel(strings.en.filters.shop).selectOption('MonaOK');
  await page.getByLabel(strings.en.filters.period).selectOption(period);
  await page.getByRole('button', { name: strings.en.filters.show }).click();
};

test('a wrong token is refused; the right one opens the dashboard with a strict, expiring session cookie', async ({
  page,
  context,
}) => {
  await page.goto(`${origin}/dashboard?lang=en`);
  await page.locator('#token').fill('not-the-token-at-all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(strings.en.signIn.wrong);

  await signIn(page);
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
  expect(cookie.expires * 1000).toBeGreaterThan(Date.now());
  expect(cookie.expires * 1000).toBeLessThan(Date.now() + 9 * 60 * 60 * 1000);
});

test('each chart and table shows the figures of the receipts sent, for the chosen shop and period', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).origin));
  await signIn(page);
  await show(page, '7');
  const week = MONAOK.filter((sent) => sent.day >= '2026-05-26');
  await expect(page.locator('#summary')).toContainText(`${week.length} decisions, 1 withdrawals`);

  // Decisions per day, stacked by outcome: each bar's height is its share of the axis.
  for (const day of ['2026-05-30', '2026-05-31', '2026-06-01'])
    for (const kind of ['accepted', 'refused', 'chose']) {
      const expected = week.filter((sent) => sent.day === day && outcome(sent) === kind).length;
      const bar = page.locator(`#decisions-heading ~ figure rect[data-day="${day}"][data-series="${kind}"]`);
      if (expected === 0) await expect(bar).toHaveCount(0);
      else await expect(bar).toHaveAttribute('data-value', String(expected));
    }
  const heights = await page
    .locator('#decisions-heading ~ figure rect[data-day="2026-06-01"]')
    .evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));
  // 2 accepted and 1 refused on 1 June: the accepted part is twice the refused one.
  expect(heights[0]).toBeCloseTo(2 * heights[1], 0);
  await expect(page.locator('#table-decisions tr', { hasText: '2026-05-30' }).locator('td')).toHaveText([
    '1',
    '1',
    '1',
    '3',
  ]);

  // The share that granted each purpose: marketing on 31 May, 1 of 2.
  const marketing = page.locator('#purposes-heading ~ figure circle[data-day="2026-05-31"][data-series="marketing"]');
  await expect(marketing).toHaveAttribute('data-part', '1');
  await expect(marketing).toHaveAttribute('data-whole', '2');
  await expect(page.locator('#table-purposes tr', { hasText: '2026-06-01' }).locator('td').nth(1)).toContainText(
    '(2/3)',
  );

  // By language: English had one acceptance and one mixed choice.
  const english = MONAOK.filter((sent) => sent.day >= '2026-05-26' && sent.lang === 'en');
  await expect(page.locator('#languages-heading ~ figure rect[data-row="en"][data-series="accepted"]')).toHaveAttribute(
    'data-value',
    String(english.filter((sent) => outcome(sent) === 'accepted').length),
  );
  // By revision, and the day the new revision came in marked on the time series.
  const newer = week.filter((sent) => sent.revision === '2026-05');
  await expect(page.locator('#table-revisions tr', { hasText: '2026-05' }).last().locator('td').nth(1)).toHaveText(
    String(newer.length),
  );
  await expect(page.locator('#decisions-heading ~ figure .revision-mark')).toHaveAttribute('data-day', '2026-05-31');

  // Withdrawals: visitor0002 turned marketing off on 31 May.
  await expect(
    page.locator('#withdrawals-heading ~ figure rect[data-day="2026-05-31"][data-series="withdrawn"]'),
  ).toHaveAttribute('data-value', '1');
  await expect(page.locator('#table-withdrawals tr', { hasText: '2026-05-31' }).locator('td')).toHaveText(['1']);

  // The longer period takes in the April decision.
  await show(page, '90');
  await expect(page.locator('#summary')).toContainText(`${MONAOK.length} decisions`);
  await expect(page.locator('#decisions-heading ~ figure rect[data-day="2026-04-20"]')).toHaveAttribute(
    'data-value',
    '1',
  );
  expect(new Set(requested)).toEqual(new Set([origin]));
});

test('the language can be switched, and the choices stay', async ({ page }) => {
  await signIn(page);
  await show(page, '7');
  await page.getByRole('link', { name: 'Latviešu' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'lv');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(strings.lv.decisions.heading);
  await expect(page.getByLabel(strings.lv.filters.period)).toHaveValue('7');
  await expect(page.getByLabel(strings.lv.filters.shop)).toHaveValue('MonaOK');
});

test('a table downloads as CSV with the same figures', async ({ page }) => {
  await signIn(page);
  await show(page, '7');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#decisions-heading ~ .download a').click(),
  ]);
  expect(download.suggestedFilename()).toBe('decisions-MonaOK-2026-05-26-2026-06-01.csv');
  const csv = readFileSync(await download.path(), 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe('Day,Accepted all,Refused all,Chose some,Decisions');
  expect(csv).toContain('2026-06-01,2,1,0,3');
  expect(csv).toHaveLength(8);
});

test('the tables are there without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page);
  await expect(page.locator('#table-decisions tbody tr')).toHaveCount(30);
  await context.close();
});

test('signing out ends the session', async ({ page, context }) => {
  await signIn(page);
  await page.getByRole('button', { name: strings.en.signOut }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(strings.en.signIn.heading);
  expect(await context.cookies()).toEqual([]);
  await page.goto(`${origin}/dashboard?lang=en`);
  await expect(page.locator('#token')).toBeVisible();
});

for (const lang of LANGUAGES)
  test(`axe finds nothing to fix in ${lang} at 360 and 1280 px, signed out and in`, async ({ page }) => {
    // axe reads every chart mark; on a busy machine that takes a while.
    test.setTimeout(240_000);
    const check = async () => {
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations, `${width} px`).toEqual([]);
      }
    };
    await page.goto(`${origin}/dashboard?lang=${lang}`);
    await check();
    await signIn(page, lang);
    await page.goto(`${origin}/dashboard?lang=${lang}&shop=MonaOK&period=7`);
    await check();
  });
