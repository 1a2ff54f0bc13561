import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config';
import { parseDialogSettings } from './dialog-settings';

const BASE = 'https://www.shop.lv/cart/checkout?step=2';

/** The dialog settings as the widget would get them: through parseConfig, then parseDialogSettings. */
const dialog = (object: unknown, attributes: Partial<Record<string, string>> = {}, baseUrl: string | null = BASE) => {
  const { settings } = parseConfig(object, attributes, 'www.shop.lv', () => {});
  const warnings: string[] = [];
  const result = parseDialogSettings(settings, baseUrl ?? undefined, (message) => {
    warnings.push(message);
  });
  return { result, warnings };
};

describe('parseDialogSettings: defaults', () => {
  it('has no shop name, no policy link, the auto theme and no overrides', () => {
    const { result, warnings } = dialog({});
    expect(result).toEqual({
      shop: '',
      policyUrl: null,
      theme: 'auto',
      texts: {},
      labels: {},
      descriptions: {},
      sensitiveNote: 'auto',
      operator: null,
      layout: 'bar',
    });
    expect(warnings).toEqual([]);
  });
});

describe('parseDialogSettings: shop name', () => {
  it('takes the name, trimmed, from the object or the attribute (which wins)', () => {
    expect(dialog({ shop: '  Mimico ' }).result.shop).toBe('Mimico');
    expect(dialog({ shop: 'Mimico' }, { shop: 'MonaOK' }).result.shop).toBe('MonaOK');
    expect(dialog({ shop: 'Mitexco' }).warnings).toEqual([]);
  });

  it.each([
    ['a number', 5, '5'],
    ['a blank string', '   ', '   '],
    ['too long', 'S'.repeat(81), 'SSSS'],
  ])('warns once about %s and shows none', (_name, value, text) => {
    const { result, warnings } = dialog({ shop: value });
    expect(result.shop).toBe('');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('shop');
    expect(warnings[0]).toContain(text);
  });

  it('keeps a name of exactly 80 characters', () => {
    expect(dialog({ shop: 'S'.repeat(80) }).result.shop).toBe('S'.repeat(80));
  });
});

describe('parseDialogSettings: policy URL', () => {
  it.each([
    ['/privacy', 'https://www.shop.lv/privacy'],
    ['privacy', 'https://www.shop.lv/cart/privacy'],
    ['../terms#cookies', 'https://www.shop.lv/terms#cookies'],
    ['//cdn.shop.lv/p.html', 'https://cdn.shop.lv/p.html'],
    ['https://mimico.mn/privacy', 'https://mimico.mn/privacy'],
    ['http://example.com/p?a=1', 'http://example.com/p?a=1'],
  ])('resolves %s against the page URL', (value, expected) => {
    const { result, warnings } = dialog({ policyUrl: value });
    expect(result.policyUrl).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:privacy@shop.lv',
    'file:///etc/passwd',
  ])('refuses %s with one warning naming policyUrl and the value', (value) => {
    const { result, warnings } = dialog({ policyUrl: value });
    expect(result.policyUrl).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('policyUrl');
    expect(warnings[0]).toContain(JSON.stringify(value).slice(1, 20));
  });

  it('names data-policy-url when the bad value came from the attribute', () => {
    const { result, warnings } = dialog({}, { policyUrl: 'javascript:void(0)' });
    expect(result.policyUrl).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('data-policy-url');
    expect(warnings[0]).toContain('javascript:void(0)');
  });

  it('refuses a relative URL when there is no base URL, and a non-string', () => {
    expect(dialog({ policyUrl: '/privacy' }, {}, null).result.policyUrl).toBeNull();
    expect(dialog({ policyUrl: '/privacy' }, {}, null).warnings).toHaveLength(1);
    const { result, warnings } = dialog({ policyUrl: 42 });
    expect(result.policyUrl).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('42');
  });

  it('treats an empty URL as no link, without a warning', () => {
    const { result, warnings } = dialog({ policyUrl: '' });
    expect(result.policyUrl).toBeNull();
    expect(warnings).toEqual([]);
  });
});

