// What both screenshot scripts share: the repository served as the e2e tests serve it, and a Chromium
// found as the e2e tests find it ($CHROMIUM_PATH, Debian's, else Playwright's own).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');

/** Starts the file server on `port` and a browser; `close()` stops both. */
export const startSession = async (port) => {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [resolve(root, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const close = async () => {
    await browser.close();
    server.kill();
  };
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${origin}/package.json`)).ok) return { origin, browser, close };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  await close();
  throw new Error(`the file server did not start on ${origin}`);
};
