// The one place that knows which programs from outside npm the tests use, where they are, and how a fresh
// machine gets them: Playwright's own download where that works, else Debian's package when we are root on
// Debian, else one line saying what to install. `node scripts/system-deps.mjs` gets what is missing
// (npm test runs it first); the lookups are imported by playwright.config.ts, the screenshot and benchmark
// scripts, the PostgreSQL and LibreOffice test helpers and the cross-engine suite.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ENGINES } from './engines.mjs';

const firstExisting = (paths) => paths.find((path) => path && existsSync(path));

/**
 * The Chromium for Playwright: $CHROMIUM_PATH, else Debian's, else `undefined`, which tells Playwright to
 * use its own download (`npx playwright install chromium`).
 */
export const chromiumPath = () => firstExisting([process.env.CHROMIUM_PATH, '/usr/bin/chromium']);

const playwrightChromium = async () => {
  try {
    const { chromium } = await import('@playwright/test');
    return firstExisting([chromium.executablePath()]);
  } catch {
    return undefined;
  }
};

/** PostgreSQL's server programs (initdb, pg_ctl): Debian's newest /usr/lib/postgresql/<n>/bin, else pg_config's. */
export const postgresBinDir = () => {
  const debian = '/usr/lib/postgresql';
  const candidates = existsSync(debian)
    ? readdirSync(debian)
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(debian, version, 'bin'))
    : [];
  try {
    const stdio = ['ignore', 'pipe', 'ignore'];
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio }).trim());
  } catch {
    // No pg_config on the PATH: Debian's folders are all there is.
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
};

/** LibreOffice's soffice: $SOFFICE_PATH, the PATH, then where Debian and the macOS app keep it. */
export const sofficePath = () =>
  firstExisting([
    process.env.SOFFICE_PATH,
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'soffice')),
    '/usr/lib/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ]);

/**
 * Everything the tests need from outside npm: how to tell it is there, Playwright's name for it if
 * Playwright can download it, the Debian package, and what to tell someone who must install it by hand.
 */
export const DEPENDENCIES = [
  {
    name: 'Chromium (the end-to-end tests)',
    found: async () => chromiumPath() ?? (await playwrightChromium()),
    playwright: 'chromium',
    debian: 'chromium',
    manual: 'run `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome',
  },
  // The cross-engine suite drives Debian's browsers through their WebDriver servers: no download fits them.
  ...ENGINES.flatMap((engine) =>
    engine.binaries.map((binary) => ({
      name: `${binary.path} (the cross-engine suite in ${engine.id})`,
      found: async () => existsSync(binary.path),
      debian: binary.debianPackage,
      manual: `install Debian's ${binary.debianPackage}, or point the suite at your own (docs/cross-engine-tests.md)`,
    })),
  ),
  {
    name: 'PostgreSQL (the collector tests)',
    found: async () => process.env.TEST_DATABASE_URL ?? postgresBinDir(),
    debian: 'postgresql',
    manual: 'install PostgreSQL (its initdb on the PATH), or set TEST_DATABASE_URL to a database the tests may use',
  },
  {
    name: 'LibreOffice Calc (the CSV export test)',
    found: async () => sofficePath(),
    debian: 'libreoffice-calc',
    manual: 'install LibreOffice, or set SOFFICE_PATH to its soffice',
  },
];

const missingOf = async (dependencies) => {
  const found = await Promise.all(dependencies.map((dependency) => dependency.found()));
  return dependencies.filter((_, index) => !found[index]);
};

const isRootOnDebian = () => process.getuid?.() === 0 && existsSync('/etc/debian_version');

/** Gets what is missing; resolves to one line for each dependency it could not get. */
export const ensure = async (dependencies = DEPENDENCIES, log = console.log) => {
  const missing = await missingOf(dependencies);
  const downloadable = [...new Set(missing.flatMap((dependency) => dependency.playwright ?? []))];
  if (downloadable.length > 0) {
    log(`not found: ${downloadable.join(', ')}; trying Playwright's download`);
    try {
      execFileSync('npx', ['playwright', 'install', ...downloadable], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch {
      log("Playwright's download did not work here");
    }
  }
  const still = await missingOf(dependencies);
  if (still.length > 0 && isRootOnDebian()) {
    const packages = [...new Set(still.map((dependency) => dependency.debian))];
    log(`installing Debian packages: ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
      execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env,
      });
    } catch {
      log('apt-get could not install them');
    }
  }
  return (await missingOf(dependencies)).map(
    (dependency) =>
      `${dependency.name} is missing: ${dependency.manual} (Debian: apt-get install ${dependency.debian}).`,
  );
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await ensure();
  for (const problem of problems) console.error(problem);
  process.exit(problems.length > 0 ? 1 : 0);
}
