import type { ConsentState } from '../core/state';
import type { Warn } from '../core/warn';

/** Where receipts that could not be sent wait for the next page view. */
export const PENDING_KEY = 'shopconsent:receipts';
/** Receipts kept at most; about 300 bytes each, so a full queue is a few kB of localStorage. */
export const MAX_PENDING = 20;

/** Format 1 of docs/schema/receipt.schema.json. */
export interface Receipt extends Omit<ConsentState, 'source'> {
  format: 1;
  source: Exclude<ConsentState['source'], 'sync'>;
  url: string;
  version: string;
  shop?: string;
}

export const toReceipt = (state: ConsentState, page: string, version: string, shop: string): Receipt => ({
  format: 1,
  id: state.id,
  decidedAt: state.decidedAt,
  revision: state.revision,
  purposes: { ...state.purposes },
  lang: state.lang,
  source: state.source as Receipt['source'],
  url: page.split('#')[0].slice(0, 2048),
  version,
  ...(shop ? { shop } : {}),
});

/**
 * Sends each receipt as a string with `navigator.sendBeacon`: a `text/plain;charset=UTF-8` body is a
 * CORS-safelisted request, so a collector on another origin gets it with no preflight, and the browser
 * delivers it even if the page is closed right after. Where the beacon is refused, a keepalive `fetch`
 * in `no-cors` mode sends the same request. A receipt that could not be handed to the network (offline,
 * beacon and fetch refused) waits in localStorage and goes out, oldest first, on the next page view or
 * when the browser is back online. Nothing here throws: storage may be blocked (Safari private mode).
 */
export const createReceipts = (win: Window, url: string, warn: Warn) => {
  let queue: Promise<unknown> = Promise.resolve();

  const storage = (): Storage | null => {
    try {
      return win.localStorage;
    } catch {
      return null;
    }
  };
  // One receipt a line (JSON never contains a raw line break): a JSON array of them would depend on
  // Array.prototype.toJSON, which old libraries such as Prototype.js replace.
  const pending = (): string[] => {
    try {
      return (storage()?.getItem(PENDING_KEY) ?? '')
        .split('\n')
        .filter((line) => line.startsWith('{') && line.endsWith('}'));
    } catch {
      return [];
    }
  };
  const store = (list: string[]) => {
    try {
      const local = storage();
      if (list.length) local?.setItem(PENDING_KEY, list.join('\n'));
      else local?.removeItem(PENDING_KEY);
      return !!local;
    } catch {
      return false;
    }
  };
  const keep = (body: string) => {
    const list = [...pending(), body];
    if (list.length > MAX_PENDING) {
      warn(`receiptUrl: more than ${MAX_PENDING} receipts could not be sent; the oldest is dropped.`);
      list.splice(0, list.length - MAX_PENDING);
    }
    if (!store(list)) warn('receiptUrl: a receipt could not be sent and storage is blocked; it is lost.');
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
  const retry = () => {
    const list = pending();
    if (list.length === 0 || win.navigator.onLine === false) return;
    store([]);
    list.forEach(deliver);
  };
  win.addEventListener('online', retry);
  // Before any decision of this page view, so that the oldest receipts still go first.
  retry();

  return { send: (receipt: Receipt) => deliver(JSON.stringify(receipt)) };
};
