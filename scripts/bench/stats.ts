// `npm run bench:stats`: GET /stats over 5 million receipts, on SQLite and on PostgreSQL.
// Fills a new database with generated receipts (stats/generate.ts, a year of decisions for the five demo
// shops, scaled up), and its rollup, written directly rather than through HTTP so that it takes minutes, not
// hours; then starts the collector as `npm run collector` does, in its own process, and asks for 90 days of
// one shop and of all shops from 10 clients at once, reporting the latency percentiles. Also times the
// start-up backfill of the rollup on the SQLite file (the one-off cost of upgrading a collector that already
// holds receipts).
//
//   npm run bench:stats                      both backends
//   BENCH_BACKENDS=sqlite npm run bench:stats
//   BENCH_RECEIPTS=1000000 npm run bench:stats
//   BENCH_PORT=4244 TEST_DATABASE_URL=postgres://postgres@127.0.0.1:4243/postgres npm run bench:stats
//   BENCH_BASELINE=b25bf67 npm run bench:stats   also another revision's collector, on the same database
//
// With BENCH_BASELINE, the collector of that revision (`git archive` into node_modules/.cache) and the
// working tree's answer in turn on the one filled database, twice, in either order (A B B A), so that a
// machine whose load changes slows both alike.
// PostgreSQL: TEST_DATABASE_URL's server, or a throwaway cluster (collector/postgres.testing.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPostgres } from '../../collector/postgres.testing';
import { startProcess, TOKEN } from '../../collector/process.testing';
import { receiptDigest } from '../../collector/receipt';
import { DEMO_SHOPS, generateDecisions } from '../../collector/stats/generate';
import { type Decision, RollupDelta } from '../../collector/stats/rollup';
import { openStore } from '../../collector/store/open';
import { baselineCollector } from './baseline';

const TARGET = Number(process.env.BENCH_RECEIPTS ?? 5_000_000);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');
const PORT = process.env.BENCH_PORT ?? '0';
const DAYS = 365;
const CLIENTS = 10;
const REQUESTS = 2000;
const BATCH = 5000;
const BASELINE = process.env.BENCH_BASELINE;

type Start = typeof startProcess;

const startBaseline = BASELINE ? await baselineCollector('bench-stats', BASELINE) : null;

/** Generated receipts, in batches, with the rollup they make. */
const generate = async (write: (rows: unknown[][]) => Promise<void>) => {
  // One scale-1 pass tells how many a year makes; the real pass scales to the target.
  let perYear = 0;
  generateDecisions({ shops: DEMO_SHOPS, days: DAYS, now: Date.now(), seed: 1, emit: () => perYear++ });
  const scale = TARGET / perYear;
  const delta = new RollupDelta();
  let batch: unknown[][] = [];
  let visitor: Decision[] = [];
  let written = 0;
  const pending: Promise<void>[] = [];
  const now = Date.now();
  generateDecisions({
    shops: DEMO_SHOPS,
    days: DAYS,
    now,
    seed: 7,
    scale,
    emit: (receipt) => {
      const digest = receiptDigest(receipt);
      // The generator emits a visitor's decisions one after the other.
      if (visitor.length && visitor[0].consentId !== receipt.id) {
        delta.change([], visitor);
        visitor = [];
      }
      visitor.push({
        consentId: receipt.id,
        decidedAt: receipt.decidedAt,
        digest,
        shop: receipt.shop ?? '',
        lang: receipt.lang,
        revision: receipt.revision,
        purposes: receipt.purposes,
      });
      batch.push([
        receipt.id,
        receipt.decidedAt,
        digest,
        Date.parse(receipt.decidedAt),
        JSON.stringify(receipt),
        'generated',
        'bench:stats',
      ]);
      if (batch.length === BATCH) {
        pending.push(write(batch));
        written += batch.length;
        batch = [];
      }
    },
  });
  delta.change([], visitor);
  if (batch.length) pending.push(write(batch));
  written += batch.length;
  await Promise.all(pending);
  return { written, delta };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/** CLIENTS loops asking one after the other until REQUESTS answers came; latency of each. */
const measure = async (url: string) => {
  const latencies: number[] = [];
  let sent = 0;
  const client = async () => {
    while (sent < REQUESTS) {
      sent++;
      const start = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      const body = (await response.json()) as { days?: string[] };
      if (!response.ok || body.days?.length !== 90) throw new Error(`/stats answered ${response.status}`);
      latencies.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(latencies.length / seconds),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  };
};

const timed = async <T>(work: () => Promise<T>) => {
  const start = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - start) / 1000 };
};

