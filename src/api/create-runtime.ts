import type { Config } from '../core/config';
import { decodeState, encodeState } from '../core/cookie-codec';
import type { DecisionStore } from '../core/decision-store';
import { newConsentId } from '../core/id';
import { detectLanguage, LANGUAGES, type Lang, toLang } from '../core/languages';
import { allConsent, choicesFor, hasOwn, NECESSARY, noConsent } from '../core/purposes';
import { show } from '../core/settings';
import { type ConsentState, changedPurposes, type Source, timestamp } from '../core/state';
import { forPolicy, type Policy, staleness } from '../core/validity';
import { reportError, type Warn } from '../core/warn';
import { createConsentMode } from '../integrations/consent-mode';
import { createScriptGate } from '../integrations/script-gate';
import { createTabSync } from '../integrations/tab-sync';
import type { EventDetails, EventName, Layer, ShopConsentApi, UiHost, UiLoader, UiView } from './types';

declare const __SHOPCONSENT_VERSION__: string;
export const VERSION = __SHOPCONSENT_VERSION__;

export interface RuntimeDeps {
  win: Window;
  doc: Document;
  store: DecisionStore;
  loadUi: UiLoader;
  warn: Warn;
  now?: () => number;
}

const EVENTS: readonly EventName[] = ['ready', 'change', 'open', 'close'];

/** Every public method reports what it throws to the console instead of into the host page. */
const guardMethods = (api: ShopConsentApi): ShopConsentApi => {
  const guarded: Record<string, unknown> = { version: api.version };
  for (const [name, method] of Object.entries(api)) {
    if (typeof method !== 'function') continue;
    guarded[name] = (...args: unknown[]) => {
      try {
        return method(...args);
      } catch (error) {
        reportError(`${name}() failed:`, error);
        return name === 'on' ? () => {} : null;
      }
    };
  }
  return guarded as unknown as ShopConsentApi;
};

/**
 * The widget without its dialog: holds the decision, stores it, tells the page and other tabs, releases
 * gated tags and drives Consent Mode. Data flows one way: config → state → dialog and integrations.
 */
