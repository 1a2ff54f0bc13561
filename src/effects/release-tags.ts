import { guard, reportError } from '../core/warn';
import type { WithExtras } from '../runtime/extras-loader';
import type { Runtime } from '../runtime/runtime';
import { observeGatedTags } from './gated-tags';
import { createIframeGate } from './iframe-gate';
import { createScriptGate } from './script-gate';

/**
 * Gated scripts run and gated iframes load when their purposes are granted, after every decision; an
 * iframe still waiting shows a placeholder in the visitor's language. Returns what starts watching.
 */
export const releaseGatedTags = (rt: Runtime, doc: Document, withExtras: WithExtras) => {
  const granted = (ids: string[]) => ids.every(rt.has);
  const { texts } = rt.config.settings.values;
  const gate = createScriptGate(doc, granted);
  const iframes = createIframeGate(doc, granted, (iframe, ids) =>
    withExtras('showing a placeholder', (loaded) =>
      loaded.createPlaceholder(iframe, {
        texts: () => ({ lang: rt.lang(), texts }),
        allow: () =>
          rt.decide({ ...rt.get()?.purposes, ...Object.fromEntries(ids.map((id) => [id, true])) }, 'preferences'),
        openPreferences: () => rt.setLayer('preferences'),
      }),
    ),
  );
  const updateIframes = () => guard('showing gated iframes', iframes.update);
  const release = () => {
    updateIframes();
    gate.release().catch((error) => reportError('releasing gated tags failed:', error));
  };
  rt.onCommit(release);
  rt.onLanguage(updateIframes);
  // Tags are released once the page is parsed (an inline script may still be arriving before that);
  // from then on, tags the page adds are gated as they come.
  return () => {
    const watch = () => {
      release();
      observeGatedTags(doc, release);
    };
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', watch);
    else watch();
  };
};
