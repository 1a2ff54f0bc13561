import type { BannerChunk } from '../first-layer/types';
import type { Extras, MountUi } from './types';

/**
 * Each lazily loaded bundle registers what it offers under a registered symbol: shared by the bundles
 * without adding a public global a shop could clash with.
 */
export const UI_REGISTRY = Symbol.for('shopconsent.ui');
export const EXTRAS_REGISTRY = Symbol.for('shopconsent.extras');
export const BANNER_REGISTRY = Symbol.for('shopconsent.banner');

export type RegistryWindow = Window & {
  [UI_REGISTRY]?: MountUi;
  [EXTRAS_REGISTRY]?: Extras;
  [BANNER_REGISTRY]?: BannerChunk;
};
