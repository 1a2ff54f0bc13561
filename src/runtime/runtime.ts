import type { Config } from '../core/config';
import { decodeState, encodeState } from '../core/cookie-codec';
import type { DecisionStore } from '../core/decision-store';
import { newConsentId } from '../core/id';
import { LANGUAGES, type Lang, pageLanguage, toLang } from '../core/languages';
import { allConsent, choicesFor, grants, noConsent } from '../core/purposes';
import { show } from '../core/settings';
import { type ConsentState, changedPurposes, type Source, timestamp } from '../core/state';
import { isCurrent, narrowed } from '../core/validity';
import { guard, type Warn } from '../core/warn';
import type { Layer } from './types';

export interface RuntimeDeps {
  win: Window;
  doc: Document;
  store: DecisionStore;
  warn: Warn;
  /** The browser sends Global Privacy Control and the shop has the purpose it keeps off. */
  gpcPurpose: string | null;
  now: () => number;
}

/** Told of every new decision: what changed, who decided, and whether it came from another tab. */
export type CommitListener = (
  next: ConsentState | null,
  changed: string[],
  source: Source | 'reset',
  fromOtherTab: boolean,
) => void;
export type LayerListener = (next: Layer | null, previous: Layer | null) => void;

/**
 * Holds the decision, the dialog's layer and the language; commits a decision to the store and tells
 * subscribers. Everything the widget does about a decision is an effect subscribed here (src/effects/).
 */
export const createRuntime = (config: Config, { win, doc, store, warn, gpcPurpose, now }: RuntimeDeps) => {
  const { purposes, revision, expiresDays } = config;

  /** The stored decision if it still counts under the shop's current settings; otherwise undecided. */
  const readStored = (value: string | undefined): ConsentState | null => {
    const stored = decodeState(value);
    return stored && isCurrent(stored, revision, expiresDays, purposes, now()) ? narrowed(stored, purposes) : null;
  };

  let stored = store.read();
  let state = readStored(stored);
  let lang: Lang = pageLanguage(
    config.lang,
    doc.documentElement.getAttribute('lang'),
    // An expired or outdated decision still tells which language the visitor chose last time.
    decodeState(stored)?.lang,
    win.navigator.languages,
    config.defaultLang,
  );
  let layer: Layer | null = null;
  const commitListeners: CommitListener[] = [];
  const layerListeners: LayerListener[] = [];
  const languageListeners: (() => void)[] = [];
  const viewListeners = new Set<() => void>();
  const notify = () => {
    for (const listener of viewListeners) listener();
  };

  const setLayer = (next: Layer | null) => {
    if (next === layer) return;
    const previous = layer;
    layer = next;
    for (const listener of layerListeners) listener(next, previous);
  };

  const commit = (next: ConsentState | null, source: Source | 'reset', fromOtherTab = false) => {
    const changed = changedPurposes(state, next);
    state = next;
    if (!fromOtherTab) {
      stored = next ? encodeState(next) : undefined;
      guard('storing the decision', () => (stored ? store.write(stored) : store.remove()));
    }
    for (const listener of commitListeners) listener(next, changed, source, fromOtherTab);
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

  return {
    config,
    gpc: gpcPurpose !== null,
    get: (): ConsentState | null => (state ? { ...state, purposes: { ...state.purposes } } : null),
    has: (purpose: string) => grants(state?.purposes, purpose),
    lang: () => lang,
    layer: () => layer,
    /** The value in the store as this tab last wrote or read it. */
    stored: () => stored,
    commit,
    decide,
    setLayer,
    /** Accept all, except that a Global Privacy Control signal keeps its purpose off: then the decision is `gpc`'s. */
    acceptAll: (source: Source) =>
      decide(
        gpcPurpose ? { ...allConsent(purposes), [gpcPurpose]: false } : allConsent(purposes),
        gpcPurpose ? 'gpc' : source,
      ),
    rejectAll: (source: Source) => decide(noConsent(purposes), source),
    setLanguage: (code: string) => {
      const next = toLang(code);
      if (next) lang = next;
      else warn(`setLanguage: ${show(code)} is not one of ${LANGUAGES.join(', ')}; the language stays ${lang}.`);
      notify();
      for (const listener of languageListeners) listener();
    },
    /** Follows a value another tab stored (`undefined`: it was removed). */
    adopt: (value: string | undefined) => {
      if (value === stored) return;
      stored = value;
      const next = readStored(value);
      // A value this tab cannot use (another revision, say) while it is undecided anyway changes nothing.
      if (next || state) commit(next && { ...next, source: 'sync' }, next ? 'sync' : 'reset', true);
    },
    onCommit: (listener: CommitListener) => commitListeners.push(listener),
    onLayer: (listener: LayerListener) => layerListeners.push(listener),
    onLanguage: (listener: () => void) => languageListeners.push(listener),
    /** Any change the dialog shows: decision, layer or language. */
    onView: (listener: () => void) => {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    notify,
  };
};

export type Runtime = ReturnType<typeof createRuntime>;
