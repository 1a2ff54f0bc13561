import type { TFunction } from 'i18next';
import type { DialogSettings } from '../../settings/dialog-settings';

/** The shop's privacy policy, when the shop gave a (validated, http or https) address for it. */
export const PolicyLink = ({ dialog, t }: { dialog: DialogSettings; t: TFunction }) =>
  dialog.policyUrl ? (
    <a class="sc-link" href={dialog.policyUrl}>
      {t('banner.policy')}
    </a>
  ) : null;
