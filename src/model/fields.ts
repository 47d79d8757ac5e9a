/**
 * The field order of every object in a `vpcsim/1` document (format.md): the serializer writes keys in
 * this order, the validator walks arrays in it. The compiler checks that each list names every field.
 */
import type {
  Check,
  Document,
  EgressOnlyInternetGateway,
  ExternalHost,
  Instance,
  InternetGateway,
  Meta,
  NaclRule,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  PrefixList,
  Route,
  RouteTable,
  SecurityGroup,
  SgInboundRule,
  SgOutboundRule,
  Subnet,
  Topology,
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
  Vpc,
  VpcEndpoint,
  VpcPeeringConnection,
} from './types.ts';

/** Accepts a tuple of keys of `T` only when it names every key of `T` (a missing key is a type error). */
function fieldsOf<T>() {
  return <const K extends readonly (keyof T)[]>(
    keys: K & (Exclude<keyof T, K[number]> extends never ? unknown : { missing: Exclude<keyof T, K[number]> }),
  ): K => keys;
}

export const DOCUMENT_FIELDS = fieldsOf<Document>()(['format', 'meta', 'topology', 'layout', 'checks', 'exam']);
export const META_FIELDS = fieldsOf<Meta>()(['title', 'description', 'tags', 'source', 'difficulty']);

/** The arrays of `topology`, in the order of format.md section 2. */
export const TOPOLOGY_FIELDS = fieldsOf<Topology>()([
  'vpcs',
  'subnets',
  'routeTables',
  'networkAcls',
  'securityGroups',
  'instances',
  'networkInterfaces',
  'internetGateways',
  'egressOnlyInternetGateways',
  'natGateways',
  'vpcPeeringConnections',
  'transitGateways',
  'transitGatewayAttachments',
  'transitGatewayRouteTables',
  'vpcEndpoints',
  'prefixLists',
  'externalHosts',
]);

