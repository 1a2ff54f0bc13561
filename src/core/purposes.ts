export const NECESSARY = 'necessary';
export const DEFAULT_PURPOSES = ['analytics', 'marketing'] as const;
/** Purposes with ready texts in every language that a shop may ask about, e.g. `purposes: ['personalization']`. */
export const OPTIONAL_PURPOSES = ['personalization', 'customer-service'] as const;
export const BUILT_IN_PURPOSES: readonly string[] = [NECESSARY, ...DEFAULT_PURPOSES, ...OPTIONAL_PURPOSES];

/** Lower-case ids keep the cookie value short and free of characters a cookie parser could trip on. */
const PURPOSE_ID = /^[a-z][a-z0-9_-]{0,23}$/;
export const isPurposeId = (id: unknown): id is string => typeof id === 'string' && PURPOSE_ID.test(id);

export type Choices = { necessary: true } & Record<string, boolean>;

/** The choices for `purposes` (ids, necessary included): necessary always on, the others as `pick` says. */
export const choicesFor = (purposes: readonly string[], pick: (id: string) => boolean): Choices => {
  const choices: Record<string, boolean> = {};
  for (const id of purposes) choices[id] = id === NECESSARY || pick(id);
  return choices as Choices;
};

/** Nothing agreed yet: necessary on, everything else off. */
export const noConsent = (purposes: readonly string[]): Choices => choicesFor(purposes, () => false);

export const allConsent = (purposes: readonly string[]): Choices => choicesFor(purposes, () => true);

/**
 * Whether `choices` grants `purpose`; necessary is always granted. Strictly `true`: a purpose called
 * `constructor` must not find `Object.prototype.constructor`.
 */
export const grants = (choices: Record<string, unknown> | undefined, purpose: string): boolean =>
  purpose === NECESSARY || choices?.[purpose] === true;
