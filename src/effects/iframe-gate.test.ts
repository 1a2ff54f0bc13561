import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../core/languages';
import { createPlaceholder } from '../extras/embed-placeholder';
import { createIframeGate } from './iframe-gate';

beforeEach(() => {
  // happy-dom loads no iframe pages and reports each attempt on stderr; a browser would load them.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

const setup = (markup: string, grantedAtFirst: string[] = []) => {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html');
  const granted = new Set(grantedAtFirst);
  let lang: Lang = 'en';
  const allow = vi.fn();
  const openPreferences = vi.fn();
  // The placeholder is made at once, as the loaded extras make it.
  const gate = createIframeGate(
    doc,
    (ids) => ids.every((id) => granted.has(id)),
    (iframe, ids) =>
      Promise.resolve(
        createPlaceholder(iframe, {
          texts: () => ({ lang, texts: { lv: { 'embed.load': 'Rādīt video' } } }),
          allow: () => allow(ids),
          openPreferences,
        }),
      ),
  );
  const placeholders = () => Array.from(doc.querySelectorAll('shopconsent-embed'));
  const shadow = (index = 0) => placeholders()[index]?.shadowRoot as ShadowRoot;
  return {
    doc,
    gate,
    granted,
    allow,
    openPreferences,
    placeholders,
    shadow,
    setLang: (next: Lang) => {
      lang = next;
    },
    iframe: (id: string) => doc.getElementById(id) as HTMLIFrameElement,
  };
};

/** Lets the placeholders' promises settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const VIDEO =
  '<iframe id="video" width="560" height="315" title="Our new shop" data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/abc"></iframe>';

describe('createIframeGate', () => {
  it('holds an iframe back while its purpose is not granted: no src, hidden, a placeholder before it', () => {
    const { gate, iframe, placeholders, shadow } = setup(VIDEO);
    gate.update();
    expect(iframe('video').hasAttribute('src')).toBe(false);
    expect(iframe('video').style.getPropertyValue('display')).toBe('none');
    expect(placeholders()).toHaveLength(1);
    expect(placeholders()[0].nextElementSibling).toBe(iframe('video'));
    const box = shadow().querySelector('[role="group"]');
    expect(box?.getAttribute('aria-label')).toBe('Our new shop');
    expect(box?.getAttribute('lang')).toBe('en');
    expect(shadow().querySelector('p')?.textContent).toBe(
      'This content from www.youtube-nocookie.com uses cookies. It loads once you allow them in our shop.',
    );
    expect(
      Array.from(shadow().querySelectorAll('button')).map((b) => [b.dataset.action, b.textContent, b.type]),
    ).toEqual([
      ['load', 'Allow and load', 'button'],
      ['preferences', 'Privacy settings', 'button'],
    ]);
  });

  it('sizes the placeholder like the iframe, and never with a style attribute a strict CSP would refuse', () => {
    const { gate, placeholders, doc } = setup(
      `${VIDEO}<iframe id="wide" width="100%" height="240" data-consent="marketing" data-src="/map"></iframe><iframe id="bare" data-consent="marketing" data-src="/x"></iframe>`,
    );
    gate.update();
    const [video, wide, bare] = placeholders() as HTMLElement[];
    expect([video.style.width, video.style.height]).toEqual(['560px', '315px']);
    expect([wide.style.width, wide.style.height]).toEqual(['100%', '240px']);
    expect([bare.style.width, bare.style.height]).toEqual(['300px', '150px']);
    expect(video.style.getPropertyPriority('width')).toBe('important');
    expect(doc.querySelectorAll('style')).toHaveLength(0);
    expect(video.shadowRoot?.querySelectorAll('style, [style]')).toHaveLength(0);
  });

  it('"Allow and load" asks for exactly the purposes that iframe needs; the link opens the preferences', () => {
    const { gate, shadow, allow, openPreferences } = setup(
      '<iframe data-consent="analytics marketing" data-src="/both"></iframe>',
    );
    gate.update();
    shadow().querySelector<HTMLButtonElement>('[data-action="load"]')?.click();
    expect(allow).toHaveBeenCalledExactlyOnceWith(['analytics', 'marketing']);
    shadow().querySelector<HTMLButtonElement>('[data-action="preferences"]')?.click();
    expect(openPreferences).toHaveBeenCalledOnce();
  });

  it('loads data-src once allowed, removing the placeholder and showing the iframe as the shop styled it', async () => {
    const { gate, granted, iframe, placeholders } = setup(VIDEO.replace('<iframe', '<iframe style="display: block"'));
    gate.update();
    granted.add('marketing');
    gate.update();
    gate.update();
    await settle();
    expect(iframe('video').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(iframe('video').getAttribute('data-src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(iframe('video').style.getPropertyValue('display')).toBe('block');
    expect(iframe('video').style.getPropertyPriority('display')).toBe('');
    expect(placeholders()).toHaveLength(0);
  });

  it('loads at once for a visitor who granted it, with no placeholder at all', () => {
    const { gate, iframe, placeholders } = setup(VIDEO, ['marketing']);
    gate.update();
    expect(iframe('video').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(placeholders()).toHaveLength(0);
  });

  it('unloads the iframe again when its purpose is withdrawn', () => {
    const { gate, granted, iframe, placeholders } = setup(VIDEO, ['marketing']);
    gate.update();
    granted.delete('marketing');
    gate.update();
    expect(iframe('video').hasAttribute('src')).toBe(false);
    expect(placeholders()).toHaveLength(1);
  });

  it('speaks the current language, and takes the shop’s own texts', async () => {
    const { gate, shadow, setLang } = setup(VIDEO);
    gate.update();
    setLang('lv');
    gate.update();
    await settle();
    expect(shadow().querySelector('[role="group"]')?.getAttribute('lang')).toBe('lv');
    expect(shadow().querySelector('[data-action="load"]')?.textContent).toBe('Rādīt video');
    expect(shadow().querySelector('p')?.textContent).toContain('www.youtube-nocookie.com');
  });

  it('leaves iframes alone that name no purpose, and forgets placeholders of iframes the page removed', async () => {
    const { gate, doc, iframe, placeholders } = setup(
      `${VIDEO}<iframe id="free" data-consent="" data-src="/x"></iframe>`,
    );
    gate.update();
    expect(iframe('free').hasAttribute('src')).toBe(false);
    expect(placeholders()).toHaveLength(1);
    iframe('video').remove();
    gate.update();
    await settle();
    expect(placeholders()).toHaveLength(0);
    expect(doc.body.children).toHaveLength(1);
  });

  it('a purpose granted before the placeholder arrived: the placeholder goes as soon as it comes', async () => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${VIDEO}</body>`, 'text/html');
    const granted = new Set<string>();
    let arrive: () => void = () => {};
    const gate = createIframeGate(
      doc,
      (ids) => ids.every((id) => granted.has(id)),
      (iframe) =>
        new Promise((resolve) => {
          arrive = () =>
            resolve(
              createPlaceholder(iframe, { texts: () => ({ lang: 'en', texts: {} }), allow() {}, openPreferences() {} }),
            );
        }),
    );
    gate.update();
    granted.add('marketing');
    gate.update();
    arrive();
    await settle();
    const video = doc.getElementById('video') as HTMLIFrameElement;
    expect(doc.querySelectorAll('shopconsent-embed')).toHaveLength(0);
    expect(video.style.getPropertyValue('display')).toBe('');
    expect(video.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
  });

  it('a placeholder the extras could not bring is asked for again on the next update', async () => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${VIDEO}</body>`, 'text/html');
    const hold = vi.fn((_iframe: HTMLIFrameElement) => Promise.resolve(null));
    const gate = createIframeGate(doc, () => false, hold);
    gate.update();
    await settle();
    gate.update();
    await settle();
    gate.update();
    expect(hold).toHaveBeenCalledTimes(2);
  });
});
