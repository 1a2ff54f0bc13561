import i18next, { type i18n } from 'i18next';
import en from '../../locales/en.json';
import ky from '../../locales/ky.json';
import lv from '../../locales/lv.json';
import mn from '../../locales/mn.json';
import vi from '../../locales/vi.json';
import type { DialogSettings } from '../core/dialog-settings';

const resources = { en, mn, ky, vi, lv };

/** A private i18next instance: a shop's own i18next, if it has one, is never touched. */
export const createI18n = (texts: DialogSettings['texts']): i18n => {
  const instance = i18next.createInstance();
  instance.init({
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    resources: Object.fromEntries(Object.entries(resources).map(([code, translation]) => [code, { translation }])),
    interpolation: { escapeValue: false },
  });
  for (const [code, strings] of Object.entries(texts)) {
    for (const [key, value] of Object.entries(strings ?? {})) instance.addResource(code, 'translation', key, value);
  }
  return instance;
};
