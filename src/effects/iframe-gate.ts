import type { Placeholder } from '../runtime/types';
import { GATED_IFRAMES, requiredPurposes } from './gated-tags';

/**
 * `<iframe data-consent="marketing" data-src="…">` loads `data-src` only while every purpose it names is
 * granted; until then `hold` puts a placeholder in its place (built by the extras bundle, so it may
 * arrive a moment later; the empty iframe keeps the space meanwhile). Withdrawing a purpose unloads the
 * iframe again, since what runs inside it keeps setting its cookies. `data-src` stays, so the iframe
 * remains gated.
 */
export const createIframeGate = (
  doc: Document,
  isGranted: (purposes: string[]) => boolean,
  hold: (iframe: HTMLIFrameElement, purposes: string[]) => Promise<Placeholder | null>,
) => {
  const held = new Map<HTMLIFrameElement, Promise<Placeholder | null>>();
  const release = (iframe: HTMLIFrameElement) => {
    held.get(iframe)?.then((placeholder) => placeholder?.remove());
    held.delete(iframe);
  };

  const update = () => {
    for (const iframe of Array.from(doc.querySelectorAll<HTMLIFrameElement>(GATED_IFRAMES))) {
      const purposes = requiredPurposes(iframe);
      if (purposes.length === 0) continue;
      const src = iframe.getAttribute('data-src') ?? '';
      if (isGranted(purposes)) {
        release(iframe);
        if (iframe.getAttribute('src') !== src) iframe.setAttribute('src', src);
        continue;
      }
      if (iframe.hasAttribute('src')) iframe.removeAttribute('src');
      const placeholder = held.get(iframe);
      // One that could not be made (the extras did not load) is tried again on the next update.
      if (placeholder) placeholder.then((shown) => (shown ? shown.render() : held.delete(iframe)));
      else held.set(iframe, hold(iframe, purposes));
    }
    for (const iframe of held.keys()) if (!iframe.isConnected) release(iframe);
  };
  return { update };
};
