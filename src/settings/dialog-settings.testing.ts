import type { DialogSettings } from './dialog-settings';

/** The dialog's settings as a shop that set none of them gets them, with `over` on top. */
export const dialogSettings = (over: Partial<DialogSettings> = {}): DialogSettings => ({
  shop: '',
  policyUrl: null,
  theme: 'auto',
  texts: {},
  labels: {},
  descriptions: {},
  sensitiveNote: 'auto',
  operator: null,
  layout: 'bar',
  ...over,
});
