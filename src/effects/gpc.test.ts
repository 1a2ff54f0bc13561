import { describe, expect, it } from 'vitest';
import { hasGpc } from './gpc';

describe('hasGpc', () => {
  it.each([
    [true, true],
    [false, false],
    [undefined, false],
    ['1', false],
    [1, false],
  ])('globalPrivacyControl %j → %s', (value, expected) => {
    expect(hasGpc({ globalPrivacyControl: value } as unknown as Navigator)).toBe(expected);
  });
});
