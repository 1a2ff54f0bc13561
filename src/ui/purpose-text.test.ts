import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import ky from '../../locales/ky.json';
import vi from '../../locales/vi.json';
import type { DialogSettings } from '../settings/dialog-settings';
import { dialogSettings } from '../settings/dialog-settings.testing';
import { createI18n } from './i18n';
import { purposeDescription, purposeText, sensitiveNote, shopText } from './purpose-text';

const dialog = dialogSettings;
const tFor = (settings: DialogSettings, defaultLang: 'en' | 'lv' = 'en') => createI18n(settings, defaultLang).t;

describe('purposeText', () => {
  it('gives our texts for the built-in purposes, the extra ones included', () => {
    const settings = dialog();
    const t = tFor(settings);
    expect(purposeText('personalization', 'label', settings, 'ky', t)).toBe(ky.purposes.personalization.label);
    expect(purposeText('customer-service', 'description', settings, 'vi', t)).toBe(
      vi.purposes['customer-service'].description,
    );
  });

  it('gives the shop’s own text in the language it wrote it in, and ours elsewhere', () => {
    const settings = dialog({ descriptions: { analytics: { lv: 'Google Analytics apmeklējumu statistika.' } } });
    const t = tFor(settings);
    expect(purposeText('analytics', 'description', settings, 'lv', t)).toBe('Google Analytics apmeklējumu statistika.');
    expect(purposeText('analytics', 'description', settings, 'en', t)).toBe(en.purposes.analytics.description);
  });

  it('falls back to the shop’s text in any language, then to the id: never to nothing', () => {
    const settings = dialog({ labels: { loyalty: { ky: 'Бонустар' } } });
    const t = tFor(settings);
    expect(purposeText('loyalty', 'label', settings, 'lv', t)).toBe('Бонустар');
    expect(purposeText('club', 'label', settings, 'lv', t)).toBe('club');
    expect(purposeText('club', 'description', settings, 'lv', t)).toBe('');
  });
});

describe('purposeDescription', () => {
  it('adds the shop’s sentence on how and how often it sends offers to marketing, and to nothing else', () => {
    const frequency = 'Ưu đãi được gửi qua email, tối đa hai lần mỗi tháng.';
    const settings = dialog({ texts: { vi: { 'purposes.marketing.frequency': frequency } } });
    const t = tFor(settings, 'en');
    expect(purposeDescription('marketing', settings, 'vi', t)).toBe(
      `${vi.purposes.marketing.description} ${frequency}`,
    );
    expect(purposeDescription('analytics', settings, 'vi', t)).toBe(vi.purposes.analytics.description);
  });

  it('is our description alone where the shop wrote no such sentence', () => {
    const settings = dialog();
    expect(purposeDescription('marketing', settings, 'vi', tFor(settings))).toBe(vi.purposes.marketing.description);
  });
});

describe('shopText', () => {
  it('takes the language, then the default language, then English, then any', () => {
    expect(shopText({ lv: 'Rīga', en: 'Riga' }, 'lv', 'en')).toBe('Rīga');
    expect(shopText({ lv: 'Rīga', en: 'Riga' }, 'vi', 'lv')).toBe('Rīga');
    expect(shopText({ lv: 'Rīga', en: 'Riga' }, 'vi', 'mn')).toBe('Riga');
    expect(shopText({ ky: 'Алматы' }, 'vi', 'mn')).toBe('Алматы');
    expect(shopText({}, 'vi', 'mn')).toBe('');
  });
});

describe('sensitiveNote', () => {
  it('by default marks the tracking purposes, in Vietnamese only', () => {
    const settings = dialog();
    const t = tFor(settings);
    for (const id of ['analytics', 'marketing', 'personalization'])
      expect(sensitiveNote(id, settings, 'vi', t), id).toBe(vi.notice.sensitive);
    for (const id of ['necessary', 'customer-service', 'loyalty'])
      expect(sensitiveNote(id, settings, 'vi', t), id).toBe('');
    expect(sensitiveNote('analytics', settings, 'lv', t)).toBe('');
    expect(vi.notice.sensitive).toContain('dữ liệu cá nhân nhạy cảm');
  });

  it('shows in every language but Latvian when the shop says so, and never when it says not', () => {
    const always = dialog({ sensitiveNote: true });
    for (const lang of ['mn', 'ky', 'vi', 'en'] as const)
      expect(sensitiveNote('marketing', always, lang, tFor(always)), lang).not.toBe('');
    expect(sensitiveNote('marketing', always, 'en', tFor(always))).toBe(en.notice.sensitive);
    expect(sensitiveNote('marketing', always, 'lv', tFor(always))).toBe('');
    expect(sensitiveNote('necessary', always, 'en', tFor(always))).toBe('');
    const never = dialog({ sensitiveNote: false });
    expect(sensitiveNote('marketing', never, 'vi', tFor(never))).toBe('');
  });
});
