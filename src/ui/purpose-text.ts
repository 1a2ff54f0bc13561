import type { i18n } from 'i18next';
import type { Lang } from '../core/languages';
import { NECESSARY } from '../core/purposes';
import type { DialogSettings, LocalizedText } from '../settings/dialog-settings';

/**
 * A purpose's label or description. The shop's texts are i18next resources (see createI18n), so this is
 * the shop's text in this language, else ours, else either in the shop's default language or English,
 * else the shop's text in any language; a label falls back to the purpose id, never to nothing.
 */
export const purposeText = (
  id: string,
  field: 'label' | 'description',
  dialog: DialogSettings,
  lang: Lang,
  t: i18n['t'],
): string => {
  const own = (field === 'label' ? dialog.labels : dialog.descriptions)[id] ?? {};
  const text: string = t(`purposes.${id}.${field}`, { lng: lang, defaultValue: '' });
  return text || Object.values(own).find(Boolean) || (field === 'label' ? id : '');
};

/** A text the shop gave per language (such as its operator's address): in `lang`, else the nearest one. */
export const shopText = (text: LocalizedText, lang: Lang, defaultLang: Lang): string =>
  text[lang] || text[defaultLang] || text.en || Object.values(text).find(Boolean) || '';

/**
 * The note that data on online behaviour is sensitive personal data (Vietnam, Decree 356/2025), for every
 * purpose but necessary; by default only where the dialog speaks Vietnamese (docs/adr/0018).
 */
export const sensitiveNote = (id: string, dialog: DialogSettings, lang: Lang, t: i18n['t']): string =>
  id !== NECESSARY && (dialog.sensitiveNote === true || (dialog.sensitiveNote === 'auto' && lang === 'vi'))
    ? t('notice.sensitive', { lng: lang })
    : '';
