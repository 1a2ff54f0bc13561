import type { i18n } from 'i18next';
import type { Lang } from '../core/languages';
import { type DialogSettings, type LocalizedText, showsSensitiveNote } from '../settings/dialog-settings';

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

/**
 * A purpose's description, and for marketing the shop's own sentence on how and how often it sends
 * offers (Vietnam, Law 91 Art. 28: the visitor must know the method and the frequency), which no
 * locale file has: only the shop knows it (`texts: { vi: { 'purposes.marketing.frequency': … } } }`).
 */
export const purposeDescription = (id: string, dialog: DialogSettings, lang: Lang, t: i18n['t']): string => {
  const description = purposeText(id, 'description', dialog, lang, t);
  const frequency: string =
    id === 'marketing' ? t('purposes.marketing.frequency', { lng: lang, defaultValue: '' }) : '';
  return [description, frequency].filter(Boolean).join(' ');
};

/** A text the shop gave per language (such as its operator's address): in `lang`, else the nearest one. */
export const shopText = (text: LocalizedText, lang: Lang, defaultLang: Lang): string =>
  text[lang] || text[defaultLang] || text.en || Object.values(text).find(Boolean) || '';

/**
 * The purposes whose cookies record what a visitor does online. Decree 356 makes that data sensitive;
 * the chat of customer service keeps questions and orders, which the note would misdescribe, and a
 * shop's own purpose says what it keeps in its own description.
 */
const TRACKING_PURPOSES = ['analytics', 'marketing', 'personalization'];

/** The note that data on online behaviour is sensitive personal data, for the tracking purposes where it is shown. */
export const sensitiveNote = (id: string, dialog: DialogSettings, lang: Lang, t: i18n['t']): string =>
  TRACKING_PURPOSES.includes(id) && showsSensitiveNote(dialog, lang) ? t('notice.sensitive', { lng: lang }) : '';
