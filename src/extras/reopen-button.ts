import { reopen as en } from '../../locales/en.json';
import { reopen as ky } from '../../locales/ky.json';
import { reopen as lv } from '../../locales/lv.json';
import { reopen as mn } from '../../locales/mn.json';
import { reopen as vi } from '../../locales/vi.json';
import { type Lang, toLang } from '../core/languages';
import { isRecord, type Settings } from '../core/settings';
import { adoptStyles } from '../dom/shadow-styles';
import type { UiHost } from '../runtime/types';

// Only the `reopen` section of each locale: the rest belongs to the dialog bundle.
const LABELS: Record<Lang, string> = { en: en.label, ky: ky.label, lv: lv.label, mn: mn.label, vi: vi.label };

/*
 * `!important` inside the shadow root beats even the page's `!important` rules on our element, and
 * `all: initial` stops the page's inherited styles at the door. Custom properties still inherit, so
 * the shop's --sc-* theme reaches the button.
 */
const CSS =
  ':host{all:initial!important;display:block!important;position:fixed!important;inset:var(--sc-reopen-inset,auto auto 16px 16px)!important;z-index:2147483646!important}' +
  'button{padding:8px;border:2px solid var(--sc-accent-fg,#fff);border-radius:50%;background:var(--sc-accent,#1d4ed8);color:var(--sc-accent-fg,#fff);box-shadow:0 2px 8px #0005;cursor:pointer}' +
  'svg{display:block;width:24px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}';

/** A cookie with a bite out of it, drawn with elements rather than markup so Trusted Types never objects. */
const icon = (doc: Document): SVGSVGElement => {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  const path = doc.createElementNS(ns, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  path.setAttribute('d', 'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5M8 9h0M16 15h0M11 16h0M12 11h0');
  svg.appendChild(path);
  return svg;
};

/** The shop's own `texts[lang]["reopen.label"]`, else ours. */
const labelFor = (settings: Settings, lang: Lang): string => {
  const { texts } = settings.values;
  for (const [code, strings] of Object.entries(isRecord(texts) ? texts : {})) {
    const own = isRecord(strings) && strings['reopen.label'];
    if (toLang(code) === lang && typeof own === 'string' && own.trim()) return own;
  }
  return LABELS[lang];
};

/**
 * With `data-floating-button="true"`: a small button, in its own open shadow root, that reopens the
 * preferences whenever the visitor has decided, including on a returning visit, where the dialog
 * bundle is not loaded until the button is pressed. The core loads it (with the extras) once there is
 * a decision.
 */
export const addReopenButton = (doc: Document, settings: Settings, host: UiHost): void => {
  const element = doc.createElement('shopconsent-reopen');
  // The runtime's click listener opens the preferences for any [data-shopconsent="open"], this one too.
  element.setAttribute('data-shopconsent', 'open');
  const root = element.attachShadow({ mode: 'open' });
  adoptStyles(root, CSS);
  const button = doc.createElement('button');
  button.type = 'button';
  button.appendChild(icon(doc));
  root.appendChild(button);

  const update = () => {
    const { state, lang } = host.view();
    button.lang = lang;
    // The title names the button for screen readers and shows as a tooltip.
    button.title = labelFor(settings, lang);
    if (!state) element.remove();
    else if (!element.isConnected) doc.body?.appendChild(element);
  };
  host.subscribe(update);
  if (doc.body) update();
  else doc.addEventListener('DOMContentLoaded', update, { once: true });
};
