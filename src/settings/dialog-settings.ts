import type { Layout, Theme } from '../core/config';
import { type Lang, toLang } from '../core/languages';
import { BUILT_IN_PURPOSES } from '../core/purposes';
import { isRecord, type Settings, settingName, settingWarner, show } from '../core/settings';
import type { Warn } from '../core/warn';

export type LocalizedText = Partial<Record<Lang, string>>;

/** What only the layers need: read when the banner or the dialog first draws, so a returning visitor never pays for it. */
export interface DialogSettings {
  shop: string;
  /** An absolute http(s) URL, or `null` for no policy link. */
  policyUrl: string | null;
  theme: Theme;
  /** The shop's own strings per language, by dotted key such as `banner.title`. */
  texts: Partial<Record<Lang, Record<string, string>>>;
  labels: Record<string, LocalizedText>;
  descriptions: Record<string, LocalizedText>;
  /** Whether the tracking purposes carry the sensitive-data note: `auto` in Vietnamese only, never in Latvian. */
  sensitiveNote: boolean | 'auto';
  /** Who processes the data, each field per language; `null` when the shop names no operator. */
  operator: Operator | null;
  layout: Layout;
}

export interface Operator {
  name: LocalizedText;
  id: LocalizedText;
  address: LocalizedText;
  contact: LocalizedText;
}

const OPERATOR_FIELDS = ['name', 'id', 'address', 'contact'] as const;

const LATVIAN_NOTE =
  'the sensitive-data note is never shown in Latvian: under the GDPR data on online behaviour is not a special category.';

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * `{ lv: …, en: … }` with the entries `accept` takes; every other entry is warned about and dropped.
 * A plain value counts as English.
 */
const perLanguage = <T>(value: unknown, where: string, accept: (entry: unknown) => entry is T, warn: Warn) => {
  const result: Partial<Record<Lang, T>> = {};
  if (value === undefined) return result;
  if (typeof value === 'string' && accept(value)) return { en: value };
  for (const [code, entry] of Object.entries(isRecord(value) ? value : { '': value })) {
    const lang = toLang(code);
    if (lang && accept(entry)) result[lang] = entry;
    else warn(`${where}${code ? `.${code}` : ''}: ${show(entry)} is not valid for a supported language; ignored.`);
  }
  return result;
};

/**
 * Whether the sensitive-data note (Vietnam, Decree 356/2025) is shown in `lang`: by default only in
 * Vietnamese, and never in Latvian, where "sensitīvi dati" would name a GDPR special category
 * (docs/adr/0018, 0034).
 */
export const showsSensitiveNote = (dialog: Pick<DialogSettings, 'sensitiveNote'>, lang: Lang): boolean =>
  lang !== 'lv' && (dialog.sensitiveNote === true || (dialog.sensitiveNote === 'auto' && lang === 'vi'));

/** Given to the core by the banner's chunk and by the dialog, which carry it (the core does not). */
export type ParseDialogSettings = typeof parseDialogSettings;

export const parseDialogSettings = (settings: Settings, baseUrl: string | undefined, warn: Warn): DialogSettings => {
  const bad = settingWarner(settings, warn);
  const { shop, policyUrl, theme, texts, layout } = settings.values;
  const result: DialogSettings = {
    shop: '',
    policyUrl: null,
    theme: 'auto',
    texts: perLanguage(texts, 'texts', isRecord, warn) as DialogSettings['texts'],
    labels: {},
    descriptions: {},
    sensitiveNote: 'auto',
    operator: null,
    layout: 'bar',
  };

  if (isText(shop) && shop.length <= 80) result.shop = shop.trim();
  else if (shop !== undefined) bad('shop', shop, 'a name of at most 80 characters', 'none');

  if (isText(policyUrl)) {
    try {
      const url = new URL(policyUrl, baseUrl);
      // Only web pages: a `javascript:` or `data:` link would run code in the shop's page.
      if (/^https?:$/.test(url.protocol)) result.policyUrl = url.href;
    } catch {
      // refused below, like any other address that is not a web page
    }
  }
  if (!result.policyUrl && policyUrl !== undefined && policyUrl !== '')
    bad('policyUrl', policyUrl, 'an http(s) URL', 'no link');

  if (theme === 'light' || theme === 'dark') result.theme = theme;
  else if (theme !== undefined && theme !== 'auto') bad('theme', theme, 'light, dark or auto', 'auto');

  if (layout === 'box') result.layout = layout;
  else if (layout !== undefined && layout !== 'bar') bad('layout', layout, 'bar or box', 'bar');

  // A bad text falls back to ours for that key alone.
  for (const [lang, entries] of Object.entries(result.texts)) {
    for (const [key, text] of Object.entries(entries)) {
      if (!isText(text)) {
        warn(`texts.${lang}["${key}"]: ${show(text)} is not a text; the built-in one is used.`);
        delete entries[key];
      }
    }
  }

  for (const item of settings.purposeObjects) {
    if (!isRecord(item) || typeof item.id !== 'string') continue;
    const where = `purposes["${item.id}"]`;
    const labels = perLanguage(item.label, `${where}.label`, isText, warn);
    result.labels[item.id] = labels;
    if (!BUILT_IN_PURPOSES.includes(item.id) && Object.keys(labels).length === 0) {
      warn(`${where}.label: missing; visitors see "${item.id}".`);
    }
    result.descriptions[item.id] = perLanguage(item.description, `${where}.description`, isText, warn);
  }

  const { sensitiveNote, operator } = settings.values;
  if (sensitiveNote === true || sensitiveNote === 'true') result.sensitiveNote = true;
  else if (sensitiveNote === false || sensitiveNote === 'false') result.sensitiveNote = false;
  else if (sensitiveNote !== undefined && sensitiveNote !== 'auto' && sensitiveNote !== '')
    bad('sensitiveNote', sensitiveNote, 'true, false or auto', 'auto (shown in Vietnamese)');
  // In Latvian "sensitīvi dati" names the GDPR's special categories, which data on browsing is not.
  const { lang, defaultLang } = settings.values;
  if (result.sensitiveNote === true && (toLang(lang) === 'lv' || toLang(defaultLang) === 'lv'))
    warn(`${settingName(settings, 'sensitiveNote')}: ${LATVIAN_NOTE}`);
  if (result.texts.lv?.['notice.sensitive']) warn(`texts.lv["notice.sensitive"]: ${LATVIAN_NOTE}`);

  if (isRecord(operator)) {
    for (const key of Object.keys(operator)) {
      if (!(OPERATOR_FIELDS as readonly string[]).includes(key))
        warn(`operator.${key}: unknown field (${OPERATOR_FIELDS.join(', ')}); ignored.`);
    }
    const fields = Object.fromEntries(
      OPERATOR_FIELDS.map((field) => [field, perLanguage(operator[field], `operator.${field}`, isText, warn)]),
    ) as unknown as Operator;
    // A registration number or an address without the name it belongs to would tell the visitor nothing.
    if (Object.keys(fields.name).length > 0) result.operator = fields;
    else warn('operator.name: missing; the operator details are not shown.');
  } else if (operator !== undefined) {
    warn(`operator: ${show(operator)} is not an object with ${OPERATOR_FIELDS.join(', ')}; ignored.`);
  }
  return result;
};
