import { describe, expect, it } from 'vitest';
import { parseCli } from './args';

describe('parseCli', () => {
  it('takes the address and the defaults', () => {
    expect(parseCli(['scan', 'http://shop.test'])).toEqual({
      url: 'http://shop.test/',
      pages: 20,
      lang: 'en',
      out: 'report',
      delayMs: 250,
    });
  });

  it('takes every option', () => {
    expect(
      parseCli(['scan', 'https://shop.lv/', '--pages', '5', '--lang', 'lv', '--out', 'r', '--delay', '0']),
    ).toEqual({ url: 'https://shop.lv/', pages: 5, lang: 'lv', out: 'r', delayMs: 0 });
  });

  it.each([
    [['scan'], 'Usage'],
    [['crawl', 'http://shop.test'], 'Usage'],
    [['scan', 'shop.test'], 'not an address'],
    [['scan', 'ftp://shop.test'], 'only http and https'],
    [['scan', 'http://shop.test', '--pages', '0'], '--pages "0"'],
    [['scan', 'http://shop.test', '--pages', 'many'], '--pages "many"'],
    [['scan', 'http://shop.test', '--lang', 'de'], '--lang "de": one of mn, ky, vi, lv, en'],
    [['scan', 'http://shop.test', '--delay=-1'], '--delay "-1"'],
    [['scan', 'http://shop.test', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j with a message naming what is wrong', (argv, message) => {
    const result = parseCli(argv);
    expect('error' in result && result.error).toContain(message);
  });
});
