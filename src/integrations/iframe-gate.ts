import type { Lang } from '../core/languages';
import { createPlaceholder, type Placeholder } from './embed-placeholder';
import type { EmbedTexts } from './embed-texts';
import { GATED_IFRAMES, requiredPurposes } from './gated-tags';

export interface IframeGateOptions {
  isGranted: (purposes: string[]) => boolean;
  /** The language and texts placeholders are shown in now. */
  texts: () => { lang: Lang; texts: EmbedTexts };
  /** "Allow and load": the visitor grants what this iframe needs. */
  allow: (purposes: string[]) => void;
  openPreferences: () => void;
}

const siteOf = (src: string, base: string) => {
  try {
    return new URL(src, base).hostname || src;
  } catch {
    return src;
  }
};

/**
 * `<iframe data-consent="marketing" data-src="…">` loads `data-src` only while every purpose it names is
 * granted; until then a placeholder stands in for it. Withdrawing a purpose unloads the iframe again,
 * since what runs inside it keeps setting its cookies. `data-src` stays, so the iframe remains gated.
 */
export const createIframeGate = (doc: Document, { isGranted, texts, allow, openPreferences }: IframeGateOptions) => {
  const held = new Map<HTMLIFrameElement, { placeholder: Placeholder; display: [string, string] }>();

  const update = () => {
    const { lang, texts: strings } = texts();
    for (const iframe of Array.from(doc.querySelectorAll<HTMLIFrameElement>(GATED_IFRAMES))) {
      const purposes = requiredPurposes(iframe);
      const src = iframe.getAttribute('data-src') ?? '';
      if (purposes.length === 0) continue;
      let entry = held.get(iframe);
      if (isGranted(purposes)) {
        if (entry) {
          entry.placeholder.remove();
          iframe.style.setProperty('display', ...entry.display);
          held.delete(iframe);
        }
        if (iframe.getAttribute('src') !== src) iframe.setAttribute('src', src);
        continue;
      }
      if (iframe.hasAttribute('src')) iframe.removeAttribute('src');
      if (!entry) {
        // Measured while the iframe is still laid out, then hidden the way a strict CSP allows.
        const placeholder = createPlaceholder(iframe, () => allow(purposes), openPreferences);
        entry = {
          placeholder,
          display: [iframe.style.getPropertyValue('display'), iframe.style.getPropertyPriority('display')],
        };
        iframe.style.setProperty('display', 'none', 'important');
        held.set(iframe, entry);
      }
      entry.placeholder.render(strings, lang, siteOf(src, doc.baseURI));
    }
    for (const [iframe, { placeholder }] of held) {
      if (!iframe.isConnected) {
        placeholder.remove();
        held.delete(iframe);
      }
    }
  };
  return { update };
};
