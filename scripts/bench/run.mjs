// `npm run bench`: the same shop page with ShopConsent, orejime and vanilla-cookieconsent (and with no
// widget, the baseline), loaded in Chromium at 4× CPU throttling, interleaved A B C D A B C D …; each
// first visit once more on a slow 4G network (Chrome DevTools' preset: 150 ms, 1.6 Mbps down, 750 kbps up).
// Prints a table of medians and ratios to ShopConsent and writes it to docs/performance.md.
//
//   npm run bench                 7 rounds (the minimum the table is quoted with)
//   BENCH_ROUNDS=15 npm run bench more rounds, steadier medians
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { serve } from '../serve.mjs';
import { chromiumPath } from '../system-deps.mjs';
import { CPU_THROTTLING, view } from './page-view.mjs';
import { shopPage, WIDGETS } from './widgets.mjs';

const root = resolve(import.meta.dirname, '../..');
const ROUNDS = Math.max(7, Number(process.env.BENCH_ROUNDS ?? 7));
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CONTENDERS = ['shopconsent', 'orejime', 'cookieconsent', 'none'];

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Bench pages at /bench/<contender>.html; everything else straight from the repository, cacheable for an
 * hour as a shop serves its static files (the first and returning visits turn the browser's cache off).
 */
const startServer = () =>
  serve(
    0,
    {
      ...Object.fromEntries(Object.entries(WIDGETS).map(([name, widget]) => [`/bench/${name}.html`, shopPage(widget)])),
      '/privacy': '<!doctype html><title>Privacy</title>',
    },
    'max-age=3600',
  );

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const server = await startServer();
const baseUrl = `http://127.0.0.1:${server.address().port}`;

const runs = Object.fromEntries(CONTENDERS.map((key) => [key, []]));
const started = Date.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const key of CONTENDERS) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const first = await view(context, baseUrl, key, 'first');
    const returning = await view(context, baseUrl, key, 'returning');
    await context.close();
    const slowContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const slow = await view(slowContext, baseUrl, key, 'first', SLOW_4G);
    await slowContext.close();
    let choose = { preferences: Number.NaN };
    if (WIDGETS[key].choose) {
      const chooseContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      choose = await view(chooseContext, baseUrl, key, 'choose');
      await chooseContext.close();
    }
    runs[key].push({ first, returning, slow, choose });
  }
  process.stdout.write(`round ${round + 1}/${ROUNDS}\n`);
}
const chromiumVersion = browser.version();
await browser.close();
server.close();

