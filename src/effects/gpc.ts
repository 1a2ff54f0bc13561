/** The purpose a Global Privacy Control signal keeps off: selling and sharing data is what GPC refuses. */
export const GPC_PURPOSE = 'marketing';

/** Whether the browser sends Global Privacy Control (Firefox, Brave, DuckDuckGo, extensions). */
export const hasGpc = (navigator: Navigator): boolean =>
  (navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;

/** The purpose to keep off under "accept all", or `null` when the browser sends no signal or the shop has no such purpose. */
export const gpcPurpose = (navigator: Navigator, purposes: readonly string[]): string | null =>
  hasGpc(navigator) && purposes.includes(GPC_PURPOSE) ? GPC_PURPOSE : null;
