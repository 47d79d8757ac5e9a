// next-free.ts: free blocks, free addresses (after AWS's reserved ones, around implicit interfaces)
// and ids that collide with nothing, not even names that point at nothing today.
import { describe, expect, it } from 'vitest';
import {
  nextFreeExternalIp,
  nextFreeIp,
  nextFreePublicIp,
  nextFreeSubnetCidr,
  nextFreeVpcCidr,
  takenIds,
  uniqueId,
  type Document,
} from '../../../../src/model/index.ts';
import { emptyDocument } from './fixtures.ts';

function doc(): Document {
  return {
    format: 'vpcsim/1',
    topology: {
      vpcs: [
        { id: 'v1', cidrBlocks: ['10.0.0.0/16', '10.2.0.0/16'] },
        { id: 'v2', cidrBlocks: ['10.1.128.0/17'] },
      ],
      subnets: [
        { id: 's1', vpcId: 'v1', availabilityZone: 'us-east-1a', cidrBlock: '10.0.0.0/24' },
        { id: 's2', vpcId: 'v1', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/25' },
        { id: 's3', vpcId: 'v2', availabilityZone: 'us-east-1a', cidrBlock: '10.1.128.0/28' },
      ],
      securityGroups: [{ id: 'sg', vpcId: 'v1' }],
      instances: [
        {
          id: 'i-1',
          subnetId: 's1',
          privateIp: '10.0.0.4',
          secondaryPrivateIps: ['10.0.0.6'],
          securityGroupIds: ['sg'],
        },
      ],
      networkInterfaces: [{ id: 'eni-1', subnetId: 's1', privateIp: '10.0.0.7', securityGroupIds: ['sg'] }],
      natGateways: [{ id: 'nat-1', subnetId: 's1', privateIp: '10.0.0.8', publicIp: '192.0.2.10' }],
      routeTables: [{ id: 'rtb-1', vpcId: 'v1', routes: [{ destination: '0.0.0.0/0', target: 'igw-1' }] }],
      externalHosts: [{ id: 'host-1', ip: '203.0.113.10' }],
    },
    layout: { 'subnet-1': { x: 0, y: 0 } },
    checks: [{ name: 'c', from: 'i-2', to: 'internet', port: 443, expect: 'REACHABLE' }],
  };
}

describe('nextFreeVpcCidr', () => {
  it('gives 10.0.0.0/16 first, then skips blocks that overlap any VPC', () => {
    expect(nextFreeVpcCidr(emptyDocument())).toBe('10.0.0.0/16');
    // 10.0/16 and 10.2/16 are v1's, 10.1.128/17 overlaps 10.1/16.
    expect(nextFreeVpcCidr(doc())).toBe('10.3.0.0/16');
  });
});

describe('nextFreeSubnetCidr', () => {
  it('gives the first /24 that overlaps no subnet of the VPC', () => {
    expect(nextFreeSubnetCidr(doc(), 'v1')).toBe('10.0.2.0/24');
  });

  it('continues in the next block of the VPC, and a block smaller than /24 offers itself', () => {
    const d = doc();
    for (let n = 2; n < 256; n++) {
      d.topology.subnets!.push({
        id: `x${n}`,
        vpcId: 'v1',
        availabilityZone: 'us-east-1a',
        cidrBlock: `10.0.${n}.0/24`,
      });
    }
    expect(nextFreeSubnetCidr(d, 'v1')).toBe('10.2.0.0/24');
    const small: Document = { format: 'vpcsim/1', topology: { vpcs: [{ id: 'v', cidrBlocks: ['10.9.0.0/27'] }] } };
    expect(nextFreeSubnetCidr(small, 'v')).toBe('10.9.0.0/27');
  });

  it('is undefined for a full or unknown VPC', () => {
    const d = doc();
    d.topology.subnets!.push({ id: 'big', vpcId: 'v2', availabilityZone: 'us-east-1a', cidrBlock: '10.1.128.0/17' });
    expect(nextFreeSubnetCidr(d, 'v2')).toBeUndefined();
    expect(nextFreeSubnetCidr(d, 'nope')).toBeUndefined();
  });
});

describe('nextFreeIp', () => {
  it('skips the four reserved addresses and every address in use', () => {
    // .4 instance, .5 free, .6 secondary, .7 interface, .8 NAT.
    expect(nextFreeIp(doc(), 's1')).toBe('10.0.0.5');
    const d = doc();
    d.topology.instances![0]!.privateIp = '10.0.0.5';
    d.topology.instances![0]!.secondaryPrivateIps = ['10.0.0.4'];
    expect(nextFreeIp(d, 's1')).toBe('10.0.0.6');
  });

  it('keeps the first free addresses for NAT gateways without an address, interface endpoints and TGW attachments', () => {
    const d = doc();
    d.topology.natGateways!.push({ id: 'nat-2', subnetId: 's2', connectivity: 'private' });
    d.topology.vpcEndpoints = [{ id: 'vpce', vpcId: 'v1', type: 'interface', service: 'sqs', subnetIds: ['s2'] }];
    d.topology.transitGateways = [{ id: 'tgw' }];
    d.topology.transitGatewayAttachments = [
      { id: 'att', transitGatewayId: 'tgw', type: 'vpc', vpcId: 'v1', subnetIds: ['s2'] },
    ];
    // .4 NAT (implicit), .5 endpoint interface, .6 attachment interface.
    expect(nextFreeIp(d, 's2')).toBe('10.0.1.7');
  });

  it('stops before the last address and is undefined when the subnet is full', () => {
    const d = doc();
    // 10.1.128.0/28: .4 to .14 usable.
    for (let n = 4; n <= 13; n++) {
      d.topology.instances!.push({ id: `f${n}`, subnetId: 's3', privateIp: `10.1.128.${n}`, securityGroupIds: [] });
    }
    expect(nextFreeIp(d, 's3')).toBe('10.1.128.14');
    d.topology.instances!.push({ id: 'f14', subnetId: 's3', privateIp: '10.1.128.14', securityGroupIds: [] });
    expect(nextFreeIp(d, 's3')).toBeUndefined();
  });

  it('is undefined for an IPv6-only or unknown subnet', () => {
    const d = doc();
    d.topology.subnets!.push({ id: 's6', vpcId: 'v1', availabilityZone: 'us-east-1a', ipv6CidrBlock: '2600::/64' });
    expect(nextFreeIp(d, 's6')).toBeUndefined();
    expect(nextFreeIp(d, 'nope')).toBeUndefined();
  });
});

describe('public addresses', () => {
  it('come from documentation ranges and avoid every address in use', () => {
    expect(nextFreePublicIp(doc())).toBe('192.0.2.11');
    expect(nextFreeExternalIp(doc())).toBe('203.0.113.11');
  });
});

describe('uniqueId', () => {
  it('adds the smallest free number', () => {
    expect(uniqueId(emptyDocument(), 'vpc')).toBe('vpc-1');
    expect(uniqueId(doc(), 'nat')).toBe('nat-2');
  });

  it('avoids layout keys, blackhole targets and check endpoints', () => {
    const d = doc();
    expect(uniqueId(d, 'subnet')).toBe('subnet-2');
    expect(uniqueId(d, 'igw')).toBe('igw-2');
    expect(uniqueId(d, 'i')).toBe('i-3');
  });

  it('knows the implicit ids', () => {
    const taken = takenIds(doc());
    for (const id of ['i-1/eth0', 'v1/rtb-main', 'v1/acl-default', 'pl-s3', 'pl-dynamodb', 'internet']) {
      expect(taken.has(id), id).toBe(true);
    }
  });
});
