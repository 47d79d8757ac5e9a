/**
 * What the mappers make of each described resource before references are checked: the format's
 * fields where they are final, AWS ids and raw facts where a later step must still decide.
 */
import type { NaclRule, SgRuleBase } from '../../model/index.ts';

/** A VPC: its associated IPv4 blocks (primary first) and IPv6 blocks. */
export interface VpcDraft {
  id: string;
  name?: string;
  cidrBlocks: string[];
  ipv6CidrBlocks: string[];
}

/** A subnet, already in the format's fields. */
export interface SubnetDraft {
  id: string;
  name?: string;
  vpcId: string;
  availabilityZone: string;
  cidrBlock?: string;
  ipv6CidrBlock?: string;
  mapPublicIpOnLaunch?: boolean;
}

/** One route as AWS printed it; the target id is kept whatever it names. */
export interface RouteDraft {
  /** Index in the AWS Routes array (for diagnostics). */
  n: number;
  /** A CIDR block or a prefix list id (`prefixList`). */
  destination: string;
  prefixList: boolean;
  /** `local` or the id of the target. */
  target: string;
  /** The AWS field the target came from (`NatGatewayId`, `GatewayId`...). */
  field: string;
  /** The instance AWS prints beside an instance's interface target, used when the interface is unknown. */
  alt?: string;
  propagated: boolean;
  blackhole: boolean;
}

/** A route table with its associations and every route AWS printed (local ones included). */
export interface RouteTableDraft {
  id: string;
  name?: string;
  vpcId: string;
  main: boolean;
  subnetIds: string[];
  gatewayIds: string[];
  routes: RouteDraft[];
}

/** A network ACL with its rules already in the format's shape. */
export interface NaclDraft {
  id: string;
  name?: string;
  vpcId: string;
  default: boolean;
  subnetIds: string[];
  inbound: NaclRule[];
  outbound: NaclRule[];
}

/** A security group rule with one peer, as AWS named it (a CIDR, a group id or a prefix list id). */
export interface SgRuleDraft {
  base: SgRuleBase;
  peer: string;
  /** Path of the peer in the file, relative to the group (for diagnostics). */
  at: string;
}

/** A security group whose rule peers still need resolving (prefix lists, other groups). */
export interface SecurityGroupDraft {
  id: string;
  name?: string;
  vpcId: string;
  inbound: SgRuleDraft[];
  outbound: SgRuleDraft[];
}

/** A network interface: an instance's (from Reservations) or one of describe-network-interfaces. */
export interface InterfaceDraft {
  id: string;
  name?: string;
  subnetId: string;
  privateIp: string;
  secondaryPrivateIps: string[];
  publicIp?: string;
  ipv6Addresses: string[];
  securityGroupIds: string[];
  sourceDestCheck?: boolean;
  /** The instance it is attached to and at which device index. */
  instanceId?: string;
  deviceIndex?: number;
  /** AWS InterfaceType: `interface`, `nat_gateway`, `vpc_endpoint`, `network_load_balancer`... */
  interfaceType?: string;
  description?: string;
  requesterManaged?: boolean;
}

/** The primary interface fields printed on the instance itself, used when it lists no interfaces. */
export interface InstanceFallback {
  subnetId?: string;
  privateIp?: string;
  publicIp?: string;
  ipv6Addresses: string[];
  securityGroupIds: string[];
  sourceDestCheck?: boolean;
}

/** An instance: its state, its primary interface id, and the fields printed on the instance itself. */
export interface InstanceDraft {
  id: string;
  name?: string;
  /** AWS State.Name: running, stopped, pending, stopping, shutting-down, terminated. */
  state: string;
  os?: 'windows';
  primaryInterfaceId?: string;
  fallback: InstanceFallback;
  availabilityZone?: string;
}

/** An internet or egress-only internet gateway and the VPC it is attached to. */
export interface GatewayDraft {
  id: string;
  name?: string;
  vpcId: string | null;
}

/** A NAT gateway with the addresses of its primary address entry. */
export interface NatDraft {
  id: string;
  name?: string;
  subnetId: string;
  connectivity: 'public' | 'private';
  privateIp?: string;
  publicIp?: string;
  state: 'available' | 'pending' | 'failed' | 'deleting' | 'deleted';
  /** Interfaces named in NatGatewayAddresses. */
  interfaceIds: string[];
}

/** A VPC peering connection with its AWS status code. */
export interface PeeringDraft {
  id: string;
  name?: string;
  requesterVpcId: string;
  accepterVpcId: string;
  /** AWS Status.Code. */
  status: string;
}

/** A transit gateway and the options the format keeps. */
export interface TransitGatewayDraft {
  id: string;
  name?: string;
  securityGroupReferencingSupport?: boolean;
  defaultRouteTableAssociation?: boolean;
  defaultRouteTablePropagation?: boolean;
  associationDefaultRouteTableId?: string;
  propagationDefaultRouteTableId?: string;
}

/**
 * A transit gateway attachment. A peering attachment has one id on both sides, and each side's
 * describe-transit-gateway-attachments names its own gateway first, so the sides are kept apart
 * (`PeeringSides`) instead of in the merged fields.
 */
export interface AttachmentDraft {
  id: string;
  name?: string;
  type: 'vpc' | 'peering';
  transitGatewayId?: string;
  vpcId?: string;
  subnetIds?: string[];
  applianceMode?: boolean;
  state?: string;
}

/** The two gateways a transit gateway peering attachment joins, as the outputs named them. */
export interface PeeringSides {
  requester?: string;
  accepter?: string;
  /** The two gateways as the first generic description named them (own gateway first). */
  seen?: [string, string];
}

/** A transit gateway route table as describe-transit-gateway-route-tables printed it. */
export interface TgwRouteTableDraft {
  id: string;
  name?: string;
  transitGatewayId: string;
}

/** A static or blackhole route of a transit gateway route table, with where it was read. */
export interface TgwRouteDraft {
  destination: string;
  prefixList: boolean;
  attachmentId?: string;
  /** Resource type of the target attachment as the route printed it. */
  resourceType?: string;
  blackhole: boolean;
  file: string;
  path: string;
}

/** What the per-table calls said about one transit gateway route table. */
export interface TgwTableData {
  associations: Map<string, { file: string; path: string }>;
  propagations: Map<string, { file: string; path: string }>;
  routes: TgwRouteDraft[];
  associationsCollected: boolean;
  propagationsCollected: boolean;
  routesCollected: boolean;
  /** Attachments whose propagated routes appear in the table (used when propagations were not collected). */
  propagatedFrom: Map<string, { file: string; path: string }>;
}

/** A gateway or interface VPC endpoint. */
export interface EndpointDraft {
  id: string;
  name?: string;
  vpcId: string;
  type: 'gateway' | 'interface';
  service: string;
  routeTableIds: string[];
  subnetIds: string[];
  securityGroupIds: string[];
}

/** A prefix list from either describe call. */
export interface PrefixListDraft {
  id: string;
  name?: string;
  /** From describe-prefix-lists (AWS service lists) or the entries calls. */
  cidrs?: string[];
  /** The AWS service with a built-in list this one stands for. */
  service?: 's3' | 'dynamodb';
}

/** An Elastic IP and what it is associated with. */
export interface AddressDraft {
  publicIp: string;
  allocationId?: string;
  interfaceId?: string;
  instanceId?: string;
  privateIp?: string;
  file: string;
  path: string;
  scope: string;
}
