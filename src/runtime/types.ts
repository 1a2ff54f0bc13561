import type { Config } from '../core/config';
import type { Lang } from '../core/languages';
import type { Settings } from '../core/settings';
import type { ConsentState, Source } from '../core/state';
import type { Warn } from '../core/warn';
import type { DialogSettings, ParseDialogSettings } from '../settings/dialog-settings';

export type Layer = 'banner' | 'preferences';
export type EventName = 'ready' | 'change' | 'open' | 'close';

export interface ReadyDetail {
  state: ConsentState | null;
}
export interface ChangeDetail {
  /** The new decision; `null` after `reset()`. */
  state: ConsentState | null;
  /** Purposes whose value changed, e.g. `["analytics"]`. */
  changed: string[];
  source: Source | 'reset';
}
export interface LayerDetail {
  layer: Layer;
}
export interface EventDetails {
  ready: ReadyDetail;
  change: ChangeDetail;
  open: LayerDetail;
  close: LayerDetail;
}

/** `window.ShopConsent`, and what `createConsent()` returns. */
export interface ShopConsentApi {
  readonly version: string;
  /** The decision, or `null` while the visitor has not decided. */
  get(): ConsentState | null;
  /** Whether a purpose is granted now (`necessary` always is). */
  has(purpose: string): boolean;
  /** Listens to `ready`, `change`, `open` or `close`; returns a function that stops listening. */
  on<E extends EventName>(event: E, listener: (detail: EventDetails[E]) => void): () => void;
  /** Opens the preferences. */
  open(): void;
  /** Closes whatever layer of the dialog is shown, without deciding anything. */
  close(): void;
  acceptAll(): void;
  rejectAll(): void;
  /** Grants or withdraws the purposes named; the others keep their value (off if undecided). */
  set(choices: Record<string, boolean>): void;
  /** Forgets the decision and asks again. */
  reset(): void;
  /** Switches the dialog's language (mn, ky, vi, lv, en). */
  setLanguage(code: string): void;
}

/** What the dialog sees of the widget: a read-only view plus the actions a visitor can take. */
export interface UiView {
  layer: Layer | null;
  lang: Lang;
  state: ConsentState | null;
  /** The browser sends Global Privacy Control, so "accept all" leaves marketing off. */
  gpc: boolean;
}
export interface UiHost {
  config: Config;
  /**
   * The shop's settings for the dialog, read (and warned about) once per page view by the parser of
   * whichever layer shows first: the core does not carry it, since a returning visitor never needs it.
   */
  dialog(parse: ParseDialogSettings): DialogSettings;
  /** Where focus was before the core's banner opened, when the dialog takes over from it; focus returns there. */
  focusOrigin: HTMLElement | null;
  view(): UiView;
  subscribe(listener: () => void): () => void;
  decide(purposes: Record<string, boolean>, source: 'banner' | 'preferences'): void;
  /** Accept all, as the core defines it (Global Privacy Control keeps marketing off). */
  acceptAll(source: 'banner' | 'preferences'): void;
  /** Only what is necessary. */
  rejectAll(source: 'banner' | 'preferences'): void;
  openPreferences(): void;
  /** Leaves the preferences: back to the banner while undecided, otherwise closed. */
  closePreferences(): void;
  setLanguage(code: string): void;
}
export type MountUi = (host: UiHost) => void;
/** The banner the core draws until the dialog is loaded (src/first-layer/show-banner.ts). */
export interface FirstLayer {
  /** The dialog takes over every layer: the core's banner goes, and says where focus was before it opened. */
  handOver(): HTMLElement | null;
}
/** How the widget gets its dialog: a script tag for the one-tag install, `import()` for the npm package. */
export type UiLoader = () => Promise<MountUi>;
/** A held-back iframe's stand-in; see `createPlaceholder`. */
export interface Placeholder {
  /** Writes its texts again, in the language the widget speaks now. */
  render(): void;
  /** Takes the placeholder away and shows the iframe again. */
  remove(): void;
}

export interface PlaceholderOptions {
  /** The widget's language and the shop's `texts` setting, as they are now. */
  texts: () => { lang: Lang; texts: unknown };
  /** "Allow and load": the visitor grants what this iframe needs. */
  allow: () => void;
  openPreferences: () => void;
}

/** Where receipts wait until they are sent (src/effects/receipt-outbox.ts). */
export interface Outbox {
  /** Adds a receipt (its JSON text) at the end; `false` when storage is blocked and it waits in this page view only. */
  add(body: string): boolean;
  /** Every waiting receipt, oldest first; the outbox is empty afterwards. */
  take(): string[];
  /** Whether a receipt is waiting. */
  waiting(): boolean;
}

/** What the extras bundle offers the core (src/extras/extras.ts). */
export interface Extras {
  addReopenButton(doc: Document, settings: Settings, host: UiHost): void;
  createPlaceholder(iframe: HTMLIFrameElement, options: PlaceholderOptions): Placeholder;
  createReceipts(win: Window, url: string, outbox: Outbox, warn: Warn): { flush(): void };
  /** Deletes the cookies the shop listed for the withdrawn purposes (its warnings are the dialog's to give). */
  deleteWithdrawn(doc: Document, settings: Settings, purposes: readonly string[], withdrawn: readonly string[]): void;
}
/** How the widget gets the parts a page needs only sometimes, the same two ways. */
export type ExtrasLoader = () => Promise<Extras>;
