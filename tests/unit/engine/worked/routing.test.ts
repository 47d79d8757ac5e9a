// Worked tests of semantics.md section 2 (VPC route tables, ENI targets, gateway route tables) on F1.
import { describe, expect, it } from 'vitest';
import {
  f1,
  INTERNET_CLIENT,
  INTERNET_SERVER,
  natGateway,
  setSgInbound,
  withInstance,
  withNetworkInterface,
  withoutResource,
  withoutRoute,
  withRoute,
  withRouteTable,
  withSecurityGroup,
  withSubnet,
} from '../fixtures/index.ts';
import type { Topology } from '../../../../src/model/index.ts';
import {
  component,
  componentTypes,
  expectBlocked,
  expectInOrder,
  expectReachable,
  ids,
  primaryBlocker,
  run,
} from './trace-helpers.ts';

const TO_SERVER = { to: INTERNET_SERVER, protocol: 'tcp', port: 443 } as const;

describe('semantics.md 2.3: route selection', () => {
  it('T-RT-03: without a default route in rtb-priv, app1 cannot reach the internet (NO_ROUTE_TO_DESTINATION at rtb-priv)', () => {
    const t = withoutRoute(f1(), 'rtb-priv', '0.0.0.0/0');
    const r = run(t, { from: 'app1', ...TO_SERVER });
    expectBlocked(r, {
      code: 'NO_ROUTE_TO_DESTINATION',
      componentId: 'rtb-priv',
      componentType: 'route-table',
      pathDirection: 'forward',
    });
    expect(r.return).toEqual([]);
  });
});

describe('semantics.md 2.4: blackhole routes', () => {
  it('T-RT-04: nat-a in state deleted turns 0.0.0.0/0->nat-a into a blackhole (BAD_STATE_ROUTE at rtb-priv)', () => {
    const t = f1();
    natGateway(t, 'nat-a').state = 'deleted';
    const r = run(t, { from: 'app1', ...TO_SERVER });
    const e = expectBlocked(r, {
      code: 'BAD_STATE_ROUTE',
      componentId: 'rtb-priv',
      componentType: 'route-table',
      pathDirection: 'forward',
    });
    expect(e.routeTableRoute).toMatchObject({
      routeTableId: 'rtb-priv',
      destination: '0.0.0.0/0',
      target: 'nat-a',
      state: 'blackhole',
    });
  });

  it('T-RT-04: nat-a removed from the document leaves 0.0.0.0/0->nat-a dangling, a blackhole (BAD_STATE_ROUTE at rtb-priv)', () => {
    // format.md 2: "A target id that names nothing makes a blackhole route".
    const t = withoutResource(f1(), 'nat-a');
    const r = run(t, { from: 'app1', ...TO_SERVER });
    const e = expectBlocked(r, {
      code: 'BAD_STATE_ROUTE',
      componentId: 'rtb-priv',
      componentType: 'route-table',
      pathDirection: 'forward',
    });
    expect(e.routeTableRoute).toMatchObject({ destination: '0.0.0.0/0', target: 'nat-a', state: 'blackhole' });
  });
});

/** F1 plus the appliance ENI `eni-fw` of T-RT-05 in sn-pub-a, its check off, and sg-db open to the app CIDR. */
function f1WithSubnetRouteToAppliance(): Topology {
  const t = f1();
  withSecurityGroup(t, {
    id: 'sg-fw',
    vpcId: 'vpc-a',
    inbound: [{ protocol: 'all', source: '10.0.0.0/16' }],
    outbound: [{ protocol: 'all', destination: '0.0.0.0/0' }],
  });
  withNetworkInterface(t, {
    id: 'eni-fw',
    subnetId: 'sn-pub-a',
    privateIp: '10.0.1.30',
    securityGroupIds: ['sg-fw'],
    sourceDestCheck: false,
  });
  withRoute(t, 'rtb-priv', '10.0.4.0/24', 'eni-fw');
  // semantics.md 2.5 rule 3: security-group references do not survive a middlebox, so sg-db must
  // name the app subnet by CIDR for this path.
  setSgInbound(t, 'sg-db', [{ protocol: 'tcp', ports: '5432', source: '10.0.2.0/24' }]);
  return t;
}

