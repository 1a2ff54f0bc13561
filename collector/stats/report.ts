import type { RollupSummary } from '../store/store';
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

/** Lays the database's sums out as the report's series (one value per day, zero where none) and splits. */
export const buildReport = (summary: RollupSummary, from: string, to: string, shop: string | null): Report => {
  const days = daysBetween(from, to);
  const index = new Map(days.map((day, position) => [day, position]));
  const zeros = () => days.map(() => 0);
  const decisions = { accepted: zeros(), refused: zeros(), chose: zeros() };
  const withdrawals = zeros();
  for (const row of summary.days) {
    const at = index.get(row.day);
    if (at === undefined) continue;
    for (const outcome of OUTCOMES) decisions[outcome][at] = row[outcome];
    withdrawals[at] = row.withdrawals;
  }

  const purposes: Report['purposes'] = {};
  for (const name of [...new Set(summary.purposeDays.map((row) => row.purpose))].sort(purposeOrder))
    purposes[name] = { asked: zeros(), granted: zeros() };
  for (const row of summary.purposeDays) {
    const at = index.get(row.day);
    if (at === undefined) continue;
    purposes[row.purpose].asked[at] = row.asked;
    purposes[row.purpose].granted[at] = row.granted;
  }

  const splits = { lang: new Map<string, Split>(), revision: new Map<string, Split>() };
  for (const row of summary.splits) {
    const { by, key, ...counts } = row;
    splits[by].set(key, { ...emptySplit(key), ...counts });
  }
  for (const row of summary.purposeSplits) {
    const split = splits[row.by].get(row.key);
    if (split) split.purposes[row.purpose] = { asked: row.asked, granted: row.granted };
  }

  const firstDays = [...summary.firstDays].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
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
    byLanguage: [...splits.lang.values()].sort((a, b) => b.decisions - a.decisions || (a.key < b.key ? -1 : 1)),
    byRevision: [...splits.revision.values()].sort((a, b) =>
      (firstSeen.get(a.key) ?? '') < (firstSeen.get(b.key) ?? '') ? -1 : 1,
    ),
    revisionChanges,
  };
};
