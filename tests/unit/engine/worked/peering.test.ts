// Worked tests of semantics.md section 8 (VPC peering), pipeline 12.3 and the peering cases of
// sections 2, 4, 6 and 11 (T-RT-01, T-SG-06, T-NAT-05, T-RET-02), on F2.
import { describe, expect, it } from 'vitest';
import { validateTopology } from '../../../../src/model/index.ts';
import type { Topology } from '../../../../src/model/index.ts';
import { addSgInbound, f2, INTERNET_SERVER, setSgInbound, withoutRoute, withRoute } from '../fixtures/index.ts';
import {
  component,
  components,
  expectBlocked,
  expectInOrder,
  expectReachable,
  ids,
  LINUX_EPHEMERAL,
  NAT_PORTS,
  primaryBlocker,
  run,
  translations,
} from './trace-helpers.ts';

const APP1_TO_PEER1 = { from: 'app1', to: 'peer1', protocol: 'tcp', port: 443 } as const;

/** Which pcx joins which VPCs, by id (the model keeps peerings in one array). */
function peering(t: Topology, id: string) {
  const found = t.vpcPeeringConnections?.find((p) => p.id === id);
  if (!found) throw new Error(`fixture has no peering connection ${id}`);
  return found;
}

function vpc(t: Topology, id: string) {
  const found = t.vpcs?.find((v) => v.id === id);
  if (!found) throw new Error(`fixture has no VPC ${id}`);
  return found;
}

const errorCodes = (t: Topology): string[] =>
  validateTopology(t)
    .filter((d) => d.severity === 'error')
    .map((d) => d.code);

describe('F2 itself', () => {
  it('F2 is a configuration AWS accepts (no error diagnostics), so no trace on it is INVALID_CONFIG', () => {
    expect(errorCodes(f2())).toEqual([]);
  });
});

