import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig, type ShopConsentConfig } from '../core/config';
import { decodeState, encodeState } from '../core/cookie-codec';
import type { DecisionStore } from '../core/decision-store';
import type { ConsentState } from '../core/state';
import { FakeChannel } from '../effects/fake-channel.testing';
import { extras } from '../extras/extras';
import { VERSION } from '../runtime/api';
import type { EventDetails, EventName, MountUi, UiHost } from '../runtime/types';
import { createWidget } from './create-widget';

const DAY = 86_400_000;
/** A whole second; the clock of every test reads 789 ms later, which a decision must drop. */
const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const STATE_KEYS = ['decidedAt', 'id', 'lang', 'purposes', 'revision', 'source'];

class MemoryStore implements DecisionStore {
  writes: string[] = [];
  removes = 0;
  constructor(public value?: string) {}
  read() {
    return this.value;
  }
  write(value: string) {
    this.value = value;
    this.writes.push(value);
  }
  remove() {
    this.value = undefined;
    this.removes++;
  }
}

const cleanups: Array<() => void> = [];

beforeEach(() => {
  FakeChannel.all = [];
  vi.stubGlobal('BroadcastChannel', FakeChannel);
  document.documentElement.removeAttribute('lang');
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('lang');
  delete (window as Window & { dataLayer?: unknown }).dataLayer;
});

/** Every `shopconsent:<name>` event the window sees during the test. */
const record = <E extends EventName>(name: E): EventDetails[E][] => {
  const details: EventDetails[E][] = [];
  const listener = (event: Event) => details.push((event as CustomEvent<EventDetails[E]>).detail);
  window.addEventListener(`shopconsent:${name}`, listener);
  cleanups.push(() => window.removeEventListener(`shopconsent:${name}`, listener));
  return details;
};

interface Setup {
  object?: ShopConsentConfig & Record<string, unknown>;
  attributes?: Partial<Record<string, string>>;
  stored?: string;
  now?: number;
  mount?: MountUi;
  loadUi?: () => Promise<MountUi>;
  loadExtras?: () => Promise<typeof extras>;
  doc?: Document;
}

const setup = ({ object = {}, attributes = {}, stored, now = NOW + 789, doc = document, ...rest }: Setup = {}) => {
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
  };
  const config = parseConfig({ consentMode: false, ...object }, attributes, 'www.shop.lv', warn);
  const store = new MemoryStore(stored);
  const mount = vi.fn<MountUi>(rest.mount ?? (() => {}));
  const loadUi = vi.fn(rest.loadUi ?? (() => Promise.resolve(mount)));
  const loadExtras = vi.fn(rest.loadExtras ?? (() => Promise.resolve(extras)));
  const events = { ready: record('ready'), change: record('change'), open: record('open'), close: record('close') };
  const { api, start } = createWidget(config, { win: window, doc, store, loadUi, loadExtras, warn, now: () => now });
  cleanups.push(() => api.close());
  return { api, start, store, mount, loadUi, loadExtras, warnings, config, events };
};

/** Lets the UI loader's promise settle. */
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

const storedState = (over: Partial<ConsentState> = {}): ConsentState => ({
  id: 'returningvisitor0001',
  decidedAt: new Date(NOW - 10 * DAY).toISOString(),
  revision: '1',
  purposes: { necessary: true, analytics: true, marketing: false },
  lang: 'lv',
  source: 'banner',
  ...over,
});

const expectStateShape = (state: ConsentState | null) => {
  expect(state).not.toBeNull();
  const s = state as ConsentState;
  expect(Object.keys(s).sort()).toEqual(STATE_KEYS);
  expect(s.id).toMatch(/^[0-9a-z]{8,32}$/);
  expect(s.decidedAt).toBe(new Date(NOW).toISOString());
  expect(s.purposes.necessary).toBe(true);
};

