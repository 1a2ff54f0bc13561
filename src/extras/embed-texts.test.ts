import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../core/languages';
import { embedTexts } from './embed-texts';

const locale = (code: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../locales/${code}.json`), 'utf8')).embed;

describe('embedTexts', () => {
  it.each(LANGUAGES)('gives the placeholder strings of locales/%s.json', (code) => {
    expect(embedTexts(code, undefined)).toEqual(locale(code));
  });

  it("takes the shop's own texts for the language shown, by dotted key", () => {
    const texts = { lv: { 'embed.load': 'Rādīt video', 'banner.title': 'x' }, en: { 'embed.load': 'Show video' } };
    expect(embedTexts('lv', texts)).toEqual({ ...locale('lv'), load: 'Rādīt video' });
    expect(embedTexts('vi', texts)).toEqual(locale('vi'));
  });

  it.each([
    ['an empty text', { en: { 'embed.load': '  ' } }],
    ['a number', { en: { 'embed.load': 5 } }],
    ['texts that are not an object', 'nope'],
    ['a language that is not an object', { en: ['embed.load'] }],
  ])('ignores %s and keeps ours', (_name, texts) => {
    expect(embedTexts('en', texts)).toEqual(locale('en'));
  });
});
