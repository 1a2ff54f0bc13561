// The package as a shop's developer gets it: packed, installed into a project of its own, then type-checked
// under each module resolution, bundled, required and imported. Needs `npm run build` first.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLES } from './bundles.mjs';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const MINUTE = 60_000;

let project = '';
let tarball = '';
let packed: string[] = [];

const write = (file: string, text: string) => {
  mkdirSync(join(project, file, '..'), { recursive: true });
  writeFileSync(join(project, file), text);
};

// What a developer writes: a mistake in the config must be a type error, so the types are not `any`.
const USES = `
import { createConsent, LANGUAGES, type ConsentState, type ShopConsentConfig } from 'shop-consent';
import { readConsent, type ReadConsentOptions } from 'shop-consent/server';

const config: ShopConsentConfig = { lang: 'lv', purposes: ['analytics'], theme: 'dark' };
// @ts-expect-error a theme the widget does not have
const wrong: ShopConsentConfig = { theme: 'purple' };
const options: ReadConsentOptions = { expiresDays: 30 };
const state: ConsentState | null = readConsent('shopconsent=x', options);
const granted: boolean | undefined = state?.purposes.analytics;
export const used = [createConsent, config, wrong, granted, LANGUAGES.length];
`;

const tsconfig = (compilerOptions: object, files: string[]) =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: 'es2020',
      lib: ['es2021', 'dom'],
      types: [],
      ...compilerOptions,
    },
    files,
  });

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/esm/index.d.ts'))) throw new Error('no dist/ to pack: run `npm run build` first');
  project = mkdtempSync(join(tmpdir(), 'shop-consent-consumer-'));
  const { stdout } = await run('npm', ['pack', '--json', '--silent', '--pack-destination', project], { cwd: root });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(project, info.filename);
  packed = info.files.map((file) => file.path);
  write('package.json', JSON.stringify({ name: 'a-shop', private: true, type: 'module' }));
  // The dependencies come from npm's cache, filled by the repository's own install.
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: project,
  });
}, 3 * MINUTE);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the npm package, installed in a project of its own', { timeout: 2 * MINUTE }, () => {
  it('type-checks with moduleResolution bundler', async () => {
    write('bundler/uses.ts', USES);
    write('tsconfig.bundler.json', tsconfig({ module: 'esnext', moduleResolution: 'bundler' }, ['bundler/uses.ts']));
    await run(bin('tsc'), ['-p', 'tsconfig.bundler.json'], { cwd: project });
  });

  it('type-checks with moduleResolution node16, from ESM and from CommonJS', async () => {
    write('node16/uses.mts', USES);
    write('node16/uses.cts', USES.replace(/^export const used = /m, 'export const usedFromCommonJs = '));
    write(
      'tsconfig.node16.json',
      tsconfig({ module: 'node16', moduleResolution: 'node16' }, ['node16/uses.mts', 'node16/uses.cts']),
    );
    await run(bin('tsc'), ['-p', 'tsconfig.node16.json'], { cwd: project });
  });

  it('reads the consent cookie with require() and with import', async () => {
    const decided = Math.floor(Date.now() / 1000) - 3600;
    const header = `shopconsent=1|abcdefgh12345678|${decided}|1|lv|banner|necessary:1.analytics:1.marketing:0`;
    const expected = 'lv true false';
    const print = 'console.log(s.lang, s.purposes.analytics, s.purposes.marketing)';
    const cjs = await run(
      'node',
      ['-e', `const s = require('shop-consent/server').readConsent(${JSON.stringify(header)}); ${print}`],
      { cwd: project },
    );
    expect(cjs.stdout.trim()).toBe(expected);
    const esm = await run(
      'node',
      [
        '--input-type=module',
        '-e',
        `import { readConsent } from 'shop-consent/server'; const s = readConsent(${JSON.stringify(header)}); ${print}`,
      ],
      { cwd: project },
    );
    expect(esm.stdout.trim()).toBe(expected);
    const entry = await run('node', ['-e', "console.log(typeof require('shop-consent').createConsent)"], {
      cwd: project,
    });
    expect(entry.stdout.trim()).toBe('function');
  });

  it('bundles with Vite: createConsent with the dialog split off, and the script tag kept whole', async () => {
    write(
      'index.html',
      '<!doctype html><html lang="lv"><body><script type="module" src="/main.js"></script></body></html>',
    );
    write('main.js', "import { createConsent } from 'shop-consent';\ncreateConsent({ lang: 'lv' });\n");
    write('tag.html', '<!doctype html><html><body><script type="module" src="/tag.js"></script></body></html>');
    // `sideEffects` must keep the script-tag bundle: importing it is how a bundled page includes the tag.
    write('tag.js', "import 'shop-consent/shopconsent.js';\n");
    write(
      'vite.config.js',
      "export default { logLevel: 'error', build: { rollupOptions: { input: ['index.html', 'tag.html'] } } };\n",
    );
    await run('node', [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: project });
    const assets = join(project, 'dist/assets');
    const chunks = readdirSync(assets).map((file) => readFileSync(join(assets, file), 'utf8'));
    const entry = chunks.find((code) => /lang:["'`]lv["'`]/.test(code));
    expect(entry, 'the page calling createConsent').toBeDefined();
    expect(entry).not.toContain('i18next');
    expect(chunks.some((code) => code !== entry && code.includes('i18next'))).toBe(true);
    const tag = chunks.filter((code) => code.includes('shopconsent-ui.js') && code.includes('ShopConsent'));
    expect(tag, 'the script tag, which loads the dialog by its file name').toHaveLength(1);
  });

  it('is clean for Are the types wrong? under node16 (ESM and CommonJS) and bundler', async () => {
    // The script-tag files are browser scripts without exports: nothing to type, nothing for Node to load.
    const scripts = Object.values(BUNDLES).map((file) => basename(file));
    await run(bin('attw'), [tarball, '--profile', 'node16', '--exclude-entrypoints', ...scripts], { cwd: project });
  });

  it('is clean for publint --strict', async () => {
    const { stdout } = await run(bin('publint'), ['run', join(project, 'node_modules/shop-consent'), '--strict']);
    expect(stdout).not.toMatch(/warning|error|suggestion/i);
  });

  it('ships the licence, the docs the README links to, and no sources or tests', () => {
    expect(packed).toContain('LICENSE');
    // The demo and its pictures are the repository's (1.2 MB of PNG per install otherwise): the README says so.
    const repositoryOnly = /^(demo|docs\/screenshots)\//;
    const linked = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)].map(
      ([, target]) => target.replace(/\/$/, ''),
    );
    expect(linked.length).toBeGreaterThan(20);
    for (const target of linked) expect(existsSync(join(root, target)), target).toBe(true);
    const shipped = (target: string) => packed.some((file) => file === target || file.startsWith(`${target}/`));
    expect(linked.filter((target) => !repositoryOnly.test(target) && !shipped(target))).toEqual([]);
    expect(packed.filter((file) => /\.test\.|^src\/|^e2e\/|\.testing\./.test(file))).toEqual([]);
  });
});

describe('the built files', { timeout: MINUTE }, () => {
  it('use no syntax or built-in beyond ES2020, the target the README states', async () => {
    const check = (args: string[]) =>
      run(bin('es-check'), ['es2020', '--checkFeatures', '--noColor', ...args], { cwd: root });
    await check(Object.values(BUNDLES));
    await check(['--module', 'dist/esm/*.js']);
    await check(['dist/cjs/*.cjs']);
  });

  it('carry their styles lowered for those browsers: the palette works without light-dark()', () => {
    const files = [
      ...Object.values(BUNDLES),
      ...readdirSync(join(root, 'dist/esm')).map((file) => `dist/esm/${file}`),
      ...readdirSync(join(root, 'dist/cjs')).map((file) => `dist/cjs/${file}`),
    ].filter((file) => /\.c?js$/.test(file));
    const styled = files.filter((file) => readFileSync(join(root, file), 'utf8').includes('--_bg:'));
    // The script tag's dialog and banner files, and the npm entry's dialog and banner chunks.
    expect(styled.length).toBeGreaterThanOrEqual(4);
    for (const file of styled) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toContain('light-dark(');
      expect(text, file).toContain('--lightningcss-dark');
    }
  });
});
