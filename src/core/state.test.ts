import { describe, expect, it } from 'vitest';
import { timestamp } from './state';

describe('timestamp', () => {
  it('is ISO 8601 UTC to the whole second', () => {
    expect(timestamp(Date.parse('2026-01-05T14:03:07.891Z'))).toBe('2026-01-05T14:03:07.000Z');
    expect(timestamp(Date.parse('2026-01-05T14:03:07.000Z'))).toBe('2026-01-05T14:03:07.000Z');
  });
});
