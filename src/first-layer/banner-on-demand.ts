import type { Lang } from '../core/languages';
import { reportError } from '../core/warn';
import type { Runtime } from '../runtime/runtime';
import type { FirstLayer } from '../runtime/types';
import type { BannerChunk, BannerLoader, BannerTexts, DrawnBanner } from './types';

/**
 * The first layer as the core holds it: nothing for a visitor who has decided; otherwise the chunk of
 * the visitor's language (its controller, builder, styles and texts), so that a returning visitor's page
 * view carries none of it (docs/adr/0043). A language switch while the banner shows asks for that
 * language's texts; a chunk that cannot load leaves the banner to the dialog bundle (`fallback`), which
 * draws every layer, so that the visitor can still decide.
 */
export const bannerOnDemand = (
  rt: Runtime,
  load: BannerLoader,
  show: (chunk: BannerChunk, textsOf: (lang: Lang) => BannerTexts | undefined) => DrawnBanner,
  fallback: () => void,
): FirstLayer => {
  const texts: Partial<Record<Lang, BannerTexts>> = {};
  const asked = new Set<Lang>();
  let drawn: DrawnBanner | undefined;
  let handedOver = false;

  const request = (lang: Lang) => {
    if (handedOver || texts[lang] || asked.has(lang)) return;
    asked.add(lang);
    load(lang)
      .then((chunk) => {
        Object.assign(texts, chunk.texts);
        if (handedOver) return;
        if (drawn) drawn.redraw();
        else drawn = show(chunk, (code) => texts[code]);
      })
      // A chunk that did not load, or that failed to draw, never reaches the page as an error.
      .catch((error) => {
        asked.delete(lang);
        if (handedOver) return;
        reportError('could not load the banner; the preferences bundle draws it instead:', error);
        fallback();
      });
  };

  rt.onView(() => {
    if (rt.layer() === 'banner') request(rt.lang());
  });
  // Undecided: the banner will show once the widget starts, so the request goes out now, while the
  // effects are set up and the page's `ready` listeners run.
  if (!rt.get()) request(rt.lang());

  return {
    handOver: () => {
      handedOver = true;
      return drawn?.handOver() ?? null;
    },
  };
};
