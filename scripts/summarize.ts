// Prints the closing lines of `npm test` from the JSON reports in .ci-out/ and exits non-zero when
// anything failed. Arguments: the names of the non-test steps that failed (each counts as one failure).
import { readFileSync } from 'node:fs';

interface Count {
  passed: number;
  failed: number;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** Vitest's JSON report: tests, plus files that failed before running any test (an import error). */
function countVitest(report: unknown): Count | undefined {
  if (!isRecord(report)) return undefined;
  const files = Array.isArray(report['testResults']) ? report['testResults'] : [];
  const brokenFiles = files.filter(
    (file) =>
      isRecord(file) &&
      file['status'] === 'failed' &&
      !(
        Array.isArray(file['assertionResults']) &&
        file['assertionResults'].some((test) => isRecord(test) && test['status'] === 'failed')
      ),
  ).length;
  return { passed: num(report['numPassedTests']), failed: num(report['numFailedTests']) + brokenFiles };
}

/** Playwright's JSON report: flaky tests passed on retry; global errors (a dead web server) fail the run. */
function countPlaywright(report: unknown): Count | undefined {
  if (!isRecord(report) || !isRecord(report['stats'])) return undefined;
  const stats = report['stats'];
  const errors = Array.isArray(report['errors']) ? report['errors'].length : 0;
  return { passed: num(stats['expected']) + num(stats['flaky']), failed: num(stats['unexpected']) + errors };
}

/** A runner that exited non-zero without a counted failure still failed once. */
function settle(name: string, count: Count | undefined, exitCode: number): Count {
  if (!count) {
    console.log(`${name}: no report; counted as 1 failed`);
    return { passed: 0, failed: 1 };
  }
  const failed = count.failed === 0 && exitCode !== 0 ? 1 : count.failed;
  console.log(
    `${name}: ${count.passed} passed, ${failed} failed${failed !== count.failed ? ` (exit code ${exitCode})` : ''}`,
  );
  return { passed: count.passed, failed };
}

const failedSteps = process.argv.slice(2);
const unit = settle('vitest', countVitest(readJson('.ci-out/unit.json')), Number(process.env['VITEST_RC'] ?? 0));
const e2e = settle('playwright', countPlaywright(readJson('.ci-out/e2e.json')), Number(process.env['E2E_RC'] ?? 0));
for (const step of failedSteps) console.log(`failed step: ${step}`);

const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + failedSteps.length;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
