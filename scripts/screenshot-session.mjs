// What both screenshot scripts share: the repository served as the e2e tests serve it, and a Chromium
// found as the e2e tests find it (scripts/system-deps.mjs).
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';
import { chromiumPath } from './system-deps.mjs';

/** Starts the file server on `port` and a browser; `close()` stops both. */
export const startSession = async (port) => {
  const server = await serve(port);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { origin: `http://127.0.0.1:${port}`, browser, close };
};
