// Resources seen from several accounts or files are merged by id: fields only one view has are kept,
// differing facts are a warning naming the resource, and the owner's view wins.
import { describe, expect, it } from 'vitest';
import { importAws } from '../../../../src/interop/aws/index.ts';
import { about, codes, file, find, loaded, traceOk } from './helpers.ts';

const A = '111122223333';
const B = '444455556666';

const vpc = (cidr: string) => ({
  VpcId: 'vpc-0b00000000000000b',
  CidrBlock: cidr,
  OwnerId: B,
  State: 'available',
  CidrBlockAssociationSet: [{ CidrBlock: cidr, CidrBlockState: { State: 'associated' } }],
});

describe('merging by id', () => {
  it('merges identical descriptions silently', () => {
    const r = importAws([
      file(`accounts/${A}/us-east-1/vpcs.json`, { Vpcs: [vpc('10.1.0.0/16')] }),
      file(`accounts/${B}/us-east-1/vpcs.json`, { Vpcs: [vpc('10.1.0.0/16')] }),
    ]);
    expect(loaded(r).topology.vpcs).toHaveLength(1);
    expect(codes(r)).toEqual([]);
    expect(loaded(r).meta?.description).toContain(`${A}, ${B}`);
  });

  it.each([
    ['owner second', [A, B]],
    ['owner first', [B, A]],
  ])('keeps the owner account’s facts on a conflict (%s)', (_name, order) => {
    const cidr = (account: string) => (account === B ? '10.1.0.0/16' : '10.9.0.0/16');
    const r = importAws(order.map((acc) => file(`accounts/${acc}/us-east-1/vpcs.json`, { Vpcs: [vpc(cidr(acc))] })));
    expect(find(loaded(r), 'vpcs', 'vpc-0b00000000000000b').cidrBlocks).toEqual(['10.1.0.0/16']);
    expect(about(r, 'vpc-0b00000000000000b')).toEqual(['IMPORT_AWS_CONFLICT']);
    expect(r.diagnostics[0]?.path).toBe(`accounts/${A}/us-east-1/vpcs.json#Vpcs[0]`);
  });

  it('fills fields only one view has (a shared transit gateway seen without its options)', () => {
    const shared = { TransitGatewayId: 'tgw-0a', OwnerId: A, State: 'available' };
    const r = importAws([
      file(`accounts/${B}/us-east-1/tgws.json`, { TransitGateways: [shared] }),
      file(`accounts/${A}/us-east-1/tgws.json`, {
        TransitGateways: [
          { ...shared, Options: { SecurityGroupReferencingSupport: 'enable' }, Tags: [{ Key: 'Name', Value: 'core' }] },
        ],
      }),
    ]);
    expect(find(loaded(r), 'transitGateways', 'tgw-0a')).toEqual({
      id: 'tgw-0a',
      name: 'core',
      securityGroupReferencingSupport: true,
    });
    expect(codes(r)).toEqual([]);
  });

  it('warns when the two listings of one interface disagree', () => {
    const iface = (publicIp: string) => ({
      NetworkInterfaceId: 'eni-01',
      SubnetId: 'subnet-01',
      PrivateIpAddress: '10.1.1.10',
      Association: { PublicIp: publicIp },
      Attachment: { InstanceId: 'i-01', DeviceIndex: 0, Status: 'attached' },
      Groups: [],
    });
    const r = importAws([
      file('vpcs.json', { Vpcs: [vpc('10.1.0.0/16')] }),
      file('subnets.json', {
        Subnets: [
          {
            SubnetId: 'subnet-01',
            VpcId: 'vpc-0b00000000000000b',
            AvailabilityZone: 'us-east-1a',
            CidrBlock: '10.1.1.0/24',
          },
        ],
      }),
      file('instances.json', {
        Reservations: [
          { Instances: [{ InstanceId: 'i-01', State: { Name: 'running' }, NetworkInterfaces: [iface('3.1.1.1')] }] },
        ],
      }),
      file('network-interfaces.json', { NetworkInterfaces: [iface('3.2.2.2')] }),
    ]);
    expect(find(loaded(r), 'instances', 'i-01').publicIp).toBe('3.1.1.1');
    expect(loaded(r).topology.networkInterfaces).toBeUndefined();
    expect(about(r, 'eni-01')).toEqual(['IMPORT_AWS_CONFLICT']);
  });
});

