// suggestFixes: per-code candidates on small fixtures, and over every scenario the property that each
// suggestion, once applied, removes the blocker it names.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkQuery,
  compile,
  FIXABLE_CODES,
  freeRuleNumber,
  suggestFixes,
  trace,
  type FixSuggestion,
  type TraceQuery,
  type TraceResult,
} from '../../../src/engine/index.ts';
import { applyFix, FORMAT_V1, type Document, type Topology } from '../../../src/model/index.ts';
import {
  f1,
  f2,
  f3,
  instance,
  natGateway,
  routeTable,
  withNacl,
  withRoute,
  withoutResource,
  withoutRoute,
} from './fixtures/index.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

function run(topology: Topology, query: TraceQuery): TraceResult {
  const r = trace(compile(topology), query);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function applied(topology: Topology, s: FixSuggestion): Topology {
  const doc: Document = { format: FORMAT_V1, topology: structuredClone(topology) };
  expect(applyFix(doc, s.edit)).toBe(true);
  return doc.topology;
}

/** The property the issue demands: applying the suggestion removes its blocker, and the verdict is as recorded. */
function expectRemovesBlocker(topology: Topology, query: TraceQuery, s: FixSuggestion): void {
  const after = run(applied(topology, s), query);
  const still = after.explanations.filter(
    (e) =>
      e.blocking &&
      e.code === s.blocker.code &&
      e.componentId === s.blocker.componentId &&
      e.pathDirection === s.blocker.pathDirection &&
      (s.blocker.direction === undefined || e.direction === s.blocker.direction),
  );
  expect(still, `${s.title} leaves ${s.blocker.code} at ${s.blocker.componentId}`).toEqual([]);
  expect(after.verdict).toBe(s.verdictAfter);
}

function fixesFor(topology: Topology, query: TraceQuery, code: string): FixSuggestion[] {
  const frozen = deepFreeze(topology);
  const all = suggestFixes(frozen, query);
  for (const s of all) expectRemovesBlocker(frozen, query, s);
  return all.filter((s) => s.blocker.code === code);
}

const HTTPS = { protocol: 'tcp', port: 443 } as const;

describe('suggestFixes per code', () => {
  it('NO_ROUTE_TO_DESTINATION: a default route to the NAT gateway ranks first for a private subnet', () => {
    const t = withoutRoute(f1(), 'rtb-priv', '0.0.0.0/0');
    const q = { from: 'app1', to: 'internet', ...HTTPS };
    const fixes = fixesFor(t, q, 'NO_ROUTE_TO_DESTINATION');
    expect(fixes[0]?.edit).toEqual({
      kind: 'addRoute',
      vpcId: 'vpc-a',
      routeTableId: 'rtb-priv',
      destination: '0.0.0.0/0',
      target: 'nat-a',
    });
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
    expect(fixes[0]?.blocker).toEqual({
      code: 'NO_ROUTE_TO_DESTINATION',
      componentId: 'rtb-priv',
      pathDirection: 'forward',
    });
  });

  it('NO_ROUTE_TO_DESTINATION on the return path over a peering: narrowest destination first', () => {
    const t = withoutRoute(f2(), 'rtb-b', '10.0.0.0/16');
    const q = { from: 'app1', to: 'peer1', ...HTTPS };
    const fixes = fixesFor(t, q, 'NO_ROUTE_TO_DESTINATION');
    expect(fixes.map((s) => s.edit.kind === 'addRoute' && [s.edit.destination, s.edit.target])).toEqual([
      ['10.0.2.10/32', 'pcx-ab'],
      ['10.0.2.0/24', 'pcx-ab'],
      ['10.0.0.0/16', 'pcx-ab'],
    ]);
    expect(fixes.every((s) => s.blocker.pathDirection === 'return')).toBe(true);
  });

  it('NO_ROUTE_TO_DESTINATION at an implicit main route table writes the table out', () => {
    const t = f1();
    t.routeTables = (t.routeTables ?? []).filter((r) => r.id !== 'rtb-main');
    routeTable(t, 'rtb-priv').subnetIds = ['sn-app-b', 'sn-db-b'];
    const q = { from: 'app1', to: 'internet', ...HTTPS };
    const fixes = fixesFor(t, q, 'NO_ROUTE_TO_DESTINATION');
    expect(fixes[0]?.edit).toMatchObject({ kind: 'addRoute', routeTableId: 'vpc-a/rtb-main', target: 'nat-a' });
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
    const main = applied(t, fixes[0]!).routeTables?.find((r) => r.main === true);
    expect(main?.routes).toEqual([{ destination: '0.0.0.0/0', target: 'nat-a' }]);
  });

  it('NO_ROUTE_TO_DESTINATION at a transit gateway route table: a static route or a propagation', () => {
    const t = f3();
    t.transitGatewayRouteTables![0]!.propagations = ['att-x'];
    const q = { from: 'x1', to: 'y1', ...HTTPS };
    const fixes = fixesFor(t, q, 'NO_ROUTE_TO_DESTINATION');
    expect(fixes.map((s) => s.edit)).toEqual([
      { kind: 'setTgwRoute', tgwRouteTableId: 'tgw-rtb-def', destination: '10.20.1.10/32', attachmentId: 'att-y' },
      { kind: 'setTgwRoute', tgwRouteTableId: 'tgw-rtb-def', destination: '10.20.0.0/16', attachmentId: 'att-y' },
      { kind: 'addTgwPropagation', tgwRouteTableId: 'tgw-rtb-def', attachmentId: 'att-y' },
    ]);
  });

  it('ENI_SG_RULES_MISMATCH: a security-group reference first, then the /32 and the subnet', () => {
    const q = { from: 'web', to: 'db', protocol: 'tcp', port: 5432 };
    const fixes = fixesFor(f1(), q, 'ENI_SG_RULES_MISMATCH');
    expect(fixes.map((s) => s.edit)).toEqual([
      {
        kind: 'addSgRule',
        sgId: 'sg-db',
        direction: 'inbound',
        rule: { protocol: 'tcp', ports: '5432', source: 'sg-web' },
      },
      {
        kind: 'addSgRule',
        sgId: 'sg-db',
        direction: 'inbound',
        rule: { protocol: 'tcp', ports: '5432', source: '10.0.1.10/32' },
      },
      {
        kind: 'addSgRule',
        sgId: 'sg-db',
        direction: 'inbound',
        rule: { protocol: 'tcp', ports: '5432', source: '10.0.1.0/24' },
      },
    ]);
    expect(fixes.every((s) => s.verdictAfter === 'REACHABLE')).toBe(true);
    expect(fixes[0]!.cost).toBeLessThan(fixes[1]!.cost);
  });

  it('SG_HAS_NO_RULES outbound: an outbound rule to the destination', () => {
    const t = f1();
    t.securityGroups!.find((g) => g.id === 'sg-app')!.outbound = [];
    const fixes = fixesFor(t, { from: 'app1', to: 'db', protocol: 'tcp', port: 5432 }, 'SG_HAS_NO_RULES');
    expect(fixes[0]?.edit).toEqual({
      kind: 'addSgRule',
      sgId: 'sg-app',
      direction: 'outbound',
      rule: { protocol: 'tcp', ports: '5432', destination: 'sg-db' },
    });
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('SUBNET_ACL_RESTRICTION on the return path: an outbound rule for the ephemeral ports below the deny', () => {
    const t = withNacl(f1(), 'acl-db', ['sn-db-b'], {
      inbound: [{ ruleNumber: 100, protocol: 'tcp', ports: '5432', cidr: '10.0.0.0/16', action: 'allow' }],
    });
    const q = { from: 'app1', to: 'db', protocol: 'tcp', port: 5432 };
    const fixes = fixesFor(t, q, 'SUBNET_ACL_RESTRICTION');
    expect(fixes[0]?.blocker).toEqual({
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-db',
      pathDirection: 'return',
      direction: 'egress',
    });
    expect(fixes[0]?.edit).toEqual({
      kind: 'addNaclRule',
      aclId: 'acl-db',
      direction: 'outbound',
      rule: { ruleNumber: 10, protocol: 'tcp', cidr: '10.0.2.10/32', action: 'allow', ports: '32768-60999' },
    });
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('SUBNET_ACL_RESTRICTION with both lists denying: each direction gets its own fix', () => {
    const t = withNacl(f1(), 'acl-db', ['sn-db-b']);
    const q = { from: 'app1', to: 'db', protocol: 'tcp', port: 5432 };
    const fixes = fixesFor(t, q, 'SUBNET_ACL_RESTRICTION');
    const keys = new Set(fixes.map((s) => `${s.blocker.pathDirection}/${s.blocker.direction ?? ''}`));
    expect(keys).toEqual(new Set(['forward/ingress', 'return/egress']));
    const inbound = fixes.find((s) => s.blocker.direction === 'ingress');
    expect(inbound?.edit).toMatchObject({ kind: 'addNaclRule', direction: 'inbound', rule: { ports: '5432' } });
    expect(inbound?.verdictAfter).toBe('BLOCKED');
  });

  it('BAD_STATE on a peering: accept it', () => {
    const t = f2();
    t.vpcPeeringConnections![0]!.status = 'pending-acceptance';
    const fixes = fixesFor(t, { from: 'app1', to: 'peer1', ...HTTPS }, 'BAD_STATE');
    expect(fixes.map((s) => s.edit)).toEqual([{ kind: 'setPeeringStatus', peeringId: 'pcx-ab', status: 'active' }]);
  });

  it('BAD_STATE_ROUTE: re-aim a blackhole at a working NAT gateway', () => {
    const t = withoutResource(f1(), 'nat-a');
    t.natGateways = [{ ...natGateway(f1(), 'nat-a'), id: 'nat-b', privateIp: '10.0.1.6', publicIp: '3.3.3.4' }];
    const fixes = fixesFor(t, { from: 'app1', to: 'internet', ...HTTPS }, 'BAD_STATE_ROUTE');
    expect(fixes[0]?.edit).toEqual({
      kind: 'replaceRoute',
      routeTableId: 'rtb-priv',
      destination: '0.0.0.0/0',
      target: 'nat-b',
    });
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: a NAT route is narrower than a public IP', () => {
    const t = withRoute(f1(), 'rtb-priv', '0.0.0.0/0', 'igw-a');
    const fixes = fixesFor(t, { from: 'app1', to: 'internet', ...HTTPS }, 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS');
    expect(fixes.map((s) => s.edit.kind)).toEqual(['replaceRoute', 'setPublicIp']);
    expect(fixes[1]?.edit).toEqual({ kind: 'setPublicIp', resourceId: 'app1', publicIp: '192.0.2.10' });
    expect(fixes.every((s) => s.verdictAfter === 'REACHABLE')).toBe(true);
  });

  it('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: give the destination a public IP', () => {
    const t = f1();
    delete instance(t, 'web').publicIp;
    const fixes = fixesFor(t, { from: 'internet', to: 'web', ...HTTPS }, 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
    expect(fixes.map((s) => s.edit)).toEqual([{ kind: 'setPublicIp', resourceId: 'web', publicIp: '192.0.2.10' }]);
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('SIM_NO_INTERNET_GATEWAY: create and attach one with the default route', () => {
    const t = withoutResource(f1(), 'igw-a');
    withoutRoute(t, 'rtb-pub', '0.0.0.0/0');
    const fixes = fixesFor(t, { from: 'internet', to: 'web', ...HTTPS }, 'SIM_NO_INTERNET_GATEWAY');
    expect(fixes[0]?.edit).toEqual({
      kind: 'createInternetGateway',
      vpcId: 'vpc-a',
      internetGatewayId: 'igw-vpc-a-1',
      routes: [{ routeTableId: 'rtb-pub', destination: '0.0.0.0/0' }],
    });
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('SIM_NO_INTERNET_GATEWAY with a detached gateway: attaching it comes first', () => {
    const t = f1();
    t.internetGateways = [{ id: 'igw-a', vpcId: null }];
    const fixes = fixesFor(t, { from: 'internet', to: 'web', ...HTTPS }, 'SIM_NO_INTERNET_GATEWAY');
    expect(fixes[0]?.edit).toEqual({
      kind: 'attachInternetGateway',
      vpcId: 'vpc-a',
      internetGatewayId: 'igw-a',
      routes: [],
    });
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('SIM_INSTANCE_NOT_RUNNING: start it', () => {
    const t = f1();
    instance(t, 'db').state = 'stopped';
    const fixes = fixesFor(t, { from: 'app1', to: 'db', protocol: 'tcp', port: 5432 }, 'SIM_INSTANCE_NOT_RUNNING');
    expect(fixes.map((s) => s.edit)).toEqual([{ kind: 'startInstance', instanceId: 'db' }]);
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION: associate the attachment', () => {
    const t = f3();
    t.transitGatewayRouteTables![0]!.associations = ['att-y'];
    const fixes = fixesFor(t, { from: 'x1', to: 'y1', ...HTTPS }, 'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION');
    expect(fixes.map((s) => s.edit)).toEqual([
      { kind: 'associateTgwRouteTable', tgwRouteTableId: 'tgw-rtb-def', attachmentId: 'att-x' },
    ]);
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('TGW_ROUTE_AZ_RESTRICTION: add a subnet of that zone to the attachment', () => {
    const fixes = fixesFor(f3(), { from: 'y2', to: 'x1', ...HTTPS }, 'TGW_ROUTE_AZ_RESTRICTION');
    expect(fixes.map((s) => s.edit)).toEqual([
      { kind: 'addAttachmentSubnet', attachmentId: 'att-y', subnetId: 'sn-y-b' },
    ]);
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('BAD_STATE_ATTACHMENT: make the attachment available', () => {
    const t = f3();
    t.transitGatewayAttachments![1]!.state = 'pendingAcceptance';
    const fixes = fixesFor(t, { from: 'x1', to: 'y1', ...HTTPS }, 'BAD_STATE_ATTACHMENT');
    expect(fixes[0]?.edit).toEqual({ kind: 'setAttachmentAvailable', attachmentId: 'att-y' });
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it('codes without a generator get no suggestion', () => {
    const t = withRoute(f2(), 'rtb-priv', '10.2.0.0/16', 'pcx-ab');
    const q = { from: 'app1', to: 'c1', ...HTTPS };
    expect(run(t, q).explanations.find((e) => e.blocking)?.code).toBe('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR');
    expect(suggestFixes(t, q).filter((s) => s.blocker.code === 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR')).toEqual([]);
  });

  it('is deterministic, honours maxPerBlocker and leaves its input alone', () => {
    const t = deepFreeze(withNacl(f1(), 'acl-db', ['sn-db-b']));
    const q = { from: 'app1', to: 'db', protocol: 'tcp', port: 5432 };
    const a = suggestFixes(t, q);
    expect(suggestFixes(t, q)).toEqual(a);
    expect(new Set(a.map((s) => s.id)).size).toBe(a.length);
    const one = suggestFixes(t, q, { maxPerBlocker: 1 });
    expect(one).toHaveLength(2);
    expect(suggestFixes(t, q, { maxPerBlocker: 0 })).toEqual([]);
  });

  it('returns nothing for a reachable trace or a query the engine rejects', () => {
    expect(suggestFixes(f1(), { from: 'app1', to: 'db', protocol: 'tcp', port: 5432 })).toEqual([]);
    expect(suggestFixes(f1(), { from: 'nobody', to: 'db', protocol: 'tcp', port: 5432 })).toEqual([]);
  });
});

describe('freeRuleNumber', () => {
  it('picks the next multiple of ten below the denying rule, else a free number below it', () => {
    expect(freeRuleNumber([100, 200], 32767)).toBe(210);
    expect(freeRuleNumber([], 32767)).toBe(10);
    expect(freeRuleNumber([90, 100], 100)).toBe(91);
    expect(freeRuleNumber([1, 2], 3)).toBeUndefined();
    expect(freeRuleNumber([1, 3], 4)).toBe(2);
  });
});

interface ScenarioDoc {
  topology: Topology;
  checks?: Parameters<typeof checkQuery>[0][];
}

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');

function loadScenarios(): [string, ScenarioDoc][] {
  return readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(SCENARIOS, f), 'utf8')) as ScenarioDoc]);
}

/** A few extra questions per scenario beyond its checks: to and from the internet, and between instances. */
function extraQueries(t: Topology): TraceQuery[] {
  const ids = (t.instances ?? []).slice(0, 3).map((i) => i.id);
  const out: TraceQuery[] = [];
  for (const id of ids) {
    out.push({ from: id, to: 'internet', ...HTTPS }, { from: 'internet', to: id, protocol: 'tcp', port: 22 });
  }
  for (const a of ids) for (const b of ids) if (a !== b) out.push({ from: a, to: b, protocol: 'tcp', port: 5432 });
  return out;
}

describe('suggestFixes over the scenarios', () => {
  const scenarios = loadScenarios();
  const byCheck = new Map<string, FixSuggestion[]>();
  let blockedChecks = 0;
  let blockedWithFix = 0;
  let extraSuggestions = 0;
  for (const [file, doc] of scenarios) {
    const topology = deepFreeze(doc.topology);
    for (const check of doc.checks ?? []) {
      const q = checkQuery(check);
      const fixes = suggestFixes(topology, q);
      byCheck.set(`${file}::${check.name}`, fixes);
      for (const s of fixes) expectRemovesBlocker(topology, q, s);
      const r = trace(compile(topology), q);
      if (r.ok && r.value.verdict === 'BLOCKED') {
        blockedChecks++;
        if (fixes.length > 0) blockedWithFix++;
      }
    }
    for (const q of extraQueries(topology)) {
      for (const s of suggestFixes(topology, q)) {
        expectRemovesBlocker(topology, q, s);
        extraSuggestions++;
      }
    }
  }

  it('every suggestion removes its blocker (asserted while collecting), and most blocked checks get one', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
    expect(blockedChecks).toBeGreaterThanOrEqual(30);
    expect(blockedWithFix).toBeGreaterThanOrEqual(25);
    expect(extraSuggestions).toBeGreaterThan(20);
  });

  const fixesOf = (file: string, kind: string): FixSuggestion[] =>
    [...byCheck.entries()]
      .filter(([k]) => k.startsWith(`${file}::`))
      .flatMap(([, v]) => v.filter((s) => s.edit.kind === kind));

  it('nacl-missing-ephemeral: an outbound NACL rule for the ephemeral ports makes it reachable', () => {
    const fixes = fixesOf('nacl-missing-ephemeral.json', 'addNaclRule');
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes[0]?.blocker).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', pathDirection: 'return' });
    expect(fixes[0]?.edit).toMatchObject({ direction: 'outbound', rule: { action: 'allow', protocol: 'tcp' } });
    expect(fixes[0]?.verdictAfter).toBe('REACHABLE');
  });

  it.each([
    ['nat-instance-source-dest-check.json', 'setSourceDestCheck'],
    ['peering-pending-and-sg-reference.json', 'setPeeringStatus'],
    ['peering-pending-and-sg-reference.json', 'addSgRule'],
    ['peering-route-one-side.json', 'addRoute'],
    ['tgw-inspection-appliance-mode.json', 'setApplianceMode'],
    ['tgw-blackhole-route.json', 'setTgwRoute'],
    ['tgw-peering-cross-region.json', 'setTgwRoute'],
    ['sg-no-outbound-rules.json', 'addSgRule'],
    ['nacl-deny-rule-order.json', 'addNaclRule'],
    ['private-instance-public-ip-no-igw-route.json', 'addRoute'],
  ])('%s gets a %s fix that makes a blocked check reachable', (file, kind) => {
    expect(fixesOf(file, kind).some((s) => s.verdictAfter === 'REACHABLE')).toBe(true);
  });

  it('only codes in FIXABLE_CODES get suggestions; the S3 UDP check gets none', () => {
    for (const fixes of byCheck.values()) for (const s of fixes) expect(FIXABLE_CODES).toContain(s.blocker.code);
    expect(byCheck.get('s3-gateway-endpoint.json::UDP to S3 is dropped at the gateway endpoint')).toEqual([]);
  });

  it('the security-group reference fix across a same-region peering ranks first', () => {
    const fixes = fixesOf('peering-pending-and-sg-reference.json', 'addSgRule');
    expect(fixes[0]?.edit).toMatchObject({ direction: 'inbound', rule: { source: 'sg-batch-a' } });
  });
});
