import { describe, expect, it, vi } from 'vitest';
import { decodeState, encodeState } from '../core/cookie-codec';
import type { ConsentState } from '../core/state';
import { flush, NOW, press, setup, storedState } from '../embed/widget.testing';
import type { UiHost } from './types';

const STATE_KEYS = ['decidedAt', 'id', 'lang', 'purposes', 'revision', 'source'];

const expectStateShape = (state: ConsentState | null) => {
  expect(state).not.toBeNull();
  const s = state as ConsentState;
  expect(Object.keys(s).sort()).toEqual(STATE_KEYS);
  expect(s.id).toMatch(/^[0-9a-z]{8,32}$/);
  expect(s.decidedAt).toBe(new Date(NOW).toISOString());
  expect(s.purposes.necessary).toBe(true);
};

describe('runtime: decisions', () => {
  it('acceptAll gives the §9 state, stores it and announces the change', () => {
    const { start, api, events, store } = setup();
    start();
    api.acceptAll();
    const state = api.get();
    expectStateShape(state);
    expect(state).toMatchObject({
      revision: '1',
      purposes: { necessary: true, analytics: true, marketing: true },
      lang: 'en',
      source: 'api',
    });
    expect(decodeState(store.value)).toEqual(state);
    expect(events.change).toHaveLength(1);
    expect(events.change[0]).toEqual({ state, changed: ['analytics', 'marketing'], source: 'api' });
  });

  it('rejectAll refuses everything but necessary; from undecided nothing a tag can see changed', () => {
    const { start, api, events, store } = setup();
    start();
    api.rejectAll();
    const state = api.get();
    expectStateShape(state);
    expect(state?.purposes).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(decodeState(store.value)).toEqual(state);
    expect(events.change).toEqual([{ state, changed: [], source: 'api' }]);
  });

  it('necessary never appears in changed: it is granted before, during and after every decision', () => {
    const { start, api, events } = setup();
    start();
    expect(api.has('necessary')).toBe(true);
    api.acceptAll();
    api.reset();
    api.set({ analytics: true });
    for (const { changed } of events.change) expect(changed).not.toContain('necessary');
  });

  it('lists only the purposes that changed', () => {
    const { start, api, events } = setup();
    start();
    api.rejectAll();
    api.set({ marketing: true });
    api.acceptAll();
    api.acceptAll();
    api.set({ analytics: false, marketing: false });
    expect(events.change.slice(1).map((d) => d.changed)).toEqual([
      ['marketing'],
      ['analytics'],
      [],
      ['analytics', 'marketing'],
    ]);
  });

  it('keeps the consent id across later decisions', () => {
    const { start, api } = setup();
    start();
    api.acceptAll();
    const id = api.get()?.id;
    api.rejectAll();
    api.set({ analytics: true });
    expect(api.get()?.id).toBe(id);
  });

  it('keeps the id of a stored decision', () => {
    const { start, api } = setup({ stored: encodeState(storedState()) });
    start();
    api.rejectAll();
    expect(api.get()?.id).toBe('returningvisitor0001');
  });

  it('uses the configured revision and custom purposes', () => {
    const { start, api } = setup({
      object: { revision: '2026-05', purposes: ['analytics', { id: 'personalization', label: 'Personal' }] },
    });
    start();
    api.acceptAll();
    expect(api.get()).toMatchObject({
      revision: '2026-05',
      purposes: { necessary: true, analytics: true, personalization: true },
    });
    expect(Object.keys(api.get()?.purposes ?? {})).toEqual(['necessary', 'analytics', 'personalization']);
  });

  it('set() changes the purposes named and keeps the others', () => {
    const { start, api, events } = setup();
    start();
    api.set({ analytics: true });
    expect(api.get()?.purposes).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(events.change[0]).toMatchObject({ state: api.get(), source: 'api' });
    api.set({ marketing: true });
    expect(events.change[1]).toEqual({ state: api.get(), changed: ['marketing'], source: 'api' });
    expect(api.get()?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(api.has('analytics')).toBe(true);
  });

  it('set() warns about and ignores an unknown purpose, a non-boolean and necessary:false', () => {
    const { start, api, warnings } = setup();
    start();
    api.set({ analytics: true, tracking: true, marketing: 'yes' as unknown as boolean, necessary: false });
    expect(api.get()?.purposes).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(warnings).toHaveLength(3);
    expect(warnings.some((w) => w.includes('tracking'))).toBe(true);
    expect(warnings.some((w) => w.includes('marketing') && w.includes('"yes"'))).toBe(true);
    expect(warnings.some((w) => w.includes('necessary'))).toBe(true);
    expect(api.has('necessary')).toBe(true);
  });

  it('set() with nothing valid in it records no decision for the visitor', () => {
    const { start, api, events, store, warnings } = setup();
    start();
    api.set({ tracking: true });
    api.set({ necessary: false });
    expect(warnings).toHaveLength(2);
    expect(api.get()).toBeNull();
    expect(store.value).toBeUndefined();
    expect(events.change).toEqual([]);
  });

  it.each([[null], ['analytics'], [42], [undefined]])('set(%j) warns and changes nothing', (value) => {
    const { start, api, events, warnings } = setup();
    start();
    expect(() => api.set(value as unknown as Record<string, boolean>)).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(events.change).toEqual([]);
    expect(api.get()).toBeNull();
  });

  it('reset() forgets the decision, removes the cookie and asks again', () => {
    const { start, api, events, store } = setup();
    start();
    api.acceptAll();
    api.reset();
    expect(api.get()).toBeNull();
    expect(store.value).toBeUndefined();
    expect(store.removes).toBe(1);
    expect(events.change[1]).toEqual({ state: null, changed: ['analytics', 'marketing'], source: 'reset' });
    expect(api.has('analytics')).toBe(false);
    expect(api.has('necessary')).toBe(true);
    expect(events.open.at(-1)).toEqual({ layer: 'banner' });
  });

  it('has() is false for unknown purposes and true for necessary even undecided', () => {
    const { start, api } = setup();
    start();
    expect(api.has('necessary')).toBe(true);
    expect(api.has('analytics')).toBe(false);
    api.acceptAll();
    expect(api.has('tracking')).toBe(false);
    expect(api.has('constructor')).toBe(false);
  });

  it('get() returns a copy the page cannot use to change the decision', () => {
    const { start, api } = setup();
    start();
    api.rejectAll();
    const copy = api.get() as ConsentState;
    copy.purposes.marketing = true;
    copy.revision = 'hacked';
    expect(api.has('marketing')).toBe(false);
    expect(api.get()?.revision).toBe('1');
  });

  it('a change detail is a copy too', () => {
    const { start, api, events } = setup();
    start();
    api.rejectAll();
    (events.change[0].state as ConsentState).purposes.analytics = true;
    expect(api.has('analytics')).toBe(false);
  });

  it('deciding from the banner closes it', () => {
    const { start, api, events } = setup();
    start();
    api.acceptAll();
    expect(events.close).toEqual([{ layer: 'banner' }]);
  });

  it('takes the source from the dialog layer the visitor used', async () => {
    const { start, events, mount, api } = setup();
    start();
    await flush();
    press('reject-all');
    expect(events.change[0]).toMatchObject({ source: 'banner', state: { source: 'banner' } });
    expect(api.get()?.purposes).toEqual({ necessary: true, analytics: false, marketing: false });
    api.open();
    await flush();
    const host = mount.mock.calls[0][0] as UiHost;
    host.decide({ analytics: true, marketing: false }, 'preferences');
    expect(events.change[1]).toMatchObject({ source: 'preferences', changed: ['analytics'] });
    host.decide({ analytics: true, marketing: true }, 'preferences');
    expect(events.change[2]).toMatchObject({ source: 'preferences', changed: ['marketing'] });
    expect(host.view().state?.source).toBe('preferences');
  });

  it('still works when the cookie cannot be written', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { start, api, store, events } = setup();
    store.write = () => {
      throw new Error('cookies blocked');
    };
    start();
    expect(() => api.acceptAll()).not.toThrow();
    expect(api.has('analytics')).toBe(true);
    expect(events.change).toHaveLength(1);
    expect(error).toHaveBeenCalled();
  });
});
