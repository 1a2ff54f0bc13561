import { describe, expect, it } from 'vitest';
import { newConsentId } from './id';

describe('newConsentId', () => {
  it('is 20 cookie-safe base-36 characters', () => {
    for (let i = 0; i < 200; i++) expect(newConsentId()).toMatch(/^[0-9a-z]{20}$/);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 2000 }, newConsentId));
    expect(ids.size).toBe(2000);
  });
});
