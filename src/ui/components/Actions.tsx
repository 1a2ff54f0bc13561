import type { TFunction } from 'i18next';
import type { UiHost } from '../../runtime/types';

export interface ActionsProps {
  host: UiHost;
  t: TFunction;
  source: 'banner' | 'preferences';
  /** The third choice: open the preferences from the banner, save the switches in the preferences. */
  third: { action: 'preferences' | 'save'; label: string; onClick: () => void };
}

/**
 * Accept all and Reject all: the same element, size and weight in both layers, so neither choice is
 * easier to see or to hit than the other.
 */
export const Actions = ({ host, t, source, third }: ActionsProps) => (
  <div class="sc-actions">
    <button type="button" class="sc-button sc-primary" data-action="accept-all" onClick={() => host.acceptAll(source)}>
      {t('actions.acceptAll')}
    </button>
    <button type="button" class="sc-button sc-primary" data-action="reject-all" onClick={() => host.rejectAll(source)}>
      {t('actions.rejectAll')}
    </button>
    <button type="button" class="sc-button sc-secondary" data-action={third.action} onClick={third.onClick}>
      {third.label}
    </button>
  </div>
);
