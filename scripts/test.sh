#!/usr/bin/env bash
# `npm test`: every check the tree must pass, in order: format, typecheck, lint, vitest (unit, golden,
# property), build, Playwright. Every step runs even when an earlier one fails; the last line is
# `N passed, N failed` (tests from the JSON reports in .ci-out/, plus one per failed non-test step).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

OUT=.ci-out
rm -rf "$OUT" && mkdir -p "$OUT"
failed_steps=()
# Exit codes of the test runners: a runner can fail without a failed test (a crash, a server that never
# started), and the summary must not call that a pass.
export VITEST_RC=0 E2E_RC=0

step() { printf '\n=== %s (t=%ss)\n' "$1" "$SECONDS"; }

# Runs a non-test step; a failure counts as one failed in the summary.
check_step() {
  local name=$1
  shift
  step "$name"
  if ! "$@"; then
    failed_steps+=("$name")
    printf '=== %s FAILED\n' "$name"
  fi
}

# Finds a Chromium for Playwright: $CHROMIUM_PATH, /usr/bin/chromium, Playwright's own download; installs
# one when none is there (apt as root, else Playwright's installer). Prints the path, or fails.
find_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    if [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; return 0; fi
    echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
    return 1
  fi
  if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; return 0; fi
  local own
  own=$(node -e 'const p = require("playwright-core").chromium.executablePath(); if (require("fs").existsSync(p)) console.log(p);' 2>/dev/null)
  if [ -n "$own" ]; then echo "$own"; return 0; fi

  echo "No Chromium found; installing one." >&2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    # stdout goes to stderr: this function's stdout is the path.
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 &&
      [ -x /usr/bin/chromium ] && { echo /usr/bin/chromium; return 0; }
  else
    npx playwright install chromium >&2
    own=$(node -e 'const p = require("playwright-core").chromium.executablePath(); if (require("fs").existsSync(p)) console.log(p);' 2>/dev/null)
    if [ -n "$own" ]; then echo "$own"; return 0; fi
  fi
  echo "Could not install Chromium. Install it (Debian: 'apt-get install chromium') or set CHROMIUM_PATH." >&2
  return 1
}

check_step "format (prettier --check)" npx prettier --check .
check_step "typecheck" npm run --silent typecheck
check_step "lint (eslint, zero warnings)" npx eslint . --max-warnings 0

step "unit, golden and property tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/unit.json" || VITEST_RC=$?

rm -rf dist
check_step "build (vite build)" npx vite build

step "browser tests (playwright)"
if [ ! -f dist/index.html ]; then
  echo "Skipped: the build failed, so there is nothing to serve." >&2
  E2E_RC=1
elif chromium=$(find_chromium); then
  export CHROMIUM_PATH=$chromium
  echo "Chromium: $CHROMIUM_PATH"
  npx playwright test || E2E_RC=$?
else
  E2E_RC=1
fi

step "summary"
npx tsx scripts/summarize.ts "${failed_steps[@]}"
