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
  /** Deletes at most `limit` receipts received before `cutoff`; resolves to how many. */
  deleteReceivedBefore(cutoff: number, limit: number): Promise<number>;
  recordDeletion(at: number, cutoff: number, deleted: number): Promise<void>;
  stats(): Promise<Stats>;
  /** Deletes every receipt of one visitor and records that it did (time and count) in one transaction; resolves to the count. */
  erase(consentId: string, at: number): Promise<number>;
  /** The erasures recorded, oldest first. */
  erasures(): Promise<Erasure[]>;
  /** A write about the size of a receipt's, committed and taken back: rejects as a receipt's write would. */
  probe(): Promise<void>;
  /** The salt of the address hash kept in the database; `fresh` is stored if there is none yet. */
  salt(fresh: string): Promise<string>;
  close(): Promise<void>;
}
