/**
 * The topology document, format `vpcsim/1` (shared/design/format.md). Plain JSON data: every resource
 * has a document-wide unique `id`, references are ids, every array in `topology` is optional.
 * Field names follow the AWS API in camelCase.
 */

export const FORMAT_V1 = 'vpcsim/1';

/** A whole saved file: the network, its presentation, and the questions pinned to it. */
export interface Document {
  format: typeof FORMAT_V1;
  meta?: Meta;
  topology: Topology;
  layout?: Layout;
  checks?: Check[];
  /** Exam-mode metadata; opaque to the engine (defined by the exam issue). */
  exam?: unknown;
}

export interface Meta {
  title?: string;
  description?: string;
  tags?: string[];
  /** The AWS documentation page or exam-question pattern the scenario follows. */
  source?: string;
  difficulty?: string;
}

/** The only input of the engine. */
export interface Topology {
  vpcs?: Vpc[];
  subnets?: Subnet[];
  routeTables?: RouteTable[];
  networkAcls?: NetworkAcl[];
  securityGroups?: SecurityGroup[];
  instances?: Instance[];
  networkInterfaces?: NetworkInterface[];
  internetGateways?: InternetGateway[];
  egressOnlyInternetGateways?: EgressOnlyInternetGateway[];
  natGateways?: NatGateway[];
  vpcPeeringConnections?: VpcPeeringConnection[];
  transitGateways?: TransitGateway[];
  transitGatewayAttachments?: TransitGatewayAttachment[];
  transitGatewayRouteTables?: TransitGatewayRouteTable[];
  vpcEndpoints?: VpcEndpoint[];
  prefixLists?: PrefixList[];
  externalHosts?: ExternalHost[];
}

/** Every resource kind, keyed by its array name in `topology`. */
export type TopologyArrayName = keyof Topology;

interface Named {
  id: string;
  /** Shown on the canvas. */
  name?: string;
}

export interface Vpc extends Named {
  /** Default `us-east-1`. */
  region?: string;
  /** First = primary. */
  cidrBlocks: string[];
  ipv6CidrBlocks?: string[];
}

export interface Subnet extends Named {
  vpcId: string;
  availabilityZone: string;
  cidrBlock?: string;
  ipv6CidrBlock?: string;
  mapPublicIpOnLaunch?: boolean;
}

export interface Route {
  /** A CIDR (`0.0.0.0/0`, `::/0`, `10.1.0.0/16`) or a prefix list id. */
  destination: string;
  /** `local` or a resource id; an id that names nothing makes a blackhole route. */
  target: string;
  /**
   * vpcsim extension: the route was propagated (from a virtual private gateway), not created. On an
   * identical destination a static route wins over a propagated one (semantics.md 2.3).
   */
  propagated?: boolean;
}

export interface RouteTable extends Named {
  vpcId: string;
  main?: boolean;
  subnetIds?: string[];
  /** Edge association with internet gateways (gateway route table, ingress routing). */
  gatewayIds?: string[];
  routes: Route[];
}

export type RuleAction = 'allow' | 'deny';

export interface NaclRule {
  ruleNumber: number;
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `all`, or a protocol number as a string. */
  protocol: string;
  /** `"443"` or `"1024-65535"`; omitted = all. */
  ports?: string;
  /** IPv4 or IPv6 CIDR: the source for inbound rules, the destination for outbound rules. */
  cidr: string;
  action: RuleAction;
  icmpType?: number;
  icmpCode?: number;
}

export interface NetworkAcl extends Named {
  vpcId: string;
  default?: boolean;
  subnetIds?: string[];
  inbound: NaclRule[];
  outbound: NaclRule[];
}

export interface SgRuleBase {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `all`, or a protocol number as a string. */
  protocol: string;
  /** `"443"` or `"1024-65535"`; omitted = all. */
  ports?: string;
  icmpType?: number;
  icmpCode?: number;
  description?: string;
}
export interface SgInboundRule extends SgRuleBase {
  /** A CIDR, a security group id, or a prefix list id. */
  source: string;
}
export interface SgOutboundRule extends SgRuleBase {
  /** A CIDR, a security group id, or a prefix list id. */
  destination: string;
}

export interface SecurityGroup extends Named {
  vpcId: string;
  /** Omitted = no rules. */
  inbound?: SgInboundRule[];
  /** Omitted = AWS's default for a new group (all traffic to 0.0.0.0/0, and ::/0 when the VPC has IPv6); `[]` = none. */
  outbound?: SgOutboundRule[];
}

