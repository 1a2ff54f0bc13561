// Builds the script-tag bundles, the npm entries (ESM and CommonJS) and their types into dist/
// (sizes: `npm run size`).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { BANNERS, BUNDLES } from './bundles.mjs';
import { integrity } from './integrity.mjs';

const run = (command, args, env = {}) =>
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
const vite = (mode, env) => run('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], env);

rmSync('dist', { recursive: true, force: true });
// The bundles the core loads first: it carries their hashes, to load them with the same integrity check as itself.
vite('ui');
vite('extras');
for (const lang of Object.keys(BANNERS)) vite(`banner-${lang}`);
vite('core', {
  SHOPCONSENT_UI_INTEGRITY: integrity(BUNDLES.ui),
  SHOPCONSENT_EXTRAS_INTEGRITY: integrity(BUNDLES.extras),
  SHOPCONSENT_BANNER_INTEGRITY: JSON.stringify(
    Object.fromEntries(Object.entries(BANNERS).map(([lang, file]) => [lang, integrity(file)])),
  ),
});
vite('esm');
vite('cjs');
run('node', ['scripts/build-types.mjs']);
run('node', ['scripts/build-scan.mjs']);
run('node', ['scripts/integrity.mjs']);
