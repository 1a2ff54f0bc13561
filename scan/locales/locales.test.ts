import { describe, expect, it } from 'vitest';
import en from './en.json';
import ky from './ky.json';
import lv from './lv.json';
import mn from './mn.json';
import vi from './vi.json';

const translations = { mn, ky, vi, lv };
const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();

describe("the scan report's texts", () => {
  it.each(Object.entries(translations))('%s has every key, with the same placeholders, translated', (_, texts) => {
    const table = texts as Record<string, string>;
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    const copied = Object.entries(en).filter(
      ([key, text]) => table[key] === text && !/^(Site|Sайт)$/.test(text) && text.length > 12,
    );
    expect(copied).toEqual([]);
    for (const [key, text] of Object.entries(en))
      expect([key, placeholders(table[key] ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('writes Mongolian without ң and Kyrgyz without Kazakh letters', () => {
    expect(Object.values(mn).join(' ')).not.toMatch(/[Ңң]/);
    expect(Object.values(ky).join(' ')).not.toMatch(/[ӘәҒғҚқҰұҺһІі]/);
  });
});
