import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGES, toLang } from './languages';

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

  it('falls back to English', () => {
    expect(detectLanguage([])).toBe('en');
    expect(detectLanguage([null, undefined, '', 'fr', 'kk'])).toBe('en');
  });
});
