import type { Config } from '../core/config';
import { decodeState, encodeState } from '../core/cookie-codec';
import type { DecisionStore } from '../core/decision-store';
import { newConsentId } from '../core/id';
import { LANGUAGES, type Lang, pageLanguage, toLang } from '../core/languages';
import { allConsent, choicesFor, grants, NECESSARY, noConsent } from '../core/purposes';
import { toReceipt } from '../core/receipt';
import { isRecord, show } from '../core/settings';
import { type ConsentState, changedPurposes, type Source, timestamp } from '../core/state';
import { isCurrent, narrowed } from '../core/validity';
import { reportError, type Warn } from '../core/warn';
import { createConsentMode } from '../effects/consent-mode';
import { observeGatedTags } from '../effects/gated-tags';
import { GPC_PURPOSE, hasGpc } from '../effects/gpc';
import { createIframeGate } from '../effects/iframe-gate';
import { createOutbox } from '../effects/receipt-outbox';
import { createScriptGate } from '../effects/script-gate';
import { createTabSync } from '../effects/tab-sync';
import type { EventDetails, EventName, Extras, ExtrasLoader, Layer, ShopConsentApi, UiHost, UiLoader } from './types';

declare const __SHOPCONSENT_VERSION__: string;
export const VERSION = __SHOPCONSENT_VERSION__;

export interface RuntimeDeps {
  win: Window;
  doc: Document;
  store: DecisionStore;
  loadUi: UiLoader;
  loadExtras: ExtrasLoader;
  warn: Warn;
  now?: () => number;
}

const EVENTS: readonly EventName[] = ['ready', 'change', 'open', 'close'];

/** The shop's name for a receipt: as `data-shop` gave it, when it is a usable one. */
const shopName = (value: unknown): string =>
  typeof value === 'string' && value.trim().length <= 80 ? value.trim() : '';

/** Runs `fn`; what it throws goes to the console instead of into the host page. */
const guard = <T>(what: string, fn: () => T): T | null => {
  try {
    return fn();
  } catch (error) {
    reportError(`${what} failed:`, error);
    return null;
  }
};

/**
 * The widget without its dialog: holds the decision, stores it, tells the page and other tabs, releases
 * gated tags and drives Consent Mode. Data flows one way: config → state → dialog and effects.
 */
