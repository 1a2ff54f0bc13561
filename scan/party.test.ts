import { describe, expect, it } from 'vitest';
import { isThirdParty } from './party';

describe('isThirdParty', () => {
  it('takes subdomains of the shop as first-party, under a two-label public suffix too', () => {
    expect(isThirdParty('.shop.com.vn', 'https://www.shop.com.vn/cart')).toBe(false);
    expect(isThirdParty('cdn.shop.com.vn', 'https://www.shop.com.vn/')).toBe(false);
  });

  it('takes another shop under the same public suffix as third-party', () => {
    expect(isThirdParty('other.com.vn', 'https://www.shop.com.vn/')).toBe(true);
    expect(isThirdParty('www.facebook.com', 'https://monaok.lv/')).toBe(true);
  });

  it('compares an IP address or localhost as a whole', () => {
    expect(isThirdParty('127.0.0.1', 'http://127.0.0.1:4231/')).toBe(false);
    expect(isThirdParty('localhost', 'http://127.0.0.1:4231/')).toBe(true);
  });
});
