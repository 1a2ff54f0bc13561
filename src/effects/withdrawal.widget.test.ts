import { afterEach, describe, expect, it } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import { flush, NOW, setup, storedState } from '../embed/widget.testing';
import { FakeChannel } from './fake-channel.testing';

describe('runtime: withdrawal deletes the purpose’s cookies', () => {
  const cookieNames = () =>
    document.cookie
      .split('; ')
      .filter(Boolean)
      .map((pair) => pair.split('=')[0])
      .filter((name) => name !== 'shopconsent')
      .sort();
  const plant = () => {
    for (const name of ['_ga', '_ga_XYZ', '_fbp', '_ttp', 'cart']) {
      // biome-ignore lint/suspicious/noDocumentCookie: stands for the cookies the shop's tags set
      document.cookie = `${name}=1; path=/`;
    }
  };
  const object = {
    purposes: [
      { id: 'analytics', cookies: ['_ga', '_ga_*'] },
      { id: 'marketing', services: ['meta-pixel', 'tiktok-pixel'] },
    ],
  };
  afterEach(() => {
    for (const name of cookieNames()) {
      // biome-ignore lint/suspicious/noDocumentCookie: cleans up after the test
      document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    }
  });

  it('withdrawing one purpose deletes its cookies and keeps the others', async () => {
    const { start, api, events, loadExtras } = setup({ object });
    start();
    api.acceptAll();
    plant();
    expect(loadExtras).not.toHaveBeenCalled();
    api.set({ marketing: false });
    await flush();
    expect(cookieNames()).toEqual(['_ga', '_ga_XYZ', 'cart']);
    expect(events.change.at(-1)).toMatchObject({ changed: ['marketing'], state: { purposes: { marketing: false } } });
  });

  it('a reset withdraws everything that was granted', async () => {
    const { start, api } = setup({ object });
    start();
    api.acceptAll();
    plant();
    api.reset();
    await flush();
    expect(cookieNames()).toEqual(['cart']);
  });

  it('a withdrawal in another tab deletes the cookies here too', async () => {
    const stored = storedState({ purposes: { necessary: true, analytics: true, marketing: true } });
    const { start, api } = setup({ object, stored: encodeState(stored) });
    start();
    plant();
    const other = {
      ...stored,
      decidedAt: new Date(NOW).toISOString(),
      purposes: { ...stored.purposes, analytics: false },
    };
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(other) } as MessageEvent);
    expect(api.has('analytics')).toBe(false);
    await flush();
    expect(cookieNames()).toEqual(['_fbp', '_ttp', 'cart']);
  });

  it('deciding without withdrawing anything deletes nothing, even a refusal from undecided', async () => {
    const { start, api, loadExtras } = setup({ object });
    start();
    plant();
    api.rejectAll();
    api.set({ analytics: true });
    await flush();
    expect(cookieNames()).toEqual(['_fbp', '_ga', '_ga_XYZ', '_ttp', 'cart']);
    expect(loadExtras).not.toHaveBeenCalled();
  });

  it('a withdrawal of a purpose that lists no cookies loads nothing', async () => {
    const { start, api, loadExtras } = setup();
    start();
    api.acceptAll();
    api.rejectAll();
    await flush();
    expect(loadExtras).not.toHaveBeenCalled();
  });
});
