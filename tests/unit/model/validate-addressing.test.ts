import { describe, expect, it } from 'vitest';
import { validateTopology } from '../../../src/model/index.ts';
import {
  byId,
  codes,
  expectRule,
  f1,
  f4,
  fullDocument,
  lint,
  minimalDocument,
  variant,
  withCode,
  type RuleCase,
} from './fixtures.ts';

const vpcA = (blocks: string[]) => () => variant(f1, (t) => (byId(t.vpcs, 'vpc-a').cidrBlocks = blocks));

describe('VPC CIDR blocks (semantics.md 1.1)', () => {
  const rows: RuleCase[] = [
    {
      name: 'a VPC without an IPv4 block',
      code: 'CFG_VPC_CIDR_MISSING',
      bad: () => variant(minimalDocument, (t) => (byId(t.vpcs, 'vpc-a').cidrBlocks = [])),
      resourceId: 'vpc-a',
      path: 'topology.vpcs[0].cidrBlocks',
      good: minimalDocument,
    },
    {
      name: 'a /15 VPC block',
      code: 'CFG_VPC_CIDR_SIZE',
      bad: vpcA(['10.0.0.0/15']),
      resourceId: 'vpc-a',
      path: 'topology.vpcs[0].cidrBlocks[0]',
      good: vpcA(['10.0.0.0/16']),
    },
    {
      name: 'a /29 secondary block',
      code: 'CFG_VPC_CIDR_SIZE',
      bad: vpcA(['10.0.0.0/16', '10.1.0.0/29']),
      resourceId: 'vpc-a',
      path: 'topology.vpcs[0].cidrBlocks[1]',
      good: vpcA(['10.0.0.0/16', '10.1.0.0/28']),
    },
    {
      name: 'a block in 127.0.0.0/8',
      code: 'CFG_VPC_CIDR_RESERVED_RANGE',
      bad: () => variant(minimalDocument, (t) => (byId(t.vpcs, 'vpc-a').cidrBlocks = ['10.0.0.0/16', '127.0.0.0/16'])),
      resourceId: 'vpc-a',
      path: 'topology.vpcs[0].cidrBlocks[1]',
      good: () => variant(minimalDocument, (t) => (byId(t.vpcs, 'vpc-a').cidrBlocks = ['10.0.0.0/16', '10.1.0.0/16'])),
    },
    {
      name: 'a block in 169.254.0.0/16',
      code: 'CFG_VPC_CIDR_RESERVED_RANGE',
      bad: () =>
        variant(minimalDocument, (t) => (byId(t.vpcs, 'vpc-a').cidrBlocks = ['10.0.0.0/16', '169.254.0.0/16'])),
      resourceId: 'vpc-a',
      path: 'topology.vpcs[0].cidrBlocks[1]',
      good: minimalDocument,
    },
    {
      name: 'a block in 172.17.0.0/16 (advice)',
      code: 'CFG_VPC_CIDR_RESERVED_RANGE',
      severity: 'warning',
      bad: () =>
        variant(minimalDocument, (t) => {
          byId(t.vpcs, 'vpc-a').cidrBlocks = ['172.17.0.0/16'];
          byId(t.subnets, 'sn-a').cidrBlock = '172.17.1.0/24';
          byId(t.instances, 'i-a').privateIp = '172.17.1.10';
        }),
      resourceId: 'vpc-a',
      path: 'topology.vpcs[0].cidrBlocks[0]',
      good: () =>
        variant(minimalDocument, (t) => {
          byId(t.vpcs, 'vpc-a').cidrBlocks = ['172.18.0.0/16'];
          byId(t.subnets, 'sn-a').cidrBlock = '172.18.1.0/24';
          byId(t.instances, 'i-a').privateIp = '172.18.1.10';
        }),
    },
    {
      name: 'overlapping blocks of one VPC',
      code: 'CFG_VPC_CIDR_OVERLAP',
      bad: vpcA(['10.0.0.0/16', '10.0.128.0/17']),
      resourceId: 'vpc-a',
      path: 'topology.vpcs[0].cidrBlocks[1]',
      good: vpcA(['10.0.0.0/16', '10.2.0.0/16']),
    },
    {
      name: 'overlapping IPv6 blocks of one VPC',
      code: 'CFG_VPC_CIDR_OVERLAP',
      bad: () => variant(f4, (t) => byId(t.vpcs, 'vpc-6').ipv6CidrBlocks!.push('2600:1f18:6:600::/60')),
      resourceId: 'vpc-6',
      path: 'topology.vpcs[0].ipv6CidrBlocks[1]',
      good: () => variant(f4, (t) => byId(t.vpcs, 'vpc-6').ipv6CidrBlocks!.push('2600:1f18:7:600::/56')),
    },
    {
      name: 'six IPv4 blocks (quota advice)',
      code: 'CFG_VPC_CIDR_QUOTA',
      severity: 'warning',
      bad: vpcA(['10.0.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16', '10.5.0.0/16', '10.6.0.0/16']),
      resourceId: 'vpc-a',
      path: 'topology.vpcs[0].cidrBlocks',
      good: vpcA(['10.0.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16', '10.5.0.0/16']),
    },
    {
      name: 'a secondary block covering a route destination',
      code: 'CFG_VPC_CIDR_CONFLICTS_WITH_ROUTE',
      bad: () =>
        variant(f1, (t) => {
          byId(t.vpcs, 'vpc-a').cidrBlocks.push('10.1.0.0/16');
          byId(t.routeTables, 'rtb-pub').routes.push({ destination: '10.1.0.0/24', target: 'igw-a' });
        }),
      resourceId: 'vpc-a',
      path: 'topology.vpcs[0].cidrBlocks[1]',
      // The AWS example: with a route to 10.0.0.0/24, 10.0.0.0/25 can be associated.
      good: () =>
        variant(f1, (t) => {
          byId(t.vpcs, 'vpc-a').cidrBlocks.push('10.1.0.0/25');
          byId(t.routeTables, 'rtb-pub').routes.push({ destination: '10.1.0.0/24', target: 'igw-a' });
        }),
    },
    {
      name: 'a /58 VPC IPv6 block',
      code: 'CFG_IPV6_PREFIX_LENGTH',
      bad: () => variant(f4, (t) => (byId(t.vpcs, 'vpc-6').ipv6CidrBlocks = ['2600:1f18:6:600::/58'])),
      resourceId: 'vpc-6',
      path: 'topology.vpcs[0].ipv6CidrBlocks[0]',
      good: () =>
        variant(f4, (t) => {
          byId(t.vpcs, 'vpc-6').ipv6CidrBlocks = ['2600:1f18:6::/52'];
          byId(t.routeTables, 'rtb-6').routes[1] = { destination: '2600:1f18:6::/52', target: 'local' };
        }),
    },
    {
      name: 'a /62 subnet IPv6 block',
      code: 'CFG_IPV6_PREFIX_LENGTH',
      bad: () => variant(f4, (t) => (byId(t.subnets, 'sn-6a').ipv6CidrBlock = '2600:1f18:6:600::/62')),
      resourceId: 'sn-6a',
      path: 'topology.subnets[0].ipv6CidrBlock',
      good: () => variant(f4, (t) => (byId(t.subnets, 'sn-6a').ipv6CidrBlock = '2600:1f18:6:600::/60')),
    },
  ];
  it.each(rows)('$name: $code', expectRule);

  type Pair = [blocks: string[], restricted: boolean];
  const table: Pair[] = [
    [['10.0.0.0/16', '192.168.0.0/20'], true],
    [['10.0.0.0/16', '172.16.0.0/16'], true],
    [['10.0.0.0/16', '198.19.0.0/16'], true],
    [['10.0.0.0/16', '10.1.0.0/16'], false],
    [['10.0.0.0/16', '54.0.0.0/16'], false],
    [['10.0.0.0/16', '100.64.0.0/16'], false],
    [['10.0.0.0/16', '100.64.0.0/16', '10.2.0.0/16'], false],
    [['10.1.0.0/16', '10.0.5.0/24'], true],
    [['10.1.0.0/16', '10.2.0.0/16'], false],
    [['10.4.0.0/16', '10.0.5.0/24'], false],
    [['172.16.0.0/16', '172.31.0.0/16'], true],
    [['172.16.0.0/16', '172.20.0.0/16'], false],
    [['172.16.0.0/16', '10.0.0.0/16'], true],
    [['192.168.0.0/16', '10.1.0.0/16'], true],
    [['192.168.0.0/20', '192.168.16.0/20'], false],
    [['192.168.0.0/16', '198.19.0.0/16'], true],
    [['198.19.0.0/16', '10.0.0.0/16'], true],
    [['198.19.0.0/16', '100.64.0.0/16'], false],
    [['100.64.0.0/16', '10.0.0.0/16'], true],
    [['54.0.0.0/16', '198.19.0.0/16'], true],
    [['54.0.0.0/16', '100.65.0.0/16'], false],
  ];
  it.each(table)('secondary blocks %j: restricted %s', (blocks, restricted) => {
    const diags = validateTopology({ vpcs: [{ id: 'v', cidrBlocks: blocks }] });
    const hits = withCode(diags, 'CFG_VPC_SECONDARY_CIDR_RESTRICTED');
    if (restricted) {
      expect(hits).toEqual([
        expect.objectContaining({
          severity: 'error',
          resourceId: 'v',
          path: `topology.vpcs[0].cidrBlocks[${blocks.length - 1}]`,
        }),
      ]);
    } else {
      expect(hits).toEqual([]);
    }
  });
});

