import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receipt } from '../collector.testing';
import { type Receipt, receiptDigest } from '../receipt';
import { openStore } from '../store/open';
import type { NewReceipt, RollupRead, Store } from '../store/store';

export const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const FAR_FUTURE = Date.parse('2999-01-01T00:00:00Z');
export const ALL_DAYS = { from: '2000-01-01', to: '2999-12-31', shop: null };

export const row = (body: Receipt, receivedAt: number): NewReceipt => ({
  consentId: body.id,
  decidedAt: body.decidedAt,
  receivedAt,
  receipt: JSON.stringify(body),
  digest: receiptDigest(body),
  ipHash: 'h',
  userAgent: 'test',
});

/** Every stored receipt, read back through the export pages. */
const storedReceipts = async (store: Store) => {
  const all: Receipt[] = [];
  let page = await store.page(0, FAR_FUTURE, null, 1000);
  all.push(...page.rows.map((stored) => stored.receipt as unknown as Receipt));
  while (page.next) {
    page = await store.page(0, FAR_FUTURE, page.next, 1000);
    all.push(...page.rows.map((stored) => stored.receipt as unknown as Receipt));
  }
  return all;
};

/**
 * The rollup counted again from the raw receipts, written from the definitions in docs/collector.md rather
 * than with the rollup's own code: a day's decisions by outcome, purposes asked and granted, and a
 * withdrawal wherever a visitor's decision turns off a purpose their previous decision granted.
 */
const recount = (receipts: Receipt[]) => {
  const days = new Map<string, number[]>();
  const purposes = new Map<string, number[]>();
  const key = (r: Receipt) => [r.decidedAt.slice(0, 10), r.shop ?? '', r.lang, r.revision].join('|');
  const dayOf = (r: Receipt) => {
    const k = key(r);
    if (!days.has(k)) days.set(k, [0, 0, 0, 0, 0]);
    return days.get(k) as number[];
  };
  for (const r of receipts) {
    const counts = dayOf(r);
    counts[0]++;
    const optional = Object.keys(r.purposes).filter((name) => name !== 'necessary');
    const granted = optional.filter((name) => r.purposes[name]).length;
    if (granted === optional.length) counts[1]++;
    else if (granted === 0) counts[2]++;
    else counts[3]++;
    for (const [name, yes] of Object.entries(r.purposes)) {
      const k = `${key(r)}|${name}`;
      const pair = purposes.get(k) ?? [0, 0];
      pair[0]++;
      if (yes) pair[1]++;
      purposes.set(k, pair);
    }
  }
  const visitors: Record<string, Receipt[]> = {};
  for (const r of receipts) visitors[r.id] = [...(visitors[r.id] ?? []), r];
  for (const list of Object.values(visitors)) {
    const ordered = list
      .map((r) => ({ r, order: `${r.decidedAt}|${receiptDigest(r)}` }))
      .sort((a, b) => (a.order < b.order ? -1 : 1))
      .map(({ r }) => r);
    for (let i = 1; i < ordered.length; i++) {
      const before = ordered[i - 1].purposes;
      const now = ordered[i].purposes;
      if (Object.keys(before).some((name) => before[name] && now[name] === false)) dayOf(ordered[i])[4]++;
    }
  }
  return {
    days: [...days].map(([k, c]) => `${k}|${c.join(',')}`).sort(),
    purposes: [...purposes].map(([k, c]) => `${k}|${c.join(',')}`).sort(),
  };
};

const flatten = (read: RollupRead) => ({
  days: read.days
    .map(
      (d) =>
        `${[d.day, d.shop, d.lang, d.revision].join('|')}|${[d.decisions, d.accepted, d.refused, d.chose, d.withdrawals].join(',')}`,
    )
    .sort(),
  purposes: read.purposes
    .map((p) => `${[p.day, p.shop, p.lang, p.revision, p.purpose].join('|')}|${p.asked},${p.granted}`)
    .sort(),
});

export const expectMatchesRecount = async (store: Store) => {
  expect(flatten(await store.rollup.read(ALL_DAYS))).toEqual(recount(await storedReceipts(store)));
};

const analyticsReceipt = (id: string, granted: boolean, decidedAt: string) =>
  receipt({ id, decidedAt, purposes: { necessary: true, analytics: granted } });