describe('semantics.md 2.2-2.5: routes more specific than local, ENI targets, same subnet', () => {
  // The CFG part of T-RT-05 (10.0.4.128/25 is rejected) is a validation test written elsewhere; this
  // covers the trace part: the legal subnet-CIDR route wins over local by prefix length.
  it('T-RT-05: 10.0.4.0/24->eni-fw in rtb-priv (and 10.0.2.0/24->eni-fw for the reply) sends app1->db through the appliance both ways', () => {
    // rtb-priv also serves sn-db-b, so the reply route 10.0.2.0/24->eni-fw in the same table makes the
    // path symmetric (semantics.md 2.5 rule 4); app1's own subnet traffic never consults routes.
    const t = withRoute(f1WithSubnetRouteToAppliance(), 'rtb-priv', '10.0.2.0/24', 'eni-fw');
    const r = run(t, { from: 'app1', to: 'db', protocol: 'tcp', port: 5432 });
    expectReachable(r);
    const route = r.forward.find((c) => c.component.id === 'rtb-priv')?.routeTableRoute;
    expect(route).toMatchObject({ destination: '10.0.4.0/24', target: 'eni-fw', state: 'active' });
    expectInOrder(ids(r.forward), ['eni-app1', 'rtb-priv', 'eni-fw', 'rtb-pub', 'eni-db']);
    expectInOrder(ids(r.return), ['eni-db', 'rtb-priv', 'eni-fw', 'rtb-pub', 'eni-app1']);
  });

  it('T-RT-05: with only 10.0.4.0/24->eni-fw the reply from db bypasses the appliance (SIM_ASYMMETRIC_RETURN, return)', () => {
    // semantics.md 2.5 rule 4: the route back must go through the same appliance. The spec does not
    // name the component for this case; the reply diverges either at db's route table (rtb-priv picks
    // local) or at the appliance whose state it skips, so both are accepted.
    const r = run(f1WithSubnetRouteToAppliance(), { from: 'app1', to: 'db', protocol: 'tcp', port: 5432 });
    expect(r.verdict).toBe('BLOCKED');
    const e = primaryBlocker(r);
    expect(e?.code).toBe('SIM_ASYMMETRIC_RETURN');
    expect(e?.pathDirection).toBe('return');
    expect(['rtb-priv', 'eni-fw']).toContain(e?.componentId);
    expect(ids(r.forward)).toContain('eni-fw');
  });

  it('T-RT-06: app1->app2 in the same subnet is REACHABLE with no route-table or NACL component', () => {
    const t = setSgInbound(f1(), 'sg-app', [{ protocol: 'tcp', ports: '443', source: 'sg-app' }]);
    const r = run(t, { from: 'app1', to: 'app2', protocol: 'tcp', port: 443 });
    expectReachable(r);
    for (const path of [r.forward, r.return]) {
      expect(componentTypes(path)).not.toContain('route-table');
      expect(componentTypes(path)).not.toContain('network-acl');
    }
    expectInOrder(ids(r.forward), ['eni-app1', 'sg-app', 'sg-app', 'eni-app2']);
    expect(component(r.forward, 'sg-app', 'ingress').securityGroupRule).toMatchObject({ peer: 'sg-app' });
  });
});

/** F1 plus the NAT instance of T-RT-07, with rtb-priv's default route pointing at its ENI. */
function f1WithNatInstance(sourceDestCheck: boolean): Topology {
  const t = f1();
  withSecurityGroup(t, {
    id: 'sg-nat',
    vpcId: 'vpc-a',
    inbound: [{ protocol: 'all', source: '10.0.0.0/16' }],
    outbound: [{ protocol: 'all', destination: '0.0.0.0/0' }],
  });
  withInstance(t, {
    id: 'i-nat',
    primaryInterfaceId: 'eni-nat',
    subnetId: 'sn-pub-a',
    privateIp: '10.0.1.20',
    publicIp: '54.1.1.30',
    securityGroupIds: ['sg-nat'],
    sourceDestCheck,
    sourceNat: true,
  });
  return withRoute(t, 'rtb-priv', '0.0.0.0/0', 'eni-nat');
}

