import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The import rules live in biome.json (overrides per folder, and noImportCycles); these tests plant a
// file that breaks one and check that `npm run lint` would fail on it, and pass on its harmless twin.
const root = resolve(import.meta.dirname, '..');
const planted: string[] = [];

const plant = (path: string, code: string) => {
  planted.push(path);
  writeFileSync(resolve(root, path), code);
};

/** Biome's verdict on the planted files: the rule names it reports, empty when it passes. */
const lint = (): string[] => {
  try {
    execFileSync('npx', ['biome', 'lint', '--max-diagnostics=50', ...planted], { cwd: root, stdio: 'pipe' });
    return [];
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '') + String((error as { stderr?: Buffer }).stderr);
    return [...new Set(output.match(/lint\/\w+\/\w+/g) ?? ['biome failed without a rule'])];
  }
};

afterEach(() => {
  for (const path of planted.splice(0)) rmSync(resolve(root, path), { force: true });
});

// Each case starts Biome once: seconds on a busy machine.
describe('layering: the lint fails on an import against the direction of the layers', { timeout: 30_000 }, () => {
  it.each([
    [
      'the core imports the DOM layer',
      'src/core/planted-layering.ts',
      "import { adoptStyles } from '../dom/shadow-styles';",
    ],
    ['the core imports a browser library', 'src/core/planted-layering.ts', "import Cookies from 'js-cookie';"],
    ['the UI imports storage', 'src/ui/planted-layering.ts', "import { writeCookie } from '../storage/write-cookie';"],
    ['the UI imports js-cookie', 'src/ui/components/planted-layering.ts', "import Cookies from 'js-cookie';"],
    [
      'the runtime imports an effect',
      'src/runtime/planted-layering.ts',
      "import { syncTabs } from '../effects/tab-sync';",
    ],
    [
      'the server reader imports browser code',
      'src/server/planted-layering.ts',
      "import { syncTabs } from '../effects/tab-sync';",
    ],
    [
      'the collector imports browser code',
      'collector/planted-layering.ts',
      "import { createOutbox } from '../src/effects/receipt-outbox';",
    ],
  ])('%s', (_what, path, line) => {
    plant(path, `${line}\n\nexport const planted = [${line.match(/import \{? ?(\w+)/)?.[1]}];\n`);
    expect(lint()).toEqual(['lint/style/noRestrictedImports']);
  });

  it('a type loop between two modules', () => {
    plant('src/effects/planted-a.ts', "import type { B } from './planted-b';\n\nexport type A = { b?: B };\n");
    plant('src/effects/planted-b.ts', "import type { A } from './planted-a';\n\nexport type B = { a?: A };\n");
    expect(lint()).toEqual(['lint/suspicious/noImportCycles']);
  });

  it('imports in the direction of the layers pass', () => {
    plant(
      'src/ui/planted-layering.ts',
      "import { NECESSARY } from '../core/purposes';\n\nexport const planted = [NECESSARY];\n",
    );
    plant(
      'collector/planted-layering.ts',
      "import { toReceipt } from '../src/core/receipt';\n\nexport const planted = [toReceipt];\n",
    );
    expect(lint()).toEqual([]);
  });
});
