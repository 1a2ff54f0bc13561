import { render } from 'preact';
import { warn } from '../core/warn';
import { adoptStyles } from '../dom/shadow-styles';
import { whenBodyExists, widgetRoot } from '../dom/widget-root';
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

/**
 * Renders the dialog into the open shadow root of `#shopconsent-root`, taking it over from the core's
 * banner if that drew it first.
 */
export const mountUi: MountUi = (host) => {
  whenBodyExists(document, () => {
    const { settings, purposes } = host.config;
    const dialog: Dialog = { ...host.dialog(parseDialogSettings), ...parsePurposeCookies(settings, purposes, warn) };
    const root = widgetRoot(document, dialog);
    root.replaceChildren();
    adoptStyles(root, CSS);
    render(<App host={host} dialog={dialog} i18n={createI18n(dialog, host.config.defaultLang)} />, root);
  });
};
