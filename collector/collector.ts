import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import cors from '@fastify/cors';
import type { ErrorObject } from 'ajv';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { bearerChecker } from './auth';
import { parseReceiptBody } from './body';
import { addressHasher } from './client-address';
import { type CollectorOptions, DEFAULT_CLOCK_SKEW_SECONDS } from './config';
import type { CsvSeparator } from './csv';
import { registerDashboard } from './dashboard/routes';
import { implausibleDecidedAt } from './decided-at';
import { registerErasure } from './erasure';
import { exportLines } from './export';
import { createWriteHealth, registerHealth } from './health';
import { createLogLimiter } from './log-limiter';
import { ajv, consentIdQuery, MAX_BODY_BYTES, type Receipt, receiptDigest, receiptSchema } from './receipt';
import { createRetention, DAY_MS } from './retention';
import { createRollupCounter } from './rollup-counter';
import { openStore } from './store/open';
import type { StoredReceipt } from './store/store';
import { DEFAULT_TIMEOUTS, serverTimeouts } from './timeouts';
import { createWriter } from './writer';

export interface Collector {
  /** The Fastify instance: `inject()` for tests, `addresses()` once started. */
  app: FastifyInstance;
  /** Listens on the configured host and port, starts the retention schedule; resolves to the address. */
  start(): Promise<string>;
  /** Stops taking requests, finishes those under way, writes what they handed in, closes the database. */
  close(): Promise<void>;
  /** One retention clean-up now; resolves to the number of receipts deleted. */
  runRetention(): Promise<number>;
}

/** A longer user agent is cut: it is a header the visitor's software chooses, and only a hint as evidence. */
const MAX_USER_AGENT = 1024;

const TIME = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?$';
const exportSchema = {
  type: 'object',
  required: ['format'],
  properties: {
    from: { type: 'string', pattern: TIME },
    to: { type: 'string', pattern: TIME },
    format: { enum: ['csv', 'jsonl'] },
    sep: { enum: [',', ';'] },
  },
};

interface ExportQuery {
  from?: string;
  to?: string;
  format: 'csv' | 'jsonl';
  sep?: CsvSeparator;
}

const problem = (reply: FastifyReply, statusCode: number, error: string, message: string) =>
  reply.code(statusCode).send({ statusCode, error, message });

const describeInvalid = (errors: ErrorObject[], what: string) => {
  const [first] = errors;
  const where = first.instancePath || what;
  const params = first.params as { additionalProperty?: string; allowedValues?: unknown[]; allowedValue?: unknown };
  const detail =
    params.additionalProperty !== undefined
      ? `: ${params.additionalProperty}`
      : params.allowedValues
        ? `: ${params.allowedValues.join(', ')}`
        : params.allowedValue !== undefined
          ? ` ${JSON.stringify(params.allowedValue)}`
          : '';
  return `${where} ${first.message}${detail}`;
};

/** A day alone means the whole day: `to=2026-05-31` includes the 31st. NaN for a day that does not exist. */
const toTime = (text: string, end: boolean) => {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  // Date.parse takes 2026-02-30 for 2 March.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return Number.NaN;
  return Date.parse(text) + (end && text.length === 10 ? DAY_MS : 0);
};

/**
 * Which of a visitor's receipts, oldest decision first, holds the decision in force (the latest decidedAt;
 * of two in one second, the one that arrived last), and which arrived last: not the same one when a beacon
 * of an older decision was held up (offline) and came in after a newer one. Positions in `receipts`.
 */
const lastOf = (receipts: StoredReceipt[]) => {
  if (!receipts.length) return { latest: null, lastArrived: null };
  let lastArrived = 0;
  receipts.forEach((entry, index) => {
    if (entry.receivedAt >= receipts[lastArrived].receivedAt) lastArrived = index;
  });
  return { latest: receipts.length - 1, lastArrived };
};

/**
 * The receipt collector: POST /receipts from the widget, GET /receipts, GET /receipts/export, DELETE
 * /receipts and GET /erasures for the shop (bearer token), GET /health. Stateless apart from its
 * database, so several can share one PostgreSQL behind a load balancer.
 */
