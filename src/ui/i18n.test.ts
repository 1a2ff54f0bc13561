import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import lv from '../../locales/lv.json';
import mn from '../../locales/mn.json';
import { createI18n } from './i18n';

describe('createI18n', () => {
  it('speaks every product language', () => {
    const i18n = createI18n({});
    expect(i18n.t('banner.title', { lng: 'lv' })).toBe(lv.banner.title);
    expect(i18n.t('banner.title', { lng: 'mn' })).toBe(mn.banner.title);
    expect(i18n.t('banner.title', { lng: 'en' })).toBe(en.banner.title);
  });

  it('falls back to English for an unknown language', () => {
    expect(createI18n({}).t('actions.rejectAll', { lng: 'fr' })).toBe(en.actions.rejectAll);
  });

  it('applies the shop texts by dotted key, per language only', () => {
    const i18n = createI18n({ lv: { 'banner.title': 'Sveiki, MonaOK!' } });
    expect(i18n.t('banner.title', { lng: 'lv' })).toBe('Sveiki, MonaOK!');
    expect(i18n.t('banner.text', { lng: 'lv' })).toBe(lv.banner.text);
    expect(i18n.t('banner.title', { lng: 'en' })).toBe(en.banner.title);
  });

  it('returns shop texts verbatim', () => {
    const i18n = createI18n({ en: { 'banner.title': '<b>Tom & Jerry</b>' } });
    expect(i18n.t('banner.title', { lng: 'en' })).toBe('<b>Tom & Jerry</b>');
  });

  it('does not touch the global i18next instance', async () => {
    const i18next = (await import('i18next')).default;
    createI18n({ lv: { 'banner.title': 'X' } });
    expect(i18next.isInitialized ?? false).toBe(false);
  });
});
