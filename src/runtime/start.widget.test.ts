import { describe, expect, it, vi } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import { DAY, drawnBanner, flush, NOW, press, setup, storedState } from '../embed/widget.testing';
import { VERSION } from './api';
import type { UiHost } from './types';

describe('runtime: start and the ready event', () => {
  it('announces ready with null and draws the banner from the core when undecided, without the dialog', async () => {
    const { start, events, loadUi, mount, api } = setup({ object: { lang: 'vi' } });
    expect(events.ready).toEqual([]);
    start();
    expect(events.ready).toEqual([{ state: null }]);
    expect(events.open).toEqual([{ layer: 'banner' }]);
    expect(api.get()).toBeNull();
    await flush();
    expect(drawnBanner()?.getAttribute('lang')).toBe('vi');
    expect(drawnBanner()?.querySelector('[data-action="reject-all"]')?.textContent).toBe('Từ chối tất cả');
    expect(loadUi).not.toHaveBeenCalled();
    press('preferences');
    expect(loadUi).toHaveBeenCalledOnce();
    await flush();
    expect(mount).toHaveBeenCalledOnce();
    const host = mount.mock.calls[0][0] as UiHost;
    expect(host.view()).toMatchObject({ layer: 'preferences', state: null });
    expect(drawnBanner()).toBeNull();
  });

  it('announces the stored decision; no banner, no dialog download', async () => {
    const stored = storedState();
    const { start, events, loadUi, api, store } = setup({ stored: encodeState(stored) });
    start();
    await flush();
    expect(events.ready).toEqual([{ state: stored }]);
    expect(api.get()).toEqual(stored);
    expect(events.open).toEqual([]);
    expect(loadUi).not.toHaveBeenCalled();
    expect(api.has('analytics')).toBe(true);
    expect(api.has('marketing')).toBe(false);
    expect(store.writes).toEqual([]);
  });

  it.each([
    ['made under another revision', storedState({ revision: '0' })],
    ['older than expiresDays', storedState({ decidedAt: new Date(NOW - 183 * DAY).toISOString() })],
    ['dated in the future', storedState({ decidedAt: new Date(NOW + 3 * DAY).toISOString() })],
    ['lacking a purpose the shop now asks about', storedState({ purposes: { necessary: true, analytics: true } })],
  ])('treats a decision %s as undecided: banner', async (_name, stored) => {
    const { start, events, loadUi, api } = setup({ stored: encodeState(stored) });
    start();
    expect(events.ready).toEqual([{ state: null }]);
    expect(api.get()).toBeNull();
    expect(api.has('analytics')).toBe(false);
    expect(events.open).toEqual([{ layer: 'banner' }]);
    await flush();
    expect(drawnBanner()).not.toBeNull();
    expect(loadUi).not.toHaveBeenCalled();
  });

  it.each([['garbage'], ['2|x|1|1|en|api|necessary:1'], [''], ['"quoted"']])(
    'treats a corrupt cookie %j as undecided, without throwing',
    (stored) => {
      const { start, events } = setup({ stored });
      expect(() => start()).not.toThrow();
      expect(events.ready).toEqual([{ state: null }]);
      expect(events.open).toEqual([{ layer: 'banner' }]);
    },
  );

  it('drops a stored purpose the shop no longer asks about', () => {
    const stored = storedState({ purposes: { necessary: true, analytics: true, marketing: true, legacy: true } });
    const { start, api } = setup({ stored: encodeState(stored), object: { purposes: ['analytics', 'marketing'] } });
    start();
    expect(api.get()?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(api.has('legacy')).toBe(false);
  });

  it('calls a ready listener added after start at once with the state', () => {
    const { start, api } = setup();
    start();
    const listener = vi.fn();
    api.on('ready', listener);
    expect(listener).toHaveBeenCalledExactlyOnceWith({ state: null });
  });

  it('exposes the package version', () => {
    const { api } = setup();
    expect(api.version).toBe(VERSION);
    expect(api.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
