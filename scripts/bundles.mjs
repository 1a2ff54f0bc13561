// The script-tag bundles, one list for the build, the integrity hashes and the checks on them.
// vite.config.ts names the same modes; package.json's "size-limit" entries measure these files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The languages we speak, as locales/ holds them (locales/locales.test.ts keeps it equal to LANGUAGES). */
export const LANGS = readdirSync(join(import.meta.dirname, '../locales'))
  .filter((file) => /^[a-z]{2}\.json$/.test(file))
  .map((file) => file.slice(0, 2));

/** The banner's chunk for each language, which the core requests when a visitor has to decide. */
export const BANNERS = Object.fromEntries(LANGS.map((lang) => [lang, `dist/shopconsent-banner-${lang}.js`]));

export const BUNDLES = {
  core: 'dist/shopconsent.js',
  ui: 'dist/shopconsent-ui.js',
  extras: 'dist/shopconsent-extras.js',
  ...Object.fromEntries(Object.entries(BANNERS).map(([lang, file]) => [`banner-${lang}`, file])),
};