export const createRuntime = (
  config: Config,
  { win, doc, store, loadUi, loadExtras, warn, now = Date.now }: RuntimeDeps,
) => {
  const { purposes, revision, expiresDays } = config;

  /** The stored decision if it still counts under the shop's current settings; otherwise undecided. */
  const readStored = (value: string | undefined): ConsentState | null => {
    const stored = decodeState(value);
    return stored && isCurrent(stored, revision, expiresDays, purposes, now()) ? narrowed(stored, purposes) : null;
  };

  let lastValue = store.read();
  let state = readStored(lastValue);
  let lang: Lang = pageLanguage(
    config.lang,
    doc.documentElement.getAttribute('lang'),
    // An expired or outdated decision still tells which language the visitor chose last time.
    decodeState(lastValue)?.lang,
    win.navigator.languages,
    config.defaultLang,
  );
  let layer: Layer | null = null;
  let isReady = false;
  let uiRequested = false;
  const uiListeners = new Set<() => void>();

  const emit = <E extends EventName>(name: E, detail: EventDetails[E]) => {
    win.dispatchEvent(new CustomEvent(`shopconsent:${name}`, { detail }));
  };
  const notifyUi = () => {
    for (const listener of uiListeners) listener();
  };
  const snapshot = (): ConsentState | null => (state ? { ...state, purposes: { ...state.purposes } } : null);
  const has = (purpose: string) => grants(state?.purposes, purpose);

  let extras: Promise<Extras> | undefined;
  /** Runs `use` once the extras bundle is there, loading it the first time; a failure is reported once per try. */
  const withExtras = <T>(what: string, use: (loaded: Extras) => T): Promise<T | null> => {
    if (!extras) {
      extras = loadExtras();
      extras.catch((error) => {
        extras = undefined;
        reportError(`could not load the extras, so ${what} waits:`, error);
      });
    }
    return extras.then(
      (loaded) => guard(what, () => use(loaded)),
      () => null,
    );
  };

  const consentMode = createConsentMode(win, config.consentMode);
  // Under Global Privacy Control "accept all" leaves marketing off; the visitor may still switch it on.
  const gpcLimits = hasGpc(win.navigator) && purposes.includes(GPC_PURPOSE);
  const { shop, texts } = config.settings.values;
  const { receiptUrl } = config;
  const outbox = receiptUrl ? createOutbox(win, warn) : null;
  let receipts: { flush(): void } | undefined;
  // Offline, receipts wait in the outbox without fetching the sender; `online` sends them.
  const sendReceipts = () => {
    if (win.navigator.onLine === false || !outbox?.waiting()) return;
    withExtras('sending receipts', (loaded) => {
      if (!receipts && receiptUrl && outbox) receipts = loaded.createReceipts(win, receiptUrl, outbox, warn);
      receipts?.flush();
    });
  };
  if (outbox) win.addEventListener('online', sendReceipts);
  // Only a purpose object can list cookies or services; without one, a withdrawal has nothing to delete.
  const listsCookies = (id: string) =>
    config.settings.purposeObjects.some((p) => isRecord(p) && p.id === id && (p.cookies || p.services));
  const granted = (ids: string[]) => ids.every(has);
  const gate = createScriptGate(doc, granted);
  const iframes = createIframeGate(doc, granted, (iframe, ids) =>
    withExtras('showing a placeholder', (loaded) =>
      loaded.createPlaceholder(iframe, {
        texts: () => ({ lang, texts }),
        allow: () => decide({ ...state?.purposes, ...Object.fromEntries(ids.map((id) => [id, true])) }, 'preferences'),
        openPreferences: () => setLayer('preferences'),
      }),
    ),
  );
  let buttonShown = false;
  const showButton = () => {
    if (!config.floatingButton || !state || buttonShown) return;
    buttonShown = true;
    withExtras('the floating button', (loaded) => loaded.addReopenButton(doc, config.settings, host)).then((added) => {
      buttonShown = added !== null;
    });
  };
  const releaseTags = () => {
    guard('showing gated iframes', iframes.update);
    gate.release().catch((error) => reportError('releasing gated tags failed:', error));
  };

  const setLayer = (next: Layer | null) => {
    if (next === layer) return;
    const previous = layer;
    layer = next;
    if (next && !uiRequested) {
      uiRequested = true;
      loadUi()
        .then((mount) => mount(host))
        .catch((error) => {
          uiRequested = false;
          reportError('could not load the dialog, so the visitor cannot be asked; the API still works:', error);
        });
    }
    notifyUi();
    if (next) emit('open', { layer: next });
    else if (previous) emit('close', { layer: previous });
  };

  /**
   * Makes `next` the decision: stored, announced to other tabs, Google tags and the collector; the
   * cookies of withdrawn purposes deleted; then the page told and the tags released.
   */
  const commit = (next: ConsentState | null, source: Source | 'reset', fromOtherTab?: boolean) => {
    const changed = changedPurposes(state, next);
    state = next;
    if (!fromOtherTab) {
      lastValue = next ? encodeState(next) : undefined;
      guard('storing the decision', () => (lastValue ? store.write(lastValue) : store.remove()));
      sync.announce(lastValue);
      // The tab that decided sends the receipt; a reset is no decision of the visitor's (docs/receipts.md).
      if (next && outbox) {
        guard('keeping the receipt', () =>
          outbox.add(JSON.stringify(toReceipt(next, win.location.href, VERSION, shopName(shop)))),
        );
        sendReceipts();
      }
    }
    // Google tags must hear the new signals before the tags this decision allows start running.
    consentMode?.update(next);
    // A purpose in `changed` that is not granted now was granted before: it was withdrawn.
    const withdrawn = changed.filter((id) => !grants(next?.purposes, id));
    if (withdrawn.some(listsCookies)) {
      withExtras('deleting cookies', (loaded) => loaded.deleteWithdrawn(doc, config.settings, purposes, withdrawn));
    }
    emit('change', { state: snapshot(), changed, source });
    releaseTags();
    notifyUi();
    showButton();
    setLayer(next ? null : 'banner');
  };

  const decide = (choices: Record<string, boolean>, source: Source) =>
    commit(
      {
        id: state?.id ?? newConsentId(),
        decidedAt: timestamp(now()),
        revision,
        purposes: choicesFor(purposes, (id) => grants(choices, id)),
        lang,
        source,
      },
      source,
    );

  const sync = createTabSync(doc, (value) =>
    guard('following another tab', () => {
      const current = value === undefined ? store.read() : (value ?? undefined);
      if (current === lastValue) return;
      lastValue = current;
      const next = readStored(current);
      // A value this tab cannot use (another revision, say) while it is undecided anyway changes nothing.
      if (next || state) commit(next && { ...next, source: 'sync' }, next ? 'sync' : 'reset', true);
    }),
  );

  /** Accept all, except that a Global Privacy Control signal keeps marketing off: then the decision is `gpc`'s. */
  const acceptAll = (source: Source) =>
    decide(
      gpcLimits ? { ...allConsent(purposes), [GPC_PURPOSE]: false } : allConsent(purposes),
      gpcLimits ? 'gpc' : source,
    );

  const setLanguage = (code: string) => {
    const next = toLang(code);
    if (next) lang = next;
    else warn(`setLanguage: ${show(code)} is not one of ${LANGUAGES.join(', ')}; the language stays ${lang}.`);
    notifyUi();
    guard('showing gated iframes', iframes.update);
  };

  const on = <E extends EventName>(event: E, listener: (detail: EventDetails[E]) => void) => {
    if (!EVENTS.includes(event) || typeof listener !== 'function') {
      warn(`on: ${show(event)} is not one of ${EVENTS.join(', ')} with a function; nothing is listened to.`);
      return () => {};
    }
    const call = (detail: EventDetails[E]) => guard(`a shopconsent:${event} listener`, () => listener(detail));
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
    const next: Record<string, boolean> = { ...(state?.purposes ?? noConsent(purposes)) };
    let valid = false;
    for (const [id, value] of Object.entries(choices)) {
      const problem = !purposes.includes(id)
        ? `is not one of ${purposes.join(', ')}`
        : typeof value !== 'boolean'
          ? `must be true or false, not ${show(value)}`
          : id === NECESSARY && !value
            ? 'cannot be switched off'
            : '';
      if (problem) warn(`set: ${id} ${problem}; ignored.`);
      else {
        next[id] = value;
        valid = true;
      }
    }
    // Nothing the shop's code meant could be applied: deciding anyway would answer for the visitor.
    if (valid) decide(next, 'api');
  };

  const methods = {
    get: snapshot,
    has,
    on,
    open: () => setLayer('preferences'),
    close: () => setLayer(null),
    acceptAll: () => acceptAll('api'),
    rejectAll: () => decide(noConsent(purposes), 'api'),
    set,
    reset: () => commit(null, 'reset'),
    setLanguage,
  };
  // Every public method reports what it throws to the console instead of throwing into the host page,
  // and then answers as its type says: an unsubscribe that does nothing, "not granted", "undecided".
  const failed: Partial<Record<keyof typeof methods, unknown>> = { on: () => {}, has: false, get: null };
  const api = { version: VERSION } as ShopConsentApi;
  for (const [name, method] of Object.entries(methods) as [keyof typeof methods, (...args: unknown[]) => unknown][]) {
    (api as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
      guard(`${name}()`, () => method(...args)) ?? failed[name];
  }

  const host: UiHost = {
    config,
    view: () => ({ layer, lang, state: snapshot(), gpc: gpcLimits }),
    subscribe: (listener) => {
      uiListeners.add(listener);
      return () => uiListeners.delete(listener);
    },
    decide,
    acceptAll,
    openPreferences: methods.open,
    closePreferences: () => setLayer(state ? null : 'banner'),
    setLanguage,
  };

  /** Announces the decision (or its absence) and asks the visitor if needed. Call once `api` is reachable. */
  const start = () => {
    if (state) consentMode?.update(state);
    // Tags are released once the page is parsed (an inline script may still be arriving before that);
    // from then on, tags the page adds are gated as they come.
    const watch = () => {
      releaseTags();
      observeGatedTags(doc, releaseTags);
    };
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', watch);
    else watch();
    doc.addEventListener('click', (event) => {
      if ((event.target as Element | null)?.closest?.('[data-shopconsent="open"]')) {
        event.preventDefault();
        setLayer('preferences');
      }
    });
    showButton();
    sendReceipts();
    isReady = true;
    emit('ready', { state: snapshot() });
    // A queued open() already showed the preferences; the banner waits behind them.
    if (!state && !layer) setLayer('banner');
  };

  return { api, start };
};
