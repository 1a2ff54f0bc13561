// What both screenshot scripts share: the repository served as the e2e tests serve it, and a Chromium
// found as the e2e tests find it ($CHROMIUM_PATH, Debian's, else Playwright's own).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';

/** Starts the file server on `port` and a browser; `close()` stops both. */
export const startSession = async (port) => {
  const server = await serve(port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { origin: `http://127.0.0.1:${port}`, browser, close };
};
