// One page view of `npm run bench` in Chromium: what it downloaded of the widget, when the banner showed,
// and what it cost the main thread.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { WIDGETS } from './widgets.mjs';

export const CPU_THROTTLING = 4;

const compressed = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const sumSizes = (buffers) =>
  buffers
    .map(compressed)
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
      raw: 0,
      gzip: 0,
      brotli: 0,
    });

/** Runs in the page before anything else: watches for the banner, long tasks and layout shifts. */
const probe = (bannerSource) => {
  const marks = { banner: null, longTasks: 0, longTaskMs: 0, cls: 0 };
  window.__bench = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      marks.longTasks += 1;
      marks.longTaskMs += entry.duration;
    }
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) marks.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  if (!bannerSource) return;
  // The banner finder crosses into the page as source text.
  const find = new Function(`return (${bannerSource})`)();
  const poll = () => {
    const element = find();
    const box = element?.getBoundingClientRect();
    if (box && box.height > 0 && box.width > 0) marks.banner = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
};

/** From the click on the banner's "choose" button to the first frame in which the preferences have a box. */
const openPreferences = async (page, widget) => {
  await page.evaluate((source) => {
    const find = new Function(`return (${source})`)();
    window.__preferences = null;
    const started = () => {
      const start = performance.now();
      const poll = () => {
        const box = find()?.getBoundingClientRect();
        if (box && box.width > 0 && box.height > 0) window.__preferences = performance.now() - start;
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    };
    document.addEventListener('click', started, { capture: true, once: true });
  }, widget.preferences.toString());
  await page.locator(widget.choose).first().click();
  await page.waitForFunction(() => window.__preferences !== null, null, { timeout: 15_000 });
  return page.evaluate(() => window.__preferences);
};

const metric = (metrics, name) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;

/** One page view: what it downloaded of the widget, and what it cost the main thread. */
export const view = async (context, baseUrl, key, decide, network = null) => {
  const widget = WIDGETS[key];
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Opening the preferences may use what the page downloaded ahead, as a visitor's browser would.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: decide !== 'choose' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Performance.enable');
  // A returning visitor sees no banner: looking for one there would only add to the measured script time.
  await page.addInitScript(probe, widget.banner && decide !== 'returning' ? widget.banner.toString() : null);
  const bodies = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (widget.files.test(path)) bodies.push(response.body().then((body) => ({ path, body })));
  });

  await page.goto(`${baseUrl}/bench/${key}.html`, { waitUntil: 'load' });
  if (decide === 'choose') {
    await page.waitForFunction(() => window.__bench.banner !== null, null, { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const preferences = await openPreferences(page, widget);
    await page.close();
    return { preferences };
  }
  if (widget.banner && decide === 'first') {
    await page.waitForFunction(() => window.__bench.banner !== null, null, { timeout: 15_000 });
  }
  // Whatever the widget still does after load (a lazy chunk, an idle callback) belongs to its cost.
  await page.waitForTimeout(700);
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const marks = await page.evaluate(() => window.__bench);
  // What had arrived when the banner showed.
  const arrived = await page.evaluate(
    (banner) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => banner !== null && entry.responseEnd <= banner)
        .map((entry) => new URL(entry.name).pathname),
    marks.banner,
  );
  const files = await Promise.all(bodies);
  if (decide === 'first' && widget.acceptAll) {
    await page.locator(widget.acceptAll).first().click();
    await page.waitForTimeout(300);
  }
  await page.close();
  const blocking = files.filter((f) => widget.renderBlocking.includes(f.path)).map((f) => f.body);
  return {
    requests: files.length,
    bytes: sumSizes(files.map((f) => f.body)),
    blockingBytes: sumSizes(blocking),
    bytesBeforeBanner: sumSizes(files.filter((f) => arrived.includes(f.path)).map((f) => f.body)),
    banner: marks.banner,
    script: metric(metrics, 'ScriptDuration') * 1000,
    task: metric(metrics, 'TaskDuration') * 1000,
    heap: metric(metrics, 'JSHeapUsedSize'),
    longTasks: marks.longTasks,
    longTaskMs: marks.longTaskMs,
    cls: marks.cls,
  };
};
