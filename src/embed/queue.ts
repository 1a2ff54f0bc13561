import { show } from '../core/settings';
import { reportError, warn } from '../core/warn';
import type { ShopConsentApi } from '../runtime/types';

type Queued = (api: ShopConsentApi) => void;
export type QueueWindow = Window & { shopConsentQueue?: unknown };

/**
 * Runs the functions the page pushed to `window.shopConsentQueue` before we loaded, then makes `push`
 * run each new function at once, so the snippet works whether it comes before or after the tag.
 */
export const drainQueue = (win: QueueWindow, api: ShopConsentApi) => {
  const run = (fn: unknown) => {
    if (typeof fn !== 'function') {
      warn(`shopConsentQueue: ${show(fn)} is not a function; skipped.`);
      return;
    }
    try {
      (fn as Queued)(api);
    } catch (error) {
      reportError('a function in shopConsentQueue threw:', error);
    }
  };
  const existing = win.shopConsentQueue;
  const queue: unknown[] = Array.isArray(existing) ? existing : [];
  if (existing !== undefined && !Array.isArray(existing))
    warn(`shopConsentQueue: ${show(existing)} is not an array; replaced.`);
  const pending = queue.splice(0);
  queue.push = (...fns: unknown[]) => {
    fns.forEach(run);
    return queue.length;
  };
  win.shopConsentQueue = queue;
  pending.forEach(run);
};
