/**
 * The per-day rollup behind /stats and the dashboard, as pure functions: what one receipt adds to it, and
 * how a visitor's withdrawals change when receipts are counted or removed. The stores apply the result in
 * the transaction that marks the receipts counted, or that deletes them
 * (docs/adr/0044-rollup-off-the-write-path.md).
 */

/** The facts of one stored receipt the rollup needs. */
export interface Decision {
  consentId: string;
  decidedAt: string;
  digest: string;
  shop: string;
  lang: string;
  revision: string;
  purposes: Record<string, boolean>;
}

export type Outcome = 'accepted' | 'refused' | 'chose';

/** One rollup row: the decisions of one UTC day for one shop, language and policy revision. */
export interface DayCounts {
  day: string;
  shop: string;
  lang: string;
  revision: string;
  decisions: number;
  accepted: number;
  refused: number;
  chose: number;
  withdrawals: number;
}

/** How many of those decisions were asked about one purpose, and how many granted it. */
export interface PurposeCounts {
  day: string;
  shop: string;
  lang: string;
  revision: string;
  purpose: string;
  asked: number;
  granted: number;
}

/** A stored row as both stores read it back: the receipt is the JSON text the widget sent. */
export interface ReceiptRow {
  consentId: string;
  decidedAt: string;
  digest: string;
  receipt: string;
}

export const decisionOf = (row: ReceiptRow): Decision => {
  const receipt = JSON.parse(row.receipt) as {
    shop?: string;
    lang: string;
    revision: string;
    purposes: Record<string, boolean>;
  };
  return {
    consentId: row.consentId,
    decidedAt: row.decidedAt,
    digest: row.digest,
    // PostgreSQL's text cannot hold NUL, and a rollup key need not be exact: the receipt itself stays as sent.
    shop: (receipt.shop ?? '').replaceAll('\u0000', '\uFFFD'),
    lang: receipt.lang,
    revision: receipt.revision,
    purposes: receipt.purposes,
  };
};

/**
 * "Necessary" is no choice, so it counts towards none of the three. A dialog that asked about nothing else
 * leaves every purpose granted: accepted.
 */
export const outcomeOf = (purposes: Record<string, boolean>): Outcome => {
  const choices = Object.entries(purposes).filter(([name]) => name !== 'necessary');
  if (choices.every(([, granted]) => granted)) return 'accepted';
  if (choices.every(([, granted]) => !granted)) return 'refused';
  return 'chose';
};

/** The receipt turns off a purpose the visitor's previous decision had granted. */
export const withdraws = (previous: Decision, next: Decision) =>
  Object.entries(previous.purposes).some(([name, granted]) => granted && next.purposes[name] === false);

/** A visitor's decisions in the order they were made; the digest orders two decisions of the same second. */
export const inOrder = (decisions: Decision[]) =>
  [...decisions].sort((a, b) =>
    a.decidedAt < b.decidedAt
      ? -1
      : a.decidedAt > b.decidedAt
        ? 1
        : a.digest < b.digest
          ? -1
          : a.digest > b.digest
            ? 1
            : 0,
  );

export const sameReceipt = (a: Pick<Decision, 'decidedAt' | 'digest'>, b: Pick<Decision, 'decidedAt' | 'digest'>) =>
  a.decidedAt === b.decidedAt && a.digest === b.digest;

const bucketKey = (decision: Decision) =>
  JSON.stringify([decision.decidedAt.slice(0, 10), decision.shop, decision.lang, decision.revision]);

/** Additions to (or, negative, subtractions from) the rollup, collected over a batch and applied at once. */
export class RollupDelta {
  readonly days = new Map<string, DayCounts>();
  readonly purposes = new Map<string, PurposeCounts>();

  private day(decision: Decision) {
    const key = bucketKey(decision);
    let counts = this.days.get(key);
    if (!counts) {
      counts = {
        day: decision.decidedAt.slice(0, 10),
        shop: decision.shop,
        lang: decision.lang,
        revision: decision.revision,
        decisions: 0,
        accepted: 0,
        refused: 0,
        chose: 0,
        withdrawals: 0,
      };
      this.days.set(key, counts);
    }
    return counts;
  }

