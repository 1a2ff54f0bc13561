// `npm run bench:collector`: the receipt collector under load, on SQLite and on PostgreSQL (loopback).
// For each backend, autocannon sends receipts for 30 s over 10 keep-alive connections, each sending its
// next receipt as soon as the last was answered (the collector at full speed); every receipt is different,
// so no deduplication can hide a loss. Then every stored row is matched with the answers: each receipt
// answered 2xx must be stored, once. A second run kills the collector with SIGKILL after 5 s, starts it
// again on the same database, and checks the same. Prints a table and writes it into docs/collector.md.
//
//   npm run bench:collector
//   BENCH_CONNECTIONS=50 npm run bench:collector   more clients at once
//
// PostgreSQL: a throwaway cluster from the installed binaries, fsync on (or TEST_DATABASE_URL's server).
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPostgres } from '../../collector/postgres.testing';
import { startProcess, TOKEN } from '../../collector/process.testing';

const SECONDS = 30;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const KILL_AFTER_MS = 5000;
const root = new URL('../..', import.meta.url).pathname;

interface Outcome {
  backend: string;
  run: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  acknowledged: number;
  failed: number;
  rows: number;
  /** Stored, but the answer never reached the load generator: in flight when it stopped or the collector died. */
  unanswered: number;
  missing: number;
  doubled: number;
  /** Rows with an id the load generator never made: must be none. */
  unknown: number;
}

const receiptBody = (id: string, index: number) =>
  JSON.stringify({
    format: 1,
    id,
    decidedAt: new Date(Date.UTC(2026, 4, 4, 9, 30, index % 60)).toISOString(),
    revision: '2026-05',
    purposes: { necessary: true, analytics: index % 3 !== 0, marketing: index % 2 === 0 },
    lang: ['mn', 'ky', 'vi', 'lv', 'en'][index % 5],
    source: index % 4 === 0 ? 'preferences' : 'banner',
    url: `https://www.shop.lv/lv/produkti/${index}?utm_source=bench`,
    version: '0.1.0',
    shop: 'MonaOK',
  });

/** autocannon with a new receipt per request, remembering which were made and which were answered 2xx. */
const load = (url: string, prefix: string) => {
  const made = new Set<string>();
  const acknowledged = new Set<string>();
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${url}/receipts`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': 'autocannon (bench:collector)' },
        requests: [
          {
            // One request in flight per connection (no pipelining): the context names the receipt it carries.
            setupRequest: (request, context) => {
              const id = `${prefix}${made.size.toString(36).padStart(10, '0')}`;
              const body = receiptBody(id, made.size);
              made.add(id);
              (context as { id?: string }).id = id;
              return { ...request, body };
            },
            onResponse: (status, _body, context) => {
              if (status >= 200 && status < 300) acknowledged.add(String((context as { id?: string }).id));
            },
          },
        ],
      },
      (error, figures) => (error ? reject(error) : resolve(figures)),
    );
  });
  return { stop: () => instance?.stop(), made, acknowledged, result };
};

const storedIds = async (url: string) => {
  const response = await fetch(`${url}/receipts/export?format=jsonl`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  if (!response.ok) throw new Error(`export answered ${response.status}`);
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { receipt: { id: string } }).receipt.id);
};

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const account = (made: Set<string>, acknowledged: Set<string>, ids: string[]) => {
  const stored = new Set(ids);
  return {
    acknowledged: acknowledged.size,
    rows: ids.length,
    unanswered: [...stored].filter((id) => made.has(id) && !acknowledged.has(id)).length,
    missing: [...acknowledged].filter((id) => !stored.has(id)).length,
    doubled: ids.length - stored.size,
    unknown: [...stored].filter((id) => !made.has(id)).length,
  };
};

const latency = (figures: autocannon.Result) => ({
  p50: figures.latency.p50,
  p99: figures.latency.p99,
  max: figures.latency.max,
  failed: figures.non2xx + figures.errors + figures.timeouts,
});

const steady = async (backend: string, database: string): Promise<Outcome> => {
  const collector = await startProcess({ DATABASE_URL: database });
  const { made, acknowledged, result } = load(collector.url, 'steady');
  const figures = await result;
  const ids = await storedIds(collector.url);
  await stop(collector.child);
  return {
    backend,
    run: `${SECONDS} s`,
    seconds: figures.duration,
    perSecond: acknowledged.size / figures.duration,
    ...latency(figures),
    ...account(made, acknowledged, ids),
  };
};

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
  await stop(restarted.child);
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

const outcomes: Outcome[] = [];
const loadBefore = loadavg()[0];
if (loadBefore > 1)
  console.log(`The load average is ${loadBefore.toFixed(2)}: other programs are running, the figures will be lower.`);
const dir = join(tmpdir(), `shopconsent-bench-${process.pid}`);
console.log(`${SECONDS} s per run, ${CONNECTIONS} connections.`);

let postgresVersion = '?';
const postgres = await startPostgres({ durable: true });
try {
  outcomes.push(await steady('SQLite', `sqlite:${join(dir, 'steady.db')}`));
  outcomes.push(await killed('SQLite', `sqlite:${join(dir, 'killed.db')}`));
  const steadyDb = await postgres.database();
  const client = new pg.Client({ connectionString: steadyDb });
  await client.connect();
  postgresVersion = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await client.end();
  outcomes.push(await steady('PostgreSQL', steadyDb));
  outcomes.push(await killed('PostgreSQL', await postgres.database()));
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}

const number = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });
const header = [
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
];
const rows = outcomes.map((o) => [
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
]);
/** Laid out as the formatter lays out Markdown tables: the first two columns to the left, figures to the right. */
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) =>
  `| ${cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
const table = [
  line(header),
  `| ${widths.map((width, column) => (column < 2 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`,
  ...rows.map(line),
].join('\n');

const cpu = cpus()[0]?.model.trim() ?? 'CPU';
const machine = `${cpus().length} cores (${cpu}), Node ${process.version}, SQLite ${sqliteVersion()}, PostgreSQL ${postgresVersion.split(' ')[0]}, ${CONNECTIONS} connections; load average ${loadBefore.toFixed(2)} before the run`;
console.log(`\n${table}\n\n${machine}\n`);

// Every row is a receipt that was sent; every 2xx is a row; what was stored without an answer is at most
// one request per connection, the one in flight when the load stopped or the collector died.
const verdicts = outcomes.map(
  (o) =>
    o.missing === 0 &&
    o.doubled === 0 &&
    o.unknown === 0 &&
    o.rows === o.acknowledged + o.unanswered &&
    o.unanswered <= CONNECTIONS &&
    (o.run.startsWith('kill') || (o.perSecond >= 2000 && o.p99 < 50 && o.failed === 0)),
);
for (const [index, ok] of verdicts.entries())
  console.log(`${ok ? '✓' : '✗'} ${outcomes[index].backend}, ${outcomes[index].run}`);

const docPath = join(root, 'docs/collector.md');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
const doc = readFileSync(docPath, 'utf8');
if (doc.includes(start) && doc.includes(end)) {
  const day = new Date().toISOString().slice(0, 10);
  writeFileSync(
    docPath,
    doc.replace(
      new RegExp(`${start}[\\s\\S]*${end}`),
      `${start}\n\n${table}\n\nMeasured ${day} by \`npm run bench:collector\`: ${machine}.\n\n${end}`,
    ),
  );
  console.log('docs/collector.md updated.');
} else console.log('docs/collector.md has no bench markers; the table was not written.');
process.exit(verdicts.every(Boolean) ? 0 : 1);