/** The summary /stats reads, summed again here from every stored rollup row of the same shop(s). */
const expectSummaryMatchesRows = async (store: Store, shop: string | null) => {
  const range = { ...ALL_DAYS, shop };
  const { days, purposes } = await store.rollup.read(range);
  const summary = await store.rollup.summary(range);
  const add = (map: Map<string, number[]>, key: string, values: number[]) =>
    map.set(
      key,
      (map.get(key) ?? values.map(() => 0)).map((sum, index) => sum + values[index]),
    );
  const expected = new Map<string, number[]>();
  for (const d of days) {
    const counts = [d.decisions, d.accepted, d.refused, d.chose, d.withdrawals];
    add(expected, `day|${d.day}`, counts);
    add(expected, `lang|${d.lang}`, counts);
    add(expected, `revision|${d.revision}`, counts);
  }
  for (const p of purposes) {
    add(expected, `day|${p.day}|${p.purpose}`, [p.asked, p.granted]);
    add(expected, `lang|${p.lang}|${p.purpose}`, [p.asked, p.granted]);
    add(expected, `revision|${p.revision}|${p.purpose}`, [p.asked, p.granted]);
  }
  const actual = new Map<string, number[]>();
  for (const d of summary.days)
    actual.set(`day|${d.day}`, [d.decisions, d.accepted, d.refused, d.chose, d.withdrawals]);
  for (const d of summary.splits)
    actual.set(`${d.by}|${d.key}`, [d.decisions, d.accepted, d.refused, d.chose, d.withdrawals]);
  for (const p of summary.purposeDays) actual.set(`day|${p.day}|${p.purpose}`, [p.asked, p.granted]);
  for (const p of summary.purposeSplits) actual.set(`${p.by}|${p.key}|${p.purpose}`, [p.asked, p.granted]);
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
};

/** A few visitors and few values, so that visitors decide several times, and on the same second. */
const aReceipt = fc
  .record({
    visitor: fc.constantFrom('visitor01', 'visitor02', 'visitor03', 'visitor04'),
    day: fc.integer({ min: 0, max: 3 }),
    second: fc.integer({ min: 0, max: 2 }),
    analytics: fc.boolean(),
    marketing: fc.option(fc.boolean(), { nil: undefined }),
    lang: fc.constantFrom('lv', 'vi'),
    revision: fc.constantFrom('r1', 'r2'),
    shop: fc.constantFrom('MonaOK', undefined),
  })
  .map(({ visitor, day, second, analytics, marketing, lang, revision, shop }) => {
    const body = receipt({
      id: visitor,
      decidedAt: new Date(T0 + day * 86_400_000 + second * 1000).toISOString().replace('.000Z', 'Z'),
      purposes: marketing === undefined ? { necessary: true, analytics } : { necessary: true, analytics, marketing },
      lang: lang as Receipt['lang'],
      revision,
    });
    // As it arrives as JSON: a receipt without a shop has no shop key at all.
    if (shop === undefined) delete body.shop;
    else body.shop = shop;
    return body;
  });

/**
 * Writes in batches (repeats included, as retries are), some counted by a step of the rollup right after
 * them, then deletes by erasure and by retention: before the rest is counted, or after.
 */
