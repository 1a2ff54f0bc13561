import type { MountUi } from '../api/types';
import { type RegistryWindow, UI_REGISTRY } from '../api/ui-registry';

/** Loads `shopconsent-ui.js` with a script tag and resolves with the mount function it registers. */
export const loadUiScript = (win: RegistryWindow, doc: Document, url: string, nonce: string): Promise<MountUi> =>
  new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = url;
    // A shop with a nonce-based Content-Security-Policy gave our tag a nonce; the dialog needs the same.
    if (nonce) script.nonce = nonce;
    script.addEventListener('load', () => {
      const mount = win[UI_REGISTRY];
      if (mount) resolve(mount);
      else reject(new Error(`${url} is not the ShopConsent dialog`));
    });
    script.addEventListener('error', () => reject(new Error(`${url} could not be loaded`)));
    doc.head.appendChild(script);
  });
