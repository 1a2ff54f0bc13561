import type { TFunction } from 'i18next';

export interface PurposeSwitchProps {
  id: string;
  label: string;
  description: string;
  /** A note the law asks for on this purpose (the sensitive-data note), or empty. */
  note?: string;
  cookieCount: number;
  /** The tools this purpose covers, by brand name, as one localized list; empty for none. */
  services: string;
  checked: boolean;
  locked: boolean;
  t: TFunction;
  onChange: (checked: boolean) => void;
}

/** One purpose: a real checkbox exposed as a switch, with its name and what it is for. */
export const PurposeSwitch = ({
  id,
  label,
  description,
  note,
  cookieCount,
  services,
  checked,
  locked,
  t,
  onChange,
}: PurposeSwitchProps) => {
  const inputId = `sc-purpose-${id}`;
  const detailsId = `${inputId}-details`;
  return (
    <li class="sc-purpose">
      <div class="sc-purpose-head">
        <label class="sc-purpose-label" for={inputId}>
          {label}
        </label>
        {locked && <span class="sc-always-on">{t('preferences.alwaysOn')}</span>}
        <input
          id={inputId}
          class="sc-switch"
          type="checkbox"
          role="switch"
          data-purpose={id}
          checked={checked}
          aria-checked={checked}
          disabled={locked}
          aria-describedby={detailsId}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      </div>
      <p id={detailsId} class="sc-purpose-text">
        {description}
        {cookieCount > 0 && (
          <span class="sc-cookie-count">
            {' · '}
            <span class="sc-nowrap">{t('purpose.cookies', { count: cookieCount })}</span>
          </span>
        )}
        {note && <strong class="sc-purpose-note">{note}</strong>}
      </p>
      {services && <p class="sc-purpose-text sc-services">{t('purpose.services', { services })}</p>}
    </li>
  );
};
