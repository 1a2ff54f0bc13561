#!/usr/bin/env bash
# `npm test`: every check CI runs, cheapest first. Each step runs even if an earlier one failed, so one
# run shows everything that is wrong; the last line counts the tests: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

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
node scripts/test-summary.mjs || status=1
exit "$status"
