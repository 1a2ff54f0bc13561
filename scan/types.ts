/** The three visits of every page: before any decision, after *Reject all*, after *Accept all*. */
export const PASSES = ['before-decision', 'after-reject', 'after-accept'] as const;
export type Pass = (typeof PASSES)[number];

/** What recorded the trace of a cookie, storage key or request. */
export type Cause =
  | { kind: 'script'; url: string; line?: number }
  | { kind: 'inline-script'; page: string; line?: number }
  | { kind: 'response'; url: string }
  | { kind: 'parser'; page: string; line?: number };

export interface CookieRecord {
  name: string;
  domain: string;
  path: string;
  /** Unix seconds; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
  thirdParty: boolean;
  cause?: Cause;
}

export interface StorageRecord {
  area: 'localStorage' | 'sessionStorage';
  key: string;
  cause?: Cause;
}

export interface RequestRecord {
  url: string;
  host: string;
  type: string;
  cause?: Cause;
}

/** How the page carries the widget, read in the first pass. */
export interface WidgetSetup {
  tags: number;
  loaded: boolean;
  purposes: string[];
  gated: { purposes: string[]; element: 'script' | 'iframe'; src?: string }[];
}

export interface PageRecord {
  url: string;
  pass: Pass;
  cookies: CookieRecord[];
  storage: StorageRecord[];
  requests: RequestRecord[];
  widget?: WidgetSetup;
  error?: string;
}

/** Where a name or host was recognised. */
export type Source = 'widget' | 'catalogue' | 'open-cookie-database';

export interface Classification {
  purpose: string;
  platform: string;
  source: Source;
  /** The widget's `services` id, when the widget knows the service. */
  service?: string;
}
