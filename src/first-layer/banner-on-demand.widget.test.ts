import { describe, expect, it, vi } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import type { Lang } from '../core/languages';
import { drawnBanner, flush, press, setup, storedState } from '../embed/widget.testing';
import type { MountUi, UiHost } from '../runtime/types';
import { bannerChunk } from './banner-chunk';
import type { BannerChunk } from './types';

/** The chunk the build makes for one language: the banner's code with that language's texts alone. */
const chunkOf = (lang: Lang): BannerChunk => ({ texts: { [lang]: bannerChunk.texts[lang] }, show: bannerChunk.show });

/** A loader whose requests the test answers when it wants, as a slow network would. */
const slowLoader = () => {
  const pending = new Map<Lang, { resolve: (chunk: BannerChunk) => void; reject: (error: Error) => void }>();
  const load = vi.fn(
    (lang: Lang) => new Promise<BannerChunk>((resolve, reject) => pending.set(lang, { resolve, reject })),
  );
  const arrive = async (lang: Lang) => {
    pending.get(lang)?.resolve(chunkOf(lang));
    await flush();
  };
  const fail = async (lang: Lang) => {
    pending.get(lang)?.reject(new Error(`shopconsent-banner-${lang}.js could not be loaded`));
    await flush();
  };
  return { load, arrive, fail };
};

const buttonText = (action: string) => drawnBanner()?.querySelector(`[data-action="${action}"]`)?.textContent;

describe('the banner’s chunk', () => {
  it('is requested once, in the visitor’s language, as soon as the widget finds no decision; the banner shows when it arrives', async () => {
    const chunks = slowLoader();
    const { start, loadUi } = setup({ object: { lang: 'ky' }, loadBanner: chunks.load });
    expect(chunks.load.mock.calls).toEqual([['ky']]);
    start();
    expect(chunks.load.mock.calls).toEqual([['ky']]);
    expect(drawnBanner()).toBeNull();
    await chunks.arrive('ky');
    expect(drawnBanner()?.getAttribute('lang')).toBe('ky');
    expect(buttonText('accept-all')).toBe('Баарына макулмун');
    expect(loadUi).not.toHaveBeenCalled();
  });

  it('is not requested for a returning visitor', async () => {
    const chunks = slowLoader();
    const { start } = setup({ stored: encodeState(storedState()), loadBanner: chunks.load });
    start();
    await flush();
    expect(chunks.load).not.toHaveBeenCalled();
  });

  it('on a language switch, the banner keeps its language until the other language’s chunk is there', async () => {
    const chunks = slowLoader();
    const { start, api } = setup({ object: { lang: 'lv' }, loadBanner: chunks.load });
    start();
    await chunks.arrive('lv');
    api.setLanguage('vi');
    expect(chunks.load.mock.calls).toEqual([['lv'], ['vi']]);
    expect(drawnBanner()?.getAttribute('lang')).toBe('lv');
    await chunks.arrive('vi');
    expect(drawnBanner()?.getAttribute('lang')).toBe('vi');
    expect(buttonText('reject-all')).toBe('Từ chối tất cả');
    // Back to a language it has: no request, at once.
    api.setLanguage('lv');
    expect(drawnBanner()?.getAttribute('lang')).toBe('lv');
    expect(chunks.load).toHaveBeenCalledTimes(2);
    expect(document.querySelectorAll('#shopconsent-root')).toHaveLength(1);
  });

  it('a visitor can decide in the first language while the second one loads', async () => {
    const chunks = slowLoader();
    const { start, api } = setup({ object: { lang: 'lv' }, loadBanner: chunks.load });
    start();
    await chunks.arrive('lv');
    api.setLanguage('mn');
    press('reject-all');
    expect(api.get()).toMatchObject({ source: 'banner', purposes: { analytics: false, marketing: false } });
    await chunks.arrive('mn');
    expect(drawnBanner()).toBeNull();
  });

  it('that cannot load is reported, and the dialog bundle draws the banner instead', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let host: UiHost | undefined;
    const mount = vi.fn<MountUi>((h) => {
      host = h;
    });
    const chunks = slowLoader();
    const { start, loadUi } = setup({ loadBanner: chunks.load, mount });
    start();
    await chunks.fail('en');
    expect(error.mock.calls[0]?.[0]).toContain('could not load the banner');
    expect(loadUi).toHaveBeenCalledOnce();
    expect(mount).toHaveBeenCalledOnce();
    expect(host?.view().layer).toBe('banner');
    expect(drawnBanner()).toBeNull();
  });

  it('that fails to draw is reported, not thrown, and the dialog bundle draws the banner instead', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken: BannerChunk = {
      texts: bannerChunk.texts,
      show: () => {
        throw new TypeError('not a function');
      },
    };
    const { start, mount } = setup({ loadBanner: () => Promise.resolve(broken) });
    start();
    await flush();
    expect(error.mock.calls[0]?.[0]).toContain('could not load the banner');
    expect(mount).toHaveBeenCalledOnce();
  });

  it('that arrives after the dialog took over draws nothing', async () => {
    const chunks = slowLoader();
    const { start, api, mount } = setup({ loadBanner: chunks.load });
    start();
    api.open();
    await flush();
    expect(mount).toHaveBeenCalledOnce();
    api.close();
    await chunks.arrive('en');
    expect(drawnBanner()).toBeNull();
  });
});
