import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { ShopConsentPage } from './ShopConsentPage';

const schema = JSON.parse(readFileSync(new URL('../docs/schema/receipt.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

interface Delivery {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receipt collector on another origin than the shop (another port): what it was sent, in order. */
class Collector {
  readonly deliveries: Delivery[] = [];
  private server: Server | null = null;
  port = 0;

  async start() {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        this.deliveries.push({ method: request.method ?? '', headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop() {
    const server = this.server;
    this.server = null;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }

  get url() {
    return `http://127.0.0.1:${this.port}/receipts`;
  }

  receipts() {
    return this.deliveries.filter((d) => d.method === 'POST').map((d) => JSON.parse(d.body));
  }
}

let collector: Collector;
test.beforeEach(async () => {
  collector = new Collector();
  await collector.start();
});
test.afterEach(async () => {
  await collector.stop();
});

/** The fixture shop page, sending its receipts to the collector. */
const open = async (page: Page, collectorUrl = collector.url) => {
  const shop = new ShopConsentPage(page);
  await page.goto(`/e2e/fixtures/receipt-shop.html?collector=${encodeURIComponent(collectorUrl)}`);
  return shop;
};
const pendingIn = (shop: ShopConsentPage) =>
  shop.page.evaluate(() => (localStorage.getItem('shopconsent:receipts') ?? '').split('\n').filter(Boolean).length);

test('each decision reaches a collector on another origin as one text/plain JSON receipt, no preflight', async ({
  page,
}) => {
  const shop = await open(page);
  await shop.acceptAll();
  await expect.poll(() => collector.receipts()).toHaveLength(1);
  const [delivery] = collector.deliveries;
  expect(delivery.method).toBe('POST');
  expect(delivery.headers['content-type']).toBe('text/plain;charset=UTF-8');
  expect(delivery.headers.origin).toBe(new URL(page.url()).origin);
  const [receipt] = collector.receipts();
  expect(validate(receipt), JSON.stringify(validate.errors)).toBe(true);
  expect(receipt).toEqual({
    format: 1,
    ...(await shop.get()),
    url: page.url(),
    version,
    shop: 'MonaOK',
  });
  expect(collector.deliveries.map((d) => d.method)).toEqual(['POST']);
  shop.expectSilent();
});

test('a change of mind and a withdrawal are receipts too; a reset is not', async ({ page }) => {
  const shop = await open(page);
  await shop.choose();
  await shop.toggle('analytics');
  await shop.save();
  await page.evaluate(() => window.ShopConsent.set({ marketing: true }));
  await page.evaluate(() => window.ShopConsent.set({ analytics: false }));
  await page.evaluate(() => window.ShopConsent.reset());
  await shop.rejectAll();
  await expect.poll(() => collector.receipts()).toHaveLength(4);
  await page.waitForTimeout(300);
  expect(collector.receipts().map((r) => [r.source, r.purposes.analytics, r.purposes.marketing])).toEqual([
    ['preferences', true, false],
    ['api', true, true],
    ['api', false, true],
    ['banner', false, false],
  ]);
  for (const receipt of collector.receipts()) expect(validate(receipt), JSON.stringify(validate.errors)).toBe(true);
  shop.expectSilent();
});

test('only the tab that decided sends the receipt; the tab that follows sends none', async ({ context }) => {
  const first = await open(await context.newPage());
  const second = await open(await context.newPage());
  await first.acceptAll();
  await expect.poll(() => second.get()).toMatchObject({ source: 'sync' });
  await second.page.waitForTimeout(300);
  expect(collector.receipts().map((r) => r.source)).toEqual(['banner']);
  first.expectSilent();
  second.expectSilent();
});

test('receipts made offline, with the collector down, wait and go out on the next page view, oldest first', async ({
  context,
}) => {
  const page = await context.newPage();
  const shop = await open(page);
  await expect(shop.banner).toBeVisible();
  await collector.stop();
  await context.setOffline(true);
  await shop.rejectAll();
  await page.evaluate(() => window.ShopConsent.set({ analytics: true }));
  await expect.poll(() => pendingIn(shop)).toBe(2);
  await page.close();

  await collector.start();
  await context.setOffline(false);
  const next = await open(await context.newPage());
  await expect.poll(() => collector.receipts()).toHaveLength(2);
  await next.page.evaluate(() => window.ShopConsent.set({ marketing: true }));
  await expect.poll(() => collector.receipts()).toHaveLength(3);
  expect(collector.receipts().map((r) => [r.source, r.purposes.analytics, r.purposes.marketing])).toEqual([
    ['banner', false, false],
    ['api', true, false],
    ['api', true, true],
  ]);
  expect(await pendingIn(next)).toBe(0);
  next.expectSilent();
});

test('receipts kept while offline go out as soon as the browser is back online', async ({ page, context }) => {
  // The connection drops once the dialog has been downloaded ahead, not halfway through that download.
  const dialogDownloaded = page.waitForEvent('requestfinished', (r) => r.url().endsWith('/shopconsent-ui.js'));
  const shop = await open(page);
  await expect(shop.banner).toBeVisible();
  await dialogDownloaded;
  await context.setOffline(true);
  await shop.acceptAll();
  await expect.poll(() => pendingIn(shop)).toBe(1);
  expect(collector.receipts()).toEqual([]);
  await context.setOffline(false);
  await expect.poll(() => collector.receipts()).toHaveLength(1);
  expect(collector.receipts()[0]).toMatchObject({ source: 'banner', purposes: { marketing: true } });
  expect(await pendingIn(shop)).toBe(0);
  shop.expectSilent();
});

test('an address that is not http(s) is refused with one warning, and nothing is sent', async ({ page }) => {
  const shop = await open(page, 'javascript:alert(1)');
  await shop.acceptAll();
  await page.waitForTimeout(300);
  expect(collector.deliveries).toEqual([]);
  expect(shop.widgetWarnings()).toEqual([
    '[ShopConsent] receiptUrl: "javascript:alert(1)" is not an http(s) URL; using no receipts.',
  ]);
  shop.expectNoErrors();
});
