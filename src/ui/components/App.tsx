import type { i18n, TFunction } from 'i18next';
import { Component } from 'preact';
import type { UiHost, UiView } from '../../api/types';
import type { DialogSettings } from '../../core/dialog-settings';
import { Banner } from './Banner';
import { Preferences } from './Preferences';

export interface AppProps {
  host: UiHost;
  dialog: DialogSettings;
  i18n: i18n;
}

/**
 * Shows the layer the widget asks for, in the widget's language, re-rendering on every change the
 * widget announces. A class rather than hooks: preact/hooks would cost the bundle another 1.4 kB.
 */
export class App extends Component<AppProps, UiView> {
  private unsubscribe?: () => void;

  constructor(props: AppProps) {
    super(props);
    this.state = props.host.view();
  }

  componentDidMount() {
    this.unsubscribe = this.props.host.subscribe(() => this.setState(this.props.host.view()));
  }

  componentWillUnmount() {
    this.unsubscribe?.();
  }

  render({ host, dialog, i18n }: AppProps, view: UiView) {
    if (!view.layer) return null;
    const t: TFunction = i18n.getFixedT(view.lang);
    return (
      <div class="sc" dir="ltr">
        {view.layer === 'banner' ? (
          <Banner host={host} dialog={dialog} lang={view.lang} gpc={view.gpc} t={t} />
        ) : (
          <Preferences host={host} dialog={dialog} t={t} view={view} />
        )}
      </div>
    );
  }
}
