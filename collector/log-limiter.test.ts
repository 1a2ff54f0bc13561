// @vitest-environment node
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, expect, it, vi } from 'vitest';
import { createLogLimiter } from './log-limiter';

afterEach(() => {
  vi.useRealTimers();
});

const capture = () => {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const log = { error: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }) };
  return { lines, log: log as unknown as FastifyBaseLogger };
};

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

it('logs a failure once per interval, then one line with the number of repeats, and nothing once it stops', () => {
  vi.useFakeTimers();
  const { lines, log } = capture();
  const limiter = createLogLimiter(log, 10_000);
  for (let count = 0; count < 1000; count++) limiter.error('request failed', refused());
  expect(lines).toHaveLength(1);
  expect(lines[0].fields).toEqual({
    reason: 'database_unreachable',
    code: 'ECONNREFUSED',
    error: 'connect ECONNREFUSED 127.0.0.1:5432',
  });
  vi.advanceTimersByTime(10_000);
  expect(lines).toHaveLength(2);
  expect(lines[1].message).toBe('request failed: the same failure 999 more times in 10 s');
  vi.advanceTimersByTime(60_000);
  expect(lines).toHaveLength(2);
  limiter.error('request failed', refused());
  expect(lines).toHaveLength(3);
});

it('gives an unexpected error its stack trace once, and distinct failures a line each', () => {
  vi.useFakeTimers();
  const { lines, log } = capture();
  const limiter = createLogLimiter(log, 10_000);
  const bug = new TypeError("Cannot read properties of undefined (reading 'rows')");
  limiter.error('request failed', bug);
  limiter.error('request failed', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
  vi.advanceTimersByTime(20_000);
  limiter.error('request failed', bug);
  expect(lines.map((line) => Object.keys(line.fields))).toEqual([
    ['err', 'reason'],
    ['reason', 'code', 'error'],
    ['reason', 'code', 'error'],
  ]);
  expect(lines[0].fields.err).toBe(bug);
  expect(lines[1].fields.reason).toBe('disk_full');
  limiter.error('request failed', bug);
  limiter.flush();
  expect(lines.at(-1)?.message).toBe('request failed: the same failure 1 more times in 10 s');
});
