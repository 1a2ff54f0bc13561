import type { FastifyBaseLogger } from 'fastify';
import { classifyFailure } from './health';

/** A failure that repeats is logged once per interval, with the number of repeats. */
export const LOG_INTERVAL_MS = 10_000;

/**
 * One log line per distinct failure per interval. A PostgreSQL outage fails every request, and each
 * failure used to write its stack: 24 MB in 7 s, on the disk the database needs. Now the first occurrence
 * is logged (expected failures, a full disk or a database that is down, without a stack trace; any other
 * with its full stack, once for the life of the process), then, at the end of each interval in which it
 * came back, one line with how many times.
 */
export const createLogLimiter = (
  log: FastifyBaseLogger,
  intervalMs = LOG_INTERVAL_MS,
  level: 'error' | 'warn' = 'error',
) => {
  const open = new Map<string, { repeats: number; timer: NodeJS.Timeout }>();
  const stackShown = new Set<string>();

  const summarize = (key: string, context: string) => {
    const entry = open.get(key);
    if (!entry) return;
    if (entry.repeats === 0) {
      open.delete(key);
      return;
    }
    const failure = key.slice(context.length + 1);
    log[level](
      { failure, repeats: entry.repeats, seconds: intervalMs / 1000 },
      `${context}: the same failure ${entry.repeats} more times in ${intervalMs / 1000} s`,
    );
    entry.repeats = 0;
    entry.timer = later(key, context);
  };
  const later = (key: string, context: string) => {
    const timer = setTimeout(() => summarize(key, context), intervalMs);
    timer.unref();
    return timer;
  };

  return {
    /** Logs `error` under `context` ("request failed", "database connection"), or counts it. */
    error(context: string, error: unknown) {
      const failure = classifyFailure(error);
      const key = `${context}:${failure.reason}:${failure.code ?? failure.message}`;
      const entry = open.get(key);
      if (entry) {
        entry.repeats += 1;
        return;
      }
      open.set(key, { repeats: 0, timer: later(key, context) });
      if (!failure.expected && !stackShown.has(key)) {
        stackShown.add(key);
        log[level]({ err: error, reason: failure.reason }, context);
      } else log[level]({ reason: failure.reason, code: failure.code, error: failure.message }, context);
    },
    /** Writes the pending counts now (on close). */
    flush() {
      for (const [key, entry] of [...open]) {
        clearTimeout(entry.timer);
        const context = key.slice(0, key.indexOf(':'));
        summarize(key, context);
        const again = open.get(key);
        if (again) clearTimeout(again.timer);
        open.delete(key);
      }
    },
  };
};
