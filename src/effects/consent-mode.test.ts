import { describe, expect, it } from 'vitest';
import type { ConsentState } from '../core/state';
import { consentSignals, createConsentMode } from './consent-mode';

type GoogleWindow = { dataLayer?: unknown[]; gtag?: unknown };
const asWindow = (win: GoogleWindow) => win as unknown as Window;

const state = (purposes: Record<string, boolean>): ConsentState => ({
  id: 'abcdefgh12345678wxyz',
  decidedAt: '2026-01-01T00:00:00.000Z',
  revision: '1',
  purposes: { necessary: true, ...purposes },
  lang: 'en',
  source: 'banner',
});

const isArguments = (entry: unknown) => Object.prototype.toString.call(entry) === '[object Arguments]';
const DEFAULT = [
  'consent',
  'default',
  {
    analytics_storage: 'denied',
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    wait_for_update: 500,
  },
];

describe('createConsentMode', () => {
  it('pushes the all-denied default at creation, as an Arguments object, when dataLayer exists', () => {
    const dataLayer: unknown[] = [];
    const win: GoogleWindow = { dataLayer };
    expect(createConsentMode(asWindow(win), 'auto')).not.toBeNull();
    expect(win.dataLayer).toBe(dataLayer);
    expect(dataLayer).toHaveLength(1);
    expect(isArguments(dataLayer[0])).toBe(true);
    expect(Array.from(dataLayer[0] as ArrayLike<unknown>)).toEqual(DEFAULT);
  });

  it('keeps what the page already pushed, and appends after it', () => {
    const earlier = { event: 'gtm.js' };
    const dataLayer: unknown[] = [earlier];
    createConsentMode(asWindow({ dataLayer }), 'auto');
    expect(dataLayer[0]).toBe(earlier);
    expect(Array.from(dataLayer[1] as ArrayLike<unknown>)).toEqual(DEFAULT);
  });

  it('starts when the page has gtag but no dataLayer yet, creating it', () => {
    const win: GoogleWindow = { gtag: () => {} };
    expect(createConsentMode(asWindow(win), 'auto')).not.toBeNull();
    expect(Array.isArray(win.dataLayer)).toBe(true);
    expect(Array.from(win.dataLayer?.[0] as ArrayLike<unknown>)).toEqual(DEFAULT);
  });

  it('starts when forced on, creating dataLayer', () => {
    const win: GoogleWindow = {};
    expect(createConsentMode(asWindow(win), true)).not.toBeNull();
    expect(win.dataLayer).toHaveLength(1);
    expect(isArguments(win.dataLayer?.[0])).toBe(true);
  });

  it('pushes nothing with auto when the page has neither gtag nor dataLayer', () => {
    const win: GoogleWindow = {};
    expect(createConsentMode(asWindow(win), 'auto')).toBeNull();
    expect(win).toEqual({});
  });

  it('pushes nothing with auto when dataLayer is not an array', () => {
    const win = { dataLayer: 'nope' } as unknown as GoogleWindow;
    expect(createConsentMode(asWindow(win), 'auto')).toBeNull();
    expect(win.dataLayer).toBe('nope');
  });

  it('pushes nothing when switched off, even with dataLayer and gtag', () => {
    const dataLayer: unknown[] = [];
    expect(createConsentMode(asWindow({ dataLayer, gtag: () => {} }), false)).toBeNull();
    expect(dataLayer).toEqual([]);
  });

  it.each([
    [{ analytics: true, marketing: false }, 'granted', 'denied'],
    [{ analytics: false, marketing: true }, 'denied', 'granted'],
    [{ analytics: true, marketing: true }, 'granted', 'granted'],
    [{ analytics: false, marketing: false }, 'denied', 'denied'],
  ])(
    'update for %j: analytics → analytics_storage, marketing → the three ad signals, then an event',
    (purposes, analytics, ads) => {
      const dataLayer: unknown[] = [];
      const mode = createConsentMode(asWindow({ dataLayer }), 'auto');
      mode?.update(state(purposes));
      expect(dataLayer).toHaveLength(3);
      expect(isArguments(dataLayer[1])).toBe(true);
      expect(Array.from(dataLayer[1] as ArrayLike<unknown>)).toEqual([
        'consent',
        'update',
        { analytics_storage: analytics, ad_storage: ads, ad_user_data: ads, ad_personalization: ads },
      ]);
      expect(isArguments(dataLayer[2])).toBe(false);
      expect(dataLayer[2]).toMatchObject({ event: 'shopconsent_update' });
    },
  );

  it('update after a reset denies everything', () => {
    const dataLayer: unknown[] = [];
    createConsentMode(asWindow({ dataLayer }), true)?.update(null);
    expect(Array.from(dataLayer[1] as ArrayLike<unknown>)).toEqual([
      'consent',
      'update',
      { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
    ]);
    expect(dataLayer[2]).toMatchObject({ event: 'shopconsent_update' });
  });
});

describe('consentSignals', () => {
  it('ignores purposes Google has no signal for', () => {
    expect(consentSignals(state({ personalization: true }))).toEqual({
      analytics_storage: 'denied',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    });
  });
});
