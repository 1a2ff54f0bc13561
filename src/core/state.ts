import type { Lang } from './languages';
import { type Choices, NECESSARY } from './purposes';

/** How a decision came about: the visitor in a layer of the dialog, the shop's code, or another tab. */
export type Source = 'banner' | 'preferences' | 'api' | 'gpc' | 'sync';

/** The visitor's decision, exactly as `get()` returns it and `shopconsent:change` carries it. */
export interface ConsentState {
  id: string;
  /** ISO 8601, UTC, whole seconds. */
  decidedAt: string;
  revision: string;
  purposes: Choices;
  lang: Lang;
  source: Source;
}

/**
 * Ids whose value differs between two states; a purpose missing on one side counts as not granted,
 * except necessary, which is granted before, during and after every decision.
 */
export const changedPurposes = (before: ConsentState | null, after: ConsentState | null): string[] => {
  const a: Record<string, boolean> = before?.purposes ?? {};
  const b: Record<string, boolean> = after?.purposes ?? {};
  return Object.keys({ ...a, ...b }).filter((id) => id !== NECESSARY && !a[id] !== !b[id]);
};

/** Decisions are kept to the second: the cookie stores seconds, so memory and cookie always agree. */
export const timestamp = (now: number): string => new Date(Math.floor(now / 1000) * 1000).toISOString();
