import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGES, pageLanguage, toLang } from './languages';

describe('toLang', () => {
  it.each([
    ['mn', 'mn'],
    ['ky', 'ky'],
    ['vi', 'vi'],
    ['lv', 'lv'],
    ['en', 'en'],
    ['vi-VN', 'vi'],
    ['mn-Cyrl-MN', 'mn'],
    ['ky-KG', 'ky'],
    ['lv_LV', 'lv'],
    ['LV_lv', 'lv'],
    ['EN-GB', 'en'],
    [' en ', 'en'],
    ['Vi', 'vi'],
  ])('%s → %s', (code, lang) => {
    expect(toLang(code)).toBe(lang);
  });

  it.each(['fr', 'ru', 'kk', 'kk-KZ', 'lva', 'env', 'e', '', '-', 'auto', 'x-en'])(
    '%s is not a language we speak',
    (code) => {
      expect(toLang(code)).toBeUndefined();
    },
  );

  it.each([5, null, undefined, {}, ['en'], true])('%s is not a code', (code) => {
    expect(toLang(code)).toBeUndefined();
  });

  it('knows exactly the five product languages', () => {
    expect([...LANGUAGES].sort()).toEqual(['en', 'ky', 'lv', 'mn', 'vi']);
  });
});

describe('detectLanguage', () => {
  it('takes the first candidate we speak, in the order given', () => {
    expect(detectLanguage(['lv', 'mn'])).toBe('lv');
    expect(detectLanguage(['fr', 'ky-KG', 'lv'])).toBe('ky');
    expect(detectLanguage([null, 'de-DE', 'ru', 'vi-VN', 'en'])).toBe('vi');
  });

  it('lets <html lang> (the first candidate) win over the browser languages', () => {
    expect(detectLanguage(['mn-MN', 'en-US', 'lv'])).toBe('mn');
  });

  it('falls back to English, or to the fallback given', () => {
    expect(detectLanguage([])).toBe('en');
    expect(detectLanguage([null, undefined, '', 'fr', 'kk'])).toBe('en');
    expect(detectLanguage(['fr'], 'lv')).toBe('lv');
  });

  it('takes auto for no language', () => {
    expect(detectLanguage(['auto', 'vi'])).toBe('vi');
  });
});

describe('pageLanguage: the order of docs/adr/0015', () => {
  // configured, <html lang>, language of the last decision, navigator.languages, the shop's default
  it('1. the language the shop set for the page wins over everything', () => {
    expect(pageLanguage('ky', 'vi-VN', 'lv', ['mn'], 'en')).toBe('ky');
  });

  it('2. then the page language, region tags included', () => {
    expect(pageLanguage('auto', 'vi-VN', 'lv', ['mn'], 'en')).toBe('vi');
    expect(pageLanguage('auto', 'lv-LV', 'mn', ['ky'], 'en')).toBe('lv');
    expect(pageLanguage('auto', 'mn-Cyrl-MN', undefined, [], 'en')).toBe('mn');
  });

  it('3. then the language of the visitor’s last decision, when the page names none we speak', () => {
    expect(pageLanguage('auto', null, 'lv', ['mn-MN', 'en'], 'en')).toBe('lv');
    expect(pageLanguage('auto', 'de-DE', 'ky', ['mn'], 'en')).toBe('ky');
  });

  it('4. then the first browser language we speak', () => {
    expect(pageLanguage('auto', null, undefined, ['de-DE', 'ky-KG', 'en-US'], 'en')).toBe('ky');
    expect(pageLanguage('auto', '', null, ['ru', 'vi'], 'lv')).toBe('vi');
  });

  it('5. then the shop’s default language', () => {
    expect(pageLanguage('auto', 'de', undefined, ['fr-FR', 'ru'], 'lv')).toBe('lv');
  });

  it('6. then English (the default of defaultLang)', () => {
    expect(pageLanguage('auto', null, undefined, [], 'en')).toBe('en');
  });
});

describe('one list of languages', () => {
  it('the receipt schema accepts exactly the languages the widget speaks', () => {
    const schema = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../docs/schema/receipt.schema.json'), 'utf8'),
    );
    expect(schema.properties.lang.enum).toEqual([...LANGUAGES]);
  });
});
