import { isRevision } from './cookie-codec';
import { LANGUAGES, type Lang, toLang } from './languages';
import { BUILT_IN_PURPOSES, DEFAULT_PURPOSES, isPurposeId, NECESSARY } from './purposes';
import { isRecord, type Settings, settingName, settingWarner, show } from './settings';
import type { Warn } from './warn';

/** What the widget's core needs to know about the shop, validated; every field has a safe value. */
export interface Config {
  lang: Lang | 'auto';
  /** Purpose ids: `necessary` first, then those the shop asks about, in the shop's order. */
  purposes: string[];
  revision: string;
  expiresDays: number;
  cookieDomain: string | undefined;
  /** `auto`: push Google Consent Mode signals only when the page already has `gtag` or `dataLayer`. */
  consentMode: boolean | 'auto';
  /** Where each decision is sent as a receipt (an http(s) URL, possibly relative), or `null` for none. */
  receiptUrl: string | null;
  /** Everything else (texts, links, theme, purpose details) is read by the dialog, so the core stays small. */
  settings: Settings;
  /** The language when neither the page nor the visitor names one we speak. */
  defaultLang: Lang;
  /** A small button that reopens the preferences once the visitor has decided. */
  floatingButton: boolean;
}

export type Theme = 'light' | 'dark' | 'auto';
/** `bar`: a bottom bar on wide screens, a bottom sheet on phones; `box`: a centred box. */
export type Layout = 'bar' | 'box';
export type LocalizedInput = string | Partial<Record<Lang, string>>;

/** What a shop may write in `window.shopConsentConfig` or pass to `createConsent()`. */
export interface ShopConsentConfig {
  shop?: string;
  policyUrl?: string;
  lang?: Lang | 'auto' | (string & {});
  purposes?: string | Array<string | PurposeInput>;
  revision?: string | number;
  expiresDays?: number | string;
  cookieDomain?: string;
  consentMode?: boolean | 'true' | 'false';
  theme?: Theme;
  /** Each decision made in this tab is sent there as a JSON receipt (docs/receipts.md). */
  receiptUrl?: string;
  /** Per-language overrides of any string in `locales/<lang>.json`, by dotted key. */
  texts?: Partial<Record<Lang, Record<string, string>>>;
  /** The language when neither the page nor the visitor's browser names one we speak; default `en`. */
  defaultLang?: Lang | (string & {});
  /**
   * The note that data on online behaviour is sensitive personal data (Vietnam, Decree 356/2025), on
   * analytics, marketing and personalisation: `auto` (default) shows it in Vietnamese, `true` in every
   * language, `false` never.
   */
  sensitiveNote?: boolean | 'true' | 'false' | 'auto';
  /** Who processes the data (e.g. a Kazakhstan BIN), shown in the preferences; each field plain or per language. */
  operator?: OperatorInput;
  layout?: Layout;
  /** A small button that reopens the preferences once the visitor has decided. */
  floatingButton?: boolean | 'true' | 'false';
}

export interface OperatorInput {
  name: LocalizedInput;
  /** A registration number such as a BIN or IIN. */
  id?: LocalizedInput;
  address?: LocalizedInput;
  /** E-mail or phone, shown as text. */
  contact?: LocalizedInput;
}

export interface PurposeInput {
  id: string;
  /** Cookie names or `*` patterns this purpose sets, e.g. `["_ga", "_ga_*"]`. */
  cookies?: string[];
  /** Tools whose cookies this purpose covers, from the built-in catalogue: `["ga4", "meta-pixel"]`. */
  services?: string[];
  label?: LocalizedInput;
  description?: LocalizedInput;
}

export const DEFAULT_EXPIRES_DAYS = 182;
export const DEFAULT_REVISION = '1';
const MAX_EXPIRES_DAYS = 3650;

/** The `data-*` attributes of the script tag, as `dataset` names them; the config object's keys match. */
export const ATTRIBUTE_KEYS = [
  'shop',
  'policyUrl',
  'lang',
  'purposes',
  'revision',
  'expiresDays',
  'cookieDomain',
  'consentMode',
  'theme',
  'defaultLang',
  'sensitiveNote',
  'receiptUrl',
  'layout',
  'floatingButton',
] as const;
const KNOWN_KEYS: readonly string[] = [...ATTRIBUTE_KEYS, 'texts', 'operator'];
/** With the cookie's other fields at their longest, eight purposes keep it under 300 bytes. */
export const MAX_PURPOSES = 8;

/**
 * Turns the shop's config object and the script tag's attributes (which win) into a `Config`.
 * Each bad value gives one warning naming the key, the value and what is used instead.
 * `hostname` is the page's host, which a cookie domain must contain.
 */
