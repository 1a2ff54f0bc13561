import { focusedElement, focusWasLost } from '../dom/focus';
import { adoptStyles } from '../dom/shadow-styles';
import { whenBodyExists, widgetRoot } from '../dom/widget-root';
import { parseDialogSettings } from '../settings/dialog-settings';
import layersAndBanner from '../ui/styles/layers-and-banner.css?inline';
import palette from '../ui/styles/palette.css?inline';
import phones from '../ui/styles/phones.css?inline';
import { drawBanner } from './draw-banner';
import type { ShowBanner } from './types';

type IdleWindow = Window & { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number };

/** Runs `run` once the page is idle (or after a second where the browser cannot say, as Safari). */
const whenIdle = (win: IdleWindow, run: () => void) => {
  if (win.requestIdleCallback) win.requestIdleCallback(run, { timeout: 5000 });
  else win.setTimeout(run, 1000);
};

/**
 * Draws the banner while the dialog bundle is not there: a visitor who has to decide sees it without
 * Preact, i18next or any dialog code, and decides in it. "Choose" asks for the preferences, which loads
 * the dialog; the banner stays until the dialog takes over every layer (`handOver`). Once the banner has
 * shown and the page is idle, `prefetchUi` downloads the dialog without running it, so that "Choose"
 * opens quickly, unless the visitor has decided by then. After a language switch the banner keeps its
 * language until `textsOf` has the new one's texts (`redraw`).
 */
export const showBanner: ShowBanner = (rt, doc, dialog, textsOf, prefetchUi) => {
  let frame: HTMLElement | null = null;
  let drawnIn = '';
  let root: ShadowRoot | undefined;
  /** Where focus was when the banner opened. */
  let returnTo: HTMLElement | null = null;
  let handedOver = false;
  let prefetch = prefetchUi;

  const act = (event: Event) => {
    const action = (event.target as Element | null)?.closest?.('[data-action]')?.getAttribute('data-action');
    if (action === 'accept-all') rt.acceptAll('banner');
    else if (action === 'reject-all') rt.rejectAll('banner');
    else if (action === 'preferences') rt.setLayer('preferences');
  };

  const draw = () => {
    const lang = rt.lang();
    const texts = textsOf(lang);
    if (handedOver || rt.layer() !== 'banner' || !texts || (frame && drawnIn === lang)) return;
    const settings = dialog(parseDialogSettings);
    if (!root) {
      root = widgetRoot(doc, settings);
      // The dialog's own stylesheets that style the banner, in the dialog's cascade order; the dialog
      // adopts all of its styles when it takes over.
      adoptStyles(root, [palette, layersAndBanner, phones].join('\n'));
    }
    const focused = frame && root.activeElement?.getAttribute('data-action');
    const next = drawBanner(doc, settings, lang, texts, rt.gpc);
    next.addEventListener('click', act);
    if (frame) frame.replaceWith(next);
    else root.append(next);
    // After a language switch, focus goes back to the button that had it.
    if (focused) next.querySelector<HTMLElement>(`[data-action="${focused}"]`)?.focus();
    // When it opens, into the banner, so that a screen reader reads its title and text. In the next
    // frame: the browser gives a field its `autofocus` first, and focus returns there afterwards.
    if (!frame) {
      doc.defaultView?.requestAnimationFrame(() => {
        if (frame !== next) return;
        const origin = focusedElement(doc);
        if (origin && !root?.host.contains(origin) && origin.getRootNode() !== root) returnTo = origin;
        next.querySelector<HTMLElement>('[data-layer]')?.focus();
      });
    }
    frame = next;
    drawnIn = lang;
    const ahead = prefetch;
    prefetch = undefined;
    // Only while the banner still asks: a visitor who decided before the page was idle may never open
    // the preferences, and offline the download could only fail.
    if (ahead)
      whenIdle(doc.defaultView as IdleWindow, () => frame && doc.defaultView?.navigator.onLine !== false && ahead());
  };

  const remove = () => {
    if (!frame) return;
    frame.remove();
    frame = null;
    if (focusWasLost(doc, root) && returnTo?.isConnected) returnTo.focus();
    returnTo = null;
  };

  const redraw = () => {
    if (!handedOver && rt.layer() === 'banner') whenBodyExists(doc, draw);
  };
  rt.onView(() => {
    redraw();
    // While the preferences load, the banner stays where it is.
    if (!handedOver && !rt.layer()) remove();
  });
  // The chunk arrives once the banner is to show.
  redraw();

  return {
    redraw,
    handOver: () => {
      handedOver = true;
      frame?.remove();
      frame = null;
      const origin = returnTo;
      returnTo = null;
      return origin;
    },
  };
};
