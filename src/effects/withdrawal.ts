import { grants } from '../core/purposes';
import { isRecord } from '../core/settings';
import type { WithExtras } from '../runtime/extras-loader';
import type { Runtime } from '../runtime/runtime';

/** A withdrawn purpose's cookies are deleted by the extras (docs/adr/0022-withdrawal-deletes-cookies.md). */
export const deleteWithdrawnCookies = (rt: Runtime, doc: Document, withExtras: WithExtras) => {
  const { settings, purposes } = rt.config;
  // Only a purpose object can list cookies or services; without one, a withdrawal has nothing to delete.
  const listsCookies = (id: string) =>
    settings.purposeObjects.some((p) => isRecord(p) && p.id === id && (p.cookies || p.services));
  rt.onCommit((next, changed) => {
    // A purpose in `changed` that is not granted now was granted before: it was withdrawn.
    const withdrawn = changed.filter((id) => !grants(next?.purposes, id));
    if (withdrawn.some(listsCookies)) {
      withExtras('deleting cookies', (loaded) => loaded.deleteWithdrawn(doc, settings, purposes, withdrawn));
    }
  });
};
