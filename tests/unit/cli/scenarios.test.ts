// End to end through run() with the real model and engine, on the scenario files of the repository
// and on small edited copies of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { json, runCli, smallDocument, tempFiles } from './helpers.ts';

const NAT = 'scenarios/public-private-nat.json';
const MISSING_EPHEMERAL = 'scenarios/nacl-missing-ephemeral.json';

function scenario(path: string): Record<string, unknown> & { checks: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { checks: Record<string, unknown>[] };
}

describe('trace on scenario files', () => {
  it('narrates the NAT path of public-private-nat and exits 0', async () => {
    const r = await runCli(['trace', NAT, '--from', 'i-app', '--to', 'internet', '--port', '443']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('Can i-app reach internet (198.51.100.10) on tcp/443?');
    expect(r.stdout).toMatch(/\d+\. nat-a translates source /);
    expect(r.stdout).toMatch(/\d+\. igw-main translates source /);
    expect(r.stdout).toContain('Verdict: REACHABLE');
  });

  it('marks the NACL that drops the reply in nacl-missing-ephemeral, and still exits 0', async () => {
    const r = await runCli(['trace', MISSING_EPHEMERAL, '--from', 'i-web', '--to', 'i-app', '--port', '8080']);
    expect(r.code).toBe(0);
    const marked = r.stdout.split('\n').filter((l) => l.includes('<-- BLOCKED'));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain('acl-private outbound rule * (32767) denies');
    expect(marked[0]).toContain('SUBNET_ACL_RESTRICTION');
    expect(r.stdout).toMatch(/^Verdict: BLOCKED/m);
  });

  it('--json prints a trace result that parses, with the verdict and both paths', async () => {
    const r = await runCli([
      'trace',
      MISSING_EPHEMERAL,
      '--from',
      'i-web',
      '--to',
      'i-app',
      '--port',
      '8080',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { verdict: string; forward: unknown[]; return: unknown[] };
    expect(result.verdict).toBe('BLOCKED');
    expect(result.forward.length).toBeGreaterThan(0);
    expect(result.return.length).toBeGreaterThan(0);
  });

  it('--one-way skips the reply', async () => {
    const r = await runCli([
      'trace',
      MISSING_EPHEMERAL,
      '--from',
      'i-web',
      '--to',
      'i-app',
      '--port',
      '8080',
      '--one-way',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Return path: not checked');
    expect(r.stdout).toContain('Verdict: REACHABLE');
  });

  it('still traces a document with configuration errors, warning on stderr', async () => {
    const doc = smallDocument() as { topology: { subnets: unknown[] } };
    doc.topology.subnets.push({
      id: 'sn-overlap',
      vpcId: 'vpc-a',
      availabilityZone: 'us-east-1a',
      cidrBlock: '10.0.1.128/25',
    });
    const { path } = tempFiles({ 'overlap.json': doc });
    const r = await runCli(['trace', path('overlap.json'), '--from', 'i-web', '--to', 'internet', '--port', '443']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning');
    expect(r.stderr).toContain('CFG_SUBNET_OVERLAP');
    expect(r.stdout).toMatch(/^Verdict: /m);
  });
});

describe('check on scenario files', () => {
  it('public-private-nat: every check passes, exit 0', async () => {
    const r = await runCli(['check', NAT]);
    expect(r.code).toBe(0);
    const count = scenario(NAT).checks.length;
    expect(r.stdout.split('\n').filter((l) => l.includes('PASS'))).toHaveLength(count);
    expect(r.stdout).toContain(`${count} checks: ${count} passed, 0 failed`);
  });

  it('a wrong expectation fails with exit 1 and names the check', async () => {
    const doc = scenario(NAT);
    const first = doc.checks[0]!;
    doc.checks = [{ ...first, name: 'deliberately wrong', expect: 'BLOCKED' }];
    const { path } = tempFiles({ 'wrong.json': doc });
    const r = await runCli(['check', path('wrong.json'), NAT]);
    expect(r.code).toBe(1);
    const fail = r.stdout.split('\n').filter((l) => l.includes('FAIL'));
    expect(fail).toHaveLength(1);
    expect(fail[0]).toContain('deliberately wrong');
    expect(fail[0]).toContain('expected BLOCKED');
    expect(fail[0]).toContain('got REACHABLE');
  });

  it('--json gives one record per check', async () => {
    const r = await runCli(['check', '--json', NAT]);
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout) as { file: string; status: string }[];
    expect(records).toHaveLength(scenario(NAT).checks.length);
    expect(records.every((x) => x.file === NAT && x.status === 'pass')).toBe(true);
  });
});

describe('lint on real documents', () => {
  it('a clean scenario exits 0', async () => {
    const r = await runCli(['lint', NAT]);
    expect(r.code).toBe(0);
  });

  it('overlapping subnets are an error: exit 1, with code, resource and path', async () => {
    const doc = smallDocument() as { topology: { subnets: unknown[] } };
    doc.topology.subnets.push({
      id: 'sn-overlap',
      vpcId: 'vpc-a',
      availabilityZone: 'us-east-1a',
      cidrBlock: '10.0.1.128/25',
    });
    const { path } = tempFiles({ 'overlap.json': json(doc) });
    const r = await runCli(['lint', path('overlap.json')]);
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes('CFG_SUBNET_OVERLAP'));
    expect(line).toContain('error');
    expect(line).toContain('topology.subnets[');
  });

  it('prints design warnings after the validation diagnostics without changing the exit code', async () => {
    const warned = await runCli(['lint', NAT]);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('warning LINT_NAT_SINGLE_AZ nat-a');

    const doc = smallDocument() as { topology: { subnets: unknown[]; instances: { publicIp?: string }[] } };
    delete doc.topology.instances[0]!.publicIp;
    doc.topology.subnets.push({
      id: 'sn-overlap',
      vpcId: 'vpc-a',
      availabilityZone: 'us-east-1a',
      cidrBlock: '10.0.1.128/25',
    });
    const { path } = tempFiles({ 'both.json': json(doc) });
    const r = await runCli(['lint', path('both.json')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const error = lines.findIndex((l) => l.includes('CFG_SUBNET_OVERLAP'));
    const advice = lines.findIndex((l) => l.includes('LINT_PUBLIC_SUBNET_NO_PUBLIC_IP'));
    expect(error).toBeGreaterThanOrEqual(0);
    expect(advice).toBeGreaterThan(error);
    expect(lines[advice]).toContain('warning');
  });
});
