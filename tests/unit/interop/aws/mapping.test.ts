// One table per mapping rule: an AWS item in, the format's resource (or rule) and the diagnostic codes out.
import { describe, expect, it } from 'vitest';
import { importAws } from '../../../../src/interop/aws/index.ts';
import type { ImportResult } from '../../../../src/interop/index.ts';
import type { NaclRule, Route, SgInboundRule } from '../../../../src/model/index.ts';
import { ACCOUNT, baseFiles, codes, file, find, instanceItem, loaded, reservations } from './helpers.ts';

const VPC = 'vpc-0000000000000000a';
const SUBNET = 'subnet-0000000000000000a';
const SG = 'sg-0000000000000000a';

function withFiles(...extra: ReturnType<typeof file>[]): ImportResult {
  return importAws([...baseFiles(), ...extra]);
}

describe('network ACL entries', () => {
  function aclOf(entry: Record<string, unknown>): { inbound: NaclRule[]; outbound: NaclRule[]; codes: string[] } {
    const r = withFiles(
      file('network-acls.json', {
        NetworkAcls: [
          {
            NetworkAclId: 'acl-01',
            VpcId: VPC,
            IsDefault: false,
            Associations: [{ SubnetId: SUBNET }],
            Entries: [entry],
          },
        ],
      }),
    );
    const acl = find(loaded(r), 'networkAcls', 'acl-01');
    return { inbound: acl.inbound, outbound: acl.outbound, codes: codes(r) };
  }
  const base = { CidrBlock: '0.0.0.0/0', Egress: false, RuleAction: 'allow', RuleNumber: 100 };

  it.each<[string, Record<string, unknown>, NaclRule | undefined, string[]]>([
    [
      '-1 is all',
      { ...base, Protocol: '-1' },
      { ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
      [],
    ],
    [
      '6 is tcp with its port range',
      { ...base, Protocol: '6', PortRange: { From: 1024, To: 65535 } },
      { ruleNumber: 100, protocol: 'tcp', cidr: '0.0.0.0/0', action: 'allow', ports: '1024-65535' },
      [],
    ],
    [
      '17 is udp with a single port',
      { ...base, Protocol: '17', PortRange: { From: 53, To: 53 } },
      { ruleNumber: 100, protocol: 'udp', cidr: '0.0.0.0/0', action: 'allow', ports: '53' },
      [],
    ],
    [
      'a full port range is all ports',
      { ...base, Protocol: '6', PortRange: { From: 0, To: 65535 } },
      { ruleNumber: 100, protocol: 'tcp', cidr: '0.0.0.0/0', action: 'allow' },
      [],
    ],
    [
      '1 is icmp; type -1 is any',
      { ...base, Protocol: '1', IcmpTypeCode: { Type: -1, Code: -1 } },
      { ruleNumber: 100, protocol: 'icmp', cidr: '0.0.0.0/0', action: 'allow' },
      [],
    ],
    [
      'an icmp type with any code',
      { ...base, Protocol: '1', IcmpTypeCode: { Type: 3, Code: -1 } },
      { ruleNumber: 100, protocol: 'icmp', cidr: '0.0.0.0/0', action: 'allow', icmpType: 3 },
      [],
    ],
    [
      '58 is icmpv6 on an IPv6 block',
      {
        Ipv6CidrBlock: '::/0',
        Egress: false,
        RuleAction: 'deny',
        RuleNumber: 90,
        Protocol: '58',
        IcmpTypeCode: { Type: 128, Code: 0 },
      },
      { ruleNumber: 90, protocol: 'icmpv6', cidr: '::/0', action: 'deny', icmpType: 128, icmpCode: 0 },
      [],
    ],
    [
      'another protocol stays a number',
      { ...base, Protocol: '50' },
      { ruleNumber: 100, protocol: '50', cidr: '0.0.0.0/0', action: 'allow' },
      [],
    ],
    [
      'the IPv4 implicit deny 32767 is left to the format',
      { ...base, RuleNumber: 32767, Protocol: '-1' },
      undefined,
      [],
    ],
    [
      'the IPv6 implicit deny 32768 is left to the format',
      { ...base, RuleNumber: 32768, Protocol: '-1' },
      undefined,
      [],
    ],
    ['a protocol that is no number', { ...base, Protocol: 'gre' }, undefined, ['IMPORT_AWS_FIELD_VALUE']],
    [
      'an action that is neither',
      { ...base, Protocol: '-1', RuleAction: 'maybe' },
      undefined,
      ['IMPORT_AWS_FIELD_VALUE'],
    ],
    ['a rule number out of range', { ...base, RuleNumber: 0, Protocol: '-1' }, undefined, ['IMPORT_AWS_FIELD_VALUE']],
    [
      'a missing block',
      { Egress: false, RuleAction: 'allow', RuleNumber: 100, Protocol: '-1' },
      undefined,
      ['IMPORT_AWS_FIELD_MISSING'],
    ],
    [
      'a missing Egress flag',
      { CidrBlock: '0.0.0.0/0', RuleAction: 'allow', RuleNumber: 100, Protocol: '-1' },
      undefined,
      ['IMPORT_AWS_FIELD_MISSING'],
    ],
    ['a malformed block', { ...base, CidrBlock: '10.0.0/8', Protocol: '-1' }, undefined, ['IMPORT_AWS_FIELD_VALUE']],
    [
      'a rule number of the wrong type',
      { ...base, RuleNumber: '100', Protocol: '-1' },
      undefined,
      ['IMPORT_AWS_FIELD_TYPE'],
    ],
  ])('%s', (_name, entry, rule, expected) => {
    const acl = aclOf(entry);
    expect(acl.inbound).toEqual(rule ? [rule] : []);
    expect(acl.outbound).toEqual([]);
    expect(acl.codes).toEqual(expected);
  });

  it('splits entries by Egress and orders them by rule number', () => {
    const r = withFiles(
      file('network-acls.json', {
        NetworkAcls: [
          {
            NetworkAclId: 'acl-01',
            VpcId: VPC,
            IsDefault: true,
            Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: 'acl-01', SubnetId: SUBNET }],
            Entries: [
              { ...base, RuleNumber: 200, Protocol: '-1' },
              { ...base, RuleNumber: 100, Protocol: '-1', RuleAction: 'deny' },
              { ...base, Egress: true, Protocol: '-1' },
            ],
          },
        ],
      }),
    );
    const acl = find(loaded(r), 'networkAcls', 'acl-01');
    expect(acl.inbound.map((x) => x.ruleNumber)).toEqual([100, 200]);
    expect(acl.outbound).toHaveLength(1);
    expect(acl).toMatchObject({ default: true, subnetIds: [SUBNET] });
  });
});

