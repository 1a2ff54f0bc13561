import type { i18n, TFunction } from 'i18next';
import { Component, createRef } from 'preact';
import { focusedElement, focusWasLost } from '../../dom/focus';
import type { Layer, UiHost, UiView } from '../../runtime/types';
import { showsSensitiveNote } from '../../settings/dialog-settings';
import type { Dialog } from '../dialog';
import { Banner } from './Banner';
import { Preferences } from './Preferences';

/** The element that frames every layer; the core draws the same one around its banner. */
export const FRAME = { class: 'sc', dir: 'ltr' } as const;

export interface AppProps {
  host: UiHost;
  dialog: Dialog;
  i18n: i18n;
}

/**
 * Shows the layer the widget asks for, in the widget's language, re-rendering on every change the
 * widget announces, and moves focus with it: into a layer when it opens, so that a screen reader
 * announces its title; back to the "Choose" button when the preferences return to the banner; and
 * back to where it was before the dialog opened once it closes. A class rather than hooks:
 * preact/hooks would cost the bundle another 1.4 kB.
 */
export class App extends Component<AppProps, UiView> {
  private unsubscribe?: () => void;
  private root = createRef<HTMLDivElement>();
  /** Where focus was when the dialog opened; it returns there when the dialog closes. */
  private returnTo: HTMLElement | null = null;

  constructor(props: AppProps) {
    super(props);
    this.state = props.host.view();
  }

  componentDidMount() {
    this.unsubscribe = this.props.host.subscribe(() => this.setState(this.props.host.view()));
    this.moveFocus(null);
  }

  componentDidUpdate(_props: AppProps, previous: UiView) {
    if (previous.layer !== this.state.layer) this.moveFocus(previous.layer);
  }

  componentWillUnmount() {
    this.unsubscribe?.();
  }

  private moveFocus(from: Layer | null) {
    const to = this.state.layer;
    const shown = this.root.current?.querySelector<HTMLElement>('[data-layer]');
    if (!from) {
      // Taking over from the core's banner, focus returns to where it was before that banner opened.
      const { host } = this.props;
      this.returnTo = host.focusOrigin ?? focusedElement(document);
      host.focusOrigin = null;
    }
    if (to) {
      const choose = from === 'preferences' && shown?.querySelector<HTMLElement>('[data-action="preferences"]');
      (choose || shown)?.focus();
      return;
    }
    const root = this.root.current?.getRootNode() as ShadowRoot | undefined;
    if (focusWasLost(document, root) && this.returnTo?.isConnected) this.returnTo.focus();
    this.returnTo = null;
  }

  render({ host, dialog, i18n }: AppProps, view: UiView) {
    const t: TFunction = i18n.getFixedT(view.lang);
    return (
      <div {...FRAME} ref={this.root}>
        {view.layer === 'banner' && (
          <Banner
            host={host}
            dialog={dialog}
            lang={view.lang}
            gpc={view.gpc}
            sensitive={showsSensitiveNote(dialog, view.lang)}
            t={t}
          />
        )}
        {view.layer === 'preferences' && <Preferences host={host} dialog={dialog} t={t} view={view} />}
      </div>
    );
  }
}
