import type { MountUi } from '../api/types';
import { type RegistryWindow, UI_REGISTRY } from '../api/ui-registry';

declare const __SHOPCONSENT_UI_INTEGRITY__: string;

/**
 * Loads `shopconsent-ui.js` with a script tag and resolves with the mount function it registers.
 * `own` is our own tag: a nonce it carries (a nonce-based Content-Security-Policy) goes to the dialog's
 * tag too, and when the shop pinned our file with Subresource Integrity, the dialog is pinned to the
 * hash of the dialog built with it, fetched the same way (`crossorigin`).
 */
export const loadUiScript = (
  win: RegistryWindow,
  doc: Document,
  url: string,
  own: HTMLScriptElement | null,
): Promise<MountUi> =>
  new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = url;
    if (own?.nonce) script.nonce = own.nonce;
    if (own?.integrity && __SHOPCONSENT_UI_INTEGRITY__) {
      script.integrity = __SHOPCONSENT_UI_INTEGRITY__;
      script.crossOrigin = own.crossOrigin ?? 'anonymous';
    }
    script.addEventListener('load', () => {
      const mount = win[UI_REGISTRY];
      if (mount) resolve(mount);
      else reject(new Error(`${url} is not the ShopConsent dialog`));
    });
    script.addEventListener('error', () => reject(new Error(`${url} could not be loaded`)));
    doc.head.appendChild(script);
  });
