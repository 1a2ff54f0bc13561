import type { Theme } from './config';
import { type Lang, toLang } from './languages';
import { isRecord, type Settings, settingWarner, show } from './settings';
import type { Warn } from './warn';

export type LocalizedText = Partial<Record<Lang, string>>;

/** What only the dialog needs: parsed when the dialog loads, so a returning visitor never pays for it. */
export interface DialogSettings {
  shop: string;
  /** An absolute http(s) URL, or `null` for no policy link. */
  policyUrl: string | null;
  theme: Theme;
  /** The shop's own strings per language, by dotted key such as `banner.title`. */
  texts: Partial<Record<Lang, Record<string, string>>>;
  labels: Record<string, LocalizedText>;
  descriptions: Record<string, LocalizedText>;
}

const MAX_SHOP_LENGTH = 80;

export const parseDialogSettings = (settings: Settings, baseUrl: string | undefined, warn: Warn): DialogSettings => {
  const bad = settingWarner(settings, warn);
  const { values } = settings;

  let shop = '';
  if (typeof values.shop === 'string' && values.shop.trim().length <= MAX_SHOP_LENGTH) shop = values.shop.trim();
  else if (values.shop !== undefined)
    bad('shop', values.shop, `a name of at most ${MAX_SHOP_LENGTH} characters`, 'no name');

  let policyUrl: string | null = null;
  if (values.policyUrl !== undefined && values.policyUrl !== '') {
    try {
      const url = new URL(String(values.policyUrl), baseUrl);
      // Only web pages: a `javascript:` or `data:` link would run code in the shop's page.
      if (typeof values.policyUrl === 'string' && /^https?:$/.test(url.protocol)) policyUrl = url.href;
    } catch {
      // an unparsable URL is reported below, like any other refused one
    }
    if (!policyUrl) bad('policyUrl', values.policyUrl, 'an http(s) URL', 'no policy link');
  }

  let theme: Theme = 'auto';
  if (values.theme === 'light' || values.theme === 'dark') theme = values.theme;
  else if (values.theme !== undefined && values.theme !== 'auto')
    bad('theme', values.theme, 'light, dark or auto', 'auto');

  const texts: DialogSettings['texts'] = {};
  if (isRecord(values.texts)) {
    for (const [code, entries] of Object.entries(values.texts)) {
      const lang = toLang(code);
      if (!lang || !isRecord(entries)) {
        warn(`texts.${code}: not a supported language with texts such as { "banner.title": "…" }; ignored.`);
        continue;
      }
      const strings: Record<string, string> = {};
      for (const [key, text] of Object.entries(entries)) {
        if (typeof text === 'string' && text.trim()) strings[key] = text;
        else warn(`texts.${code}["${key}"]: ${show(text)} is not a text; the built-in one is used.`);
      }
      texts[lang] = { ...texts[lang], ...strings };
    }
  } else if (values.texts !== undefined) {
    warn(`texts: ${show(values.texts)} is not an object such as { lv: { "banner.title": "…" } }; ignored.`);
  }

  const labels: DialogSettings['labels'] = {};
  const descriptions: DialogSettings['descriptions'] = {};
  for (const item of settings.purposeObjects) {
    if (!isRecord(item) || typeof item.id !== 'string') continue;
    labels[item.id] = localized(item.label, `purposes["${item.id}"].label`, warn);
    descriptions[item.id] = localized(item.description, `purposes["${item.id}"].description`, warn);
  }

  return { shop, policyUrl, theme, texts, labels, descriptions };
};

/** `"Loyalty"` (English) or `{ lv: "Lojalitāte", en: "Loyalty" }`. */
const localized = (value: unknown, where: string, warn: Warn): LocalizedText => {
  if (typeof value === 'string') return value.trim() ? { en: value } : {};
  const result: LocalizedText = {};
  if (value === undefined) return result;
  if (!isRecord(value)) {
    warn(`${where}: ${show(value)} is not a text per language such as { lv: "…" }; ignored.`);
    return result;
  }
  for (const [code, text] of Object.entries(value)) {
    const lang = toLang(code);
    if (lang && typeof text === 'string' && text.trim()) result[lang] = text;
    else warn(`${where}.${code}: ${show(text)} is not a text in a supported language; ignored.`);
  }
  return result;
};
