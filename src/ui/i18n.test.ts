import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import lv from '../../locales/lv.json';
import mn from '../../locales/mn.json';
import vi from '../../locales/vi.json';
import type { DialogSettings } from '../settings/dialog-settings';
import { createI18n } from './i18n';

type Shop = Pick<DialogSettings, 'texts' | 'labels' | 'descriptions'>;
const shop = (over: Partial<Shop> = {}): Shop => ({ texts: {}, labels: {}, descriptions: {}, ...over });

describe('createI18n', () => {
  it('speaks every product language', () => {
    const i18n = createI18n(shop());
    expect(i18n.t('banner.title', { lng: 'lv' })).toBe(lv.banner.title);
    expect(i18n.t('banner.title', { lng: 'mn' })).toBe(mn.banner.title);
    expect(i18n.t('banner.title', { lng: 'en' })).toBe(en.banner.title);
  });

  it('falls back to English for an unknown language', () => {
    expect(createI18n(shop()).t('actions.rejectAll', { lng: 'fr' })).toBe(en.actions.rejectAll);
  });

  it('applies the shop texts by dotted key, per language only', () => {
    const i18n = createI18n(shop({ texts: { lv: { 'banner.title': 'Sveiki, MonaOK!' } } }));
    expect(i18n.t('banner.title', { lng: 'lv' })).toBe('Sveiki, MonaOK!');
    expect(i18n.t('banner.text', { lng: 'lv' })).toBe(lv.banner.text);
    expect(i18n.t('banner.title', { lng: 'en' })).toBe(en.banner.title);
  });

  it('returns shop texts verbatim', () => {
    const i18n = createI18n(shop({ texts: { en: { 'banner.title': '<b>Tom & Jerry</b>' } } }));
    expect(i18n.t('banner.title', { lng: 'en' })).toBe('<b>Tom & Jerry</b>');
  });

  it('keeps one instance’s shop texts out of the next instance', () => {
    createI18n(shop({ texts: { lv: { 'banner.title': 'Sveiki!' } }, labels: { analytics: { vi: 'Thống kê' } } }));
    const next = createI18n(shop());
    expect(next.t('banner.title', { lng: 'lv' })).toBe(lv.banner.title);
    expect(next.t('purposes.analytics.label', { lng: 'vi' })).toBe(vi.purposes.analytics.label);
  });

  it('does not touch the global i18next instance', async () => {
    const i18next = (await import('i18next')).default;
    createI18n(shop({ texts: { lv: { 'banner.title': 'X' } } }));
    expect(i18next.isInitialized ?? false).toBe(false);
  });
});

describe('createI18n: a missing text falls back key by key', () => {
  const loyalty = {
    labels: { loyalty: { lv: 'Lojalitātes programma', en: 'Loyalty programme' } },
    descriptions: { loyalty: { en: 'Bonus points for purchases.' } },
  };

  it('the shop’s text in the visitor’s language first', () => {
    const i18n = createI18n(shop({ ...loyalty, labels: { analytics: { lv: 'Apmeklējumu statistika' } } }));
    expect(i18n.t('purposes.analytics.label', { lng: 'lv' })).toBe('Apmeklējumu statistika');
  });

  it('then ours in that language, even when the shop wrote its text in another one', () => {
    const i18n = createI18n(shop({ labels: { analytics: { en: 'Site statistics' } } }), 'lv');
    expect(i18n.t('purposes.analytics.label', { lng: 'mn' })).toBe(mn.purposes.analytics.label);
    expect(i18n.t('purposes.analytics.label', { lng: 'en' })).toBe('Site statistics');
  });

  it('then the shop’s text in its default language, then in English', () => {
    const i18n = createI18n(shop(loyalty), 'lv');
    expect(i18n.t('purposes.loyalty.label', { lng: 'vi' })).toBe('Lojalitātes programma');
    expect(i18n.t('purposes.loyalty.description', { lng: 'vi' })).toBe('Bonus points for purchases.');
    expect(createI18n(shop(loyalty)).t('purposes.loyalty.label', { lng: 'vi' })).toBe('Loyalty programme');
  });

  it('lets a label given with the purpose win over the same key in texts', () => {
    const i18n = createI18n(
      shop({ texts: { lv: { 'purposes.loyalty.label': 'No texts' } }, labels: { loyalty: { lv: 'No purposes' } } }),
    );
    expect(i18n.t('purposes.loyalty.label', { lng: 'lv' })).toBe('No purposes');
  });

  it('overrides one plural form without losing the others', () => {
    const i18n = createI18n(shop({ texts: { lv: { 'purpose.cookies_one': '{{count}} sīkdatne (viena)' } } }));
    expect(i18n.t('purpose.cookies', { count: 21, lng: 'lv' })).toBe('21 sīkdatne (viena)');
    expect(i18n.t('purpose.cookies', { count: 2, lng: 'lv' })).toBe('2\u00a0sīkdatnes');
    expect(i18n.t('purpose.cookies', { count: 10, lng: 'lv' })).toBe('10\u00a0sīkdatņu');
  });
});
