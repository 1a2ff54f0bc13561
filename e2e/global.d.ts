import type { ShopConsentApi } from '../src/runtime/types';

// The widget's globals as the shipped TypeScript types describe them (the npm package's `ShopConsentApi`).
declare global {
  interface Window {
    ShopConsent: ShopConsentApi;
    shopConsentQueue?: unknown;
    shopConsentConfig?: unknown;
  }
}
