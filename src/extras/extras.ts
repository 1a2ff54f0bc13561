import type { Settings } from '../core/settings';
import { deleteCookies } from '../effects/cookie-cleanup';
import { createReceipts } from '../effects/receipts';
import type { Extras } from '../runtime/types';
import { parsePurposeCookies } from '../settings/purpose-cookies';
import { createPlaceholder } from './embed-placeholder';
import { addReopenButton } from './reopen-button';

/**
 * What the core loads only when a page needs it (docs/adr/0031-extras-off-the-start-up-path.md): the
 * floating button, iframe placeholders, the receipt sender, and the cookie deletion of a withdrawal.
 * None of it is needed to read a decision, tell the page and release its tags.
 */
export const extras: Extras = {
  addReopenButton,
  createPlaceholder,
  createReceipts,
  deleteWithdrawn: (doc: Document, settings: Settings, purposes: readonly string[], withdrawn: readonly string[]) => {
    const { cookies } = parsePurposeCookies(settings, purposes, () => {});
    deleteCookies(
      doc,
      withdrawn.flatMap((id) => cookies[id] ?? []),
    );
  },
};
