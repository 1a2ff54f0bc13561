import { describe, expect, it } from 'vitest';
import { robotsRules } from './robots';

const url = 'http://shop.test/robots.txt';

describe('robotsRules', () => {
  it('follows the rules for every crawler', () => {
    const allowed = robotsRules(url, 'User-agent: *\nDisallow: /checkout/\nAllow: /checkout/help');
    expect(allowed('http://shop.test/')).toBe(true);
    expect(allowed('http://shop.test/checkout/pay')).toBe(false);
    expect(allowed('http://shop.test/checkout/help')).toBe(true);
  });

  it('follows the rules written for the scanner over those for everybody', () => {
    const allowed = robotsRules(url, 'User-agent: *\nDisallow: /\n\nUser-agent: shop-consent-scan\nDisallow: /admin');
    expect(allowed('http://shop.test/')).toBe(true);
    expect(allowed('http://shop.test/admin')).toBe(false);
  });

  it('allows everything without a robots.txt', () => {
    expect(robotsRules(url, undefined)('http://shop.test/anything')).toBe(true);
  });
});
