/** The purposes a gated tag names: `data-consent="analytics marketing"` needs both. */
export const requiredPurposes = (element: Element): string[] =>
  (element.getAttribute('data-consent') ?? '').split(/[\s,]+/).filter(Boolean);

export const GATED_SCRIPTS = 'script[type="text/plain"][data-consent]';
export const GATED_IFRAMES = 'iframe[data-consent][data-src]';

/**
 * Calls `onAdded` when the page adds a gated script or iframe after it was parsed (a shop's SPA, a CMS
 * block). One observer on the document sees every insertion; each batch of insertions calls at most
 * once, and only when it holds a gated tag, so a page that redraws itself often costs a selector
 * match per inserted element and nothing more.
 */
export const observeGatedTags = (doc: Document, onAdded: () => void) => {
  const selector = `${GATED_SCRIPTS},${GATED_IFRAMES}`;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        const element = node as Element;
        if (element.nodeType === 1 && (element.matches(selector) || element.querySelector(selector))) {
          onAdded();
          return;
        }
      }
    }
  }).observe(doc, { childList: true, subtree: true });
};