const queries = async (database: string, start: Start) => {
  const { child, url } = await start({ DATABASE_URL: database, PORT, RETENTION_DAYS: '3650' });
  try {
    // Warm the connection pool and the page cache as an owner's first look would.
    await measure(`${url}/stats?period=90&shop=MonaOK`);
    return {
      oneShop: await measure(`${url}/stats?period=90&shop=MonaOK`),
      allShops: await measure(`${url}/stats?period=90`),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
};

const results: string[] = [];
const report = async (backend: string, receipts: number, fillSeconds: number, extra: string, database: string) => {
  const ms = (value: number) => value.toFixed(1);
  const runs: [string, Start][] = startBaseline
    ? [
        [BASELINE as string, startBaseline],
        ['working tree', startProcess],
        ['working tree', startProcess],
        [BASELINE as string, startBaseline],
      ]
    : [['', startProcess]];
  for (const [collector, start] of runs) {
    const load = loadavg()[0].toFixed(1);
    for (const [name, m] of Object.entries(await queries(database, start)))
      results.push(
        `| ${backend}${collector ? `, ${collector}, load ${load}` : ''} | ${receipts.toLocaleString('en')} | ${name === 'oneShop' ? 'one shop' : 'all shops'} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${m.perSecond} | ${Math.round(fillSeconds)} s${extra} |`,
      );
  }
};

if (BACKENDS.includes('sqlite')) {
  const dir = mkdtempSync(join(tmpdir(), 'shopconsent-bench-stats-'));
  const file = join(dir, 'receipts.db');
  try {
    await (await openStore(`sqlite:${file}`, () => undefined)).close();
    const db = new Database(file);
    // Loading only: the collector opens the file again with its own, durable settings.
    db.pragma('synchronous = OFF');
    const insert = db.prepare(
      `INSERT INTO receipts (consent_id, decided_at, digest, received_at, receipt, ip_hash, user_agent)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAll = db.transaction((rows: unknown[][]) => {
      for (const row of rows) insert.run(...row);
    });
    const { result: loaded, seconds: loadSeconds } = await timed(() =>
      generate(async (rows) => {
        insertAll(rows);
      }),
    );
    db.close();
    console.log(`sqlite: ${loaded.written} receipts in ${loadSeconds.toFixed(0)} s`);
    const store = await openStore(`sqlite:${file}`, () => undefined);
    const { seconds: backfillSeconds } = await timed(() => store.rollup.backfill());
    await store.close();
    console.log(`sqlite: backfill ${backfillSeconds.toFixed(1)} s`);
    await report(
      'SQLite',
      loaded.written,
      loadSeconds,
      `; backfill ${Math.round(backfillSeconds)} s`,
      `sqlite:${file}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (BACKENDS.includes('postgres')) {
  const server = await startPostgres({ durable: true });
  try {
    const url = await server.database();
    await (await openStore(url, () => undefined)).close();
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const columns = (rows: unknown[][], index: number) => rows.map((row) => row[index]);
    const { result: loaded, seconds: loadSeconds } = await timed(() =>
      generate(async (rows) => {
        await pool.query(
          `INSERT INTO receipts (consent_id, decided_at, digest, received_at, receipt, ip_hash, user_agent)
           SELECT a, b, c, to_timestamp(d / 1000.0), e, f, g
           FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::json[], $6::text[], $7::text[])
             AS t(a, b, c, d, e, f, g)`,
          [0, 1, 2, 3, 4, 5, 6].map((index) => columns(rows, index)),
        );
      }),
    );
    // The rollup the generator counted, written as the stores write theirs.
    const days = loaded.delta.dayRows();
    const purposes = loaded.delta.purposeRows();
    for (let start = 0; start < days.length; start += BATCH) {
      const slice = days.slice(start, start + BATCH);
      await pool.query(
        `INSERT INTO rollup_days SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[],
           $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[])`,
        (['shop', 'day', 'lang', 'revision', 'decisions', 'accepted', 'refused', 'chose', 'withdrawals'] as const).map(
          (key) => slice.map((row) => row[key]),
        ),
      );
    }
    for (let start = 0; start < purposes.length; start += BATCH) {
      const slice = purposes.slice(start, start + BATCH);
      await pool.query(
        `INSERT INTO rollup_purposes SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
           $6::bigint[], $7::bigint[])`,
        (['shop', 'day', 'lang', 'revision', 'purpose', 'asked', 'granted'] as const).map((key) =>
          slice.map((row) => row[key]),
        ),
      );
    }
    await pool.query("INSERT INTO settings (key, value) VALUES ('rollup_version', '1') ON CONFLICT DO NOTHING");
    await pool.query('VACUUM ANALYZE');
    await pool.end();
    console.log(`postgres: ${loaded.written} receipts in ${loadSeconds.toFixed(0)} s`);
    await report('PostgreSQL', loaded.written, loadSeconds, '', url);
  } finally {
    await server.stop();
  }
}

const [model] = cpus();
console.log(`
| Backend | Receipts | /stats, 90 days | p50 ms | p95 ms | p99 ms | answers/s | filled in |
| --- | --: | --- | --: | --: | --: | --: | --- |
${results.join('\n')}

Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:stats\`: ${cpus().length} cores (${model.model.trim()}), Node ${process.version}, ${CLIENTS} clients, ${REQUESTS} requests each row; load average ${loadavg()[0].toFixed(2)} at the end.`);
