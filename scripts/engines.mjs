// Where the cross-engine suite finds each browser and its driver. Only Debian's binaries are used: nothing
// is downloaded at run time. A missing binary is reported with the Debian package that provides it.
import { existsSync } from 'node:fs';

/**
 * @typedef {{ name: string, path: string, debianPackage: string }} Binary
 * @typedef {{ id: 'chromium' | 'firefox' | 'webkit', label: string, protocol: 'classic' | 'bidi', needsDisplay: boolean, binaries: Binary[] }} Engine
 */

/** @type {Engine[]} */
export const ENGINES = [
  {
    id: 'chromium',
    label: 'Chromium (chromedriver, WebDriver classic)',
    protocol: 'classic',
    needsDisplay: false,
    binaries: [
      { name: 'browser', path: process.env.CHROMIUM_PATH || '/usr/bin/chromium', debianPackage: 'chromium' },
      {
        name: 'driver',
        path: process.env.CHROMEDRIVER_PATH || '/usr/bin/chromedriver',
        debianPackage: 'chromium-driver',
      },
    ],
  },
  {
    id: 'firefox',
    label: 'Firefox ESR (WebDriver BiDi, no driver)',
    protocol: 'bidi',
    needsDisplay: false,
    binaries: [
      { name: 'browser', path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', debianPackage: 'firefox-esr' },
    ],
  },
  {
    id: 'webkit',
    label: 'WebKitGTK (WebKitWebDriver, WebDriver classic, under Xvfb)',
    protocol: 'classic',
    needsDisplay: true,
    binaries: [
      {
        name: 'driver',
        path: process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver',
        debianPackage: 'webkit2gtk-driver',
      },
      {
        name: 'browser',
        path: process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        debianPackage: 'webkit2gtk-driver',
      },
      { name: 'display', path: process.env.XVFB_PATH || '/usr/bin/Xvfb', debianPackage: 'xvfb' },
    ],
  },
];

/** The binaries of `engine` that are not on this machine. */
export const missingBinaries = (engine) => engine.binaries.filter((binary) => !existsSync(binary.path));

/** `engine`'s binary called `name`. */
export const binaryPath = (engine, name) => {
  const binary = engine.binaries.find((candidate) => candidate.name === name);
  if (!binary) throw new Error(`${engine.id} has no ${name} binary`);
  return binary.path;
};

/** The Debian packages that would provide everything missing, over all engines. */
export const missingPackages = (engines = ENGINES) => [
  ...new Set(engines.flatMap((engine) => missingBinaries(engine).map((binary) => binary.debianPackage))),
];
