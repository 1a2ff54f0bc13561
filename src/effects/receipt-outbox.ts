import type { Warn } from '../core/warn';
import type { Outbox } from '../runtime/types';

/** Where receipts wait until they are sent; they outlive the page view. */
export const PENDING_KEY = 'shopconsent:receipts';
/** Receipts kept at most; about 300 bytes each, so a full outbox is a few kB of localStorage. */
export const MAX_PENDING = 20;

export type { Outbox };

/**
 * Receipts waiting to be sent, in localStorage, one JSON text a line (JSON never holds a raw line
 * break; a JSON array of them would depend on Array.prototype.toJSON, which old libraries such as
 * Prototype.js replace). A decision's receipt goes here first, at once, and the sender (in the extras
 * bundle) takes it from here: a page left before the sender arrived sends it on the next page view.
 * Nothing here throws; with storage blocked (Safari private mode) receipts wait in memory.
 */
export const createOutbox = (win: Window, warn: Warn): Outbox => {
  let memory: string[] = [];
  const storage = (): Storage | null => {
    try {
      return win.localStorage;
    } catch {
      return null;
    }
  };
  const read = (): string[] => {
    try {
      return (storage()?.getItem(PENDING_KEY) ?? '')
        .split('\n')
        .filter((line) => line.startsWith('{') && line.endsWith('}'));
    } catch {
      return [];
    }
  };
  const write = (list: string[]): boolean => {
    try {
      const local = storage();
      if (list.length) local?.setItem(PENDING_KEY, list.join('\n'));
      else local?.removeItem(PENDING_KEY);
      return !!local;
    } catch {
      return false;
    }
  };
  return {
    add(body) {
      const list = [...read(), body];
      if (list.length > MAX_PENDING) {
        warn(`receiptUrl: more than ${MAX_PENDING} receipts could not be sent; the oldest is dropped.`);
        list.splice(0, list.length - MAX_PENDING);
      }
      if (write(list)) return true;
      memory.push(body);
      return false;
    },
    take() {
      const list = [...read(), ...memory];
      memory = [];
      write([]);
      return list;
    },
    waiting: () => memory.length > 0 || read().length > 0,
  };
};
