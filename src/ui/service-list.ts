import type { Lang } from '../core/languages';

const formats = new Map<Lang, Intl.ListFormat>();

/**
 * The services of a purpose as one list in the visitor's language ("A, B un C" in Latvian). Chromium
 * loads its list-pattern data when the first `Intl.ListFormat` is made, which took 47 to 100 ms on an
 * idle 2-core machine, unthrottled (about four times that at 4× CPU): so none is made for fewer than two names, which every purpose without services has, and one
 * per language is kept.
 */
export const serviceList = (names: string[], lang: Lang): string => {
  if (names.length < 2) return names[0] ?? '';
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: 'unit' });
    formats.set(lang, format);
  }
  return format.format(names);
};
