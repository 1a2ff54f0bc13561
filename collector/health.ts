import type { FastifyInstance } from 'fastify';
import type { Store } from './store/store';

/** Why writes fail, as /health and the log name it. */
export type FailureReason = 'disk_full' | 'database_unreachable' | 'database_error';

export interface Failure {
  reason: FailureReason;
  /** Expected in operation (a full disk, a database that is down): logged without a stack trace. */
  expected: boolean;
  /** The database's error code, or the system's (ENOSPC, ECONNREFUSED). */
  code: string | null;
  message: string;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);

/**
 * SQLite says SQLITE_FULL for a full disk and for the SQLITE_MAX_MB cap; PostgreSQL 53100 (disk_full) and
 * 53xxx for lack of resources, 57P0x while it shuts down or starts, class 08 for a lost connection; the
 * pg driver reports a connection that died under it by message only. A PostgreSQL whose write-ahead log
 * cannot grow stops altogether (PANIC): the collector sees only lost connections, so unreachable, and the
 * server's own log says why.
 */
export const classifyFailure = (error: unknown): Failure => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  const known = typeof code === 'string' ? code : null;
  const failure = (reason: FailureReason): Failure => ({
    reason,
    expected: reason !== 'database_error',
    code: known,
    message: text,
  });
  if (known === 'SQLITE_FULL' || known === 'ENOSPC' || known === '53100') return failure('disk_full');
  if (
    (known !== null && (CONNECTION_CODES.has(known) || /^(08|57P0)/.test(known))) ||
    /Connection terminated|connection (timeout|closed)|Client has encountered a connection error/i.test(text)
  )
    return failure('database_unreachable');
  return failure('database_error');
};

const DESCRIPTIONS: Record<FailureReason, string> = {
  disk_full: 'the disk (or SQLITE_MAX_MB) is full: receipts are refused with 503',
  database_unreachable: 'the database cannot be reached: receipts are refused with 503',
  database_error: 'the database refuses writes: receipts are refused with 503',
};

/**
 * Whether receipts can be written, from the writes themselves: the last one failed, or it did not. While
 * they fail, /health tries a write of its own (`probe`), so that an instance a load balancer took out of
 * rotation, and which therefore gets no receipts, still comes back once the database does.
 */
export const createWriteHealth = (recovered: (failedWrites: number) => void) => {
  let failing: { failure: Failure; since: number; count: number } | null = null;
  return {
    failed(error: unknown, at: number) {
      const failure = classifyFailure(error);
      failing = { failure, since: failing?.since ?? at, count: (failing?.count ?? 0) + 1 };
    },
    /** A write succeeded: `recovered` hears how many failed before it, if any did. */
    succeeded() {
      if (failing) recovered(failing.count);
      failing = null;
    },
    /** The failure in force, as /health reports it; null while writes succeed. */
    current: () =>
      failing && {
        reason: failing.failure.reason,
        message: DESCRIPTIONS[failing.failure.reason],
        since: new Date(failing.since).toISOString(),
        failedWrites: failing.count,
      },
  };
};

/**
 * GET /health, for a load balancer and the shop's monitoring: 200 with the counts while receipts can be
 * written, 503 with the reason while they cannot or the database does not answer.
 */
export const registerHealth = (
  app: FastifyInstance,
  health: {
    store: Store;
    writes: ReturnType<typeof createWriteHealth>;
    clock: () => number;
    retentionDays: number;
    lastRetentionRunAt: () => string | null;
    /** Whether the shop can read receipts, i.e. the collector has a token. */
    reading: boolean;
    onError: (error: unknown) => void;
  },
) => {
  const { store, writes, clock } = health;
  app.get('/health', async (_request, reply) => {
    if (writes.current()) {
      try {
        await store.probe();
        writes.succeeded();
      } catch (error) {
        writes.failed(error, clock());
      }
    }
    const failing = writes.current();
    try {
      const stats = await store.stats();
      if (failing) return reply.code(503).send({ status: 'degraded', database: store.kind, ...failing });
      return {
        status: 'ok',
        database: store.kind,
        receipts: stats.receipts,
        retention: {
          days: health.retentionDays,
          lastRunAt: health.lastRetentionRunAt(),
          deleted: stats.deleted,
          lastDeletionAt: stats.lastDeletionAt,
        },
        reading: health.reading,
      };
    } catch (error) {
      health.onError(error);
      writes.failed(error, clock());
      return reply.code(503).send({ status: 'degraded', database: store.kind, ...writes.current() });
    }
  });
};
