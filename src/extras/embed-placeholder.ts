import type { Placeholder, PlaceholderOptions } from '../runtime/types';
import css from './embed-placeholder.css?inline';
import { embedTexts } from './embed-texts';

/** One stylesheet for every placeholder of the page, made on first use. */
let sheet: CSSStyleSheet | undefined;

/** A percentage stays relative to the page; anything else becomes the iframe's size in pixels. */
const length = (attribute: string | null, measured: number, fallback: number) =>
  attribute?.trim().endsWith('%')
    ? attribute.trim()
    : `${measured || Number.parseFloat(attribute ?? '') || fallback}px`;

const siteOf = (src: string, base: string) => {
  try {
    return new URL(src, base).hostname || src;
  } catch {
    return src;
  }
};

/**
 * A host name that a line may break after a dot and nowhere else: each label keeps together, so
 * "www.youtube-nocookie.com" never ends a line at its hyphen.
 */
const siteName = (doc: Document, site: string) => {
  const name = doc.createElement('span');
  name.className = 'site';
  site.split(/(?<=\.)/).forEach((label, i) => {
    if (i > 0) name.appendChild(doc.createElement('wbr'));
    name.appendChild(doc.createElement('span')).textContent = label;
  });
  return name;
};

/**
 * A small box in its own shadow root, put just before a held-back iframe and sized like it (its laid-out
 * size, else its width and height attributes, else the 300×150 of any iframe), so that the page does not
 * move when the iframe takes its place; the iframe is hidden meanwhile. Styled only through CSSOM and a
 * constructed stylesheet: a strict Content-Security-Policy allows both, where it would refuse a style
 * attribute or a <style> element.
 */
export const createPlaceholder = (
  iframe: HTMLIFrameElement,
  { texts, allow, openPreferences }: PlaceholderOptions,
): Placeholder => {
  const doc = iframe.ownerDocument;
  const host = doc.createElement('shopconsent-embed');
  const hostStyle: Record<string, string> = {
    display: 'inline-block',
    // Not visible: the baseline is then the bottom edge, as for the iframe itself.
    overflow: 'hidden',
    'box-sizing': 'border-box',
    'max-width': '100%',
    width: length(iframe.getAttribute('width'), iframe.offsetWidth, 300),
    height: length(iframe.getAttribute('height'), iframe.offsetHeight, 150),
  };
  for (const [property, value] of Object.entries(hostStyle)) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'open' });
  if ((root as Partial<ShadowRoot>).adoptedStyleSheets) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  }
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: Node) => {
    const child = doc.createElement(tag);
    child.className = className;
    parent.appendChild(child);
    return child;
  };
  const box = element('div', 'box', root);
  box.setAttribute('role', 'group');
  const title = iframe.getAttribute('title');
  if (title) box.setAttribute('aria-label', title);
  const text = element('p', 'text', box);
  const buttons = [allow, openPreferences].map((onClick, i) => {
    const button = element('button', i ? 'settings' : 'load', box);
    button.type = 'button';
    button.setAttribute('data-action', i ? 'preferences' : 'load');
    button.addEventListener('click', onClick);
    return button;
  });
  // Measured above while the iframe was still laid out; hidden the way a strict CSP allows.
  const display = [iframe.style.getPropertyValue('display'), iframe.style.getPropertyPriority('display')] as const;
  iframe.style.setProperty('display', 'none', 'important');
  iframe.before(host);

  const render = () => {
    const { lang, texts: shopTexts } = texts();
    const strings = embedTexts(lang, shopTexts);
    box.lang = lang;
    const site = siteOf(iframe.getAttribute('data-src') ?? '', doc.baseURI);
    text.replaceChildren(
      ...strings.text
        .split(/\{\{\s*site\s*\}\}/)
        .flatMap((words, i) => (i === 0 ? [words] : [siteName(doc, site), words])),
    );
    buttons[0].textContent = strings.load;
    buttons[1].textContent = strings.settings;
  };
  render();
  return {
    render,
    remove: () => {
      host.remove();
      iframe.style.setProperty('display', ...display);
    },
  };
};
