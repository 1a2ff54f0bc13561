import { describe, expect, it } from 'vitest';
import { type Config, DEFAULT_EXPIRES_DAYS, DEFAULT_REVISION, parseConfig } from './config';

const HOST = 'www.shop.lv';

const parse = (object: unknown, attributes: Partial<Record<string, string>> = {}, hostname = HOST) => {
  const warnings: string[] = [];
  const config = parseConfig(object, attributes, hostname, (message) => {
    warnings.push(message);
  });
  return { config, warnings };
};

/** The value as the shop wrote it, as it should appear in the warning. */
const shown = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
/** The warning shows the value as written, or JSON-quoted. */
const expectNamesValue = (message: string | undefined, value: unknown) => {
  const text = shown(value);
  expect(
    [text, JSON.stringify(text).slice(1, -1)].some((form) => message?.includes(form)),
    `${message} names ${text}`,
  ).toBe(true);
};

const DEFAULTS = {
  lang: 'auto',
  purposes: ['necessary', 'analytics', 'marketing'],
  revision: '1',
  expiresDays: 182,
  cookieDomain: undefined,
  consentMode: 'auto',
  defaultLang: 'en',
  receiptUrl: null,
  floatingButton: false,
} satisfies Omit<Config, 'settings'>;

const fields = (config: Config) => {
  const { settings: _settings, ...rest } = config;
  return rest;
};

describe('parseConfig: defaults', () => {
  it('gives the documented defaults without any warning', () => {
    for (const object of [undefined, null, {}]) {
      const { config, warnings } = parse(object);
      expect(fields(config)).toEqual(DEFAULTS);
      expect(warnings).toEqual([]);
    }
    expect(DEFAULT_EXPIRES_DAYS).toBe(182);
    expect(DEFAULT_REVISION).toBe('1');
  });

  it('treats empty attributes as absent', () => {
    const { config, warnings } = parse(
      {},
      { lang: '', revision: '', expiresDays: '', cookieDomain: '', consentMode: '' },
    );
    expect(fields(config)).toEqual(DEFAULTS);
    expect(warnings).toEqual([]);
  });
});

