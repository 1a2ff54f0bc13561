/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin, runnerImport, type UserConfig } from 'vite';
import { LANGUAGES, type Lang } from './src/core/languages.ts';
import type { FirstLayerTemplate } from './src/first-layer/template';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const root = import.meta.dirname;
const ID = 'virtual:shopconsent-first-layer';
const RESOLVED = `\0${ID}`;

/**
 * `virtual:shopconsent-first-layer`: the first layer as data, compiled from the dialog's Preact banner
 * and the locale files when a bundle or a test imports it (src/ui/compile-banner.ts), with the texts of
 * `only` alone for that language's chunk. The compiler runs in its own module runner, without this
 * config, so that it does not load itself.
 */
const firstLayer = (only?: Lang): Plugin => {
  const compiler = resolve(root, 'src/ui/compile-banner.ts');
  return {
    name: 'shopconsent-first-layer',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { module, dependencies } = await runnerImport<{ compileBanner: () => FirstLayerTemplate }>(compiler, {
        configFile: false,
        root,
        logLevel: 'warn',
      });
      // Rebuilt in watch mode and by the dev server when the banner, a locale or the compiler changes.
      for (const file of dependencies) this.addWatchFile(file);
      const template = module.compileBanner();
      if (only) template.texts = { [only]: template.texts[only] } as FirstLayerTemplate['texts'];
      return `export default ${JSON.stringify(template)};`;
    },
  };
};

const plugins = (only?: Lang) => [preact({ prefreshEnabled: false, devToolsEnabled: false }), firstLayer(only)];

/** The README's browser support, as lightningcss counts versions: major << 16 | minor << 8. */
const CSS_TARGETS = {
  chrome: 80 << 16,
  edge: 80 << 16,
  firefox: 74 << 16,
  safari: (13 << 16) | (1 << 8),
  samsung: 13 << 16,
};

const shared: UserConfig = {
  define: {
    __SHOPCONSENT_VERSION__: JSON.stringify(version),
    // Set by scripts/build.mjs for the core, which is built after the dialog it loads.
    __SHOPCONSENT_UI_INTEGRITY__: JSON.stringify(process.env.SHOPCONSENT_UI_INTEGRITY ?? ''),
    __SHOPCONSENT_EXTRAS_INTEGRITY__: JSON.stringify(process.env.SHOPCONSENT_EXTRAS_INTEGRITY ?? ''),
    // A JSON object, language to hash, of the banner's chunks.
    __SHOPCONSENT_BANNER_INTEGRITY__: process.env.SHOPCONSENT_BANNER_INTEGRITY ?? '{}',
  },
  plugins: plugins(),
  // lightningcss, not PostCSS, so that every build (the npm ones too, which are not minified) lowers what
  // the browsers the README names lack, such as the palette's light-dark().
  css: { transformer: 'lightningcss', lightningcss: { targets: CSS_TARGETS } },
};

/**
 * The runtime's own methods (src/runtime/runtime.ts) never leave the core, so their names can be
 * shortened like local variables; names a page, the dialog, the extras or the banner's chunk (which
 * holds the runtime: `onView`, `setLayer`) see must not be listed here.
 */
const RUNTIME_ONLY = /^(onCommit|onLayer|onLanguage|commit|adopt|stored|notify)$/;

/**
 * One IIFE bundle for the script tag: `core` is the tag itself, `ui`, `extras` and `banner-<lang>` what
 * it loads on demand.
 */
const iife = (entry: string, fileName: string, lang?: Lang): UserConfig => ({
  ...shared,
  plugins: plugins(lang),
  build: {
    target: 'es2020',
    // The CSS transformer has lowered the styles for CSS_TARGETS already; the minifier only minifies.
    cssTarget: false,
    outDir: 'dist',
    emptyOutDir: false,
    lib: { entry: resolve(root, entry), formats: ['iife'], name: 'ShopConsentBundle', fileName: () => fileName },
    rolldownOptions: { output: { minify: { mangleProps: { include: RUNTIME_ONLY } } } },
  },
});

// `scripts/build.mjs` runs one library build per mode: IIFE builds cannot share a build.
export default defineConfig(({ mode }) => {
  if (mode === 'core') return iife('src/embed/index.ts', 'shopconsent.js');
  if (mode === 'ui') return iife('src/ui/index.ts', 'shopconsent-ui.js');
  if (mode === 'extras') return iife('src/extras/index.ts', 'shopconsent-extras.js');
  const banner = LANGUAGES.find((lang) => mode === `banner-${lang}`);
  if (banner) return iife('src/first-layer/index.ts', `shopconsent-banner-${banner}.js`, banner);
  if (mode === 'esm' || mode === 'cjs') {
    // The npm entries, ESM and CommonJS (for `require()` and tools that still resolve it), each with
    // its own folder so that chunks of one never load the other's.
    const cjs = mode === 'cjs';
    return {
      ...shared,
      build: {
        target: 'es2020',
        outDir: cjs ? 'dist/cjs' : 'dist/esm',
        emptyOutDir: false,
        minify: false,
        lib: {
          entry: { index: resolve(root, 'src/index.ts'), server: resolve(root, 'src/server/index.ts') },
          formats: [cjs ? 'cjs' : 'es'],
          fileName: (_format, entry) => `${entry}.${cjs ? 'cjs' : 'js'}`,
        },
        rolldownOptions: {
          external: [/^preact/, 'i18next', 'js-cookie'],
          output: { chunkFileNames: `[name]-[hash].${cjs ? 'cjs' : 'js'}` },
        },
      },
    };
  }
  if (mode === 'demo') {
    // The demo serves the built bundles as a shop would: /shopconsent.js next to the pages.
    const collector = process.env.SHOPCONSENT_DEMO_COLLECTOR;
    return {
      root: resolve(root, 'demo'),
      publicDir: resolve(root, 'dist'),
      server: { port: 5173 },
      // `npm start` runs a receipt collector beside the demo (scripts/start.mjs); the pages learn where.
      plugins: collector
        ? [
            {
              name: 'demo-collector',
              transformIndexHtml: () => [
                {
                  tag: 'script',
                  injectTo: 'head-prepend' as const,
                  children: `window.demoCollector = ${JSON.stringify({
                    receiptUrl: `${collector}/receipts`,
                    token: process.env.SHOPCONSENT_DEMO_TOKEN,
                  })};`,
                },
              ],
            },
          ]
        : [],
    };
  }
  return {
    ...shared,
    test: {
      environment: 'happy-dom',
      include: [
        'src/**/*.test.{ts,tsx}',
        'collector/**/*.test.ts',
        'locales/*.test.ts',
        'scripts/*.test.ts',
        'scan/**/*.test.ts',
      ],
      restoreMocks: true,
    },
  };
});
