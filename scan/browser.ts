import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** A scan that cannot run: the message is for the shop owner, one line, and the exit code is 2. */
export class ScanError extends Error {}

const HOW_TO_GET_ONE =
  'No Chromium found: install playwright-core and a browser (npm i -D playwright-core && npx playwright install chromium), or set CHROMIUM_PATH to a Chromium or Chrome.';

/** The browser: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download. */
export const chromiumPath = (env: NodeJS.ProcessEnv, exists: (path: string) => boolean): string | undefined =>
  env.CHROMIUM_PATH || (exists('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const launchChromium = async (): Promise<Browser> => {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new ScanError(HOW_TO_GET_ONE);
  }
  const executablePath = chromiumPath(process.env, existsSync);
  try {
    return await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
  } catch {
    throw new ScanError(HOW_TO_GET_ONE);
  }
};
