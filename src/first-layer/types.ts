import type { Lang } from '../core/languages';
import type { Runtime } from '../runtime/runtime';
import type { FirstLayer } from '../runtime/types';
import type { DialogSettings, ParseDialogSettings } from '../settings/dialog-settings';

/** Our banner's texts in one language, by key. */
export type BannerTexts = Record<string, string>;

/** The banner the core draws, once its chunk is there. */
export interface DrawnBanner extends FirstLayer {
  /** Draws again if the banner is to show: our texts for the visitor's language may have just arrived. */
  redraw(): void;
}

export type ShowBanner = (
  rt: Runtime,
  doc: Document,
  dialog: (parse: ParseDialogSettings) => DialogSettings,
  textsOf: (lang: Lang) => BannerTexts | undefined,
  prefetchUi?: () => void,
) => DrawnBanner;

/**
 * What a first-layer chunk gives the core: the banner's controller, with its builder and styles, and
 * our texts in the languages the chunk carries (one in `shopconsent-banner-<lang>.js`, all in the npm
 * package).
 */
export interface BannerChunk {
  texts: Partial<Record<Lang, BannerTexts>>;
  show: ShowBanner;
}

/** How the core gets the chunk for a language: a script tag for the one-tag install, `import()` for npm. */
export type BannerLoader = (lang: Lang) => Promise<BannerChunk>;