describe('semantics.md 8 and 12.3: peered VPCs', () => {
  it('T-PCX-01: app1 -> peer1 tcp/443 is REACHABLE over pcx-ab; the reply uses rtb-b (10.0.0.0/16->pcx-ab)', () => {
    const r = run(f2(), APP1_TO_PEER1);
    expectReachable(r);

    expectInOrder(ids(r.forward), [
      'eni-app1',
      'sg-app',
      'acl-def',
      'rtb-priv',
      'pcx-ab',
      'acl-def-b',
      'sg-peer',
      'eni-peer1',
    ]);
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      routeTableId: 'rtb-priv',
      destination: '10.1.0.0/16',
      target: 'pcx-ab',
      targetType: 'vpc-peering-connection',
      state: 'active',
    });
    expect(component(r.forward, 'pcx-ab').component.type).toBe('vpc-peering-connection');
    expect(component(r.forward, 'acl-def-b').trafficDirection).toBe('ingress');
    const sgPeer = component(r.forward, 'sg-peer');
    expect(sgPeer.trafficDirection).toBe('ingress');
    expect(sgPeer.securityGroupRule).toMatchObject({ sgId: 'sg-peer', peer: '10.0.0.0/16' });
    // Peering translates nothing: the packet reaches peer1 with app1's own address.
    expect(translations(r.forward)).toEqual([]);

    expectInOrder(ids(r.return), [
      'eni-peer1',
      'sg-peer',
      'acl-def-b',
      'rtb-b',
      'pcx-ab',
      'acl-def',
      'sg-app',
      'eni-app1',
    ]);
    expect(component(r.return, 'rtb-b').routeTableRoute).toMatchObject({
      routeTableId: 'rtb-b',
      destination: '10.0.0.0/16',
      target: 'pcx-ab',
    });
    expect(component(r.return, 'sg-peer').securityGroupRule).toMatchObject({ viaConntrack: true });
    expect(component(r.return, 'sg-app').securityGroupRule).toMatchObject({ viaConntrack: true });
    expect(components(r.return, 'acl-def-b').map((c) => c.trafficDirection)).toEqual(['egress']);
    expect(components(r.return, 'acl-def').map((c) => c.trafficDirection)).toEqual(['ingress']);
  });

  it('T-PCX-02: without 10.0.0.0/16->pcx-ab in rtb-b the reply has no route (NO_ROUTE_TO_DESTINATION at rtb-b, return)', () => {
    const t = withoutRoute(f2(), 'rtb-b', '10.0.0.0/16');
    const r = run(t, APP1_TO_PEER1);
    expectBlocked(r, {
      code: 'NO_ROUTE_TO_DESTINATION',
      componentId: 'rtb-b',
      componentType: 'route-table',
      pathDirection: 'return',
    });
    // The request itself gets through.
    expectInOrder(ids(r.forward), ['rtb-priv', 'pcx-ab', 'sg-peer', 'eni-peer1']);
    expect(r.forward.some((c) => c.whatIf === true)).toBe(false);
  });

  it('T-PCX-03: 10.2.0.0/16->pcx-ab in rtb-priv does not make vpc-c reachable (PCX_REQUIRES_ADDRESS_IN_VPC_CIDR at pcx-ab)', () => {
    const t = withRoute(f2(), 'rtb-priv', '10.2.0.0/16', 'pcx-ab');
    const r = run(t, { from: 'app1', to: 'c1', protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      componentId: 'pcx-ab',
      componentType: 'vpc-peering-connection',
      pathDirection: 'forward',
    });
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '10.2.0.0/16',
      target: 'pcx-ab',
    });
    // No transitive peering: the packet is never handed to pcx-bc or delivered into vpc-c.
    expect(ids(r.forward)).not.toContain('pcx-bc');
    expect(r.forward.filter((c) => c.whatIf !== true).map((c) => c.component.id)).not.toContain('eni-c1');
  });

  it('T-PCX-03: without that route, rtb-priv sends app1 -> c1 to nat-a, and igw-a drops the RFC 1918 destination', () => {
    const r = run(f2(), { from: 'app1', to: 'c1', protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS',
      componentId: 'igw-a',
      componentType: 'internet-gateway',
      pathDirection: 'forward',
    });
    expectInOrder(ids(r.forward), ['eni-app1', 'rtb-priv', 'nat-a', 'rtb-pub', 'igw-a']);
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'nat-a',
    });
    expect(component(r.forward, 'rtb-pub').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'igw-a',
    });
    expect(ids(r.forward)).not.toContain('pcx-ab');
    expect(ids(r.forward)).not.toContain('pcx-bc');
    // The summary: vpc-a and vpc-c share no peering and no transit gateway.
    const summary = r.explanations.find((e) => e.code === 'DISCONNECTED_VPCS');
    expect(summary).toMatchObject({ componentId: 'vpc-c', componentType: 'vpc', blocking: false });
    expect(r.explanations[0]?.code).toBe('IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS');
  });

  it('DISCONNECTED_VPCS is not reported between peered VPCs, however the trace ends', () => {
    const r = run(withoutRoute(f2(), 'rtb-b', '10.0.0.0/16'), APP1_TO_PEER1);
    expect(r.verdict).toBe('BLOCKED');
    expect(r.explanations.map((e) => e.code)).not.toContain('DISCONNECTED_VPCS');
  });

  it('T-PCX-04: pcx-ab in pending-acceptance carries no traffic (BAD_STATE at pcx-ab)', () => {
    const t = f2();
    peering(t, 'pcx-ab').status = 'pending-acceptance';
    const r = run(t, APP1_TO_PEER1);
    expectBlocked(r, {
      code: 'BAD_STATE',
      componentId: 'pcx-ab',
      componentType: 'vpc-peering-connection',
      pathDirection: 'forward',
    });
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '10.1.0.0/16',
      target: 'pcx-ab',
    });
  });

  it('T-PCX-05: a peering between vpc-a (10.0.0.0/16) and a VPC with 10.0.128.0/17 is CFG_PEERING_CIDR_OVERLAP (error)', () => {
    const t = f2();
    t.vpcs = [...(t.vpcs ?? []), { id: 'vpc-o', region: 'us-east-1', cidrBlocks: ['10.0.128.0/17'] }];
    t.vpcPeeringConnections = [
      ...(t.vpcPeeringConnections ?? []),
      { id: 'pcx-ao', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-o', status: 'active' },
    ];
    const found = validateTopology(t).filter((d) => d.code === 'CFG_PEERING_CIDR_OVERLAP');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', resourceId: 'pcx-ao' });
  });
});

describe('semantics.md 2.3: route selection across a peering', () => {
  it('T-RT-01: app1 -> peer1 is REACHABLE because 10.1.0.0/16->pcx-ab beats 0.0.0.0/0->nat-a on prefix length', () => {
    const r = run(f2(), APP1_TO_PEER1);
    expectReachable(r);
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '10.1.0.0/16',
      target: 'pcx-ab',
    });
    expect(ids(r.forward)).not.toContain('nat-a');
    expect(ids(r.forward)).not.toContain('igw-a');
  });
});