describe('a transit gateway peering seen from both sides', () => {
  const tgw = (id: string, region: string) =>
    file(`accounts/${A}/${region}/transit-gateways.json`, {
      TransitGateways: [
        {
          TransitGatewayId: id,
          OwnerId: A,
          State: 'available',
          TransitGatewayArn: `arn:aws:ec2:${region}:${A}:transit-gateway/${id}`,
        },
      ],
    });
  // Each side's describe-transit-gateway-attachments names its own gateway first.
  const generic = (own: string, peer: string, region: string) =>
    file(`accounts/${A}/${region}/transit-gateway-attachments.json`, {
      TransitGatewayAttachments: [
        {
          TransitGatewayAttachmentId: 'tgw-attach-0c',
          TransitGatewayId: own,
          TransitGatewayOwnerId: A,
          ResourceOwnerId: A,
          ResourceType: 'peering',
          ResourceId: peer,
          State: 'available',
          Association: {
            TransitGatewayRouteTableId: own === 'tgw-0a' ? 'tgw-rtb-0a' : 'tgw-rtb-0e',
            State: 'associated',
          },
        },
      ],
    });
  const peering = file(`accounts/${A}/us-east-1/transit-gateway-peering-attachments.json`, {
    TransitGatewayPeeringAttachments: [
      {
        TransitGatewayAttachmentId: 'tgw-attach-0c',
        RequesterTgwInfo: { TransitGatewayId: 'tgw-0a', OwnerId: A, Region: 'us-east-1' },
        AccepterTgwInfo: { TransitGatewayId: 'tgw-0e', OwnerId: A, Region: 'eu-west-1' },
        Status: { Code: 'available', Message: 'Available' },
        State: 'available',
        CreationTime: '2024-03-01T10:22:33+00:00',
      },
    ],
  });
  const table = (id: string, tgwId: string, region: string, destination: string) => [
    file(`accounts/${A}/${region}/transit-gateway-route-tables.json`, {
      TransitGatewayRouteTables: [{ TransitGatewayRouteTableId: id, TransitGatewayId: tgwId, State: 'available' }],
    }),
    file(`accounts/${A}/${region}/tgw-propagations.json`, {
      TransitGatewayPropagations: [{ TransitGatewayRouteTableId: id, TransitGatewayRouteTablePropagations: [] }],
    }),
    file(`accounts/${A}/${region}/tgw-routes.json`, {
      TransitGatewayStaticRoutes: [
        {
          TransitGatewayRouteTableId: id,
          Routes: [
            {
              DestinationCidrBlock: destination,
              TransitGatewayAttachments: [
                { TransitGatewayAttachmentId: 'tgw-attach-0c', ResourceType: 'peering', ResourceId: 'x' },
              ],
              Type: 'static',
              State: 'active',
            },
          ],
          AdditionalRoutesAvailable: false,
        },
      ],
    }),
  ];
  const both = [
    tgw('tgw-0a', 'us-east-1'),
    tgw('tgw-0e', 'eu-west-1'),
    generic('tgw-0a', 'tgw-0e', 'us-east-1'),
    generic('tgw-0e', 'tgw-0a', 'eu-west-1'),
    ...table('tgw-rtb-0a', 'tgw-0a', 'us-east-1', '10.50.0.0/16'),
    ...table('tgw-rtb-0e', 'tgw-0e', 'eu-west-1', '10.10.0.0/16'),
  ];

  it('is one attachment from requester to accepter, associated on both sides', () => {
    const r = importAws([...both, peering]);
    const doc = loaded(r);
    expect(doc.topology.transitGatewayAttachments).toEqual([
      { id: 'tgw-attach-0c', transitGatewayId: 'tgw-0a', type: 'peering', peerTransitGatewayId: 'tgw-0e' },
    ]);
    expect(find(doc, 'transitGatewayRouteTables', 'tgw-rtb-0e')).toMatchObject({
      associations: ['tgw-attach-0c'],
      routes: [{ destination: '10.10.0.0/16', attachmentId: 'tgw-attach-0c' }],
    });
    expect(codes(r)).toEqual([]);
  });

  it('is still one attachment without the peering-attachments call', () => {
    const r = importAws(both);
    const atts = loaded(r).topology.transitGatewayAttachments ?? [];
    expect(atts).toHaveLength(1);
    expect(new Set([atts[0]?.transitGatewayId, atts[0]?.peerTransitGatewayId])).toEqual(new Set(['tgw-0a', 'tgw-0e']));
    expect(codes(r)).toEqual([]);
  });

  it('is left out when the other side is outside the import, its routes kept as blackholes', () => {
    const r = importAws([
      tgw('tgw-0a', 'us-east-1'),
      generic('tgw-0a', 'tgw-0e', 'us-east-1'),
      ...table('tgw-rtb-0a', 'tgw-0a', 'us-east-1', '10.50.0.0/16'),
    ]);
    const doc = loaded(r);
    expect(doc.topology.transitGatewayAttachments).toBeUndefined();
    expect(find(doc, 'transitGatewayRouteTables', 'tgw-rtb-0a')).toMatchObject({
      associations: [],
      routes: [{ destination: '10.50.0.0/16', blackhole: true }],
    });
    expect(codes(r)).toEqual([
      'IMPORT_AWS_PEER_OUTSIDE_IMPORT',
      'IMPORT_AWS_DEPENDENCY_LEFT_OUT',
      'IMPORT_AWS_DEPENDENCY_LEFT_OUT',
    ]);
  });
});

