import { describe, expect, it } from 'vitest';
import { createClassifier } from './classify';
import { compileCookieDb } from './cookie-db/compile';
import { findingsOf } from './findings';
import type { ScanResult } from './scan';
import { suggestionOf } from './suggest';
import type { CookieRecord, PageRecord } from './types';

const classify = createClassifier(
  compileCookieDb(
    'ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match\n',
  ),
);
const home = 'http://shop.test/';
const about = 'http://shop.test/about';
const tag = { kind: 'script', url: 'http://shop.test/ga.js', line: 1 } as const;
const cookie = (name: string, extra: Partial<CookieRecord> = {}): CookieRecord => ({
  name,
  domain: 'shop.test',
  path: '/',
  expires: -1,
  httpOnly: false,
  secure: false,
  sameSite: 'Lax',
  thirdParty: false,
  ...extra,
});
const page = (url: string, pass: PageRecord['pass'], record: Partial<PageRecord> = {}): PageRecord => ({
  url,
  pass,
  cookies: [],
  storage: [],
  requests: [],
  ...record,
});
const widget = { tags: 1, loaded: true, purposes: ['necessary', 'analytics', 'marketing'], gated: [] };

describe('findingsOf', () => {
  const result: ScanResult = {
    pages: [home, about],
    undecided: [],
    records: [
      page(home, 'before-decision', { widget }),
      page(about, 'before-decision', {
        cookies: [cookie('_ga', { cause: tag }), cookie('unknown_thing')],
        widget: { ...widget, gated: [{ element: 'script', purposes: ['statistics'], src: 'http://shop.test/s.js' }] },
      }),
      page(home, 'after-reject', { cookies: [cookie('_ga', { cause: tag }), cookie('shopconsent')] }),
      page(about, 'after-reject', { cookies: [cookie('_ga'), cookie('shopconsent')] }),
      page(home, 'after-accept', {
        cookies: [cookie('_ga'), cookie('shopconsent'), cookie('_fbp')],
        requests: [{ url: 'https://connect.facebook.net/x.js', host: 'connect.facebook.net', type: 'script' }],
      }),
    ],
  };
  const findings = findingsOf(result, classify);

  it('reports a tracker before a decision or after Reject all once, with its first page, passes and cause', () => {
    expect(findings.violations).toHaveLength(1);
    expect(findings.violations[0]).toMatchObject({
      item: { name: '_ga', kind: 'cookie' },
      passes: ['before-decision', 'after-reject'],
      page: about,
      cause: tag,
    });
  });

  it('never counts what is allowed, or what appears only after Accept all, as a violation', () => {
    const byName = Object.fromEntries(findings.items.map((item) => [item.name, item]));
    expect(byName.shopconsent?.classification?.purpose).toBe('necessary');
    expect(byName._fbp?.passes).toEqual(['after-accept']);
    expect(byName['connect.facebook.net']?.classification?.purpose).toBe('marketing');
    expect(byName.unknown_thing?.classification).toBeUndefined();
  });

  it('reports a held-back tag whose purpose the page does not ask about', () => {
    expect(findings.misconfigurations).toEqual([
      { kind: 'unknown-purpose', page: about, detail: 'statistics', src: 'http://shop.test/s.js' },
    ]);
  });

  it('suggests the purposes with their services and the tag to hold back', () => {
    const suggestion = suggestionOf(findings);
    expect(suggestion.purposes).toEqual([
      { id: 'analytics', services: ['ga4'] },
      { id: 'marketing', services: ['meta-pixel'] },
    ]);
    expect(suggestion.gate).toEqual([
      {
        purposes: ['analytics'],
        cause: tag,
        markup: '<script type="text/plain" data-consent="analytics" src="http://shop.test/ga.js"></script>',
      },
    ]);
    expect(suggestion.snippet).toContain("{ id: 'marketing', services: ['meta-pixel'] },");
  });

  it('reports pages the tag is missing on, twice on, and a scan that found no banner', () => {
    const other = findingsOf(
      {
        pages: [home, about],
        undecided: ['after-reject', 'after-accept'],
        records: [
          page(home, 'before-decision', { widget: { ...widget, tags: 0, loaded: false } }),
          page(about, 'before-decision', { widget: { ...widget, tags: 2 } }),
        ],
      },
      classify,
    );
    expect(other.misconfigurations).toEqual([
      { kind: 'tag-missing', page: home },
      { kind: 'duplicate-tag', page: about, detail: '2' },
      { kind: 'no-banner', page: home },
    ]);
  });
});