describe('semantics.md 2.5: NAT instance', () => {
  it('T-RT-07: a NAT instance with source/dest check enabled drops forwarded traffic (ENI_SOURCE_DEST_CHECK_RESTRICTION at eni-nat)', () => {
    const r = run(f1WithNatInstance(true), { from: 'app1', ...TO_SERVER });
    expectBlocked(r, {
      code: 'ENI_SOURCE_DEST_CHECK_RESTRICTION',
      componentId: 'eni-nat',
      pathDirection: 'forward',
    });
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'eni-nat',
    });
  });

  it('T-RT-07: with the check disabled the source becomes 10.0.1.20 at the NAT instance, then 54.1.1.30 at igw-a', () => {
    const r = run(f1WithNatInstance(false), { from: 'app1', ...TO_SERVER });
    expectReachable(r);
    expectInOrder(ids(r.forward), ['eni-app1', 'rtb-priv', 'eni-nat', 'rtb-pub', 'igw-a']);
    const snat = r.forward.find(
      (c) => (c.component.id === 'eni-nat' || c.component.id === 'i-nat') && c.outboundHeader !== undefined,
    );
    expect(snat?.inboundHeader?.src).toEqual(['10.0.2.10']);
    expect(snat?.outboundHeader?.src).toEqual(['10.0.1.20']);
    expect(snat?.outboundHeader?.dst).toEqual([INTERNET_SERVER]);
    const igw = component(r.forward, 'igw-a');
    expect(igw.inboundHeader?.src).toEqual(['10.0.1.20']);
    expect(igw.outboundHeader?.src).toEqual(['54.1.1.30']);
    // The appliance's own security group is evaluated (unlike a NAT gateway's path).
    expect(ids(r.forward)).toContain('sg-nat');
    expectInOrder(ids(r.return), ['igw-a', 'eni-nat', 'eni-app1']);
  });
});

describe("semantics.md 2.5 rule 2 and 12.9: the appliance's own security groups", () => {
  it("T-RT-07: the NAT instance's SG is checked on the packet as received (source 10.0.2.10), before the translation; its egress SG after", () => {
    // 12.9: "SG(appliance) ingress + egress". The ingress rule names only the app subnet, so it can
    // match only the untranslated source; the egress rule allows only tcp/443 out.
    const t = f1WithNatInstance(false);
    const sg = t.securityGroups?.find((g) => g.id === 'sg-nat');
    if (!sg) throw new Error('no sg-nat');
    sg.inbound = [{ protocol: 'all', source: '10.0.2.0/24' }];
    sg.outbound = [{ protocol: 'tcp', ports: '443', destination: '0.0.0.0/0' }];
    const r = run(t, { from: 'app1', ...TO_SERVER });
    expectReachable(r);
    const order = r.forward
      .filter((c) => c.component.id === 'sg-nat' || c.component.id === 'eni-nat')
      .map((c) => `${c.component.id}${c.trafficDirection ? `:${c.trafficDirection}` : ''}`);
    expect(order).toEqual(['sg-nat:ingress', 'eni-nat', 'sg-nat:egress']);
    expect(component(r.forward, 'sg-nat', 'ingress').securityGroupRule).toMatchObject({ peer: '10.0.2.0/24' });
  });
});

