#!/usr/bin/env node
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from './args';
import { launchChromium, ScanError } from './browser';
import { createClassifier } from './classify';
import type { CookieDb } from './cookie-db/compile';
import { findingsOf } from './findings';
import { progressReporter } from './progress';
import { renderHtml } from './report/html';
import { reportOf } from './report/model';
import { terminalSummary } from './report/terminal';
import { runScan } from './scan';
import { suggestionOf } from './suggest';

/** `shop-consent scan URL`: exit 0 without violations, 1 with, 2 when the scan could not run. */
const main = async (): Promise<number> => {
  const options = parseCli(process.argv.slice(2));
  if ('error' in options) {
    process.stderr.write(`${options.error}\n`);
    return 2;
  }
  // Built beside this file from scan/cookie-db/open-cookie-database.csv (scan/vite.config.ts).
  const db = JSON.parse(readFileSync(new URL('./open-cookie-database.json', import.meta.url), 'utf8')) as CookieDb;
  const browser = await launchChromium();
  const startedAt = new Date();
  try {
    const result = await runScan(
      browser,
      { url: options.url, pages: options.pages, delayMs: options.delayMs },
      progressReporter(process.stderr),
    );
    const findings = findingsOf(result, createClassifier(db));
    const report = reportOf(
      {
        url: options.url,
        lang: options.lang,
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
        pages: result.pages,
      },
      findings,
      suggestionOf(findings),
    );
    mkdirSync(options.out, { recursive: true });
    writeFileSync(join(options.out, 'scan.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(options.out, 'index.html'), renderHtml(report, options.lang, result.screenshot));
    process.stdout.write(terminalSummary(report, options.lang, options.out));
    return report.violations.length > 0 ? 1 : 0;
  } finally {
    await browser.close();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ScanError ? error.message : `scan failed: ${error instanceof Error ? error.message : String(error)}`}\n`,
    );
    process.exit(2);
  },
);
