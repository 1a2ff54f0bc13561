// The one place that knows which programs outside npm the tests use, where to find them, and how a fresh
// machine gets them: Playwright's own download where that works, else Debian's package when we are root on
// Debian, else one line saying what to install. `node scripts/system-deps.mjs` makes sure all are there.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const firstExisting = (...paths) => paths.find((path) => path && existsSync(path));

/** Debian's Chromium, else the one Playwright downloaded (`undefined`: Playwright's, which may be missing). */
export const chromiumPath = () => firstExisting(process.env.CHROMIUM_PATH, '/usr/bin/chromium');

const playwrightChromium = () => {
  try {
    return firstExisting(chromium.executablePath());
  } catch {
    return undefined;
  }
};

/** The directory holding PostgreSQL's server programs (initdb, postgres, pg_ctl), newest first. */
export const postgresBinDir = () => {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const fromPgConfig = () => {
    try {
      return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return undefined;
    }
  };
  return [...versions.map((version) => join(base, version, 'bin')), fromPgConfig()].find(
    (dir) => dir && existsSync(join(dir, 'initdb')),
  );
};

/**
 * What the tests need: how to tell it is there, Playwright's browser name if it can download it, the
 * Debian package that provides it, and what to tell someone who must install it by hand.
 */
export const DEPENDENCIES = [
  {
    name: 'Chromium',
    found: () => chromiumPath() ?? playwrightChromium(),
    playwright: 'chromium',
    debian: 'chromium',
    manual: 'run `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome',
  },
  {
    name: 'PostgreSQL',
    found: () => process.env.TEST_DATABASE_URL ?? postgresBinDir(),
    debian: 'postgresql',
    manual: 'install PostgreSQL (its initdb on the PATH), or set TEST_DATABASE_URL to a database the tests may use',
  },
];

const isRootOnDebian = () => process.getuid?.() === 0 && existsSync('/etc/debian_version');

const tryRun = (command, args) => {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    return true;
  } catch {
    return false;
  }
};

/** Gets what is missing; returns one line per dependency it could not get. */
export const ensure = (dependencies = DEPENDENCIES, log = console.log) => {
  const missing = dependencies.filter((dependency) => !dependency.found());
  for (const dependency of missing.filter((each) => each.playwright)) {
    log(`${dependency.name}: not found; trying Playwright's download`);
    tryRun('npx', ['playwright', 'install', dependency.playwright]);
  }
  const stillMissing = missing.filter((dependency) => !dependency.found());
  if (stillMissing.length > 0 && isRootOnDebian()) {
    const packages = stillMissing.map((dependency) => dependency.debian);
    log(`installing Debian packages: ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
  return dependencies
    .filter((dependency) => !dependency.found())
    .map((dependency) => `${dependency.name} is missing: ${dependency.manual} (Debian package: ${dependency.debian}).`);
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = ensure();
  for (const problem of problems) console.error(problem);
  process.exit(problems.length > 0 ? 1 : 0);
}
