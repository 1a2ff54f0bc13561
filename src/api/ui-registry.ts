import type { MountUi } from './types';

/**
 * The dialog bundle registers its mount function here. A registered symbol is shared by both bundles
 * without adding a public global a shop could clash with.
 */
export const UI_REGISTRY = Symbol.for('shopconsent.ui');

export type RegistryWindow = Window & { [UI_REGISTRY]?: MountUi };
