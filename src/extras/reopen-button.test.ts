import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../locales/en.json';
import ky from '../../locales/ky.json';
import lv from '../../locales/lv.json';
import mn from '../../locales/mn.json';
import vi_ from '../../locales/vi.json';
import { parseConfig } from '../core/config';
import type { Lang } from '../core/languages';
import type { ConsentState } from '../core/state';
import { FakeChannel } from '../effects/fake-channel.testing';
import { createWidget } from '../embed/create-widget';
import { bannerChunk } from '../first-layer/banner-chunk';
import type { UiHost, UiView } from '../runtime/types';
import { extras } from './extras';
import { addReopenButton } from './reopen-button';

const DECIDED: ConsentState = {
  id: 'returningvisitor0001',
  decidedAt: '2026-02-01T10:00:00.000Z',
  revision: '1',
  purposes: { necessary: true, analytics: false, marketing: false },
  lang: 'ky',
  source: 'banner',
};

/** A widget as the button sees it: a view that the test changes, and listeners to tell. */
const fakeHost = (view: Partial<UiView> = {}) => {
  let current: UiView = { layer: null, lang: 'en', state: DECIDED, gpc: false, ...view };
  const listeners = new Set<() => void>();
  const host = {
    view: () => current,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as UiHost;
  const change = (next: Partial<UiView>) => {
    current = { ...current, ...next };
    for (const listener of listeners) listener();
  };
  return { host, change };
};

const add = (object: Record<string, unknown>, view = {}) => {
  const { settings } = parseConfig(object, {}, 'www.shop.lv', () => {});
  const fake = fakeHost(view);
  addReopenButton(document, settings, fake.host);
  return fake;
};

const element = () => document.querySelector('shopconsent-reopen');
const button = () => element()?.shadowRoot?.querySelector('button') ?? null;

afterEach(() => {
  for (const node of document.querySelectorAll('shopconsent-reopen')) node.remove();
});

describe('addReopenButton', () => {
  it('adds the button in an open shadow root once decided', () => {
    add({ floatingButton: true });
    expect(element()?.parentNode).toBe(document.body);
    expect(element()?.shadowRoot?.mode).toBe('open');
    expect(button()?.type).toBe('button');
  });
});

describe('addReopenButton: when it is there', () => {
  it('is there only while the visitor has decided', () => {
    const { change } = add({ floatingButton: true }, { state: null, layer: 'banner' });
    expect(element()).toBeNull();
    change({ state: DECIDED, layer: null });
    expect(element()?.isConnected).toBe(true);
    change({ state: null, layer: 'banner' });
    expect(element()).toBeNull();
    change({ state: DECIDED, layer: null });
    expect(document.querySelectorAll('shopconsent-reopen')).toHaveLength(1);
  });

  it('is an opener the runtime already listens for', () => {
    add({ floatingButton: true });
    expect(element()?.getAttribute('data-shopconsent')).toBe('open');
  });
});

describe('addReopenButton: its name', () => {
  const LABELS: Record<Lang, string> = {
    en: en.reopen.label,
    mn: mn.reopen.label,
    ky: ky.reopen.label,
    vi: vi_.reopen.label,
    lv: lv.reopen.label,
  };

  it.each(Object.entries(LABELS))('is the %s label of the locale file, with lang set', (lang, label) => {
    add({ floatingButton: true }, { lang });
    expect(button()?.title).toBe(label);
    expect(button()?.lang).toBe(lang);
  });

  it('follows a change of language', () => {
    const { change } = add({ floatingButton: true }, { lang: 'lv' });
    change({ lang: 'mn' });
    expect(button()?.title).toBe(mn.reopen.label);
  });

  it("takes the shop's texts[lang]['reopen.label'], region tags included, for that language only", () => {
    const texts = { 'lv-LV': { 'reopen.label': 'Sīkdatnes' }, mn: { 'banner.title': 'X' } };
    const { change } = add({ floatingButton: true, texts }, { lang: 'lv' });
    expect(button()?.title).toBe('Sīkdatnes');
    change({ lang: 'mn' });
    expect(button()?.title).toBe(mn.reopen.label);
  });

  it.each([[''], ['   '], [7], [null]])('ignores an override %j that is not a text', (label) => {
    add({ floatingButton: true, texts: { en: { 'reopen.label': label } } });
    expect(button()?.title).toBe(en.reopen.label);
  });
});

describe('addReopenButton inside the runtime', () => {
  beforeEach(() => {
    FakeChannel.all = [];
    vi.stubGlobal('BroadcastChannel', FakeChannel);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const runtime = (object: Record<string, unknown> = { floatingButton: true }, attributes = {}) => {
    const warnings: string[] = [];
    const config = parseConfig({ consentMode: false, ...object }, attributes, 'www.shop.lv', (message) => {
      warnings.push(message);
    });
    let value: string | undefined;
    const store = {
      read: () => value,
      write: (next: string) => {
        value = next;
      },
      remove: () => {
        value = undefined;
      },
    };
    const loadExtras = vi.fn(() => Promise.resolve(extras));
    const { api, start } = createWidget(config, {
      win: window,
      doc: document,
      store,
      loadUi: () => Promise.resolve(vi.fn()),
      loadBanner: () => Promise.resolve(bannerChunk),
      loadExtras,
      warn: (message) => {
        warnings.push(message);
      },
    });
    start();
    return { api, warnings, loadExtras };
  };
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('appears on a decision made through the API, and goes on reset', async () => {
    const { api } = runtime();
    await flush();
    expect(element()).toBeNull();
    api.rejectAll();
    await flush();
    expect(element()).not.toBeNull();
    api.reset();
    expect(element()).toBeNull();
    api.close();
  });

  it.each([
    [{ floatingButton: true }, {}],
    [{}, { floatingButton: 'true' }],
  ])('is on for %j / attributes %j, silently', async (object, attributes) => {
    const { api, warnings } = runtime(object, attributes);
    api.acceptAll();
    await flush();
    expect(element()?.isConnected).toBe(true);
    expect(warnings).toEqual([]);
    api.close();
  });

  it.each([[{}], [{ floatingButton: false }], [{ floatingButton: 'false' }], [{ floatingButton: '' }]])(
    'is off for %j, silently, and nothing is loaded for it',
    async (object) => {
      const { api, warnings, loadExtras } = runtime(object);
      api.acceptAll();
      await flush();
      expect(element()).toBeNull();
      expect(warnings).toEqual([]);
      expect(loadExtras).not.toHaveBeenCalled();
      api.close();
    },
  );

  it.each([['yes'], ['1'], ['TRUE']])(
    'warns once about data-floating-button="%s", naming it, and adds nothing',
    async (value) => {
      const { api, warnings } = runtime({}, { floatingButton: value });
      api.acceptAll();
      await flush();
      expect(element()).toBeNull();
      expect(warnings).toEqual([`data-floating-button: ${JSON.stringify(value)} is not true or false; using false.`]);
      api.close();
    },
  );

  it('names floatingButton when the config object has the bad value', () => {
    const { api, warnings } = runtime({ floatingButton: 'on' });
    expect(warnings).toEqual(['floatingButton: "on" is not true or false; using false.']);
    api.close();
  });
});
