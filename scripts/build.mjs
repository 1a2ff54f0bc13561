// Builds the two script-tag bundles, the npm ESM entries and their types into dist/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { integrity } from './integrity.mjs';

const run = (command, args, env = {}) =>
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
const vite = (mode, env) => run('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], env);

rmSync('dist', { recursive: true, force: true });
// The bundles the core loads first: it carries their hashes, to load them with the same integrity check as itself.
vite('ui');
vite('extras');
vite('core', {
  SHOPCONSENT_UI_INTEGRITY: integrity('dist/shopconsent-ui.js'),
  SHOPCONSENT_EXTRAS_INTEGRITY: integrity('dist/shopconsent-extras.js'),
});
vite('esm');
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('node', ['scripts/build-scan.mjs']);
run('node', ['scripts/report-sizes.mjs']);
run('node', ['scripts/integrity.mjs']);