describe('subnets (semantics.md 1.2)', () => {
  const subnet = (patch: Record<string, string | undefined>) => () =>
    variant(f1, (t) => Object.assign(byId(t.subnets, 'sn-app-b'), patch));
  const rows: RuleCase[] = [
    {
      name: 'a subnet without any block',
      code: 'CFG_SUBNET_NO_CIDR',
      bad: () => variant(f1, (t) => delete byId(t.subnets, 'sn-app-b').cidrBlock),
      resourceId: 'sn-app-b',
      path: 'topology.subnets[2]',
      good: f1,
    },
    {
      name: 'a /29 subnet',
      code: 'CFG_SUBNET_SIZE',
      bad: subnet({ cidrBlock: '10.0.3.0/29' }),
      resourceId: 'sn-app-b',
      path: 'topology.subnets[2].cidrBlock',
      good: subnet({ cidrBlock: '10.0.3.0/28' }),
    },
    {
      name: 'a /15 subnet',
      code: 'CFG_SUBNET_SIZE',
      bad: () =>
        variant(minimalDocument, (t) => {
          byId(t.vpcs, 'vpc-a').cidrBlocks = ['10.0.0.0/16'];
          byId(t.subnets, 'sn-a').cidrBlock = '10.0.0.0/15';
        }),
      resourceId: 'sn-a',
      path: 'topology.subnets[0].cidrBlock',
      good: () => variant(minimalDocument, (t) => (byId(t.subnets, 'sn-a').cidrBlock = '10.0.0.0/16')),
    },
    {
      name: 'a subnet outside the VPC',
      code: 'CFG_SUBNET_NOT_IN_VPC_CIDR',
      bad: subnet({ cidrBlock: '10.5.0.0/24' }),
      resourceId: 'sn-app-b',
      path: 'topology.subnets[2].cidrBlock',
      good: subnet({ cidrBlock: '10.0.5.0/24' }),
    },
    {
      name: 'a subnet spanning two adjacent VPC blocks',
      code: 'CFG_SUBNET_NOT_IN_VPC_CIDR',
      bad: () =>
        variant(minimalDocument, (t) => {
          byId(t.vpcs, 'vpc-a').cidrBlocks = ['10.1.0.0/24', '10.1.1.0/24'];
          byId(t.subnets, 'sn-a').cidrBlock = '10.1.0.0/23';
          byId(t.instances, 'i-a').privateIp = '10.1.0.10';
        }),
      resourceId: 'sn-a',
      path: 'topology.subnets[0].cidrBlock',
      good: () =>
        variant(minimalDocument, (t) => {
          byId(t.vpcs, 'vpc-a').cidrBlocks = ['10.1.0.0/24', '10.1.1.0/24'];
          byId(t.subnets, 'sn-a').cidrBlock = '10.1.1.0/24';
          byId(t.instances, 'i-a').privateIp = '10.1.1.10';
        }),
    },
    {
      name: 'a subnet in a secondary block',
      code: 'CFG_SUBNET_NOT_IN_VPC_CIDR',
      bad: subnet({ cidrBlock: '10.1.3.0/24' }),
      resourceId: 'sn-app-b',
      path: 'topology.subnets[2].cidrBlock',
      good: () =>
        variant(f1, (t) => {
          byId(t.vpcs, 'vpc-a').cidrBlocks.push('10.1.0.0/16');
          byId(t.subnets, 'sn-app-b').cidrBlock = '10.1.3.0/24';
        }),
    },
    {
      name: 'an IPv6 subnet outside the VPC IPv6 block',
      code: 'CFG_SUBNET_NOT_IN_VPC_CIDR',
      bad: () => variant(f4, (t) => (byId(t.subnets, 'sn-6a').ipv6CidrBlock = '2600:1f18:6:701::/64')),
      resourceId: 'sn-6a',
      path: 'topology.subnets[0].ipv6CidrBlock',
      good: () =>
        variant(f4, (t) => {
          byId(t.subnets, 'sn-6a').ipv6CidrBlock = '2600:1f18:6:6ff::/64';
          byId(t.instances, 'v6').ipv6Addresses = ['2600:1f18:6:6ff::10'];
        }),
    },
    {
      name: 'an IPv6 subnet in a VPC without IPv6',
      code: 'CFG_SUBNET_IPV6_WITHOUT_VPC_IPV6',
      bad: subnet({ ipv6CidrBlock: '2600:1f18:6:601::/64' }),
      resourceId: 'sn-app-b',
      path: 'topology.subnets[2].ipv6CidrBlock',
      good: () =>
        variant(f1, (t) => {
          byId(t.vpcs, 'vpc-a').ipv6CidrBlocks = ['2600:1f18:6:600::/56'];
          byId(t.subnets, 'sn-app-b').ipv6CidrBlock = '2600:1f18:6:601::/64';
        }),
    },
    {
      name: 'overlapping subnets',
      code: 'CFG_SUBNET_OVERLAP',
      bad: subnet({ cidrBlock: '10.0.2.128/25' }),
      resourceId: 'sn-app-b',
      path: 'topology.subnets[2].cidrBlock',
      good: subnet({ cidrBlock: '10.0.3.128/25' }),
    },
    {
      name: 'a wide subnet listed after the narrow one it covers',
      code: 'CFG_SUBNET_OVERLAP',
      bad: subnet({ cidrBlock: '10.0.0.0/22' }),
      resourceId: 'sn-app-b',
      path: 'topology.subnets[2].cidrBlock',
      good: subnet({ cidrBlock: '10.0.8.0/22' }),
    },
    {
      name: 'overlapping IPv6 subnets',
      code: 'CFG_SUBNET_OVERLAP',
      bad: () =>
        variant(f4, (t) =>
          t.subnets!.push({
            id: 'sn-6b',
            vpcId: 'vpc-6',
            availabilityZone: 'us-east-1b',
            ipv6CidrBlock: '2600:1f18:6:601::/64',
          }),
        ),
      resourceId: 'sn-6b',
      path: 'topology.subnets[1].ipv6CidrBlock',
      good: () =>
        variant(f4, (t) =>
          t.subnets!.push({
            id: 'sn-6b',
            vpcId: 'vpc-6',
            availabilityZone: 'us-east-1b',
            ipv6CidrBlock: '2600:1f18:6:602::/64',
          }),
        ),
    },
  ];
  it.each(rows)('$name: $code', expectRule);

  it('does not report equal subnets in different VPCs', () => {
    const doc = variant(fullDocument, (t) => (byId(t.subnets, 'sn-b1').cidrBlock = '10.1.2.0/24'));
    expect(codes(lint(doc))).not.toContain('CFG_SUBNET_OVERLAP');
  });

  it('reports every subnet of a chain of overlaps once', () => {
    const doc = variant(minimalDocument, (t) => {
      t.subnets = ['10.0.0.0/22', '10.0.1.0/24', '10.0.2.0/24', '10.0.8.0/24'].map((cidrBlock, i) => ({
        id: `sn-${i}`,
        vpcId: 'vpc-a',
        availabilityZone: 'us-east-1a',
        cidrBlock,
      }));
      t.instances = [];
    });
    expect(withCode(lint(doc), 'CFG_SUBNET_OVERLAP').map((d) => d.resourceId)).toEqual(['sn-1', 'sn-2']);
  });
});

