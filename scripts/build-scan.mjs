// Builds the scanner's CLI (`shop-consent scan`) into dist/scan/ for plain node, with its cookie database.
import { execFileSync } from 'node:child_process';

execFileSync('npx', ['vite', 'build', '--config', 'scan/vite.config.ts', '--logLevel', 'warn'], {
  stdio: 'inherit',
  // The config imports the database compiler as TypeScript, which Vite's bundled config loader handles.
  env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
});
