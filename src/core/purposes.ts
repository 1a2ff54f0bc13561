export const NECESSARY = 'necessary';
export const DEFAULT_PURPOSES = ['analytics', 'marketing'] as const;

/** Lower-case ids keep the cookie value short and free of characters a cookie parser could trip on. */
const PURPOSE_ID = /^[a-z][a-z0-9_-]{0,23}$/;
export const isPurposeId = (id: unknown): id is string => typeof id === 'string' && PURPOSE_ID.test(id);

export interface Purpose {
  id: string;
  /** Cookie names or `*` patterns this purpose sets; shown to the visitor as a count. */
  cookies: string[];
}

export type Choices = { necessary: true } & Record<string, boolean>;

/** The choices nobody has agreed to anything yet: necessary on, everything else off. */
export const noConsent = (purposes: readonly Purpose[]): Choices => choicesFor(purposes, () => false);

export const allConsent = (purposes: readonly Purpose[]): Choices => choicesFor(purposes, () => true);

export const choicesFor = (purposes: readonly Purpose[], pick: (id: string) => boolean): Choices => {
  const choices: Record<string, boolean> = {};
  for (const { id } of purposes) choices[id] = id === NECESSARY || pick(id);
  return choices as Choices;
};

/**
 * Own keys only: a purpose called `constructor` must not find `Object.prototype.constructor`.
 * Not `Object.hasOwn`: Safari before 15.4 lacks it, and shops' visitors still use such phones.
 */
// biome-ignore lint/suspicious/noPrototypeBuiltins: see above
export const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
