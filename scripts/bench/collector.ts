// `npm run bench:collector`: the receipt collector under load, on SQLite and on PostgreSQL (loopback).
// For each backend, autocannon sends receipts for 30 s over 10 keep-alive connections, each sending its
// next receipt as soon as the last was answered (the collector at full speed); every receipt is different,
// so no deduplication can hide a loss. Then every stored row is matched with the answers: each receipt
// answered 2xx must be stored, once. A second run kills the collector with SIGKILL after 5 s, starts it
// again on the same database, and checks the same. Prints a table and writes it into docs/collector.md.
//
//   npm run bench:collector
//   BENCH_CONNECTIONS=50 npm run bench:collector   more clients at once
//   BENCH_BASELINE=954a256 BENCH_PAIRS=6 BENCH_SECONDS=20 npm run bench:collector
//   BENCH_BACKENDS=postgresql npm run bench:collector   one backend only
//
// With BENCH_BASELINE, write throughput against that revision's collector (`git archive`, ./baseline.ts):
// steady runs only, the two in turn, every second pair in the other order, each run on a new database.
//
// PostgreSQL: a throwaway cluster from the installed binaries, fsync on (or TEST_DATABASE_URL's server).
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPostgres } from '../../collector/postgres.testing';
import { startProcess } from '../../collector/process.testing';
import { baselineCollector } from './baseline';
import { markdownTable, formatNumber as number, writeBetweenMarkers } from './markdown';
import {
  account,
  CONNECTIONS,
  latency,
  load,
  type Outcome,
  SECONDS,
  type Start,
  steady,
  stopCollector,
  storedIds,
} from './receipt-load';

const KILL_AFTER_MS = 5000;
const BASELINE = process.env.BENCH_BASELINE;
const PAIRS = Number(process.env.BENCH_PAIRS ?? 4);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgresql').split(',');
const docPath = new URL('../../docs/collector.md', import.meta.url).pathname;

const killed = async (backend: string, database: string): Promise<Outcome> => {
  const collector = await startProcess({ DATABASE_URL: database });
  const { stop: stopLoad, made, acknowledged, result } = load(collector.url, 'killed');
  const exited = new Promise((resolve) => collector.child.once('exit', resolve));
  setTimeout(() => collector.child.kill('SIGKILL'), KILL_AFTER_MS);
  await exited;
  // The load generator now meets a closed port; a moment of that is enough.
  setTimeout(stopLoad, 500);
  const figures = await result;
  const restarted = await startProcess({ DATABASE_URL: database });
  const ids = await storedIds(restarted.url);
  await stopCollector(restarted.child);
  return {
    backend,
    run: `kill -9 after ${KILL_AFTER_MS / 1000} s`,
    seconds: KILL_AFTER_MS / 1000,
    perSecond: acknowledged.size / (KILL_AFTER_MS / 1000),
    ...latency(figures),
    ...account(made, acknowledged, ids),
  };
};

const sqliteVersion = () => {
  const db = new Database(':memory:');
  const row = db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get();
  db.close();
  return row?.version ?? '?';
};

const loadBefore = loadavg()[0];
if (loadBefore > 1)
  console.log(`The load average is ${loadBefore.toFixed(2)}: other programs are running, the figures will be lower.`);
const dir = join(tmpdir(), `shopconsent-bench-${process.pid}`);
console.log(`${SECONDS} s per run, ${CONNECTIONS} connections.`);
const postgres = await startPostgres({ durable: true });

const postgresVersion = async () => {
  const client = new pg.Client({ connectionString: await postgres.database() });
  await client.connect();
  const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await client.end();
  return version.split(' ')[0];
};

/** Every run on a new database, so that no run writes into a table another has grown. */
const databases = Object.fromEntries(
  Object.entries({
    SQLite: (name: string) => Promise.resolve(`sqlite:${join(dir, `${name}.db`)}`),
    PostgreSQL: () => postgres.database(),
  }).filter(([backend]) => BACKENDS.includes(backend.toLowerCase())),
);

