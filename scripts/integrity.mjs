// Subresource Integrity hashes of the script-tag bundles: printed after a build, and with --readme
// written into the install snippet of README.md.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { BUNDLES } from './bundles.mjs';

export const FILES = Object.values(BUNDLES);

export const integrity = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

/** The README's install snippet carries the core's hash in its `integrity` attribute. */
export const README_INTEGRITY = /(<script src="\/shopconsent\.js"[^>]*?integrity=")(sha384-[A-Za-z0-9+/=]+)(")/;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of FILES) console.log(`${file.padEnd(26)} ${integrity(file)}`);
  if (process.argv.includes('--readme')) {
    const readme = readFileSync('README.md', 'utf8');
    if (!README_INTEGRITY.test(readme)) throw new Error('README.md has no install snippet with an integrity attribute');
    writeFileSync('README.md', readme.replace(README_INTEGRITY, `$1${integrity(FILES[0])}$3`));
    console.log('README.md: install snippet updated');
  }
}
