import { describe, expect, it } from 'vitest';
import { allConsent, choicesFor, grants, isPurposeId, noConsent } from './purposes';

describe('purposes', () => {
  it('noConsent: only necessary is on', () => {
    expect(noConsent(['necessary', 'analytics', 'marketing'])).toEqual({
      necessary: true,
      analytics: false,
      marketing: false,
    });
  });

  it('allConsent: everything on', () => {
    expect(allConsent(['necessary', 'personalization'])).toEqual({ necessary: true, personalization: true });
  });

  it('choicesFor keeps necessary on whatever pick says', () => {
    expect(choicesFor(['necessary', 'analytics'], () => false).necessary).toBe(true);
  });

  it('grants: necessary always, others only when strictly true', () => {
    expect(grants(undefined, 'necessary')).toBe(true);
    expect(grants(undefined, 'analytics')).toBe(false);
    expect(grants({ analytics: 'yes' }, 'analytics')).toBe(false);
    expect(grants({ analytics: true }, 'analytics')).toBe(true);
    expect(grants({}, 'constructor')).toBe(false);
    expect(grants({}, 'toString')).toBe(false);
  });

  it.each(['analytics', 'a', 'personalization', 'ab_c-1', 'a'.repeat(24)])('%s is a purpose id', (id) => {
    expect(isPurposeId(id)).toBe(true);
  });
  it.each(['', 'Analytics', '1abc', '_a', 'a b', 'a.b', 'a:b', 'a|b', 'a'.repeat(25), 5, null])(
    '%s is not a purpose id',
    (id) => {
      expect(isPurposeId(id)).toBe(false);
    },
  );
});
