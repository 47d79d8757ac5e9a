// The trace, check and lint commands with the engine's trace/runCheck and the model's validation
// replaced by doubles, so that exit codes, output shapes and the query sent do not depend on the engine.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult, TraceQuery, TraceResult } from '../../../src/engine/index.ts';
import type { Diagnostic } from '../../../src/model/index.ts';
import { blockedByNaclOnReturn, reachableThroughNat } from './fixtures.ts';
import { json, runCli, smallDocument } from './helpers.ts';

const doubles = vi.hoisted(() => ({
  trace: vi.fn(),
  runCheck: vi.fn(),
  validateDocument: vi.fn(),
}));

vi.mock('../../../src/engine/index.ts', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  trace: doubles.trace,
  runCheck: doubles.runCheck,
}));

vi.mock('../../../src/model/index.ts', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  validateDocument: doubles.validateDocument,
}));

const files = { 'net.json': json(smallDocument()), 'other.json': json(smallDocument()) };
const TRACE = ['trace', 'net.json', '--from', 'i-web', '--to', 'internet', '--port', '443'];

const configError: Diagnostic = {
  code: 'CFG_SUBNET_OVERLAP',
  severity: 'error',
  resourceId: 'sn-pub',
  path: 'topology.subnets[0].cidrBlock',
  message: 'sn-pub overlaps another subnet',
};
const configWarning: Diagnostic = {
  code: 'CFG_SOMETHING_ODD',
  severity: 'warning',
  resourceId: 'rtb-pub',
  message: 'advice',
};

beforeEach(() => {
  doubles.trace.mockReset();
  doubles.runCheck.mockReset();
  doubles.validateDocument.mockReset();
  doubles.validateDocument.mockReturnValue([]);
});

function traceReturns(result: TraceResult): void {
  doubles.trace.mockReturnValue({ ok: true, value: result });
}

