// Prints one line, "N passed, N failed, N skipped", over the unit, end-to-end and cross-engine reports.
// A missing report counts as a failure: a runner that crashed must not look like a green run.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync('reports/vitest.json')) {
  const unit = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
} else {
  console.error('reports/vitest.json is missing: the unit tests did not run.');
  failed += 1;
}

if (existsSync('reports/playwright.json')) {
  const { stats } = JSON.parse(readFileSync('reports/playwright.json', 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
} else {
  console.error('reports/playwright.json is missing: the end-to-end tests did not run.');
  failed += 1;
}

if (existsSync('reports/engines.json')) {
  const engines = JSON.parse(readFileSync('reports/engines.json', 'utf8'));
  passed += engines.passed;
  failed += engines.failed;
  skipped += engines.skipped;
} else {
  console.error('reports/engines.json is missing: the cross-engine suite did not run.');
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