export const parseConfig = (
  object: unknown,
  attributes: Partial<Record<string, string>>,
  hostname: string,
  warn: Warn,
): Config => {
  const raw = isRecord(object) ? object : {};
  if (object != null && !isRecord(object)) warn(`shopConsentConfig: ${show(object)} is not an object; ignored.`);
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) {
      warn(`${key}: unknown setting; ignored.`);
    }
  }
  const values: Record<string, unknown> = { ...raw };
  const fromAttributes = ATTRIBUTE_KEYS.filter((key) => attributes[key] !== undefined);
  for (const key of fromAttributes) values[key] = attributes[key];
  const settings: Settings = {
    values,
    fromAttributes,
    purposeObjects: Array.isArray(raw.purposes) ? raw.purposes : [],
  };
  const bad = settingWarner(settings, warn);
  /** The parsed value; absent or empty means the default, unparsable the default with a warning. */
  const read = <T>(key: string, parse: (value: unknown) => T | undefined, fallback: T, expected: string): T => {
    const value = values[key];
    if (value === undefined || value === '') return fallback;
    const parsed = parse(value);
    if (parsed !== undefined) return parsed;
    bad(key, value, expected, String(fallback ?? "the page's own host"));
    return fallback;
  };
  const host = hostname.toLowerCase();

  return {
    lang: read('lang', (v) => (v === 'auto' ? v : toLang(v)), 'auto', `auto or ${LANGUAGES.join(', ')}`),
    purposes: parsePurposes(settings, bad, warn),
    revision: read(
      'revision',
      (v) => {
        const text = typeof v === 'number' ? String(v) : v;
        return isRevision(text) ? text : undefined;
      },
      DEFAULT_REVISION,
      'up to 32 of A-Z a-z 0-9 . _ -',
    ),
    expiresDays: read(
      'expiresDays',
      (v) => {
        const days = typeof v === 'number' || (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) ? Number(v) : 0;
        return Number.isInteger(days) && days >= 1 && days <= MAX_EXPIRES_DAYS ? days : undefined;
      },
      DEFAULT_EXPIRES_DAYS,
      `whole days, 1 to ${MAX_EXPIRES_DAYS}`,
    ),
    cookieDomain: read(
      'cookieDomain',
      (v) => {
        const domain = typeof v === 'string' ? v.replace(/^\./, '').toLowerCase() : '';
        // A domain that does not contain the page's host would make the browser drop the cookie silently.
        return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(domain) && `.${host}`.endsWith(`.${domain}`) ? domain : undefined;
      },
      undefined,
      `a domain of ${host}`,
    ),
    consentMode: read<boolean | 'auto'>('consentMode', toBoolean, 'auto', 'true or false'),
    receiptUrl: readReceiptUrl(values.receiptUrl, bad),
    settings,
    defaultLang: read('defaultLang', toLang, 'en', `one of ${LANGUAGES.join(', ')}`),
    floatingButton: read('floatingButton', toBoolean, false, 'true or false'),
  };
};

/** `true` and `false`, as values or as the strings an attribute holds. */
const toBoolean = (value: unknown): boolean | undefined =>
  value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;

/** An http(s) address, absolute or relative to the page; anything else (`javascript:`, `data:`) is refused. */
const readReceiptUrl = (value: unknown, bad: ReturnType<typeof settingWarner>): string | null => {
  if (value === undefined || value === '') return null;
  try {
    if (typeof value === 'string' && /^https?:$/.test(new URL(value, 'https://shop.invalid/').protocol)) return value;
  } catch {
    // refused below, like any other address that is not a web address
  }
  bad('receiptUrl', value, 'an http(s) URL', 'no receipts');
  return null;
};

const parsePurposes = (settings: Settings, bad: ReturnType<typeof settingWarner>, warn: Warn): string[] => {
  const value = settings.values.purposes;
  let items: unknown[] = [...DEFAULT_PURPOSES];
  if (typeof value === 'string') items = value.split(/[\s,]+/).filter(Boolean);
  else if (Array.isArray(value)) items = value;
  else if (value !== undefined) bad('purposes', value, 'a list of purposes', DEFAULT_PURPOSES.join(', '));

  const name = settingName(settings, 'purposes');
  const purposes = [NECESSARY];
  for (const item of items) {
    const id = isRecord(item) ? item.id : item;
    // A custom purpose needs an object (with its label) in the config object; an attribute may then name it.
    const known =
      BUILT_IN_PURPOSES.includes(id as string) || settings.purposeObjects.some((p) => isRecord(p) && p.id === id);
    if (!isPurposeId(id) || !known) {
      warn(`${name}: ${show(item)} is not ${BUILT_IN_PURPOSES.join(', ')} or a purpose object; ignored.`);
    } else if (purposes.includes(id)) {
      if (id !== NECESSARY) warn(`${name}: "${id}" is listed twice; the first is used.`);
    } else if (purposes.length === MAX_PURPOSES) {
      warn(`${name}: "${id}" is one purpose too many (at most ${MAX_PURPOSES}, necessary included); ignored.`);
    } else {
      purposes.push(id);
    }
  }
  return purposes;
};
