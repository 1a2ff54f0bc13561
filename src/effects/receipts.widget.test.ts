import { describe, expect, it, vi } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import type { ConsentState } from '../core/state';
import { NOW, setup, storedState } from '../embed/widget.testing';
import { VERSION } from '../runtime/api';
import { FakeChannel } from './fake-channel.testing';

describe('runtime: receipts', () => {
  const beacons = () => {
    const beacon = vi.spyOn(window.navigator, 'sendBeacon').mockReturnValue(true);
    return () => beacon.mock.calls.map(([, body]) => JSON.parse(String(body)));
  };
  const flushReceipts = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('sends every decision made in this tab, withdrawals included, with the page and the shop', async () => {
    const sent = beacons();
    const { start, api } = setup({ object: { receiptUrl: 'https://collect.shop.lv/r', shop: 'MonaOK' } });
    start();
    api.acceptAll();
    api.set({ marketing: false });
    await flushReceipts();
    expect(sent()).toEqual([
      {
        format: 1,
        ...api.get(),
        source: 'api',
        purposes: { necessary: true, analytics: true, marketing: true },
        url: location.href,
        version: VERSION,
        shop: 'MonaOK',
      },
      { format: 1, ...api.get(), url: location.href, version: VERSION, shop: 'MonaOK' },
    ]);
  });

  it('sends nothing for a reset, nor for a decision another tab made (that tab sends it)', async () => {
    const sent = beacons();
    const { start, api } = setup({ object: { receiptUrl: '/r' } });
    start();
    api.rejectAll();
    api.reset();
    const other = storedState({ decidedAt: new Date(NOW).toISOString() });
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(other) } as MessageEvent);
    await flushReceipts();
    expect(api.get()?.source).toBe('sync');
    expect(sent().map((receipt) => receipt.source)).toEqual(['api']);
  });

  it('sends nothing without receiptUrl, and loads nothing for it', async () => {
    const sent = beacons();
    const { start, api, loadExtras } = setup();
    start();
    api.acceptAll();
    await flushReceipts();
    expect(sent()).toEqual([]);
    expect(loadExtras).not.toHaveBeenCalled();
  });

  it('keeps the receipt at once, so a page left before the sender arrived sends it on the next page view', async () => {
    const sent = beacons();
    localStorage.removeItem('shopconsent:receipts');
    const never = () => new Promise<never>(() => {});
    const first = setup({ object: { receiptUrl: '/r' }, loadExtras: never });
    first.start();
    first.api.rejectAll();
    await flushReceipts();
    expect(sent()).toEqual([]);
    first.api.close();

    const next = setup({ object: { receiptUrl: '/r' }, stored: encodeState(first.api.get() as ConsentState) });
    next.start();
    await flushReceipts();
    expect(sent()).toEqual([{ format: 1, ...first.api.get(), url: location.href, version: VERSION }]);
    expect(localStorage.getItem('shopconsent:receipts')).toBeNull();
  });

  it('offline, the receipt waits without fetching the sender, and goes out when the browser is back online', async () => {
    const sent = beacons();
    localStorage.removeItem('shopconsent:receipts');
    const onLine = vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    const { start, api, loadExtras } = setup({ object: { receiptUrl: '/r' } });
    start();
    api.acceptAll();
    await flushReceipts();
    expect(loadExtras).not.toHaveBeenCalled();
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await flushReceipts();
    expect(sent().map((receipt) => receipt.source)).toEqual(['api']);
  });

  it('a returning visitor with nothing waiting loads nothing for receipts', async () => {
    localStorage.removeItem('shopconsent:receipts');
    const { start, loadExtras } = setup({ object: { receiptUrl: '/r' }, stored: encodeState(storedState()) });
    start();
    await flushReceipts();
    expect(loadExtras).not.toHaveBeenCalled();
  });
});
