import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ScanReport } from '../scan/report/model';

// The scanner as a shop owner runs it: the built CLI, with plain node, against pages of scripts/serve.mjs.
const root = join(import.meta.dirname, '..');
const fixture = 'e2e/fixtures/scan-shop';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  report: ScanReport;
  out: string;
}

const scan = (url: string, out: string, ...args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/scan/cli.js', 'scan', url, '--out', out, '--delay', '0', ...args],
      { cwd: root, timeout: 100_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        let report = {} as ScanReport;
        try {
          report = JSON.parse(readFileSync(join(out, 'scan.json'), 'utf8')) as ScanReport;
        } catch {
          // No report: the test's expectations on `code` and `stderr` say why.
        }
        resolve({ code, stdout, stderr, report, out });
      },
    );
  });

const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(
  JSON.parse(readFileSync(join(root, 'docs/schema/scan.schema.json'), 'utf8')),
);

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test('a demo shop that holds its tags back is clean, and what it sets after Accept all is classified', async ({
  baseURL,
}, testInfo) => {
  const run = await scan(`${baseURL}/demo/monaok/`, testInfo.outputPath('report'), '--pages', '3');
  expect(run.code, run.stderr).toBe(0);
  expect(run.report.violations).toEqual([]);
  expect(validate(run.report), JSON.stringify(validate.errors)).toBe(true);
  const accepted = Object.fromEntries(
    run.report.items
      .filter((item) => item.passes.includes('after-accept') && item.kind === 'cookie')
      .map((item) => [item.name, item.classification?.purpose ?? null]),
  );
  expect(accepted).toMatchObject({ shopconsent: 'necessary', _ga: 'analytics', _fbp: 'marketing' });
  // The shop's logo links back to the demo's index, a page without the tag: reported, not a violation.
  expect(run.report.misconfigurations).toEqual([{ kind: 'tag-missing', page: `${baseURL}/demo/` }]);
});

test('planted leaks give exactly those violations, with page, purpose and cause; the suggestion applied makes it clean', async ({
  baseURL,
  page,
}, testInfo) => {
  const home = `${baseURL}/${fixture}/index.html`;
  const run = await scan(home, testInfo.outputPath('leaky'), '--lang', 'lv');
  expect(run.code, run.stderr).toBe(1);
  expect(validate(run.report), JSON.stringify(validate.errors)).toBe(true);
  const script = (name: string) => `${baseURL}/${fixture}/${name}`;
  expect(
    run.report.violations.map(({ kind, name, purpose, passes, page, cause }) => ({
      kind,
      name,
      purpose,
      passes,
      page,
      cause: cause && 'url' in cause ? cause.url : cause,
    })),
  ).toEqual([
    {
      kind: 'cookie',
      name: '_ga',
      purpose: 'analytics',
      passes: ['before-decision', 'after-reject'],
      page: home,
      cause: script('analytics.js'),
    },
    {
      kind: 'request',
      name: 'www.facebook.com',
      purpose: 'marketing',
      passes: ['before-decision', 'after-reject'],
      page: home,
      cause: script('pixel.js'),
    },
    {
      kind: 'storage',
      name: 'mp_fixture_mixpanel',
      purpose: 'analytics',
      passes: ['after-reject'],
      page: home,
      cause: script('recently-viewed.js'),
    },
  ]);
  expect(run.report.items.filter((item) => !item.classification).map((item) => item.name)).toEqual(['fixture_blob']);
  expect(run.stdout).toContain('Izsekošana bez piekrišanas');

  // The report a shop owner opens: Latvian, axe-clean, readable on a 360 px phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`file://${join(run.out, 'index.html')}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'lv');
  await expect(page.getByRole('heading', { level: 2, name: 'Pārkāpumi' })).toBeVisible();
  await expect(page.locator('.violation')).toHaveCount(3);
  await expect(page.getByRole('img')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations, JSON.stringify(axe.violations, null, 2)).toEqual([]);

  // The shop applies the suggestion to its template: the config before the tag, each leaking script held back.
  const applied = testInfo.outputPath('applied');
  mkdirSync(applied, { recursive: true });
  for (const name of ['index.html', 'about.html']) {
    let html = readFileSync(join(root, fixture, name), 'utf8');
    html = html.replace(
      '<script src="/shopconsent.js"',
      `${run.report.suggestion.snippet}\n<script src="/shopconsent.js"`,
    );
    for (const gate of run.report.suggestion.gate) {
      expect(gate.cause.kind).toBe('script');
      const src = 'url' in gate.cause ? new URL(gate.cause.url).pathname : '';
      html = html.replace(`<script src="${src}"></script>`, gate.markup ?? '');
    }
    writeFileSync(join(applied, name), html);
  }
  const again = await scan(`${baseURL}/${relative(root, applied)}/index.html`, testInfo.outputPath('applied-report'));
  expect(again.code, again.stderr).toBe(0);
  expect(again.report.violations).toEqual([]);
  expect(again.report.summary.pages).toBe(2);
});

test('a scan that cannot run says why and exits with 2', async ({ baseURL }, testInfo) => {
  const bad = await scan('shop.test', testInfo.outputPath('bad'));
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('is not an address');
  const missing = await scan(`${baseURL}/no-such-shop/`, testInfo.outputPath('missing'));
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('HTTP 404');
});
