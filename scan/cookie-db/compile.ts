import { parse } from 'csv-parse/sync';

/**
 * The Open Cookie Database as the scanner reads it: platforms and categories stored once, each name
 * pointing at its `[platform, category]` pair. 2,264 rows of CSV (568 kB) become about 60 kB of JSON.
 */
export interface CookieDb {
  platforms: string[];
  categories: string[];
  /** name → [platform index, category index] */
  exact: Record<string, [number, number]>;
  /** rows whose "Wildcard match" is 1: the name is a prefix. Longest first. */
  prefixes: [string, number, number][];
}

const indexIn = (list: string[], value: string): number => {
  const found = list.indexOf(value);
  if (found >= 0) return found;
  list.push(value);
  return list.length - 1;
};

/**
 * Compiles the CSV. A name listed twice with different categories is left out: the scanner reports it as
 * unclassified rather than pick one of two answers.
 */
export const compileCookieDb = (csv: string): CookieDb => {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const platforms: string[] = [];
  const categories: string[] = [];
  const seen = new Map<string, { platform: string; category: string } | null>();
  for (const row of rows) {
    const name = row['Cookie / Data Key name'];
    const category = row.Category;
    if (!name || !category) continue;
    const key = `${row['Wildcard match'] === '1' ? '*' : '='}${name}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, { platform: row.Platform ?? '', category });
    else if (earlier && earlier.category !== category) seen.set(key, null);
  }
  const exact: CookieDb['exact'] = {};
  const prefixes: CookieDb['prefixes'] = [];
  for (const [key, entry] of seen) {
    if (!entry) continue;
    const pair: [number, number] = [indexIn(platforms, entry.platform), indexIn(categories, entry.category)];
    if (key.startsWith('*')) prefixes.push([key.slice(1), ...pair]);
    else exact[key.slice(1)] = pair;
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  return { platforms, categories, exact, prefixes };
};
