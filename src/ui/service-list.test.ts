import { afterEach, describe, expect, it, vi } from 'vitest';
import { serviceList } from './service-list';

afterEach(() => vi.restoreAllMocks());

describe('the services of a purpose as one list', () => {
  it('joins them the way each language lists things', () => {
    const names = ['Google Analytics', 'Hotjar', 'Meta Pixel'];
    expect(serviceList(names, 'lv')).toBe('Google Analytics, Hotjar un Meta Pixel');
    expect(serviceList(names, 'en')).toBe('Google Analytics, Hotjar, Meta Pixel');
    expect(serviceList(names, 'mn')).toBe('Google Analytics Hotjar Meta Pixel');
    expect(serviceList(['Zalo', 'TikTok Pixel'], 'lv')).toBe('Zalo un TikTok Pixel');
  });

  it('makes no list formatter for one service or none, where there is nothing to join', () => {
    const made = vi.spyOn(Intl, 'ListFormat');
    expect(serviceList([], 'vi')).toBe('');
    expect(serviceList(['Zalo'], 'ky')).toBe('Zalo');
    expect(made).not.toHaveBeenCalled();
  });
});
