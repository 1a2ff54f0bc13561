import { render } from 'preact';
import { warn } from '../core/warn';
import { adoptStyles } from '../dom/shadow-styles';
import type { MountUi } from '../runtime/types';
import { parseDialogSettings } from '../settings/dialog-settings';
import { parsePurposeCookies } from '../settings/purpose-cookies';
import { App } from './components/App';
import type { Dialog } from './dialog';
import { createI18n } from './i18n';
import languageAndNotes from './styles/language-and-notes.css?inline';
import layersAndBanner from './styles/layers-and-banner.css?inline';
import palette from './styles/palette.css?inline';
import phones from './styles/phones.css?inline';
import preferences from './styles/preferences.css?inline';

// In cascade order: the later files override the earlier ones at equal specificity.
const CSS = [palette, layersAndBanner, preferences, phones, languageAndNotes].join('\n');

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

const whenBodyExists = (run: () => void) => {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
};

/** Renders the dialog into the open shadow root of `#shopconsent-root`, created once per page. */
export const mountUi: MountUi = (host) => {
  whenBodyExists(() => {
    const { settings, purposes } = host.config;
    const dialog: Dialog = {
      ...parseDialogSettings(settings, location.href, warn),
      ...parsePurposeCookies(settings, purposes, warn),
    };
    const element = document.createElement('shopconsent-root');
    element.id = HOST_ID;
    element.setAttribute('data-theme', dialog.theme);
    element.setAttribute('data-layout', dialog.layout);
    for (const [property, value] of Object.entries(HOST_STYLE)) element.style.setProperty(property, value, 'important');
    const root = element.attachShadow({ mode: 'open' });
    adoptStyles(root, CSS);
    document.body.appendChild(element);
    render(<App host={host} dialog={dialog} i18n={createI18n(dialog, host.config.defaultLang)} />, root);
  });
};
