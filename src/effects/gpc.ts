/** The purpose a Global Privacy Control signal keeps off: selling and sharing data is what GPC refuses. */
export const GPC_PURPOSE = 'marketing';

/** Whether the browser sends Global Privacy Control (Firefox, Brave, DuckDuckGo, extensions). */
export const hasGpc = (navigator: Navigator): boolean =>
  (navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
