// The script-tag bundles, one list for the build, the integrity hashes and the checks on them.
// vite.config.ts names the same modes; package.json's "size-limit" entries measure these files.
export const BUNDLES = {
  core: 'dist/shopconsent.js',
  ui: 'dist/shopconsent-ui.js',
  extras: 'dist/shopconsent-extras.js',
};
