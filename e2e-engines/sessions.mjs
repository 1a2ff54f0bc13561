// One browser session per engine behind the same small interface, so the journeys are written once:
// open a URL, run a function in the page, click an element of the widget's shadow root, press a key,
// start afresh. Chromium and WebKit speak WebDriver classic through their Debian drivers; Firefox ESR is
// driven over WebDriver BiDi directly (Debian has no geckodriver). docs/adr/0041-webdriver-client-for-the-engine-suite.md says why.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BidiHandler } from 'webdriver';
import { remote } from 'webdriverio';
import { binaryPath } from '../scripts/engines.mjs';

/** The widget's host element; every element the journeys click is inside its open shadow root. */
const HOST = '#shopconsent-root';

/** WebDriver key codes of the keys the journeys press. */
const KEYS = { Tab: '\uE004', Escape: '\uE00C', ArrowDown: '\uE015', ArrowUp: '\uE013' };

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const waitForOutput = (child, pattern, what) =>
  new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(pattern);
      if (match) resolve(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready:\n${output}`)));
  });

const waitForHttp = async (url, what) => {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not answer at ${url}`);
};

const stop = (child) => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
};

/** A session over WebDriver classic, through a driver binary we start ourselves. */
const classicSession = async (engine, env) => {
  const port = await freePort();
  const driver =
    engine.id === 'chromium'
      ? spawn(binaryPath(engine, 'driver'), [`--port=${port}`, '--allowed-ips=127.0.0.1'], { stdio: 'ignore', env })
      : spawn(binaryPath(engine, 'driver'), [`--port=${port}`, '--host=local'], { stdio: 'ignore', env });
  await waitForHttp(`http://127.0.0.1:${port}/status`, `${engine.id} driver`);
  const capabilities =
    engine.id === 'chromium'
      ? {
          browserName: 'chrome',
          'goog:chromeOptions': {
            binary: binaryPath(engine, 'browser'),
            args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
          },
          'wdio:enforceWebDriverClassic': true,
        }
      : {
          'webkitgtk:browserOptions': { binary: binaryPath(engine, 'browser'), args: ['--automation'] },
          'wdio:enforceWebDriverClassic': true,
        };
  let browser;
  try {
    browser = await remote({ hostname: '127.0.0.1', port, logLevel: 'error', capabilities });
  } catch (error) {
    stop(driver);
    throw error;
  }
  const version = `${browser.capabilities.browserName} ${browser.capabilities.browserVersion}`;
  const shadowElement = async (selector) => {
    const element = await browser.$(HOST).shadow$(selector);
    await element.waitForDisplayed({ timeout: 5000 });
    return element;
  };
  return {
    version,
    open: (url) => browser.url(url),
    reload: () => browser.refresh(),
    run: (fn, ...args) => browser.execute(fn, ...args),
    click: async (selector) => (await shadowElement(selector)).click(),
    press: (key) => browser.keys([KEYS[key]]),
    clearCookies: () => browser.deleteAllCookies(),
    close: async () => {
      await browser.deleteSession().catch(() => {});
      stop(driver);
    },
  };
};

/** A WebDriver BiDi session straight to the browser (Firefox's remote agent), with no driver between. */
const bidiSession = async (engine, env) => {
  const profile = mkdtempSync(join(tmpdir(), 'shopconsent-firefox-'));
  const firefox = spawn(
    binaryPath(engine, 'browser'),
    ['--headless', '--no-remote', '--remote-debugging-port', '0', '--profile', profile, 'about:blank'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const close = () => {
    stop(firefox);
    rmSync(profile, { recursive: true, force: true });
  };
  let bidi;
  let context;
  try {
    const [, url] = await waitForOutput(firefox, /WebDriver BiDi listening on (ws:\/\/\S+)/, 'Firefox');
    bidi = new BidiHandler(`${url}/session`);
    await bidi.connect();
    await bidi.waitForConnected();
    const { capabilities } = await bidi.sessionNew({ capabilities: {} });
    context = (await bidi.browsingContextGetTree({})).contexts[0].context;
    engine.version = `${capabilities.browserName} ${capabilities.browserVersion}`;
  } catch (error) {
    close();
    throw error;
  }
  /** Calls `fn` in the page; a DOM node comes back as a reference the input module can aim at. */
  const call = async (fn, args, ownership = 'none') => {
    const response = await bidi.scriptCallFunction({
      functionDeclaration: fn.toString(),
      arguments: args.map((value) => ({ type: 'string', value: String(value) })),
      target: { context },
      awaitPromise: true,
      resultOwnership: ownership,
      serializationOptions: { maxObjectDepth: 10 },
    });
    if (response.type === 'exception') throw new Error(`in the page: ${response.exceptionDetails.text}`);
    return response.result;
  };
  const keyActions = (key) => [
    {
      type: 'key',
      id: 'keyboard',
      actions: [
        { type: 'keyDown', value: KEYS[key] },
        { type: 'keyUp', value: KEYS[key] },
      ],
    },
  ];
  return {
    version: engine.version,
    open: (url) => bidi.browsingContextNavigate({ context, url, wait: 'complete' }),
    reload: () => bidi.browsingContextReload({ context, wait: 'complete' }),
    // The page's JSON answer is copied by value: the same plain data WebDriver classic returns.
    run: async (fn, ...args) => {
      const result = await call(`(...a) => JSON.stringify((${fn.toString()})(...a) ?? null)`, args);
      return JSON.parse(result.value);
    },
    click: async (selector) => {
      let node;
      for (let attempt = 0; attempt < 50 && !node; attempt++) {
        const found = await call(
          '(host, selector) => document.querySelector(host)?.shadowRoot?.querySelector(selector) ?? null',
          [HOST, selector],
          'root',
        );
        if (found.type === 'node') node = found;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!node) throw new Error(`no ${selector} in the widget`);
      await bidi.inputPerformActions({
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: node.sharedId } } },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    },
    press: (key) => bidi.inputPerformActions({ context, actions: keyActions(key) }),
    clearCookies: () => bidi.storageDeleteCookies({}),
    close: async () => {
      await bidi.sessionEnd({}).catch(() => {});
      bidi.close?.();
      close();
    },
  };
};

/** Starts a browser of `engine` and returns its session. */
export const startSession = (engine, env = process.env) =>
  engine.protocol === 'bidi' ? bidiSession(engine, env) : classicSession(engine, env);
