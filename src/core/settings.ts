import type { Warn } from './warn';

/** The raw settings of one page: the config object's keys, overridden by the script tag's attributes. */
export interface Settings {
  values: Record<string, unknown>;
  /** Keys whose value came from an attribute, so a warning can name `data-policy-url` instead. */
  fromAttributes: readonly string[];
  /** The config object's `purposes` entries, which may describe purposes the attribute only names. */
  purposeObjects: readonly unknown[];
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as a shop owner would recognise it in a warning, kept short. */
export const show = (value: unknown): string => {
  let text: string;
  try {
    // JSON shows strings quoted and objects readably; it would turn NaN and Infinity into null.
    text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** A setting's name as the shop wrote it: `data-expires-days` on the tag, `expiresDays` in the object. */
export const settingName = (settings: Settings, key: string): string =>
  settings.fromAttributes.includes(key) ? `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : key;

/** Warns about one setting: its name as the shop wrote it, the value, what it should be and what is used. */
export const settingWarner =
  (settings: Settings, warn: Warn) =>
  (key: string, value: unknown, expected: string, fallback: string): void =>
    warn(`${settingName(settings, key)}: ${show(value)} is not ${expected}; using ${fallback}.`);