export const createCollector = async (options: CollectorOptions): Promise<Collector> => {
  const clock = options.clock ?? Date.now;
  const clockSkewSeconds = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const app = Fastify({
    ...serverTimeouts(options.timeouts ?? DEFAULT_TIMEOUTS),
    logger: options.logger ?? true,
    // A busy collector's log should hold what went wrong, not two lines for every receipt.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy,
    bodyLimit: MAX_BODY_BYTES,
  });
  const limiter = createLogLimiter(app.log);
  const store = await openStore(
    options.database,
    (error) => limiter.error('database connection', error),
    options.sqliteMaxMegabytes ?? null,
  );
  // Once, the first time a collector with the rollup opens a database that already holds receipts.
  if (await store.rollup.backfill()) app.log.info('The dashboard rollup was built from the stored receipts.');
  const hashAddress = addressHasher(options.salt ?? (await store.salt(randomBytes(32).toString('base64url'))));
  const writes = createWriteHealth((failed) =>
    app.log.info({ failedWrites: failed }, `receipts are written again, after ${failed} failed writes`),
  );
  // The receipts are stored whatever becomes of their counting, and counted by a later step or read: its
  // failures are warnings.
  const rollupWarnings = createLogLimiter(app.log, undefined, 'warn');
  const counter = createRollupCounter(store.rollup, (error) => rollupWarnings.error('dashboard rollup', error));
  const writer = createWriter(store, (error) => {
    if (error) writes.failed(error, clock());
    else {
      writes.succeeded();
      counter.poke();
    }
  });
  const retention = createRetention(store, options.retentionDays, clock, (error) =>
    limiter.error('retention clean-up failed', error),
  );
  const checkBearer = options.token ? bearerChecker(options.token) : null;

  app.setValidatorCompiler(({ schema }) => ajv.compile(schema));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      return error.validationContext === 'body'
        ? problem(
            reply,
            400,
            'invalid_receipt',
            `The receipt does not match docs/schema/receipt.schema.json: ${describeInvalid(error.validation as ErrorObject[], 'the receipt')}.`,
          )
        : problem(reply, 400, 'invalid_query', `${describeInvalid(error.validation as ErrorObject[], 'the query')}.`);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return problem(reply, 413, 'too_large', `A receipt is at most ${MAX_BODY_BYTES} bytes; this body is larger.`);
    if (error.statusCode !== undefined && error.statusCode < 500)
      return problem(reply, error.statusCode, error.code ?? 'bad_request', error.message);
    limiter.error('request failed', error);
    return problem(
      reply,
      503,
      'unavailable',
      request.method === 'POST'
        ? 'The receipt could not be stored, and nothing was kept; send it again.'
        : 'The database did not answer; try again.',
    );
  });

  await app.register(cors, {
    origin: options.allowedOrigins,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    exposedHeaders: ['Content-Disposition'],
    maxAge: 600,
    // A bare OPTIONS (no Origin) gets 204 as well, not the plugin's 400.
    strictPreflight: false,
  });

  const authorize = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!checkBearer)
      return problem(
        reply,
        403,
        'reading_disabled',
        'Reading receipts is disabled: start the collector with COLLECTOR_TOKEN set.',
      );
    if (!checkBearer(request.headers.authorization)) {
      reply.header('www-authenticate', 'Bearer realm="receipts"');
      return problem(
        reply,
        401,
        'unauthorized',
        request.headers.authorization
          ? 'The bearer token is not the collector token.'
          : 'Send Authorization: Bearer <COLLECTOR_TOKEN>.',
      );
    }
  };

  await app.register(async (receipts) => {
    // sendBeacon sends text/plain;charset=UTF-8 (no CORS preflight): whatever the type says, the body is JSON.
    receipts.removeAllContentTypeParsers();
    receipts.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) => {
      try {
        done(null, parseReceiptBody(body as Buffer));
      } catch (error) {
        done(error as Error);
      }
    });

    receipts.post<{ Body: Receipt }>('/receipts', { schema: { body: receiptSchema } }, async (request, reply) => {
      const receipt = request.body;
      const receivedAt = clock();
      const implausible = implausibleDecidedAt(receipt.decidedAt, receivedAt, clockSkewSeconds);
      if (implausible)
        return problem(reply, 400, 'invalid_receipt', `The receipt's decidedAt cannot be right: ${implausible}.`);
      await writer.write({
        consentId: receipt.id,
        decidedAt: receipt.decidedAt,
        receivedAt,
        receipt: JSON.stringify(receipt),
        digest: receiptDigest(receipt),
        ipHash: hashAddress(request.ip),
        userAgent: (request.headers['user-agent'] ?? '').slice(0, MAX_USER_AGENT),
      });
      return reply.code(204).send();
    });
  });

  app.get<{ Querystring: { consentId: string } }>(
    '/receipts',
    { onRequest: authorize, schema: { querystring: consentIdQuery } },
    async (request) => {
      const receipts = await store.byConsentId(request.query.consentId);
      return { consentId: request.query.consentId, receipts, ...lastOf(receipts) };
    },
  );

  app.get<{ Querystring: ExportQuery }>(
    '/receipts/export',
    { onRequest: authorize, schema: { querystring: exportSchema } },
    async (request, reply) => {
      const { from, to, format, sep } = request.query;
      const start = from === undefined ? 0 : toTime(from, false);
      const end = to === undefined ? clock() + 1 : toTime(to, true);
      if (Number.isNaN(start) || Number.isNaN(end))
        return problem(reply, 400, 'invalid_query', 'from and to must be real dates, e.g. 2026-05-01.');
      if (start >= end) return problem(reply, 400, 'invalid_query', 'from must be before to.');
      const name = `receipts-${new Date(start).toISOString().slice(0, 10)}-${new Date(end - 1).toISOString().slice(0, 10)}`;
      reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/jsonl; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.${format}"`);
      return reply.send(Readable.from(exportLines(store, start, end, format, sep)));
    },
  );

  registerErasure(app, store, authorize, clock);
  await registerDashboard(app, { store, token: options.token, clock });

  registerHealth(app, {
    store,
    writes,
    clock,
    retentionDays: options.retentionDays,
    lastRetentionRunAt: retention.lastRunAt,
    reading: checkBearer !== null,
    onError: (error) => limiter.error('health check', error),
  });

  app.addHook('onClose', async () => {
    await retention.stop();
    await writer.flushed();
    await counter.stop();
    await store.close();
    limiter.flush();
    rollupWarnings.flush();
  });

  return {
    app,
    async start() {
      const address = await app.listen({ port: options.port, host: options.host });
      if (!checkBearer) app.log.warn('COLLECTOR_TOKEN is not set: GET /receipts and /receipts/export answer 403.');
      retention.start();
      // Receipts a previous run stored but did not count.
      counter.poke();
      return address;
    },
    close: () => app.close(),
    runRetention: retention.run,
  };
};