describe('runtime: start and the ready event', () => {
  it('announces ready with null and shows the banner when undecided', async () => {
    const { start, events, loadUi, mount, api } = setup();
    expect(events.ready).toEqual([]);
    start();
    expect(events.ready).toEqual([{ state: null }]);
    expect(events.open).toEqual([{ layer: 'banner' }]);
    expect(api.get()).toBeNull();
    expect(loadUi).toHaveBeenCalledOnce();
    await flush();
    expect(mount).toHaveBeenCalledOnce();
    const host = mount.mock.calls[0][0] as UiHost;
    expect(host.view()).toMatchObject({ layer: 'banner', state: null });
  });

  it('announces the stored decision; no banner, no dialog download', async () => {
    const stored = storedState();
    const { start, events, loadUi, api, store } = setup({ stored: encodeState(stored) });
    start();
    await flush();
    expect(events.ready).toEqual([{ state: stored }]);
    expect(api.get()).toEqual(stored);
    expect(events.open).toEqual([]);
    expect(loadUi).not.toHaveBeenCalled();
    expect(api.has('analytics')).toBe(true);
    expect(api.has('marketing')).toBe(false);
    expect(store.writes).toEqual([]);
  });

  it.each([
    ['made under another revision', storedState({ revision: '0' })],
    ['older than expiresDays', storedState({ decidedAt: new Date(NOW - 183 * DAY).toISOString() })],
    ['dated in the future', storedState({ decidedAt: new Date(NOW + 3 * DAY).toISOString() })],
    ['lacking a purpose the shop now asks about', storedState({ purposes: { necessary: true, analytics: true } })],
  ])('treats a decision %s as undecided: banner', async (_name, stored) => {
    const { start, events, loadUi, api } = setup({ stored: encodeState(stored) });
    start();
    expect(events.ready).toEqual([{ state: null }]);
    expect(api.get()).toBeNull();
    expect(api.has('analytics')).toBe(false);
    expect(events.open).toEqual([{ layer: 'banner' }]);
    expect(loadUi).toHaveBeenCalledOnce();
  });

  it.each([['garbage'], ['2|x|1|1|en|api|necessary:1'], [''], ['"quoted"']])(
    'treats a corrupt cookie %j as undecided, without throwing',
    (stored) => {
      const { start, events } = setup({ stored });
      expect(() => start()).not.toThrow();
      expect(events.ready).toEqual([{ state: null }]);
      expect(events.open).toEqual([{ layer: 'banner' }]);
    },
  );

  it('drops a stored purpose the shop no longer asks about', () => {
    const stored = storedState({ purposes: { necessary: true, analytics: true, marketing: true, legacy: true } });
    const { start, api } = setup({ stored: encodeState(stored), object: { purposes: ['analytics', 'marketing'] } });
    start();
    expect(api.get()?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(api.has('legacy')).toBe(false);
  });

  it('calls a ready listener added after start at once with the state', () => {
    const { start, api } = setup();
    start();
    const listener = vi.fn();
    api.on('ready', listener);
    expect(listener).toHaveBeenCalledExactlyOnceWith({ state: null });
  });

  it('exposes the package version', () => {
    const { api } = setup();
    expect(api.version).toBe(VERSION);
    expect(api.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

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
    const { start, events, mount } = setup();
    start();
    await flush();
    const host = mount.mock.calls[0][0] as UiHost;
    host.decide({ analytics: true, marketing: false }, 'banner');
    expect(events.change[0]).toMatchObject({ source: 'banner', state: { source: 'banner' } });
    expect(host.view().state?.purposes).toEqual({ necessary: true, analytics: true, marketing: false });
    host.decide({ analytics: true, marketing: true }, 'preferences');
    expect(events.change[1]).toMatchObject({ source: 'preferences', changed: ['marketing'] });
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

describe('runtime: listeners', () => {
  it('on() hears changes and returns an unsubscribe', () => {
    const { start, api, events } = setup();
    start();
    const listener = vi.fn();
    const off = api.on('change', listener);
    api.acceptAll();
    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0][0]).toEqual(events.change[0]);
    expect(listener.mock.calls[0][0]).toMatchObject({ source: 'api', state: api.get() });
    off();
    api.rejectAll();
    expect(listener).toHaveBeenCalledOnce();
  });

  it('a throwing listener does not stop the others and does not throw out of the API', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { start, api } = setup();
    start();
    const before = vi.fn();
    const after = vi.fn();
    cleanups.push(api.on('change', before));
    cleanups.push(
      api.on('change', () => {
        throw new Error('shop bug');
      }),
    );
    cleanups.push(api.on('change', after));
    expect(() => api.acceptAll()).not.toThrow();
    expect(before).toHaveBeenCalledOnce();
    expect(after).toHaveBeenCalledOnce();
    expect(api.has('analytics')).toBe(true);
    expect(error).toHaveBeenCalledOnce();
  });

  it('on() with an unknown event or a non-function warns and returns a harmless unsubscribe', () => {
    const { start, api, warnings } = setup();
    start();
    const off = api.on('changed' as EventName, () => {});
    expect(typeof off).toBe('function');
    expect(() => off()).not.toThrow();
    const off2 = api.on('change', 'nope' as unknown as () => void);
    expect(() => off2()).not.toThrow();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('changed');
  });
});

describe('runtime: the dialog', () => {
  it('open() and close() announce the preferences layer; the dialog is loaded once', async () => {
    const { start, api, events, loadUi, mount } = setup({ stored: encodeState(storedState()) });
    start();
    api.open();
    expect(events.open).toEqual([{ layer: 'preferences' }]);
    expect(loadUi).toHaveBeenCalledOnce();
    await flush();
    expect(mount).toHaveBeenCalledOnce();
    expect((mount.mock.calls[0][0] as UiHost).view().layer).toBe('preferences');
    api.close();
    expect(events.close).toEqual([{ layer: 'preferences' }]);
    api.close();
    expect(events.close).toHaveLength(1);
    api.open();
    api.open();
    await flush();
    expect(events.open).toEqual([{ layer: 'preferences' }, { layer: 'preferences' }]);
    expect(loadUi).toHaveBeenCalledOnce();
    expect(mount).toHaveBeenCalledOnce();
  });

  it('open() from the banner moves to the preferences without loading again', async () => {
    const { start, api, events, loadUi } = setup();
    start();
    api.open();
    await flush();
    expect(events.open).toEqual([{ layer: 'banner' }, { layer: 'preferences' }]);
    expect(loadUi).toHaveBeenCalledOnce();
  });

  it('leaving the preferences while undecided goes back to the banner', async () => {
    const { start, api, mount } = setup();
    start();
    api.open();
    await flush();
    const host = mount.mock.calls[0][0] as UiHost;
    host.closePreferences();
    expect(host.view().layer).toBe('banner');
    expect(api.get()).toBeNull();
  });

  it('an element with data-shopconsent="open" opens the preferences', () => {
    // A document of its own: runtimes of earlier tests still listen to clicks on the global one.
    const doc = document.implementation.createHTMLDocument('shop');
    const { start, events } = setup({ stored: encodeState(storedState()), doc });
    start();
    const link = doc.createElement('a');
    link.setAttribute('data-shopconsent', 'open');
    link.innerHTML = '<span>Cookie settings</span>';
    doc.body.append(link);
    link.querySelector('span')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(events.open).toEqual([{ layer: 'preferences' }]);
  });

  it('a dialog that fails to load is reported, the API still works, and the next open tries again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const mount = vi.fn();
    const loadUi = vi.fn<() => Promise<MountUi>>().mockRejectedValueOnce(new Error('404')).mockResolvedValue(mount);
    const { start, api } = setup({ loadUi });
    start();
    await flush();
    expect(error).toHaveBeenCalled();
    api.acceptAll();
    expect(api.has('marketing')).toBe(true);
    api.open();
    await flush();
    expect(loadUi).toHaveBeenCalledTimes(2);
    expect(mount).toHaveBeenCalledOnce();
  });
});

describe('runtime: language', () => {
  it('takes <html lang> in auto mode', () => {
    document.documentElement.setAttribute('lang', 'mn-MN');
    const { start, api } = setup();
    start();
    api.acceptAll();
    expect(api.get()?.lang).toBe('mn');
  });

  it('lets data-lang win over <html lang>', () => {
    document.documentElement.setAttribute('lang', 'mn');
    const { start, api } = setup({ attributes: { lang: 'ky' } });
    start();
    api.acceptAll();
    expect(api.get()?.lang).toBe('ky');
  });

  it('setLanguage switches the language the next decision records', () => {
    const { start, api, warnings } = setup();
    start();
    api.setLanguage('lv-LV');
    api.acceptAll();
    expect(api.get()?.lang).toBe('lv');
    expect(warnings).toEqual([]);
  });

  it.each([['fr'], ['xx-YY'], [''], [42]])('setLanguage(%j) warns and keeps the language', (code) => {
    const { start, api, warnings } = setup({ object: { lang: 'vi' } });
    start();
    expect(() => api.setLanguage(code as string)).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('setLanguage');
    expect(warnings[0]).toContain(String(code));
    api.acceptAll();
    expect(api.get()?.lang).toBe('vi');
  });

  /** The language the dialog would speak: the host's view, as the mounted dialog reads it. */
  const dialogLanguage = async (options: Setup) => {
    let host: UiHost | undefined;
    const { start, api } = setup({ ...options, mount: (h) => (host = h) });
    start();
    api.open();
    await flush();
    return host?.view().lang;
  };

  it('tells the dialog about a switch, so it re-renders in the new language', async () => {
    let host: UiHost | undefined;
    const { start, api } = setup({ object: { lang: 'lv' }, mount: (h) => (host = h) });
    start();
    await flush();
    const seen: string[] = [];
    host?.subscribe(() => seen.push(host?.view().lang ?? ''));
    api.setLanguage('mn');
    expect(seen).toEqual(['mn']);
  });

  it('on a later page view without <html lang>, speaks the language of the last decision', async () => {
    const stored = encodeState(storedState({ lang: 'ky' }));
    expect(await dialogLanguage({ stored })).toBe('ky');
  });

  it('remembers it from an expired or outdated decision too: the visitor is asked again in their language', async () => {
    const expired = encodeState(storedState({ lang: 'mn', decidedAt: new Date(NOW - 400 * DAY).toISOString() }));
    expect(await dialogLanguage({ stored: expired })).toBe('mn');
    const outdated = encodeState(storedState({ lang: 'vi', revision: 'old' }));
    expect(await dialogLanguage({ stored: outdated, object: { revision: 'new' } })).toBe('vi');
  });

  it('lets the page language win over the remembered one: the /en/ pages of a shop stay English', async () => {
    document.documentElement.setAttribute('lang', 'en-GB');
    expect(await dialogLanguage({ stored: encodeState(storedState({ lang: 'lv' })) })).toBe('en');
  });

  it('lets data-lang win over the remembered one', async () => {
    expect(await dialogLanguage({ stored: encodeState(storedState({ lang: 'lv' })), attributes: { lang: 'vi' } })).toBe(
      'vi',
    );
  });

  it('records the language shown when the visitor decides, and a later decision in another language replaces it', () => {
    const { start, api } = setup({ stored: encodeState(storedState({ lang: 'lv' })) });
    start();
    api.setLanguage('en');
    api.set({ marketing: true });
    expect(api.get()?.lang).toBe('en');
  });

  it("uses the shop's defaultLang when neither page nor browser names a language it speaks", async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'fr']);
    expect(await dialogLanguage({ object: { defaultLang: 'lv' } })).toBe('lv');
    expect(await dialogLanguage({ attributes: { defaultLang: 'mn' } })).toBe('mn');
    expect(await dialogLanguage({})).toBe('en');
  });

  it('takes the browser languages before the default language', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'vi-VN']);
    expect(await dialogLanguage({ object: { defaultLang: 'lv' } })).toBe('vi');
  });
});

