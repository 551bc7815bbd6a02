#!/usr/bin/env bash
# What `npm test` runs: typecheck, unit tests, build, browser tests.
#
# A failing stage does not stop the others (a type error should not hide a
# failing test), except that browser tests need the build and a Chromium. The
# last line is always "N passed, N failed", printed by an EXIT trap so that it
# appears however the script ends; see scripts/count-results.mjs for the rules.
#
# To add a check, add one `stage` line below, e.g.
#   stage lessons - npm run --silent lessons:check
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The project's own binaries, as `npm run` would find them, without npx's
# habit of downloading a same-named package when node_modules is missing.
PATH="$PWD/node_modules/.bin:$PATH"

RESULTS=.vitest-results
LEDGER="$RESULTS/stages.tsv"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
: >"$LEDGER"

finish() {
  local status=$? code=0
  trap - EXIT
  echo
  echo "Summary:"
  node scripts/count-results.mjs "$LEDGER" "$status" || code=$?
  exit "$code"
}
trap finish EXIT

declare -A EXIT_CODE=()

# stage NAME REPORT COMMAND...: runs COMMAND and records its exit code in the
# ledger. REPORT is the vitest JSON file the command writes, or "-".
stage() {
  local name=$1 report=$2 code=0
  shift 2
  printf '%s\tstarted\t%s\n' "$name" "$report" >>"$LEDGER"
  echo
  echo "==> $name: $*"
  "$@" || code=$?
  printf '%s\t%s\t%s\n' "$name" "$code" "$report" >>"$LEDGER"
  EXIT_CODE[$name]=$code
}

skip() {
  printf '%s\tskipped: %s\t-\n' "$1" "$2" >>"$LEDGER"
  echo
  echo "==> $1: skipped ($2)"
}

ok() { [ "${EXIT_CODE[$1]:-1}" = 0 ]; }

stage typecheck - tsc --noEmit
stage lessons - npm run --silent lessons:check
# The JSON reports are what the summary counts; the default reporter is for people.
stage unit "$RESULTS/unit.json" vitest run \
  --reporter=default --reporter=json --outputFile.json="$RESULTS/unit.json"
stage build - vite build
stage chromium - bash scripts/ensure-chromium.sh
if ok build && ok chromium; then
  stage browser "$RESULTS/browser.json" vitest run --config vitest.browser.config.ts \
    --reporter=default --reporter=json --outputFile.json="$RESULTS/browser.json"
else
  skip browser "needs a successful build and a Chromium"
fi
