// `npm run bench:collector`: the receipt collector under load, on SQLite and on PostgreSQL (loopback).
// For each backend: 30 s of receipts at a steady rate from autocannon (every receipt unique, so no
// deduplication can hide a loss), then the rows stored are compared with the 2xx answers; then a run in
// which the collector is killed with SIGKILL mid-load and started again, and every receipt it had
// acknowledged must be there. Prints a table and writes it into docs/collector.md.
//
//   npm run bench:collector                   2,500 receipts/s for 30 s
//   BENCH_RATE=4000 npm run bench:collector   another rate
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

const RATE = Number(process.env.BENCH_RATE ?? 2500);
const SECONDS = 30;
const CONNECTIONS = 50;
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
  answered2xx: number;
  other: number;
  rows: number;
  missing: number;
  doubled: number;
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

/** autocannon with a new receipt per request; `acknowledged` gets the id of each one answered 2xx. */
const load = (url: string, prefix: string, options: { amount?: number; duration?: number }) => {
  const acknowledged = new Set<string>();
  let sent = 0;
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${url}/receipts`,
        method: 'POST',
        connections: CONNECTIONS,
        overallRate: RATE,
        ...options,
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': 'autocannon (bench:collector)' },
        requests: [
          {
            // One request in flight per connection (no pipelining): the context names the receipt it carries.
            setupRequest: (request, context) => {
              const index = sent++;
              const id = `${prefix}${index.toString(36).padStart(10, '0')}`;
              (context as { id?: string }).id = id;
              return { ...request, body: receiptBody(id, index) };
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
  return { stop: () => instance?.stop(), acknowledged, result };
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

const compare = (acknowledged: Set<string>, ids: string[]) => {
  const unique = new Set(ids);
  return {
    rows: ids.length,
    missing: [...acknowledged].filter((id) => !unique.has(id)).length,
    doubled: ids.length - unique.size,
  };
};

const steady = async (backend: string, database: string): Promise<Outcome> => {
  const collector = await startProcess({ DATABASE_URL: database });
  const { acknowledged, result } = load(collector.url, 'steady', { amount: RATE * SECONDS });
  const figures = await result;
  const ids = await storedIds(collector.url);
  await stop(collector.child);
  return {
    backend,
    run: `${RATE}/s offered`,
    seconds: figures.duration,
    perSecond: figures['2xx'] / figures.duration,
    p50: figures.latency.p50,
    p99: figures.latency.p99,
    max: figures.latency.max,
    answered2xx: figures['2xx'],
    other: figures.non2xx + figures.errors,
    ...compare(acknowledged, ids),
  };
};

const killed = async (backend: string, database: string): Promise<Outcome> => {
  const collector = await startProcess({ DATABASE_URL: database });
  const { stop: stopLoad, acknowledged, result } = load(collector.url, 'killed', { duration: SECONDS });
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
    perSecond: figures['2xx'] / (KILL_AFTER_MS / 1000),
    p50: figures.latency.p50,
    p99: figures.latency.p99,
    max: figures.latency.max,
    answered2xx: acknowledged.size,
    other: figures.non2xx + figures.errors,
    ...compare(acknowledged, ids),
  };
};

const sqliteVersion = () => {
  const db = new Database(':memory:');
  const { version } = db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get() ?? {
    version: '?',
  };
  db.close();
  return version;
};

const outcomes: Outcome[] = [];
const load1 = loadavg()[0];
const dir = join(tmpdir(), `shopconsent-bench-${process.pid}`);

console.log(`Steady load: ${RATE} receipts/s for ${SECONDS} s, ${CONNECTIONS} connections.`);
outcomes.push(await steady('SQLite', `sqlite:${join(dir, 'steady.db')}`));
outcomes.push(await killed('SQLite', `sqlite:${join(dir, 'killed.db')}`));

const postgres = await startPostgres({ durable: true });
let postgresVersion = '?';
try {
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

const fixed = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });
const table = [
  '| backend | run | seconds | receipts/s (2xx) | p50 ms | p99 ms | max ms | 2xx answers | other answers, errors | rows stored | acknowledged but missing | doubled |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...outcomes.map(
    (o) =>
      `| ${o.backend} | ${o.run} | ${fixed(o.seconds, 1)} | ${fixed(o.perSecond)} | ${fixed(o.p50, 1)} | ${fixed(o.p99, 1)} | ${fixed(o.max)} | ${fixed(o.answered2xx)} | ${fixed(o.other)} | ${fixed(o.rows)} | ${o.missing} | ${o.doubled} |`,
  ),
].join('\n');

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, SQLite ${sqliteVersion()}, PostgreSQL ${postgresVersion}; load average before the run ${load1.toFixed(2)}`;
console.log(`\n${table}\n\n${machine}\n`);

const verdicts = outcomes.map((o) =>
  o.run.startsWith('kill')
    ? o.missing === 0 && o.doubled === 0
    : o.perSecond >= 2000 &&
      o.p99 < 50 &&
      o.rows === o.answered2xx &&
      o.missing === 0 &&
      o.doubled === 0 &&
      o.other === 0,
);
for (const [index, ok] of verdicts.entries())
  console.log(`${ok ? '✓' : '✗'} ${outcomes[index].backend}, ${outcomes[index].run}`);

const docPath = join(root, 'docs/collector.md');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
const doc = readFileSync(docPath, 'utf8');
if (doc.includes(start) && doc.includes(end)) {
  const stamp = new Date().toISOString().slice(0, 10);
  writeFileSync(
    docPath,
    doc.replace(
      new RegExp(`${start}[\\s\\S]*${end}`),
      `${start}\n\n${table}\n\nMeasured ${stamp} by \`npm run bench:collector\` on ${machine}.\n\n${end}`,
    ),
  );
  console.log('docs/collector.md updated.');
} else console.log('docs/collector.md has no bench markers; the table was not written.');
process.exit(verdicts.every(Boolean) ? 0 : 1);