const aHistory = fc.record({
  batches: fc.array(fc.array(aReceipt, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
  countedAfter: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  stepSize: fc.integer({ min: 1, max: 6 }),
  repeats: fc.array(fc.nat(), { maxLength: 3 }),
  erase: fc.option(fc.constantFrom('visitor01', 'visitor02', 'visitor03', 'visitor04'), { nil: undefined }),
  retainFromBatch: fc.nat({ max: 8 }),
  deleteUncounted: fc.boolean(),
});

/** The rollup on one backend; `database` gives a new, empty database each time it is called. */
export const describeRollup = (
  database: () => Promise<string>,
  /** Leaves the database as a collector without the rollup left it: receipts, no rollup. */
  forgetRollup: (url: string) => Promise<void>,
  /** Makes every write to rollup_purposes fail with 'refused' (true), or stop failing (false). */
  refuseRollup: (url: string, refuse: boolean) => Promise<void>,
  runs: number,
) => {
  let store: Store;
  let url: string;
  beforeAll(async () => {
    url = await database();
    store = await openStore(url, () => undefined);
  }, 60_000);
  afterAll(() => store?.close());

  const clear = async () => {
    await store.deleteReceivedBefore(FAR_FUTURE, 100_000);
  };

  it('equals a recount of the raw receipts after any stream of writes, repeats, erasures and retention', async () => {
    await fc.assert(
      fc.asyncProperty(aHistory, async (history) => {
        const { batches, countedAfter, stepSize, repeats, erase, retainFromBatch, deleteUncounted } = history;
        await clear();
        const sent: Receipt[] = [];
        for (const [index, batch] of batches.entries()) {
          await store.insert(batch.map((body) => row(body, T0 + index * 1000)));
          sent.push(...batch);
          if (countedAfter[index]) await store.rollup.count(stepSize);
        }
        for (const pick of repeats) if (sent.length) await store.insert([row(sent[pick % sent.length], T0 + 99_000)]);
        // Receipts still uncounted are in no figure: deleting them must not take them out of one.
        if (deleteUncounted) {
          if (erase) await store.erase(erase, Date.now());
          await store.deleteReceivedBefore(T0 + retainFromBatch * 1000, 100_000);
        }
        await expectMatchesRecount(store);
        await expectSummaryMatchesRows(store, null);
        await expectSummaryMatchesRows(store, 'MonaOK');

        await store.rollup.rebuild();
        await expectMatchesRecount(store);

        if (erase && !deleteUncounted) await store.erase(erase, Date.now());
        await expectMatchesRecount(store);

        if (!deleteUncounted) await store.deleteReceivedBefore(T0 + retainFromBatch * 1000, 100_000);
        await expectMatchesRecount(store);

        await clear();
        expect(await store.rollup.read(ALL_DAYS)).toMatchObject({ days: [], purposes: [] });
      }),
      { numRuns: runs },
    );
  }, 120_000);

  it('keeps the receipts of a failed step uncounted, and counts them once when a later step succeeds', async () => {
    await clear();
    await store.insert([row(analyticsReceipt('stepfail1', true, '2026-03-01T08:00:00Z'), T0)]);
    await store.rollup.catchUp();
    await refuseRollup(url, true);
    try {
      // Acknowledged: the receipts are stored whatever becomes of the step that counts them.
      await store.insert([
        row(analyticsReceipt('stepfail1', false, '2026-03-02T08:00:00Z'), T0 + 1000),
        row(analyticsReceipt('stepfail2', true, '2026-03-02T09:00:00Z'), T0 + 1000),
      ]);
      await expect(store.rollup.count(100)).rejects.toThrow('refused');
      await expect(store.rollup.summary(ALL_DAYS)).rejects.toThrow('refused');
    } finally {
      await refuseRollup(url, false);
    }
    expect((await store.byConsentId('stepfail1')).length).toBe(2);
    expect(await store.rollup.catchUp()).toBe(2);
    expect(await store.rollup.catchUp()).toBe(0);
    await expectMatchesRecount(store);
    const { days } = await store.rollup.read(ALL_DAYS);
    expect(days.map((d) => [d.day, d.decisions, d.withdrawals]).sort()).toEqual([
      ['2026-03-01', 1, 0],
      ['2026-03-02', 2, 1],
    ]);
  });

  it('counts every receipt and withdrawal once while two collectors write the same visitors, and count them, at once', async () => {
    await clear();
    const other = await openStore(url, () => undefined);
    try {
      const batches = fc.sample(fc.array(aReceipt, { minLength: 1, maxLength: 5 }), { numRuns: 60, seed: 37 });
      await Promise.all(
        batches.map((batch, index) =>
          (index % 2 ? other : store).insert(batch.map((body) => row(body, T0 + index * 1000))),
        ),
      );
      // Then both count at once, several steps each, over the same uncounted receipts.
      await Promise.all(Array.from({ length: 12 }, (_, index) => (index % 2 ? other : store).rollup.count(10)));
      await expectMatchesRecount(store);
    } finally {
      await other.close();
    }
  });

  it('counts each receipt once while two collectors step through the same receipts and erasures run between', async () => {
    await clear();
    const other = await openStore(url, () => undefined);
    try {
      const bodies = Array.from({ length: 600 }, (_, index) =>
        receipt({
          id: `busy${String(index % 150).padStart(5, '0')}`,
          decidedAt: new Date(T0 + index * 60_000).toISOString().replace('.000Z', 'Z'),
          purposes: { necessary: true, analytics: index % 3 !== 0 },
        }),
      );
      await store.insert(bodies.map((body) => row(body, T0)));
      const steps = async (collector: Store) => {
        while ((await collector.rollup.count(7)) > 0);
      };
      const erasures = async () => {
        for (let index = 0; index < 150; index += 10)
          await store.erase(`busy${String(index).padStart(5, '0')}`, Date.now());
      };
      await Promise.all([steps(store), steps(other), erasures()]);
      await expectMatchesRecount(store);
    } finally {
      await other.close();
    }
  });

  describe('withdrawals', () => {
    const analytics = (granted: boolean, decidedAt: string) =>
      receipt({ id: 'withdrawer1', decidedAt, purposes: { necessary: true, analytics: granted, marketing: granted } });
    const withdrawalsOn = async (day: string) =>
      (await store.rollup.read({ from: day, to: day, shop: null })).days.reduce((sum, d) => sum + d.withdrawals, 0);

    it('are counted once: one receipt turning off two purposes, sent twice, arriving before the decision it changes', async () => {
      await clear();
      const granted = analytics(true, '2026-03-01T10:00:00Z');
      const withdrawn = analytics(false, '2026-03-02T10:00:00Z');
      await store.insert([row(withdrawn, T0)]);
      expect(await withdrawalsOn('2026-03-02')).toBe(0);
      await store.insert([row(granted, T0 + 1000)]);
      await store.insert([row(withdrawn, T0 + 2000)]);
      expect(await withdrawalsOn('2026-03-02')).toBe(1);
      expect(await withdrawalsOn('2026-03-01')).toBe(0);
    });

    it('are not counted for a first refusal, nor for a purpose the later receipt no longer asks about', async () => {
      await clear();
      await store.insert([
        row(
          receipt({
            id: 'first1234',
            decidedAt: '2026-03-01T10:00:00Z',
            purposes: { necessary: true, analytics: false },
          }),
          T0,
        ),
        row(
          receipt({
            id: 'dropped12',
            decidedAt: '2026-03-01T10:00:00Z',
            purposes: { necessary: true, analytics: true },
          }),
          T0,
        ),
        row(
          receipt({
            id: 'dropped12',
            decidedAt: '2026-03-01T11:00:00Z',
            purposes: { necessary: true, marketing: false },
          }),
          T0,
        ),
      ]);
      expect(await withdrawalsOn('2026-03-01')).toBe(0);
    });
  });

  it('retention takes the deleted receipts out of their days, and the days out of the rollup once empty', async () => {
    await clear();
    await store.insert([
      row(receipt({ id: 'old000001', decidedAt: '2026-03-01T08:00:00Z' }), T0),
      row(receipt({ id: 'new000001', decidedAt: '2026-03-05T08:00:00Z' }), T0 + 5 * 86_400_000),
    ]);
    expect(await store.deleteReceivedBefore(T0 + 86_400_000, 1000)).toBe(1);
    const read = await store.rollup.read(ALL_DAYS);
    expect(read.days.map((d) => [d.day, d.decisions])).toEqual([['2026-03-05', 1]]);
    expect(new Set(read.purposes.map((p) => p.day))).toEqual(new Set(['2026-03-05']));
  });

  it('is built from the receipts already stored at the first start, once', async () => {
    const url = await database();
    const before = await openStore(url, () => undefined);
    await before.insert([
      row(analyticsReceipt('backfill1', true, '2026-03-01T08:00:00Z'), T0),
      row(analyticsReceipt('backfill1', false, '2026-03-02T08:00:00Z'), T0),
      row(analyticsReceipt('backfill2', true, '2026-03-02T09:00:00Z'), T0),
    ]);
    await before.close();
    await forgetRollup(url);

    const after = await openStore(url, () => undefined);
    try {
      expect((await after.rollup.read(ALL_DAYS)).days).toEqual([]);
      expect(await after.rollup.backfill()).toBe(true);
      await expectMatchesRecount(after);
      const built = await after.rollup.read(ALL_DAYS);
      expect(built.days.reduce((sum, d) => sum + d.withdrawals, 0)).toBe(1);
      expect(await after.rollup.backfill()).toBe(false);
      expect(await after.rollup.read(ALL_DAYS)).toEqual(built);
    } finally {
      await after.close();
    }
  });
};
