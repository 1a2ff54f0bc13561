// Another revision's files for a benchmark that compares it with the working tree: `git archive` into
// node_modules/.cache, where its imports find this tree's dependencies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Extracts those of `paths` that `revision` has, afresh, and answers the folder they are in. */
export const baselineTree = (bench: string, revision: string, paths: string[]) => {
  const dir = join(root, 'node_modules/.cache', bench, revision);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const present = execFileSync('git', ['ls-tree', '--name-only', revision, '--', ...paths], { cwd: root })
    .toString()
    .split('\n')
    .filter(Boolean);
  execFileSync('tar', ['-x', '-C', dir], {
    input: execFileSync('git', ['archive', revision, ...present], { cwd: root, maxBuffer: 1 << 28 }),
  });
  // Its modules are ES modules, as they are under the repository's package.json.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  return dir;
};

/** The collector of `revision`, started as its own tests start it (collector/process.testing.ts). */
export const baselineCollector = async (bench: string, revision: string) => {
  const dir = baselineTree(bench, revision, ['collector', 'docs/schema', 'locales', 'scripts/system-deps.mjs']);
  const testing: typeof import('../../collector/process.testing') = await import(
    join(dir, 'collector/process.testing.ts')
  );
  return testing.startProcess;
};