describe('runtime: other tabs', () => {
  it('tells other tabs about each decision and a reset', () => {
    const { start, api, store } = setup();
    start();
    api.acceptAll();
    api.reset();
    const channel = FakeChannel.all.at(-1);
    expect(channel?.posted).toHaveLength(2);
    expect(decodeState(channel?.posted[0])).toMatchObject({ purposes: { analytics: true } });
    expect(channel?.posted[1]).toBeNull();
    expect(store.value).toBeUndefined();
  });

  it('follows a decision made in another tab, reporting source sync, without writing the cookie again', () => {
    const { start, api, events, store } = setup({ stored: encodeState(storedState()) });
    start();
    const other = storedState({
      decidedAt: new Date(NOW).toISOString(),
      purposes: { necessary: true, analytics: true, marketing: true },
      source: 'preferences',
    });
    store.value = encodeState(other);
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(other) } as MessageEvent);
    expect(api.get()).toEqual({ ...other, source: 'sync' });
    expect(events.change).toEqual([{ state: { ...other, source: 'sync' }, changed: ['marketing'], source: 'sync' }]);
    expect(store.writes).toEqual([]);
    expect(FakeChannel.all.at(-1)?.posted).toEqual([]);
  });

  it('a tab that is undecided follows another tab and closes its banner', () => {
    const { start, api, events } = setup();
    start();
    const other = storedState({ decidedAt: new Date(NOW).toISOString() });
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(other) } as MessageEvent);
    expect(api.get()).toEqual({ ...other, source: 'sync' });
    expect(events.close).toEqual([{ layer: 'banner' }]);
  });

  it('ignores a value from another tab that does not count here (other revision)', () => {
    const { start, api } = setup({ stored: encodeState(storedState()) });
    start();
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(storedState({ revision: '9' })) } as MessageEvent);
    expect(api.get()).toBeNull();
  });

  it('follows a reset in another tab', () => {
    const { start, api, events } = setup({ stored: encodeState(storedState()) });
    start();
    FakeChannel.all.at(-1)?.onmessage?.({ data: null } as MessageEvent);
    expect(api.get()).toBeNull();
    expect(events.change.at(-1)).toMatchObject({ state: null, source: 'reset' });
  });
});

