import type { DayCounts, PurposeCounts } from '../stats/rollup';

/** One receipt as it is written: the widget's receipt and what the collector adds to it. */
export interface NewReceipt {
  consentId: string;
  decidedAt: string;
  /** Server time, milliseconds since the epoch. */
  receivedAt: number;
  /** The receipt as JSON text, kept as evidence and given back unchanged. */
  receipt: string;
  /** `receiptDigest`: with the consent id and decidedAt, what makes a repeat a repeat. */
  digest: string;
  ipHash: string;
  userAgent: string;
}

/** One stored receipt as the reading endpoints give it. */
export interface StoredReceipt {
  receivedAt: string;
  ipHash: string;
  userAgent: string;
  receipt: Record<string, unknown>;
}

/** Where a page of an export ended, to start the next one after it. */
export interface Cursor {
  receivedAt: number;
  row: string;
}

export interface Page {
  rows: StoredReceipt[];
  next: Cursor | null;
}

export interface Stats {
  receipts: number;
  /** Receipts removed by retention, all time, all instances. */
  deleted: number;
  lastDeletionAt: string | null;
}

/** One erasure on request: when, and how many receipts; not whose (docs/collector.md). */
export interface Erasure {
  at: string;
  erased: number;
}

/** The two backends, SQLite and PostgreSQL, behind one small interface. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Resolves once every row is durably stored; a repeat of a stored receipt adds no row. */
  insert(rows: NewReceipt[]): Promise<void>;
  /** Every receipt of one visitor, oldest decision first. */
  byConsentId(consentId: string): Promise<StoredReceipt[]>;
  /** Receipts received in [from, to), in order of arrival, `limit` at a time. */
  page(from: number, to: number, after: Cursor | null, limit: number): Promise<Page>;
  /** Deletes at most `limit` receipts received before `cutoff`, and their share of the rollup; resolves to how many. */
  deleteReceivedBefore(cutoff: number, limit: number): Promise<number>;
  recordDeletion(at: number, cutoff: number, deleted: number): Promise<void>;
  stats(): Promise<Stats>;
  /**
   * An erasure request: deletes every receipt of one visitor and their share of the rollup, and records that
   * it did (time and count), in one transaction; resolves to the count.
   */
  erase(consentId: string, at: number): Promise<number>;
  /** The erasures recorded, oldest first. */
  erasures(): Promise<Erasure[]>;
  /** A write about the size of a receipt's, committed and taken back: rejects as a receipt's write would. */
  probe(): Promise<void>;
  readonly rollup: Rollup;
  /** The salt of the address hash kept in the database; `fresh` is stored if there is none yet. */
  salt(fresh: string): Promise<string>;
  close(): Promise<void>;
}

/** A period of UTC days, both included (`YYYY-MM-DD`), for one shop or (null) all of them. */
export interface RollupRange {
  from: string;
  to: string;
  shop: string | null;
}

export interface RollupRead {
  days: DayCounts[];
  purposes: PurposeCounts[];
  /** The first day each policy revision was seen on, over all stored days of the shop(s). */
  firstDays: { revision: string; day: string }[];
}

interface Counts {
  decisions: number;
  accepted: number;
  refused: number;
  chose: number;
  withdrawals: number;
}

/** The rollup summed for a period: per day, and per language and revision over the whole period. */
export interface RollupSummary {
  days: (Counts & { day: string })[];
  splits: (Counts & { by: 'lang' | 'revision'; key: string })[];
  purposeDays: { day: string; purpose: string; asked: number; granted: number }[];
  purposeSplits: { by: 'lang' | 'revision'; key: string; purpose: string; asked: number; granted: number }[];
  /** The first day each policy revision was seen on, over all stored days of the shop(s). */
  firstDays: { revision: string; day: string }[];
}

/**
 * The per-day rollup (collector/stats/rollup.ts). A receipt is stored marked uncounted, in its own commit;
 * a later step counts it and clears the mark in one transaction. Deletions take counted receipts out in
 * their own transaction. Every read counts whatever waits first, so it includes every stored receipt.
 */
export interface Rollup {
  /** Counts the receipts of the visitors behind the `limit` oldest uncounted ones; resolves to how many. */
  count(limit: number): Promise<number>;
  /** Counts every receipt stored before the call; resolves to how many. */
  catchUp(): Promise<number>;
  /** Builds the rollup from the stored receipts unless it is already built; resolves to whether it ran. */
  backfill(): Promise<boolean>;
  /** Builds it again from the stored receipts, whatever is there. */
  rebuild(): Promise<void>;
  /** Every rollup row of the period, as stored. */
  read(range: RollupRange): Promise<RollupRead>;
  /** What GET /stats and the dashboard show, summed by the database. */
  summary(range: RollupRange): Promise<RollupSummary>;
  /** Every shop name with decisions in the rollup; '' for receipts without one. */
  shops(): Promise<string[]>;
}