/** Each acknowledged receipt stored once, nothing stored that was not sent; the steady runs fast and clean. */
const verdict = (o: Outcome) =>
  o.missing === 0 &&
  o.doubled === 0 &&
  o.unknown === 0 &&
  o.rows === o.acknowledged + o.unanswered &&
  o.unanswered <= CONNECTIONS &&
  (o.run.startsWith('kill') || (o.perSecond >= 2000 && o.p99 < 50 && o.failed === 0));

/** The figures of every run, one row each. */
const report = async () => {
  const outcomes: Outcome[] = [];
  for (const [backend, database] of Object.entries(databases)) {
    outcomes.push(await steady(backend, await database('steady')));
    outcomes.push(await killed(backend, await database('killed')));
  }
  const table = markdownTable(
    [
      'backend',
      'run',
      'receipts/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'answered 2xx',
      'failed',
      'rows stored',
      'stored, answer cut off',
      '2xx missing',
      'doubled',
    ],
    outcomes.map((o) => [
      o.backend,
      o.run,
      number(o.perSecond),
      number(o.p50, 1),
      number(o.p99, 1),
      number(o.max),
      number(o.acknowledged),
      number(o.failed),
      number(o.rows),
      number(o.unanswered),
      String(o.missing),
      String(o.doubled),
    ]),
  );
  return { table, outcomes };
};

/**
 * The working tree's collector against BASELINE's, steady runs in turn (A B B A …), each on a new database,
 * so that a machine whose load drifts slows both alike; the ratio per pair and its median per backend.
 */
const compare = async (baseline: string) => {
  const startBaseline = await baselineCollector('bench-collector', baseline);
  const runners: [string, Start][] = [
    [baseline, startBaseline],
    ['working tree', startProcess],
  ];
  const outcomes: Outcome[] = [];
  const rows: string[][] = [];
  const medians: string[] = [];
  for (const [backend, database] of Object.entries(databases)) {
    const ratios: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const order = pair % 2 === 0 ? runners : [...runners].reverse();
      const rates = new Map<string, number>();
      const loads: string[] = [];
      for (const [name, start] of order) {
        loads.push(loadavg()[0].toFixed(1));
        const outcome = await steady(backend, await database(`${name === baseline ? 'a' : 'b'}${pair}`), start);
        outcomes.push(outcome);
        rates.set(name, outcome.perSecond);
      }
      const ratio = (rates.get('working tree') ?? 0) / (rates.get(baseline) ?? 1);
      ratios.push(ratio);
      rows.push([
        backend,
        `${order[0][0]} first, loads ${loads.join(' and ')}`,
        number(rates.get('working tree') ?? 0),
        number(rates.get(baseline) ?? 0),
        ratio.toFixed(2),
      ]);
    }
    const sorted = [...ratios].sort((x, y) => x - y);
    const median = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
    medians.push(`${backend} ${median.toFixed(2)}`);
  }
  const table = markdownTable(
    ['backend', 'pair', 'receipts/s, working tree', `receipts/s, ${baseline}`, 'ratio'],
    rows,
  );
  return { table: `${table}\n\nMedian ratio: ${medians.join(', ')}.`, outcomes };
};

let result: Awaited<ReturnType<typeof report>>;
let machine: string;
try {
  result = BASELINE ? await compare(BASELINE) : await report();
  machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'CPU'}), Node ${process.version}, SQLite ${sqliteVersion()}, PostgreSQL ${await postgresVersion()}, ${CONNECTIONS} connections, ${SECONDS} s per run; load average ${loadBefore.toFixed(2)} before the run`;
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${result.table}\n\n${machine}\n`);

const verdicts = result.outcomes.map(verdict);
for (const [index, ok] of verdicts.entries())
  console.log(`${ok ? '✓' : '✗'} ${result.outcomes[index].backend}, ${result.outcomes[index].run}`);
const day = new Date().toISOString().slice(0, 10);
writeBetweenMarkers(
  docPath,
  BASELINE ? 'bench-compare' : 'bench',
  `${result.table}\n\nMeasured ${day} by \`${BASELINE ? `BENCH_BASELINE=${BASELINE} ` : ''}npm run bench:collector\`: ${machine}.`,
);
process.exit(verdicts.every(Boolean) ? 0 : 1);
