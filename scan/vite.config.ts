import { copyFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { compileCookieDb } from './cookie-db/compile';

const here = import.meta.dirname;
const outDir = resolve(here, '../dist/scan');

// The scanner's CLI for plain `node`: dependencies and playwright-core stay external, the cookie database
// is compiled to a compact lookup beside it, with its licence and notice.
export default defineConfig({
  build: {
    ssr: resolve(here, 'cli.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'cli.js' } },
  },
  plugins: [
    {
      name: 'open-cookie-database',
      generateBundle() {
        const csv = readFileSync(resolve(here, 'cookie-db/open-cookie-database.csv'), 'utf8');
        this.emitFile({
          type: 'asset',
          fileName: 'open-cookie-database.json',
          source: JSON.stringify(compileCookieDb(csv)),
        });
      },
      closeBundle() {
        for (const file of ['LICENSE', 'NOTICE']) {
          copyFileSync(resolve(here, 'cookie-db', file), resolve(outDir, `OPEN-COOKIE-DATABASE-${file}`));
        }
      },
    },
  ],
});
