import { embed as en } from '../../locales/en.json';
import { embed as ky } from '../../locales/ky.json';
import { embed as lv } from '../../locales/lv.json';
import { embed as mn } from '../../locales/mn.json';
import { embed as vi } from '../../locales/vi.json';
import type { Lang } from '../core/languages';
import { isRecord } from '../core/settings';

export type EmbedTexts = typeof en;

// Named imports keep the rest of each locale (the dialog's strings) out of the core bundle.
const BUILT_IN: Record<Lang, EmbedTexts> = { en, mn, ky, vi, lv };

/**
 * The placeholder's strings in `lang`, each replaced by the shop's `texts[lang]["embed.<key>"]` when
 * that is a non-empty text. The dialog validates `texts` and warns about bad entries; this only reads.
 */
export const embedTexts = (lang: Lang, shopTexts: unknown): EmbedTexts => {
  const own = isRecord(shopTexts) && isRecord(shopTexts[lang]) ? shopTexts[lang] : {};
  const texts = { ...BUILT_IN[lang] };
  for (const key of Object.keys(texts) as (keyof EmbedTexts)[]) {
    const text = own[`embed.${key}`];
    if (typeof text === 'string' && text.trim()) texts[key] = text;
  }
  return texts;
};
