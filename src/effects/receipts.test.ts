import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Receipt, toReceipt } from '../core/receipt';
import type { ConsentState } from '../core/state';
import { createOutbox, MAX_PENDING, PENDING_KEY } from './receipt-outbox';
import { createReceipts } from './receipts';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/schema/receipt.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const expectValid = (receipt: unknown) => {
  expect(validate(receipt), JSON.stringify(validate.errors)).toBe(true);
};

const STATE: ConsentState = {
  id: 'k3v9x0q2m7a1b5c8d4e6',
  decidedAt: '2026-11-28T14:22:05.000Z',
  revision: '2026-05',
  purposes: { necessary: true, analytics: true, marketing: false },
  lang: 'lv',
  source: 'preferences',
};
const PAGE = 'https://www.shop.lv/lv/grozs?step=2#piegade';

/** A window with the network and storage under the test's control. */
const fakeWindow = (storage: Partial<Storage> | 'blocked' = new MemoryStorage()) => {
  const events = new EventTarget();
  const win = {
    navigator: { onLine: true, sendBeacon: vi.fn((_url: string, _body: string) => true) },
    fetch: vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response(null, { status: 200 }))),
    addEventListener: events.addEventListener.bind(events),
    dispatchEvent: events.dispatchEvent.bind(events),
  } as unknown as Window & {
    navigator: { onLine: boolean; sendBeacon: ReturnType<typeof vi.fn> };
    fetch: ReturnType<typeof vi.fn>;
  };
  Object.defineProperty(win, 'localStorage', {
    get: () => {
      if (storage === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
      return storage;
    },
  });
  return win;
};

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Lets every queued send finish: a macrotask runs only after all pending promise callbacks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const receipt = (over: Partial<ConsentState> = {}) => toReceipt({ ...STATE, ...over }, PAGE, '0.1.0', 'MonaOK');
const pendingIn = (storage: MemoryStorage): Receipt[] =>
  (storage.getItem(PENDING_KEY) ?? '')
    .split('\n')
    .filter(Boolean)
    .map((body: string) => JSON.parse(body));

/**
 * The widget's side of it: each receipt goes into the outbox, then the sender flushes, as the runtime
 * does on each decision, at start and when the browser is back online.
 */
const receiptsFor = (win: Window, url: string) => {
  const outbox = createOutbox(win, warn);
  const receipts = createReceipts(win, url, outbox, warn);
  receipts.flush();
  win.addEventListener('online', receipts.flush);
  return {
    send: (r: Receipt) => {
      outbox.add(JSON.stringify(r));
      receipts.flush();
    },
  };
};