describe('parseConfig: good values', () => {
  it('reads every setting from the config object', () => {
    const { config, warnings } = parse({
      shop: 'MonaOK',
      policyUrl: '/privatums',
      lang: 'lv',
      purposes: ['marketing'],
      revision: '2026-05',
      expiresDays: 30,
      cookieDomain: 'shop.lv',
      consentMode: true,
      theme: 'dark',
      texts: { lv: { 'banner.title': 'Sveiki' } },
      receiptUrl: '/consent-receipts',
      floatingButton: true,
    });
    expect(warnings).toEqual([]);
    expect(fields(config)).toEqual({
      lang: 'lv',
      purposes: ['necessary', 'marketing'],
      revision: '2026-05',
      expiresDays: 30,
      cookieDomain: 'shop.lv',
      consentMode: true,
      defaultLang: 'en',
      receiptUrl: '/consent-receipts',
      floatingButton: true,
    });
  });

  it('reads every setting from the attributes (strings)', () => {
    const { config, warnings } = parse(undefined, {
      lang: 'mn',
      purposes: 'analytics',
      revision: '7',
      expiresDays: '90',
      cookieDomain: '.shop.lv',
      consentMode: 'false',
      receiptUrl: 'https://collect.shop.lv/r',
      floatingButton: 'false',
    });
    expect(warnings).toEqual([]);
    expect(fields(config)).toEqual({
      lang: 'mn',
      purposes: ['necessary', 'analytics'],
      revision: '7',
      expiresDays: 90,
      cookieDomain: 'shop.lv',
      consentMode: false,
      defaultLang: 'en',
      receiptUrl: 'https://collect.shop.lv/r',
      floatingButton: false,
    });
  });

  it('lets attributes override the config object', () => {
    const { config, warnings } = parse(
      { lang: 'mn', revision: 'a', expiresDays: 30, purposes: ['analytics', 'marketing'], consentMode: true },
      { lang: 'ky', revision: 'b', expiresDays: '60', purposes: 'marketing', consentMode: 'false' },
    );
    expect(warnings).toEqual([]);
    expect(config.lang).toBe('ky');
    expect(config.revision).toBe('b');
    expect(config.expiresDays).toBe(60);
    expect(config.purposes).toEqual(['necessary', 'marketing']);
    expect(config.consentMode).toBe(false);
  });

  it('does not warn about a bad object value that an attribute overrides', () => {
    const { config, warnings } = parse({ lang: 'fr' }, { lang: 'vi' });
    expect(config.lang).toBe('vi');
    expect(warnings).toEqual([]);
  });

  it('accepts region tags for the language and a numeric revision', () => {
    expect(parse({ lang: 'vi-VN' }).config.lang).toBe('vi');
    expect(parse({ lang: 'auto' }).config.lang).toBe('auto');
    expect(parse({ revision: 3 }).config.revision).toBe('3');
  });

  it('accepts expiresDays from 1 to 3650', () => {
    expect(parse({ expiresDays: 1 }).config.expiresDays).toBe(1);
    expect(parse({ expiresDays: 3650 }).config.expiresDays).toBe(3650);
    expect(parse({ expiresDays: '365' }).config.expiresDays).toBe(365);
  });

  it.each([
    ['shop.lv', 'shop.lv'],
    ['.shop.lv', 'shop.lv'],
    ['SHOP.LV', 'shop.lv'],
    ['www.shop.lv', 'www.shop.lv'],
  ])('accepts cookieDomain %s on www.shop.lv', (domain, expected) => {
    const { config, warnings } = parse({ cookieDomain: domain });
    expect(config.cookieDomain).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
  ])('consentMode %s → %s', (value, expected) => {
    const { config, warnings } = parse({ consentMode: value });
    expect(config.consentMode).toBe(expected);
    expect(warnings).toEqual([]);
  });
});

type BadCase = [key: string, value: unknown, expected: unknown];

const BAD_OBJECT_VALUES: BadCase[] = [
  ['lang', 'fr', 'auto'],
  ['lang', 'kk-KZ', 'auto'],
  ['lang', 5, 'auto'],
  ['lang', { lv: true }, 'auto'],
  ['expiresDays', -5, 182],
  ['expiresDays', 0, 182],
  ['expiresDays', 99999, 182],
  ['expiresDays', 3651, 182],
  ['expiresDays', 1.5, 182],
  ['expiresDays', Number.NaN, 182],
  ['expiresDays', Number.POSITIVE_INFINITY, 182],
  ['expiresDays', '-5', 182],
  ['expiresDays', '1.5', 182],
  ['expiresDays', '30 days', 182],
  ['expiresDays', true, 182],
  ['expiresDays', [30], 182],
  ['revision', 'has space', '1'],
  ['revision', 'a;b', '1'],
  ['revision', 'a,b', '1'],
  ['revision', 'a|b', '1'],
  ['revision', '"2"', '1'],
  ['revision', 'ревизия', '1'],
  ['revision', 'r'.repeat(33), '1'],
  ['revision', { v: 2 }, '1'],
  ['revision', true, '1'],
  ['revision', ['2'], '1'],
  ['cookieDomain', 'other.lv', undefined],
  ['cookieDomain', 'hop.lv', undefined],
  ['cookieDomain', 'm.shop.lv', undefined],
  ['cookieDomain', 'shop.lv; path=/', undefined],
  ['cookieDomain', 'shop lv', undefined],
  ['cookieDomain', 'https://shop.lv', undefined],
  ['cookieDomain', 42, undefined],
  ['consentMode', 'yes', 'auto'],
  ['consentMode', 1, 'auto'],
  ['consentMode', 'on', 'auto'],
  ['consentMode', null, 'auto'],
  ['purposes', 5, ['necessary', 'analytics', 'marketing']],
  ['purposes', { analytics: true }, ['necessary', 'analytics', 'marketing']],
  ['purposes', true, ['necessary', 'analytics', 'marketing']],
  ['defaultLang', 'de', 'en'],
  ['defaultLang', 'auto', 'en'],
  ['defaultLang', 7, 'en'],
  ['floatingButton', 'yes', false],
  ['floatingButton', 1, false],
];

