// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collector } from './collector';
import { errorsIn, expectStoredOnce, health, loadOf, openLogged } from './faults.testing';
import { type Postgres, startPostgres } from './postgres.testing';
import { TOKEN } from './process.testing';

let postgres: Promise<Postgres>;
// A cluster of its own: this test stops it, and other test files must not see that.
beforeAll(() => {
  postgres = startPostgres({ durable: false });
  return postgres.then(
    () => undefined,
    () => undefined,
  );
}, 60_000);
afterAll(async () => (await postgres.catch(() => null))?.stop(), 60_000);

/**
 * Once PostgreSQL is back: 300 more receipts go in, `/health` says ok again, the failures were logged
 * once per kind and without a stack, and every acknowledged receipt is stored once.
 */
const expectRecovery = async (
  collector: Collector,
  load: ReturnType<typeof loadOf>,
  log: () => Record<string, unknown>[],
) => {
  const acknowledgedBefore = load.acknowledged.length;
  await load.until(() => load.acknowledged.length >= acknowledgedBefore + 300, '300 receipts after the restart');
  await load.stop();
  expect(await health(collector)).toMatchObject({ statusCode: 200, status: 'ok' });
  expect([...load.answers.keys()].sort()).toEqual([204, 503]);
  const errors = errorsIn(log());
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.length).toBeLessThanOrEqual(8);
  expect(load.refused()).toBeGreaterThan(errors.length * 20);
  expect(JSON.stringify(errors)).not.toMatch(/\n\s+at /);
  await expectStoredOnce(collector, load.acknowledged);
};

it('PostgreSQL stopped and started again mid-load: 503 while it is down, /health degraded then ok, every acknowledged receipt stored once, a few log lines', {
  timeout: 120_000,
}, async () => {
  const server = await postgres;
  const { collector, log } = await openLogged(await server.database());
  try {
    const load = loadOf(collector, 'outage');
    await load.until(() => load.acknowledged.length >= 300, '300 receipts before the outage');
    await server.halt();
    const before = load.refused();
    await load.until(() => load.refused() >= before + 200, '200 receipts refused while PostgreSQL is down');
    expect(await health(collector)).toMatchObject({
      statusCode: 503,
      status: 'degraded',
      reason: 'database_unreachable',
    });

    await server.resume();
    // One log line per distinct failure (refused connection, terminated connection, shutdown).
    await expectRecovery(collector, load, log);
  } finally {
    await collector.close();
  }
});

const MB = 1024 * 1024;
/** The test fills the whole file system: a large one would take long, and the room of everything else on it. */
const MAX_FULL_DIR_MB = 512;

const freeBytes = (dir: string) => {
  const { bavail, bsize } = statfsSync(dir);
  return bavail * bsize;
};

interface SmallFileSystem {
  dir: string;
  release(): void;
}

/**
 * A small file system of its own for PostgreSQL's data directory: TEST_PG_FULL_DIR when the user prepared
 * one, otherwise, as root, a tmpfs mounted for this test. Without either the test fails, saying so: a
 * guarantee that is skipped unseen is not one.
 */
const smallFileSystem = (): SmallFileSystem => {
  const prepared = process.env.TEST_PG_FULL_DIR;
  if (prepared) {
    if (freeBytes(prepared) > MAX_FULL_DIR_MB * MB)
      throw new Error(
        `TEST_PG_FULL_DIR (${prepared}) has more than ${MAX_FULL_DIR_MB} MB free: the disk-full test fills that file system, so give it a small one of its own.`,
      );
    return { dir: prepared, release: () => undefined };
  }
  if (process.getuid?.() !== 0)
    throw new Error(
      'The disk-full test needs a small file system for PostgreSQL to fill: run it as root (it mounts a 256 MB tmpfs), ' +
        `or set TEST_PG_FULL_DIR to a folder you may write on a file system of at most ${MAX_FULL_DIR_MB} MB that nothing else uses ` +
        '(as root, once: mkdir /mnt/pgfull && mount -t tmpfs -o size=256m,mode=0777 tmpfs /mnt/pgfull).',
    );
  const dir = mkdtempSync(join(tmpdir(), 'shopconsent-pgfull-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m,mode=0777', 'tmpfs', dir]);
  return {
    dir,
    release: () => {
      execFileSync('umount', [dir]);
      rmdirSync(dir);
    },
  };
};

