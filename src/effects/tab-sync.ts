import type { DecisionStore } from '../core/decision-store';
import { guard } from '../core/warn';
import type { Runtime } from '../runtime/runtime';

const CHANNEL = 'shopconsent';

/**
 * Tells other tabs of this shop about a new decision, and hears theirs. BroadcastChannel reaches tabs of
 * the same origin at once; tabs on another subdomain sharing the cookie catch up when they are shown,
 * the moment the visitor could notice. The listener gets the new cookie value, `null` when the
 * decision was forgotten, or nothing when it should read the cookie itself.
 */
export const createTabSync = (doc: Document, onRemoteChange: (value?: string | null) => void) => {
  let channel: BroadcastChannel | null = null;
  try {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  } catch {
    channel = null;
  }
  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      const value: unknown = event.data;
      if (value === null || typeof value === 'string') onRemoteChange(value);
    };
  }
  const recheck = () => {
    if (doc.visibilityState !== 'hidden') onRemoteChange();
  };
  doc.addEventListener('visibilitychange', recheck);
  return {
    announce(value: string | undefined) {
      channel?.postMessage(value ?? null);
    },
  };
};

/** Announces this tab's decisions to the others and follows theirs. */
export const syncTabs = (rt: Runtime, doc: Document, store: DecisionStore) => {
  const sync = createTabSync(doc, (value) =>
    guard('following another tab', () => rt.adopt(value === undefined ? store.read() : (value ?? undefined))),
  );
  rt.onCommit((_next, _changed, _source, fromOtherTab) => {
    if (!fromOtherTab) sync.announce(rt.stored());
  });
};
