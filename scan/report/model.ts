import type { Findings, Item, Misconfiguration } from '../findings';
import type { Suggestion } from '../suggest';
import type { Cause, Classification, Pass } from '../types';

/** scan.json, format 1: docs/schema/scan.schema.json. */
export interface ScanReport {
  format: 1;
  url: string;
  lang: string;
  startedAt: string;
  durationMs: number;
  pages: string[];
  summary: { pages: number; violations: number; items: number; unclassified: number; misconfigurations: number };
  violations: {
    kind: Item['kind'];
    name: string;
    where: string;
    purpose: string;
    platform: string;
    passes: Pass[];
    page: string;
    cause: Cause | null;
  }[];
  items: {
    kind: Item['kind'];
    name: string;
    where: string;
    classification: Classification | null;
    thirdParty: boolean;
    passes: Pass[];
    pages: string[];
    cause: Cause | null;
    cookie?: Item['cookie'];
  }[];
  misconfigurations: Misconfiguration[];
  suggestion: Suggestion;
  errors: Findings['errors'];
}

export const reportOf = (
  meta: { url: string; lang: string; startedAt: Date; durationMs: number; pages: string[] },
  findings: Findings,
  suggestion: Suggestion,
): ScanReport => ({
  format: 1,
  url: meta.url,
  lang: meta.lang,
  startedAt: meta.startedAt.toISOString(),
  durationMs: Math.round(meta.durationMs),
  pages: meta.pages,
  summary: {
    pages: meta.pages.length,
    violations: findings.violations.length,
    items: findings.items.length,
    unclassified: findings.items.filter((item) => !item.classification).length,
    misconfigurations: findings.misconfigurations.length,
  },
  violations: findings.violations.map(({ item, passes, page, cause }) => ({
    kind: item.kind,
    name: item.name,
    where: item.where,
    purpose: item.classification?.purpose ?? '',
    platform: item.classification?.platform ?? '',
    passes,
    page,
    cause: cause ?? null,
  })),
  items: findings.items.map((item) => ({
    kind: item.kind,
    name: item.name,
    where: item.where,
    classification: item.classification ?? null,
    thirdParty: item.thirdParty,
    passes: item.passes,
    pages: item.pages,
    cause: item.cause ?? null,
    ...(item.cookie ? { cookie: item.cookie } : {}),
  })),
  misconfigurations: findings.misconfigurations,
  suggestion,
  errors: findings.errors,
});