describe('a VPC shared through RAM', () => {
  it('merges the subnet the participant sees with the owner’s, and its instance reaches the owner’s', () => {
    const subnet = {
      SubnetId: 'subnet-0s',
      VpcId: 'vpc-0b00000000000000b',
      AvailabilityZone: 'us-east-1b',
      CidrBlock: '10.1.1.0/24',
      OwnerId: B,
      MapPublicIpOnLaunch: false,
    };
    const group = (id: string, owner: string) => ({
      GroupId: id,
      GroupName: id,
      VpcId: 'vpc-0b00000000000000b',
      OwnerId: owner,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.1.0.0/16' }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    });
    const instance = (id: string, ip: string, sg: string) => ({
      InstanceId: id,
      State: { Name: 'running' },
      SubnetId: 'subnet-0s',
      PrivateIpAddress: ip,
      SecurityGroups: [{ GroupId: sg }],
      NetworkInterfaces: [],
    });
    const r = importAws([
      file(`accounts/${B}/us-east-1/vpcs.json`, { Vpcs: [vpc('10.1.0.0/16')] }),
      file(`accounts/${B}/us-east-1/subnets.json`, { Subnets: [subnet] }),
      file(`accounts/${B}/us-east-1/sgs.json`, { SecurityGroups: [group('sg-0b', B)] }),
      file(`accounts/${B}/us-east-1/instances.json`, {
        Reservations: [{ OwnerId: B, Instances: [instance('i-0b', '10.1.1.10', 'sg-0b')] }],
      }),
      file(`accounts/${A}/us-east-1/subnets.json`, { Subnets: [subnet] }),
      file(`accounts/${A}/us-east-1/sgs.json`, { SecurityGroups: [group('sg-0a', A)] }),
      file(`accounts/${A}/us-east-1/instances.json`, {
        Reservations: [{ OwnerId: A, Instances: [instance('i-0a', '10.1.1.20', 'sg-0a')] }],
      }),
    ]);
    const doc = loaded(r);
    expect(doc.topology.subnets).toHaveLength(1);
    expect(codes(r)).toEqual([]);
    expect(traceOk(doc.topology, { from: 'i-0a', to: 'i-0b', port: 22 }).verdict).toBe('REACHABLE');
  });
});