/** Medians per contender; time and heap net of the page without a widget. */
const summary = {};
for (const key of CONTENDERS) {
  const pick = (fn) => median(runs[key].map(fn));
  const base = (fn) => median(runs.none.map(fn));
  summary[key] = {
    blocking: runs[key][0].first.blockingBytes,
    first: runs[key][0].first.bytes,
    returning: runs[key][0].returning.bytes,
    requestsFirst: pick((r) => r.first.requests),
    requestsReturning: pick((r) => r.returning.requests),
    banner: pick((r) => r.first.banner),
    bannerSlow: pick((r) => r.slow.banner),
    preferences: pick((r) => r.choose.preferences),
    beforeBanner: pick((r) => r.first.bytesBeforeBanner.brotli),
    scriptFirst: pick((r) => r.first.script) - base((r) => r.first.script),
    scriptReturning: pick((r) => r.returning.script) - base((r) => r.returning.script),
    taskReturning: pick((r) => r.returning.task) - base((r) => r.returning.task),
    longTasksFirst: pick((r) => r.first.longTasks),
    longTasksFirstNet: pick((r) => r.first.longTasks) - base((r) => r.first.longTasks),
    longTasksReturning: pick((r) => r.returning.longTasks),
    cls: pick((r) => r.first.cls),
    heapFirst: pick((r) => r.first.heap) - base((r) => r.first.heap),
    heapReturning: pick((r) => r.returning.heap) - base((r) => r.returning.heap),
  };
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const ms = (n) => `${Math.max(0, n).toFixed(1)} ms`;
const ours = summary.shopconsent;
const ratio = (value, mine) => (mine > 0 ? `${(value / mine).toFixed(1)}×` : value > 0 ? '∞' : '1.0×');
const rows = [
  ['before the banner shows, brotli', (s) => s.beforeBanner, kB],
  ['render-blocking, brotli', (s) => s.blocking.brotli, kB],
  ['render-blocking, gzip', (s) => s.blocking.gzip, kB],
  ['render-blocking, raw', (s) => s.blocking.raw, kB],
  ['first visit, brotli', (s) => s.first.brotli, kB],
  ['first visit, gzip', (s) => s.first.gzip, kB],
  ['first visit, raw', (s) => s.first.raw, kB],
  ['returning visit, brotli', (s) => s.returning.brotli, kB],
  ['returning visit, gzip', (s) => s.returning.gzip, kB],
  ['returning visit, raw', (s) => s.returning.raw, kB],
  ['requests, first visit', (s) => s.requestsFirst, String],
  ['requests, returning visit', (s) => s.requestsReturning, String],
  ['time to banner (from navigation)', (s) => s.banner, ms],
  ['time to banner, slow 4G', (s) => s.bannerSlow, ms],
  ['"choose" to preferences painted', (s) => s.preferences, ms],
  ['script time, first visit', (s) => s.scriptFirst, ms],
  ['script time, returning visit', (s) => s.scriptReturning, ms],
  ['main-thread time, returning visit', (s) => s.taskReturning, ms],
  ['long tasks (> 50 ms), first visit', (s) => s.longTasksFirst, String],
  ['long tasks, first visit, more than the page without a widget', (s) => s.longTasksFirstNet, String],
  ['long tasks (> 50 ms), returning visit', (s) => s.longTasksReturning, String],
  ['layout shift (CLS), first visit', (s) => s.cls, (n) => n.toFixed(4)],
  ['JS heap, first visit', (s) => s.heapFirst, kB],
  ['JS heap, returning visit', (s) => s.heapReturning, kB],
];
const peers = ['orejime', 'cookieconsent'];
const header = `| median of ${ROUNDS} runs | ShopConsent | ${peers.map((p) => WIDGETS[p].name).join(' | ')} | ${peers.map((p) => `${WIDGETS[p].name} ÷ ShopConsent`).join(' | ')} |`;
const table = [
  header,
  `|---|---:|${peers.map(() => '---:').join('|')}|${peers.map(() => '---:').join('|')}|`,
  ...rows.map(([label, get, format]) => {
    const values = peers.map((p) => get(summary[p]));
    return `| ${label} | ${format(get(ours))} | ${values.map(format).join(' | ')} | ${values.map((v) => ratio(v, get(ours))).join(' | ')} |`;
  }),
].join('\n');

const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const ownVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
} catch {
  // a tarball without git history still benchmarks
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
const seconds = Math.round((Date.now() - started) / 1000);
const context = [
  `- Date: ${new Date().toISOString().slice(0, 10)}; machine: ${machine}; Node ${process.version}; Chromium ${chromiumVersion}, headless.`,
  `- Versions: ShopConsent ${ownVersion} (commit ${commit}), orejime ${version('orejime')}, vanilla-cookieconsent ${version('vanilla-cookieconsent')}.`,
  `- ${ROUNDS} rounds, interleaved (ShopConsent, orejime, vanilla-cookieconsent, no widget, …), each a fresh browser context with the HTTP cache off and the CPU throttled ${CPU_THROTTLING}×; ${seconds} s in all.`,
  '- "choose" to preferences painted: a third fresh context, once the banner shows and the network is quiet (what a widget downloads ahead counts), from the click to the first frame with the preferences, HTTP cache on.',
  '- "slow 4G": the first visit again in a fresh context, with Chrome DevTools\' network preset (150 ms round trip, 1.6 Mbps down, 750 kbps up) on top of the CPU throttling.',
  '- Times and heap are net of the same page without a widget. Absolute times depend on the machine: compare the ratios.',
].join('\n');

console.log(`\n${table}\n\n${context}\n`);

const docPath = join(root, 'docs/performance.md');
const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
const block = `${start}\n${table}\n\n${context}\n${end}`;
if (doc.includes(start) && doc.includes(end)) {
  writeFileSync(docPath, doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), block));
  // Tables padded as the lint wants them, so that a fresh figure never fails `npm test`.
  execFileSync('npx', ['biome', 'format', '--write', docPath], { cwd: root, stdio: 'ignore' });
  console.log('docs/performance.md updated.');
} else {
  console.log('docs/performance.md has no bench markers; the table was not written.');
}
