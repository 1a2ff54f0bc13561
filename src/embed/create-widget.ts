import type { Config } from '../core/config';
import type { DecisionStore } from '../core/decision-store';
import type { Warn } from '../core/warn';
import { followConsentMode } from '../effects/consent-mode';
import { showFloatingButton } from '../effects/floating-button';
import { gpcPurpose } from '../effects/gpc';
import { keepReceipts } from '../effects/keep-receipts';
import { announceToPage } from '../effects/page-events';
import { releaseGatedTags } from '../effects/release-tags';
import { syncTabs } from '../effects/tab-sync';
import { deleteWithdrawnCookies } from '../effects/withdrawal';
import { bannerOnDemand } from '../first-layer/banner-on-demand';
import type { BannerLoader } from '../first-layer/types';
import { createApi } from '../runtime/api';
import { createDialogHost } from '../runtime/dialog-host';
import { createExtrasLoader } from '../runtime/extras-loader';
import { createRuntime } from '../runtime/runtime';
import type { ExtrasLoader, UiLoader } from '../runtime/types';
import type { DialogSettings, ParseDialogSettings } from '../settings/dialog-settings';

export interface WidgetDeps {
  win: Window;
  doc: Document;
  store: DecisionStore;
  loadUi: UiLoader;
  /** The banner's chunk for a language, requested once a visitor has to decide. */
  loadBanner: BannerLoader;
  /** Downloads the dialog without running it, once the banner has shown and the page is idle. */
  prefetchUi?: () => void;
  loadExtras: ExtrasLoader;
  warn: Warn;
  now?: () => number;
}

/**
 * The runtime with its effects, for the script tag and the npm entry alike. The order of the effects is
 * the order a decision reaches them: stored, other tabs, the collector, Google tags, cookie deletion,
 * the page's `change` event, gated tags, the banner and the dialog, the floating button.
 */
export const createWidget = (
  config: Config,
  { win, doc, store, loadUi, loadBanner, prefetchUi, loadExtras, warn, now = Date.now }: WidgetDeps,
) => {
  const rt = createRuntime(config, {
    win,
    doc,
    store,
    warn,
    now,
    gpcPurpose: gpcPurpose(win.navigator, config.purposes),
  });
  const withExtras = createExtrasLoader(loadExtras);
  // Read when a layer first shows, with the parser of the banner's chunk or of the dialog, whichever
  // draws first: a returning visitor's page view neither runs nor downloads it.
  let settings: DialogSettings | undefined;
  const dialog = (parse: ParseDialogSettings) => {
    settings ??= parse(config.settings, win.location.href, warn);
    return settings;
  };
  const firstLayer = bannerOnDemand(
    rt,
    loadBanner,
    (chunk, textsOf) => chunk.show(rt, doc, dialog, textsOf, prefetchUi),
    () => loadDialog(),
  );
  const { host, loadDialog } = createDialogHost(rt, doc, loadUi, dialog, firstLayer);
  syncTabs(rt, doc, store);
  const sendReceipts = keepReceipts(rt, win, withExtras, warn);
  const startConsentMode = followConsentMode(rt, win);
  deleteWithdrawnCookies(rt, doc, withExtras);
  const page = announceToPage(rt, win, warn);
  const watchTags = releaseGatedTags(rt, doc, withExtras);
  rt.onCommit(rt.notify);
  const showButton = showFloatingButton(rt, doc, withExtras, host);

  /** Announces the decision (or its absence) and asks the visitor if needed. Call once `api` is reachable. */
  const start = () => {
    startConsentMode?.();
    watchTags();
    showButton();
    sendReceipts?.();
    page.ready();
    // A queued open() already showed the preferences; the banner waits behind them.
    if (!rt.get() && !rt.layer()) rt.setLayer('banner');
  };
  return { api: createApi(rt, page.listen, warn), start };
};
