// The trace panel's pure helpers: endpoint lists, form → query, path rows, blockers with fixes, pinning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, trace, type TraceResult } from '../../../../src/engine/index.ts';
import type { Document } from '../../../../src/model/index.ts';
import {
  blockersWithFixes,
  checkFromTrace,
  defaultTraceForm,
  endpointGroups,
  formToQuery,
  isPinned,
  partialPorts,
  pathRows,
  pickableEndpoint,
  portName,
  readTraceForm,
  uniqueCheckName,
  type FixView,
  type TraceFormState,
} from '../../../../src/ui/trace/panel-model.ts';

const doc = JSON.parse(readFileSync('scenarios/public-private-nat.json', 'utf8')) as Document;
const network = compile(doc.topology);

function run(query: Parameters<typeof trace>[1]): TraceResult {
  const r = trace(network, query);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

const form = (over: Partial<TraceFormState>): TraceFormState => ({
  from: 'i-app',
  to: 'internet',
  protocol: 'tcp',
  port: '443',
  family: 'auto',
  oneWay: false,
  ...over,
});

describe('endpoint lists', () => {
  it('offers s3 and dynamodb as destinations only', () => {
    const values = (field: 'from' | 'to') =>
      endpointGroups(doc.topology, field).flatMap((g) => g.options.map((o) => o.value));
    expect(values('from')).toEqual(expect.arrayContaining(['i-web', 'i-app', 'i-db', 'internet']));
    expect(values('from')).not.toContain('s3');
    expect(values('to')).toEqual(expect.arrayContaining(['s3', 'dynamodb', 'internet']));
  });

  it('picks instances and their primary interfaces, not subnets', () => {
    expect(pickableEndpoint(doc.topology, 'i-web')).toBe('i-web');
    expect(pickableEndpoint(doc.topology, 'i-web/eth0')).toBe('i-web');
    expect(pickableEndpoint(doc.topology, 'subnet-app-a')).toBeUndefined();
  });
});

describe('form to query', () => {
  it('asks the question the form shows', () => {
    expect(formToQuery(form({}))).toEqual({
      ok: true,
      query: { from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 },
    });
    expect(formToQuery(form({ family: '6', oneWay: true, protocol: 'icmpv6' }))).toEqual({
      ok: true,
      query: { from: 'i-app', to: 'internet', protocol: 'icmpv6', family: 6, oneWay: true },
    });
  });

  it('waits for a port and for both ends', () => {
    expect(formToQuery(form({ port: '' })).ok).toBe(false);
    expect(formToQuery(form({ port: '70000' })).ok).toBe(false);
    expect(formToQuery(form({ port: '4e2' })).ok).toBe(false);
    expect(formToQuery(form({ to: ' ' })).ok).toBe(false);
  });

  it('names common ports', () => {
    expect(portName('5432')).toBe('postgres');
    expect(portName(3389)).toBe('rdp');
    expect(portName('8080')).toBeUndefined();
  });

  it('reads stored forms defensively, old entries included', () => {
    expect(readTraceForm({ from: 'a', to: 'b', protocol: 'tcp', port: '22' })).toEqual({
      from: 'a',
      to: 'b',
      protocol: 'tcp',
      port: '22',
      family: 'auto',
      oneWay: false,
    });
    expect(readTraceForm({ from: 'a' })).toBeUndefined();
    expect(readTraceForm(null)).toBeUndefined();
  });

  it('starts from the first pinned check', () => {
    expect(defaultTraceForm(doc.topology, doc.checks?.[0])).toMatchObject({
      from: 'internet',
      to: 'i-web',
      port: '443',
    });
  });
});

describe('path rows', () => {
  it('lists every component in order, with the rule that decided and NAT rewrites', () => {
    const result = run({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 });
    const rows = pathRows(result.forward);
    expect(rows.map((r) => r.componentId)).toEqual(result.forward.map((c) => c.component.id));
    const nat = rows.find((r) => r.componentId === 'nat-a');
    expect(nat?.rewrites.some((r) => r.startsWith('source '))).toBe(true);
    const sg = rows.find((r) => r.componentType === 'security-group');
    expect(sg?.decision).not.toBe('');
    expect(sg?.target.highlight?.kind).toBe('security-group-rule');
    const rtb = rows.find((r) => r.componentType === 'route-table');
    expect(rtb?.target.highlight).toMatchObject({ kind: 'route' });
  });

  it('points a blocked security group row at the group', () => {
    const result = run({ from: 'i-web', to: 'i-db', protocol: 'tcp', port: 5432 });
    const blocked = pathRows(result.forward).find((r) => r.codes.includes('ENI_SG_RULES_MISMATCH'));
    expect(blocked?.target.id).toBe('sg-db');
    expect(partialPorts(result)).toBeUndefined();
  });
});

describe('blockers and fixes', () => {
  it('groups fixes under their blocker, cheapest first', () => {
    const result = run({ from: 'i-web', to: 'i-db', protocol: 'tcp', port: 5432 });
    const primary = result.explanations.find((e) => e.blocking);
    if (!primary) throw new Error('no blocker');
    const fix = (id: string, cost: number, componentId = primary.componentId): FixView => ({
      id,
      blocker: { code: primary.code, componentId, pathDirection: primary.pathDirection },
      title: id,
      opens: '',
      cost,
      verdictAfter: 'REACHABLE',
    });
    const blockers = blockersWithFixes(result, [fix('wide', 60), fix('narrow', 2), fix('other', 1, 'elsewhere')]);
    expect(blockers[0]?.fixes.map((f) => f.id)).toEqual(['narrow', 'wide']);
  });
});

describe('pinning', () => {
  it('expects the verdict and the primary blocker of a blocked trace', () => {
    const query = { from: 'i-web', to: 'i-db', protocol: 'tcp', port: 5432 };
    const check = checkFromTrace(query, run(query), []);
    expect(check).toMatchObject({
      expect: 'BLOCKED',
      blockedAt: 'i-db/eth0',
      code: 'ENI_SG_RULES_MISMATCH',
      direction: 'forward',
    });
    expect(isPinned(doc.checks, query)).toBe(true);
    expect(isPinned(doc.checks, { ...query, port: 22 })).toBe(false);
  });

  it('keeps check names unique', () => {
    expect(uniqueCheckName('a', ['a', 'a (2)'])).toBe('a (3)');
    const query = { from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 };
    const check = checkFromTrace(query, run(query), []);
    expect(check.expect).toBe('REACHABLE');
    expect(check.blockedAt).toBeUndefined();
  });
});
