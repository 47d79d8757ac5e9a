// compile(topology) (src/engine/compile.ts): the defaults AWS implies are made explicit (main route
// table, default NACL, local routes, default security-group egress), compile is memoized on the
// topology's identity, and it never mutates its input. Compiled objects form cyclic graphs (a VPC
// lists its subnets, each subnet names its VPC): assertions compare ids and identities (`===`), never
// whole compiled objects, whose deep comparison on failure would not finish.
import { describe, expect, it } from 'vitest';
import { compile, indexedLookups } from '../../../src/engine/index.ts';
import { parseIp } from '../../../src/lib/index.ts';
import type { Topology } from '../../../src/model/index.ts';
import { f1, f4, networkAcl, routeTable, securityGroup, withoutResource } from './fixtures/index.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** [destination, target, origin] of every route of a compiled table, in table order. */
function routesOf(t: Topology, rtbId: string): [string, string, string][] {
  const rt = compile(t, { diagnostics: [] }).routeTables.get(rtbId);
  if (!rt) throw new Error(`no route table ${rtbId}`);
  return rt.routes.map((r) => [r.destination, r.target, r.origin]);
}

describe('implicit main route table', () => {
  it('a VPC without a main table gets <vpc>/rtb-main with only the local route, used by unassociated subnets', () => {
    const t = withoutResource(f1(), 'rtb-main');
    const net = compile(t, { diagnostics: [] });
    const main = net.routeTables.get('vpc-a/rtb-main')!;
    expect({ id: main.id, implicit: main.implicit, main: main.main }).toStrictEqual({
      id: 'vpc-a/rtb-main',
      implicit: true,
      main: true,
    });
    expect(main.routes.map((r) => [r.destination, r.target, r.origin, r.implicit])).toStrictEqual([
      ['10.0.0.0/16', 'local', 'local', true],
    ]);
    expect(net.vpcs.get('vpc-a')!.mainRouteTable === main).toBe(true);
    // Every F1 subnet is associated explicitly; a new one falls back to the main table.
    t.subnets!.push({ id: 'sn-new', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.9.0/24' });
    const net2 = compile(t, { diagnostics: [] });
    expect(net2.subnets.get('sn-new')!.routeTable.id).toBe('vpc-a/rtb-main');
    expect(net2.subnets.get('sn-app-a')!.routeTable.id).toBe('rtb-priv');
  });

  it('a VPC with a main table gets no implicit one, and unassociated subnets use the explicit main table', () => {
    const t = f1();
    t.subnets!.push({ id: 'sn-new', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.9.0/24' });
    const net = compile(t, { diagnostics: [] });
    expect(net.routeTables.has('vpc-a/rtb-main')).toBe(false);
    expect(net.subnets.get('sn-new')!.routeTable.id).toBe('rtb-main');
    const main = net.routeTables.get('rtb-main')!;
    expect([main.implicit, main.main, net.vpcs.get('vpc-a')!.mainRouteTable.id]).toStrictEqual([
      false,
      true,
      'rtb-main',
    ]);
  });

  it('an IPv6 VPC without route tables gets both local routes in its implicit main table', () => {
    const t = withoutResource(f4(), 'rtb-6');
    expect(routesOf(t, 'vpc-6/rtb-main')).toStrictEqual([
      ['10.6.0.0/16', 'local', 'local'],
      ['2600:1f18:6:600::/56', 'local', 'local'],
    ]);
  });
});

describe('implicit default NACL', () => {
  it('a VPC without a default NACL gets <vpc>/acl-default: 100 allow all, then the * rules', () => {
    const t = withoutResource(f1(), 'acl-def');
    const net = compile(t, { diagnostics: [] });
    const acl = net.nacls.get('vpc-a/acl-default')!;
    expect(acl.implicit).toBe(true);
    expect(net.vpcs.get('vpc-a')!.defaultNacl === acl).toBe(true);
    for (const list of [acl.inbound, acl.outbound]) {
      expect(list.map((r) => [r.ruleNumber, r.action, r.protocolText, r.cidrText])).toStrictEqual([
        [100, 'allow', 'all', '0.0.0.0/0'],
        [32767, 'deny', 'all', '0.0.0.0/0'],
        [32767, 'deny', 'all', '::/0'],
      ]);
    }
    for (const s of net.subnets.values()) expect(s.nacl.id).toBe('vpc-a/acl-default');
  });

  it('with IPv6, the implicit default NACL also allows ::/0 (rule 101)', () => {
    const t = withoutResource(f4(), 'acl-def-6');
    const acl = compile(t, { diagnostics: [] }).nacls.get('vpc-6/acl-default')!;
    expect(acl.inbound.map((r) => [r.ruleNumber, r.action, r.cidrText])).toStrictEqual([
      [100, 'allow', '0.0.0.0/0'],
      [101, 'allow', '::/0'],
      [32767, 'deny', '0.0.0.0/0'],
      [32767, 'deny', '::/0'],
    ]);
  });

  it('an explicit default NACL is used; a custom NACL serves only its subnets', () => {
    const t = f1();
    t.networkAcls!.push({ id: 'acl-app', vpcId: 'vpc-a', subnetIds: ['sn-app-a'], inbound: [], outbound: [] });
    const net = compile(t, { diagnostics: [] });
    expect(net.nacls.has('vpc-a/acl-default')).toBe(false);
    expect(net.subnets.get('sn-app-a')!.nacl.id).toBe('acl-app');
    expect(net.subnets.get('sn-pub-a')!.nacl.id).toBe('acl-def');
  });

  it('NACL rules are sorted by number; the as-written lists keep document order', () => {
    const t = f1();
    networkAcl(t, 'acl-def').inbound = [
      { ruleNumber: 200, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' },
      { ruleNumber: 50, protocol: 'all', cidr: '10.0.0.0/16', action: 'deny' },
    ];
    const acl = compile(t, { diagnostics: [] }).nacls.get('acl-def')!;
    expect(acl.inbound.map((r) => r.ruleNumber)).toStrictEqual([50, 200, 32767, 32767]);
    expect(acl.inboundAsWritten.map((r) => r.ruleNumber)).toStrictEqual([200, 50, 32767, 32767]);
    expect(acl.inbound[1]!.ports).toStrictEqual({ from: 443, to: 443 });
  });
});

describe('local routes', () => {
  it('T-ADDR-02 (local routes): a secondary 100.64.0.0/16 gives a local route in rtb-pub, rtb-priv and rtb-main', () => {
    const t = f1();
    t.vpcs![0]!.cidrBlocks.push('100.64.0.0/16');
    const net = compile(t, { diagnostics: [] });
    for (const id of ['rtb-pub', 'rtb-priv', 'rtb-main']) {
      const rt = net.routeTables.get(id)!;
      const locals = rt.routes.filter((r) => r.target === 'local').map((r) => [r.destination, r.origin, r.implicit]);
      expect(locals, id).toStrictEqual([
        ['10.0.0.0/16', 'local', true],
        ['100.64.0.0/16', 'local', true],
      ]);
      expect(indexedLookups(net).lookupRoute(rt, parseIp('100.64.3.3')!)?.target).toBe('local');
    }
  });

  it('every VPC CIDR, IPv4 and IPv6, has a local route in every table', () => {
    expect(routesOf(f4(), 'rtb-6')).toStrictEqual([
      ['10.6.0.0/16', 'local', 'local'],
      ['2600:1f18:6:600::/56', 'local', 'local'],
      ['::/0', 'eigw-6', 'static'],
      ['0.0.0.0/0', 'igw-6', 'static'],
    ]);
  });

  it('an explicit 10.0.0.0/16 -> local route is the local route, not a second one', () => {
    const t = f1();
    routeTable(t, 'rtb-priv').routes.unshift({ destination: '10.0.0.0/16', target: 'local' });
    expect(routesOf(t, 'rtb-priv')).toStrictEqual([
      ['10.0.0.0/16', 'local', 'local'],
      ['0.0.0.0/0', 'nat-a', 'static'],
    ]);
  });

  it('a route to the VPC CIDR with another target replaces the local target (middlebox inspection)', () => {
    const t = f1();
    routeTable(t, 'rtb-priv').routes.push({ destination: '10.0.0.0/16', target: 'web' });
    const net = compile(t, { diagnostics: [] });
    const rt = net.routeTables.get('rtb-priv')!;
    expect(rt.routes.map((r) => [r.destination, r.target, r.origin, r.targetType])).toStrictEqual([
      ['10.0.0.0/16', 'web', 'static', 'instance'],
      ['0.0.0.0/0', 'nat-a', 'static', 'nat-gateway'],
    ]);
    expect(indexedLookups(net).lookupRoute(rt, parseIp('10.0.4.10')!)?.target).toBe('web');
    // Only this table changes: the other tables keep their local route.
    expect(routesOf(t, 'rtb-pub')[0]).toStrictEqual(['10.0.0.0/16', 'local', 'local']);
  });

  it('a route to an id that names nothing is a blackhole; a route to a deleted NAT gateway too', () => {
    const t = f1();
    routeTable(t, 'rtb-priv').routes.push({ destination: '93.184.0.0/16', target: 'nat-gone' });
    t.natGateways![0]!.state = 'deleted';
    const rt = compile(t, { diagnostics: [] }).routeTables.get('rtb-priv')!;
    expect(rt.routes.map((r) => [r.destination, r.targetType, r.state])).toStrictEqual([
      ['10.0.0.0/16', 'local', 'active'],
      ['0.0.0.0/0', 'nat-gateway', 'blackhole'],
      ['93.184.0.0/16', 'unknown', 'blackhole'],
    ]);
  });
});

describe('default security-group egress', () => {
  it("omitted outbound means AWS's default: all traffic to 0.0.0.0/0, implicit", () => {
    const t = f1();
    delete securityGroup(t, 'sg-app').outbound;
    const sg = compile(t, { diagnostics: [] }).securityGroups.get('sg-app')!;
    expect(sg.outbound.map((r) => [r.peerText, r.protocolText, r.index, r.implicit])).toStrictEqual([
      ['0.0.0.0/0', 'all', -1, true],
    ]);
  });

  it('with IPv6 the default egress also allows ::/0', () => {
    const t = f4();
    delete securityGroup(t, 'sg-6').outbound;
    const sg = compile(t, { diagnostics: [] }).securityGroups.get('sg-6')!;
    expect(sg.outbound.map((r) => [r.peerText, r.implicit])).toStrictEqual([
      ['0.0.0.0/0', true],
      ['::/0', true],
    ]);
  });

  it('outbound: [] means no rules; omitted inbound means no rules', () => {
    const t = f1();
    securityGroup(t, 'sg-app').outbound = [];
    delete securityGroup(t, 'sg-app').inbound;
    const sg = compile(t, { diagnostics: [] }).securityGroups.get('sg-app')!;
    expect(sg.outbound).toStrictEqual([]);
    expect(sg.inbound).toStrictEqual([]);
  });

  it('peers are told apart: CIDR, security group, prefix list', () => {
    const t = f1();
    securityGroup(t, 'sg-app').inbound = [
      { protocol: 'tcp', ports: '443', source: 'sg-web' },
      { protocol: 'tcp', ports: '443', source: 'pl-s3' },
      { protocol: 'tcp', ports: '443', source: '10.0.0.0/16' },
    ];
    const sg = compile(t, { diagnostics: [] }).securityGroups.get('sg-app')!;
    expect(sg.inbound.map((r) => r.peer.kind)).toStrictEqual(['sg', 'prefix-list', 'cidr']);
    expect(sg.inbound.map((r) => r.index)).toStrictEqual([0, 1, 2]);
  });
});

describe('memoization and purity', () => {
  it('compile is memoized on the identity of the topology', () => {
    const t = f1();
    const net = compile(t);
    expect(compile(t) === net).toBe(true);
    expect(compile(structuredClone(t)) === net).toBe(false);
    expect(net.topology === t).toBe(true);
  });

  it('never mutates its input: a deep-frozen topology compiles and stays equal to a fresh copy', () => {
    const t = f1();
    t.vpcs![0]!.cidrBlocks.push('100.64.0.0/16');
    routeTable(t, 'rtb-priv').routes.push(
      { destination: '10.0.0.0/16', target: 'web' },
      { destination: 'pl-s3', target: 'nat-a' },
    );
    delete securityGroup(t, 'sg-app').outbound;
    t.vpcEndpoints = [{ id: 'vpce-s3', vpcId: 'vpc-a', type: 'gateway', service: 's3', routeTableIds: ['rtb-priv'] }];
    const copy = structuredClone(t);
    const before = JSON.stringify(t);
    deepFreeze(t);
    const validated = compile(t);
    const engineOnly = compile(t, { diagnostics: [] });
    expect(validated.routeTables.size).toBe(engineOnly.routeTables.size);
    expect(JSON.stringify(t)).toBe(before);
    expect(t).toStrictEqual(copy);
  });

  it('the same topology compiles to the same structures every time', () => {
    const a = compile(f1(), { diagnostics: [] });
    const b = compile(f1(), { diagnostics: [] });
    const shape = (n: typeof a): unknown =>
      [...n.routeTables.values()].map((rt) => [
        rt.id,
        rt.routes.map((r) => [r.destination, r.target, r.rank, r.state]),
      ]);
    expect(shape(b)).toStrictEqual(shape(a));
    expect([...b.vpcs.get('vpc-a')!.devices4.keys()]).toStrictEqual([...a.vpcs.get('vpc-a')!.devices4.keys()]);
  });
});
