// Which keys of the locale files the code uses: found in the sources' string literals and templates,
// checked against en.json in both directions.
import { baseKey, type Flat, problem, quote } from './lint';

/** A key the code names: a string literal such as `'banner.title'`, or a template such as `purposes.${id}.label`. */
export interface KeyUse {
  file: string;
  /** The literal, or the template with `*` for each expression. */
  text: string;
  pattern: RegExp | null;
}

/**
 * Keys among the string literals and templates of one source file: those whose first segment is a section
 * of en.json (`banner.`, `purposes.` …). That finds `t('banner.title')` calls as well as key tables such as
 * `{ days: 'notice.termDays' }`; comments are not code and are not read.
 */
export const keyUses = (
  file: string,
  literals: readonly (string | readonly string[])[],
  sections: ReadonlySet<string>,
): KeyUse[] =>
  literals.flatMap((literal) => {
    const parts = typeof literal === 'string' ? [literal] : literal;
    const text = parts.join('*');
    if (!/^[a-z][\w-]*(\.([\w-]+|\*)|\*)+$/i.test(text) || !sections.has(text.split('.')[0])) return [];
    const pattern =
      parts.length > 1
        ? new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\w-]+')}$`)
        : null;
    return [{ file, text, pattern }];
  });

/**
 * Keys the code reads that only a shop writes, in its `texts` setting: no locale file has them, and the
 * dialog shows nothing where the shop wrote nothing. `purposes.marketing.frequency` is how and how often
 * the shop sends offers (Vietnam, Law 91 Art. 28), which only the shop knows.
 */
export const SHOP_ONLY_KEYS = ['purposes.marketing.frequency'] as const;

/** Problems between the keys the code uses and those of en.json (and so of every file). */
export const checkKeyUse = (english: Flat, uses: readonly KeyUse[]): { missing: string[]; unused: string[] } => {
  const keys = new Set([...Object.keys(english), ...Object.keys(english).map(baseKey), ...SHOP_ONLY_KEYS]);
  const bases = [...new Set(Object.keys(english).map(baseKey))];
  const used = new Set<string>();
  const missing: string[] = [];
  for (const use of uses) {
    const matches = use.pattern
      ? bases.filter((key) => use.pattern?.test(key))
      : keys.has(use.text)
        ? [baseKey(use.text)]
        : [];
    if (matches.length === 0)
      missing.push(`${use.file}: ${quote(use.text)} [used-key-exists]: no such key in locales/en.json`);
    for (const key of matches) used.add(key);
  }
  const unused = bases
    .filter((key) => !used.has(key))
    .map((key) => problem('en', key, 'key-is-used', 'nothing in src/ uses it (no t() call, no key table)'));
  return { missing, unused };
};
