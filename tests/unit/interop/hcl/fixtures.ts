// Documents for the HCL exporter's tests: one with every resource kind and the awkward cases, and
// helpers that export a document and read the HCL back the way the round trip does.
import { parse } from '@cdktf/hcl2json';
import { exportTerraform, hclJsonToResources } from '../../../../src/interop/hcl/index.ts';
import type { TerraformResource } from '../../../../src/interop/terraform/index.ts';
import type { Document } from '../../../../src/model/index.ts';

/** Every resource kind of format vpcsim/1, in two Regions, with the cases Terraform cannot say exactly. */
export function allKinds(): Document {
  return {
    format: 'vpcsim/1',
    meta: { title: 'Every kind' },
    topology: {
      vpcs: [
        {
          id: 'vpc-main',
          name: 'Main VPC',
          region: 'us-east-1',
          cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'],
          ipv6CidrBlocks: ['2600:1f18:1:100::/56', '2600:1f18:1:200::/56'],
        },
        { id: 'vpc-peer', region: 'us-east-1', cidrBlocks: ['10.2.0.0/16'] },
        { id: 'vpc-eu', name: 'EU', region: 'eu-west-1', cidrBlocks: ['10.3.0.0/16'] },
      ],
      subnets: [
        {
          id: 'subnet-a',
          name: 'Public A',
          vpcId: 'vpc-main',
          availabilityZone: 'us-east-1a',
          cidrBlock: '10.0.1.0/24',
          ipv6CidrBlock: '2600:1f18:1:100::/64',
          mapPublicIpOnLaunch: true,
        },
        { id: 'subnet-b', vpcId: 'vpc-main', availabilityZone: 'us-east-1b', cidrBlock: '10.1.1.0/24' },
        { id: 'subnet-v6', vpcId: 'vpc-main', availabilityZone: 'us-east-1b', ipv6CidrBlock: '2600:1f18:1:101::/64' },
        { id: 'subnet-peer', vpcId: 'vpc-peer', availabilityZone: 'us-east-1a', cidrBlock: '10.2.1.0/24' },
        { id: 'subnet-eu', vpcId: 'vpc-eu', availabilityZone: 'eu-west-1a', cidrBlock: '10.3.1.0/24' },
      ],
      routeTables: [
        {
          id: 'rtb-main',
          vpcId: 'vpc-main',
          main: true,
          routes: [
            { destination: '10.0.0.0/16', target: 'local' },
            { destination: '0.0.0.0/0', target: 'igw-main' },
            { destination: '::/0', target: 'eigw-main' },
            { destination: '10.2.0.0/16', target: 'pcx-main-peer' },
            { destination: '10.3.0.0/16', target: 'pcx-main-eu' },
            { destination: '10.9.0.0/16', target: 'tgw-main' },
            { destination: '10.8.0.0/16', target: 'i-fw' },
            { destination: '10.7.0.0/16', target: 'eni-extra' },
            { destination: '10.6.0.0/16', target: 'nat-deleted' },
            { destination: '10.5.0.0/16', target: 'nat-gone-missing' },
            { destination: 'pl-corp', target: 'nat-public' },
          ],
        },
        {
          id: 'rtb-private',
          name: 'Private',
          vpcId: 'vpc-main',
          subnetIds: ['subnet-b'],
          routes: [{ destination: '0.0.0.0/0', target: 'nat-public', propagated: true }],
        },
        { id: 'rtb-edge', vpcId: 'vpc-main', gatewayIds: ['igw-main'], routes: [] },
        { id: 'rtb-eu', vpcId: 'vpc-eu', main: true, routes: [{ destination: '10.0.0.0/16', target: 'pcx-main-eu' }] },
      ],
      networkAcls: [
        {
          id: 'acl-default',
          vpcId: 'vpc-main',
          default: true,
          subnetIds: ['subnet-a'],
          inbound: [
            { ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
            { ruleNumber: 101, protocol: 'all', cidr: '::/0', action: 'allow' },
          ],
          outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
        },
        {
          id: 'acl-private',
          vpcId: 'vpc-main',
          subnetIds: ['subnet-b'],
          inbound: [
            { ruleNumber: 90, protocol: 'tcp', ports: '22', cidr: '203.0.113.0/24', action: 'deny' },
            { ruleNumber: 100, protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0', action: 'allow' },
            { ruleNumber: 110, protocol: 'icmp', icmpType: 8, cidr: '10.0.0.0/8', action: 'allow' },
            { ruleNumber: 120, protocol: 'icmpv6', cidr: '::/0', action: 'allow' },
          ],
          outbound: [{ ruleNumber: 100, protocol: 'udp', cidr: '0.0.0.0/0', action: 'allow' }],
        },
      ],
      securityGroups: [
        {
          id: 'sg-web',
          name: 'Web',
          vpcId: 'vpc-main',
          inbound: [
            { protocol: 'tcp', ports: '443', source: '0.0.0.0/0', description: 'HTTPS' },
            { protocol: 'tcp', source: '::/0' },
            { protocol: 'all', source: 'sg-web' },
            { protocol: 'icmp', icmpType: 8, icmpCode: 0, source: 'pl-corp' },
            { protocol: '47', source: '10.0.0.0/8' },
          ],
        },
        {
          id: 'sg-locked',
          vpcId: 'vpc-main',
          inbound: [{ protocol: 'tcp', ports: '443', source: 'pl-s3' }],
          outbound: [],
        },
        {
          id: 'sg-out',
          vpcId: 'vpc-main',
          outbound: [{ protocol: 'tcp', ports: '443', destination: 'pl-s3' }],
        },
        { id: 'sg-peer', vpcId: 'vpc-peer' },
        { id: 'sg-eu', vpcId: 'vpc-eu', inbound: [{ protocol: 'tcp', ports: '443', source: '10.0.0.0/16' }] },
      ],
      instances: [
        {
          id: 'i-web',
          name: 'Web',
          subnetId: 'subnet-a',
          privateIp: '10.0.1.10',
          secondaryPrivateIps: ['10.0.1.11'],
          publicIp: '54.210.10.10',
          ipv6Addresses: ['2600:1f18:1:100::10'],
          securityGroupIds: ['sg-web'],
          os: 'windows',
        },
        {
          id: 'i-fw',
          subnetId: 'subnet-a',
          privateIp: '10.0.1.20',
          securityGroupIds: ['sg-web', 'sg-out'],
          sourceDestCheck: false,
          sourceNat: true,
        },
        {
          id: 'i-off',
          subnetId: 'subnet-b',
          privateIp: '10.1.1.10',
          securityGroupIds: ['sg-locked'],
          state: 'stopped',
        },
        { id: 'i-peer', subnetId: 'subnet-peer', privateIp: '10.2.1.10', securityGroupIds: ['sg-peer'] },
        { id: 'i-eu', subnetId: 'subnet-eu', privateIp: '10.3.1.10', securityGroupIds: ['sg-eu'] },
      ],
      networkInterfaces: [
        {
          id: 'eni-extra',
          subnetId: 'subnet-a',
          instanceId: 'i-fw',
          privateIp: '10.0.1.30',
          secondaryPrivateIps: ['10.0.1.31'],
          publicIp: '54.210.10.30',
          securityGroupIds: ['sg-web'],
          sourceDestCheck: false,
        },
        { id: 'eni-free', subnetId: 'subnet-b', privateIp: '10.1.1.40', securityGroupIds: ['sg-locked'] },
      ],
      internetGateways: [
        { id: 'igw-main', vpcId: 'vpc-main' },
        { id: 'igw-spare', vpcId: null },
      ],
      egressOnlyInternetGateways: [
        { id: 'eigw-main', vpcId: 'vpc-main' },
        { id: 'eigw-loose', vpcId: null },
      ],
      natGateways: [
        { id: 'nat-public', subnetId: 'subnet-a', privateIp: '10.0.1.5', publicIp: '3.210.45.7' },
        { id: 'nat-private', subnetId: 'subnet-b', connectivity: 'private', privateIp: '10.1.1.5' },
        { id: 'nat-deleted', subnetId: 'subnet-a', publicIp: '3.210.45.8', state: 'deleted' },
      ],
      vpcPeeringConnections: [
        { id: 'pcx-main-peer', requesterVpcId: 'vpc-main', accepterVpcId: 'vpc-peer' },
        { id: 'pcx-main-eu', requesterVpcId: 'vpc-main', accepterVpcId: 'vpc-eu', status: 'active' },
        { id: 'pcx-pending', requesterVpcId: 'vpc-peer', accepterVpcId: 'vpc-eu', status: 'pending-acceptance' },
        { id: 'pcx-deleted', requesterVpcId: 'vpc-peer', accepterVpcId: 'vpc-main', status: 'deleted' },
      ],
      transitGateways: [
        {
          id: 'tgw-main',
          securityGroupReferencingSupport: true,
          defaultRouteTableAssociation: true,
          associationDefaultRouteTableId: 'tgw-rtb-main',
        },
        { id: 'tgw-eu' },
      ],
      transitGatewayAttachments: [
        {
          id: 'tgw-attach-main',
          transitGatewayId: 'tgw-main',
          type: 'vpc',
          vpcId: 'vpc-main',
          subnetIds: ['subnet-a'],
          applianceMode: true,
        },
        { id: 'tgw-attach-eu', transitGatewayId: 'tgw-eu', type: 'vpc', vpcId: 'vpc-eu', subnetIds: ['subnet-eu'] },
        { id: 'tgw-attach-peering', transitGatewayId: 'tgw-main', type: 'peering', peerTransitGatewayId: 'tgw-eu' },
      ],
      transitGatewayRouteTables: [
        {
          id: 'tgw-rtb-main',
          transitGatewayId: 'tgw-main',
          associations: ['tgw-attach-main', 'tgw-attach-peering'],
          propagations: ['tgw-attach-main'],
          routes: [
            { destination: '10.3.0.0/16', attachmentId: 'tgw-attach-peering' },
            { destination: '10.66.0.0/16', blackhole: true },
            { destination: 'pl-corp', attachmentId: 'tgw-attach-main' },
          ],
        },
        {
          id: 'tgw-rtb-eu',
          transitGatewayId: 'tgw-eu',
          associations: ['tgw-attach-eu', 'tgw-attach-peering'],
          propagations: ['tgw-attach-eu'],
          routes: [{ destination: '10.0.0.0/16', attachmentId: 'tgw-attach-peering' }],
        },
      ],
      vpcEndpoints: [
        { id: 'vpce-s3', vpcId: 'vpc-main', type: 'gateway', service: 's3', routeTableIds: ['rtb-private'] },
        {
          id: 'vpce-sqs',
          vpcId: 'vpc-main',
          type: 'interface',
          service: 'com.amazonaws.us-east-1.sqs',
          subnetIds: ['subnet-b'],
          securityGroupIds: ['sg-locked'],
        },
      ],
      prefixLists: [{ id: 'pl-corp', name: 'Corporate', cidrs: ['198.51.100.0/24', '192.0.2.0/24'] }],
      externalHosts: [{ id: 'home', ip: '203.0.113.5' }],
    },
  };
}

/** A document with one VPC and whatever else `extra` adds. */
export function tiny(extra: Partial<Document['topology']> = {}, title = 'Tiny'): Document {
  return {
    format: 'vpcsim/1',
    meta: { title },
    topology: {
      vpcs: [{ id: 'vpc-a', cidrBlocks: ['10.0.0.0/16'] }],
      subnets: [{ id: 'subnet-a', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' }],
      ...extra,
    },
  };
}

/** Exports `doc`, parses the HCL with hcl2json (which throws on a syntax error) and reads the resources. */
export async function roundTrip(doc: Document): Promise<{
  text: string;
  addresses: Record<string, string>;
  notes: string[];
  resources: TerraformResource[];
  byAddress: Map<string, TerraformResource>;
}> {
  const exported = exportTerraform(doc);
  const json: unknown = await parse('main.tf', exported.text);
  const resources = hclJsonToResources(json);
  return { ...exported, resources, byAddress: new Map(resources.map((r) => [r.address, r])) };
}

/** The values of the resource at `address` (fails the test when there is none). */
export function valuesAt(byAddress: Map<string, TerraformResource>, address: string): Record<string, unknown> {
  const hit = byAddress.get(address);
  if (!hit) throw new Error(`no resource ${address}; have ${[...byAddress.keys()].join(', ')}`);
  return hit.values;
}
