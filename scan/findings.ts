import type { Classifier } from './classify';
import type { ScanResult } from './scan';
import type { Cause, Classification, CookieRecord, Pass, RequestRecord, StorageRecord } from './types';

export type ItemKind = 'cookie' | 'storage' | 'request';

/** One cookie, storage key or third-party host, over every page and pass it was seen in. */
export interface Item {
  kind: ItemKind;
  /** The cookie name, the storage key or the host. */
  name: string;
  /** The cookie's domain, the storage area, or the request's type. */
  where: string;
  classification?: Classification;
  thirdParty: boolean;
  passes: Pass[];
  /** The first page each pass saw it on, in the order of the crawl. */
  firstPage: Partial<Record<Pass, string>>;
  pages: string[];
  cause?: Cause;
  cookie?: Pick<CookieRecord, 'path' | 'expires' | 'httpOnly' | 'secure' | 'sameSite'>;
}

/** Something of a purpose other than order fulfilment, before a decision or after *Reject all*. */
export interface Violation {
  item: Item;
  passes: Pass[];
  page: string;
  cause?: Cause;
}

export type MisconfigurationKind = 'tag-missing' | 'duplicate-tag' | 'unknown-purpose' | 'no-banner';

export interface Misconfiguration {
  kind: MisconfigurationKind;
  page: string;
  /** The purpose a held-back tag names, or the number of tags. */
  detail?: string;
  src?: string;
}

export interface Findings {
  items: Item[];
  violations: Violation[];
  misconfigurations: Misconfiguration[];
  errors: { url: string; pass: Pass; error: string }[];
}

const VIOLATING: readonly Pass[] = ['before-decision', 'after-reject'];

interface Sighting {
  kind: ItemKind;
  name: string;
  where: string;
  thirdParty: boolean;
  cause?: Cause;
  cookie?: Item['cookie'];
}

const sightings = (cookies: CookieRecord[], storage: StorageRecord[], requests: RequestRecord[]): Sighting[] => [
  ...cookies.map(
    ({ name, domain, cause, thirdParty, path, expires, httpOnly, secure, sameSite }): Sighting => ({
      kind: 'cookie',
      name,
      where: domain,
      thirdParty,
      ...(cause ? { cause } : {}),
      cookie: { path, expires, httpOnly, secure, sameSite },
    }),
  ),
  ...storage.map(
    ({ area, key, cause }): Sighting => ({
      kind: 'storage',
      name: key,
      where: area,
      thirdParty: false,
      ...(cause ? { cause } : {}),
    }),
  ),
  ...requests.map(
    ({ host, type, cause }): Sighting => ({
      kind: 'request',
      name: host,
      where: type,
      thirdParty: true,
      ...(cause ? { cause } : {}),
    }),
  ),
];

/** Everything the passes saw, classified; the violations among it; how the pages carry the widget. */
export const findingsOf = (result: ScanResult, classify: Classifier): Findings => {
  const items = new Map<string, Item>();
  const causes = new Map<string, Partial<Record<Pass, Cause>>>();
  const errors: Findings['errors'] = [];
  for (const record of result.records) {
    if (record.error) {
      errors.push({ url: record.url, pass: record.pass, error: record.error });
      continue;
    }
    for (const seen of sightings(record.cookies, record.storage, record.requests)) {
      const key = `${seen.kind}\n${seen.name}\n${seen.kind === 'request' ? '' : seen.where}`;
      let item = items.get(key);
      if (!item) {
        const classification = seen.kind === 'request' ? classify.host(seen.name) : classify.name(seen.name);
        item = {
          kind: seen.kind,
          name: seen.name,
          where: seen.where,
          ...(classification ? { classification } : {}),
          thirdParty: seen.thirdParty,
          passes: [],
          firstPage: {},
          pages: [],
          ...(seen.cookie ? { cookie: seen.cookie } : {}),
        };
        items.set(key, item);
      }
      if (!item.passes.includes(record.pass)) item.passes.push(record.pass);
      item.firstPage[record.pass] ??= record.url;
      if (!item.pages.includes(record.url)) item.pages.push(record.url);
      const byPass = causes.get(key) ?? {};
      if (seen.cause) byPass[record.pass] ??= seen.cause;
      causes.set(key, byPass);
      if (seen.cause) item.cause ??= seen.cause;
    }
  }

  const violations: Violation[] = [];
  for (const [key, item] of items) {
    const purpose = item.classification?.purpose;
    if (!purpose || purpose === 'necessary') continue;
    const passes = VIOLATING.filter((pass) => item.passes.includes(pass));
    const first = passes[0];
    if (!first) continue;
    const cause = causes.get(key)?.[first] ?? item.cause;
    violations.push({ item, passes, page: item.firstPage[first] ?? '', ...(cause ? { cause } : {}) });
  }

  return { items: [...items.values()], violations, misconfigurations: misconfigurationsOf(result), errors };
};

const misconfigurationsOf = (result: ScanResult): Misconfiguration[] => {
  const found: Misconfiguration[] = [];
  for (const record of result.records) {
    const widget = record.widget;
    if (record.pass !== 'before-decision' || !widget) continue;
    if (widget.tags === 0 && !widget.loaded) found.push({ kind: 'tag-missing', page: record.url });
    if (widget.tags > 1) found.push({ kind: 'duplicate-tag', page: record.url, detail: String(widget.tags) });
    for (const gated of widget.gated) {
      for (const purpose of gated.purposes.filter((name) => !widget.purposes.includes(name))) {
        found.push({
          kind: 'unknown-purpose',
          page: record.url,
          detail: purpose,
          ...(gated.src ? { src: gated.src } : {}),
        });
      }
    }
  }
  const first = result.pages[0];
  if (first && result.undecided.length > 0) found.push({ kind: 'no-banner', page: first });
  return found;
};
