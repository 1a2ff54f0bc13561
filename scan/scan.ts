import type { Browser, Page } from 'playwright-core';
import { ScanError } from './browser';
import { CrawlQueue, crawlableLinks } from './links';
import { PassRecorder } from './recorder';
import { fetchRobots } from './robots';
import { PASSES, type PageRecord, type Pass } from './types';

export interface ScanSettings {
  url: string;
  pages: number;
  delayMs: number;
}

export interface Progress {
  pass: Pass;
  done: number;
  queued: number;
  url: string;
}

export interface ScanResult {
  pages: string[];
  records: PageRecord[];
  /** A PNG of the first page with the widget, as a visitor first sees it, banner included. */
  screenshot?: Buffer;
  /** The passes that could not decide, because no page had a banner. */
  undecided: Pass[];
}

/** Time for a page's late tags after `load`: a tracker that waits longer than this is not seen. */
const SETTLE_MS = 1_000;
// After the decision the widget releases the page's held-back tags, which then load their own scripts:
// the very thing the pass is there to see, so it gets longer, once per pass.
const DECISION_SETTLE_MS = 5_000;
const QUIET_MS = 500;
// Spent only on a page that has the widget: a slow or busy machine draws the banner late.
const BANNER_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const settle = async (page: Page): Promise<void> => {
  await page.waitForLoadState('networkidle', { timeout: SETTLE_MS }).catch(() => undefined);
};

/**
 * Resolves once none of the page's requests made from now on has been open for `QUIET_MS`, or after
 * `maxMs`. Unlike `networkidle`, which a page reaches once per navigation, this watches what a click sets
 * off on a page that has long loaded.
 */
const networkQuiet = (page: Page, maxMs: number) =>
  new Promise<void>((resolve) => {
    let open = 0;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(quiet);
      clearTimeout(limit);
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
      resolve();
    };
    const arm = () => {
      clearTimeout(quiet);
      if (open === 0) quiet = setTimeout(finish, QUIET_MS);
    };
    const started = () => {
      open += 1;
      clearTimeout(quiet);
    };
    const ended = () => {
      open = Math.max(0, open - 1);
      arm();
    };
    const limit = setTimeout(finish, maxMs);
    page.on('request', started);
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
    arm();
  });

/** Opens a page; an error message when it is not an HTML page that loaded. */
const open = async (page: Page, url: string): Promise<string | undefined> => {
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (response && !response.ok()) return `HTTP ${response.status()}`;
    const type = (await response?.headerValue('content-type')) ?? 'text/html';
    if (!type.includes('html')) return `not a page (${type})`;
  } catch (error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : 'failed';
  }
  await settle(page);
  return undefined;
};

const decide = async (recorder: PassRecorder, action: 'reject-all' | 'accept-all'): Promise<boolean> => {
  const hasWidget = await recorder.page.evaluate(() => 'ShopConsent' in window).catch(() => false);
  if (!hasWidget) return false;
  const button = recorder.page.locator(`#shopconsent-root [data-action="${action}"]`).first();
  try {
    await button.waitFor({ timeout: BANNER_TIMEOUT_MS });
  } catch {
    return false;
  }
  // What the page requested before the decision belongs to the first pass.
  recorder.forgetRequests();
  const released = networkQuiet(recorder.page, DECISION_SETTLE_MS);
  await button.click();
  await released;
  return true;
};

/**
 * The three passes over the same pages: the first crawls breadth-first from `url` and records each page
 * before any decision; the second and third decide on the first page (Reject all, Accept all) in a fresh
 * context, then record each page again.
 */
export const runScan = async (
  browser: Browser,
  settings: ScanSettings,
  onProgress: (progress: Progress) => void,
): Promise<ScanResult> => {
  const origin = new URL(settings.url).origin;
  const queue = new CrawlQueue(settings.pages, await fetchRobots(origin));
  queue.add([settings.url]);
  if (queue.queued === 0) throw new ScanError(`${origin}/robots.txt does not allow scanning ${settings.url}`);
  const pages: string[] = [];
  const records: PageRecord[] = [];
  const undecided: Pass[] = [];
  let screenshot: Buffer | undefined;

  for (const pass of PASSES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' });
    const recorder = await PassRecorder.open(context, pass);
    const list = pass === 'before-decision' ? undefined : [...pages];
    // The second and third passes decide on the first page with a banner; pages before it were seen by the first.
    let decided = pass === 'before-decision';
    for (let index = 0; ; index += 1) {
      const url = list ? list[index] : queue.next();
      if (url === undefined) break;
      onProgress({ pass, done: index, queued: list ? list.length - index - 1 : queue.queued, url });
      if (index > 0) await sleep(settings.delayMs);
      const error = await open(recorder.page, url);
      if (error) {
        if (pass === 'before-decision' && index === 0) throw new ScanError(`${url}: ${error}`);
        records.push({ url, pass, cookies: [], storage: [], requests: [], error });
        continue;
      }
      if (pass === 'before-decision') {
        pages.push(url);
        const links = await recorder.page
          .$$eval('a[href]', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
          .catch(() => []);
        queue.add(crawlableLinks(links, origin));
      } else if (!decided) {
        decided = await decide(recorder, pass === 'after-reject' ? 'reject-all' : 'accept-all');
        if (!decided) continue;
      }
      const widget = pass === 'before-decision' ? await recorder.readWidget().catch(() => undefined) : undefined;
      if (widget?.loaded && !screenshot) screenshot = await recorder.page.screenshot();
      records.push({ url, pass, ...(await recorder.read()), ...(widget ? { widget } : {}) });
    }
    if (!decided) undecided.push(pass);
    await context.close();
  }
  onProgress({ pass: 'after-accept', done: pages.length, queued: 0, url: '' });
  return { pages, records, ...(screenshot ? { screenshot } : {}), undecided };
};