describe('runtime: Google Consent Mode', () => {
  const isArguments = (entry: unknown) => Object.prototype.toString.call(entry) === '[object Arguments]';
  const asArray = (entry: unknown) => Array.from(entry as ArrayLike<unknown>);

  it('pushes the default at creation, before any decision, and an update on each decision', () => {
    const dataLayer: unknown[] = [];
    (window as Window & { dataLayer?: unknown[] }).dataLayer = dataLayer;
    const { start, api } = setup({ object: { consentMode: 'true' } });
    expect(dataLayer).toHaveLength(1);
    expect(isArguments(dataLayer[0])).toBe(true);
    expect(asArray(dataLayer[0]).slice(0, 2)).toEqual(['consent', 'default']);
    start();
    api.set({ analytics: true });
    expect(asArray(dataLayer[1])).toEqual([
      'consent',
      'update',
      { analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
    ]);
    expect(dataLayer[2]).toMatchObject({ event: 'shopconsent_update' });
  });

  it('repeats a stored decision as an update when the page starts', () => {
    const dataLayer: unknown[] = [];
    (window as Window & { dataLayer?: unknown[] }).dataLayer = dataLayer;
    const { start } = setup({
      object: { consentMode: true },
      stored: encodeState(storedState({ purposes: { necessary: true, analytics: false, marketing: true } })),
    });
    start();
    expect(asArray(dataLayer[1])).toEqual([
      'consent',
      'update',
      { analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
    ]);
  });

  it('stays away from a page without Google tags in auto mode', () => {
    const { start, api } = setup({ object: { consentMode: undefined } });
    start();
    api.acceptAll();
    expect((window as Window & { dataLayer?: unknown }).dataLayer).toBeUndefined();
  });
});

describe('runtime: never throws into the page', () => {
  it('answers as each method’s type says: nothing from the actions, a boolean from has(), a function from on()', () => {
    const { start, api } = setup();
    start();
    expect(api.acceptAll()).toBeUndefined();
    expect(api.set({ analytics: false })).toBeUndefined();
    expect(api.open()).toBeUndefined();
    expect(api.close()).toBeUndefined();
    expect(api.setLanguage('lv')).toBeUndefined();
    expect(api.reset()).toBeUndefined();
    expect(typeof api.on('change', () => {})).toBe('function');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hostile = {
      toString() {
        throw new Error('a key that cannot be read');
      },
    };
    api.rejectAll();
    expect(api.has(hostile as unknown as string)).toBe(false);
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0][0])).toContain('has() failed');
  });

  it('survives every method called with nonsense', () => {
    const { start, api } = setup();
    start();
    const nonsense: unknown[] = [undefined, null, 0, 'x', {}, [], () => {}, Symbol('s')];
    for (const value of nonsense) {
      for (const method of ['has', 'on', 'set', 'setLanguage'] as const) {
        expect(() => (api[method] as (...args: unknown[]) => unknown)(value, value)).not.toThrow();
      }
    }
  });
});