export const createRuntime = (config: Config, deps: RuntimeDeps) => {
  const { win, doc, store, warn } = deps;
  const now = deps.now ?? Date.now;
  const policy: Policy = {
    revision: config.revision,
    expiresDays: config.expiresDays,
    purposeIds: config.purposes.map((p) => p.id),
  };

  /** The stored decision if it still counts for the shop's current policy; otherwise undecided. */
  const readStored = (value: string | undefined): ConsentState | null => {
    const stored = decodeState(value);
    return stored && !staleness(stored, policy, now()) ? forPolicy(stored, policy) : null;
  };

  let lastValue = store.read();
  let state = readStored(lastValue);
  let lang: Lang =
    config.lang === 'auto'
      ? detectLanguage({
          htmlLang: doc.documentElement.getAttribute('lang'),
          browserLanguages: win.navigator.languages,
          defaultLang: config.defaultLang,
        })
      : config.lang;
  let layer: Layer | null = null;
  let isReady = false;
  let uiRequested = false;
  const uiListeners = new Set<() => void>();

  const emit = <E extends EventName>(name: E, detail: EventDetails[E]) => {
    win.dispatchEvent(new CustomEvent(`shopconsent:${name}`, { detail }));
  };

  const snapshot = (): ConsentState | null => (state ? { ...state, purposes: { ...state.purposes } } : null);

  const consentMode = createConsentMode(win, config.consentMode);
  const gate = createScriptGate(doc, (purposes) => purposes.every((id) => has(id)));
  const releaseTags = () => {
    gate.release().catch((error) => reportError('releasing gated tags failed:', error));
  };

  const ensureUi = () => {
    if (uiRequested) return;
    uiRequested = true;
    deps
      .loadUi()
      .then((mount) => mount(host))
      .catch((error) => {
        uiRequested = false;
        reportError('could not load the dialog, so the visitor cannot be asked; the API still works:', error);
      });
  };

  const setLayer = (next: Layer | null) => {
    if (next === layer) return;
    const previous = layer;
    layer = next;
    if (next) ensureUi();
    for (const listener of uiListeners) listener();
    if (next) emit('open', { layer: next });
    else if (previous) emit('close', { layer: previous });
  };

  const persist = (next: ConsentState | null) => {
    try {
      if (next) store.write(encodeState(next));
      else store.remove();
    } catch (error) {
      reportError('could not store the decision; it holds for this page view only:', error);
    }
    lastValue = next ? encodeState(next) : undefined;
  };

  /** Makes `next` the decision: stored, announced, and acted upon, in that order. */
  const commit = (next: ConsentState | null, source: Source | 'reset', fromOtherTab = false) => {
    const changed = changedPurposes(state, next);
    state = next;
    if (!fromOtherTab) {
      persist(next);
      sync.announce(lastValue);
    }
    // Google tags must hear the new signals before the tags this decision allows start running.
    consentMode?.update(next);
    emit('change', { state: snapshot(), changed, source });
    releaseTags();
    setLayer(next ? null : 'banner');
  };

  const decide = (choices: Record<string, boolean>, source: Source) => {
    const purposes = choicesFor(config.purposes, (id) => hasOwn(choices, id) && choices[id] === true);
    commit(
      {
        id: state?.id ?? newConsentId(),
        decidedAt: timestamp(now()),
        revision: config.revision,
        purposes,
        lang,
        source,
      },
      source,
    );
  };

  const followOtherTab = (value?: string | null) => {
    const current = value === undefined ? store.read() : (value ?? undefined);
    if (current === lastValue) return;
    lastValue = current;
    const next = readStored(current);
    commit(next && { ...next, source: 'sync' }, next ? 'sync' : 'reset', true);
  };
  const sync = createTabSync(win, doc, (value) => {
    try {
      followOtherTab(value);
    } catch (error) {
      reportError('following another tab failed:', error);
    }
  });

  const setLanguage = (code: string) => {
    const next = toLang(code);
    if (!next) {
      warn(`setLanguage: ${show(code)} is not one of ${LANGUAGES.join(', ')}; the language stays ${lang}.`);
      return;
    }
    lang = next;
    if (state && state.lang !== next) {
      state = { ...state, lang: next };
      persist(state);
    }
    for (const listener of uiListeners) listener();
  };

  const has = (purpose: string) =>
    purpose === NECESSARY || (!!state && hasOwn(state.purposes, purpose) && state.purposes[purpose] === true);

  const on = <E extends EventName>(event: E, listener: (detail: EventDetails[E]) => void) => {
    if (!EVENTS.includes(event) || typeof listener !== 'function') {
      warn(`on: ${show(event)} is not one of ${EVENTS.join(', ')} with a function; nothing is listened to.`);
      return () => {};
    }
    const call = (detail: EventDetails[E]) => {
      try {
        listener(detail);
      } catch (error) {
        reportError(`a shopconsent:${event} listener threw:`, error);
      }
    };
    const handler = (e: Event) => call((e as CustomEvent<EventDetails[E]>).detail);
    win.addEventListener(`shopconsent:${event}`, handler);
    if (event === 'ready' && isReady) call({ state: snapshot() } as EventDetails[E]);
    return () => win.removeEventListener(`shopconsent:${event}`, handler);
  };

  const set = (choices: Record<string, boolean>) => {
    if (typeof choices !== 'object' || choices === null) {
      warn(`set: ${show(choices)} is not an object such as { analytics: true }; nothing changed.`);
      return;
    }
    const next: Record<string, boolean> = { ...(state?.purposes ?? noConsent(config.purposes)) };
    for (const [id, value] of Object.entries(choices)) {
      const problem = !policy.purposeIds.includes(id)
        ? `is not one of ${policy.purposeIds.join(', ')}`
        : typeof value !== 'boolean'
          ? `must be true or false, not ${show(value)}`
          : id === NECESSARY && !value
            ? 'cannot be switched off'
            : '';
      if (problem) warn(`set: ${id} ${problem}; ignored.`);
      else next[id] = value;
    }
    decide(next, 'api');
  };

  const api = guardMethods({
    version: VERSION,
    get: snapshot,
    has,
    on,
    open: () => setLayer('preferences'),
    close: () => setLayer(null),
    acceptAll: () => decide(allConsent(config.purposes), 'api'),
    rejectAll: () => decide(noConsent(config.purposes), 'api'),
    set,
    reset: () => commit(null, 'reset'),
    setLanguage,
  });

  const host: UiHost = {
    config,
    view: (): UiView => ({ layer, lang, state: snapshot() }),
    subscribe: (listener) => {
      uiListeners.add(listener);
      return () => uiListeners.delete(listener);
    },
    decide: (purposes, source) => decide(purposes, source),
    openPreferences: () => setLayer('preferences'),
    closePreferences: () => setLayer(state ? null : 'banner'),
    setLanguage,
  };

  /** Announces the decision (or its absence) and asks the visitor if needed. Call once `api` is reachable. */
  const start = () => {
    if (state) consentMode?.update(state);
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', releaseTags, { once: true });
    else releaseTags();
    doc.addEventListener('click', (event) => {
      const target = event.target as Element | null;
      if (target?.closest?.('[data-shopconsent="open"]')) {
        event.preventDefault();
        setLayer('preferences');
      }
    });
    isReady = true;
    emit('ready', { state: snapshot() });
    if (!state) setLayer('banner');
  };

  return { api, start };
};
