import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type Collector, createCollector } from '../collector/index';
import { ShopConsentPage } from './ShopConsentPage';

/**
 * `npm start` runs a receipt collector beside the demo and tells the pages where it is
 * (`window.demoCollector`, scripts/start.mjs). Here a collector of our own stands in for it.
 */
const TOKEN = 'demo-collector-test-token';
let collector: Collector;
let folder: string;
let base: string;

test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'shopconsent-demo-'));
  collector = await createCollector({
    port: 0,
    host: '127.0.0.1',
    database: `sqlite:${join(folder, 'receipts.db')}`,
    token: TOKEN,
    allowedOrigins: '*',
    retentionDays: 30,
    salt: null,
    trustProxy: false,
    logger: false,
  });
  base = await collector.start();
});
test.afterAll(async () => {
  await collector.close();
  rmSync(folder, { recursive: true, force: true });
});

const received = async (consentId: string) => {
  const response = await fetch(`${base}/receipts?consentId=${consentId}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  return ((await response.json()) as { receipts: { receipt: { source: string; purposes: Record<string, boolean> } }[] })
    .receipts;
};

test.beforeEach(async ({ page }) => {
  await page.addInitScript(
    ({ receiptUrl, token }) => {
      (window as unknown as { demoCollector: unknown }).demoCollector = { receiptUrl, token };
    },
    { receiptUrl: `${base}/receipts`, token: TOKEN },
  );
});

test('a demo shop sends each decision to the collector', async ({ page }) => {
  const shop = await new ShopConsentPage(page).visit('/demo/monaok/');
  await shop.rejectAll();
  const id = (await shop.get())?.id ?? '';
  await expect.poll(async () => (await received(id)).map((r) => r.receipt.source)).toEqual(['banner']);
  expect((await received(id))[0].receipt.purposes).toMatchObject({ necessary: true, analytics: false, loyalty: false });
  shop.expectSilent();
});

test('the playground shows the receipts that reached the collector, and puts the address in the tag', async ({
  page,
}) => {
  const shop = await new ShopConsentPage(page).visit('/demo/playground.html');
  await expect(page.locator('#snippet')).toContainText(`data-receipt-url="${base}/receipts"`);
  await expect(page.locator('#receipts')).toHaveText('No decision yet.');
  await shop.acceptAll();
  await expect(page.locator('#receipts li')).toHaveCount(1);
  await expect(page.locator('#receipts li')).toContainText('banner · granted: necessary, analytics, marketing');
  await page.getByRole('button', { name: 'rejectAll()' }).click();
  await expect(page.locator('#receipts li')).toHaveCount(2);
  await expect(page.locator('#receipts li').nth(1)).toContainText('api · granted: necessary');
  shop.expectSilent();
});

test("the playground links to the collector's dashboard", async ({ page }) => {
  await new ShopConsentPage(page).visit('/demo/playground.html');
  await page.getByRole('link', { name: 'Consent insights dashboard' }).click();
  await expect(page).toHaveURL(`${base}/dashboard`);
  await expect(page.locator('#token')).toBeVisible();
});
