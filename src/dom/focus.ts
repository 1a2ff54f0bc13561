/** The element that has focus, looking into open shadow roots (our layers and the reopen button live in one). */
export const focusedElement = (doc: Document): HTMLElement | null => {
  let element = doc.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement && element !== doc.body ? element : null;
};

/**
 * Whether focus went with a layer that just closed: then it goes back to where it was before the layer
 * opened. A visitor who has moved on in the page keeps their place.
 */
export const focusWasLost = (doc: Document, root: ShadowRoot | undefined): boolean =>
  doc.activeElement === doc.body || doc.activeElement === root?.host;
