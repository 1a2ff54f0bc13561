import { describe, expect, it } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import { setup, storedState } from '../embed/widget.testing';

describe('runtime: Google Consent Mode', () => {
  const isArguments = (entry: unknown) => Object.prototype.toString.call(entry) === '[object Arguments]';
  const asArray = (entry: unknown) => Array.from(entry as ArrayLike<unknown>);

  it('pushes the default at creation, before any decision, and an update on each decision', () => {
    const dataLayer: unknown[] = [];
    (window as Window & { dataLayer?: unknown[] }).dataLayer = dataLayer;
    const { start, api } = setup({ object: { consentMode: 'true' } });
    expect(dataLayer).toHaveLength(1);
    expect(isArguments(dataLayer[0])).toBe(true);
    expect(asArray(dataLayer[0]).slice(0, 2)).toEqual(['consent', 'default']);
    start();
    api.set({ analytics: true });
    expect(asArray(dataLayer[1])).toEqual([
      'consent',
      'update',
      { analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
    ]);
    expect(dataLayer[2]).toMatchObject({ event: 'shopconsent_update' });
  });

  it('repeats a stored decision as an update when the page starts', () => {
    const dataLayer: unknown[] = [];
    (window as Window & { dataLayer?: unknown[] }).dataLayer = dataLayer;
    const { start } = setup({
      object: { consentMode: true },
      stored: encodeState(storedState({ purposes: { necessary: true, analytics: false, marketing: true } })),
    });
    start();
    expect(asArray(dataLayer[1])).toEqual([
      'consent',
      'update',
      { analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
    ]);
  });

  it('stays away from a page without Google tags in auto mode', () => {
    const { start, api } = setup({ object: { consentMode: undefined } });
    start();
    api.acceptAll();
    expect((window as Window & { dataLayer?: unknown }).dataLayer).toBeUndefined();
  });
});
