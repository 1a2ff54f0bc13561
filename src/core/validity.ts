import { hasOwn } from './purposes';
import type { ConsentState } from './state';

const DAY = 86_400_000;
/** Clocks differ between devices; a decision from slightly in the future is still the visitor's. */
const CLOCK_SKEW = DAY;

export interface Policy {
  revision: string;
  expiresDays: number;
  /** Every purpose the shop asks about now, necessary included. */
  purposeIds: readonly string[];
}

export type Staleness = 'expired' | 'revision' | 'new-purpose' | null;

/** Why a stored decision no longer counts, or `null` when it still does. */
export const staleness = (state: ConsentState, policy: Policy, now: number): Staleness => {
  const decidedAt = Date.parse(state.decidedAt);
  if (!(decidedAt <= now + CLOCK_SKEW) || now - decidedAt > policy.expiresDays * DAY) return 'expired';
  if (state.revision !== policy.revision) return 'revision';
  if (policy.purposeIds.some((id) => !hasOwn(state.purposes, id))) return 'new-purpose';
  return null;
};

/** The stored decision narrowed to the purposes the shop asks about now. */
export const forPolicy = (state: ConsentState, policy: Policy): ConsentState => {
  const purposes: Record<string, boolean> = {};
  for (const id of policy.purposeIds) purposes[id] = hasOwn(state.purposes, id) && state.purposes[id] === true;
  return { ...state, purposes: purposes as ConsentState['purposes'] };
};