export const VPC_FIELDS = fieldsOf<Vpc>()(['id', 'name', 'region', 'cidrBlocks', 'ipv6CidrBlocks']);
export const SUBNET_FIELDS = fieldsOf<Subnet>()([
  'id',
  'name',
  'vpcId',
  'availabilityZone',
  'cidrBlock',
  'ipv6CidrBlock',
  'mapPublicIpOnLaunch',
]);
export const ROUTE_TABLE_FIELDS = fieldsOf<RouteTable>()([
  'id',
  'name',
  'vpcId',
  'main',
  'subnetIds',
  'gatewayIds',
  'routes',
]);
export const ROUTE_FIELDS = fieldsOf<Route>()(['destination', 'target', 'propagated']);
export const NETWORK_ACL_FIELDS = fieldsOf<NetworkAcl>()([
  'id',
  'name',
  'vpcId',
  'default',
  'subnetIds',
  'inbound',
  'outbound',
]);
export const NACL_RULE_FIELDS = fieldsOf<NaclRule>()([
  'ruleNumber',
  'protocol',
  'ports',
  'icmpType',
  'icmpCode',
  'cidr',
  'action',
]);
export const SECURITY_GROUP_FIELDS = fieldsOf<SecurityGroup>()(['id', 'name', 'vpcId', 'inbound', 'outbound']);
export const SG_INBOUND_RULE_FIELDS = fieldsOf<SgInboundRule>()([
  'protocol',
  'ports',
  'icmpType',
  'icmpCode',
  'source',
  'description',
]);
export const SG_OUTBOUND_RULE_FIELDS = fieldsOf<SgOutboundRule>()([
  'protocol',
  'ports',
  'icmpType',
  'icmpCode',
  'destination',
  'description',
]);
export const INSTANCE_FIELDS = fieldsOf<Instance>()([
  'id',
  'name',
  'subnetId',
  'privateIp',
  'secondaryPrivateIps',
  'publicIp',
  'ipv6Addresses',
  'securityGroupIds',
  'primaryInterfaceId',
  'os',
  'state',
  'sourceDestCheck',
  'sourceNat',
]);
export const NETWORK_INTERFACE_FIELDS = fieldsOf<NetworkInterface>()([
  'id',
  'name',
  'subnetId',
  'instanceId',
  'privateIp',
  'secondaryPrivateIps',
  'publicIp',
  'ipv6Addresses',
  'securityGroupIds',
  'sourceDestCheck',
  'sourceNat',
]);
export const INTERNET_GATEWAY_FIELDS = fieldsOf<InternetGateway>()(['id', 'name', 'vpcId']);
export const EGRESS_ONLY_INTERNET_GATEWAY_FIELDS = fieldsOf<EgressOnlyInternetGateway>()(['id', 'name', 'vpcId']);
export const NAT_GATEWAY_FIELDS = fieldsOf<NatGateway>()([
  'id',
  'name',
  'subnetId',
  'connectivity',
  'privateIp',
  'publicIp',
  'state',
]);
export const VPC_PEERING_CONNECTION_FIELDS = fieldsOf<VpcPeeringConnection>()([
  'id',
  'name',
  'requesterVpcId',
  'accepterVpcId',
  'status',
]);
export const TRANSIT_GATEWAY_FIELDS = fieldsOf<TransitGateway>()([
  'id',
  'name',
  'securityGroupReferencingSupport',
  'defaultRouteTableAssociation',
  'defaultRouteTablePropagation',
  'associationDefaultRouteTableId',
  'propagationDefaultRouteTableId',
]);
export const TRANSIT_GATEWAY_ATTACHMENT_FIELDS = fieldsOf<TransitGatewayAttachment>()([
  'id',
  'name',
  'transitGatewayId',
  'type',
  'vpcId',
  'subnetIds',
  'peerTransitGatewayId',
  'applianceMode',
  'state',
]);
export const TRANSIT_GATEWAY_ROUTE_TABLE_FIELDS = fieldsOf<TransitGatewayRouteTable>()([
  'id',
  'name',
  'transitGatewayId',
  'associations',
  'propagations',
  'routes',
]);
export const TRANSIT_GATEWAY_ROUTE_FIELDS = fieldsOf<TransitGatewayRoute>()([
  'destination',
  'attachmentId',
  'blackhole',
]);
export const VPC_ENDPOINT_FIELDS = fieldsOf<VpcEndpoint>()([
  'id',
  'name',
  'vpcId',
  'type',
  'service',
  'prefixListId',
  'routeTableIds',
  'subnetIds',
  'securityGroupIds',
]);
export const PREFIX_LIST_FIELDS = fieldsOf<PrefixList>()(['id', 'name', 'cidrs']);
export const EXTERNAL_HOST_FIELDS = fieldsOf<ExternalHost>()(['id', 'name', 'ip']);
export const LAYOUT_ENTRY_FIELDS = ['x', 'y', 'width', 'height'] as const;
export const CHECK_FIELDS = fieldsOf<Check>()([
  'name',
  'from',
  'to',
  'protocol',
  'port',
  'family',
  'toAddress',
  'oneWay',
  'expect',
  'blockedAt',
  'code',
  'direction',
]);

/** The field order of each resource array's elements. */
export const RESOURCE_FIELDS: { readonly [K in keyof Topology]-?: readonly string[] } = {
  vpcs: VPC_FIELDS,
  subnets: SUBNET_FIELDS,
  routeTables: ROUTE_TABLE_FIELDS,
  networkAcls: NETWORK_ACL_FIELDS,
  securityGroups: SECURITY_GROUP_FIELDS,
  instances: INSTANCE_FIELDS,
  networkInterfaces: NETWORK_INTERFACE_FIELDS,
  internetGateways: INTERNET_GATEWAY_FIELDS,
  egressOnlyInternetGateways: EGRESS_ONLY_INTERNET_GATEWAY_FIELDS,
  natGateways: NAT_GATEWAY_FIELDS,
  vpcPeeringConnections: VPC_PEERING_CONNECTION_FIELDS,
  transitGateways: TRANSIT_GATEWAY_FIELDS,
  transitGatewayAttachments: TRANSIT_GATEWAY_ATTACHMENT_FIELDS,
  transitGatewayRouteTables: TRANSIT_GATEWAY_ROUTE_TABLE_FIELDS,
  vpcEndpoints: VPC_ENDPOINT_FIELDS,
  prefixLists: PREFIX_LIST_FIELDS,
  externalHosts: EXTERNAL_HOST_FIELDS,
};
