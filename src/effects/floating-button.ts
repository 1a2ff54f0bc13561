import type { WithExtras } from '../runtime/extras-loader';
import type { Runtime } from '../runtime/runtime';
import type { UiHost } from '../runtime/types';

/** Once decided, the floating button (from the extras) lets the visitor reopen the preferences. */
export const showFloatingButton = (rt: Runtime, doc: Document, withExtras: WithExtras, host: UiHost) => {
  let shown = false;
  const show = () => {
    if (!rt.config.floatingButton || !rt.get() || shown) return;
    shown = true;
    withExtras('the floating button', (loaded) => loaded.addReopenButton(doc, rt.config.settings, host)).then(
      (added) => {
        shown = added !== null;
      },
    );
  };
  rt.onCommit(show);
  return show;
};
