import { isRevision } from './cookie-codec';
import { LANGUAGES, type Lang, toLang } from './languages';
import { DEFAULT_PURPOSES, isPurposeId, NECESSARY, type Purpose } from './purposes';
import { isRecord, type Settings, settingWarner, show } from './settings';
import type { Warn } from './warn';

/** What the widget's core needs to know about the shop, validated; every field has a safe value. */
export interface Config {
  lang: Lang | 'auto';
  defaultLang: Lang;
  /** `necessary` first, then the purposes the shop asks about, in the shop's order. */
  purposes: Purpose[];
  revision: string;
  expiresDays: number;
  cookieDomain: string | undefined;
  /** `auto`: push Google Consent Mode signals only when the page already has `gtag` or `dataLayer`. */
  consentMode: boolean | 'auto';
  /** Everything else (texts, links, theme) is read by the dialog itself, so the core stays small. */
  settings: Settings;
}

export type Theme = 'light' | 'dark' | 'auto';
export type LocalizedInput = string | Partial<Record<Lang, string>>;

/** What a shop may write in `window.shopConsentConfig` or pass to `createConsent()`. */
export interface ShopConsentConfig {
  shop?: string;
  policyUrl?: string;
  lang?: Lang | 'auto' | (string & {});
  defaultLang?: Lang;
  purposes?: string | Array<string | PurposeInput>;
  revision?: string | number;
  expiresDays?: number | string;
  cookieDomain?: string;
  consentMode?: boolean | 'true' | 'false';
  theme?: Theme;
  /** Per-language overrides of any string in `locales/<lang>.json`, by dotted key. */
  texts?: Partial<Record<Lang, Record<string, string>>>;
}

export interface PurposeInput {
  id: string;
  /** Cookie names or `*` patterns this purpose sets, e.g. `["_ga", "_ga_*"]`. */
  cookies?: string[];
  label?: LocalizedInput;
  description?: LocalizedInput;
}

export interface Environment {
  /** Where relative URLs point (the page's URL). */
  baseUrl?: string;
  /** The page's host name, to check that a cookie domain can be set from here. */
  hostname?: string;
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
] as const;
const KNOWN_KEYS: readonly string[] = [...ATTRIBUTE_KEYS, 'defaultLang', 'texts'];
const BUILT_IN: readonly string[] = [NECESSARY, ...DEFAULT_PURPOSES];
const LANG_LIST = LANGUAGES.join(', ');

/**
 * Turns the shop's config object and the script tag's attributes (which win) into a `Config`.
 * Each bad value gives one warning naming the key, the value and what is used instead.
 */
export const parseConfig = (
  object: unknown,
  attributes: Partial<Record<string, string>>,
  env: Environment,
  warn: Warn,
): Config => {
  const raw = isRecord(object) ? object : {};
  if (object != null && !isRecord(object)) warn(`shopConsentConfig: ${show(object)} is not an object; ignored.`);
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) warn(`${key}: unknown setting; ignored.`);
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
  const read = <T>(key: string, parse: (value: unknown) => T | undefined, fallback: T, expected: string): T => {
    const value = values[key];
    if (value === undefined || value === '') return fallback;
    const parsed = parse(value);
    if (parsed !== undefined) return parsed;
    bad(key, value, expected, String(fallback ?? "the page's own host"));
    return fallback;
  };
  const toLanguage = (value: unknown) => toLang(value) ?? undefined;
  const host = env.hostname?.toLowerCase();

  return {
    lang: read('lang', (v) => (v === 'auto' ? v : toLanguage(v)), 'auto', `auto, ${LANG_LIST}`),
    defaultLang: read('defaultLang', toLanguage, 'en', LANG_LIST),
    purposes: parsePurposes(settings, bad, warn),
    revision: read(
      'revision',
      (v) => (isRevision(String(v)) ? String(v) : undefined),
      DEFAULT_REVISION,
      'up to 32 of A-Z a-z 0-9 . _ -',
    ),
    expiresDays: read(
      'expiresDays',
      (v) => {
        const days = Number(v);
        return typeof v !== 'boolean' && Number.isInteger(days) && days >= 1 && days <= MAX_EXPIRES_DAYS
          ? days
          : undefined;
      },
      DEFAULT_EXPIRES_DAYS,
      `whole days, 1 to ${MAX_EXPIRES_DAYS}`,
    ),
    cookieDomain: read(
      'cookieDomain',
      (v) => {
        const domain = String(v).replace(/^\./, '').toLowerCase();
        // A domain that does not contain the page's host would make the browser drop the cookie silently.
        return typeof v === 'string' &&
          /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(domain) &&
          (!host || `.${host}`.endsWith(`.${domain}`))
          ? domain
          : undefined;
      },
      undefined,
      `a domain of ${host}`,
    ),
    consentMode: read<boolean | 'auto'>(
      'consentMode',
      (v) => (v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined),
      'auto',
      'true or false',
    ),
    settings,
  };
};

const parsePurposes = (settings: Settings, bad: ReturnType<typeof settingWarner>, warn: Warn): Purpose[] => {
  const necessary: Purpose = { id: NECESSARY, cookies: [] };
  const value = settings.values.purposes;
  let items: unknown[] = [...DEFAULT_PURPOSES];
  if (typeof value === 'string') items = value.split(/[\s,]+/).filter(Boolean);
  else if (Array.isArray(value)) items = value;
  else if (value !== undefined) bad('purposes', value, 'a list of purposes', DEFAULT_PURPOSES.join(', '));

  // An attribute may name a purpose that the config object describes in full: the object is used.
  const described = (id: string) => settings.purposeObjects.find((item) => isRecord(item) && item.id === id) ?? id;

  const purposes: Purpose[] = [necessary];
  for (const item of items) {
    const input = typeof item === 'string' ? described(item) : item;
    const id = typeof input === 'string' ? input : isRecord(input) ? input.id : undefined;
    if (!isPurposeId(id) || (typeof input === 'string' && !BUILT_IN.includes(id))) {
      warn(
        `purposes: ${show(item)} is not ${BUILT_IN.join(', ')} or an object such as { id: "loyalty", label: { lv: "…" } }; ignored.`,
      );
      continue;
    }
    const cookies = isRecord(input) ? input.cookies : undefined;
    const valid = Array.isArray(cookies) && cookies.every((c) => typeof c === 'string' && c.trim());
    if (cookies !== undefined && !valid)
      warn(`purposes["${id}"].cookies: ${show(cookies)} is not a list of cookie names; ignored.`);
    const purpose: Purpose = { id, cookies: valid ? (cookies as string[]) : [] };
    if (id === NECESSARY) purposes[0] = purpose;
    else if (purposes.some((p) => p.id === id)) warn(`purposes: "${id}" is listed twice; the first is used.`);
    else purposes.push(purpose);
  }
  return purposes;
};
