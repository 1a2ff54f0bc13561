import type { TFunction } from 'i18next';
import type { Lang } from '../../core/languages';
import type { DialogSettings } from '../../settings/dialog-settings';
import { consentTermText } from '../consent-term';
import { shopText } from '../purpose-text';

export interface NoticesProps {
  dialog: DialogSettings;
  lang: Lang;
  defaultLang: Lang;
  expiresDays: number;
  t: TFunction;
}

/**
 * Who asks and for how long: the operator the shop names (Kazakhstan asks for its name and BIN) and how
 * long the choice holds (Mongolia and Kazakhstan ask for the term; the EU for how long cookies last).
 */
export const Notices = ({ dialog, lang, defaultLang, expiresDays, t }: NoticesProps) => {
  const { operator } = dialog;
  const field = (name: keyof NonNullable<typeof operator>) =>
    operator ? shopText(operator[name], lang, defaultLang) : '';
  const id = field('id');
  return (
    <div class="sc-notices">
      {operator && (
        <p class="sc-operator">
          {[
            t('notice.operator', { name: field('name') }),
            id && t('notice.operatorId', { id }),
            field('address'),
            field('contact'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      <p class="sc-term">{consentTermText(expiresDays, t)}</p>
    </div>
  );
};
