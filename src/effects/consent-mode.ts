import type { ConsentState } from '../core/state';
import type { Runtime } from '../runtime/runtime';

type GoogleWindow = Window & { dataLayer?: unknown[]; gtag?: unknown };
type Signal = 'granted' | 'denied';

/** How our purposes map to Google Consent Mode v2 signals. */
export const consentSignals = (state: ConsentState | null): Record<string, Signal> => {
  const signal = (purpose: string): Signal => (state?.purposes[purpose] ? 'granted' : 'denied');
  const marketing = signal('marketing');
  return {
    analytics_storage: signal('analytics'),
    ad_storage: marketing,
    ad_user_data: marketing,
    ad_personalization: marketing,
  };
};

/** Milliseconds Google tags wait for our `update` before they fire on the default. */
const WAIT_FOR_UPDATE = 500;

/**
 * Google Consent Mode v2 through `dataLayer`. Returns `null` when it is off: with `auto`, it is on only
 * when the page already uses `gtag` or `dataLayer`.
 */
export const createConsentMode = (win: GoogleWindow, setting: boolean | 'auto') => {
  const present = typeof win.gtag === 'function' || Array.isArray(win.dataLayer);
  if (setting === false || (setting === 'auto' && !present)) return null;
  // The same array the shop's gtag snippet and Google Tag Manager use.
  if (!Array.isArray(win.dataLayer)) win.dataLayer = [];
  const dataLayer = win.dataLayer;
  // gtag.js only executes dataLayer entries that are `arguments` objects, so we push exactly that.
  function gtag(..._command: unknown[]) {
    // biome-ignore lint/complexity/noArguments: gtag.js requires an Arguments object, not an array
    dataLayer.push(arguments);
  }
  gtag('consent', 'default', { ...consentSignals(null), wait_for_update: WAIT_FOR_UPDATE });
  return {
    update(state: ConsentState | null) {
      gtag('consent', 'update', consentSignals(state));
      dataLayer.push({ event: 'shopconsent_update', shopconsent: { ...state?.purposes } });
    },
  };
};

/** Keeps Google's signals in step with every decision; returns what to call at start, or nothing when it is off. */
export const followConsentMode = (rt: Runtime, win: Window) => {
  const mode = createConsentMode(win, rt.config.consentMode);
  if (!mode) return;
  rt.onCommit(mode.update);
  return () => {
    const state = rt.get();
    if (state) mode.update(state);
  };
};
