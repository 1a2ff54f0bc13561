import type { TFunction } from 'i18next';
import { Component, createRef } from 'preact';
import { NECESSARY, noConsent } from '../../core/purposes';
import type { UiHost, UiView } from '../../runtime/types';
import { SERVICE_NAMES } from '../../settings/service-catalogue';
import { decisionDate } from '../decision-date';
import type { Dialog } from '../dialog';
import { purposeDescription, purposeText, sensitiveNote } from '../purpose-text';
import { serviceList } from '../service-list';
import { Actions } from './Actions';
import { LanguagePicker } from './LanguagePicker';
import { Notices } from './Notices';
import { PolicyLink } from './PolicyLink';
import { PurposeSwitch } from './PurposeSwitch';
import { Unbroken } from './Unbroken';

export interface PreferencesProps {
  host: UiHost;
  dialog: Dialog;
  t: TFunction;
  view: UiView;
}

interface PreferencesState {
  /** The switches as the visitor has set them so far; nothing is decided until a button is pressed. */
  choices: Record<string, boolean>;
}

/** The second layer: a modal dialog with a switch per purpose, showing the saved choices and their date. */
export class Preferences extends Component<PreferencesProps, PreferencesState> {
  private dialog = createRef<HTMLDialogElement>();
  private leaving = false;

  constructor(props: PreferencesProps) {
    super(props);
    this.state = { choices: props.view.state?.purposes ?? noConsent(props.host.config.purposes) };
  }

  componentDidMount() {
    // A modal <dialog> gives the focus trap, the inert page behind it and Escape, all native.
    const element = this.dialog.current;
    if (element && !element.open) element.showModal();
  }

  componentWillUnmount() {
    this.leaving = true;
    this.dialog.current?.close();
  }

  render({ host, dialog, t, view }: PreferencesProps, { choices }: PreferencesState) {
    const { purposes } = host.config;
    const decidedAt = view.state && new Date(view.state.decidedAt);
    const decidedOn = decidedAt ? decisionDate(decidedAt, view.lang, t) : '';
    return (
      <dialog
        ref={this.dialog}
        class="sc-preferences"
        // biome-ignore lint/a11y/noRedundantRoles: shops' test suites select [role="dialog"][data-layer]
        role="dialog"
        aria-modal="true"
        aria-labelledby="sc-preferences-title"
        data-layer="preferences"
        lang={view.lang}
        tabIndex={-1}
        onCancel={(event) => {
          // Escape leaves the preferences; it never counts as a decision.
          event.preventDefault();
          host.closePreferences();
        }}
        onClose={() => {
          // Chromium closes a dialog on a second Escape without a cancel event; leave the same way.
          if (!this.leaving) host.closePreferences();
        }}
      >
        <div class="sc-preferences-head">
          <h2 id="sc-preferences-title" class="sc-title">
            {t('preferences.title')}
          </h2>
          <button
            type="button"
            class="sc-close"
            data-action="close"
            aria-label={t('actions.close')}
            onClick={host.closePreferences}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
          </button>
          <LanguagePicker lang={view.lang} t={t} onChange={host.setLanguage} />
        </div>
        <div class="sc-preferences-body">
          <p class="sc-text">
            {t('preferences.text')} <PolicyLink dialog={dialog} t={t} />
          </p>
          {view.gpc && <p class="sc-gpc">{t('gpc.note')}</p>}
          {decidedAt && (
            <p class="sc-decided">
              <Unbroken text={t('preferences.decidedOn', { date: decidedOn })} part={decidedOn} />
            </p>
          )}
          <ul class="sc-purposes">
            {purposes.map((id) => (
              <PurposeSwitch
                key={id}
                id={id}
                label={purposeText(id, 'label', dialog, view.lang, t)}
                description={purposeDescription(id, dialog, view.lang, t)}
                note={sensitiveNote(id, dialog, view.lang, t)}
                cookieCount={dialog.cookies[id]?.length ?? 0}
                services={serviceList(
                  (dialog.services[id] ?? []).map((service) => SERVICE_NAMES[service]),
                  view.lang,
                )}
                checked={id === NECESSARY || choices[id] === true}
                locked={id === NECESSARY}
                t={t}
                onChange={(checked) => this.setState({ choices: { ...choices, [id]: checked } })}
              />
            ))}
          </ul>
          <Notices
            dialog={dialog}
            lang={view.lang}
            defaultLang={host.config.defaultLang}
            expiresDays={host.config.expiresDays}
            t={t}
          />
        </div>
        <Actions
          host={host}
          t={t}
          source="preferences"
          third={{ action: 'save', label: t('actions.save'), onClick: () => host.decide(choices, 'preferences') }}
        />
      </dialog>
    );
  }
}
