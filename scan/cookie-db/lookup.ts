import type { CookieDb } from './compile';

export interface CookieDbEntry {
  platform: string;
  /** The database's own category: Functional, Analytics, Marketing, Personalization, Security, Necessary. */
  category: string;
}

/** An exact name first, then the longest wildcard prefix; `undefined` when the database does not know it. */
export const lookUpCookie = (db: CookieDb, name: string): CookieDbEntry | undefined => {
  const pair =
    (Object.getOwnPropertyDescriptor(db.exact, name)?.value as [number, number] | undefined) ??
    db.prefixes.find(([prefix]) => name.startsWith(prefix))?.slice(1);
  if (!pair) return undefined;
  const [platform, category] = pair as [number, number];
  return { platform: db.platforms[platform] ?? '', category: db.categories[category] ?? '' };
};
