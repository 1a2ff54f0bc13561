import { receiptDigest } from '../receipt';
import type { NewReceipt, Store } from '../store/store';
import { DEMO_SHOPS, generateDecisions } from './generate';

/** The first visitor the generator makes: if it is stored, the demo data is there. */
const FIRST_GENERATED = 'g00000000000';

/**
 * Writes `days` days of generated decisions for the five demo shops, up to `now`, unless a previous run
 * did; resolves to how many receipts it wrote. They are received when they were decided, so retention
 * treats them like the real ones.
 */
export const seedDemoDecisions = async (store: Store, now: number, days: number) => {
  if ((await store.byConsentId(FIRST_GENERATED)).length) return 0;
  const rows: NewReceipt[] = [];
  generateDecisions({
    shops: DEMO_SHOPS,
    days,
    now,
    seed: 2026,
    emit: (receipt) =>
      rows.push({
        consentId: receipt.id,
        decidedAt: receipt.decidedAt,
        receivedAt: Date.parse(receipt.decidedAt),
        receipt: JSON.stringify(receipt),
        digest: receiptDigest(receipt),
        ipHash: 'generated',
        userAgent: 'generated (collector/stats/generate.ts)',
      }),
  });
  for (let start = 0; start < rows.length; start += 1000) await store.insert(rows.slice(start, start + 1000));
  return rows.length;
};
