import { reportError } from '../core/warn';
import type { DialogSettings, ParseDialogSettings } from '../settings/dialog-settings';
import type { Runtime } from './runtime';
import type { FirstLayer, UiHost, UiLoader } from './types';

/**
 * What the dialog sees of the runtime, and the loading of the dialog the first time the preferences
 * open (or `loadDialog()`, when the first layer cannot draw the banner): until then the core draws the
 * banner (`firstLayer`). Links marked `data-shopconsent="open"` open the preferences.
 */
export const createDialogHost = (
  rt: Runtime,
  doc: Document,
  loadUi: UiLoader,
  dialog: (parse: ParseDialogSettings) => DialogSettings,
  firstLayer: FirstLayer,
): { host: UiHost; loadDialog: () => void } => {
  let requested = false;
  const host: UiHost = {
    config: rt.config,
    dialog,
    focusOrigin: null,
    view: () => ({ layer: rt.layer(), lang: rt.lang(), state: rt.get(), gpc: rt.gpc }),
    subscribe: rt.onView,
    decide: rt.decide,
    acceptAll: rt.acceptAll,
    rejectAll: rt.rejectAll,
    openPreferences: () => rt.setLayer('preferences'),
    closePreferences: () => rt.setLayer(rt.get() ? null : 'banner'),
    setLanguage: rt.setLanguage,
  };
  const loadDialog = () => {
    if (requested) return;
    requested = true;
    loadUi()
      .then((mount) => {
        host.focusOrigin = firstLayer.handOver();
        mount(host);
      })
      .catch((error) => {
        requested = false;
        reportError('could not load the preferences; the banner and the API still work:', error);
        // Back to the banner the core draws, so that the visitor can still decide.
        if (rt.layer() === 'preferences') rt.setLayer(rt.get() ? null : 'banner');
      });
  };
  rt.onLayer((next) => {
    if (next === 'preferences') loadDialog();
  });
  rt.onLayer(rt.notify);
  doc.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest?.('[data-shopconsent="open"]')) {
      event.preventDefault();
      rt.setLayer('preferences');
    }
  });
  return { host, loadDialog };
};
