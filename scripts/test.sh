#!/usr/bin/env bash
# `npm test`: every check CI runs, cheapest first. Each step runs even if an earlier one failed, so one
# run shows everything that is wrong; the last line counts the tests: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

# Browsers, PostgreSQL and LibreOffice first: without them the run would be hundreds of failures, not
# one line saying what to install.
node scripts/system-deps.mjs || { echo "✗ npm test needs the programs above; nothing was run."; exit 1; }

status=0
step() {
  echo "▶ $*"
  "$@" || { echo "✗ failed: $*"; status=1; }
}

step npm run -s typecheck
step npm run -s lint
step npm run -s build
step npx size-limit
rm -rf reports
step npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
export PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json
step npx playwright test --reporter=list,json
step node scripts/test-engines.mjs
node scripts/test-summary.mjs || status=1
exit "$status"
