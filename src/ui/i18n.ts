import i18next, { type i18n } from 'i18next';
import en from '../../locales/en.json';
import ky from '../../locales/ky.json';
import lv from '../../locales/lv.json';
import mn from '../../locales/mn.json';
import vi from '../../locales/vi.json';
import type { Lang } from '../core/languages';
import type { DialogSettings } from '../settings/dialog-settings';

/** Serialised once; each instance parses its own copy, because i18next writes the shop's texts into it. */
const LOCALES = JSON.stringify({
  en: { translation: en },
  mn: { translation: mn },
  ky: { translation: ky },
  vi: { translation: vi },
  lv: { translation: lv },
});

/**
 * A private i18next instance: a shop's own i18next, if it has one, is never touched.
 *
 * The shop's texts and purpose labels are added as resources, so each key falls back on its own:
 * the shop's text in the visitor's language, ours in that language, then the same two in the shop's
 * default language, then in English.
 */
export const createI18n = (
  shop: Pick<DialogSettings, 'texts' | 'labels' | 'descriptions'>,
  defaultLang: Lang = 'en',
): i18n => {
  const instance = i18next.createInstance();
  instance.init({
    lng: defaultLang,
    fallbackLng: [defaultLang, 'en'],
    initAsync: false,
    resources: JSON.parse(LOCALES),
    interpolation: { escapeValue: false },
  });
  const add = (code: string, key: string, value: string) => instance.addResource(code, 'translation', key, value);
  for (const [code, strings] of Object.entries(shop.texts)) {
    for (const [key, value] of Object.entries(strings ?? {})) add(code, key, value);
  }
  // After `texts`: a label given with the purpose itself is the more specific one.
  for (const [field, table] of [
    ['label', shop.labels],
    ['description', shop.descriptions],
  ] as const) {
    for (const [id, text] of Object.entries(table)) {
      for (const [code, value] of Object.entries(text)) if (value) add(code, `purposes.${id}.${field}`, value);
    }
  }
  return instance;
};