describe('parseDialogSettings: theme', () => {
  it.each(['light', 'dark'] as const)('takes %s', (theme) => {
    expect(dialog({ theme }).result.theme).toBe(theme);
  });

  it('takes auto without a warning', () => {
    const { result, warnings } = dialog({}, { theme: 'auto' });
    expect(result.theme).toBe('auto');
    expect(warnings).toEqual([]);
  });

  it.each([['pink'], ['DARK'], [1], [true]])('warns once about %s and uses auto', (theme) => {
    const { result, warnings } = dialog({ theme });
    expect(result.theme).toBe('auto');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('theme');
    expect(warnings[0]).toContain(String(theme));
  });

  it('names data-theme for the attribute', () => {
    const { warnings } = dialog({}, { theme: 'sepia' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('data-theme');
    expect(warnings[0]).toContain('sepia');
  });
});

describe('parseDialogSettings: layout', () => {
  it('takes box from the object or the attribute (which wins)', () => {
    expect(dialog({ layout: 'box' }).result.layout).toBe('box');
    expect(dialog({ layout: 'bar' }, { layout: 'box' }).result.layout).toBe('box');
    expect(dialog({ layout: 'box' }, { layout: 'bar' }).result.layout).toBe('bar');
  });

  it('takes bar without a warning', () => {
    const { result, warnings } = dialog({}, { layout: 'bar' });
    expect(result.layout).toBe('bar');
    expect(warnings).toEqual([]);
  });

  it.each([['modal'], ['BOX'], [2], [false]])('warns once about %s and uses bar', (layout) => {
    const { result, warnings } = dialog({ layout });
    expect(result.layout).toBe('bar');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('layout');
    expect(warnings[0]).toContain(String(layout));
    expect(warnings[0]).toContain('using bar');
  });

  it('names data-layout for the attribute', () => {
    const { warnings } = dialog({}, { layout: 'centre' });
    expect(warnings).toEqual(['data-layout: "centre" is not bar or box; using bar.']);
  });
});

describe('parseDialogSettings: texts', () => {
  it('keeps per-language overrides by dotted key, region tags included', () => {
    const { result, warnings } = dialog({
      texts: { lv: { 'banner.title': 'Sveiki!' }, 'mn-MN': { 'actions.acceptAll': 'Зөвшөөрөх' } },
    });
    expect(result.texts).toEqual({ lv: { 'banner.title': 'Sveiki!' }, mn: { 'actions.acceptAll': 'Зөвшөөрөх' } });
    expect(warnings).toEqual([]);
  });

  it('warns about and skips an unknown language', () => {
    const { result, warnings } = dialog({
      texts: { fr: { 'banner.title': 'Bonjour' }, lv: { 'banner.title': 'Sveiki' } },
    });
    expect(result.texts).toEqual({ lv: { 'banner.title': 'Sveiki' } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('texts');
    expect(warnings[0]).toContain('fr');
  });

  it('warns about and skips each bad entry, keeping the good ones', () => {
    const { result, warnings } = dialog({
      texts: { ky: { 'banner.title': 5, 'banner.text': '', 'banner.policy': 'Купуялык', 'actions.save': { x: 1 } } },
    });
    expect(result.texts).toEqual({ ky: { 'banner.policy': 'Купуялык' } });
    expect(warnings).toHaveLength(3);
    expect(warnings.some((w) => w.includes('banner.title') && w.includes('5'))).toBe(true);
    expect(warnings.some((w) => w.includes('banner.text'))).toBe(true);
    expect(warnings.some((w) => w.includes('actions.save'))).toBe(true);
  });

  it.each([
    ['a string', 'hello'],
    ['a list', ['a']],
    ['a language with a string', { lv: 'Sveiki' }],
  ])('warns about texts as %s', (_name, texts) => {
    const { result, warnings } = dialog({ texts });
    expect(result.texts).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('texts');
  });
});

describe('parseDialogSettings: purpose labels and descriptions', () => {
  const personalization = {
    id: 'personalization',
    label: { lv: 'Personalizācija', en: 'Personalisation', vi: 'Cá nhân hóa' },
    description: { lv: 'Jums pielāgotas lapas.' },
    cookies: ['_pers', '_pers_*'],
  };

  it('keeps labels and descriptions per language', () => {
    const { result, warnings } = dialog({ purposes: ['analytics', personalization] });
    expect(warnings).toEqual([]);
    expect(result.labels.personalization).toEqual(personalization.label);
    expect(result.descriptions.personalization).toEqual(personalization.description);
  });

  it('takes a plain string as the English text', () => {
    const { result, warnings } = dialog({
      purposes: [{ id: 'personalization', label: 'Personalisation', description: 'Pages made for you.' }],
    });
    expect(warnings).toEqual([]);
    expect(result.labels.personalization).toEqual({ en: 'Personalisation' });
    expect(result.descriptions.personalization).toEqual({ en: 'Pages made for you.' });
  });

  it('warns about and skips a label in an unknown language or an empty one', () => {
    const { result, warnings } = dialog({
      purposes: [{ id: 'personalization', label: { fr: 'Personnalisation', lv: '', en: 'Personalisation' } }],
    });
    expect(result.labels.personalization).toEqual({ en: 'Personalisation' });
    expect(warnings).toHaveLength(2);
    expect(warnings.every((w) => w.includes('personalization') && w.includes('label'))).toBe(true);
    expect(warnings.some((w) => w.includes('fr'))).toBe(true);
    expect(warnings.some((w) => w.includes('lv'))).toBe(true);
  });

  it('warns about a description that is not text', () => {
    const { result, warnings } = dialog({
      purposes: [{ id: 'personalization', label: 'Personalisation', description: 42 }],
    });
    expect(result.descriptions.personalization).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('description');
    expect(warnings[0]).toContain('42');
  });

  it('warns when a purpose of the shop has no label, naming the id visitors will see instead', () => {
    const { result, warnings } = dialog({ purposes: [{ id: 'loyalty', description: { lv: 'Punkti.' } }] });
    expect(result.labels.loyalty).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('purposes["loyalty"].label');
    expect(warnings[0]).toContain('"loyalty"');
  });

  it('asks no label of a built-in purpose: ours is used', () => {
    const { warnings } = dialog({ purposes: [{ id: 'analytics', cookies: ['_ga'] }] });
    expect(warnings).toEqual([]);
  });

  it('leaves cookies and services to the core, which warns about them once', () => {
    const { warnings } = dialog({ purposes: [{ id: 'analytics', cookies: 5, services: ['nope'] }] });
    expect(warnings).toEqual([]);
  });
});

describe('parseDialogSettings: the sensitive-data note', () => {
  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    ['auto', 'auto'],
  ] as const)('takes %s as %s', (value, expected) => {
    const { result, warnings } = dialog({ sensitiveNote: value });
    expect(result.sensitiveNote).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it('reads data-sensitive-note, which wins over the object', () => {
    expect(dialog({ sensitiveNote: false }, { sensitiveNote: 'true' }).result.sensitiveNote).toBe(true);
  });

  it.each([['yes'], [1], [{ vi: true }]])('warns once about %j and uses auto', (value) => {
    const { result, warnings } = dialog({ sensitiveNote: value });
    expect(result.sensitiveNote).toBe('auto');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('sensitiveNote');
    expect(warnings[0]).toContain(JSON.stringify(value));
    expect(warnings[0]).toContain('auto');
  });

  it('names the attribute when the bad value came from it', () => {
    const { warnings } = dialog({}, { sensitiveNote: 'maybe' });
    expect(warnings).toEqual([
      'data-sensitive-note: "maybe" is not true, false or auto; using auto (shown in Vietnamese).',
    ]);
  });
});

describe('parseDialogSettings: no sensitive-data note in Latvian', () => {
  const refused =
    'the sensitive-data note is never shown in Latvian: under the GDPR data on online behaviour is not a special category.';

  it.each([
    [{ sensitiveNote: true, defaultLang: 'lv' }, {}, `sensitiveNote: ${refused}`],
    [{ sensitiveNote: true }, { lang: 'lv-LV' }, `sensitiveNote: ${refused}`],
    [{}, { lang: 'lv', sensitiveNote: 'true' }, `data-sensitive-note: ${refused}`],
    [{ texts: { lv: { 'notice.sensitive': 'Sensitīvi dati.' } } }, {}, `texts.lv["notice.sensitive"]: ${refused}`],
  ])('warns when a Latvian shop tries to show it: %j %j', (object, attributes, warning) => {
    expect(dialog(object, attributes).warnings).toEqual([warning]);
  });

  it('stays silent for a Vietnamese shop that shows it in every language', () => {
    expect(dialog({ sensitiveNote: true, defaultLang: 'vi' }, { lang: 'vi' }).warnings).toEqual([]);
  });
});

describe('parseDialogSettings: the operator', () => {
  const migpromo = {
    name: 'ЖК "Migpromo"',
    id: { ky: 'БИН 760919301616', en: 'BIN 760919301616' },
    address: { ky: 'Казакстан, Алматы', en: 'Almaty, Kazakhstan' },
    contact: 'info@migpromo.kz, +7 777 353 06 29',
  };

  it('keeps each field per language; a plain text counts as English', () => {
    const { result, warnings } = dialog({ operator: migpromo });
    expect(warnings).toEqual([]);
    expect(result.operator).toEqual({
      name: { en: 'ЖК "Migpromo"' },
      id: migpromo.id,
      address: migpromo.address,
      contact: { en: 'info@migpromo.kz, +7 777 353 06 29' },
    });
  });

  it('needs no more than the name', () => {
    const { result, warnings } = dialog({ operator: { name: { lv: 'SIA MonaOK' } } });
    expect(result.operator).toEqual({ name: { lv: 'SIA MonaOK' }, id: {}, address: {}, contact: {} });
    expect(warnings).toEqual([]);
  });

  it('shows nothing without a name, and says so', () => {
    const { result, warnings } = dialog({ operator: { id: 'BIN 760919301616' } });
    expect(result.operator).toBeNull();
    expect(warnings).toEqual(['operator.name: missing; the operator details are not shown.']);
  });

  it('warns about an unknown field and a bad one, keeping the rest', () => {
    const { result, warnings } = dialog({ operator: { ...migpromo, bin: '760919301616', address: { fr: 'Almaty' } } });
    expect(result.operator?.address).toEqual({});
    expect(result.operator?.name).toEqual({ en: 'ЖК "Migpromo"' });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('operator.bin');
    expect(warnings[1]).toContain('operator.address.fr');
  });

  it.each([['SIA MonaOK'], [42], [['SIA MonaOK']]])('warns about an operator that is not an object: %j', (operator) => {
    const { result, warnings } = dialog({ operator });
    expect(result.operator).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('operator');
    expect(warnings[0]).toContain(JSON.stringify(operator).slice(0, 10));
  });
});
