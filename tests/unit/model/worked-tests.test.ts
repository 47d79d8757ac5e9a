/**
 * The configuration verdicts of semantics.md's worked tests (the tracing halves are the engine's).
 */
import { describe, expect, it } from 'vitest';
import { byId, codes, f1, f4, lint, variant, withCode } from './fixtures.ts';

const vpcBlocks = (blocks: string[]) =>
  variant(f1, (t) => {
    byId(t.vpcs, 'vpc-a').cidrBlocks = blocks;
  });

describe('semantics.md 1.1: VPC CIDR blocks', () => {
  it('T-ADDR-01: a /15 and a /29 VPC are CFG_VPC_CIDR_SIZE', () => {
    expect(codes(lint(vpcBlocks(['10.0.0.0/15'])))).toContain('CFG_VPC_CIDR_SIZE');
    expect(codes(lint(vpcBlocks(['10.0.0.0/29'])))).toContain('CFG_VPC_CIDR_SIZE');
    expect(codes(lint(vpcBlocks(['10.0.0.0/16'])))).not.toContain('CFG_VPC_CIDR_SIZE');
  });

  it('T-ADDR-02: 192.168.0.0/20 next to 10.0.0.0/16 is restricted; 100.64.0.0/16 is accepted', () => {
    const restricted = lint(vpcBlocks(['10.0.0.0/16', '192.168.0.0/20']));
    expect(withCode(restricted, 'CFG_VPC_SECONDARY_CIDR_RESTRICTED')).toEqual([
      expect.objectContaining({ severity: 'error', resourceId: 'vpc-a', path: 'topology.vpcs[0].cidrBlocks[1]' }),
    ]);
    // The new local route is the engine's (implicit local routes); the config is clean.
    expect(lint(vpcBlocks(['10.0.0.0/16', '100.64.0.0/16']))).toEqual([]);
  });

  it('T-ADDR-03: secondary 10.0.128.0/17 overlaps the primary: CFG_VPC_CIDR_OVERLAP', () => {
    expect(withCode(lint(vpcBlocks(['10.0.0.0/16', '10.0.128.0/17'])), 'CFG_VPC_CIDR_OVERLAP')).toEqual([
      expect.objectContaining({ severity: 'error', resourceId: 'vpc-a', path: 'topology.vpcs[0].cidrBlocks[1]' }),
    ]);
  });

  it('T-ADDR-04: primary 10.1.0.0/16 refuses 10.0.5.0/24 (the 10.0.0.0/16 rule) and accepts 10.2.0.0/16', () => {
    const doc = (secondary: string) =>
      variant(f1, (t, d) => {
        delete d.checks;
        byId(t.vpcs, 'vpc-a').cidrBlocks = ['10.1.0.0/16', secondary];
        t.subnets = [{ id: 'sn-1', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.1.1.0/24' }];
        t.routeTables = [];
        t.networkAcls = [];
        t.instances = [];
        t.natGateways = [];
      });
    expect(codes(lint(doc('10.0.5.0/24')))).toEqual(['CFG_VPC_SECONDARY_CIDR_RESTRICTED']);
    expect(lint(doc('10.2.0.0/16'))).toEqual([]);
  });
});

describe('semantics.md 1.2: subnets', () => {
  it('T-SUB-01: 10.0.1.128/25 overlaps sn-pub-a: CFG_SUBNET_OVERLAP', () => {
    const doc = variant(f1, (t) =>
      t.subnets!.push({ id: 'sn-new', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.128/25' }),
    );
    expect(lint(doc)).toEqual([
      expect.objectContaining({
        code: 'CFG_SUBNET_OVERLAP',
        severity: 'error',
        resourceId: 'sn-new',
        path: 'topology.subnets[4].cidrBlock',
      }),
    ]);
  });

  it.each(['10.0.1.3', '10.0.1.255'])('T-SUB-02: an instance at %s in sn-pub-a is CFG_IP_RESERVED', (ip) => {
    const doc = variant(f1, (t) => (byId(t.instances, 'web').privateIp = ip));
    expect(lint(doc)).toEqual([
      expect.objectContaining({ code: 'CFG_IP_RESERVED', resourceId: 'web', path: 'topology.instances[0].privateIp' }),
    ]);
  });

  it('T-SUB-02: an instance at 10.0.1.4 is accepted', () => {
    expect(lint(variant(f1, (t) => (byId(t.instances, 'web').privateIp = '10.0.1.4')))).toEqual([]);
  });

  it('T-SUB-03: subnet 10.5.0.0/24 in vpc-a is CFG_SUBNET_NOT_IN_VPC_CIDR', () => {
    const doc = variant(f1, (t) =>
      t.subnets!.push({ id: 'sn-far', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.5.0.0/24' }),
    );
    expect(codes(lint(doc))).toEqual(['CFG_SUBNET_NOT_IN_VPC_CIDR']);
  });
});

describe('semantics.md 2.4 and 7: routes', () => {
  it('T-RT-05: 10.0.4.0/24 -> eni-fw is accepted; 10.0.4.128/25 -> eni-fw is CFG_ROUTE_MORE_SPECIFIC_THAN_LOCAL', () => {
    const withEni = (destinations: string[]) =>
      variant(f1, (t) => {
        t.networkInterfaces = [
          {
            id: 'eni-fw',
            subnetId: 'sn-pub-a',
            privateIp: '10.0.1.20',
            securityGroupIds: ['sg-web'],
            sourceDestCheck: false,
          },
        ];
        for (const destination of destinations)
          byId(t.routeTables, 'rtb-priv').routes.push({ destination, target: 'eni-fw' });
      });
    expect(lint(withEni(['10.0.4.0/24']))).toEqual([]);
    expect(lint(withEni(['10.0.4.0/24', '10.0.4.128/25']))).toEqual([
      expect.objectContaining({
        code: 'CFG_ROUTE_MORE_SPECIFIC_THAN_LOCAL',
        severity: 'error',
        resourceId: 'rtb-priv',
        path: 'topology.routeTables[2].routes[3].destination',
      }),
    ]);
  });

  it('T-EIGW-03: 0.0.0.0/0 -> eigw-6 is CFG_ROUTE_TARGET_FAMILY', () => {
    const doc = variant(f4, (t) => {
      const rtb = byId(t.routeTables, 'rtb-6');
      rtb.routes = rtb.routes.filter((r) => r.destination !== '0.0.0.0/0');
      rtb.routes.push({ destination: '0.0.0.0/0', target: 'eigw-6' });
    });
    expect(lint(doc)).toEqual([
      expect.objectContaining({
        code: 'CFG_ROUTE_TARGET_FAMILY',
        severity: 'error',
        resourceId: 'rtb-6',
        path: 'topology.routeTables[0].routes[3].destination',
      }),
    ]);
    expect(lint(f4())).toEqual([]);
  });
});
