import { describe, expect, it } from 'vitest';
import type { Route } from '../../../src/model/index.ts';
import { byId, codes, expectRule, f1, f4, fullDocument, lint, variant, type RuleCase } from './fixtures.ts';

/** F1 with `route` added to `table`. */
const f1Route = (table: string, route: Route) => () =>
  variant(f1, (t) => byId(t.routeTables, table).routes.push(route));
/** The full document with `route` added to `table`. */
const fullRoute = (table: string, route: Route) => () =>
  variant(fullDocument, (t) => byId(t.routeTables, table).routes.push(route));
/** The full document plus vpc-c (10.2.0.0/16) and a peering between vpc-a and vpc-c. */
const withVpcC = () =>
  variant(fullDocument, (t) => {
    t.vpcs!.push({ id: 'vpc-c', cidrBlocks: ['10.2.0.0/16'] });
    t.vpcPeeringConnections!.push({ id: 'pcx-ac', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-c' });
  });
/** The full document plus a gateway route table on igw-a (semantics.md T-GWRT-01). */
const withEdge =
  (routes: Route[], extra: { main?: boolean } = {}) =>
  () =>
    variant(fullDocument, (t) =>
      t.routeTables!.push({ id: 'rtb-edge', vpcId: 'vpc-a', gatewayIds: ['igw-a'], routes, ...extra }),
    );
const edgeRoutes: Route[] = [
  { destination: '10.0.0.0/16', target: 'local' },
  { destination: '10.0.1.0/24', target: 'eni-fw' },
];

describe('routes (semantics.md 2.2-2.4)', () => {
  const rows: RuleCase[] = [
    {
      name: 'two static routes to one destination',
      code: 'CFG_ROUTE_DUPLICATE_DESTINATION',
      bad: f1Route('rtb-pub', { destination: '0.0.0.0/0', target: 'nat-a' }),
      resourceId: 'rtb-pub',
      path: 'topology.routeTables[1].routes[2].destination',
      good: f1Route('rtb-pub', { destination: '0.0.0.0/0', target: 'vgw-1', propagated: true }),
    },
    {
      name: 'two routes to one destination written differently',
      code: 'CFG_ROUTE_DUPLICATE_DESTINATION',
      bad: f1Route('rtb-pub', { destination: '0.0.0.1/0', target: 'nat-a' }),
      resourceId: 'rtb-pub',
      path: 'topology.routeTables[1].routes[2].destination',
      good: f1,
    },
    {
      name: 'a route inside 169.254.168.0/22',
      code: 'CFG_ROUTE_RESERVED_DESTINATION',
      bad: f1Route('rtb-pub', { destination: '169.254.169.0/24', target: 'igw-a' }),
      resourceId: 'rtb-pub',
      path: 'topology.routeTables[1].routes[2].destination',
      good: f1Route('rtb-pub', { destination: '169.254.0.0/16', target: 'igw-a' }),
    },
    {
      name: 'a route inside fd00:ec2::/32',
      code: 'CFG_ROUTE_RESERVED_DESTINATION',
      bad: () =>
        variant(f4, (t) => byId(t.routeTables, 'rtb-6').routes.push({ destination: 'fd00:ec2::/64', target: 'igw-6' })),
      resourceId: 'rtb-6',
      path: 'topology.routeTables[0].routes[4].destination',
      good: () =>
        variant(f4, (t) => byId(t.routeTables, 'rtb-6').routes.push({ destination: 'fd00::/16', target: 'igw-6' })),
    },
    {
      name: 'a /32 route to an instance inside the VPC',
      code: 'CFG_ROUTE_MORE_SPECIFIC_THAN_LOCAL',
      bad: f1Route('rtb-priv', { destination: '10.0.2.10/32', target: 'web' }),
      resourceId: 'rtb-priv',
      path: 'topology.routeTables[2].routes[2].destination',
      good: f1Route('rtb-priv', { destination: '10.0.4.0/24', target: 'web' }),
    },
    {
      name: 'a subnet CIDR sent to an internet gateway',
      code: 'CFG_ROUTE_MORE_SPECIFIC_THAN_LOCAL',
      bad: f1Route('rtb-priv', { destination: '10.0.4.0/24', target: 'igw-a' }),
      resourceId: 'rtb-priv',
      path: 'topology.routeTables[2].routes[2].destination',
      good: f1Route('rtb-priv', { destination: '10.0.4.0/24', target: 'nat-a' }),
    },
    {
      name: 'a VPC block sent to an internet gateway',
      code: 'CFG_ROUTE_MORE_SPECIFIC_THAN_LOCAL',
      bad: () =>
        variant(
          f1,
          (t) => (byId(t.routeTables, 'rtb-priv').routes[0] = { destination: '10.0.0.0/16', target: 'igw-a' }),
        ),
      resourceId: 'rtb-priv',
      path: 'topology.routeTables[2].routes[0].destination',
      // Replacing the local route's target with a middlebox interface is allowed (semantics.md 2.2 rule 2).
      good: () =>
        variant(
          fullDocument,
          (t) => (byId(t.routeTables, 'rtb-priv').routes[0] = { destination: '10.0.0.0/16', target: 'eni-fw' }),
        ),
    },
    {
      name: 'an IPv6 route inside the VPC IPv6 block',
      code: 'CFG_ROUTE_MORE_SPECIFIC_THAN_LOCAL',
      bad: () =>
        variant(f4, (t) =>
          byId(t.routeTables, 'rtb-6').routes.push({ destination: '2600:1f18:6:601::/80', target: 'v6' }),
        ),
      resourceId: 'rtb-6',
      path: 'topology.routeTables[0].routes[4].destination',
      good: () =>
        variant(f4, (t) =>
          byId(t.routeTables, 'rtb-6').routes.push({ destination: '2600:1f18:6:601::/64', target: 'v6' }),
        ),
    },
    {
      name: 'a local route to a destination that is no VPC block',
      code: 'CFG_ROUTE_LOCAL_TARGET',
      bad: f1Route('rtb-pub', { destination: '10.9.0.0/16', target: 'local' }),
      resourceId: 'rtb-pub',
      path: 'topology.routeTables[1].routes[2]',
      good: f1,
    },
    {
      name: 'an IPv4 destination to an egress-only gateway',
      code: 'CFG_ROUTE_TARGET_FAMILY',
      bad: () =>
        variant(f4, (t) =>
          byId(t.routeTables, 'rtb-6').routes.push({ destination: '198.51.100.0/24', target: 'eigw-6' }),
        ),
      resourceId: 'rtb-6',
      path: 'topology.routeTables[0].routes[4].destination',
      good: () =>
        variant(f4, (t) =>
          byId(t.routeTables, 'rtb-6').routes.push({ destination: '2001:db8::/32', target: 'eigw-6' }),
        ),
    },
    {
      name: 'an IPv6 destination to a NAT gateway',
      code: 'CFG_ROUTE_TARGET_FAMILY',
      bad: () =>
        variant(f4, (t) => {
          t.natGateways = [{ id: 'nat-6', subnetId: 'sn-6a', privateIp: '10.6.1.5', publicIp: '3.3.3.6' }];
          byId(t.routeTables, 'rtb-6').routes.push({ destination: '2001:db8::/32', target: 'nat-6' });
        }),
      resourceId: 'rtb-6',
      path: 'topology.routeTables[0].routes[4].destination',
      good: () =>
        variant(f4, (t) => {
          t.natGateways = [{ id: 'nat-6', subnetId: 'sn-6a', privateIp: '10.6.1.5', publicIp: '3.3.3.6' }];
          byId(t.routeTables, 'rtb-6').routes.push({ destination: '64:ff9b::/96', target: 'nat-6' });
        }),
    },
    {
      name: "a route to another VPC's internet gateway",
      code: 'CFG_ROUTE_TARGET_NOT_IN_VPC',
      bad: fullRoute('rtb-b', { destination: '0.0.0.0/0', target: 'igw-a' }),
      resourceId: 'rtb-b',
      path: 'topology.routeTables[3].routes[4].target',
      good: () =>
        variant(fullDocument, (t) => {
          t.internetGateways!.push({ id: 'igw-spare', vpcId: null });
          byId(t.routeTables, 'rtb-b').routes.push({ destination: '0.0.0.0/0', target: 'igw-spare' });
        }),
    },
    {
      name: "a route to another VPC's NAT gateway",
      code: 'CFG_ROUTE_TARGET_NOT_IN_VPC',
      bad: fullRoute('rtb-b', { destination: '0.0.0.0/0', target: 'nat-a' }),
      resourceId: 'rtb-b',
      path: 'topology.routeTables[3].routes[4].target',
      good: fullRoute('rtb-priv', { destination: '198.51.100.0/24', target: 'nat-a' }),
    },
    {
      name: "a route to another VPC's instance",
      code: 'CFG_ROUTE_TARGET_NOT_IN_VPC',
      bad: fullRoute('rtb-b', { destination: '0.0.0.0/0', target: 'web' }),
      resourceId: 'rtb-b',
      path: 'topology.routeTables[3].routes[4].target',
      good: fullRoute('rtb-b', { destination: '0.0.0.0/0', target: 'peer1' }),
    },
    {
      name: "a route to another VPC's network interface",
      code: 'CFG_ROUTE_TARGET_NOT_IN_VPC',
      bad: fullRoute('rtb-b', { destination: '0.0.0.0/0', target: 'eni-fw' }),
      resourceId: 'rtb-b',
      path: 'topology.routeTables[3].routes[4].target',
      good: fullRoute('rtb-b', { destination: '0.0.0.0/0', target: 'eni-peer1' }),
    },
    {
      name: 'a route to a peering that does not join the VPC',
      code: 'CFG_ROUTE_TARGET_NOT_IN_VPC',
      bad: () =>
        variant(withVpcC, (t) =>
          byId(t.routeTables, 'rtb-b').routes.push({ destination: '10.2.0.0/16', target: 'pcx-ac' }),
        ),
      resourceId: 'rtb-b',
      path: 'topology.routeTables[3].routes[4].target',
      good: () =>
        variant(withVpcC, (t) =>
          byId(t.routeTables, 'rtb-priv').routes.push({ destination: '10.2.0.0/16', target: 'pcx-ac' }),
        ),
    },
    {
      name: 'a route to a transit gateway the VPC is not attached to',
      code: 'CFG_ROUTE_TARGET_NOT_IN_VPC',
      bad: fullRoute('rtb-priv', { destination: '192.168.0.0/16', target: 'tgw-1' }),
      resourceId: 'rtb-priv',
      path: 'topology.routeTables[2].routes[3].target',
      good: fullDocument,
    },
    {
      name: "a route to another VPC's gateway endpoint",
      code: 'CFG_ROUTE_TARGET_NOT_IN_VPC',
      bad: fullRoute('rtb-b', { destination: 'pl-s3', target: 'vpce-s3' }),
      resourceId: 'rtb-b',
      path: 'topology.routeTables[3].routes[4].target',
      good: fullRoute('rtb-priv', { destination: 'pl-s3', target: 'vpce-s3' }),
    },
    {
      name: 'a route to a subnet',
      code: 'CFG_ROUTE_TARGET_KIND',
      bad: f1Route('rtb-pub', { destination: '198.51.100.0/24', target: 'sn-app-a' }),
      resourceId: 'rtb-pub',
      path: 'topology.routeTables[1].routes[2].target',
      good: f1Route('rtb-pub', { destination: '198.51.100.0/24', target: 'deleted-target' }),
    },
    {
      name: 'a route to an interface endpoint',
      code: 'CFG_ROUTE_TARGET_KIND',
      bad: () =>
        variant(fullDocument, (t) => {
          t.vpcEndpoints!.push({
            id: 'vpce-if',
            vpcId: 'vpc-a',
            type: 'interface',
            service: 'sqs',
            subnetIds: ['sn-app-a'],
          });
          byId(t.routeTables, 'rtb-priv').routes.push({ destination: 'pl-dynamodb', target: 'vpce-if' });
        }),
      resourceId: 'rtb-priv',
      path: 'topology.routeTables[2].routes[3].target',
      good: fullRoute('rtb-priv', { destination: 'pl-dynamodb', target: 'vpce-s3' }),
    },
    {
      name: 'a CIDR destination to a gateway endpoint',
      code: 'CFG_ROUTE_TARGET_KIND',
      bad: fullRoute('rtb-priv', { destination: '52.216.0.0/15', target: 'vpce-s3' }),
      resourceId: 'rtb-priv',
      path: 'topology.routeTables[2].routes[3].destination',
      good: fullRoute('rtb-priv', { destination: 'pl-s3', target: 'vpce-s3' }),
    },
  ];
  it.each(rows)('$name: $code', expectRule);

  it('accepts a blackhole route inside the VPC for a subnet CIDR (its middlebox was deleted)', () => {
    expect(codes(lint(f1Route('rtb-priv', { destination: '10.0.4.0/24', target: 'eni-deleted' })()))).toEqual([]);
  });

  it('accepts routes less specific than local', () => {
    expect(codes(lint(fullRoute('rtb-b', { destination: '10.0.0.0/8', target: 'tgw-1' })()))).toEqual([]);
  });
});

describe('route table associations (semantics.md 2.1, 2.6)', () => {
  const rows: RuleCase[] = [
    {
      name: 'two main tables in one VPC',
      code: 'CFG_ROUTE_TABLE_TWO_MAIN',
      bad: () => variant(f1, (t) => (byId(t.routeTables, 'rtb-pub').main = true)),
      resourceId: 'rtb-pub',
      path: 'topology.routeTables[1].main',
      good: fullDocument,
    },
    {
      name: 'a subnet in two tables',
      code: 'CFG_ROUTE_TABLE_SUBNET_TWICE',
      bad: () => variant(f1, (t) => byId(t.routeTables, 'rtb-pub').subnetIds!.push('sn-app-a')),
      resourceId: 'rtb-priv',
      path: 'topology.routeTables[2].subnetIds[0]',
      good: () => variant(f1, (t) => (byId(t.routeTables, 'rtb-main').subnetIds = [])),
    },
    {
      name: 'a subnet of another VPC',
      code: 'CFG_ROUTE_TABLE_OTHER_VPC',
      bad: () =>
        variant(fullDocument, (t) => {
          byId(t.routeTables, 'rtb-b').subnetIds!.push('sn-app-b');
          byId(t.routeTables, 'rtb-priv').subnetIds = ['sn-app-a', 'sn-db-b'];
        }),
      resourceId: 'rtb-b',
      path: 'topology.routeTables[3].subnetIds[2]',
      good: fullDocument,
    },
    {
      name: 'an internet gateway of another VPC',
      code: 'CFG_ROUTE_TABLE_OTHER_VPC',
      bad: () =>
        variant(fullDocument, (t) =>
          t.routeTables!.push({ id: 'rtb-e', vpcId: 'vpc-b', gatewayIds: ['igw-a'], routes: [] }),
        ),
      resourceId: 'rtb-e',
      path: 'topology.routeTables[4].gatewayIds[0]',
      good: withEdge(edgeRoutes),
    },
    {
      name: 'a gateway in two tables',
      code: 'CFG_ROUTE_TABLE_GATEWAY_TWICE',
      bad: () =>
        variant(withEdge(edgeRoutes), (t) =>
          t.routeTables!.push({ id: 'rtb-e2', vpcId: 'vpc-a', gatewayIds: ['igw-a'], routes: [] }),
        ),
      resourceId: 'rtb-e2',
      path: 'topology.routeTables[5].gatewayIds[0]',
      good: withEdge(edgeRoutes),
    },
    {
      name: 'a gateway route table marked main',
      code: 'CFG_GATEWAY_ROUTE_TABLE',
      bad: () => variant(withEdge(edgeRoutes, { main: true }), (t) => delete byId(t.routeTables, 'rtb-main').main),
      resourceId: 'rtb-edge',
      path: 'topology.routeTables[4].main',
      good: withEdge(edgeRoutes),
    },
    {
      name: 'a gateway route to a NAT gateway',
      code: 'CFG_GATEWAY_ROUTE_TABLE',
      bad: withEdge([...edgeRoutes, { destination: '10.0.2.0/24', target: 'nat-a' }]),
      resourceId: 'rtb-edge',
      path: 'topology.routeTables[4].routes[2].target',
      good: withEdge([...edgeRoutes, { destination: '10.0.2.0/24', target: 'eni-fw' }]),
    },
    {
      name: 'a gateway route outside the VPC',
      code: 'CFG_GATEWAY_ROUTE_TABLE',
      bad: withEdge([...edgeRoutes, { destination: '0.0.0.0/0', target: 'eni-fw' }]),
      resourceId: 'rtb-edge',
      path: 'topology.routeTables[4].routes[2].destination',
      good: withEdge([{ destination: '10.0.0.0/16', target: 'eni-fw' }]),
    },
    {
      name: 'a gateway route to part of a subnet',
      code: 'CFG_GATEWAY_ROUTE_TABLE',
      bad: withEdge([...edgeRoutes, { destination: '10.0.2.0/25', target: 'eni-fw' }]),
      resourceId: 'rtb-edge',
      path: 'topology.routeTables[4].routes[2].destination',
      good: withEdge(edgeRoutes),
    },
    {
      name: 'a gateway route to a prefix list',
      code: 'CFG_GATEWAY_ROUTE_TABLE',
      bad: withEdge([...edgeRoutes, { destination: 'pl-corp', target: 'eni-fw' }]),
      resourceId: 'rtb-edge',
      path: 'topology.routeTables[4].routes[2].destination',
      good: withEdge(edgeRoutes),
    },
  ];
  it.each(rows)('$name: $code', expectRule);

  it('accepts the gateway route table of T-GWRT-01', () => {
    expect(lint(withEdge(edgeRoutes)())).toEqual([]);
  });
});

describe('gateways, NAT, peering, transit gateways, endpoints (semantics.md 5-10)', () => {
  const rows: RuleCase[] = [
    {
      name: 'two internet gateways on one VPC',
      code: 'CFG_IGW_ALREADY_ATTACHED',
      bad: () => variant(f1, (t) => t.internetGateways!.push({ id: 'igw-2', vpcId: 'vpc-a' })),
      resourceId: 'igw-2',
      path: 'topology.internetGateways[1].vpcId',
      good: () => variant(f1, (t) => t.internetGateways!.push({ id: 'igw-2', vpcId: null })),
    },
    {
      name: 'two egress-only gateways on one VPC',
      code: 'CFG_EIGW_ALREADY_ATTACHED',
      bad: () => variant(f4, (t) => t.egressOnlyInternetGateways!.push({ id: 'eigw-2', vpcId: 'vpc-6' })),
      resourceId: 'eigw-2',
      path: 'topology.egressOnlyInternetGateways[1].vpcId',
      good: () => variant(f4, (t) => t.egressOnlyInternetGateways!.push({ id: 'eigw-2', vpcId: null })),
    },
    {
      name: 'a public NAT gateway without an internet gateway',
      code: 'CFG_NAT_NO_IGW',
      bad: () => variant(f1, (t) => (byId(t.internetGateways, 'igw-a').vpcId = null)),
      resourceId: 'nat-a',
      path: 'topology.natGateways[0].subnetId',
      good: () =>
        variant(f1, (t) => {
          byId(t.internetGateways, 'igw-a').vpcId = null;
          const nat = byId(t.natGateways, 'nat-a');
          nat.connectivity = 'private';
          delete nat.publicIp;
        }),
    },
    {
      name: 'a public NAT gateway without an Elastic IP',
      code: 'CFG_NAT_PUBLIC_IP',
      bad: () => variant(f1, (t) => delete byId(t.natGateways, 'nat-a').publicIp),
      resourceId: 'nat-a',
      path: 'topology.natGateways[0]',
      good: f1,
    },
    {
      name: 'a private NAT gateway with an Elastic IP',
      code: 'CFG_NAT_PUBLIC_IP',
      bad: () => variant(f1, (t) => (byId(t.natGateways, 'nat-a').connectivity = 'private')),
      resourceId: 'nat-a',
      path: 'topology.natGateways[0].publicIp',
      good: () =>
        variant(f1, (t) => {
          const nat = byId(t.natGateways, 'nat-a');
          nat.connectivity = 'private';
          delete nat.publicIp;
        }),
    },
    {
      name: 'a peering between overlapping VPCs',
      code: 'CFG_PEERING_CIDR_OVERLAP',
      bad: () =>
        variant(fullDocument, (t) => {
          t.vpcs!.push({ id: 'vpc-c', cidrBlocks: ['10.0.128.0/17'] });
          t.vpcPeeringConnections!.push({ id: 'pcx-ac', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-c' });
        }),
      resourceId: 'pcx-ac',
      path: 'topology.vpcPeeringConnections[1].accepterVpcId',
      good: () =>
        variant(fullDocument, (t) => {
          t.vpcs!.push({ id: 'vpc-c', cidrBlocks: ['10.0.128.0/17'] });
          t.vpcPeeringConnections!.push({
            id: 'pcx-ac',
            requesterVpcId: 'vpc-a',
            accepterVpcId: 'vpc-c',
            status: 'rejected',
          });
        }),
    },
    {
      name: 'a peering of a VPC with itself',
      code: 'CFG_PEERING_CIDR_OVERLAP',
      bad: () => variant(fullDocument, (t) => (byId(t.vpcPeeringConnections, 'pcx-ab').accepterVpcId = 'vpc-a')),
      resourceId: 'pcx-ab',
      path: 'topology.vpcPeeringConnections[0].accepterVpcId',
      good: fullDocument,
    },
    {
      name: 'two peerings between one pair of VPCs',
      code: 'CFG_PEERING_DUPLICATE_PAIR',
      bad: () =>
        variant(fullDocument, (t) =>
          t.vpcPeeringConnections!.push({ id: 'pcx-ba', requesterVpcId: 'vpc-b', accepterVpcId: 'vpc-a' }),
        ),
      resourceId: 'pcx-ba',
      path: 'topology.vpcPeeringConnections[1]',
      good: () =>
        variant(fullDocument, (t) =>
          t.vpcPeeringConnections!.push({
            id: 'pcx-ba',
            requesterVpcId: 'vpc-b',
            accepterVpcId: 'vpc-a',
            status: 'deleted',
          }),
        ),
    },
    {
      name: 'an attachment with two subnets in one zone',
      code: 'CFG_TGW_ATTACHMENT_TWO_SUBNETS_SAME_AZ',
      bad: () => variant(fullDocument, (t) => byId(t.transitGatewayAttachments, 'att-b').subnetIds!.push('sn-b1')),
      resourceId: 'att-b',
      path: 'topology.transitGatewayAttachments[0].subnetIds[1]',
      good: () =>
        variant(fullDocument, (t) => {
          byId(t.subnets, 'sn-b1').availabilityZone = 'us-east-1b';
          byId(t.transitGatewayAttachments, 'att-b').subnetIds!.push('sn-b1');
        }),
    },
    {
      name: 'an attachment on an IPv6-only subnet',
      code: 'CFG_TGW_ATTACHMENT_IPV6_ONLY_SUBNET',
      bad: () =>
        variant(fullDocument, (t) => {
          byId(t.vpcs, 'vpc-b').ipv6CidrBlocks = ['2600:1f18:b::/56'];
          t.subnets!.push({
            id: 'sn-b6',
            vpcId: 'vpc-b',
            availabilityZone: 'us-east-1b',
            ipv6CidrBlock: '2600:1f18:b:1::/64',
          });
          byId(t.transitGatewayAttachments, 'att-b').subnetIds!.push('sn-b6');
        }),
      resourceId: 'att-b',
      path: 'topology.transitGatewayAttachments[0].subnetIds[1]',
      good: fullDocument,
    },
    {
      name: 'an attachment naming a subnet of another VPC',
      code: 'CFG_TGW_ATTACHMENT_SUBNET_OTHER_VPC',
      bad: () => variant(fullDocument, (t) => byId(t.transitGatewayAttachments, 'att-b').subnetIds!.push('sn-app-b')),
      resourceId: 'att-b',
      path: 'topology.transitGatewayAttachments[0].subnetIds[1]',
      good: fullDocument,
    },
    {
      name: 'an attachment associated with two TGW route tables',
      code: 'CFG_TGW_ATTACHMENT_TWO_ASSOCIATIONS',
      bad: () =>
        variant(fullDocument, (t) =>
          t.transitGatewayRouteTables!.push({
            id: 'tgw-rtb-2',
            transitGatewayId: 'tgw-1',
            associations: ['att-b'],
            propagations: [],
            routes: [],
          }),
        ),
      resourceId: 'tgw-rtb-2',
      path: 'topology.transitGatewayRouteTables[1].associations[0]',
      good: () =>
        variant(fullDocument, (t) =>
          t.transitGatewayRouteTables!.push({
            id: 'tgw-rtb-2',
            transitGatewayId: 'tgw-1',
            associations: [],
            propagations: ['att-b'],
            routes: [],
          }),
        ),
    },
    {
      name: 'a TGW route table using an attachment of another transit gateway',
      code: 'CFG_TGW_ROUTE_TABLE_OTHER_TGW',
      bad: () =>
        variant(fullDocument, (t) => {
          t.transitGateways!.push({ id: 'tgw-2' });
          t.transitGatewayRouteTables!.push({
            id: 'tgw-rtb-2',
            transitGatewayId: 'tgw-2',
            associations: [],
            propagations: ['att-b'],
            routes: [],
          });
        }),
      resourceId: 'tgw-rtb-2',
      path: 'topology.transitGatewayRouteTables[1].propagations[0]',
      good: () =>
        variant(fullDocument, (t) => {
          t.transitGateways!.push({ id: 'tgw-2' });
          t.transitGatewayRouteTables!.push({
            id: 'tgw-rtb-2',
            transitGatewayId: 'tgw-2',
            associations: [],
            propagations: [],
            routes: [],
          });
        }),
    },
    {
      name: 'a transit gateway whose default route table belongs to another transit gateway',
      code: 'CFG_TGW_DEFAULT_ROUTE_TABLE_OTHER_TGW',
      bad: () =>
        variant(fullDocument, (t) => {
          t.transitGateways!.push({ id: 'tgw-2', associationDefaultRouteTableId: 'tgw-rtb' });
        }),
      resourceId: 'tgw-2',
      path: 'topology.transitGateways[1].associationDefaultRouteTableId',
      good: () =>
        variant(fullDocument, (t) => {
          byId(t.transitGateways, 'tgw-1').associationDefaultRouteTableId = 'tgw-rtb';
          byId(t.transitGateways, 'tgw-1').propagationDefaultRouteTableId = 'tgw-rtb';
          byId(t.transitGateways, 'tgw-1').defaultRouteTableAssociation = true;
        }),
    },
    {
      name: 'an endpoint naming a route table of another VPC',
      code: 'CFG_ENDPOINT_OTHER_VPC',
      bad: () => variant(fullDocument, (t) => byId(t.vpcEndpoints, 'vpce-s3').routeTableIds!.push('rtb-b')),
      resourceId: 'vpce-s3',
      path: 'topology.vpcEndpoints[0].routeTableIds[1]',
      good: () => variant(fullDocument, (t) => byId(t.vpcEndpoints, 'vpce-s3').routeTableIds!.push('rtb-pub')),
    },
    {
      name: 'an interface endpoint with a security group of another VPC',
      code: 'CFG_SG_ATTACH_OTHER_VPC',
      bad: () =>
        variant(fullDocument, (t) =>
          t.vpcEndpoints!.push({
            id: 'vpce-if',
            vpcId: 'vpc-a',
            type: 'interface',
            service: 'sqs',
            subnetIds: ['sn-app-a'],
            securityGroupIds: ['sg-peer'],
          }),
        ),
      resourceId: 'vpce-if',
      path: 'topology.vpcEndpoints[1].securityGroupIds[0]',
      good: () =>
        variant(fullDocument, (t) =>
          t.vpcEndpoints!.push({
            id: 'vpce-if',
            vpcId: 'vpc-a',
            type: 'interface',
            service: 'sqs',
            subnetIds: ['sn-app-a'],
            securityGroupIds: ['sg-app'],
          }),
        ),
    },
  ];
  it.each(rows)('$name: $code', expectRule);
});
