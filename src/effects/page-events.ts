import { show } from '../core/settings';
import { guard, type Warn } from '../core/warn';
import type { Runtime } from '../runtime/runtime';
import type { EventDetails, EventName } from '../runtime/types';

const EVENTS: readonly EventName[] = ['ready', 'change', 'open', 'close'];

/**
 * Tells the page as `shopconsent:<name>` events on the window: `change` on every decision, `open` and
 * `close` with the dialog's layer, `ready` once at start. `listen` is `ShopConsent.on`.
 */
export const announceToPage = (rt: Runtime, win: Window, warn: Warn) => {
  let isReady = false;
  const emit = <E extends EventName>(name: E, detail: EventDetails[E]) => {
    win.dispatchEvent(new CustomEvent(`shopconsent:${name}`, { detail }));
  };
  rt.onCommit((_next, changed, source) => emit('change', { state: rt.get(), changed, source }));
  rt.onLayer((next, previous) => {
    if (next) emit('open', { layer: next });
    else if (previous) emit('close', { layer: previous });
  });
  return {
    ready: () => {
      isReady = true;
      emit('ready', { state: rt.get() });
    },
    listen: <E extends EventName>(event: E, listener: (detail: EventDetails[E]) => void) => {
      if (!EVENTS.includes(event) || typeof listener !== 'function') {
        warn(`on: ${show(event)} is not one of ${EVENTS.join(', ')} with a function; nothing is listened to.`);
        return () => {};
      }
      const call = (detail: EventDetails[E]) => guard(`a shopconsent:${event} listener`, () => listener(detail));
      const handler = (e: Event) => call((e as CustomEvent<EventDetails[E]>).detail);
      win.addEventListener(`shopconsent:${event}`, handler);
      if (event === 'ready' && isReady) call({ state: rt.get() } as EventDetails[E]);
      return () => win.removeEventListener(`shopconsent:${event}`, handler);
    },
  };
};
