import { describe, expect, it } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import { cleanups, drawnBanner, flush, press, setup, storedState } from '../embed/widget.testing';
import type { UiHost } from '../runtime/types';

describe('runtime: Global Privacy Control', () => {
  const withGpc = (value: unknown) => {
    Object.defineProperty(window.navigator, 'globalPrivacyControl', { value, configurable: true });
    cleanups.push(() => {
      delete (window.navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl;
    });
  };

  it('accept all, from the API or the dialog, leaves marketing off and records gpc', async () => {
    withGpc(true);
    const { start, api, events, mount } = setup();
    start();
    await flush();
    expect(drawnBanner()?.querySelector('.sc-gpc')).not.toBeNull();
    press('accept-all');
    expect(api.get()).toMatchObject({
      source: 'gpc',
      purposes: { necessary: true, analytics: true, marketing: false },
    });
    expect(events.change[0]).toMatchObject({ source: 'gpc', changed: ['analytics'] });
    api.reset();
    api.acceptAll();
    expect(api.get()).toMatchObject({ source: 'gpc', purposes: { analytics: true, marketing: false } });
    api.open();
    await flush();
    const host = mount.mock.calls[0][0] as UiHost;
    expect(host.view().gpc).toBe(true);
    host.acceptAll('preferences');
    expect(api.get()).toMatchObject({ source: 'gpc', purposes: { analytics: true, marketing: false } });
  });

  it('the visitor (or the shop’s code) can still switch marketing on explicitly', async () => {
    withGpc(true);
    const { start, api, mount } = setup();
    start();
    api.open();
    await flush();
    const host = mount.mock.calls[0][0] as UiHost;
    host.decide({ analytics: false, marketing: true }, 'preferences');
    expect(api.get()).toMatchObject({ source: 'preferences', purposes: { marketing: true } });
    api.set({ marketing: true, analytics: true });
    expect(api.get()).toMatchObject({ source: 'api', purposes: { analytics: true, marketing: true } });
  });

  it('changes nothing without the signal, or for a shop that does not ask about marketing', async () => {
    withGpc(false);
    const first = setup();
    first.start();
    first.api.acceptAll();
    expect(first.api.get()).toMatchObject({ source: 'api', purposes: { marketing: true } });

    withGpc(true);
    const second = setup({ attributes: { purposes: 'analytics' } });
    second.start();
    await flush();
    expect(drawnBanner()?.querySelector('.sc-gpc')).toBeNull();
    second.api.open();
    await flush();
    expect((second.mount.mock.calls[0][0] as UiHost).view().gpc).toBe(false);
    second.api.acceptAll();
    expect(second.api.get()).toMatchObject({ source: 'api', purposes: { necessary: true, analytics: true } });
  });

  it('leaves a decision already stored as it is', () => {
    withGpc(true);
    const stored = storedState({ purposes: { necessary: true, analytics: true, marketing: true } });
    const { start, api } = setup({ stored: encodeState(stored) });
    start();
    expect(api.has('marketing')).toBe(true);
  });
});
