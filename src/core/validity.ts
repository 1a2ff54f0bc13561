import { choicesFor, grants } from './purposes';
import type { ConsentState } from './state';

const DAY = 86_400_000;

/**
 * Whether a stored decision still counts: not older than `expiresDays` (nor more than a day in the
 * future: clocks differ, but not by more), made under the current revision, and covering every purpose
 * the shop asks about now. A new purpose means the visitor was never asked about it.
 */
export const isCurrent = (
  state: ConsentState,
  revision: string,
  expiresDays: number,
  purposes: readonly string[],
  now: number,
): boolean => {
  const age = now - Date.parse(state.decidedAt);
  return (
    age >= -DAY &&
    age <= expiresDays * DAY &&
    state.revision === revision &&
    purposes.every((id) => typeof state.purposes[id] === 'boolean')
  );
};

/** The stored decision narrowed to the purposes the shop asks about now. */
export const narrowed = (state: ConsentState, purposes: readonly string[]): ConsentState => ({
  ...state,
  purposes: choicesFor(purposes, (id) => grants(state.purposes, id)),
});
