// `npm run bench:insert`: what the rollup costs the writer, as an interleaved A/B of `store.insert` alone.
// A is the store of another revision (BENCH_BASELINE: by default 954a256, the last without the rollup; or
// any other, e.g. d64c8ce, the rollup's first version), read with `git archive` into node_modules/.cache;
// B is the working tree's. Both write in one process, fsync on, one batch at a time as the collector's
// writer does, taking turns batch by batch (A B, B A, ...), so that a machine whose load changes from one
// moment to the next slows both alike. Prints, per backend and batch size, B's rate over A's per round and
// their median. A store that counts its rollup after the commit (ADR 44) counts each round's receipts at
// the end of the round; that time is added to its own for a second ratio, B with counting over A.
//
//   npm run bench:insert
//   BENCH_BASELINE=d64c8ce npm run bench:insert
//   BENCH_ROUNDS=9 BENCH_RECEIPTS=4000 BENCH_BATCHES=10,50 BENCH_BACKENDS=sqlite,postgres npm run bench:insert
//
// Receipts are of the bench's shop; one in four is from a visitor seen before (a later decision), so the
// rollup reads and recounts earlier receipts as well as counting new ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../../collector/postgres.testing';
import type { NewReceipt } from '../../collector/store/store';
import { baselineTree } from './baseline';

const BASELINE = process.env.BENCH_BASELINE ?? '954a256';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 4000);
const BATCHES = (process.env.BENCH_BATCHES ?? '10,50').split(',').map(Number);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',');

interface Inserting {
  insert(rows: NewReceipt[]): Promise<void>;
  rollup?: { catchUp?: () => Promise<number> };
  close(): Promise<void>;
}
type Open = (database: string, onError: (error: Error) => void) => Promise<Inserting>;

/** The baseline's collector folder (its store and what the store imports), next to the dependencies. */
const baselineOpen = async (): Promise<Open> => {
  const dir = baselineTree('bench-insert', BASELINE, ['collector']);
  return (await import(join(dir, 'collector/store/open.ts'))).openStore;
};

const receipts = (prefix: string, count: number) => {
  const rows: NewReceipt[] = [];
  for (let index = 0; index < count; index++) {
    const again = index % 4 === 3;
    const visitor = again ? index - 3 : index;
    const consentId = `${prefix}${visitor.toString(36).padStart(10, '0')}`;
    const decidedAt = new Date(Date.UTC(2026, 4, 4, 9, 30, (index % 60) + (again ? 1 : 0))).toISOString();
    const purposes = { necessary: true, analytics: index % 3 !== 0, marketing: index % 2 === 0 && !again };
    const receipt = JSON.stringify({
      format: 1,
      id: consentId,
      decidedAt,
      revision: '2026-05',
      purposes,
      lang: ['mn', 'ky', 'vi', 'lv', 'en'][visitor % 5],
      source: again ? 'preferences' : 'banner',
      url: `https://www.shop.lv/lv/produkti/${index}?utm_source=bench`,
      version: '0.1.0',
      shop: 'MonaOK',
    });
    rows.push({
      consentId,
      decidedAt,
      receivedAt: Date.now(),
      receipt,
      digest: `${index}`.padStart(64, '0'),
      ipHash: 'bench',
      userAgent: 'bench:insert',
    });
  }
  return rows;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const openA = await baselineOpen();
const openB: Open = (await import('../../collector/store/open')).openStore;
const dir = mkdtempSync(join(tmpdir(), 'shopconsent-bench-insert-'));
const postgres = BACKENDS.includes('postgres') ? await startPostgres({ durable: true }) : null;
const database = async (name: string) =>
  name === 'sqlite' ? `sqlite:${join(dir, `${Math.random().toString(36).slice(2)}.db`)}` : await postgres?.database();
const onError = (error: Error) => console.error(error);

console.log(
  `Baseline ${BASELINE}; ${ROUNDS} rounds of ${RECEIPTS} receipts; ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}.`,
);
const lines: string[] = [];
try {
  for (const backend of BACKENDS)
    for (const batch of BATCHES) {
      const [a, b] = await Promise.all(
        [openA, openB].map(async (open) => open(String(await database(backend)), onError)),
      );
      const ratios: number[] = [];
      const counted: number[] = [];
      const rates: [number[], number[]] = [[], []];
      for (let round = 0; round < ROUNDS; round++) {
        const rows = [receipts(`r${round}a`, RECEIPTS), receipts(`r${round}b`, RECEIPTS)];
        const seconds = [0, 0];
        for (let index = 0; index < RECEIPTS; index += batch)
          for (const which of (index / batch) % 2 ? [1, 0] : [0, 1]) {
            const start = performance.now();
            await (which ? b : a).insert(rows[which].slice(index, index + batch));
            seconds[which] += (performance.now() - start) / 1000;
          }
        for (const which of [0, 1]) rates[which].push(RECEIPTS / seconds[which]);
        ratios.push(rates[1][round] / rates[0][round]);
        const start = performance.now();
        await b.rollup?.catchUp?.();
        const counting = (performance.now() - start) / 1000;
        counted.push(RECEIPTS / (seconds[1] + counting) / rates[0][round]);
        console.log(
          `${backend} batch ${batch} round ${round + 1}: A ${rates[0][round].toFixed(0)}/s, B ${rates[1][round].toFixed(0)}/s, B/A ${ratios[round].toFixed(2)}, B with counting/A ${counted[round].toFixed(2)}`,
        );
      }
      await Promise.all([a.close(), b.close()]);
      lines.push(
        `${backend}, batches of ${batch}: B/A median ${median(ratios).toFixed(2)} (rounds ${ratios.map((r) => r.toFixed(2)).join(' ')}); B with counting/A median ${median(counted).toFixed(2)}; median A ${median(rates[0]).toFixed(0)}/s, B ${median(rates[1]).toFixed(0)}/s`,
      );
    }
} finally {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${lines.join('\n')}\nload average ${loadavg()[0].toFixed(2)} at the end`);
