import type { TFunction } from 'i18next';
import type { Lang } from '../../core/languages';
import type { UiHost } from '../../runtime/types';
import type { DialogSettings } from '../../settings/dialog-settings';
import { Actions } from './Actions';
import { PolicyLink } from './PolicyLink';

export interface BannerProps {
  host: UiHost;
  dialog: DialogSettings;
  lang: Lang;
  /** Global Privacy Control keeps marketing off: say so. */
  gpc: boolean;
  /** The law of the visitor's language asks for the sensitive-data note on the first layer (Vietnam). */
  sensitive: boolean;
  t: TFunction;
}

/**
 * The first layer: what happens, the policy, and the choices, accept and reject equally prominent.
 * A non-modal dialog: the shop's page stays usable around it. It takes focus when it opens
 * (`tabIndex` -1) so that a screen reader reads its title and text.
 *
 * The core draws this same markup before the dialog bundle is loaded, from data compiled out of this
 * component at build time (src/ui/compile-banner.ts): keep it to elements, attributes, texts and the
 * conditions in its props; clicks are read from `data-action`.
 */
export const Banner = ({ host, dialog, lang, gpc, sensitive, t }: BannerProps) => (
  <div
    class="sc-banner"
    role="dialog"
    aria-modal="false"
    aria-labelledby="sc-banner-title"
    aria-describedby="sc-banner-text"
    data-layer="banner"
    lang={lang}
    tabIndex={-1}
  >
    <div class="sc-banner-body">
      {dialog.shop && <p class="sc-shop">{dialog.shop}</p>}
      <h2 id="sc-banner-title" class="sc-title">
        {t('banner.title')}
      </h2>
      <p id="sc-banner-text" class="sc-text">
        {t('banner.text')} <PolicyLink dialog={dialog} t={t} />
      </p>
      {gpc && <p class="sc-gpc">{t('gpc.note')}</p>}
      {sensitive && <p class="sc-sensitive">{t('notice.sensitive')}</p>}
    </div>
    <Actions
      host={host}
      t={t}
      source="banner"
      third={{ action: 'preferences', label: t('actions.choose'), onClick: host.openPreferences }}
    />
  </div>
);