describe('trace', () => {
  it('exits 0 and narrates a blocked result', async () => {
    traceReturns(blockedByNaclOnReturn());
    const r = await runCli(TRACE, files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<-- BLOCKED (SUBNET_ACL_RESTRICTION)');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Verdict: BLOCKED/);
    expect(r.stderr).toBe('');
  });

  it('exits 0 for a reachable result, without colour codes when colour is off', async () => {
    traceReturns(reachableThroughNat());
    const r = await runCli(TRACE, files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verdict: REACHABLE');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--json prints the trace result itself, with 2-space indentation', async () => {
    const result = blockedByNaclOnReturn();
    traceReturns(result);
    const r = await runCli([...TRACE, '--json'], files);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(result);
    expect(r.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('sends the question as given, with typed values', async () => {
    traceReturns(reachableThroughNat());
    await runCli(
      [
        'trace',
        'net.json',
        '--from',
        'internet',
        '--to',
        'i-web',
        '--protocol',
        'UDP',
        '--port',
        '53',
        '--family',
        '6',
        '--to-address',
        'ipv6',
        '--one-way',
        '--source-port',
        '40000',
      ],
      files,
    );
    const sent = doubles.trace.mock.calls[0]?.[1] as TraceQuery;
    expect(sent).toEqual({
      from: 'internet',
      to: 'i-web',
      protocol: 'udp',
      port: 53,
      family: 6,
      toAddress: 'ipv6',
      oneWay: true,
      sourcePort: 40000,
    });
  });

  it('leaves defaults to the engine: only --from and --to when nothing else is given', async () => {
    traceReturns(reachableThroughNat());
    await runCli(['trace', 'net.json', '--from', 'a', '--to', 'b'], files);
    expect(doubles.trace.mock.calls[0]?.[1]).toEqual({ from: 'a', to: 'b' });
  });

  it('exits 2 with the diagnostic of a question the engine refuses', async () => {
    doubles.trace.mockReturnValue({
      ok: false,
      error: {
        code: 'QUERY_UNKNOWN_ENDPOINT',
        severity: 'fatal',
        resourceId: 'i-nope',
        path: 'from',
        message: 'no such endpoint',
      },
    });
    const r = await runCli(TRACE, files);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('QUERY_UNKNOWN_ENDPOINT');
    expect(r.stderr).toContain('i-nope');
    expect(r.stderr).toContain("'net.json'");
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('still traces a document with configuration errors, warning about them on stderr first', async () => {
    doubles.validateDocument.mockReturnValue([configError, configWarning]);
    traceReturns(reachableThroughNat());
    const r = await runCli(TRACE, files);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning');
    expect(r.stderr).toContain('CFG_SUBNET_OVERLAP');
    expect(r.stderr).toContain('topology.subnets[0].cidrBlock');
    expect(r.stderr).not.toContain('CFG_SOMETHING_ODD');
    expect(r.stdout).toContain('Verdict: REACHABLE');
  });

  it('keeps stdout pure JSON with --json when there are configuration errors', async () => {
    doubles.validateDocument.mockReturnValue([configError]);
    traceReturns(reachableThroughNat());
    const r = await runCli([...TRACE, '--json'], files);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toContain('CFG_SUBNET_OVERLAP');
  });

  it('turns an exception into an internal-error message and exit 2, without a stack trace', async () => {
    doubles.trace.mockImplementation(() => {
      throw new Error('boom');
    });
    const r = await runCli(TRACE, files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('internal error');
    expect(r.stderr).toContain('boom');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

/** runCheck double: the check's name says how it ends. */
function checksByName(): void {
  doubles.runCheck.mockImplementation((_network: unknown, check: { name: string }): CheckResult => {
    const base = { check: check as CheckResult['check'] };
    if (check.name.includes('cannot reach')) {
      return { ...base, passed: false, result: blockedByNaclOnReturn(), mismatch: 'expected BLOCKED forward' };
    }
    return { ...base, passed: true, result: reachableThroughNat() };
  });
}

describe('check', () => {
  it('exits 0 when every check passes, with one line per check and a summary', async () => {
    doubles.runCheck.mockImplementation((_n: unknown, check: CheckResult['check']): CheckResult => ({
      check,
      passed: true,
      result: reachableThroughNat(),
    }));
    const r = await runCli(['check', 'net.json'], files);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.includes('PASS'))).toHaveLength(3);
    expect(r.stdout).toContain('3 checks: 3 passed, 0 failed');
    expect(r.stdout).toContain('Total: 1 file');
  });

  it('exits 1 when a check fails, and says what differed', async () => {
    checksByName();
    const r = await runCli(['check', 'net.json', 'other.json'], files);
    expect(r.code).toBe(1);
    const fail = r.stdout.split('\n').filter((l) => l.includes('FAIL'));
    expect(fail).toHaveLength(2);
    expect(fail[0]).toContain('internet cannot reach web on 22');
    expect(fail[0]).toContain('expected BLOCKED');
    expect(fail[0]).toContain('SUBNET_ACL_RESTRICTION');
    expect(r.stdout).toContain('expected BLOCKED forward');
    expect(r.stdout).toContain('Total: 2 files; 6 checks: 4 passed, 2 failed');
  });

  it('exits 2 when a check cannot run (an unknown endpoint), naming it', async () => {
    doubles.runCheck.mockImplementation((_n: unknown, check: CheckResult['check']): CheckResult => ({
      check,
      passed: false,
      error: { code: 'QUERY_UNKNOWN_ENDPOINT', severity: 'fatal', resourceId: 'i-web', message: 'unknown' },
    }));
    const r = await runCli(['check', 'net.json'], files);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('ERROR');
    expect(r.stdout).toContain('QUERY_UNKNOWN_ENDPOINT');
  });

  it('exits 2 when one of several files is missing, still checking the others', async () => {
    checksByName();
    const r = await runCli(['check', 'net.json', 'gone.json'], files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'gone.json'");
    expect(r.stdout).toContain('net.json');
    expect(doubles.runCheck).toHaveBeenCalledTimes(3);
  });

  it('a file without checks passes', async () => {
    const doc = { ...smallDocument(), checks: [] };
    const r = await runCli(['check', 'empty.json'], { 'empty.json': json(doc) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no checks');
  });

  it('--json prints one record per check with expected and actual outcomes', async () => {
    checksByName();
    const r = await runCli(['check', '--json', 'net.json'], files);
    expect(r.code).toBe(1);
    const records = JSON.parse(r.stdout) as {
      file: string;
      name: string;
      status: string;
      expected: { verdict: string };
      actual?: { verdict: string; code?: string; blockedAt?: string; direction?: string };
    }[];
    expect(records.map((x) => x.status)).toEqual(['pass', 'pass', 'fail']);
    expect(records[2]).toMatchObject({
      file: 'net.json',
      expected: { verdict: 'BLOCKED' },
      actual: { verdict: 'BLOCKED', code: 'SUBNET_ACL_RESTRICTION', blockedAt: 'acl-app', direction: 'return' },
    });
  });
});

describe('lint', () => {
  it('exits 0 for a clean file', async () => {
    const r = await runCli(['lint', 'net.json'], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('net.json: no problems');
  });

  it('exits 0 with warnings only, and prints them', async () => {
    doubles.validateDocument.mockReturnValue([configWarning]);
    const r = await runCli(['lint', 'net.json'], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning CFG_SOMETHING_ODD rtb-pub');
  });

  it('exits 1 with an error, printing severity, code, resource, path and message', async () => {
    doubles.validateDocument.mockReturnValue([configError, configWarning]);
    const r = await runCli(['lint', 'net.json'], files);
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes('CFG_SUBNET_OVERLAP'));
    expect(line).toBeDefined();
    for (const fact of ['net.json', 'error', 'sn-pub', 'topology.subnets[0].cidrBlock', 'overlaps']) {
      expect(line).toContain(fact);
    }
    expect(r.stdout).toContain('1 error, 1 warning');
  });

  it('--json prints every diagnostic with its file', async () => {
    doubles.validateDocument.mockReturnValue([configError]);
    const r = await runCli(['lint', '--json', 'net.json', 'other.json'], files);
    expect(r.code).toBe(1);
    const records = JSON.parse(r.stdout) as (Diagnostic & { file: string })[];
    expect(records.map((d) => [d.file, d.code])).toEqual([
      ['net.json', 'CFG_SUBNET_OVERLAP'],
      ['other.json', 'CFG_SUBNET_OVERLAP'],
    ]);
  });

  it('--json reports an unreadable file as a fatal record and exits 2', async () => {
    const r = await runCli(['lint', '--json', 'net.json', 'gone.json'], files);
    expect(r.code).toBe(2);
    const records = JSON.parse(r.stdout) as (Diagnostic & { file: string })[];
    expect(records).toEqual([
      expect.objectContaining({ file: 'gone.json', severity: 'fatal', code: 'FILE_UNREADABLE' }),
    ]);
  });

  it('exits 2 for a document that cannot be understood, listing its fatal diagnostics', async () => {
    const r = await runCli(['lint', 'bad.json'], { 'bad.json': json({ format: 'vpcsim/9', topology: {} }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('bad.json: fatal');
  });
});

const ESC = String.fromCharCode(27);

describe('colour', () => {
  it('styles the narration only when the io asks for colour', async () => {
    const { run } = await import('../../../src/cli/run.ts');
    traceReturns(blockedByNaclOnReturn());
    let out = '';
    const code = await run(TRACE, {
      stdout: (s) => {
        out += s;
      },
      stderr: () => undefined,
      readFile: (path) => files[path as keyof typeof files],
      color: true,
    });
    expect(code).toBe(0);
    expect(out).toContain(`${ESC}[31m`);
    expect(out.replaceAll(ESC, '').replace(/\[\d+m/g, '')).toContain('<-- BLOCKED (SUBNET_ACL_RESTRICTION)');
  });
});