describe('addresses (semantics.md 1.2 rule 6, 1.3)', () => {
  const web = (patch: Record<string, unknown>) => () =>
    variant(f1, (t) => Object.assign(byId(t.instances, 'web'), patch));
  const rows: RuleCase[] = [
    {
      name: 'the network address',
      code: 'CFG_IP_RESERVED',
      bad: web({ privateIp: '10.0.1.0' }),
      resourceId: 'web',
      path: 'topology.instances[0].privateIp',
      good: web({ privateIp: '10.0.1.4' }),
    },
    {
      name: 'the VPC router address',
      code: 'CFG_IP_RESERVED',
      bad: web({ privateIp: '10.0.1.1' }),
      resourceId: 'web',
      path: 'topology.instances[0].privateIp',
      good: web({ privateIp: '10.0.1.254' }),
    },
    {
      name: 'a reserved secondary address',
      code: 'CFG_IP_RESERVED',
      bad: web({ secondaryPrivateIps: ['10.0.1.11', '10.0.1.2'] }),
      resourceId: 'web',
      path: 'topology.instances[0].secondaryPrivateIps[1]',
      good: web({ secondaryPrivateIps: ['10.0.1.11', '10.0.1.12'] }),
    },
    {
      name: 'a reserved IPv6 address',
      code: 'CFG_IP_RESERVED',
      bad: () => variant(f4, (t) => (byId(t.instances, 'v6').ipv6Addresses = ['2600:1f18:6:601::3'])),
      resourceId: 'v6',
      path: 'topology.instances[0].ipv6Addresses[0]',
      good: () => variant(f4, (t) => (byId(t.instances, 'v6').ipv6Addresses = ['2600:1f18:6:601::4'])),
    },
    {
      name: 'the last IPv6 address',
      code: 'CFG_IP_RESERVED',
      bad: () => variant(f4, (t) => (byId(t.instances, 'v6').ipv6Addresses = ['2600:1f18:6:601:ffff:ffff:ffff:ffff'])),
      resourceId: 'v6',
      path: 'topology.instances[0].ipv6Addresses[0]',
      good: () => variant(f4, (t) => (byId(t.instances, 'v6').ipv6Addresses = ['2600:1f18:6:601:ffff:ffff:ffff:fffe'])),
    },
    {
      name: 'a reserved NAT gateway address',
      code: 'CFG_IP_RESERVED',
      bad: () => variant(f1, (t) => (byId(t.natGateways, 'nat-a').privateIp = '10.0.1.3')),
      resourceId: 'nat-a',
      path: 'topology.natGateways[0].privateIp',
      good: f1,
    },
    {
      name: 'an address outside the subnet',
      code: 'CFG_IP_NOT_IN_SUBNET',
      bad: web({ privateIp: '10.0.2.50' }),
      resourceId: 'web',
      path: 'topology.instances[0].privateIp',
      good: web({ privateIp: '10.0.1.50' }),
    },
    {
      name: 'an IPv6 address on a subnet without IPv6',
      code: 'CFG_IP_NOT_IN_SUBNET',
      bad: web({ ipv6Addresses: ['2600:1f18:6:601::10'] }),
      resourceId: 'web',
      path: 'topology.instances[0].ipv6Addresses[0]',
      good: f1,
    },
    {
      name: 'a NAT gateway address outside its subnet',
      code: 'CFG_IP_NOT_IN_SUBNET',
      bad: () => variant(f1, (t) => (byId(t.natGateways, 'nat-a').privateIp = '10.0.2.5')),
      resourceId: 'nat-a',
      path: 'topology.natGateways[0].privateIp',
      good: f1,
    },
    {
      name: 'two instances with one private address',
      code: 'CFG_IP_IN_USE',
      bad: () => variant(f1, (t) => (byId(t.instances, 'app2').privateIp = '10.0.2.10')),
      resourceId: 'app2',
      path: 'topology.instances[2].privateIp',
      good: f1,
    },
    {
      name: 'a secondary address equal to another instance primary',
      code: 'CFG_IP_IN_USE',
      bad: () => variant(f1, (t) => (byId(t.instances, 'app2').secondaryPrivateIps = ['10.0.2.10'])),
      resourceId: 'app2',
      path: 'topology.instances[2].secondaryPrivateIps[0]',
      good: () => variant(f1, (t) => (byId(t.instances, 'app2').secondaryPrivateIps = ['10.0.2.12'])),
    },
    {
      name: 'a NAT gateway on an instance address',
      code: 'CFG_IP_IN_USE',
      bad: () => variant(f1, (t) => (byId(t.natGateways, 'nat-a').privateIp = '10.0.1.10')),
      resourceId: 'nat-a',
      path: 'topology.natGateways[0].privateIp',
      good: f1,
    },
    {
      name: 'a network interface on an instance address',
      code: 'CFG_IP_IN_USE',
      bad: () => variant(fullDocument, (t) => (byId(t.networkInterfaces, 'eni-fw').privateIp = '10.0.1.10')),
      resourceId: 'eni-fw',
      path: 'topology.networkInterfaces[0].privateIp',
      good: fullDocument,
    },
    {
      name: 'one public address twice',
      code: 'CFG_IP_IN_USE',
      bad: () => variant(f1, (t) => (byId(t.natGateways, 'nat-a').publicIp = '54.1.1.10')),
      resourceId: 'nat-a',
      path: 'topology.natGateways[0].publicIp',
      good: f1,
    },
    {
      name: 'a private public IP',
      code: 'CFG_PUBLIC_IP_NOT_PUBLIC',
      bad: web({ publicIp: '192.168.1.10' }),
      resourceId: 'web',
      path: 'topology.instances[0].publicIp',
      good: web({ publicIp: '54.1.1.11' }),
    },
    {
      name: 'a shared-range (RFC 6598) Elastic IP on a NAT gateway',
      code: 'CFG_PUBLIC_IP_NOT_PUBLIC',
      bad: () => variant(f1, (t) => (byId(t.natGateways, 'nat-a').publicIp = '100.64.0.9')),
      resourceId: 'nat-a',
      path: 'topology.natGateways[0].publicIp',
      good: f1,
    },
    {
      name: 'an interface attached across Availability Zones',
      code: 'CFG_ENI_ATTACH_OTHER_AZ',
      bad: () =>
        variant(fullDocument, (t) => {
          const eni = byId(t.networkInterfaces, 'eni-fw');
          eni.subnetId = 'sn-app-b';
          eni.privateIp = '10.0.3.20';
        }),
      resourceId: 'eni-fw',
      path: 'topology.networkInterfaces[0].instanceId',
      good: () =>
        variant(fullDocument, (t) => {
          const eni = byId(t.networkInterfaces, 'eni-fw');
          eni.subnetId = 'sn-app-a';
          eni.privateIp = '10.0.2.20';
        }),
    },
  ];
  it.each(rows)('$name: $code', expectRule);

  it('allows the same private address in two VPCs', () => {
    const doc = variant(fullDocument, (t) => {
      byId(t.vpcs, 'vpc-b').cidrBlocks = ['10.0.0.0/16'];
      byId(t.subnets, 'sn-b1').cidrBlock = '10.0.2.0/24';
      byId(t.subnets, 'sn-b-tgw').cidrBlock = '10.0.255.0/28';
      byId(t.instances, 'peer1').privateIp = '10.0.2.10';
      byId(t.instances, 'peer1').secondaryPrivateIps = [];
      t.vpcPeeringConnections = [];
      byId(t.routeTables, 'rtb-b').routes.splice(0, 2, { destination: '10.0.0.0/16', target: 'local' });
      byId(t.routeTables, 'rtb-priv').routes.pop();
    });
    expect(codes(lint(doc))).not.toContain('CFG_IP_IN_USE');
  });

  it('ignores the addresses of a terminated instance', () => {
    const doc = variant(f1, (t) => {
      byId(t.instances, 'app2').privateIp = '10.0.2.10';
      byId(t.instances, 'app2').state = 'terminated';
    });
    expect(codes(lint(doc))).not.toContain('CFG_IP_IN_USE');
  });
});
