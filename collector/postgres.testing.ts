import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { postgresBinDir } from '../scripts/system-deps.mjs';

const run = promisify(execFile);

export interface Postgres {
  /** A new, empty database on this server; its URL. */
  database(): Promise<string>;
  /** Stops the server at once, as a crash or an outage would (a throwaway cluster only). */
  halt(): Promise<void>;
  /** Starts it again, on the same port and data. */
  resume(): Promise<void>;
  /** What the server has logged so far (a throwaway cluster only). */
  serverLog(): string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const createDatabase = async (adminUrl: string) => {
  const name = `collector_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * A PostgreSQL for tests and the benchmark. With TEST_DATABASE_URL (a role allowed to create databases),
 * that server; otherwise a throwaway cluster from the installed binaries: initdb into a temporary folder,
 * a free port on 127.0.0.1, gone again after `stop()`. PostgreSQL refuses to run as root, so as root the
 * cluster runs as the `postgres` user that Debian's package creates. Throws, saying what to install, when
 * there is neither: a PostgreSQL test must fail rather than be skipped.
 *
 * `durable: false` turns fsync off, for tests that do not measure or crash PostgreSQL itself. `dataIn` puts
 * the data directory in that folder instead, for a test that needs it on a file system of its own.
 */
export const startPostgres = async ({ durable, dataIn }: { durable: boolean; dataIn?: string }): Promise<Postgres> => {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    if (dataIn) throw new Error('dataIn needs the throwaway cluster: unset TEST_DATABASE_URL for this test.');
    const refuse = async () => {
      throw new Error('halt() and resume() need the throwaway cluster: unset TEST_DATABASE_URL for this test.');
    };
    return {
      database: () => createDatabase(given),
      halt: refuse,
      resume: refuse,
      serverLog: () => '',
      stop: async () => undefined,
    };
  }

  const bin = postgresBinDir();
  if (!bin)
    throw new Error(
      'PostgreSQL is needed for these tests: install it (Debian: apt-get install -y postgresql) or set ' +
        'TEST_DATABASE_URL to a server where this role may create databases.',
    );
  const asRoot = process.getuid?.() === 0;
  const pgTool = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];

  const dir = mkdtempSync(join(tmpdir(), 'shopconsent-pg-'));
  const dataParent = dataIn ? mkdtempSync(join(dataIn, 'shopconsent-pg-')) : dir;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    for (const owned of new Set([dir, dataParent])) chownSync(owned, id('-u'), id('-g'));
  }
  const data = join(dataParent, 'data');
  await run(...pgTool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']));

  const settings = ['-c listen_addresses=127.0.0.1', `-k ${dir}`];
  if (!durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  const startServer = (port: number) =>
    run(
      ...pgTool('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'log'),
        '-w',
        '-o',
        `-p ${port} ${settings.join(' ')}`,
        'start',
      ]),
    );
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await startServer(port);
      break;
    } catch (error) {
      // Another program took the port between the probe and the start.
      if (attempt === 3) throw error;
    }
  }

  const stopNow = () => {
    try {
      execFileSync(...pgTool('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    for (const folder of new Set([dir, dataParent])) rmSync(folder, { recursive: true, force: true });
  };
  // A test run that is interrupted must not leave a server behind.
  process.once('exit', stopNow);

  return {
    database: () => createDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`),
    halt: async () => {
      await run(...pgTool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']));
    },
    resume: async () => {
      await startServer(port);
    },
    serverLog: () => readFileSync(join(dir, 'log'), 'utf8'),
    stop: async () => {
      process.off('exit', stopNow);
      stopNow();
    },
  };
};
