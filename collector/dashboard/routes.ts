import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerChecker } from '../auth';
import { clearedSessionCookie, cookieValue, SESSION_COOKIE, sessionCookie, sessionKeeper } from '../session';
import { buildReport } from '../stats/report';
import type { Store } from '../store/store';
import { wrongTokenLimiter } from './attempts';
import { isLanguage, type Language, languageOf, translator } from './i18n';
import { dashboardPage, signInPage } from './page';
import { periodOf } from './period';
import { TABLES, type TableId, tablesOf, toCsv } from './tables';

const STYLES = readFileSync(new URL('./dashboard.css', import.meta.url), 'utf8');

/** No script, no frame, nothing from elsewhere: the page is HTML, one stylesheet and inline SVG. */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The value the shop selector gives for receipts without a shop name. */
const UNNAMED = '(none)';

interface DashboardQuery {
  lang?: string;
  shop?: string;
  period?: string;
  from?: string;
  to?: string;
}

const shopOf = (value: unknown) =>
  typeof value !== 'string' || value === '' ? null : value === UNNAMED ? '' : value.slice(0, 80);

/**
 * GET /stats (JSON for scripts: bearer token or dashboard session) and the dashboard pages: sign-in with the
 * collector token, the figures as charts and tables, CSV downloads, sign-out.
 */
export const registerDashboard = async (
  app: FastifyInstance,
  options: { store: Store; token: string | null; clock: () => number },
) => {
  const { store, token, clock } = options;
  const sessions = token ? sessionKeeper(token, clock) : null;
  const checkBearer = token ? bearerChecker(token) : null;
  const limiter = wrongTokenLimiter(clock);

  const pageHeaders = (reply: FastifyReply) =>
    reply
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store');

  const signedIn = (request: FastifyRequest) =>
    sessions?.valid(cookieValue(request.headers.cookie, SESSION_COOKIE)) ?? false;

  const report = async (query: DashboardQuery) => {
    const period = periodOf(query, clock());
    const shop = shopOf(query.shop);
    const summary = await store.rollup.summary({ from: period.from, to: period.to, shop });
    return {
      period,
      shop,
      report: buildReport(summary, period.from, period.to, shop),
      firstSeen: new Map(summary.firstDays.map((first) => [first.revision, first.day])),
    };
  };

  await app.register(async (dashboard) => {
    dashboard.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    dashboard.get<{ Querystring: DashboardQuery }>('/stats', async (request, reply) => {
      const waiting = limiter.waitFor(request.ip);
      if (waiting > 0)
        return reply
          .code(429)
          .header('retry-after', Math.ceil(waiting / 1000))
          .send({
            statusCode: 429,
            error: 'too_many_wrong_tokens',
            message: 'Too many wrong tokens; try again later.',
          });
      if (!checkBearer)
        return reply.code(403).send({
          statusCode: 403,
          error: 'reading_disabled',
          message: 'Reading is disabled: start the collector with COLLECTOR_TOKEN set.',
        });
      const bearer = request.headers.authorization;
      if (!(bearer ? checkBearer(bearer) : signedIn(request))) {
        if (bearer) limiter.failed(request.ip);
        return reply.code(401).header('www-authenticate', 'Bearer realm="receipts"').send({
          statusCode: 401,
          error: 'unauthorized',
          message: 'Send Authorization: Bearer <COLLECTOR_TOKEN>, or sign in at /dashboard.',
        });
      }
      const { query } = request;
      if (query.period === undefined && (query.from !== undefined || query.to !== undefined)) query.period = 'custom';
      const { period, report: result } = await report(query);
      if (period.problem)
        return reply.code(400).send({ statusCode: 400, error: 'invalid_query', message: period.problem });
      return reply.header('cache-control', 'no-store').send(result);
    });

    dashboard.get('/dashboard/dashboard.css', (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLES),
    );

    dashboard.get<{ Querystring: DashboardQuery }>('/dashboard', async (request, reply) => {
      const lang = languageOf(request.query.lang, request.headers['accept-language']);
      pageHeaders(reply).type('text/html; charset=utf-8');
      if (!sessions) return reply.code(403).send(signInPage(lang, 'disabled'));
      if (!signedIn(request)) {
        const expired = cookieValue(request.headers.cookie, SESSION_COOKIE) !== undefined;
        if (expired) reply.header('set-cookie', clearedSessionCookie());
        return reply.send(signInPage(lang, expired ? 'expired' : null));
      }
      const { period, shop, report: result, firstSeen } = await report(request.query);
      const shops = await store.rollup.shops();
      return reply.send(
        dashboardPage(
          result,
          { lang, period, shop, shops },
          firstSeen,
          period.problem ? translator(lang)('filters.invalid') : null,
        ),
      );
    });

    dashboard.post<{ Body: { token?: string; lang?: string } }>('/dashboard/sign-in', async (request, reply) => {
      const lang: Language = isLanguage(request.body?.lang) ? request.body.lang : 'en';
      pageHeaders(reply).type('text/html; charset=utf-8');
      if (!sessions || !checkBearer) return reply.code(403).send(signInPage(lang, 'disabled'));
      const waiting = limiter.waitFor(request.ip);
      if (waiting > 0)
        return reply
          .code(429)
          .header('retry-after', Math.ceil(waiting / 1000))
          .send(signInPage(lang, 'tooMany'));
      const given = typeof request.body?.token === 'string' ? request.body.token.trim() : '';
      if (!checkBearer(`Bearer ${given}`)) {
        limiter.failed(request.ip);
        return reply.code(401).send(signInPage(lang, 'wrong'));
      }
      return reply
        .code(303)
        .header('set-cookie', sessionCookie(sessions.issue()))
        .header('location', `/dashboard?lang=${lang}`)
        .send();
    });

    dashboard.post<{ Body: { lang?: string } }>('/dashboard/sign-out', async (request, reply) => {
      const lang = isLanguage(request.body?.lang) ? request.body.lang : 'en';
      return reply
        .code(303)
        .header('set-cookie', clearedSessionCookie())
        .header('location', `/dashboard?lang=${lang}`)
        .send();
    });

    dashboard.get<{ Params: { table: string }; Querystring: DashboardQuery }>(
      '/dashboard/csv/:table',
      async (request, reply) => {
        if (!signedIn(request))
          return reply
            .code(401)
            .send({ statusCode: 401, error: 'unauthorized', message: 'Sign in at /dashboard first.' });
        const table = request.params.table as TableId;
        if (!TABLES.includes(table))
          return reply
            .code(404)
            .send({ statusCode: 404, error: 'not_found', message: `Tables: ${TABLES.join(', ')}.` });
        const lang = languageOf(request.query.lang, request.headers['accept-language']);
        const { report: result, firstSeen, shop } = await report(request.query);
        const csv = toCsv(tablesOf(result, lang, translator(lang), firstSeen)[table]);
        const name = `${table}-${shop === null ? 'all-shops' : (shop || 'unnamed').replace(/[^\p{L}\p{N}_-]+/gu, '_')}-${result.from}-${result.to}.csv`;
        return reply
          .type('text/csv; charset=utf-8; header=present')
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(`\ufeff${csv}`);
      },
    );
  });
};