/** Writes `file` until `leave` bytes are free on its file system (or none, if PostgreSQL took them first). */
const fillUpTo = (dir: string, file: string, leave: number) => {
  const chunk = Buffer.alloc(MB);
  const fd = openSync(file, 'w');
  try {
    for (let free = freeBytes(dir); free > leave; free = freeBytes(dir))
      writeSync(fd, chunk, 0, Math.min(chunk.length, free - leave));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
};

/** How many receipts the dashboard's rollup counts: it is written in the same transaction as the receipts. */
const decisionsCounted = async (collector: Collector) => {
  const response = await collector.app.inject({
    url: '/stats?from=2026-01-01&to=2026-01-01',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const { decisions } = response.json() as { decisions: Record<string, number[]> };
  return Object.values(decisions)
    .flat()
    .reduce((sum, count) => sum + count, 0);
};

describe('disk full (PostgreSQL on a full file system)', () => {
  let full: Promise<SmallFileSystem & { server: Postgres }>;
  beforeAll(() => {
    full = (async () => {
      const small = smallFileSystem();
      try {
        const server = await startPostgres({ durable: false, dataIn: small.dir });
        // After the server's own handler, which stops it: a busy file system cannot be unmounted.
        process.once('exit', small.release);
        return { ...small, server };
      } catch (error) {
        small.release();
        throw error;
      }
    })();
    return full.then(
      () => undefined,
      () => undefined,
    );
  }, 60_000);
  afterAll(async () => {
    const small = await full.catch(() => null);
    if (!small) return;
    process.off('exit', small.release);
    await small.server.stop();
    small.release();
  }, 60_000);

  it('the tables cannot grow: 503 and nothing kept, /health degraded with the reason, a few log lines without stacks; ok again once there is room, without a restart', {
    timeout: 60_000,
  }, async () => {
    const { dir, server } = await full;
    const url = await server.database();
    // A new WAL segment, and the old one kept for reuse: only the tables run out of room here.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_switch_wal(); CHECKPOINT');
    await admin.end();
    const { collector, log } = await openLogged(url);
    const filler = join(dir, 'filler');
    try {
      expect((await health(collector)).status).toBe('ok');
      fillUpTo(dir, filler, 256 * 1024);
      const load = loadOf(collector, 'full');
      await load.until(() => load.refused() >= 300, '300 receipts refused on a full file system');
      await load.stop();
      expect([...load.answers.keys()].sort()).toEqual([204, 503]);
      expect(load.acknowledged.length).toBeGreaterThan(50);

      const degraded = await health(collector);
      expect(degraded).toMatchObject({ statusCode: 503, status: 'degraded', reason: 'disk_full' });
      expect(degraded.message).toMatch(/full/);
      const errors = errorsIn(log());
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.length).toBeLessThanOrEqual(3);
      expect(JSON.stringify(errors)).not.toMatch(/stack|\n\s+at /);
      expect(errors[0]).toMatchObject({ msg: 'request failed', reason: 'disk_full', code: '53100' });
      expect(server.serverLog()).toMatch(/ERROR: +could not extend file .*No space left on device/);

      // The shop makes room; no receipt has been written since, so /health tries a write of its own.
      unlinkSync(filler);
      expect(await health(collector)).toMatchObject({ statusCode: 200, status: 'ok' });
      const more = loadOf(collector, 'more');
      await more.until(() => more.acknowledged.length >= 50, '50 receipts taken again');
      await more.stop();
      expect(log().some((line) => /receipts are written again/.test(String(line.msg)))).toBe(true);
      const acknowledged = [...load.acknowledged, ...more.acknowledged];
      await expectStoredOnce(collector, acknowledged);
      // Not one refused receipt was kept, nor counted.
      expect((await health(collector)).receipts).toBe(acknowledged.length);
      expect(await decisionsCounted(collector)).toBe(acknowledged.length);
    } finally {
      await collector.close();
      rmSync(filler, { force: true });
    }
  });

  it('the WAL cannot grow: PostgreSQL stops itself (PANIC), 503 meanwhile, /health degraded (database unreachable); ok once there is room and PostgreSQL is started again, without restarting the collector', {
    timeout: 60_000,
  }, async () => {
    const { dir, server } = await full;
    const url = await server.database();
    const { collector, log } = await openLogged(url);
    const admin = new pg.Client({ connectionString: url });
    // The crash ends this connection too; its queries fail, and that is all the loop below needs.
    admin.on('error', () => undefined);
    await admin.connect();
    const filler = join(dir, 'filler');
    try {
      const load = loadOf(collector, 'wal');
      await load.until(() => load.acknowledged.length >= 100, '100 receipts before the file system is full');
      // Room for the tables, none for another 16 MB WAL segment. A busy server moves to a new segment every
      // 16 MB of WAL; switching makes it do so now, until there is no segment left to reuse.
      fillUpTo(dir, filler, 2 * MB);
      const panicked = () => /PANIC: +could not write to file "pg_wal\/xlogtemp/.test(server.serverLog());
      const deadline = Date.now() + 30_000;
      while (!panicked()) {
        if (Date.now() > deadline) throw new Error('PostgreSQL did not run out of room for its WAL within 30 s');
        await admin.query('SELECT pg_switch_wal()').catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Its crash recovery needs a new WAL segment as well, so it gives up and shuts down.
      await load.until(() => /database system is shut down/.test(server.serverLog()), 'PostgreSQL shut down');
      const before = load.refused();
      await load.until(() => load.refused() >= before + 200, '200 receipts refused while PostgreSQL is down');
      expect(await health(collector)).toMatchObject({
        statusCode: 503,
        status: 'degraded',
        reason: 'database_unreachable',
      });

      unlinkSync(filler);
      await server.resume();
      // One log line per distinct failure: the crash, recovery mode, refused connections.
      await expectRecovery(collector, load, log);
    } finally {
      await admin.end().catch(() => undefined);
      await collector.close();
      rmSync(filler, { force: true });
    }
  });
});
