import type { ShopConsentApi } from '../src/api/types';

declare global {
  interface Window {
    ShopConsent: ShopConsentApi;
    shopConsentQueue?: unknown;
  }
}
