import { expect } from 'vitest';
import { type Collector, createCollector } from './collector';
import { receipt } from './collector.testing';
import type { CollectorOptions } from './config';
import { TOKEN } from './process.testing';

/** A collector whose log lines (JSON, one per line) the test can read. */
export const openLogged = async (database: string, over: Partial<CollectorOptions> = {}) => {
  const lines: string[] = [];
  const collector = await createCollector({
    port: 0,
    host: '127.0.0.1',
    database,
    token: TOKEN,
    allowedOrigins: [],
    retentionDays: 30,
    salt: null,
    trustProxy: false,
    logger: { level: 'info', stream: { write: (line) => lines.push(line) } },
    ...over,
  });
  return { collector, log: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
};

export const health = async (collector: Collector) => {
  const response = await collector.app.inject({ url: '/health' });
  return { statusCode: response.statusCode, ...response.json() };
};

/**
 * Eight clients sending receipts one after another, each with a new id, until `stop()`; remembers which
 * were answered 204, and counts the other answers (which must be 503: the collector said it kept nothing).
 */
export const loadOf = (collector: Collector, prefix: string) => {
  const acknowledged: string[] = [];
  const answers = new Map<number, number>();
  let sent = 0;
  let stopped = false;
  const client = async () => {
    while (!stopped) {
      const id = `${prefix}${String(sent++).padStart(8, '0')}`;
      const response = await collector.app.inject({
        method: 'POST',
        url: '/receipts',
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': 'fault suite' },
        payload: JSON.stringify(receipt({ id, decidedAt: '2026-01-01T00:00:00Z' })),
      });
      answers.set(response.statusCode, (answers.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode === 204) acknowledged.push(id);
      // A refused client waits a little before its next receipt, as the widget's outbox does.
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const clients = Promise.all(Array.from({ length: 8 }, client));
  return {
    acknowledged,
    answers,
    refused: () => answers.get(503) ?? 0,
    /** Resolves once `condition` holds, checked between answers. */
    until: async (condition: () => boolean, what: string, limitMs = 30_000) => {
      const start = Date.now();
      while (!condition()) {
        if (Date.now() - start > limitMs) throw new Error(`not reached within ${limitMs / 1000} s: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: async () => {
      stopped = true;
      await clients;
    },
  };
};

/** Every acknowledged receipt is stored, once; `gone` (erased on purpose) not at all; nothing is stored twice. */
export const expectStoredOnce = async (collector: Collector, acknowledged: string[], gone: string[] = []) => {
  const response = await collector.app.inject({
    url: '/receipts/export?format=jsonl',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const counts = new Map<string, number>();
  for (const line of response.body.trimEnd().split('\n').filter(Boolean)) {
    const id = JSON.parse(line).receipt.id as string;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  expect(acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);
  expect(gone.filter((id) => counts.has(id))).toEqual([]);
  expect([...counts].filter(([, count]) => count > 1)).toEqual([]);
};

/** Log lines at error level and above, and whether any holds a stack trace. */
export const errorsIn = (log: Record<string, unknown>[]) => log.filter((line) => Number(line.level) >= 50);
