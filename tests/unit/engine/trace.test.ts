// The tracer beyond the worked tests: query resolution and its errors, verdicts other than REACHABLE and
// BLOCKED, configuration diagnostics on the path, one-way queries, client port ranges, loops and states.
import { describe, expect, it } from 'vitest';
import { compile, runCheck, trace, type TraceQuery, type TraceResult } from '../../../src/engine/index.ts';
import type { Topology } from '../../../src/model/index.ts';
import { f1, instance, INTERNET_SERVER, withRoute } from './fixtures/index.ts';

function traceOk(t: Topology, q: TraceQuery): TraceResult {
  const r = trace(compile(t), q);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function queryError(t: Topology, q: TraceQuery): string {
  const r = trace(compile(t), q);
  if (r.ok) throw new Error(`expected a query error, got ${r.value.verdict}`);
  expect(r.error.severity).toBe('fatal');
  return r.error.code;
}

const primary = (r: TraceResult) => r.explanations.find((e) => e.blocking);

describe('query resolution', () => {
  it.each<[string, TraceQuery, string]>([
    ['an unknown source id', { from: 'i-nope', to: 'web', port: 443 }, 'QUERY_UNKNOWN_ENDPOINT'],
    ['an unknown destination id', { from: 'web', to: 'nope', port: 443 }, 'QUERY_UNKNOWN_ENDPOINT'],
    ['a NAT gateway as an end', { from: 'nat-a', to: 'web', port: 443 }, 'QUERY_UNKNOWN_ENDPOINT'],
    ['a source address no interface holds', { from: '10.0.2.99', to: 'web', port: 443 }, 'QUERY_UNKNOWN_ENDPOINT'],
    ['tcp without a port', { from: 'web', to: 'app1' }, 'QUERY_PORT_REQUIRED'],
    ['a port out of range', { from: 'web', to: 'app1', port: 70000 }, 'QUERY_PORT_RANGE'],
    ['a fractional port', { from: 'web', to: 'app1', port: 44.5 }, 'QUERY_PORT_RANGE'],
    ['an unknown protocol', { from: 'web', to: 'app1', protocol: 'sctp', port: 1 }, 'QUERY_PROTOCOL'],
    ['a protocol number above 255', { from: 'web', to: 'app1', protocol: '300' }, 'QUERY_PROTOCOL'],
    ['ends of different families', { from: '203.0.113.50', to: '2001:db8::1', port: 443 }, 'QUERY_FAMILY'],
    ['an IPv4 literal in an IPv6 query', { from: 'web', to: '93.184.216.34', port: 443, family: 6 }, 'QUERY_FAMILY'],
    ['both ends on the internet', { from: 'internet', to: INTERNET_SERVER, port: 443 }, 'QUERY_NO_VPC_ON_PATH'],
    ['the same interface twice', { from: 'web', to: 'eni-web', port: 443 }, 'QUERY_SAME_ENDPOINT'],
    ['an empty source', { from: '', to: 'web', port: 443 }, 'QUERY_MISSING_ENDPOINT'],
    ['a hostile id', { from: '__proto__', to: 'constructor', port: 443 }, 'QUERY_UNKNOWN_ENDPOINT'],
  ])('%s is a query error, not a trace', (_name, q, code) => {
    expect(queryError(f1(), q)).toBe(code);
  });

  it('resolves instance, interface, address and internet ends to the addresses of format.md section 3', () => {
    const t = f1();
    expect(traceOk(t, { from: 'web', to: 'app1', port: 443 }).query).toMatchObject({
      sourceAddress: '10.0.1.10',
      destinationAddress: '10.0.2.10',
      sourcePorts: [{ from: 32768, to: 60999 }],
    });
    // From the internet an instance is aimed at by its public address.
    expect(traceOk(t, { from: 'internet', to: 'web', port: 443 }).query).toMatchObject({
      sourceAddress: '198.51.100.10',
      destinationAddress: '54.1.1.10',
      sourcePorts: [{ from: 1024, to: 65535 }],
    });
    // An interface id and an address literal of the same interface give the same path.
    const byIp = traceOk(t, { from: '10.0.1.10', to: '10.0.2.10', port: 443 });
    const byEni = traceOk(t, { from: 'eni-web', to: 'eni-app1', port: 443 });
    expect(byIp.forward.map((c) => c.component.id)).toEqual(byEni.forward.map((c) => c.component.id));
    expect(byIp.verdict).toBe('REACHABLE');
  });

  it('uses external hosts by id and s3 by its representative address', () => {
    const t: Topology = { ...f1(), externalHosts: [{ id: 'home-pc', ip: '203.0.113.7' }] };
    expect(traceOk(t, { from: 'home-pc', to: 'web', port: 443 }).forward[0]?.component).toMatchObject({
      id: 'home-pc',
      type: 'external-host',
    });
    const s3 = traceOk(t, { from: 'app1', to: 's3', port: 443 });
    expect(s3.verdict).toBe('REACHABLE');
    expect(s3.query.destinationAddress).toBe('52.216.10.10');
  });

  it('gives a Windows client its own ephemeral range, and a fixed source port when asked', () => {
    const t = f1();
    instance(t, 'web').os = 'windows';
    expect(traceOk(t, { from: 'web', to: 'app1', port: 443 }).query.sourcePorts).toEqual([{ from: 49152, to: 65535 }]);
    expect(traceOk(t, { from: 'web', to: 'app1', port: 443, sourcePort: 40000 }).query.sourcePorts).toEqual([
      { from: 40000, to: 40000 },
    ]);
  });
});

describe('verdicts and states', () => {
  it('a one-way query walks the request only', () => {
    const r = traceOk(f1(), { from: 'web', to: 'app1', port: 443, oneWay: true });
    expect(r.verdict).toBe('REACHABLE');
    expect(r.return).toEqual([]);
    expect(r.query.oneWay).toBe(true);
  });

  it('an IPv6 query from an instance without IPv6 is BLOCKED with SIM_NO_ADDRESS_FOR_FAMILY', () => {
    const r = traceOk(f1(), { from: 'web', to: 'internet', port: 443, family: 6 });
    expect(r.verdict).toBe('BLOCKED');
    expect(primary(r)).toMatchObject({ code: 'SIM_NO_ADDRESS_FOR_FAMILY', componentId: 'web' });
  });

  it('a stopped instance neither answers nor forwards (SIM_INSTANCE_NOT_RUNNING)', () => {
    const t = f1();
    instance(t, 'app1').state = 'stopped';
    const r = traceOk(t, { from: 'web', to: 'app1', port: 443 });
    expect(r.verdict).toBe('BLOCKED');
    expect(primary(r)).toMatchObject({
      code: 'SIM_INSTANCE_NOT_RUNNING',
      componentId: 'app1',
      pathDirection: 'forward',
    });
  });

  it('a route to a transit gateway the VPC has no attachment to is a blackhole', () => {
    const t = withRoute({ ...f1(), transitGateways: [{ id: 'tgw-1' }] }, 'rtb-priv', '10.1.0.0/16', 'tgw-1');
    const r = traceOk(t, { from: 'app1', to: '10.1.1.10', port: 443 });
    // AWS would refuse the route too, so the configuration error leads; the blackhole is where it stops.
    expect(r.verdict).toBe('INVALID_CONFIG');
    expect(r.explanations.map((e) => [e.code, e.componentId])).toContainEqual(['BAD_STATE_ROUTE', 'rtb-priv']);
  });

  it('a path across peered transit gateways follows the static routes on each side (semantics.md 9.4)', () => {
    const t = withRoute(
      {
        ...f1(),
        transitGateways: [{ id: 'tgw-1', securityGroupReferencingSupport: true }, { id: 'tgw-2' }],
        transitGatewayAttachments: [
          { id: 'att-a', transitGatewayId: 'tgw-1', type: 'vpc', vpcId: 'vpc-a', subnetIds: ['sn-app-a'] },
          { id: 'att-b', transitGatewayId: 'tgw-2', type: 'vpc', vpcId: 'vpc-b', subnetIds: ['sn-b'] },
          { id: 'att-peer', transitGatewayId: 'tgw-1', type: 'peering', peerTransitGatewayId: 'tgw-2' },
        ],
        transitGatewayRouteTables: [
          {
            id: 'tgw1-rtb',
            transitGatewayId: 'tgw-1',
            associations: ['att-a', 'att-peer'],
            propagations: ['att-a'],
            routes: [{ destination: '10.1.0.0/16', attachmentId: 'att-peer' }],
          },
          {
            id: 'tgw2-rtb',
            transitGatewayId: 'tgw-2',
            associations: ['att-b', 'att-peer'],
            propagations: ['att-b'],
            routes: [{ destination: '10.0.0.0/16', attachmentId: 'att-peer' }],
          },
        ],
      },
      'rtb-priv',
      '10.1.0.0/16',
      'tgw-1',
    );
    t.vpcs!.push({ id: 'vpc-b', region: 'us-west-2', cidrBlocks: ['10.1.0.0/16'] });
    t.subnets!.push({ id: 'sn-b', vpcId: 'vpc-b', availabilityZone: 'us-west-2a', cidrBlock: '10.1.1.0/24' });
    t.routeTables!.push({
      id: 'rtb-b',
      vpcId: 'vpc-b',
      main: true,
      routes: [{ destination: '10.0.0.0/8', target: 'tgw-2' }],
    });
    t.securityGroups!.push({
      id: 'sg-b',
      vpcId: 'vpc-b',
      inbound: [{ protocol: 'tcp', ports: '443', source: '10.0.0.0/16' }],
    });
    t.instances!.push({ id: 'b1', subnetId: 'sn-b', privateIp: '10.1.1.10', securityGroupIds: ['sg-b'] });
    expect(compile(t).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const r = traceOk(t, { from: 'app1', to: 'b1', port: 443 });
    expect(r.verdict).toBe('REACHABLE');
    const ids = (path: typeof r.forward) => path.map((c) => c.component.id);
    expect(ids(r.forward)).toEqual(expect.arrayContaining(['att-a', 'tgw1-rtb', 'att-peer', 'tgw2-rtb', 'att-b']));
    expect(ids(r.return)).toEqual(expect.arrayContaining(['att-b', 'tgw2-rtb', 'att-peer', 'tgw1-rtb', 'att-a']));
    // Security-group references never cross a transit gateway peering, whatever the referencing flag says.
    // (A new topology object: compile is memoized on the object's identity, documents are never edited in place.)
    const byRef = structuredClone(t);
    byRef.securityGroups!.find((g) => g.id === 'sg-b')!.inbound = [{ protocol: 'tcp', ports: '443', source: 'sg-app' }];
    expect(primary(traceOk(byRef, { from: 'app1', to: 'b1', port: 443 }))).toMatchObject({
      code: 'ENI_SG_RULES_MISMATCH',
      componentId: 'b1/eth0',
    });
  });

  it("reaching another instance's public address from a VPC is UNSUPPORTED (IGW hairpin)", () => {
    const r = traceOk(f1(), { from: 'app1', to: 'web', toAddress: 'public', port: 443 });
    expect(r.verdict).toBe('UNSUPPORTED');
    expect(primary(r)?.code).toBe('SIM_UNSUPPORTED_IGW_HAIRPIN');
  });

  it('routes that send a packet back and forth end in SIM_ROUTING_LOOP', () => {
    // The NAT gateway's own subnet sends the internet back to the NAT gateway.
    const t = f1();
    const rtbPub = t.routeTables!.find((r) => r.id === 'rtb-pub')!;
    rtbPub.routes = [{ destination: '0.0.0.0/0', target: 'nat-a' }];
    const r = traceOk(t, { from: 'app1', to: INTERNET_SERVER, port: 443 });
    expect(r.verdict).toBe('BLOCKED');
    expect(r.explanations.map((e) => e.code)).toContain('SIM_ROUTING_LOOP');
  });

  it('a destination inside the VPC that no interface holds is SIM_NO_INTERFACE_AT_DESTINATION_IP', () => {
    const r = traceOk(f1(), { from: 'web', to: '10.0.3.77', port: 443 });
    expect(primary(r)).toMatchObject({ code: 'SIM_NO_INTERFACE_AT_DESTINATION_IP', componentId: 'vpc-a' });
  });

  it('every blocker is listed in path order, and later components are marked what-if', () => {
    const t = f1();
    t.securityGroups!.find((g) => g.id === 'sg-web')!.outbound = [];
    t.securityGroups!.find((g) => g.id === 'sg-app')!.inbound = [];
    const r = traceOk(t, { from: 'web', to: 'app1', port: 443 });
    expect(r.explanations.filter((e) => e.blocking).map((e) => [e.code, e.componentId, e.direction])).toEqual([
      ['SG_HAS_NO_RULES', 'eni-web', 'egress'],
      ['SG_HAS_NO_RULES', 'eni-app1', 'ingress'],
    ]);
    const firstBlock = r.forward.findIndex((c) => c.action === 'deny');
    expect(r.forward.slice(0, firstBlock + 1).every((c) => c.whatIf === undefined)).toBe(true);
    expect(r.forward.slice(firstBlock + 1).every((c) => c.whatIf === true)).toBe(true);
  });
});

describe('configuration diagnostics on the path', () => {
  it('a path through a resource AWS would reject ends INVALID_CONFIG, with the diagnostic in warnings', () => {
    const t = f1();
    instance(t, 'app1').privateIp = '10.0.2.3'; // a reserved address of sn-app-a
    const r = traceOk(t, { from: 'web', to: 'app1', port: 443 });
    expect(r.verdict).toBe('INVALID_CONFIG');
    expect(primary(r)).toMatchObject({ code: 'SIM_INVALID_CONFIG_ON_PATH', componentId: 'app1' });
    expect(r.warnings.map((d) => d.code)).toContain('CFG_IP_RESERVED');
  });

  it('a diagnostic on a route the path does not use does not touch the verdict', () => {
    // A duplicate destination in rtb-priv; web -> app1 uses rtb-pub's local route only.
    const t = f1();
    t.routeTables!.find((rt) => rt.id === 'rtb-priv')!.routes.push(
      { destination: '192.0.2.0/24', target: 'nat-a' },
      { destination: '192.0.2.0/24', target: 'nat-a' },
    );
    expect(compile(t).diagnostics.map((d) => d.code)).toContain('CFG_ROUTE_DUPLICATE_DESTINATION');
    const r = traceOk(t, { from: 'web', to: 'app1', port: 443 });
    expect(r.verdict).toBe('REACHABLE');
    expect(r.warnings).toEqual([]);
    // The reply does pass rtb-priv, but only its local route decides.
    expect(r.return.map((c) => c.component.id)).toContain('rtb-priv');
  });

  it('runCheck compares the verdict and the primary blocker with the check', () => {
    const net = compile(f1());
    const pass = runCheck(net, {
      name: 'db refuses 443',
      from: 'app1',
      to: 'db',
      port: 443,
      expect: 'BLOCKED',
      blockedAt: 'eni-db',
      code: 'ENI_SG_RULES_MISMATCH',
      direction: 'forward',
    });
    expect(pass.passed).toBe(true);
    const fail = runCheck(net, {
      name: 'wrong place',
      from: 'app1',
      to: 'db',
      port: 443,
      expect: 'BLOCKED',
      blockedAt: 'sg-db',
    });
    expect(fail.passed).toBe(false);
    expect(fail.mismatch).toContain('sg-db');
    const bad = runCheck(net, { name: 'unknown end', from: 'app1', to: 'nope', port: 443, expect: 'REACHABLE' });
    expect(bad).toMatchObject({ passed: false, error: { code: 'QUERY_UNKNOWN_ENDPOINT' } });
  });
});
