// `npm run bench:scan`: how long `shop-consent scan --pages 20` takes. The demo links 13 pages, so the
// shop scanned here is the MonaOK demo page twenty times over (/demo/monaok/shop-1.html … shop-20.html,
// each linking every other), with its tag, its gated tags and its assets, served by scripts/serve.mjs.
// Prints the scanner's own summary, then the wall time and the load average before and after.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../serve.mjs';

const root = resolve(import.meta.dirname, '../..');
const PAGES = 20;
const template = readFileSync(join(root, 'demo/monaok/index.html'), 'utf8');
const links = Array.from({ length: PAGES }, (_, i) => `<li><a href="shop-${i + 1}.html">${i + 1}</a></li>`).join('');
const pages = Object.fromEntries(
  Array.from({ length: PAGES }, (_, i) => [
    `/demo/monaok/shop-${i + 1}.html`,
    template.replace('</main>', `<nav aria-label="pages"><ul>${links}</ul></nav></main>`),
  ]),
);

execFileSync('node', ['scripts/build-scan.mjs'], { cwd: root, stdio: 'inherit' });
const server = await serve(0, pages);
const url = `http://127.0.0.1:${server.address().port}/demo/monaok/shop-1.html`;
const out = mkdtempSync(join(tmpdir(), 'bench-scan-'));
const loadBefore = loadavg()[0];
const started = Date.now();
const code = await new Promise((done) => {
  const cli = spawn('node', ['dist/scan/cli.js', 'scan', url, '--pages', String(PAGES), '--delay', '0', '--out', out], {
    cwd: root,
    stdio: 'inherit',
  });
  cli.on('exit', done);
});
const seconds = (Date.now() - started) / 1000;
server.close();
const report = JSON.parse(readFileSync(join(out, 'scan.json'), 'utf8'));
console.log(
  `\n${report.summary.pages} pages, three passes, in ${seconds.toFixed(1)} s (exit ${code}); ` +
    `load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; report in ${out}`,
);
