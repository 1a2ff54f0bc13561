import type { BANNER_REGISTRY, EXTRAS_REGISTRY, RegistryWindow, UI_REGISTRY } from '../runtime/bundle-registry';

interface ScriptUrlPolicy {
  createScriptURL(url: string): string;
}
type TrustedTypesWindow = Window & {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };
};

let policy: ScriptUrlPolicy | undefined;

/**
 * Our bundle's address as a script source a page requiring Trusted Types (`require-trusted-types-for
 * 'script'`) accepts: through a policy named `shopconsent` that only this module holds, so it passes the
 * addresses of our bundles built from our own tag and nothing else. A page whose `trusted-types`
 * directive does not name it refuses the policy; the script tag is refused in turn and the error says so.
 */
const scriptUrl = (win: TrustedTypesWindow, url: string): string => {
  if (!win.trustedTypes) return url;
  policy ??= win.trustedTypes.createPolicy('shopconsent', { createScriptURL: (value) => value });
  return policy.createScriptURL(url);
};

/**
 * Loads one of our bundles (`shopconsent-ui.js`, `shopconsent-extras.js`, `shopconsent-banner-<lang>.js`)
 * with a script tag and resolves with what it registered under `key`. `own` is our own tag: a nonce it
 * carries (a nonce-based Content-Security-Policy) goes to the new tag too, and when the shop pinned our
 * file with Subresource Integrity, the bundle is pinned to `integrity`, the hash of that bundle as built
 * with this core, and fetched the same way (`crossorigin`). An `urgent` bundle (the banner, often the
 * largest thing a first visit paints) is fetched at high priority, not at the low one of added scripts.
 */
export const loadBundle = <K extends typeof UI_REGISTRY | typeof EXTRAS_REGISTRY | typeof BANNER_REGISTRY>(
  win: RegistryWindow,
  own: HTMLScriptElement | null,
  url: string,
  key: K,
  integrity: string,
  urgent = false,
): Promise<NonNullable<RegistryWindow[K]>> =>
  new Promise((resolve, reject) => {
    const doc = win.document;
    const script = doc.createElement('script');
    // Inside the promise, so that a refused policy rejects rather than throws.
    script.src = scriptUrl(win, url);
    if (own?.nonce) script.nonce = own.nonce;
    if (urgent) script.setAttribute('fetchpriority', 'high');
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

/**
 * Downloads a bundle into the cache without running it (`<link rel="prefetch">`), pinned and fetched
 * the way `loadBundle` will ask for it, so that its later script tag finds it there.
 */
export const prefetchBundle = (doc: Document, own: HTMLScriptElement | null, url: string, integrity: string) => {
  const link = doc.createElement('link');
  link.rel = 'prefetch';
  link.as = 'script';
  if (own?.integrity && integrity) {
    link.integrity = integrity;
    link.crossOrigin = own.crossOrigin ?? 'anonymous';
  }
  link.href = url;
  doc.head.appendChild(link);
};