  /** Counts one decision in (sign 1) or out (sign -1), withdrawals aside. */
  count(decision: Decision, sign: 1 | -1) {
    const day = this.day(decision);
    day.decisions += sign;
    day[outcomeOf(decision.purposes)] += sign;
    for (const [purpose, granted] of Object.entries(decision.purposes)) {
      const key = `${bucketKey(decision)}${purpose}`;
      let counts = this.purposes.get(key);
      if (!counts) {
        counts = {
          day: day.day,
          shop: day.shop,
          lang: day.lang,
          revision: day.revision,
          purpose,
          asked: 0,
          granted: 0,
        };
        this.purposes.set(key, counts);
      }
      counts.asked += sign;
      if (granted) counts.granted += sign;
    }
  }

  /** Counts the withdrawals among one visitor's decisions in (1) or out (-1). */
  withdrawals(visitor: Decision[], sign: 1 | -1) {
    const ordered = inOrder(visitor);
    for (let index = 1; index < ordered.length; index++)
      if (withdraws(ordered[index - 1], ordered[index])) this.day(ordered[index]).withdrawals += sign;
  }

  /**
   * One visitor's receipts changed from `before` to `after` (receipts added, or removed by retention or
   * erasure): the decisions that came or went, and every withdrawal that the change made or unmade, e.g. a
   * later receipt whose previous decision is now a different one.
   */
  change(before: Decision[], after: Decision[]) {
    for (const decision of after) if (!before.some((old) => sameReceipt(old, decision))) this.count(decision, 1);
    for (const decision of before) if (!after.some((now) => sameReceipt(now, decision))) this.count(decision, -1);
    this.withdrawals(before, -1);
    this.withdrawals(after, 1);
  }

  /** Rows whose counts all cancelled out are left out: they would write nothing. */
  dayRows() {
    return [...this.days.values()]
      .filter((row) => row.decisions || row.accepted || row.refused || row.chose || row.withdrawals)
      .sort(compareRows);
  }

  purposeRows() {
    return [...this.purposes.values()]
      .filter((row) => row.asked || row.granted)
      .sort((a, b) => compareRows(a, b) || (a.purpose < b.purpose ? -1 : a.purpose > b.purpose ? 1 : 0));
  }
}

/** One order for every writer, so that two transactions never lock the same rows the other way round. */
const compareRows = (
  a: Pick<DayCounts, 'shop' | 'day' | 'lang' | 'revision'>,
  b: Pick<DayCounts, 'shop' | 'day' | 'lang' | 'revision'>,
) => {
  for (const field of ['shop', 'day', 'lang', 'revision'] as const)
    if (a[field] !== b[field]) return a[field] < b[field] ? -1 : 1;
  return 0;
};

/** Groups rows by visitor. */
export const byVisitor = <T extends { consentId: string }>(rows: T[]) => {
  const visitors = new Map<string, T[]>();
  for (const row of rows) {
    const list = visitors.get(row.consentId);
    if (list) list.push(row);
    else visitors.set(row.consentId, [row]);
  }
  return visitors;
};

/** A stored row and whether the rollup has counted it yet. */
export type CountedRow = ReceiptRow & { pending: boolean | number };

/**
 * What counting the uncounted receipts of some visitors adds (`rows`: every stored receipt of each, pending
 * or not): the decisions that come in, and each visitor's withdrawals recounted from the receipts counted
 * before to all of them.
 */
export const counting = (rows: CountedRow[]) => {
  const delta = new RollupDelta();
  for (const visitor of byVisitor(rows).values()) {
    const after = visitor.map(decisionOf);
    delta.change(
      after.filter((_, index) => !visitor[index].pending),
      after,
    );
  }
  return delta;
};

/**
 * What deleting `gone` takes out, given what remains of their visitors; both counted receipts only, as a
 * receipt not yet counted is in no figure.
 */
export const removal = (gone: ReceiptRow[], remaining: ReceiptRow[]) => {
  const left = byVisitor(remaining.map(decisionOf));
  const delta = new RollupDelta();
  for (const [consentId, rows] of byVisitor(gone.map(decisionOf))) {
    const after = left.get(consentId) ?? [];
    delta.change([...after, ...rows], after);
  }
  return delta;
};