/** T-GWRT-01's topology: a firewall subnet and an edge route table on igw-a steering sn-pub-a through eni-fw. */
function f1WithIngressAppliance(opts: { publicIp: boolean; rtbPubViaFirewall: boolean }): Topology {
  const t = f1();
  withSubnet(t, { id: 'sn-fw-a', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.5.0/24' });
  withSecurityGroup(t, {
    id: 'sg-fw',
    vpcId: 'vpc-a',
    inbound: [{ protocol: 'all', source: '0.0.0.0/0' }],
    outbound: [{ protocol: 'all', destination: '0.0.0.0/0' }],
  });
  withNetworkInterface(t, {
    id: 'eni-fw',
    subnetId: 'sn-fw-a',
    privateIp: '10.0.5.10',
    ...(opts.publicIp ? { publicIp: '54.1.1.40' } : {}),
    securityGroupIds: ['sg-fw'],
    sourceDestCheck: false,
  });
  withRouteTable(t, {
    id: 'rtb-edge',
    vpcId: 'vpc-a',
    gatewayIds: ['igw-a'],
    routes: [{ destination: '10.0.1.0/24', target: 'eni-fw' }],
  });
  withRouteTable(t, {
    id: 'rtb-fw',
    vpcId: 'vpc-a',
    subnetIds: ['sn-fw-a'],
    routes: [{ destination: '0.0.0.0/0', target: 'igw-a' }],
  });
  if (opts.rtbPubViaFirewall) withRoute(t, 'rtb-pub', '0.0.0.0/0', 'eni-fw');
  return t;
}

const CLIENT_TO_WEB = { from: INTERNET_CLIENT, to: 'web', protocol: 'tcp', port: 443 } as const;

describe('semantics.md 2.6: gateway route tables (ingress routing)', () => {
  it('T-GWRT-01: internet client -> web through the edge-routed firewall is REACHABLE and both directions traverse eni-fw', () => {
    const r = run(f1WithIngressAppliance({ publicIp: true, rtbPubViaFirewall: true }), CLIENT_TO_WEB);
    expectReachable(r);
    expect(r.query.destinationAddress).toBe('54.1.1.10');
    expectInOrder(ids(r.forward), ['igw-a', 'rtb-edge', 'eni-fw', 'eni-web']);
    expectInOrder(ids(r.return), ['eni-web', 'rtb-pub', 'eni-fw', 'rtb-fw', 'igw-a']);
    expect(component(r.forward, 'rtb-edge').routeTableRoute).toMatchObject({
      routeTableId: 'rtb-edge',
      destination: '10.0.1.0/24',
      target: 'eni-fw',
    });
    expect(component(r.return, 'igw-a').outboundHeader?.src).toEqual(['54.1.1.10']);
  });

  it('T-GWRT-02: rtb-pub keeping 0.0.0.0/0->igw-a sends the reply around the firewall (BLOCKED, return)', () => {
    // The spec allows either INGRESS_RTB_TRAFFIC_REDIRECTION or SIM_ASYMMETRIC_RETURN and names no
    // component; the reply diverges at rtb-pub, reaches igw-a, and skips eni-fw's state, so any of the
    // three is a faithful componentId.
    const r = run(f1WithIngressAppliance({ publicIp: true, rtbPubViaFirewall: false }), CLIENT_TO_WEB);
    expect(r.verdict).toBe('BLOCKED');
    const e = primaryBlocker(r);
    expect(['INGRESS_RTB_TRAFFIC_REDIRECTION', 'SIM_ASYMMETRIC_RETURN']).toContain(e?.code);
    expect(e?.pathDirection).toBe('return');
    expect(['rtb-pub', 'igw-a', 'eni-fw']).toContain(e?.componentId);
    expect(ids(r.forward)).toContain('eni-fw');
  });

  it('T-GWRT-03: the firewall ENI without a public IP cannot be an ingress-routing target (INGRESS_RTB_NO_PUBLIC_IP at eni-fw)', () => {
    const r = run(f1WithIngressAppliance({ publicIp: false, rtbPubViaFirewall: true }), CLIENT_TO_WEB);
    expectBlocked(r, { code: 'INGRESS_RTB_NO_PUBLIC_IP', componentId: 'eni-fw', pathDirection: 'forward' });
  });
});