describe('parseConfig: each bad value gives one warning naming the key and the value, and the default', () => {
  it.each(BAD_OBJECT_VALUES)('config object %s: %o', (key, value, expected) => {
    const { config, warnings } = parse({ [key]: value });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(key);
    expectNamesValue(warnings[0], value);
    expect(config[key as keyof Config]).toEqual(expected);
  });

  const BAD_ATTRIBUTES: [key: string, attribute: string, value: string, expected: unknown][] = [
    ['lang', 'data-lang', 'fr', 'auto'],
    ['expiresDays', 'data-expires-days', 'abc', 182],
    ['expiresDays', 'data-expires-days', '0', 182],
    ['expiresDays', 'data-expires-days', '-1', 182],
    ['expiresDays', 'data-expires-days', '100000', 182],
    ['expiresDays', 'data-expires-days', '2.5', 182],
    ['revision', 'data-revision', 'v 2', '1'],
    ['cookieDomain', 'data-cookie-domain', 'example.com', undefined],
    ['consentMode', 'data-consent-mode', 'yes', 'auto'],
    ['defaultLang', 'data-default-lang', 'ru', 'en'],
  ];
  it.each(BAD_ATTRIBUTES)('attribute %s (%s="%s")', (key, attribute, value, expected) => {
    const { config, warnings } = parse({}, { [key]: value });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(attribute);
    expect(warnings[0]).toContain(value);
    expect(config[key as keyof Config]).toEqual(expected);
  });

  it('names the object key, not the attribute, when the bad value came from the object', () => {
    const { warnings } = parse({ expiresDays: -1 });
    expect(warnings[0]).not.toContain('data-');
  });

  it('gives one warning per bad value when several are bad', () => {
    const { config, warnings } = parse({ lang: 'fr', expiresDays: 0, revision: 'a b', consentMode: 'maybe' });
    expect(warnings).toHaveLength(4);
    expect(fields(config)).toEqual(DEFAULTS);
  });
});