let warnings: string[];
const warn = (message: string) => {
  warnings.push(message);
};
beforeEach(() => {
  warnings = [];
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('toReceipt', () => {
  it('is the decision plus the page without its fragment, the widget version and the shop', () => {
    expect(receipt()).toEqual({
      format: 1,
      id: 'k3v9x0q2m7a1b5c8d4e6',
      decidedAt: '2026-11-28T14:22:05.000Z',
      revision: '2026-05',
      purposes: { necessary: true, analytics: true, marketing: false },
      lang: 'lv',
      source: 'preferences',
      url: 'https://www.shop.lv/lv/grozs?step=2',
      version: '0.1.0',
      shop: 'MonaOK',
    });
  });

  it.each(['banner', 'preferences', 'api', 'gpc'] as const)('follows the JSON Schema for source %s', (source) => {
    expectValid(receipt({ source }));
  });

  it('follows the JSON Schema without a shop name, with eight purposes, and for a very long page address', () => {
    const purposes = Object.fromEntries(
      ['necessary', 'analytics', 'marketing', 'p1', 'p2', 'p3', 'p4', 'personalization_24chars_'].map((id) => [
        id,
        true,
      ]),
    ) as ConsentState['purposes'];
    const long = toReceipt({ ...STATE, purposes }, `https://www.shop.lv/?q=${'x'.repeat(5000)}`, '0.1.0', '');
    expect(long).not.toHaveProperty('shop');
    expect(long.url).toHaveLength(2048);
    expectValid(long);
  });

  it('the schema catches what the widget must never send', () => {
    expect(validate({ ...receipt(), source: 'sync' })).toBe(false);
    expect(validate({ ...receipt(), purposes: { necessary: false } })).toBe(false);
    expect(validate({ ...receipt(), url: 'javascript:alert(1)' })).toBe(false);
    expect(validate({ ...receipt(), extra: 1 })).toBe(false);
  });
});

describe('createReceipts: sending', () => {
  it('sends each receipt with sendBeacon as a JSON string (a text/plain body: no preflight)', async () => {
    const win = fakeWindow();
    const receipts = receiptsFor(win, 'https://collect.example/r');
    receipts.send(receipt());
    await settle();
    expect(win.navigator.sendBeacon).toHaveBeenCalledOnce();
    const [url, body] = win.navigator.sendBeacon.mock.calls[0];
    expect(url).toBe('https://collect.example/r');
    expect(typeof body).toBe('string');
    expect(JSON.parse(body)).toEqual(receipt());
    expect(new Blob([body]).type).toBe('');
    expect(win.fetch).not.toHaveBeenCalled();
    expect(warnings).toEqual([]);
  });

  it('falls back to a keepalive no-cors fetch with the same body when the beacon is refused', async () => {
    const win = fakeWindow();
    win.navigator.sendBeacon.mockReturnValue(false);
    receiptsFor(win, '/receipts').send(receipt());
    await settle();
    expect(win.fetch).toHaveBeenCalledExactlyOnceWith('/receipts', {
      method: 'POST',
      body: JSON.stringify(receipt()),
      keepalive: true,
      mode: 'no-cors',
    });
  });

  it('falls back to fetch where sendBeacon does not exist or throws', async () => {
    for (const beacon of [
      undefined,
      () => {
        throw new TypeError('Illegal invocation');
      },
    ]) {
      const win = fakeWindow();
      (win.navigator as { sendBeacon: unknown }).sendBeacon = beacon;
      receiptsFor(win, '/receipts').send(receipt());
      await settle();
      expect(win.fetch).toHaveBeenCalledOnce();
    }
  });

  it('sends in the order the decisions were made', async () => {
    const win = fakeWindow();
    const receipts = receiptsFor(win, '/r');
    receipts.send(receipt({ source: 'banner' }));
    receipts.send(receipt({ source: 'preferences' }));
    receipts.send(receipt({ source: 'api' }));
    await settle();
    expect(win.navigator.sendBeacon.mock.calls.map(([, body]) => JSON.parse(body).source)).toEqual([
      'banner',
      'preferences',
      'api',
    ]);
  });
});

describe('createReceipts: what could not be sent', () => {
  it('keeps a receipt that could not leave the browser (offline), and sends nothing then', async () => {
    const storage = new MemoryStorage();
    const win = fakeWindow(storage);
    win.navigator.onLine = false;
    receiptsFor(win, '/r').send(receipt());
    await settle();
    expect(win.navigator.sendBeacon).not.toHaveBeenCalled();
    expect(win.fetch).not.toHaveBeenCalled();
    expect(pendingIn(storage)).toEqual([receipt()]);
  });

  it('keeps a receipt when the beacon is refused and fetch fails', async () => {
    const storage = new MemoryStorage();
    const win = fakeWindow(storage);
    win.navigator.sendBeacon.mockReturnValue(false);
    win.fetch.mockRejectedValue(new TypeError('Failed to fetch'));
    receiptsFor(win, '/r').send(receipt());
    await settle();
    expect(pendingIn(storage)).toEqual([receipt()]);
  });

  it('sends the kept receipts on the next page view, oldest first, before that page’s own decisions', async () => {
    const storage = new MemoryStorage();
    const offline = fakeWindow(storage);
    offline.navigator.onLine = false;
    const first = receiptsFor(offline, '/r');
    first.send(receipt({ source: 'banner' }));
    first.send(receipt({ source: 'preferences' }));
    await settle();

    const next = fakeWindow(storage);
    const second = receiptsFor(next, '/r');
    second.send(receipt({ source: 'api' }));
    await settle();
    expect(next.navigator.sendBeacon.mock.calls.map(([, body]) => JSON.parse(body).source)).toEqual([
      'banner',
      'preferences',
      'api',
    ]);
    expect(storage.getItem(PENDING_KEY)).toBeNull();
  });

  it('keeps receipts on a page whose Array.prototype.toJSON (Prototype.js) changes how JSON writes lists', async () => {
    const proto = Array.prototype as unknown as Record<string, unknown>;
    proto.toJSON = function toJSON(this: unknown[]) {
      return `[${this.map((item) => JSON.stringify(item)).join(', ')}]`;
    };
    try {
      const storage = new MemoryStorage();
      const offline = fakeWindow(storage);
      offline.navigator.onLine = false;
      const kept = receiptsFor(offline, '/r');
      kept.send(receipt({ source: 'banner' }));
      kept.send(receipt({ source: 'api' }));
      await settle();
      const next = fakeWindow(storage);
      receiptsFor(next, '/r');
      await settle();
      expect(next.navigator.sendBeacon.mock.calls.map(([, body]) => JSON.parse(body).source)).toEqual([
        'banner',
        'api',
      ]);
    } finally {
      delete proto.toJSON;
    }
  });

  it('sends the kept receipts when the browser is back online', async () => {
    const storage = new MemoryStorage();
    const win = fakeWindow(storage);
    win.navigator.onLine = false;
    receiptsFor(win, '/r').send(receipt());
    await settle();
    win.navigator.onLine = true;
    win.dispatchEvent(new Event('online'));
    await settle();
    expect(win.navigator.sendBeacon).toHaveBeenCalledOnce();
    expect(storage.getItem(PENDING_KEY)).toBeNull();
  });

  it(`keeps at most ${MAX_PENDING}, dropping the oldest with a warning`, async () => {
    const storage = new MemoryStorage();
    const win = fakeWindow(storage);
    win.navigator.onLine = false;
    const receipts = receiptsFor(win, '/r');
    const times = Array.from({ length: MAX_PENDING + 2 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    );
    for (const decidedAt of times) receipts.send(receipt({ decidedAt }));
    await settle();
    expect(pendingIn(storage).map((r) => r.decidedAt)).toEqual(times.slice(2));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('receiptUrl');
    expect(warnings[0]).toContain('oldest');
  });

  it('ignores a kept list someone else wrote, and never throws', async () => {
    const storage = new MemoryStorage();
    storage.setItem(PENDING_KEY, '{"not": "a list"');
    const win = fakeWindow(storage);
    expect(() => receiptsFor(win, '/r')).not.toThrow();
    storage.setItem(PENDING_KEY, ['5', '', 'garbage', JSON.stringify(receipt())].join('\n'));
    receiptsFor(win, '/r');
    await settle();
    expect(win.navigator.sendBeacon).toHaveBeenCalledOnce();
  });

  it.each([
    ['throws on access (cookies blocked)', 'blocked' as const],
    [
      'throws on write (Safari private mode)',
      {
        getItem: () => null,
        setItem: () => {
          throw new DOMException('QuotaExceededError', 'QuotaExceededError');
        },
        removeItem: () => {},
      },
    ],
  ])(
    'never throws when storage %s: receipts wait in this page view, a failed one with a warning',
    async (_name, storage) => {
      const win = fakeWindow(storage);
      win.navigator.onLine = false;
      const receipts = receiptsFor(win, '/r');
      expect(() => receipts.send(receipt({ source: 'banner' }))).not.toThrow();
      await settle();
      win.navigator.onLine = true;
      win.dispatchEvent(new Event('online'));
      await settle();
      expect(win.navigator.sendBeacon).toHaveBeenCalledOnce();
      expect(warnings).toEqual([]);

      win.navigator.sendBeacon.mockReturnValue(false);
      win.fetch.mockRejectedValue(new TypeError('Failed to fetch'));
      receipts.send(receipt({ source: 'api' }));
      await settle();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('this page view only');
      win.navigator.sendBeacon.mockReturnValue(true);
      win.dispatchEvent(new Event('online'));
      await settle();
      expect(win.navigator.sendBeacon.mock.calls.map(([, body]) => JSON.parse(body).source)).toEqual([
        'banner',
        'api',
        'api',
      ]);
    },
  );
});
