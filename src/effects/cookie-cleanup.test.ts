import { afterEach, describe, expect, it } from 'vitest';
import { deleteCookies } from './cookie-cleanup';

const names = () =>
  document.cookie
    .split('; ')
    .filter(Boolean)
    .map((pair) => pair.split('=')[0])
    .sort();

const set = (cookie: string) => {
  // biome-ignore lint/suspicious/noDocumentCookie: stands for the cookies a shop's tags set
  document.cookie = cookie;
};

afterEach(() => {
  for (const name of names()) {
    set(`${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`);
    set(`${name}=; domain=localhost; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`);
  }
});

describe('deleteCookies', () => {
  it('deletes the names and * patterns given, host-only and on the domain, and keeps the others', () => {
    set('_ga=GA1.1.1; path=/');
    set('_ga_ABC123=GS1.1; domain=localhost; path=/');
    set('_gid=GA1.1.2; path=/');
    set('_fbp=fb.1.2; domain=localhost; path=/');
    set('cart=42; path=/');
    set('session=s; path=/');
    deleteCookies(document, ['_ga', '_ga_*', '_fbp']);
    expect(names()).toEqual(['_gid', 'cart', 'session']);
  });

  it('never deletes its own shopconsent cookie, whatever the pattern', () => {
    set('shopconsent=1|x; path=/');
    set('shop_cart=1; path=/');
    deleteCookies(document, ['shop*']);
    expect(names()).toEqual(['shopconsent']);
  });

  it('takes every other character of a pattern literally', () => {
    set('a.b=1; path=/');
    set('aXb=1; path=/');
    set('a+b=1; path=/');
    set('aab=1; path=/');
    deleteCookies(document, ['a.b', 'a+b']);
    expect(names()).toEqual(['aXb', 'aab']);
  });

  it('does nothing for no patterns', () => {
    set('_ga=1; path=/');
    deleteCookies(document, []);
    expect(names()).toEqual(['_ga']);
  });
});
