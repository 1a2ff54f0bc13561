// The cross-engine suite: the main journeys of e2e-engines/ in Chromium, Firefox ESR and WebKitGTK, through
// their Debian binaries (scripts/engines.mjs). Starts the e2e static server (scripts/serve.mjs) with the
// shop's page in each language and, for WebKit, an Xvfb display; writes reports/engines.json with the
// counts; exits non-zero on any failure.
//   node scripts/test-engines.mjs                 every engine
//   ENGINES=firefox,webkit node scripts/test-engines.mjs
// ENGINES_PORT picks the server's port (default 4210).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { shopPages } from '../e2e-engines/ShopConsentEnginePage.mjs';
import { binaryPath, ENGINES, missingBinaries } from './engines.mjs';
import { serve } from './serve.mjs';

const root = resolve(import.meta.dirname, '..');
const started = Date.now();
const requested = (process.env.ENGINES ?? ENGINES.map((engine) => engine.id).join(',')).split(',').filter(Boolean);
const unknown = requested.filter((id) => !ENGINES.some((engine) => engine.id === id));
if (unknown.length > 0) {
  console.error(`ENGINES names no engine called ${unknown.join(', ')}; known: ${ENGINES.map((e) => e.id).join(', ')}.`);
  process.exit(2);
}
const engines = ENGINES.filter((engine) => requested.includes(engine.id));
const missing = engines.filter((engine) => missingBinaries(engine).length > 0);
for (const engine of missing) {
  const binaries = missingBinaries(engine);
  console.error(
    `${engine.id}: not run, ${binaries.map((b) => b.path).join(', ')} missing: apt-get install -y ${[...new Set(binaries.map((b) => b.debianPackage))].join(' ')}`,
  );
}
const runnable = engines.filter((engine) => !missing.includes(engine));

const children = [];
const stopChildren = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('exit', stopChildren);

const waitFor = (child, pattern, what) =>
  new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(pattern);
      if (match) resolvePromise(match);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}):\n${output}`)));
  });

// WebdriverIO's own log stays quiet unless asked for: the spec reporter says what happened.
process.env.WDIO_LOG_LEVEL ??= 'error';

const port = Number(process.env.ENGINES_PORT ?? 4210);
const server = await serve(port, shopPages());
process.env.ENGINES_BASE_URL = `http://127.0.0.1:${port}`;

// WebKitGTK needs an X display even for automation; a private Xvfb keeps it off any developer's screen.
const webkit = runnable.find((engine) => engine.needsDisplay);
if (webkit) {
  const xvfb = spawn(
    binaryPath(webkit, 'display'),
    ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(xvfb);
  const [, display] = await waitFor(xvfb, /^(\d+)\s*$/m, 'Xvfb');
  process.env.DISPLAY = `:${display}`;
}

let passed = 0;
let failed = missing.length;
const failures = [];
if (runnable.length > 0) {
  process.env.SHOPCONSENT_ENGINES = runnable.map((engine) => engine.id).join(',');
  const stream = run({ files: [resolve(root, 'e2e-engines/journeys.test.mjs')], concurrency: false });
  // Journeys are counted; an engine's suite is not, unless the whole file failed to run.
  stream.on('test:pass', (event) => {
    if (event.details?.type !== 'suite' && event.nesting > 0) passed++;
  });
  stream.on('test:fail', (event) => {
    if (event.details?.type === 'suite') return;
    failed++;
    failures.push(event.name);
  });
  stream.compose(new spec()).pipe(process.stdout);
  await new Promise((resolvePromise) => stream.once('end', resolvePromise));
}

const seconds = Math.round((Date.now() - started) / 100) / 10;
mkdirSync(resolve(root, 'reports'), { recursive: true });
writeFileSync(
  resolve(root, 'reports/engines.json'),
  `${JSON.stringify(
    {
      engines: runnable.map((engine) => engine.id),
      missing: missing.map((engine) => ({
        engine: engine.id,
        install: missingBinaries(engine).map((b) => b.debianPackage),
      })),
      passed,
      failed,
      skipped: 0,
      failures,
      seconds,
    },
    null,
    2,
  )}\n`,
);
console.log(`engines: ${passed} passed, ${failed} failed in ${seconds} s`);
stopChildren();
server.close();
process.exit(failed > 0 || passed === 0 ? 1 : 0);
