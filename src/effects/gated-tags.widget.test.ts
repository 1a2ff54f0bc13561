import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeState } from '../core/cookie-codec';
import { flush, setup, storedState } from '../embed/widget.testing';

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
