import type { EXTRAS_REGISTRY, RegistryWindow, UI_REGISTRY } from '../runtime/bundle-registry';

/**
 * Loads one of our bundles (`shopconsent-ui.js`, `shopconsent-extras.js`) with a script tag and resolves
 * with what it registered under `key`. `own` is our own tag: a nonce it carries (a nonce-based
 * Content-Security-Policy) goes to the new tag too, and when the shop pinned our file with Subresource
 * Integrity, the bundle is pinned to `integrity`, the hash of that bundle as built with this core, and
 * fetched the same way (`crossorigin`).
 */
export const loadBundle = <K extends typeof UI_REGISTRY | typeof EXTRAS_REGISTRY>(
  win: RegistryWindow,
  own: HTMLScriptElement | null,
  url: string,
  key: K,
  integrity: string,
): Promise<NonNullable<RegistryWindow[K]>> =>
  new Promise((resolve, reject) => {
    const doc = win.document;
    const script = doc.createElement('script');
    script.src = url;
    if (own?.nonce) script.nonce = own.nonce;
    if (own?.integrity && integrity) {
      script.integrity = integrity;
      script.crossOrigin = own.crossOrigin ?? 'anonymous';
    }
    script.addEventListener('load', () => {
      const registered = win[key];
      if (registered) resolve(registered as NonNullable<RegistryWindow[K]>);
      else reject(new Error(`${url} is not a ShopConsent bundle`));
    });
    script.addEventListener('error', () => reject(new Error(`${url} could not be loaded`)));
    doc.head.appendChild(script);
  });
