import { describe, expect, it, vi } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import { cleanups, drawnBanner, flush, press, setup, storedState } from '../embed/widget.testing';
import type { UiHost } from '../runtime/types';

/** A field the visitor is typing in when the banner appears. */
const focusedField = () => {
  const field = document.createElement('input');
  document.body.append(field);
  field.focus();
  cleanups.push(() => field.remove());
  return field;
};

const nextFrame = () => new Promise((done) => requestAnimationFrame(done));

const focusedInBanner = () =>
  document.getElementById('shopconsent-root')?.shadowRoot?.activeElement?.getAttribute('data-action') ??
  document.getElementById('shopconsent-root')?.shadowRoot?.activeElement?.getAttribute('data-layer');

describe('the banner the core draws', () => {
  it('takes focus in the frame after it opens and gives it back to the field once the visitor decides', async () => {
    const field = focusedField();
    const { start, api } = setup();
    start();
    await flush();
    await nextFrame();
    expect(focusedInBanner()).toBe('banner');
    press('reject-all');
    expect(drawnBanner()).toBeNull();
    expect(document.activeElement).toBe(field);
    expect(api.get()).toMatchObject({ source: 'banner', purposes: { analytics: false, marketing: false } });
  });

  it('follows a language switch, keeping focus on the button that had it', async () => {
    const { start, api } = setup({ object: { lang: 'lv' } });
    start();
    await flush();
    drawnBanner()?.querySelector<HTMLElement>('[data-action="accept-all"]')?.focus();
    api.setLanguage('mn');
    expect(drawnBanner()?.getAttribute('lang')).toBe('mn');
    expect(drawnBanner()?.querySelector('[data-action="accept-all"]')?.textContent).toBe('Бүгдийг зөвшөөрөх');
    expect(focusedInBanner()).toBe('accept-all');
    expect(document.querySelectorAll('#shopconsent-root')).toHaveLength(1);
  });

  it('goes when the shop’s code decides, and comes back after a reset', async () => {
    const { start, api } = setup();
    start();
    await flush();
    api.acceptAll();
    expect(drawnBanner()).toBeNull();
    api.reset();
    expect(drawnBanner()).not.toBeNull();
  });

  it('stays while the preferences load, and the dialog gets the focus it had before the banner', async () => {
    const field = focusedField();
    let host: UiHost | undefined;
    const { start } = setup({ mount: (h) => (host = h) });
    start();
    await flush();
    await nextFrame();
    press('preferences');
    expect(drawnBanner()).not.toBeNull();
    await flush();
    expect(drawnBanner()).toBeNull();
    expect(host?.focusOrigin).toBe(field);
  });

  it('downloads the dialog ahead once it has shown and the page is idle, once', async () => {
    const prefetchUi = vi.fn();
    const { start, api } = setup({ prefetchUi, object: { lang: 'lv' } });
    start();
    api.setLanguage('en');
    await vi.waitFor(() => expect(prefetchUi).toHaveBeenCalled(), { timeout: 3000 });
    api.setLanguage('mn');
    await new Promise((done) => setTimeout(done, 50));
    expect(prefetchUi).toHaveBeenCalledOnce();
  });

  it('downloads nothing ahead when the visitor decided before the page was idle', async () => {
    const prefetchUi = vi.fn();
    const { start } = setup({ prefetchUi });
    start();
    await flush();
    press('accept-all');
    await new Promise((done) => setTimeout(done, 1200));
    expect(prefetchUi).not.toHaveBeenCalled();
  });

  it('downloads nothing ahead while the browser is offline', async () => {
    const prefetchUi = vi.fn();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    cleanups.push(() => vi.restoreAllMocks());
    const { start } = setup({ prefetchUi });
    start();
    await new Promise((done) => setTimeout(done, 1200));
    expect(drawnBanner()).not.toBeNull();
    expect(prefetchUi).not.toHaveBeenCalled();
  });

  it('downloads nothing ahead for a returning visitor', async () => {
    const prefetchUi = vi.fn();
    const { start } = setup({ prefetchUi, stored: encodeState(storedState()) });
    start();
    await new Promise((done) => setTimeout(done, 1200));
    expect(prefetchUi).not.toHaveBeenCalled();
    expect(drawnBanner()).toBeNull();
  });
});