export type InstanceOs = 'linux' | 'windows';

/** Fields shared by an instance's primary interface and a standalone network interface. */
export interface InterfaceFields {
  subnetId: string;
  privateIp: string;
  secondaryPrivateIps?: string[];
  publicIp?: string;
  ipv6Addresses?: string[];
  securityGroupIds: string[];
  /** Default `true`. */
  sourceDestCheck?: boolean;
  /**
   * vpcsim extension: the interface forwards traffic with source NAT (a NAT instance), rewriting the
   * source to its own primary private IP. Default `false` (a plain router / firewall appliance).
   */
  sourceNat?: boolean;
}

export interface Instance extends Named, InterfaceFields {
  /** Id of the primary interface; default `<instance id>/eth0`. */
  primaryInterfaceId?: string;
  /** Picks the client's ephemeral port range; default `linux`. */
  os?: InstanceOs;
  /** vpcsim extension: only `running` instances forward or answer; default `running`. */
  state?: 'running' | 'stopped' | 'terminated';
}

export interface NetworkInterface extends Named, InterfaceFields {
  instanceId?: string;
}

export interface InternetGateway extends Named {
  /** `null` = detached. */
  vpcId: string | null;
}

export interface EgressOnlyInternetGateway extends Named {
  vpcId: string | null;
}

export interface NatGateway extends Named {
  subnetId: string;
  /** Default `public` (needs `publicIp`). */
  connectivity?: 'public' | 'private';
  privateIp?: string;
  publicIp?: string;
  /** Default `available`. */
  state?: 'available' | 'pending' | 'failed' | 'deleting' | 'deleted';
}

export interface VpcPeeringConnection extends Named {
  requesterVpcId: string;
  accepterVpcId: string;
  status?: 'active' | 'pending-acceptance' | 'rejected' | 'deleted' | 'failed' | 'expired' | 'provisioning';
}

export interface TransitGateway extends Named {
  securityGroupReferencingSupport?: boolean;
  /**
   * AWS's DefaultRouteTableAssociation / DefaultRouteTablePropagation options and their tables. AWS
   * applies them when an attachment is created (the editor does the same); the engine reads only
   * the associations and propagations the route tables list, as AWS's state does afterwards.
   */
  defaultRouteTableAssociation?: boolean;
  defaultRouteTablePropagation?: boolean;
  associationDefaultRouteTableId?: string;
  propagationDefaultRouteTableId?: string;
}

export interface TransitGatewayAttachment extends Named {
  transitGatewayId: string;
  type: 'vpc' | 'peering';
  vpcId?: string;
  subnetIds?: string[];
  peerTransitGatewayId?: string;
  applianceMode?: boolean;
  state?: string;
}

export interface TransitGatewayRoute {
  destination: string;
  attachmentId?: string;
  blackhole?: boolean;
}

export interface TransitGatewayRouteTable extends Named {
  transitGatewayId: string;
  associations: string[];
  propagations: string[];
  routes: TransitGatewayRoute[];
}

export interface VpcEndpoint extends Named {
  vpcId: string;
  type: 'gateway' | 'interface';
  service: string;
  prefixListId?: string;
  routeTableIds?: string[];
  subnetIds?: string[];
  securityGroupIds?: string[];
}

export interface PrefixList extends Named {
  cidrs: string[];
}

export interface ExternalHost extends Named {
  ip: string;
}

/** Positions relative to the node's parent on the canvas; never read by the engine. */
export type Layout = Record<string, { x: number; y: number; width?: number; height?: number }>;

export type CheckVerdict = 'REACHABLE' | 'REACHABLE_PARTIAL' | 'BLOCKED' | 'UNSUPPORTED' | 'INVALID_CONFIG';

/** A pinned question with its expected answer (format.md section 5). */
export interface Check {
  name: string;
  from: string;
  to: string;
  protocol?: string;
  port?: number;
  family?: 4 | 6;
  toAddress?: 'private' | 'public' | 'ipv6';
  oneWay?: boolean;
  expect: CheckVerdict;
  /** Refinements of a BLOCKED expectation, matched against the first explanation. */
  blockedAt?: string;
  code?: string;
  direction?: 'forward' | 'return';
}