describe('security group permissions, one peer per rule', () => {
  function rulesOf(permission: Record<string, unknown>): { inbound: SgInboundRule[]; codes: string[] } {
    const r = withFiles(
      file('sg2.json', {
        SecurityGroups: [
          {
            GroupId: 'sg-0000000000000000b',
            GroupName: 'peers',
            VpcId: VPC,
            OwnerId: ACCOUNT,
            IpPermissions: [permission],
            IpPermissionsEgress: [],
          },
        ],
      }),
      file('managed-prefix-lists.json', {
        PrefixLists: [{ PrefixListId: 'pl-0123456789abcdef0', PrefixListName: 'corp', OwnerId: ACCOUNT }],
      }),
      file('entries-pl-0123456789abcdef0.json', { Entries: [{ Cidr: '203.0.113.0/24' }] }),
    );
    return { inbound: find(loaded(r), 'securityGroups', 'sg-0000000000000000b').inbound ?? [], codes: codes(r) };
  }
  const tcp443 = {
    IpProtocol: 'tcp',
    FromPort: 443,
    ToPort: 443,
    IpRanges: [],
    Ipv6Ranges: [],
    PrefixListIds: [],
    UserIdGroupPairs: [],
  };

  it.each<[string, Record<string, unknown>, SgInboundRule[], string[]]>([
    [
      'IPv4 and IPv6 ranges, a prefix list and a group become four rules',
      {
        ...tcp443,
        IpRanges: [{ CidrIp: '10.1.0.0/16', Description: 'office' }],
        Ipv6Ranges: [{ CidrIpv6: '2001:db8::/32' }],
        PrefixListIds: [{ PrefixListId: 'pl-0123456789abcdef0' }],
        UserIdGroupPairs: [{ GroupId: SG, UserId: ACCOUNT, Description: 'app' }],
      },
      [
        { protocol: 'tcp', ports: '443', description: 'office', source: '10.1.0.0/16' },
        { protocol: 'tcp', ports: '443', source: '2001:db8::/32' },
        { protocol: 'tcp', ports: '443', source: 'pl-0123456789abcdef0' },
        { protocol: 'tcp', ports: '443', description: 'app', source: SG },
      ],
      [],
    ],
    [
      '-1 is all traffic',
      { ...tcp443, IpProtocol: '-1', FromPort: undefined, ToPort: undefined, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      [{ protocol: 'all', source: '0.0.0.0/0' }],
      [],
    ],
    [
      'a port range',
      { ...tcp443, IpProtocol: 'udp', FromPort: 1000, ToPort: 2000, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      [{ protocol: 'udp', ports: '1000-2000', source: '0.0.0.0/0' }],
      [],
    ],
    [
      '0-65535 is every port',
      { ...tcp443, FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      [{ protocol: 'tcp', source: '0.0.0.0/0' }],
      [],
    ],
    [
      'icmp: FromPort is the type, ToPort the code',
      { ...tcp443, IpProtocol: 'icmp', FromPort: 8, ToPort: 0, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      [{ protocol: 'icmp', icmpType: 8, icmpCode: 0, source: '0.0.0.0/0' }],
      [],
    ],
    [
      'icmp -1 is every type',
      { ...tcp443, IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      [{ protocol: 'icmp', source: '0.0.0.0/0' }],
      [],
    ],
    [
      'icmpv6 by name',
      { ...tcp443, IpProtocol: 'icmpv6', FromPort: -1, ToPort: -1, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
      [{ protocol: 'icmpv6', source: '::/0' }],
      [],
    ],
    [
      '58 is icmpv6',
      { ...tcp443, IpProtocol: '58', FromPort: 128, ToPort: -1, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
      [{ protocol: 'icmpv6', icmpType: 128, source: '::/0' }],
      [],
    ],
    [
      'a protocol number without ports',
      { ...tcp443, IpProtocol: '47', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      [{ protocol: '47', source: '0.0.0.0/0' }],
      [],
    ],
    [
      "another account's group is kept, and named",
      { ...tcp443, UserIdGroupPairs: [{ GroupId: 'sg-0999999999999f0f9', UserId: '999988887777' }] },
      [{ protocol: 'tcp', ports: '443', source: 'sg-0999999999999f0f9' }],
      ['IMPORT_AWS_SG_PEER_OUTSIDE_IMPORT'],
    ],
    [
      'a group reached over a peering connection',
      {
        ...tcp443,
        UserIdGroupPairs: [
          { GroupId: SG, UserId: ACCOUNT, VpcPeeringConnectionId: 'pcx-01', PeeringStatus: 'active', VpcId: VPC },
        ],
      },
      [{ protocol: 'tcp', ports: '443', source: SG }],
      [],
    ],
    [
      'an unknown prefix list drops the rule',
      { ...tcp443, PrefixListIds: [{ PrefixListId: 'pl-0fffffffffffffff0' }] },
      [],
      ['IMPORT_AWS_UNKNOWN_REFERENCE'],
    ],
    [
      'a reversed port range',
      { ...tcp443, FromPort: 500, ToPort: 400, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      [],
      ['IMPORT_AWS_FIELD_VALUE'],
    ],
    [
      'an unknown protocol name',
      { ...tcp443, IpProtocol: 'sctp', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      [],
      ['IMPORT_AWS_FIELD_VALUE'],
    ],
    ['a malformed range', { ...tcp443, IpRanges: [{ CidrIp: 'everywhere' }] }, [], ['IMPORT_AWS_FIELD_VALUE']],
    [
      'a group pair whose GroupId is no group id',
      { ...tcp443, UserIdGroupPairs: [{ GroupId: 'vpc-0000000000000000a', UserId: ACCOUNT }] },
      [],
      ['IMPORT_AWS_FIELD_VALUE'],
    ],
    [
      'a group pair without GroupId',
      { ...tcp443, UserIdGroupPairs: [{ GroupName: 'legacy', UserId: ACCOUNT }] },
      [],
      ['IMPORT_AWS_FIELD_MISSING'],
    ],
  ])('%s', (_name, permission, expected, expectedCodes) => {
    const got = rulesOf(permission);
    expect(got.inbound).toEqual(expected);
    expect(got.codes).toEqual(expectedCodes);
  });

  it('keeps an empty egress list as no rules, and the group name when no Name tag', () => {
    const r = withFiles();
    const sg = find(loaded(r), 'securityGroups', SG);
    expect(sg).toEqual({ id: SG, vpcId: VPC, inbound: [], outbound: [], name: 'app' });
  });
});

describe('route tables', () => {
  const targets = [
    file('internet-gateways.json', {
      InternetGateways: [
        { InternetGatewayId: 'igw-01', Attachments: [{ State: 'available', VpcId: VPC }], OwnerId: ACCOUNT },
      ],
    }),
    file('egress-only-internet-gateways.json', {
      EgressOnlyInternetGateways: [
        { EgressOnlyInternetGatewayId: 'eigw-01', Attachments: [{ State: 'attached', VpcId: VPC }] },
      ],
    }),
    file('nat-gateways.json', {
      NatGateways: [
        {
          NatGatewayId: 'nat-01',
          SubnetId: SUBNET,
          VpcId: VPC,
          State: 'available',
          ConnectivityType: 'private',
          NatGatewayAddresses: [{ PrivateIp: '10.0.1.5', IsPrimary: true }],
        },
      ],
    }),
    reservations(instanceItem('i-0000000000000001', '10.0.1.10')),
  ];
  function routesOf(
    route: Record<string, unknown>,
    extra: ReturnType<typeof file>[] = [],
  ): { routes: Route[]; codes: string[] } {
    const r = withFiles(
      ...targets,
      ...extra,
      file('route-tables.json', {
        RouteTables: [
          {
            RouteTableId: 'rtb-01',
            VpcId: VPC,
            OwnerId: ACCOUNT,
            Associations: [{ Main: true, RouteTableId: 'rtb-01', AssociationState: { State: 'associated' } }],
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
              route,
            ],
          },
        ],
      }),
    );
    return { routes: find(loaded(r), 'routeTables', 'rtb-01').routes, codes: codes(r) };
  }
  const to = (dest: string) => ({ DestinationCidrBlock: dest, Origin: 'CreateRoute', State: 'active' });

  it.each<[string, Record<string, unknown>, Route[], string[]]>([
    [
      'an internet gateway',
      { ...to('0.0.0.0/0'), GatewayId: 'igw-01' },
      [{ destination: '0.0.0.0/0', target: 'igw-01' }],
      [],
    ],
    [
      'a NAT gateway',
      { ...to('0.0.0.0/0'), NatGatewayId: 'nat-01' },
      [{ destination: '0.0.0.0/0', target: 'nat-01' }],
      [],
    ],
    [
      'an egress-only gateway for IPv6',
      {
        DestinationIpv6CidrBlock: '::/0',
        EgressOnlyInternetGatewayId: 'eigw-01',
        Origin: 'CreateRoute',
        State: 'active',
      },
      [{ destination: '::/0', target: 'eigw-01' }],
      [],
    ],
    [
      'an instance, printed as its interface and the instance',
      {
        ...to('192.168.0.0/16'),
        InstanceId: 'i-0000000000000001',
        InstanceOwnerId: ACCOUNT,
        NetworkInterfaceId: 'eni-0000000000000001',
      },
      [{ destination: '192.168.0.0/16', target: 'eni-0000000000000001' }],
      [],
    ],
    [
      'an instance whose interface is unknown falls back to the instance',
      { ...to('192.168.0.0/16'), InstanceId: 'i-0000000000000001', NetworkInterfaceId: 'eni-0ffffffffffffff01' },
      [{ destination: '192.168.0.0/16', target: 'i-0000000000000001' }],
      [],
    ],
    [
      'a blackhole to a NAT gateway that is gone, without a diagnostic',
      { ...to('172.16.0.0/12'), NatGatewayId: 'nat-0gone', State: 'blackhole' },
      [{ destination: '172.16.0.0/12', target: 'nat-0gone' }],
      [],
    ],
    [
      'an active route to a NAT gateway the import lacks',
      { ...to('172.16.0.0/12'), NatGatewayId: 'nat-0missing' },
      [{ destination: '172.16.0.0/12', target: 'nat-0missing' }],
      ['IMPORT_AWS_UNKNOWN_REFERENCE'],
    ],
    [
      'a transit gateway whose output was not collected',
      { ...to('172.16.0.0/12'), TransitGatewayId: 'tgw-01' },
      [{ destination: '172.16.0.0/12', target: 'tgw-01' }],
      ['IMPORT_AWS_NOT_COLLECTED'],
    ],
    [
      'a propagated route from a virtual private gateway',
      { ...to('172.16.0.0/12'), GatewayId: 'vgw-01', Origin: 'EnableVgwRoutePropagation' },
      [{ destination: '172.16.0.0/12', target: 'vgw-01', propagated: true }],
      ['IMPORT_AWS_UNSUPPORTED'],
    ],
    [
      'a carrier gateway',
      { ...to('0.0.0.0/0'), CarrierGatewayId: 'cagw-01' },
      [{ destination: '0.0.0.0/0', target: 'cagw-01' }],
      ['IMPORT_AWS_UNSUPPORTED'],
    ],
    [
      'a local gateway',
      { ...to('0.0.0.0/0'), LocalGatewayId: 'lgw-01' },
      [{ destination: '0.0.0.0/0', target: 'lgw-01' }],
      ['IMPORT_AWS_UNSUPPORTED'],
    ],
    [
      'a Cloud WAN core network',
      { ...to('0.0.0.0/0'), CoreNetworkArn: 'arn:aws:networkmanager::111122223333:core-network/core-network-01' },
      [{ destination: '0.0.0.0/0', target: 'arn:aws:networkmanager::111122223333:core-network/core-network-01' }],
      ['IMPORT_AWS_UNSUPPORTED'],
    ],
    ['a route without a target', to('0.0.0.0/0'), [], ['IMPORT_AWS_FIELD_MISSING']],
    ['a route without a destination', { GatewayId: 'igw-01', State: 'active' }, [], ['IMPORT_AWS_FIELD_MISSING']],
    ['a malformed destination', { ...to('0.0.0.0/33'), GatewayId: 'igw-01' }, [], ['IMPORT_AWS_FIELD_VALUE']],
    [
      'a prefix list destination the import lacks',
      { DestinationPrefixListId: 'pl-0fffffffffffffff0', GatewayId: 'igw-01', State: 'active' },
      [],
      ['IMPORT_AWS_NOT_COLLECTED'],
    ],
  ])('%s', (_name, route, expected, expectedCodes) => {
    const got = routesOf(route);
    expect(got.routes).toEqual(expected);
    expect(got.codes).toEqual(expectedCodes);
  });

  it('turns a gateway endpoint route into the endpoint’s routeTableIds, not a second route', () => {
    const endpoint = file('vpc-endpoints.json', {
      VpcEndpoints: [
        {
          VpcEndpointId: 'vpce-01',
          VpcEndpointType: 'Gateway',
          VpcId: VPC,
          ServiceName: 'com.amazonaws.us-east-1.dynamodb',
          State: 'available',
          RouteTableIds: [],
        },
      ],
    });
    const r = withFiles(
      endpoint,
      file('route-tables.json', {
        RouteTables: [
          {
            RouteTableId: 'rtb-01',
            VpcId: VPC,
            Associations: [{ Main: true }],
            Routes: [
              { DestinationPrefixListId: 'pl-02cd2c6b', GatewayId: 'vpce-01', Origin: 'CreateRoute', State: 'active' },
            ],
          },
        ],
      }),
    );
    const doc = loaded(r);
    expect(find(doc, 'routeTables', 'rtb-01').routes).toEqual([]);
    expect(find(doc, 'vpcEndpoints', 'vpce-01')).toMatchObject({ type: 'gateway', routeTableIds: ['rtb-01'] });
    // The list is recognised from the endpoint route alone and becomes the built-in one.
    expect(codes(r)).toEqual(['IMPORT_AWS_PREFIX_LIST_BUILTIN']);
  });

  it('reads main, subnet and edge associations; ignores disassociated ones', () => {
    const r = withFiles(
      ...targets,
      file('route-tables.json', {
        RouteTables: [
          {
            RouteTableId: 'rtb-01',
            VpcId: VPC,
            Associations: [
              { Main: true, AssociationState: { State: 'associated' } },
              { Main: false, SubnetId: SUBNET, AssociationState: { State: 'associated' } },
              { Main: false, SubnetId: 'subnet-0old', AssociationState: { State: 'disassociated' } },
            ],
            Routes: [],
          },
          {
            RouteTableId: 'rtb-02',
            VpcId: VPC,
            Associations: [
              { Main: false, GatewayId: 'igw-01', AssociationState: { State: 'associated' } },
              { Main: false, GatewayId: 'vgw-01', AssociationState: { State: 'associated' } },
            ],
            Routes: [],
          },
        ],
      }),
    );
    const doc = loaded(r);
    expect(find(doc, 'routeTables', 'rtb-01')).toMatchObject({ main: true, subnetIds: [SUBNET] });
    expect(find(doc, 'routeTables', 'rtb-02')).toMatchObject({ gatewayIds: ['igw-01'] });
    expect(codes(r)).toEqual(['IMPORT_AWS_UNSUPPORTED']);
  });
});

describe('instances', () => {
  it.each<[string, string, 'stopped' | 'terminated' | undefined, string[]]>([
    ['running', 'running', undefined, []],
    ['stopped', 'stopped', 'stopped', []],
    ['pending (not forwarding yet)', 'pending', 'stopped', ['IMPORT_AWS_STATE_MAPPED']],
    ['stopping', 'stopping', 'stopped', ['IMPORT_AWS_STATE_MAPPED']],
    ['shutting-down', 'shutting-down', 'terminated', ['IMPORT_AWS_STATE_MAPPED']],
    ['terminated with its interface still listed', 'terminated', 'terminated', []],
    ['a state AWS does not have', 'hibernating', 'stopped', ['IMPORT_AWS_FIELD_VALUE']],
  ])('%s', (_name, state, expected, expectedCodes) => {
    const r = withFiles(
      reservations(instanceItem('i-0000000000000001', '10.0.1.10', { State: { Code: 0, Name: state } })),
    );
    expect(find(loaded(r), 'instances', 'i-0000000000000001').state).toBe(expected);
    expect(codes(r)).toEqual(expectedCodes);
  });

  it('leaves out a terminated instance without a subnet, with a warning', () => {
    const gone = instanceItem('i-0000000000000002', '10.0.1.11', {
      State: { Code: 48, Name: 'terminated' },
      NetworkInterfaces: [],
    });
    delete gone['SubnetId'];
    delete gone['PrivateIpAddress'];
    const r = withFiles(reservations(instanceItem('i-0000000000000001', '10.0.1.10'), gone));
    expect(loaded(r).topology.instances?.map((i) => i.id)).toEqual(['i-0000000000000001']);
    expect(codes(r)).toEqual(['IMPORT_AWS_DELETED']);
  });

  it('maps the primary interface, secondary addresses, IPv6, groups, source/dest check and Windows', () => {
    const item = instanceItem('i-0000000000000001', '10.0.1.10', { Platform: 'windows' });
    const eni = (item['NetworkInterfaces'] as Record<string, unknown>[])[0]!;
    eni['PrivateIpAddresses'] = [
      { Primary: true, PrivateIpAddress: '10.0.1.10' },
      { Primary: false, PrivateIpAddress: '10.0.1.11' },
    ];
    eni['Ipv6Addresses'] = [{ Ipv6Address: '2600:1f18::10' }];
    eni['SourceDestCheck'] = false;
    eni['Association'] = { IpOwnerId: 'amazon', PublicIp: '3.3.3.3' };
    const secondary: Record<string, unknown> = {
      ...eni,
      NetworkInterfaceId: 'eni-0000000000000009',
      PrivateIpAddress: '10.0.1.20',
      Attachment: { DeviceIndex: 1, Status: 'attached' },
    };
    secondary['PrivateIpAddresses'] = [{ Primary: true, PrivateIpAddress: '10.0.1.20' }];
    delete secondary['Association'];
    item['NetworkInterfaces'] = [eni, secondary];
    const doc = loaded(withFiles(reservations(item)));
    expect(find(doc, 'instances', 'i-0000000000000001')).toEqual({
      id: 'i-0000000000000001',
      subnetId: SUBNET,
      privateIp: '10.0.1.10',
      securityGroupIds: [SG],
      secondaryPrivateIps: ['10.0.1.11'],
      publicIp: '3.3.3.3',
      ipv6Addresses: ['2600:1f18::10'],
      sourceDestCheck: false,
      primaryInterfaceId: 'eni-0000000000000001',
      os: 'windows',
    });
    expect(find(doc, 'networkInterfaces', 'eni-0000000000000009')).toMatchObject({
      instanceId: 'i-0000000000000001',
      privateIp: '10.0.1.20',
    });
  });

  it('falls back to the instance’s own fields when it lists no interfaces', () => {
    const item = instanceItem('i-0000000000000001', '10.0.1.10', { NetworkInterfaces: [], PublicIpAddress: '3.3.3.4' });
    const doc = loaded(withFiles(reservations(item)));
    expect(find(doc, 'instances', 'i-0000000000000001')).toEqual({
      id: 'i-0000000000000001',
      subnetId: SUBNET,
      privateIp: '10.0.1.10',
      securityGroupIds: [SG],
      publicIp: '3.3.3.4',
    });
  });
});

describe('describe-network-interfaces', () => {
  const eni = (id: string, ip: string, extra: Record<string, unknown>) => ({
    NetworkInterfaceId: id,
    SubnetId: SUBNET,
    VpcId: VPC,
    AvailabilityZone: 'us-east-1a',
    PrivateIpAddress: ip,
    PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }],
    Groups: [],
    Ipv6Addresses: [],
    Status: 'in-use',
    TagSet: [],
    ...extra,
  });

  it.each<[string, Record<string, unknown>, boolean, string[]]>([
    [
      'a Lambda interface is a plain interface',
      { InterfaceType: 'lambda', Description: 'AWS Lambda VPC ENI-fn' },
      true,
      [],
    ],
    ['an EFS mount target is a plain interface', { InterfaceType: 'efs' }, true, []],
    ['an unattached interface', { InterfaceType: 'interface', Status: 'available' }, true, []],
    [
      'a load balancer interface is plain, and named',
      { InterfaceType: 'network_load_balancer', Description: 'ELB net/x/1' },
      true,
      ['IMPORT_AWS_UNSUPPORTED'],
    ],
    [
      'an ALB interface (type interface, ELB description)',
      { InterfaceType: 'interface', Description: 'ELB app/web/2' },
      true,
      ['IMPORT_AWS_UNSUPPORTED'],
    ],
    [
      'a NAT gateway interface whose gateway was not collected',
      { InterfaceType: 'nat_gateway', Description: 'Interface for NAT Gateway nat-0abc' },
      false,
      ['IMPORT_AWS_NOT_COLLECTED'],
    ],
    [
      'an interface endpoint interface whose endpoint was not collected',
      { InterfaceType: 'vpc_endpoint', Description: 'VPC Endpoint Interface vpce-0abc' },
      false,
      ['IMPORT_AWS_NOT_COLLECTED'],
    ],
    [
      'a transit gateway interface whose attachment was not collected',
      {
        InterfaceType: 'transit_gateway',
        Description: 'Network Interface for Transit Gateway Attachment tgw-attach-0abc',
      },
      false,
      ['IMPORT_AWS_NOT_COLLECTED'],
    ],
    [
      'an interface of an instance that was not collected is imported unattached',
      { InterfaceType: 'interface', Attachment: { InstanceId: 'i-0abc', DeviceIndex: 0, Status: 'attached' } },
      true,
      ['IMPORT_AWS_NOT_COLLECTED'],
    ],
    [
      'an IPv6-only interface',
      { PrivateIpAddress: undefined, PrivateIpAddresses: [], Ipv6Addresses: [{ Ipv6Address: '2600::1' }] },
      false,
      ['IMPORT_AWS_UNSUPPORTED'],
    ],
  ])('%s', (_name, extra, kept, expectedCodes) => {
    const r = withFiles(
      file('network-interfaces.json', { NetworkInterfaces: [eni('eni-0000000000000005', '10.0.1.50', extra)] }),
    );
    expect((loaded(r).topology.networkInterfaces ?? []).length).toBe(kept ? 1 : 0);
    expect(codes(r)).toEqual(expectedCodes);
  });

  it('gives a NAT gateway the addresses of its interface when its own listing lacks them', () => {
    const r = withFiles(
      file('internet-gateways.json', {
        InternetGateways: [{ InternetGatewayId: 'igw-01', Attachments: [{ State: 'available', VpcId: VPC }] }],
      }),
      file('nat-gateways.json', {
        NatGateways: [
          {
            NatGatewayId: 'nat-0abc',
            SubnetId: SUBNET,
            State: 'available',
            ConnectivityType: 'public',
            NatGatewayAddresses: [],
          },
        ],
      }),
      file('network-interfaces.json', {
        NetworkInterfaces: [
          eni('eni-0000000000000005', '10.0.1.50', {
            InterfaceType: 'nat_gateway',
            Description: 'Interface for NAT Gateway nat-0abc',
            Association: { PublicIp: '52.1.2.3' },
          }),
        ],
      }),
    );
    const doc = loaded(r);
    expect(doc.topology.networkInterfaces).toBeUndefined();
    expect(find(doc, 'natGateways', 'nat-0abc')).toEqual({
      id: 'nat-0abc',
      subnetId: SUBNET,
      privateIp: '10.0.1.50',
      publicIp: '52.1.2.3',
    });
    expect(codes(r)).toEqual([]);
  });
});

describe('gateways, NAT gateways and peerings', () => {
  it.each<[string, Record<string, unknown>[], string | null]>([
    ['attached', [{ State: 'available', VpcId: VPC }], VPC],
    ['detached', [], null],
    ['detaching', [{ State: 'detaching', VpcId: VPC }], null],
  ])('an internet gateway %s', (_name, attachments, vpcId) => {
    const r = withFiles(
      file('igw.json', { InternetGateways: [{ InternetGatewayId: 'igw-01', Attachments: attachments }] }),
    );
    expect(find(loaded(r), 'internetGateways', 'igw-01').vpcId).toBe(vpcId);
  });

  it.each<[string, string | undefined, string[]]>([
    ['available', undefined, []],
    ['pending', 'pending', []],
    ['failed', 'failed', []],
    ['deleting', 'deleting', []],
    ['deleted', 'deleted', []],
    ['exploded', 'failed', ['IMPORT_AWS_FIELD_VALUE']],
  ])('a NAT gateway %s', (state, expected, expectedCodes) => {
    const r = withFiles(
      file('nat.json', {
        NatGateways: [
          {
            NatGatewayId: 'nat-01',
            SubnetId: SUBNET,
            State: state,
            ConnectivityType: 'private',
            NatGatewayAddresses: [{ PrivateIp: '10.0.1.5' }],
          },
        ],
      }),
    );
    expect(find(loaded(r), 'natGateways', 'nat-01')).toMatchObject({ connectivity: 'private', privateIp: '10.0.1.5' });
    expect(find(loaded(r), 'natGateways', 'nat-01').state).toBe(expected);
    expect(codes(r)).toEqual(expectedCodes);
  });

  it('leaves out a Regional NAT gateway, which has no subnet', () => {
    const r = withFiles(
      file('nat.json', { NatGateways: [{ NatGatewayId: 'nat-01', AvailabilityMode: 'regional', State: 'available' }] }),
    );
    expect(loaded(r).topology.natGateways).toBeUndefined();
    expect(codes(r)).toEqual(['IMPORT_AWS_UNSUPPORTED']);
  });

  function peering(code: string, accepter = 'vpc-0000000000000000b') {
    return file('pcx.json', {
      VpcPeeringConnections: [
        {
          VpcPeeringConnectionId: 'pcx-01',
          RequesterVpcInfo: { VpcId: VPC, OwnerId: ACCOUNT, Region: 'us-east-1', CidrBlock: '10.0.0.0/16' },
          AccepterVpcInfo: { VpcId: accepter, OwnerId: ACCOUNT, Region: 'us-east-1', CidrBlock: '10.1.0.0/16' },
          Status: { Code: code, Message: '' },
        },
      ],
    });
  }
  const second = file('vpcs-b.json', {
    Vpcs: [{ VpcId: 'vpc-0000000000000000b', CidrBlock: '10.1.0.0/16', OwnerId: ACCOUNT }],
  });

  it.each<[string, string | undefined, string[]]>([
    ['active', undefined, []],
    ['pending-acceptance', 'pending-acceptance', []],
    ['provisioning', 'provisioning', []],
    ['rejected', 'rejected', []],
    ['expired', 'expired', []],
    ['failed', 'failed', []],
    ['deleted', 'deleted', []],
    ['initiating-request', 'provisioning', ['IMPORT_AWS_STATE_MAPPED']],
    ['deleting', 'deleted', ['IMPORT_AWS_STATE_MAPPED']],
  ])('a peering %s', (code, expected, expectedCodes) => {
    const r = withFiles(second, peering(code));
    expect(find(loaded(r), 'vpcPeeringConnections', 'pcx-01').status).toBe(expected);
    expect(codes(r)).toEqual(expectedCodes);
  });

  it('leaves out a peering whose other VPC is outside the import, and keeps routes to it as blackholes', () => {
    const r = withFiles(
      peering('active', 'vpc-0otheraccount'),
      file('rtb.json', {
        RouteTables: [
          {
            RouteTableId: 'rtb-01',
            VpcId: VPC,
            Associations: [],
            Routes: [{ DestinationCidrBlock: '10.9.0.0/16', VpcPeeringConnectionId: 'pcx-01', State: 'active' }],
          },
        ],
      }),
    );
    const doc = loaded(r);
    expect(doc.topology.vpcPeeringConnections).toBeUndefined();
    expect(find(doc, 'routeTables', 'rtb-01').routes).toEqual([{ destination: '10.9.0.0/16', target: 'pcx-01' }]);
    expect(codes(r)).toEqual(['IMPORT_AWS_PEER_OUTSIDE_IMPORT', 'IMPORT_AWS_DEPENDENCY_LEFT_OUT']);
  });
});

describe('VPC endpoints and prefix lists', () => {
  const endpoint = (type: string, state = 'available', service = 'com.amazonaws.us-east-1.ssm') =>
    file('vpce.json', {
      VpcEndpoints: [
        {
          VpcEndpointId: 'vpce-01',
          VpcEndpointType: type,
          VpcId: VPC,
          ServiceName: service,
          State: state,
          SubnetIds: [SUBNET],
          Groups: [{ GroupId: SG, GroupName: 'app' }],
          RouteTableIds: [],
        },
      ],
    });

  it.each<[string, string, string, boolean, string[]]>([
    ['an interface endpoint', 'Interface', 'available', true, []],
    ['a pending interface endpoint', 'Interface', 'pendingAcceptance', true, ['IMPORT_AWS_STATE_MAPPED']],
    ['a deleted endpoint', 'Interface', 'deleted', false, ['IMPORT_AWS_DELETED']],
    ['a rejected endpoint', 'Interface', 'Rejected', false, ['IMPORT_AWS_DELETED']],
    ['a Gateway Load Balancer endpoint', 'GatewayLoadBalancer', 'available', false, ['IMPORT_AWS_UNSUPPORTED']],
    ['a resource endpoint', 'Resource', 'available', false, ['IMPORT_AWS_UNSUPPORTED']],
  ])('%s', (_name, type, state, kept, expectedCodes) => {
    const r = withFiles(endpoint(type, state));
    const list = loaded(r).topology.vpcEndpoints ?? [];
    expect(list.length).toBe(kept ? 1 : 0);
    if (kept)
      expect(list[0]).toMatchObject({
        type: 'interface',
        subnetIds: [SUBNET],
        securityGroupIds: [SG],
        service: 'com.amazonaws.us-east-1.ssm',
      });
    expect(codes(r)).toEqual(expectedCodes);
  });

  it.each<[string, ReturnType<typeof file>[], { id: string; cidrs: string[] } | undefined, string[]]>([
    [
      'a customer list with entries in a file named after it',
      [
        file('managed.json', { PrefixLists: [{ PrefixListId: 'pl-0a', PrefixListName: 'corp', OwnerId: ACCOUNT }] }),
        file('entries/pl-0a.json', { Entries: [{ Cidr: '203.0.113.0/24', Description: 'HQ' }] }),
      ],
      { id: 'pl-0a', cidrs: ['203.0.113.0/24'] },
      [],
    ],
    [
      'a customer list without entries is imported empty',
      [file('managed.json', { PrefixLists: [{ PrefixListId: 'pl-0a', PrefixListName: 'corp', OwnerId: ACCOUNT }] })],
      { id: 'pl-0a', cidrs: [] },
      ['IMPORT_AWS_PREFIX_LIST_NO_ENTRIES'],
    ],
    [
      'entries alone make a list',
      [
        file('entries.json', {
          ManagedPrefixListEntries: [{ PrefixListId: 'pl-0b', Entries: [{ Cidr: '198.51.100.0/24' }] }],
        }),
      ],
      { id: 'pl-0b', cidrs: ['198.51.100.0/24'] },
      [],
    ],
    [
      "AWS's DynamoDB list becomes the built-in one",
      [
        file('pls.json', {
          PrefixLists: [
            {
              PrefixListId: 'pl-02cd2c6b',
              PrefixListName: 'com.amazonaws.us-east-1.dynamodb',
              Cidrs: ['52.94.0.0/22'],
            },
          ],
        }),
      ],
      undefined,
      ['IMPORT_AWS_PREFIX_LIST_BUILTIN'],
    ],
    [
      'an entries file whose name names no list',
      [file('entries.json', { Entries: [{ Cidr: '198.51.100.0/24' }] })],
      undefined,
      ['IMPORT_AWS_NO_ID_IN_FILE_NAME'],
    ],
  ])('%s', (_name, extra, expected, expectedCodes) => {
    const r = withFiles(...extra);
    const lists = loaded(r).topology.prefixLists ?? [];
    if (expected) expect(lists[0]).toMatchObject(expected);
    else expect(lists).toEqual([]);
    expect(codes(r)).toEqual(expectedCodes);
  });

  it('gives security group rules on an AWS service list the built-in id', () => {
    const r = withFiles(
      file('pls.json', {
        PrefixLists: [
          { PrefixListId: 'pl-63a5400a', PrefixListName: 'com.amazonaws.us-east-1.s3', Cidrs: ['52.216.0.0/15'] },
        ],
      }),
      file('sg2.json', {
        SecurityGroups: [
          {
            GroupId: 'sg-0000000000000000b',
            VpcId: VPC,
            IpPermissions: [],
            IpPermissionsEgress: [
              { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: 'pl-63a5400a' }] },
            ],
          },
        ],
      }),
    );
    expect(find(loaded(r), 'securityGroups', 'sg-0000000000000000b').outbound).toEqual([
      { protocol: 'tcp', ports: '443', destination: 'pl-s3' },
    ]);
  });
});

describe('VPCs and subnets', () => {
  it('skips disassociated blocks and puts the primary block first', () => {
    const r = importAws([
      file('vpcs.json', {
        Vpcs: [
          {
            VpcId: 'vpc-01',
            CidrBlock: '10.0.0.0/16',
            CidrBlockAssociationSet: [
              { CidrBlock: '10.1.0.0/16', CidrBlockState: { State: 'associated' } },
              { CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } },
              { CidrBlock: '10.2.0.0/16', CidrBlockState: { State: 'disassociating' } },
            ],
            Ipv6CidrBlockAssociationSet: [
              { Ipv6CidrBlock: '2600:1f18:1::/56', Ipv6CidrBlockState: { State: 'associated' } },
            ],
            Tags: [{ Key: 'Name', Value: 'main' }],
          },
        ],
      }),
    ]);
    expect(find(loaded(r), 'vpcs', 'vpc-01')).toEqual({
      id: 'vpc-01',
      region: 'us-east-1',
      cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'],
      name: 'main',
      ipv6CidrBlocks: ['2600:1f18:1::/56'],
    });
    expect(codes(r)).toEqual(['IMPORT_AWS_REGION_ASSUMED']);
  });

  it('reads a dual-stack subnet and an IPv6-only one', () => {
    const r = importAws([
      file('vpcs.json', {
        Vpcs: [
          {
            VpcId: 'vpc-01',
            CidrBlock: '10.0.0.0/16',
            Ipv6CidrBlockAssociationSet: [
              { Ipv6CidrBlock: '2600:1f18:1::/56', Ipv6CidrBlockState: { State: 'associated' } },
            ],
          },
        ],
      }),
      file('subnets.json', {
        Subnets: [
          {
            SubnetId: 'subnet-01',
            VpcId: 'vpc-01',
            AvailabilityZone: 'ap-southeast-3b',
            CidrBlock: '10.0.1.0/24',
            MapPublicIpOnLaunch: true,
            Ipv6CidrBlockAssociationSet: [
              { Ipv6CidrBlock: '2600:1f18:1:1::/64', Ipv6CidrBlockState: { State: 'associated' } },
            ],
          },
          {
            SubnetId: 'subnet-02',
            VpcId: 'vpc-01',
            AvailabilityZone: 'ap-southeast-3b',
            Ipv6Native: true,
            Ipv6CidrBlockAssociationSet: [
              { Ipv6CidrBlock: '2600:1f18:1:2::/64', Ipv6CidrBlockState: { State: 'associated' } },
            ],
          },
        ],
      }),
    ]);
    const doc = loaded(r);
    expect(find(doc, 'subnets', 'subnet-01')).toEqual({
      id: 'subnet-01',
      vpcId: 'vpc-01',
      availabilityZone: 'ap-southeast-3b',
      cidrBlock: '10.0.1.0/24',
      ipv6CidrBlock: '2600:1f18:1:1::/64',
      mapPublicIpOnLaunch: true,
    });
    expect(find(doc, 'subnets', 'subnet-02')).not.toHaveProperty('cidrBlock');
    expect(find(doc, 'vpcs', 'vpc-01').region).toBe('ap-southeast-3');
    expect(codes(r)).toEqual([]);
  });
});

describe('transit gateways', () => {
  const tgwFiles = (extra: ReturnType<typeof file>[] = []) => [
    file('tgw.json', {
      TransitGateways: [
        {
          TransitGatewayId: 'tgw-01',
          OwnerId: ACCOUNT,
          State: 'available',
          Options: {
            SecurityGroupReferencingSupport: 'enable',
            DefaultRouteTableAssociation: 'disable',
            DefaultRouteTablePropagation: 'enable',
            PropagationDefaultRouteTableId: 'tgw-rtb-01',
          },
        },
      ],
    }),
    file('tgw-rtbs.json', {
      TransitGatewayRouteTables: [
        { TransitGatewayRouteTableId: 'tgw-rtb-01', TransitGatewayId: 'tgw-01', State: 'available' },
      ],
    }),
    file('tgw-vpc-att.json', {
      TransitGatewayVpcAttachments: [
        {
          TransitGatewayAttachmentId: 'tgw-attach-01',
          TransitGatewayId: 'tgw-01',
          VpcId: VPC,
          State: 'available',
          SubnetIds: [SUBNET],
          Options: { ApplianceModeSupport: 'enable' },
        },
      ],
    }),
    ...extra,
  ];

  it('maps the options and the VPC attachment', () => {
    const r = withFiles(
      ...tgwFiles([
        file('tgw-rtb-01/associations.json', {
          Associations: [{ TransitGatewayAttachmentId: 'tgw-attach-01', ResourceType: 'vpc', State: 'associated' }],
        }),
        file('tgw-rtb-01/propagations.json', { TransitGatewayRouteTablePropagations: [] }),
        file('routes-tgw-rtb-01.json', { Routes: [], AdditionalRoutesAvailable: false }),
      ]),
    );
    const doc = loaded(r);
    expect(find(doc, 'transitGateways', 'tgw-01')).toEqual({
      id: 'tgw-01',
      securityGroupReferencingSupport: true,
      defaultRouteTableAssociation: false,
      defaultRouteTablePropagation: true,
      propagationDefaultRouteTableId: 'tgw-rtb-01',
    });
    expect(find(doc, 'transitGatewayAttachments', 'tgw-attach-01')).toEqual({
      id: 'tgw-attach-01',
      transitGatewayId: 'tgw-01',
      type: 'vpc',
      vpcId: VPC,
      subnetIds: [SUBNET],
      applianceMode: true,
    });
    // The raw responses name their table in a folder or in the file name.
    expect(codes(r)).toEqual([]);
    expect(find(doc, 'transitGatewayRouteTables', 'tgw-rtb-01')).toMatchObject({
      associations: ['tgw-attach-01'],
      propagations: [],
    });
  });

  it('reads raw per-table responses whose file names name the table', () => {
    const r = withFiles(
      ...tgwFiles([
        file('tgw/associations-tgw-rtb-01.json', {
          Associations: [{ TransitGatewayAttachmentId: 'tgw-attach-01', ResourceType: 'vpc', State: 'associated' }],
        }),
        file('tgw/tgw-rtb-01.propagations.json', {
          TransitGatewayRouteTablePropagations: [
            { TransitGatewayAttachmentId: 'tgw-attach-01', ResourceType: 'vpc', State: 'enabled' },
          ],
        }),
        file('tgw-routes/tgw-rtb-01.json', {
          Routes: [
            {
              DestinationCidrBlock: '10.0.0.0/16',
              TransitGatewayAttachments: [{ TransitGatewayAttachmentId: 'tgw-attach-01', ResourceType: 'vpc' }],
              Type: 'propagated',
              State: 'active',
            },
            {
              DestinationCidrBlock: '0.0.0.0/0',
              TransitGatewayAttachments: [{ TransitGatewayAttachmentId: 'tgw-attach-01', ResourceType: 'vpc' }],
              Type: 'static',
              State: 'active',
            },
            { DestinationCidrBlock: '10.8.0.0/16', Type: 'static', State: 'blackhole' },
            { DestinationCidrBlock: '10.7.0.0/16', Type: 'static', State: 'deleted' },
          ],
          AdditionalRoutesAvailable: true,
        }),
      ]),
    );
    expect(find(loaded(r), 'transitGatewayRouteTables', 'tgw-rtb-01')).toEqual({
      id: 'tgw-rtb-01',
      transitGatewayId: 'tgw-01',
      associations: ['tgw-attach-01'],
      propagations: ['tgw-attach-01'],
      routes: [
        { destination: '0.0.0.0/0', attachmentId: 'tgw-attach-01' },
        { destination: '10.8.0.0/16', blackhole: true },
      ],
    });
    expect(codes(r)).toEqual(['IMPORT_AWS_TRUNCATED_OUTPUT']);
  });

  it('says what per-table output is missing, and infers propagations from propagated routes', () => {
    const r = withFiles(
      ...tgwFiles([
        file('routes.json', {
          TransitGatewayStaticRoutes: [
            {
              TransitGatewayRouteTableId: 'tgw-rtb-01',
              Routes: [
                {
                  DestinationCidrBlock: '10.0.0.0/16',
                  TransitGatewayAttachments: [{ TransitGatewayAttachmentId: 'tgw-attach-01' }],
                  Type: 'propagated',
                  State: 'active',
                },
              ],
            },
          ],
        }),
      ]),
    );
    expect(find(loaded(r), 'transitGatewayRouteTables', 'tgw-rtb-01')).toMatchObject({
      associations: [],
      propagations: ['tgw-attach-01'],
      routes: [],
    });
    expect(codes(r)).toEqual(['IMPORT_AWS_NOT_COLLECTED', 'IMPORT_AWS_NOT_COLLECTED']);
  });

  it('warns that a VPC attachment has no subnets when only the generic call was collected', () => {
    const r = withFiles(
      file('tgw.json', { TransitGateways: [{ TransitGatewayId: 'tgw-01', State: 'available' }] }),
      file('atts.json', {
        TransitGatewayAttachments: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-01',
            TransitGatewayId: 'tgw-01',
            ResourceType: 'vpc',
            ResourceId: VPC,
            State: 'available',
          },
          {
            TransitGatewayAttachmentId: 'tgw-attach-02',
            TransitGatewayId: 'tgw-01',
            ResourceType: 'direct-connect-gateway',
            ResourceId: 'dx-01',
            State: 'available',
          },
          {
            TransitGatewayAttachmentId: 'tgw-attach-03',
            TransitGatewayId: 'tgw-01',
            ResourceType: 'vpc',
            ResourceId: VPC,
            State: 'deleted',
          },
        ],
      }),
    );
    expect(find(loaded(r), 'transitGatewayAttachments', 'tgw-attach-01')).not.toHaveProperty('subnetIds');
    expect(codes(r)).toEqual(['IMPORT_AWS_UNSUPPORTED', 'IMPORT_AWS_DELETED', 'IMPORT_AWS_NOT_COLLECTED']);
  });
});

describe('Elastic IPs', () => {
  const eip = (extra: Record<string, unknown>) =>
    file('addresses.json', {
      Addresses: [{ PublicIp: '3.9.9.9', AllocationId: 'eipalloc-01', Domain: 'vpc', ...extra }],
    });
  const instance = (publicIp?: string) => {
    const item = instanceItem('i-0000000000000001', '10.0.1.10');
    const eni = (item['NetworkInterfaces'] as Record<string, unknown>[])[0]!;
    eni['PrivateIpAddresses'] = [
      { Primary: true, PrivateIpAddress: '10.0.1.10' },
      { Primary: false, PrivateIpAddress: '10.0.1.11' },
    ];
    if (publicIp !== undefined) eni['Association'] = { PublicIp: publicIp };
    return reservations(item);
  };

  it.each<[string, string | undefined, Record<string, unknown>, string | undefined, string[]]>([
    [
      'gives its address to an interface without one',
      undefined,
      { NetworkInterfaceId: 'eni-0000000000000001', PrivateIpAddress: '10.0.1.10' },
      '3.9.9.9',
      [],
    ],
    ['finds the interface through the instance', undefined, { InstanceId: 'i-0000000000000001' }, '3.9.9.9', []],
    [
      'agrees with the address the interface shows',
      '3.9.9.9',
      { NetworkInterfaceId: 'eni-0000000000000001', PrivateIpAddress: '10.0.1.10' },
      '3.9.9.9',
      [],
    ],
    [
      'disagrees with the address the interface shows',
      '3.8.8.8',
      { NetworkInterfaceId: 'eni-0000000000000001', PrivateIpAddress: '10.0.1.10' },
      '3.8.8.8',
      ['IMPORT_AWS_EIP_MISMATCH'],
    ],
    [
      'sits on a secondary address',
      undefined,
      { NetworkInterfaceId: 'eni-0000000000000001', PrivateIpAddress: '10.0.1.11' },
      undefined,
      ['IMPORT_AWS_UNSUPPORTED'],
    ],
    ['is not associated', undefined, {}, undefined, ['IMPORT_AWS_UNSUPPORTED']],
    [
      'names an interface the import lacks',
      undefined,
      { NetworkInterfaceId: 'eni-0fffffffffffffff1', PrivateIpAddress: '10.0.1.99' },
      undefined,
      ['IMPORT_AWS_UNKNOWN_REFERENCE'],
    ],
  ])('an Elastic IP that %s', (_name, shown, association, expected, expectedCodes) => {
    const r = withFiles(instance(shown), eip(association));
    expect(find(loaded(r), 'instances', 'i-0000000000000001').publicIp).toBe(expected);
    expect(codes(r)).toEqual(expectedCodes);
  });
});