describe('semantics.md 4.2: security-group references across a peering', () => {
  const referencingSgApp = (t: Topology): Topology =>
    setSgInbound(t, 'sg-peer', [{ protocol: 'tcp', ports: '443', source: 'sg-app' }]);

  it('T-SG-06: sg-peer allowing tcp/443 from sg-app (vpc-a) matches app1 over the same-Region pcx-ab (REACHABLE)', () => {
    const t = referencingSgApp(f2());
    expect(errorCodes(t)).toEqual([]);
    const r = run(t, APP1_TO_PEER1);
    expectReachable(r);
    expect(component(r.forward, 'sg-peer', 'ingress').securityGroupRule).toMatchObject({
      sgId: 'sg-peer',
      peer: 'sg-app',
    });
  });

  it('T-SG-06: with vpc-b in another Region the reference is CFG_SG_REF_CROSS_REGION, and the trace is not REACHABLE', () => {
    const t = referencingSgApp(f2());
    vpc(t, 'vpc-b').region = 'us-west-2';
    // Keep the subnet's AZ in the VPC's Region, so the only configuration error is the one under test.
    const snB1 = t.subnets?.find((s) => s.id === 'sn-b1');
    if (!snB1) throw new Error('no sn-b1');
    snB1.availabilityZone = 'us-west-2a';

    const cross = validateTopology(t).filter((d) => d.code === 'CFG_SG_REF_CROSS_REGION');
    expect(cross.length).toBeGreaterThan(0);
    expect(cross[0]).toMatchObject({ severity: 'error', resourceId: 'sg-peer' });

    // "If it is forced through, the trace gives ENI_SG_RULES_MISMATCH"; an engine that refuses the
    // configuration on the path (INVALID_CONFIG) is faithful too.
    const r = run(t, APP1_TO_PEER1);
    expect([
      { verdict: 'BLOCKED', code: 'ENI_SG_RULES_MISMATCH' },
      { verdict: 'INVALID_CONFIG', code: 'SIM_INVALID_CONFIG_ON_PATH' },
    ]).toContainEqual({ verdict: r.verdict, code: primaryBlocker(r)?.code });
    // Wherever the mismatch is reported (as the primary blocker or after the configuration error), it
    // is peer1's ingress on the request: the cross-Region reference matches nothing.
    const mismatches = r.explanations
      .filter((e) => e.code === 'ENI_SG_RULES_MISMATCH')
      .map((e) => `${e.componentId} ${String(e.direction)} ${e.pathDirection}`);
    expect(new Set(mismatches)).toEqual(new Set(mismatches.length > 0 ? ['eni-peer1 ingress forward'] : []));
  });
});

describe('semantics.md 6.2 rules 6 and 12: NAT gateways and peering', () => {
  it('T-NAT-05: peer1 -> internet via 0.0.0.0/0->pcx-ab is BLOCKED at pcx-ab (PCX_REQUIRES_ADDRESS_IN_VPC_CIDR): no edge-to-edge routing', () => {
    const t = withRoute(f2(), 'rtb-b', '0.0.0.0/0', 'pcx-ab');
    const r = run(t, { from: 'peer1', to: INTERNET_SERVER, protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      componentId: 'pcx-ab',
      componentType: 'vpc-peering-connection',
      pathDirection: 'forward',
    });
    expect(component(r.forward, 'rtb-b').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'pcx-ab',
    });
    // Nothing of vpc-a's edge is used for real: not its NAT gateway, not its internet gateway.
    const real = r.forward.filter((c) => c.whatIf !== true).map((c) => c.component.id);
    expect(real).not.toContain('nat-a');
    expect(real).not.toContain('igw-a');
  });

  it('6.2 rule 12: app1 -> peer1 through nat-a then pcx-ab is REACHABLE though vpc-b has no route back ("return to sender")', () => {
    const t = f2();
    withRoute(t, 'rtb-pub', '10.1.0.0/16', 'pcx-ab');
    withRoute(t, 'rtb-priv', '10.1.0.0/16', 'nat-a');
    withoutRoute(t, 'rtb-b', '10.0.0.0/16');
    const r = run(t, APP1_TO_PEER1);
    expectReachable(r);

    expectInOrder(ids(r.forward), ['eni-app1', 'rtb-priv', 'nat-a', 'rtb-pub', 'pcx-ab', 'sg-peer', 'eni-peer1']);
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '10.1.0.0/16',
      target: 'nat-a',
    });
    expect(component(r.forward, 'rtb-pub').routeTableRoute).toMatchObject({
      destination: '10.1.0.0/16',
      target: 'pcx-ab',
    });
    const nat = component(r.forward, 'nat-a');
    expect(nat.inboundHeader).toMatchObject({ src: ['10.0.2.10'], dst: ['10.1.1.10'], sport: [LINUX_EPHEMERAL] });
    expect(nat.outboundHeader).toMatchObject({ src: ['10.0.1.5'], dst: ['10.1.1.10'], sport: [NAT_PORTS] });
    // The translated source is what sg-peer sees; 10.0.1.5 is inside 10.0.0.0/16.
    expect(component(r.forward, 'sg-peer', 'ingress').securityGroupRule).toMatchObject({ peer: '10.0.0.0/16' });
    expect(ids(r.forward)).not.toContain('igw-a');

    // The reply goes back over pcx-ab to the NAT gateway that made the translation, then to app1.
    expectInOrder(ids(r.return), ['eni-peer1', 'rtb-b', 'pcx-ab', 'nat-a', 'eni-app1']);
    // rtb-b holds no route to 10.0.1.5; the path says why the reply still goes out over pcx-ab.
    expect(component(r.return, 'rtb-b').additionalDetails).toContain('NGW_RETURN_TO_SENDER');
    expect(component(r.return, 'nat-a').outboundHeader).toMatchObject({
      dst: ['10.0.2.10'],
      dport: [LINUX_EPHEMERAL],
    });
  });
});

