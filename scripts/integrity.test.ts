import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { FILES, integrity, README_INTEGRITY } from './integrity.mjs';

describe('Subresource Integrity', () => {
  it('the README install snippet carries the hash of the core as built now (npm run build, then node scripts/integrity.mjs --readme)', () => {
    expect(existsSync(FILES[0]), 'dist/ is built by `npm run build` before the tests').toBe(true);
    const shown = README_INTEGRITY.exec(readFileSync('README.md', 'utf8'))?.[2];
    expect(shown).toBe(integrity(FILES[0]));
  });

  it('the core carries the hash of the dialog built with it', () => {
    expect(readFileSync(FILES[0], 'utf8')).toContain(integrity(FILES[1]));
  });
});
