import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config';
import { parsePurposeCookies } from './purpose-cookies';

const parse = (purposes: unknown[]) => {
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
  };
  const config = parseConfig({ purposes }, {}, 'www.shop.lv', warn);
  warnings.length = 0;
  return { result: parsePurposeCookies(config.settings, config.purposes, warn), warnings };
};

describe('parsePurposeCookies', () => {
  it('keeps the names and patterns a shop lists, for built-in and own purposes', () => {
    const { result, warnings } = parse([
      { id: 'analytics', cookies: ['_ga', '_ga_*'] },
      'marketing',
      { id: 'loyalty', label: 'Loyalty', cookies: ['loyalty_id'] },
    ]);
    expect(warnings).toEqual([]);
    expect(result).toEqual({ cookies: { analytics: ['_ga', '_ga_*'], loyalty: ['loyalty_id'] }, services: {} });
  });

  it('expands services from the catalogue, after the shop’s own names, without duplicates', () => {
    const { result, warnings } = parse([
      { id: 'analytics', cookies: ['_ga', 'own'], services: ['ga4', 'hotjar'] },
      { id: 'marketing', services: ['meta-pixel', 'tiktok-pixel'] },
    ]);
    expect(warnings).toEqual([]);
    expect(result.services).toEqual({ analytics: ['ga4', 'hotjar'], marketing: ['meta-pixel', 'tiktok-pixel'] });
    expect(result.cookies.analytics).toEqual(['_ga', 'own', '_ga_*', '_gid', '_gat*', '_hj*']);
    expect(result.cookies.marketing).toEqual(['_fbp', '_fbc', '_ttp', '_tt_*', 'ttcsid*', 'ttclid']);
  });

  it.each([
    ['an unknown service', ['matomo'], '"matomo"'],
    ['a number', [7], '7'],
    ['a property of every object', ['constructor'], '"constructor"'],
  ])('warns about %s, naming it and the known ones, and keeps the rest', (_name, extra, shown) => {
    const { result, warnings } = parse([{ id: 'marketing', services: ['google-ads', ...extra] }]);
    expect(result.services).toEqual({ marketing: ['google-ads'] });
    expect(result.cookies.marketing).toEqual(['_gcl_*', '_gac_*']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('purposes["marketing"].services');
    expect(warnings[0]).toContain(shown);
    expect(warnings[0]).toContain('ga4, google-ads, meta-pixel, hotjar, yandex-metrica, tiktok-pixel');
  });

  it('takes a single service written without a list', () => {
    expect(parse([{ id: 'analytics', services: 'yandex-metrica' }]).result.cookies).toEqual({ analytics: ['_ym*'] });
  });

  it.each([
    ['a string', '_ga'],
    ['a list with a number', ['_ga', 5]],
    ['a list with an empty name', ['_ga', '']],
    ['a name with a space', ['my cookie']],
    ['a name with a semicolon', ['a;b']],
    ['a pattern that is only stars', ['_ga', '**']],
    ['an object', { _ga: true }],
  ])('warns about cookies as %s and keeps none of them', (_name, cookies) => {
    const { result, warnings } = parse([{ id: 'analytics', cookies }]);
    expect(result.cookies).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('purposes["analytics"].cookies');
  });

  it('ignores purposes the shop does not ask about', () => {
    const warnings: string[] = [];
    const config = parseConfig(
      {
        purposes: [
          { id: 'analytics', cookies: ['_ga'] },
          { id: 'marketing', cookies: ['_fbp'] },
        ],
      },
      { purposes: 'analytics' },
      'www.shop.lv',
      () => {},
    );
    const result = parsePurposeCookies(config.settings, config.purposes, (m) => warnings.push(m));
    expect(result.cookies).toEqual({ analytics: ['_ga'] });
  });
});
