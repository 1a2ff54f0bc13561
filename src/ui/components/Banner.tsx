import type { TFunction } from 'i18next';
import type { UiHost } from '../../api/types';
import type { DialogSettings } from '../../core/dialog-settings';
import { allConsent, noConsent } from '../../core/purposes';
import { PolicyLink } from './PolicyLink';

export interface BannerProps {
  host: UiHost;
  dialog: DialogSettings;
  t: TFunction;
}

/** The first layer: what happens, the policy, and the choices, accept and reject equally prominent. */
export const Banner = ({ host, dialog, t }: BannerProps) => {
  const { purposes } = host.config;
  return (
    <div
      class="sc-banner"
      role="dialog"
      aria-modal="false"
      aria-labelledby="sc-banner-title"
      aria-describedby="sc-banner-text"
      data-layer="banner"
    >
      <div class="sc-banner-body">
        {dialog.shop && <p class="sc-shop">{dialog.shop}</p>}
        <h2 id="sc-banner-title" class="sc-title">
          {t('banner.title')}
        </h2>
        <p id="sc-banner-text" class="sc-text">
          {t('banner.text')} <PolicyLink dialog={dialog} t={t} />
        </p>
      </div>
      <div class="sc-actions">
        <button
          type="button"
          class="sc-button sc-primary"
          data-action="accept-all"
          onClick={() => host.decide(allConsent(purposes), 'banner')}
        >
          {t('actions.acceptAll')}
        </button>
        <button
          type="button"
          class="sc-button sc-primary"
          data-action="reject-all"
          onClick={() => host.decide(noConsent(purposes), 'banner')}
        >
          {t('actions.rejectAll')}
        </button>
        <button type="button" class="sc-button sc-secondary" data-action="preferences" onClick={host.openPreferences}>
          {t('actions.choose')}
        </button>
      </div>
    </div>
  );
};