describe('runtime: withdrawal deletes the purpose’s cookies', () => {
  const cookieNames = () =>
    document.cookie
      .split('; ')
      .filter(Boolean)
      .map((pair) => pair.split('=')[0])
      .filter((name) => name !== 'shopconsent')
      .sort();
  const plant = () => {
    for (const name of ['_ga', '_ga_XYZ', '_fbp', '_ttp', 'cart']) {
      // biome-ignore lint/suspicious/noDocumentCookie: stands for the cookies the shop's tags set
      document.cookie = `${name}=1; path=/`;
    }
  };
  const object = {
    purposes: [
      { id: 'analytics', cookies: ['_ga', '_ga_*'] },
      { id: 'marketing', services: ['meta-pixel', 'tiktok-pixel'] },
    ],
  };
  afterEach(() => {
    for (const name of cookieNames()) {
      // biome-ignore lint/suspicious/noDocumentCookie: cleans up after the test
      document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    }
  });

  it('withdrawing one purpose deletes its cookies and keeps the others', async () => {
    const { start, api, events, loadExtras } = setup({ object });
    start();
    api.acceptAll();
    plant();
    expect(loadExtras).not.toHaveBeenCalled();
    api.set({ marketing: false });
    await flush();
    expect(cookieNames()).toEqual(['_ga', '_ga_XYZ', 'cart']);
    expect(events.change.at(-1)).toMatchObject({ changed: ['marketing'], state: { purposes: { marketing: false } } });
  });

  it('a reset withdraws everything that was granted', async () => {
    const { start, api } = setup({ object });
    start();
    api.acceptAll();
    plant();
    api.reset();
    await flush();
    expect(cookieNames()).toEqual(['cart']);
  });

  it('a withdrawal in another tab deletes the cookies here too', async () => {
    const stored = storedState({ purposes: { necessary: true, analytics: true, marketing: true } });
    const { start, api } = setup({ object, stored: encodeState(stored) });
    start();
    plant();
    const other = {
      ...stored,
      decidedAt: new Date(NOW).toISOString(),
      purposes: { ...stored.purposes, analytics: false },
    };
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(other) } as MessageEvent);
    expect(api.has('analytics')).toBe(false);
    await flush();
    expect(cookieNames()).toEqual(['_fbp', '_ttp', 'cart']);
  });

  it('deciding without withdrawing anything deletes nothing, even a refusal from undecided', async () => {
    const { start, api, loadExtras } = setup({ object });
    start();
    plant();
    api.rejectAll();
    api.set({ analytics: true });
    await flush();
    expect(cookieNames()).toEqual(['_fbp', '_ga', '_ga_XYZ', '_ttp', 'cart']);
    expect(loadExtras).not.toHaveBeenCalled();
  });

  it('a withdrawal of a purpose that lists no cookies loads nothing', async () => {
    const { start, api, loadExtras } = setup();
    start();
    api.acceptAll();
    api.rejectAll();
    await flush();
    expect(loadExtras).not.toHaveBeenCalled();
  });
});

