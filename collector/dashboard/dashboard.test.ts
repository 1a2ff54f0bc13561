// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Collector, createCollector } from '../collector';
import { SESSION_COOKIE, SESSION_MS } from '../session';
import { MAX_WRONG, WINDOW_MS } from './attempts';

const dir = mkdtempSync(join(tmpdir(), 'shopconsent-dashboard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = 'dashboard-unit-token-0123456789';
let files = 0;
let opened: Collector[] = [];
afterEach(async () => {
  await Promise.all(opened.map((collector) => collector.close()));
  opened = [];
});

const open = async (token: string, clock: () => number, file = join(dir, `receipts-${++files}.db`)) => {
  const collector = await createCollector({
    port: 0,
    host: '127.0.0.1',
    database: `sqlite:${file}`,
    token,
    allowedOrigins: [],
    retentionDays: 30,
    salt: 'dashboard-unit-salt-0123',
    trustProxy: false,
    clock,
    logger: false,
  });
  opened.push(collector);
  return collector;
};

const signIn = (collector: Collector, token: string) =>
  collector.app.inject({
    method: 'POST',
    url: '/dashboard/sign-in',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ token, lang: 'lv' }).toString(),
  });

const cookieOf = (response: Awaited<ReturnType<typeof signIn>>) => String(response.headers['set-cookie']).split(';')[0];

describe('dashboard sign-in', () => {
  it('gives a session cookie that is HttpOnly, Secure, SameSite=Strict and expires', async () => {
    const collector = await open(TOKEN, () => Date.parse('2026-06-01T12:00:00Z'));
    const response = await signIn(collector, TOKEN);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/dashboard?lang=lv');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', `Max-Age=${SESSION_MS / 1000}`])
      expect(cookie).toContain(attribute);
  });

  it('the session ends when it expires, and when the collector token changes', async () => {
    let now = Date.parse('2026-06-01T12:00:00Z');
    const file = join(dir, 'token-change.db');
    const first = await open(TOKEN, () => now, file);
    const cookie = cookieOf(await signIn(first, TOKEN));
    const page = (collector: Collector) =>
      collector.app.inject({ method: 'GET', url: '/dashboard?lang=en', headers: { cookie } });
    expect((await page(first)).body).toContain('id="table-decisions"');
    now += SESSION_MS + 1;
    const expired = await page(first);
    expect(expired.body).not.toContain('id="table-decisions"');
    expect(expired.body).toContain('Your session has ended.');
    now -= SESSION_MS;
    await first.close();
    opened = [];
    const changed = await open('another-token-0123456789', () => now, file);
    expect((await page(changed)).body).not.toContain('id="table-decisions"');
  });

  it(`after ${MAX_WRONG} wrong tokens from one address, even the right one waits out the window`, async () => {
    let now = Date.parse('2026-06-01T12:00:00Z');
    const collector = await open(TOKEN, () => now);
    for (let attempt = 0; attempt < MAX_WRONG; attempt++)
      expect((await signIn(collector, `wrong-token-${attempt}-000000`)).statusCode).toBe(401);
    const held = await signIn(collector, TOKEN);
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBe(WINDOW_MS / 1000);
    const stats = await collector.app.inject({ url: '/stats', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(stats.statusCode).toBe(429);
    now += WINDOW_MS;
    expect((await signIn(collector, TOKEN)).statusCode).toBe(303);
  });
});

describe('GET /stats', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  it('answers 401 without a token, and says what is wrong with a period', async () => {
    const collector = await open(TOKEN, () => now);
    expect((await collector.app.inject({ url: '/stats' })).statusCode).toBe(401);
    const bad = await collector.app.inject({
      url: '/stats?from=2026-02-30&to=2026-03-01',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('from and to must be real days as YYYY-MM-DD, e.g. 2026-05-01.');
  });

  it('gives one value per day of the period, zero where nothing was decided, and forgets an erased visitor', async () => {
    const collector = await open(TOKEN, () => now);
    const receipt = {
      format: 1,
      id: 'statsvisitor1',
      decidedAt: '2026-05-31T10:00:00Z',
      revision: 'r1',
      purposes: { necessary: true, analytics: true },
      lang: 'vi',
      source: 'banner',
      url: 'https://shop.vn/',
      version: '0.1.0',
      shop: 'Mitexco',
    };
    expect((await collector.app.inject({ method: 'POST', url: '/receipts', payload: receipt })).statusCode).toBe(204);
    const response = await collector.app.inject({
      url: '/stats?period=7&shop=Mitexco',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const body = response.json();
    expect(body.days).toEqual([
      '2026-05-26',
      '2026-05-27',
      '2026-05-28',
      '2026-05-29',
      '2026-05-30',
      '2026-05-31',
      '2026-06-01',
    ]);
    expect(body.decisions.accepted).toEqual([0, 0, 0, 0, 0, 1, 0]);
    expect(body.purposes.analytics).toEqual({ asked: [0, 0, 0, 0, 0, 1, 0], granted: [0, 0, 0, 0, 0, 1, 0] });
    expect(body.byLanguage).toEqual([
      expect.objectContaining({ key: 'vi', decisions: 1, accepted: 1, withdrawals: 0 }),
    ]);

    const erased = await collector.app.inject({
      method: 'DELETE',
      url: `/receipts?consentId=${receipt.id}`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(erased.json().erased).toBe(1);
    const after = (
      await collector.app.inject({ url: '/stats?period=7&shop=Mitexco', headers: { authorization: `Bearer ${TOKEN}` } })
    ).json();
    expect(after.decisions.accepted).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(after.purposes.analytics?.granted ?? [0, 0, 0, 0, 0, 0, 0]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(after.byLanguage).toEqual([]);
  });
});