describe('parseConfig: purposes', () => {
  it('keeps necessary first whatever the order, without a warning for naming it', () => {
    const { config, warnings } = parse({ purposes: ['marketing', 'necessary', 'analytics'] });
    expect(config.purposes).toEqual(['necessary', 'marketing', 'analytics']);
    expect(warnings).toEqual([]);
  });

  it('keeps the shop order from the attribute, split by commas or spaces', () => {
    expect(parse({}, { purposes: 'marketing, analytics' }).config.purposes).toEqual([
      'necessary',
      'marketing',
      'analytics',
    ]);
    expect(parse({}, { purposes: 'marketing analytics' }).config.purposes).toEqual([
      'necessary',
      'marketing',
      'analytics',
    ]);
  });

  it('warns once about an unknown purpose id, naming it, and drops it', () => {
    const { config, warnings } = parse({ purposes: ['analytics', 'tracking'] });
    expect(config.purposes).toEqual(['necessary', 'analytics']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('purposes');
    expect(warnings[0]).toContain('tracking');
  });

  it('warns once about an unknown purpose in data-purposes, naming the attribute', () => {
    const { config, warnings } = parse({}, { purposes: 'analytics,tracking' });
    expect(config.purposes).toEqual(['necessary', 'analytics']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('data-purposes');
    expect(warnings[0]).toContain('tracking');
  });

  it('warns once about a duplicate, keeping the first', () => {
    const { config, warnings } = parse({ purposes: ['analytics', 'marketing', 'analytics'] });
    expect(config.purposes).toEqual(['necessary', 'analytics', 'marketing']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('purposes');
    expect(warnings[0]).toContain('analytics');
  });

  it('warns about a custom purpose given only as a string: it needs an object with its label', () => {
    const { config, warnings } = parse({ purposes: ['analytics', 'loyalty'] });
    expect(config.purposes).toEqual(['necessary', 'analytics']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('loyalty');
  });

  it('knows personalization and customer-service by name: they have texts, but are asked about only when listed', () => {
    expect(DEFAULTS.purposes).not.toContain('personalization');
    expect(DEFAULTS.purposes).not.toContain('customer-service');
    const { config, warnings } = parse({ purposes: ['analytics', 'personalization', 'customer-service'] });
    expect(config.purposes).toEqual(['necessary', 'analytics', 'personalization', 'customer-service']);
    expect(warnings).toEqual([]);
    expect(parse({}, { purposes: 'customer-service marketing' }).config.purposes).toEqual([
      'necessary',
      'customer-service',
      'marketing',
    ]);
  });

  it.each([
    [{ id: 'Personalization' }, 'Personalization'],
    [{ id: 'a b' }, 'a b'],
    [{ id: 'x'.repeat(25) }, 'x'.repeat(25)],
    [{ label: 'no id' }, 'no id'],
    [42, '42'],
    [null, 'null'],
  ])('warns about a bad purpose entry %j', (entry, text) => {
    const { config, warnings } = parse({ purposes: ['analytics', entry] });
    expect(config.purposes).toEqual(['necessary', 'analytics']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('purposes');
    expect(warnings[0]).toContain(text);
  });

  it('accepts a custom purpose object', () => {
    const { config, warnings } = parse({
      purposes: [
        'analytics',
        { id: 'personalization', label: { lv: 'Personalizācija' }, description: 'Tailored pages', cookies: ['_p'] },
      ],
    });
    expect(config.purposes).toEqual(['necessary', 'analytics', 'personalization']);
    expect(warnings).toEqual([]);
  });

  it('lets data-purposes select a custom purpose described in the config object', () => {
    const { config, warnings } = parse(
      { purposes: [{ id: 'personalization', label: { en: 'Personalisation' } }, 'analytics'] },
      { purposes: 'marketing,personalization' },
    );
    expect(config.purposes).toEqual(['necessary', 'marketing', 'personalization']);
    expect(warnings).toEqual([]);
  });

  it('keeps the custom purpose objects for the dialog', () => {
    const object = { id: 'personalization', label: { en: 'Personalisation' } };
    const { config } = parse({ purposes: [object] });
    expect(config.settings.purposeObjects).toEqual([object]);
  });
});

describe('parseConfig: the config object itself', () => {
  it.each([
    ['a string', 'hello'],
    ['a number', 5],
    ['an array', ['lv']],
    ['true', true],
  ])('warns once when it is %s and uses the defaults', (_name, object) => {
    const { config, warnings } = parse(object);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('shopConsentConfig');
    expect(fields(config)).toEqual(DEFAULTS);
  });

  it('still reads the attributes when the object is bad', () => {
    const { config, warnings } = parse('oops', { lang: 'lv' });
    expect(config.lang).toBe('lv');
    expect(warnings).toHaveLength(1);
  });

  it('warns once per unknown key, naming it', () => {
    const { warnings } = parse({ colour: 'red', langauge: 'lv', lang: 'lv' });
    expect(warnings).toHaveLength(2);
    expect(warnings.some((w) => w.includes('colour'))).toBe(true);
    expect(warnings.some((w) => w.includes('langauge'))).toBe(true);
  });

  it('knows every setting of the product contract (§9)', () => {
    const { warnings } = parse({
      shop: 'Mimico',
      policyUrl: '/privacy',
      lang: 'mn',
      purposes: ['analytics'],
      revision: '2',
      expiresDays: 100,
      cookieDomain: 'shop.lv',
      receiptUrl: 'https://www.shop.lv/consent-receipts',
      floatingButton: true,
      consentMode: true,
      theme: 'light',
      texts: {},
      layout: 'box',
    });
    expect(warnings).toEqual([]);
  });

  it('does not throw on hostile input', () => {
    const hostile = Object.create(null) as Record<string, unknown>;
    hostile.lang = 'lv';
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => parse(hostile)).not.toThrow();
    expect(() => parse({ purposes: [cyclic] })).not.toThrow();
    expect(() => parse({ revision: cyclic })).not.toThrow();
    expect(() => parse({ lang: Symbol('x') })).not.toThrow();
    // Found by the property test: String() of an object without a prototype throws.
    const { config, warnings } = parse({ cookieDomain: [Object.create(null)] });
    expect(config.cookieDomain).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cookieDomain: /);
  });
});

describe('parseConfig: how many purposes', () => {
  it('keeps at most eight purposes, necessary included, and warns about each one more', () => {
    const warnings: string[] = [];
    const ids = ['analytics', 'marketing', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
    const config = parseConfig(
      { purposes: ids.map((id) => (id.startsWith('p') ? { id, label: id } : id)) },
      {},
      'shop.lv',
      (message) => warnings.push(message),
    );
    expect(config.purposes).toEqual(['necessary', 'analytics', 'marketing', 'p1', 'p2', 'p3', 'p4', 'p5']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"p6"');
    expect(warnings[1]).toContain('"p7"');
  });
});

describe('parseConfig: defaultLang', () => {
  it.each([
    ['lv', 'lv'],
    ['vi-VN', 'vi'],
    ['KY', 'ky'],
  ])('takes %s as %s, from the object or data-default-lang', (value, lang) => {
    expect(parse({ defaultLang: value }).config.defaultLang).toBe(lang);
    expect(parse({}, { defaultLang: value }).config.defaultLang).toBe(lang);
    expect(parse({ defaultLang: value }).warnings).toEqual([]);
  });

  it('says in the warning which languages it takes and that English is used', () => {
    const { warnings } = parse({}, { defaultLang: 'kk' });
    expect(warnings).toEqual(['data-default-lang: "kk" is not one of mn, ky, vi, lv, en; using en.']);
  });

  it('knows the dialog settings sensitiveNote and operator without warning', () => {
    const { warnings } = parse({ sensitiveNote: true, operator: { name: 'ЖК Migpromo' } }, { sensitiveNote: 'false' });
    expect(warnings).toEqual([]);
  });
});

describe('parseConfig: receiptUrl', () => {
  it.each([
    ['https://collect.shop.lv/receipts'],
    ['http://127.0.0.1:8080/r'],
    ['/consent-receipts'],
    ['//collect.shop.lv/r'],
  ])('takes %s as it is', (url) => {
    const { config, warnings } = parse({ receiptUrl: url });
    expect(config.receiptUrl).toBe(url);
    expect(warnings).toEqual([]);
  });

  it('takes data-receipt-url over the config object', () => {
    const { config } = parse({ receiptUrl: '/a' }, { receiptUrl: 'https://b.example/r' });
    expect(config.receiptUrl).toBe('https://b.example/r');
  });

  it.each([['javascript:alert(1)'], ['data:text/plain,x'], ['ftp://shop.lv/r'], ['http://['], [42], [true]])(
    'refuses %j with one warning naming it, and sends no receipts',
    (value) => {
      const { config, warnings } = parse({ receiptUrl: value });
      expect(config.receiptUrl).toBeNull();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('receiptUrl');
      expectNamesValue(warnings[0], value);
      expect(warnings[0]).toContain('no receipts');
    },
  );

  it('names the attribute when the bad value came from data-receipt-url', () => {
    const { warnings } = parse({}, { receiptUrl: 'javascript:void(0)' });
    expect(warnings[0]).toMatch(/^data-receipt-url: /);
  });
});
