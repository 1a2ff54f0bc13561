// The receipts `npm run bench:collector` sends: autocannon at full speed, a different receipt per request,
// and the accounting that matches what was answered with what was stored.
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { startProcess, TOKEN } from '../../collector/process.testing';

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Seconds of load per run. */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

/** How a collector is started: this tree's, or another revision's (./baseline.ts). */
export type Start = typeof startProcess;

export interface Outcome {
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
export const load = (url: string, prefix: string) => {
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

export const storedIds = async (url: string) => {
  const response = await fetch(`${url}/receipts/export?format=jsonl`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  if (!response.ok) throw new Error(`export answered ${response.status}`);
  return (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { receipt: { id: string } }).receipt.id);
};

export const stopCollector = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

export const account = (made: Set<string>, acknowledged: Set<string>, ids: string[]) => {
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

export const latency = (figures: autocannon.Result) => ({
  p50: figures.latency.p50,
  p99: figures.latency.p99,
  max: figures.latency.max,
  failed: figures.non2xx + figures.errors + figures.timeouts,
});

export const steady = async (backend: string, database: string, start: Start = startProcess): Promise<Outcome> => {
  const collector = await start({ DATABASE_URL: database });
  const { made, acknowledged, result } = load(collector.url, 'steady');
  const figures = await result;
  const ids = await storedIds(collector.url);
  await stopCollector(collector.child);
  return {
    backend,
    run: `${SECONDS} s`,
    seconds: figures.duration,
    perSecond: acknowledged.size / figures.duration,
    ...latency(figures),
    ...account(made, acknowledged, ids),
  };
};
