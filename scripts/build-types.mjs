// One declaration file per npm entry, beside its code: `dist/esm/<entry>.d.ts` and `dist/cjs/<entry>.d.cts`.
// tsc writes a file per module with extensionless imports, which `moduleResolution: node16` cannot follow;
// a rolled-up file has no relative imports left, so the same text serves ESM and CommonJS (ADR 0038).
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(import.meta.dirname, '..');
const perModule = resolve(root, 'dist/.types');
const ENTRIES = { index: 'index.d.ts', server: 'server/index.d.ts' };

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', perModule], { cwd: root, stdio: 'inherit' });

for (const [entry, file] of Object.entries(ENTRIES)) {
  const rolledUp = resolve(root, `dist/esm/${entry}.d.ts`);
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: resolve(perModule, file),
      bundledPackages: [],
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'es2020',
            module: 'esnext',
            moduleResolution: 'bundler',
            lib: ['es2021', 'dom'],
            types: [],
            skipLibCheck: true,
          },
          files: [resolve(perModule, file)],
        },
      },
      dtsRollup: { enabled: true, untrimmedFilePath: rolledUp },
      apiReport: { enabled: false },
      docModel: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // Release tags (@public, @beta) and TSDoc syntax are not conventions of this code base.
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          'ae-missing-release-tag': { logLevel: 'none' },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
        compilerMessageReporting: { default: { logLevel: 'error' } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: resolve(root, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild: false, showVerboseMessages: false });
  if (!result.succeeded || result.warningCount > 0) {
    throw new Error(`declarations of ${entry}: ${result.errorCount} errors, ${result.warningCount} warnings`);
  }
  copyFileSync(rolledUp, resolve(root, `dist/cjs/${entry}.d.cts`));
}
rmSync(perModule, { recursive: true, force: true });
