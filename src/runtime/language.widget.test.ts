import { describe, expect, it, vi } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import { DAY, flush, NOW, type Setup, setup, storedState } from '../embed/widget.testing';
import type { UiHost } from './types';

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
    api.open();
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
