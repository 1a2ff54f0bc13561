import type { Receipt } from '../receipt';

/**
 * Plausible decisions for a demo or a benchmark, from a seeded generator so that a run can be repeated.
 * Every receipt says it is generated: version "generated" and a page under https://generated.invalid/, a
 * host that cannot exist (RFC 2606), so no one mistakes them for a visitor's.
 */
export interface GeneratedShop {
  name: string;
  lang: Receipt['lang'];
  purposes: string[];
  /** Revisions in order, each with the number of days before today it came in (the first: any). */
  revisions: { name: string; since: number }[];
  /** Decisions on an ordinary day. */
  perDay: number;
}

export const GENERATED_VERSION = 'generated';

/** A demo shop: name, language, decisions on an ordinary day, purposes, and revisions as [name, since]. */
const shop = (
  name: string,
  lang: Receipt['lang'],
  perDay: number,
  purposes: string[],
  revisions: [string, number][],
): GeneratedShop => ({
  name,
  lang,
  perDay,
  purposes,
  revisions: revisions.map(([id, since]) => ({ name: id, since })),
});

/** The five demo shops (demo/), with the purposes their dialogs ask about. */
export const DEMO_SHOPS: GeneratedShop[] = [
  shop('Mimico', 'mn', 40, ['analytics', 'marketing', 'customer-service'], [['2025-11', 400]]),
  shop('Шырдак', 'ky', 18, ['analytics', 'marketing'], [['1', 400]]),
  shop(
    'Mitexco',
    'vi',
    55,
    ['analytics', 'customer-service'],
    [
      ['v1', 400],
      ['v2', 12],
    ],
  ),
  shop('Migpromo', 'ky', 25, ['analytics', 'marketing', 'personalization'], [['2024-06', 400]]),
  shop(
    'MonaOK',
    'lv',
    32,
    ['analytics', 'marketing', 'personalization'],
    [
      ['2026-03', 400],
      ['2026-05', 16],
    ],
  ),
];

/** mulberry32: small, fast, and the same numbers for the same seed on every machine. */
export const randomFrom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
};

const DAY_MS = 86_400_000;

/**
 * Decisions for each shop on each of the `days` days up to today (UTC): most in the shop's language, some in
 * English; a newer revision is refused a little more often; about one visitor in twelve decides again a few
 * days later, and most of those turn marketing off. Calls `emit` with receipts in no particular order.
 */
export const generateDecisions = (options: {
  shops: GeneratedShop[];
  days: number;
  now: number;
  seed: number;
  /** Multiplies every shop's perDay. */
  scale?: number;
  emit: (receipt: Receipt) => void;
}) => {
  const { shops, days, now, emit } = options;
  const random = randomFrom(options.seed);
  const scale = options.scale ?? 1;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  let visitor = 0;
  for (const shop of shops) {
    const slug =
      shop.name
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9]+/g, '')
        .toLowerCase() || 'shop';
    for (let ago = days - 1; ago >= 0; ago--) {
      const dayStart = today - ago * DAY_MS;
      const weekday = new Date(dayStart).getUTCDay();
      const weekend = weekday === 0 || weekday === 6 ? 1.3 : 1;
      const count = Math.round(shop.perDay * scale * weekend * (0.75 + random() * 0.5));
      const revision = [...shop.revisions].reverse().find((one) => one.since >= ago) ?? shop.revisions[0];
      const newer = revision !== shop.revisions[0];
      for (let index = 0; index < count; index++) {
        const id = `g${(visitor++).toString(36).padStart(11, '0')}`;
        const lang = random() < 0.85 ? shop.lang : 'en';
        const roll = random();
        const accept = newer ? 0.48 : 0.56;
        const refuse = newer ? 0.3 : 0.24;
        const purposes: Receipt['purposes'] = { necessary: true };
        for (const purpose of shop.purposes)
          purposes[purpose] = roll < accept ? true : roll < accept + refuse ? false : random() < 0.55;
        const decidedAt = dayStart + Math.floor(random() * DAY_MS);
        const receipt = (at: number, granted: Receipt['purposes'], source: Receipt['source']): Receipt => ({
          format: 1,
          id,
          decidedAt: new Date(Math.min(at, now)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          revision: revision.name,
          purposes: granted,
          lang,
          source,
          url: `https://generated.invalid/${slug}/`,
          version: GENERATED_VERSION,
          shop: shop.name,
        });
        emit(receipt(decidedAt, purposes, 'banner'));
        const later = decidedAt + Math.floor((1 + random() * 6) * DAY_MS);
        if (random() < 0.08 && later < now) {
          const changed = { ...purposes };
          // Most who come back turn off marketing, or what the shop asks first if it asks no marketing.
          const withdrawn = shop.purposes.includes('marketing') ? 'marketing' : shop.purposes[0];
          const withdraw = random() < 0.7;
          for (const purpose of shop.purposes)
            changed[purpose] = withdraw ? purpose !== withdrawn && purposes[purpose] : true;
          emit(receipt(later, changed, 'preferences'));
        }
      }
    }
  }
};
