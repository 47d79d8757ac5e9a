// Semantics.md 9.2 rule 4: an inspection VPC behind a transit gateway, with one stateful firewall per
// availability zone. Without appliance mode the reply enters through the zone of its own sender and
// meets the other firewall (SIM_APPLIANCE_MODE_ASYMMETRY); with it, both directions use one zone.
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../../src/model/index.ts';
import { validateTopology } from '../../../../src/model/index.ts';
import { compile, lintNetwork } from '../../../../src/engine/index.ts';
import { component, components, expectBlocked, expectReachable, ids, run } from './trace-helpers.ts';

/** Where the packet entered vpc-insp from the transit gateway (the attachment's first appearance on a path). */
function entrySubnet(path: Parameters<typeof components>[0]): string | undefined {
  return components(path, 'att-insp')[0]?.subnet;
}

const ALLOW_ALL = [{ protocol: 'all', source: '0.0.0.0/0' }];

/** Spoke a (zone a), spoke b (zone b), and vpc-insp with an attachment subnet and a firewall in each zone. */
function inspection(applianceMode: boolean): Topology {
  return {
    vpcs: [
      { id: 'vpc-a', cidrBlocks: ['10.1.0.0/16'] },
      { id: 'vpc-b', cidrBlocks: ['10.2.0.0/16'] },
      { id: 'vpc-insp', cidrBlocks: ['10.9.0.0/16'] },
    ],
    subnets: [
      { id: 'sn-a', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.1.1.0/24' },
      { id: 'sn-b', vpcId: 'vpc-b', availabilityZone: 'us-east-1b', cidrBlock: '10.2.1.0/24' },
      { id: 'sn-tgw-a', vpcId: 'vpc-insp', availabilityZone: 'us-east-1a', cidrBlock: '10.9.0.0/28' },
      { id: 'sn-tgw-b', vpcId: 'vpc-insp', availabilityZone: 'us-east-1b', cidrBlock: '10.9.0.16/28' },
      { id: 'sn-fw-a', vpcId: 'vpc-insp', availabilityZone: 'us-east-1a', cidrBlock: '10.9.1.0/24' },
      { id: 'sn-fw-b', vpcId: 'vpc-insp', availabilityZone: 'us-east-1b', cidrBlock: '10.9.2.0/24' },
    ],
    securityGroups: [
      { id: 'sg-a', vpcId: 'vpc-a', inbound: ALLOW_ALL },
      { id: 'sg-b', vpcId: 'vpc-b', inbound: ALLOW_ALL },
      { id: 'sg-fw', vpcId: 'vpc-insp', inbound: ALLOW_ALL },
    ],
    instances: [
      { id: 'a1', subnetId: 'sn-a', privateIp: '10.1.1.10', securityGroupIds: ['sg-a'] },
      { id: 'b1', subnetId: 'sn-b', privateIp: '10.2.1.10', securityGroupIds: ['sg-b'] },
      { id: 'fw-a', subnetId: 'sn-fw-a', privateIp: '10.9.1.10', securityGroupIds: ['sg-fw'], sourceDestCheck: false },
      { id: 'fw-b', subnetId: 'sn-fw-b', privateIp: '10.9.2.10', securityGroupIds: ['sg-fw'], sourceDestCheck: false },
    ],
    transitGateways: [{ id: 'tgw-1' }],
    transitGatewayAttachments: [
      { id: 'att-a', transitGatewayId: 'tgw-1', type: 'vpc', vpcId: 'vpc-a', subnetIds: ['sn-a'] },
      { id: 'att-b', transitGatewayId: 'tgw-1', type: 'vpc', vpcId: 'vpc-b', subnetIds: ['sn-b'] },
      {
        id: 'att-insp',
        transitGatewayId: 'tgw-1',
        type: 'vpc',
        vpcId: 'vpc-insp',
        subnetIds: ['sn-tgw-a', 'sn-tgw-b'],
        applianceMode,
      },
    ],
    transitGatewayRouteTables: [
      {
        id: 'tgw-rtb-spokes',
        transitGatewayId: 'tgw-1',
        associations: ['att-a', 'att-b'],
        propagations: [],
        routes: [{ destination: '0.0.0.0/0', attachmentId: 'att-insp' }],
      },
      {
        id: 'tgw-rtb-insp',
        transitGatewayId: 'tgw-1',
        associations: ['att-insp'],
        propagations: ['att-a', 'att-b'],
        routes: [],
      },
    ],
    routeTables: [
      { id: 'rtb-a', vpcId: 'vpc-a', subnetIds: ['sn-a'], routes: [{ destination: '10.0.0.0/8', target: 'tgw-1' }] },
      { id: 'rtb-b', vpcId: 'vpc-b', subnetIds: ['sn-b'], routes: [{ destination: '10.0.0.0/8', target: 'tgw-1' }] },
      // Traffic arriving from the TGW goes to the firewall of its zone; the firewalls send it back.
      {
        id: 'rtb-tgw-a',
        vpcId: 'vpc-insp',
        subnetIds: ['sn-tgw-a'],
        routes: [{ destination: '0.0.0.0/0', target: 'fw-a' }],
      },
      {
        id: 'rtb-tgw-b',
        vpcId: 'vpc-insp',
        subnetIds: ['sn-tgw-b'],
        routes: [{ destination: '0.0.0.0/0', target: 'fw-b' }],
      },
      {
        id: 'rtb-fw',
        vpcId: 'vpc-insp',
        subnetIds: ['sn-fw-a', 'sn-fw-b'],
        routes: [{ destination: '10.0.0.0/8', target: 'tgw-1' }],
      },
    ],
  };
}

const A1_TO_B1 = { from: 'a1', to: 'b1', protocol: 'tcp', port: 443 } as const;

describe('transit gateway appliance mode (semantics.md 9.2 rule 4)', () => {
  it('the fixture is a valid configuration', () => {
    expect(validateTopology(inspection(false)).filter((d) => d.severity !== 'warning')).toEqual([]);
  });

  it('without appliance mode the reply enters zone b, meets fw-b instead of fw-a: SIM_APPLIANCE_MODE_ASYMMETRY', () => {
    const r = run(inspection(false), A1_TO_B1);
    // The request goes through the firewall of zone a, the sender's zone.
    expect(ids(r.forward)).toContain('fw-a/eth0');
    expect(ids(r.forward)).not.toContain('fw-b/eth0');
    expect(entrySubnet(r.forward)).toBe('sn-tgw-a');
    const blocker = expectBlocked(r, {
      code: 'SIM_APPLIANCE_MODE_ASYMMETRY',
      componentId: 'fw-b/eth0',
      pathDirection: 'return',
    });
    expect(blocker.blocking).toBe(true);
    expect(entrySubnet(r.return)).toBe('sn-tgw-b');
    expect(component(r.return, 'fw-b/eth0').additionalDetails).toContain('TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED');
  });

  it('with appliance mode both directions use zone a and the same firewall: REACHABLE', () => {
    const r = run(inspection(true), A1_TO_B1);
    expectReachable(r);
    expect(entrySubnet(r.forward)).toBe('sn-tgw-a');
    expect(entrySubnet(r.return)).toBe('sn-tgw-a');
    expect(ids(r.return)).toContain('fw-a/eth0');
    expect(ids(r.return)).not.toContain('fw-b/eth0');
    expect(r.explanations.map((e) => e.code)).not.toContain('SIM_APPLIANCE_MODE_ASYMMETRY');
  });

  it('when both ends share a zone the reply keeps it, and appliance mode makes no difference', () => {
    const t = inspection(false);
    const sn = t.subnets!.find((s) => s.id === 'sn-b')!;
    sn.availabilityZone = 'us-east-1a';
    expectReachable(run(t, A1_TO_B1));
  });
});

describe('LINT_TGW_APPLIANCE_MODE_OFF', () => {
  const lintCodes = (t: Topology) =>
    lintNetwork(compile(t, { diagnostics: [] }))
      .filter((d) => d.code === 'LINT_TGW_APPLIANCE_MODE_OFF')
      .map((d) => d.resourceId);

  it('flags the inspection attachment: two zones, firewalls behind it, appliance mode off', () => {
    expect(lintCodes(inspection(false))).toEqual(['att-insp']);
  });

  it('is silent with appliance mode on, or with one zone only', () => {
    expect(lintCodes(inspection(true))).toEqual([]);
    const t = inspection(false);
    t.transitGatewayAttachments!.find((a) => a.id === 'att-insp')!.subnetIds = ['sn-tgw-a'];
    expect(lintCodes(t)).toEqual([]);
  });
});
