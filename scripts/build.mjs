// Builds the two script-tag bundles, the npm ESM entries and their types into dist/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
for (const mode of ['core', 'ui', 'esm']) run('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('node', ['scripts/report-sizes.mjs']);
