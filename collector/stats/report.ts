import type { RollupRead } from '../store/store';
import type { Outcome } from './rollup';

export interface Split {
  /** The language code or the revision name. */
  key: string;
  decisions: number;
  accepted: number;
  refused: number;
  chose: number;
  withdrawals: number;
  /** Per purpose: decisions that asked about it, and those that granted it. */
  purposes: Record<string, { asked: number; granted: number }>;
}

/** What GET /stats answers and the dashboard draws: every series has one value per day of `days`. */
export interface Report {
  from: string;
  to: string;
  shop: string | null;
  days: string[];
  decisions: Record<Outcome, number[]>;
  withdrawals: number[];
  /** Per purpose, per day: decisions that asked about it, and those that granted it. */
  purposes: Record<string, { asked: number[]; granted: number[] }>;
  byLanguage: Split[];
  byRevision: Split[];
  /** Days in the period on which a policy revision was first seen, after an earlier one. */
  revisionChanges: { day: string; revision: string }[];
}

export const OUTCOMES: Outcome[] = ['accepted', 'refused', 'chose'];

/** Every UTC day from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string) => {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000)
    days.push(new Date(time).toISOString().slice(0, 10));
  return days;
};

const emptySplit = (key: string): Split => ({
  key,
  decisions: 0,
  accepted: 0,
  refused: 0,
  chose: 0,
  withdrawals: 0,
  purposes: {},
});

/** Purposes in a stable order: necessary first, then by name. */
const purposeOrder = (a: string, b: string) => (a === 'necessary' ? -1 : b === 'necessary' ? 1 : a < b ? -1 : 1);

/** Sums the rollup rows (one per day, shop, language and revision) into the report's series and splits. */
export const buildReport = (read: RollupRead, from: string, to: string, shop: string | null): Report => {
  const days = daysBetween(from, to);
  const index = new Map(days.map((day, position) => [day, position]));
  const zeros = () => days.map(() => 0);
  const decisions = { accepted: zeros(), refused: zeros(), chose: zeros() };
  const withdrawals = zeros();
  const languages = new Map<string, Split>();
  const revisions = new Map<string, Split>();
  const split = (map: Map<string, Split>, key: string) => {
    let found = map.get(key);
    if (!found) {
      found = emptySplit(key);
      map.set(key, found);
    }
    return found;
  };

  for (const row of read.days) {
    const at = index.get(row.day);
    if (at === undefined) continue;
    for (const outcome of OUTCOMES) decisions[outcome][at] += row[outcome];
    withdrawals[at] += row.withdrawals;
    for (const target of [split(languages, row.lang), split(revisions, row.revision)]) {
      target.decisions += row.decisions;
      for (const outcome of OUTCOMES) target[outcome] += row[outcome];
      target.withdrawals += row.withdrawals;
    }
  }

  const purposes: Report['purposes'] = {};
  for (const name of [...new Set(read.purposes.map((row) => row.purpose))].sort(purposeOrder))
    purposes[name] = { asked: zeros(), granted: zeros() };
  for (const row of read.purposes) {
    const at = index.get(row.day);
    if (at === undefined) continue;
    purposes[row.purpose].asked[at] += row.asked;
    purposes[row.purpose].granted[at] += row.granted;
    for (const target of [split(languages, row.lang), split(revisions, row.revision)]) {
      target.purposes[row.purpose] ??= { asked: 0, granted: 0 };
      target.purposes[row.purpose].asked += row.asked;
      target.purposes[row.purpose].granted += row.granted;
    }
  }

  const firstDays = [...read.firstDays].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const revisionChanges =
    shop === null
      ? []
      : firstDays
          .slice(1)
          .filter((first) => index.has(first.day))
          .map(({ day, revision }) => ({ day, revision }));
  const firstSeen = new Map(firstDays.map((first) => [first.revision, first.day]));

  return {
    from,
    to,
    shop,
    days,
    decisions,
    withdrawals,
    purposes,
    byLanguage: [...languages.values()].sort((a, b) => b.decisions - a.decisions || (a.key < b.key ? -1 : 1)),
    byRevision: [...revisions.values()].sort((a, b) =>
      (firstSeen.get(a.key) ?? '') < (firstSeen.get(b.key) ?? '') ? -1 : 1,
    ),
    revisionChanges,
  };
};
