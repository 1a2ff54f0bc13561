import type { DialogSettings } from '../settings/dialog-settings';
import type { PurposeCookies } from '../settings/purpose-cookies';

/** The shop's settings for the dialog, with each purpose's cookies and services, as the preferences list them. */
export type Dialog = DialogSettings & PurposeCookies;
