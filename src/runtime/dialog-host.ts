import { reportError } from '../core/warn';
import type { Runtime } from './runtime';
import type { UiHost, UiLoader } from './types';

/**
 * What the dialog sees of the runtime, and the loading of the dialog the first time a layer opens.
 * Links marked `data-shopconsent="open"` open the preferences.
 */
export const createDialogHost = (rt: Runtime, doc: Document, loadUi: UiLoader): UiHost => {
  let requested = false;
  const host: UiHost = {
    config: rt.config,
    view: () => ({ layer: rt.layer(), lang: rt.lang(), state: rt.get(), gpc: rt.gpc }),
    subscribe: rt.onView,
    decide: rt.decide,
    acceptAll: rt.acceptAll,
    openPreferences: () => rt.setLayer('preferences'),
    closePreferences: () => rt.setLayer(rt.get() ? null : 'banner'),
    setLanguage: rt.setLanguage,
  };
  rt.onLayer((next) => {
    if (!next || requested) return;
    requested = true;
    loadUi()
      .then((mount) => mount(host))
      .catch((error) => {
        requested = false;
        reportError('could not load the dialog, so the visitor cannot be asked; the API still works:', error);
      });
  });
  rt.onLayer(rt.notify);
  doc.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest?.('[data-shopconsent="open"]')) {
      event.preventDefault();
      rt.setLayer('preferences');
    }
  });
  return host;
};
