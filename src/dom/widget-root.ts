import type { Layout, Theme } from '../core/config';

const HOST_ID = 'shopconsent-root';

/**
 * Host styles set through CSSOM: they beat any page rule on our element, and CSSOM is allowed under a
 * Content-Security-Policy without 'unsafe-inline', where a style attribute would not be.
 */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  width: '0',
  height: '0',
  'z-index': '2147483647',
};

/** Runs `run` once the page has a body: our tag may sit in the head. */
export const whenBodyExists = (doc: Document, run: () => void) => {
  if (doc.body) run();
  else doc.addEventListener('DOMContentLoaded', run, { once: true });
};

/**
 * The open shadow root of `#shopconsent-root`, where every layer of the dialog is drawn: created once
 * per page, by the core for its banner or by the dialog, whichever comes first. Call it once the body exists.
 */
export const widgetRoot = (doc: Document, { theme, layout }: { theme: Theme; layout: Layout }): ShadowRoot => {
  const existing = doc.getElementById(HOST_ID)?.shadowRoot;
  if (existing) return existing;
  const element = doc.createElement('shopconsent-root');
  element.id = HOST_ID;
  element.setAttribute('data-theme', theme);
  element.setAttribute('data-layout', layout);
  for (const [property, value] of Object.entries(HOST_STYLE)) element.style.setProperty(property, value, 'important');
  const root = element.attachShadow({ mode: 'open' });
  doc.body.appendChild(element);
  return root;
};