/** T-RET-02's topology: F2 plus vpc-d, which reuses vpc-b's 10.1.0.0/16 and is peered with vpc-a through pcx-ad. */
function f2WithVpcD(): Topology {
  const t = f2();
  t.vpcs = [...(t.vpcs ?? []), { id: 'vpc-d', region: 'us-east-1', cidrBlocks: ['10.1.0.0/16'] }];
  t.subnets = [
    ...(t.subnets ?? []),
    { id: 'sn-d1', vpcId: 'vpc-d', availabilityZone: 'us-east-1a', cidrBlock: '10.1.1.0/24' },
  ];
  t.vpcPeeringConnections = [
    ...(t.vpcPeeringConnections ?? []),
    { id: 'pcx-ad', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-d', status: 'active' },
  ];
  t.routeTables = [
    ...(t.routeTables ?? []),
    { id: 'rtb-d', vpcId: 'vpc-d', subnetIds: ['sn-d1'], routes: [{ destination: '10.0.0.0/16', target: 'pcx-ad' }] },
  ];
  t.networkAcls = [
    ...(t.networkAcls ?? []),
    {
      id: 'acl-def-d',
      vpcId: 'vpc-d',
      default: true,
      inbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    },
  ];
  t.securityGroups = [
    ...(t.securityGroups ?? []),
    {
      id: 'sg-d',
      vpcId: 'vpc-d',
      inbound: [{ protocol: 'tcp', ports: '443', source: '10.0.0.0/16' }],
      outbound: [{ protocol: 'all', destination: '0.0.0.0/0' }],
    },
  ];
  t.instances = [
    ...(t.instances ?? []),
    {
      id: 'd1',
      primaryInterfaceId: 'eni-d1',
      subnetId: 'sn-d1',
      privateIp: '10.1.1.10',
      securityGroupIds: ['sg-d'],
      os: 'linux',
    },
  ];
  withRoute(t, 'rtb-priv', '10.1.0.0/16', 'pcx-ad');
  addSgInbound(t, 'sg-app', { protocol: 'tcp', ports: '443', source: '10.1.0.0/16' });
  return t;
}

describe('semantics.md 8.1 rule 7 and 11.5: no reverse-path forwarding over peering', () => {
  it('T-RET-02: vpc-d (same CIDR as vpc-b, peered with vpc-a only) is a legal configuration', () => {
    expect(errorCodes(f2WithVpcD())).toEqual([]);
  });

  it('T-RET-02: peer1 -> app1 arrives over pcx-ab, but the reply is routed to pcx-ad (SIM_ASYMMETRIC_RETURN, return)', () => {
    const r = run(f2WithVpcD(), { from: 'peer1', to: 'app1', protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'SIM_ASYMMETRIC_RETURN',
      componentId: 'pcx-ad',
      pathDirection: 'return',
    });
    expectInOrder(ids(r.forward), ['eni-peer1', 'rtb-b', 'pcx-ab', 'acl-def', 'sg-app', 'eni-app1']);
    expect(component(r.forward, 'sg-app', 'ingress').securityGroupRule).toMatchObject({ peer: '10.1.0.0/16' });
    expect(r.forward.some((c) => c.whatIf === true)).toBe(false);
    expect(component(r.return, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '10.1.0.0/16',
      target: 'pcx-ad',
    });
  });
});
