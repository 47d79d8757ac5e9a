/**
 * `vpcsim check FILE...`: runs every file's pinned checks and compares each verdict with its
 * expectation. Exits 1 when a check fails, 2 when a file or a check cannot be used, 0 otherwise.
 */
import { compile, runCheck, type CheckResult, type TraceResult } from '../engine/index.ts';
import type { Check } from '../model/index.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, printError, printLines, type CliIo } from './io.ts';
import { loadDocumentFile } from './load.ts';
import { primaryExplanation } from './narrate.ts';
import { paint } from './style.ts';

export interface CheckOptions {
  json?: boolean;
}

/** One check in `check --json` output. */
export interface CheckRecord {
  file: string;
  name: string;
  /** `pass`, `fail`, or `error` when the check could not run (an unknown endpoint, say). */
  status: 'pass' | 'fail' | 'error';
  expected: { verdict: string; blockedAt?: string; code?: string; direction?: string };
  actual?: { verdict: string; blockedAt?: string; code?: string; direction?: string };
  mismatch?: string;
  error?: { code: string; message: string; resourceId?: string; path?: string };
}

interface Tally {
  passed: number;
  failed: number;
  errors: number;
}

export function checkCommand(files: readonly string[], options: CheckOptions, io: CliIo): number {
  const color = io.color ?? false;
  const records: CheckRecord[] = [];
  const total: Tally = { passed: 0, failed: 0, errors: 0 };
  let unusableFiles = 0;

  for (const file of files) {
    const loaded = loadDocumentFile(file, io.readFile);
    if (!loaded.ok) {
      printError(io, loaded.error.message);
      unusableFiles++;
      continue;
    }
    const { document, diagnostics } = loaded.value;
    const configErrors = diagnostics.filter((d) => d.severity === 'error').length;
    if (configErrors > 0) {
      printError(io, `warning: '${file}' has ${configErrors} configuration error(s); see 'vpcsim lint ${file}'`);
    }
    const checks = document.checks ?? [];
    const network = compile(document.topology);
    const tally: Tally = { passed: 0, failed: 0, errors: 0 };
    const lines: string[] = [file];
    for (const check of checks) {
      const record = toRecord(file, runCheck(network, check));
      records.push(record);
      tally[record.status === 'pass' ? 'passed' : record.status === 'fail' ? 'failed' : 'errors']++;
      lines.push(...describeRecord(record, color));
    }
    lines.push(checks.length === 0 ? '  no checks' : `  ${summarise(tally, checks.length)}`);
    if (!options.json) printLines(io, lines);
    total.passed += tally.passed;
    total.failed += tally.failed;
    total.errors += tally.errors;
  }

  if (options.json) {
    io.stdout(`${JSON.stringify(records, null, 2)}\n`);
  } else {
    const count = total.passed + total.failed + total.errors;
    const unusable = unusableFiles > 0 ? `, ${unusableFiles} could not be read` : '';
    const fileWord = files.length === 1 ? 'file' : 'files';
    printLines(io, [`Total: ${files.length} ${fileWord}${unusable}; ${summarise(total, count)}`]);
  }
  if (unusableFiles > 0 || total.errors > 0) return EXIT_BAD_INPUT;
  return total.failed > 0 ? EXIT_FAILED : EXIT_OK;
}

function summarise(t: Tally, count: number): string {
  const parts = [`${t.passed} passed`, `${t.failed} failed`];
  if (t.errors > 0) parts.push(`${t.errors} could not run`);
  return `${count} ${count === 1 ? 'check' : 'checks'}: ${parts.join(', ')}`;
}

export function toRecord(file: string, r: CheckResult): CheckRecord {
  const record: CheckRecord = {
    file,
    name: r.check.name,
    status: r.error ? 'error' : r.passed ? 'pass' : 'fail',
    expected: expectation(r.check),
  };
  if (r.result) record.actual = outcome(r.result);
  if (r.mismatch !== undefined) record.mismatch = r.mismatch;
  if (r.error) {
    const error: NonNullable<CheckRecord['error']> = { code: r.error.code, message: r.error.message };
    if (r.error.resourceId !== undefined) error.resourceId = r.error.resourceId;
    if (r.error.path !== undefined) error.path = r.error.path;
    record.error = error;
  }
  return record;
}

function expectation(check: Check): CheckRecord['expected'] {
  const e: CheckRecord['expected'] = { verdict: check.expect };
  if (check.blockedAt !== undefined) e.blockedAt = check.blockedAt;
  if (check.code !== undefined) e.code = check.code;
  if (check.direction !== undefined) e.direction = check.direction;
  return e;
}

/** The verdict and, when something stopped the packet, where and why (what a check can pin). */
function outcome(result: TraceResult): NonNullable<CheckRecord['actual']> {
  const a: NonNullable<CheckRecord['actual']> = { verdict: result.verdict };
  const primary = primaryExplanation(result);
  if (primary && result.verdict !== 'REACHABLE') {
    a.blockedAt = primary.componentId;
    a.code = primary.code;
    a.direction = primary.pathDirection;
  }
  return a;
}

function describeOutcome(o: CheckRecord['expected']): string {
  const details = [o.code, o.direction].filter((x) => x !== undefined);
  const at = o.blockedAt !== undefined ? ` at ${o.blockedAt}` : '';
  return `${o.verdict}${at}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

function describeRecord(r: CheckRecord, color: boolean): string[] {
  switch (r.status) {
    case 'pass':
      return [`  ${paint('PASS ', 'ok', color)} ${r.name} — ${describeOutcome(r.actual ?? r.expected)}`];
    case 'fail': {
      const got = r.actual ? describeOutcome(r.actual) : 'no result';
      const lines = [
        `  ${paint('FAIL ', 'blocked', color)} ${r.name} — expected ${describeOutcome(r.expected)}; got ${got}`,
      ];
      if (r.mismatch) lines.push(`         ${r.mismatch}`);
      return lines;
    }
    case 'error': {
      const e = r.error;
      const why = e
        ? `${e.message} (${[e.code, e.resourceId].filter((x) => x !== undefined).join(', ')})`
        : 'could not run';
      return [`  ${paint('ERROR', 'blocked', color)} ${r.name} — ${why}`];
    }
  }
}