describe('runtime: Global Privacy Control', () => {
  const withGpc = (value: unknown) => {
    Object.defineProperty(window.navigator, 'globalPrivacyControl', { value, configurable: true });
    cleanups.push(() => {
      delete (window.navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl;
    });
  };

  it('accept all, from the API or the dialog, leaves marketing off and records gpc', async () => {
    withGpc(true);
    const { start, api, events, mount } = setup();
    start();
    await flush();
    const host = mount.mock.calls[0][0] as UiHost;
    expect(host.view().gpc).toBe(true);
    host.acceptAll('banner');
    expect(api.get()).toMatchObject({
      source: 'gpc',
      purposes: { necessary: true, analytics: true, marketing: false },
    });
    expect(events.change[0]).toMatchObject({ source: 'gpc', changed: ['analytics'] });
    api.reset();
    api.acceptAll();
    expect(api.get()).toMatchObject({ source: 'gpc', purposes: { analytics: true, marketing: false } });
  });

  it('the visitor (or the shop’s code) can still switch marketing on explicitly', async () => {
    withGpc(true);
    const { start, api, mount } = setup();
    start();
    await flush();
    const host = mount.mock.calls[0][0] as UiHost;
    host.decide({ analytics: false, marketing: true }, 'preferences');
    expect(api.get()).toMatchObject({ source: 'preferences', purposes: { marketing: true } });
    api.set({ marketing: true, analytics: true });
    expect(api.get()).toMatchObject({ source: 'api', purposes: { analytics: true, marketing: true } });
  });

  it('changes nothing without the signal, or for a shop that does not ask about marketing', async () => {
    withGpc(false);
    const first = setup();
    first.start();
    first.api.acceptAll();
    expect(first.api.get()).toMatchObject({ source: 'api', purposes: { marketing: true } });

    withGpc(true);
    const second = setup({ attributes: { purposes: 'analytics' } });
    second.start();
    await flush();
    expect((second.mount.mock.calls[0][0] as UiHost).view().gpc).toBe(false);
    second.api.acceptAll();
    expect(second.api.get()).toMatchObject({ source: 'api', purposes: { necessary: true, analytics: true } });
  });

  it('leaves a decision already stored as it is', () => {
    withGpc(true);
    const stored = storedState({ purposes: { necessary: true, analytics: true, marketing: true } });
    const { start, api } = setup({ stored: encodeState(stored) });
    start();
    expect(api.has('marketing')).toBe(true);
  });
});

describe('runtime: receipts', () => {
  const beacons = () => {
    const beacon = vi.spyOn(window.navigator, 'sendBeacon').mockReturnValue(true);
    return () => beacon.mock.calls.map(([, body]) => JSON.parse(String(body)));
  };
  const flushReceipts = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('sends every decision made in this tab, withdrawals included, with the page and the shop', async () => {
    const sent = beacons();
    const { start, api } = setup({ object: { receiptUrl: 'https://collect.shop.lv/r', shop: 'MonaOK' } });
    start();
    api.acceptAll();
    api.set({ marketing: false });
    await flushReceipts();
    expect(sent()).toEqual([
      {
        format: 1,
        ...api.get(),
        source: 'api',
        purposes: { necessary: true, analytics: true, marketing: true },
        url: location.href,
        version: VERSION,
        shop: 'MonaOK',
      },
      { format: 1, ...api.get(), url: location.href, version: VERSION, shop: 'MonaOK' },
    ]);
  });

  it('sends nothing for a reset, nor for a decision another tab made (that tab sends it)', async () => {
    const sent = beacons();
    const { start, api } = setup({ object: { receiptUrl: '/r' } });
    start();
    api.rejectAll();
    api.reset();
    const other = storedState({ decidedAt: new Date(NOW).toISOString() });
    FakeChannel.all.at(-1)?.onmessage?.({ data: encodeState(other) } as MessageEvent);
    await flushReceipts();
    expect(api.get()?.source).toBe('sync');
    expect(sent().map((receipt) => receipt.source)).toEqual(['api']);
  });

  it('sends nothing without receiptUrl, and loads nothing for it', async () => {
    const sent = beacons();
    const { start, api, loadExtras } = setup();
    start();
    api.acceptAll();
    await flushReceipts();
    expect(sent()).toEqual([]);
    expect(loadExtras).not.toHaveBeenCalled();
  });

  it('keeps the receipt at once, so a page left before the sender arrived sends it on the next page view', async () => {
    const sent = beacons();
    localStorage.removeItem('shopconsent:receipts');
    const never = () => new Promise<never>(() => {});
    const first = setup({ object: { receiptUrl: '/r' }, loadExtras: never });
    first.start();
    first.api.rejectAll();
    await flushReceipts();
    expect(sent()).toEqual([]);
    first.api.close();

    const next = setup({ object: { receiptUrl: '/r' }, stored: encodeState(first.api.get() as ConsentState) });
    next.start();
    await flushReceipts();
    expect(sent()).toEqual([{ format: 1, ...first.api.get(), url: location.href, version: VERSION }]);
    expect(localStorage.getItem('shopconsent:receipts')).toBeNull();
  });

  it('offline, the receipt waits without fetching the sender, and goes out when the browser is back online', async () => {
    const sent = beacons();
    localStorage.removeItem('shopconsent:receipts');
    const onLine = vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    const { start, api, loadExtras } = setup({ object: { receiptUrl: '/r' } });
    start();
    api.acceptAll();
    await flushReceipts();
    expect(loadExtras).not.toHaveBeenCalled();
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await flushReceipts();
    expect(sent().map((receipt) => receipt.source)).toEqual(['api']);
  });

  it('a returning visitor with nothing waiting loads nothing for receipts', async () => {
    localStorage.removeItem('shopconsent:receipts');
    const { start, loadExtras } = setup({ object: { receiptUrl: '/r' }, stored: encodeState(storedState()) });
    start();
    await flushReceipts();
    expect(loadExtras).not.toHaveBeenCalled();
  });
});

describe('runtime: iframes and tags added later', () => {
  const page = (markup: string) => {
    const doc = document.implementation.createHTMLDocument('shop');
    doc.body.innerHTML = markup;
    return doc;
  };
  beforeEach(() => {
    // happy-dom loads no iframe pages and reports each attempt on stderr; a browser would load them.
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  it('"allow and load" is a decision of the visitor for that iframe’s purposes (source preferences)', async () => {
    const doc = page('<iframe id="v" data-consent="marketing" data-src="https://video.example/e/1"></iframe>');
    const { start, api, events } = setup({ doc });
    start();
    await flush();
    const placeholder = doc.querySelector('shopconsent-embed');
    expect(placeholder).not.toBeNull();
    placeholder?.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="load"]')?.click();
    expect(api.get()).toMatchObject({ source: 'preferences', purposes: { analytics: false, marketing: true } });
    expect(events.change).toEqual([{ state: api.get(), changed: ['marketing'], source: 'preferences' }]);
    expect(doc.getElementById('v')?.getAttribute('src')).toBe('https://video.example/e/1');
    await flush();
    expect(doc.querySelector('shopconsent-embed')).toBeNull();
  });

  it('keeps what the visitor granted before when an iframe asks for more', async () => {
    const doc = page('<iframe data-consent="marketing" data-src="/v"></iframe>');
    const { start, api } = setup({ doc });
    start();
    api.set({ analytics: true });
    await flush();
    doc
      .querySelector('shopconsent-embed')
      ?.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="load"]')
      ?.click();
    expect(api.get()?.purposes).toEqual({ necessary: true, analytics: true, marketing: true });
  });

  it('the placeholder’s link opens the preferences', async () => {
    const doc = page('<iframe data-consent="marketing" data-src="/v"></iframe>');
    const { start, events } = setup({ doc, stored: encodeState(storedState()) });
    start();
    await flush();
    doc
      .querySelector('shopconsent-embed')
      ?.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="preferences"]')
      ?.click();
    expect(events.open).toEqual([{ layer: 'preferences' }]);
  });

  it('follows setLanguage', async () => {
    const doc = page('<iframe data-consent="marketing" data-src="/v"></iframe>');
    const { start, api } = setup({ doc, object: { lang: 'en' } });
    start();
    await flush();
    api.setLanguage('vi');
    await flush();
    const root = doc.querySelector('shopconsent-embed')?.shadowRoot;
    expect(root?.querySelector('[role="group"]')?.getAttribute('lang')).toBe('vi');
    expect(root?.querySelector('[data-action="load"]')?.textContent).toBe('Đồng ý và tải');
  });

  it('gates a script and an iframe the page adds after it started', async () => {
    const doc = page('<p>shop</p>');
    const { start, api } = setup({ doc, stored: encodeState(storedState()) });
    start();
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<script type="text/plain" data-consent="marketing" id="late">1</script><iframe data-consent="marketing" data-src="/v"></iframe>',
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(doc.querySelector('shopconsent-embed')).not.toBeNull();
    expect(doc.getElementById('late')?.getAttribute('type')).toBe('text/plain');
    api.set({ marketing: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(doc.getElementById('late')?.getAttribute('type')).toBe('');
    expect(doc.querySelector('shopconsent-embed')).toBeNull();
  });
});
