import type { i18n } from 'i18next';
import type { DialogSettings } from '../core/dialog-settings';
import type { Lang } from '../core/languages';

/**
 * A purpose's label or description: the shop's own text in this language, else ours, else the shop's
 * English text; a label falls back to the purpose id, never to nothing.
 */
export const purposeText = (
  id: string,
  field: 'label' | 'description',
  dialog: DialogSettings,
  lang: Lang,
  t: i18n['t'],
): string => {
  const own = (field === 'label' ? dialog.labels : dialog.descriptions)[id] ?? {};
  const ours: string = t(`purposes.${id}.${field}`, { defaultValue: '' });
  return own[lang] || ours || own.en || (field === 'label' ? id : '');
};
