import { describe, expect, it, vi } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import { drawnBanner, flush, press, setup, storedState } from '../embed/widget.testing';
import type { MountUi, UiHost } from './types';

describe('runtime: the dialog', () => {
  it('open() and close() announce the preferences layer; the dialog is loaded once', async () => {
    const { start, api, events, loadUi, mount } = setup({ stored: encodeState(storedState()) });
    start();
    api.open();
    expect(events.open).toEqual([{ layer: 'preferences' }]);
    expect(loadUi).toHaveBeenCalledOnce();
    await flush();
    expect(mount).toHaveBeenCalledOnce();
    expect((mount.mock.calls[0][0] as UiHost).view().layer).toBe('preferences');
    api.close();
    expect(events.close).toEqual([{ layer: 'preferences' }]);
    api.close();
    expect(events.close).toHaveLength(1);
    api.open();
    api.open();
    await flush();
    expect(events.open).toEqual([{ layer: 'preferences' }, { layer: 'preferences' }]);
    expect(loadUi).toHaveBeenCalledOnce();
    expect(mount).toHaveBeenCalledOnce();
  });

  it('open() from the banner moves to the preferences without loading again', async () => {
    const { start, api, events, loadUi } = setup();
    start();
    api.open();
    await flush();
    expect(events.open).toEqual([{ layer: 'banner' }, { layer: 'preferences' }]);
    expect(loadUi).toHaveBeenCalledOnce();
  });

  it('leaving the preferences while undecided goes back to the banner', async () => {
    const { start, api, mount } = setup();
    start();
    api.open();
    await flush();
    const host = mount.mock.calls[0][0] as UiHost;
    host.closePreferences();
    expect(host.view().layer).toBe('banner');
    expect(api.get()).toBeNull();
  });

  it('an element with data-shopconsent="open" opens the preferences', () => {
    // A document of its own: runtimes of earlier tests still listen to clicks on the global one.
    const doc = document.implementation.createHTMLDocument('shop');
    const { start, events } = setup({ stored: encodeState(storedState()), doc });
    start();
    const link = doc.createElement('a');
    link.setAttribute('data-shopconsent', 'open');
    link.innerHTML = '<span>Cookie settings</span>';
    doc.body.append(link);
    link.querySelector('span')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(events.open).toEqual([{ layer: 'preferences' }]);
  });

  it('a dialog that fails to load is reported, the banner comes back, the API still works, and the next open tries again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const mount = vi.fn();
    const loadUi = vi.fn<() => Promise<MountUi>>().mockRejectedValueOnce(new Error('404')).mockResolvedValue(mount);
    const { start, api } = setup({ loadUi });
    start();
    await flush();
    press('preferences');
    await flush();
    expect(error).toHaveBeenCalled();
    expect(drawnBanner()).not.toBeNull();
    api.acceptAll();
    expect(api.has('marketing')).toBe(true);
    api.open();
    await flush();
    expect(loadUi).toHaveBeenCalledTimes(2);
    expect(mount).toHaveBeenCalledOnce();
  });
});
