import type { Warn } from '../core/warn';
import type { Outbox } from './receipt-outbox';

/**
 * Sends the receipts waiting in the outbox, each as a string with `navigator.sendBeacon`: a
 * `text/plain;charset=UTF-8` body is a CORS-safelisted request, so a collector on another origin gets it
 * with no preflight, and the browser delivers it even if the page is closed right after. Where the
 * beacon is refused, a keepalive `fetch` in `no-cors` mode sends the same request. A receipt that could
 * not be handed to the network (offline, beacon and fetch refused) goes back to the outbox and out,
 * oldest first, with the next flush. Nothing here throws.
 */
export const createReceipts = (win: Window, url: string, outbox: Outbox, warn: Warn) => {
  let queue: Promise<unknown> = Promise.resolve();
  const keep = (body: string) => {
    if (!outbox.add(body))
      warn('receiptUrl: a receipt could not be sent and storage is blocked; it waits for this page view only.');
  };

  /** Resolves true once the receipt is on its way; false if it could not even leave the browser. */
  const post = (body: string): Promise<boolean> => {
    if (win.navigator.onLine === false) return Promise.resolve(false);
    try {
      if (win.navigator.sendBeacon(url, body)) return Promise.resolve(true);
    } catch {
      // a browser without beacons, or one that throws for this address: fetch below
    }
    return win.fetch(url, { method: 'POST', body, keepalive: true, mode: 'no-cors' }).then(
      () => true,
      () => false,
    );
  };
  // One at a time, in the order the decisions were made.
  const deliver = (body: string) => {
    queue = queue
      .then(() => post(body))
      .then((sent) => sent || keep(body))
      .catch(() => keep(body));
  };
  // The core calls it on each decision, at start and when the browser is back online.
  const flush = () => {
    if (win.navigator.onLine !== false) outbox.take().forEach(deliver);
  };
  return { flush };
};
