// fast-check arbitraries for small valid `vpcsim/1` topologies (1-3 VPCs, often peered) and for trace queries
// over them. A topology is drawn as a plan of plain choices (flags, indices) and then built, so every reference
// resolves, every address is unique and non-reserved, and shrinking a plan still gives a valid document.
import fc from 'fast-check';
import { cidr4, formatIp, parseIp } from '../../src/lib/index.ts';
import type { TraceQuery } from '../../src/engine/index.ts';
import type {
  Document,
  Instance,
  NaclRule,
  NatGateway,
  NetworkAcl,
  Route,
  RouteTable,
  SecurityGroup,
  SgInboundRule,
  SgOutboundRule,
  SgRuleBase,
  Subnet,
  Topology,
  TransitGatewayAttachment,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
  Vpc,
  VpcPeeringConnection,
} from '../../src/model/index.ts';

// ---------------------------------------------------------------------------------------------- plans

/** Where a rule or route points: resolved against the VPC it is built in. */
export interface CidrPick {
  readonly kind: number;
  readonly pick: number;
  readonly prefix: number;
}

export type PortsPlan =
  | { readonly kind: 'choice'; readonly index: number }
  | { readonly kind: 'range'; readonly a: number; readonly b: number };

export interface NaclRulePlan {
  readonly ruleNumber: number;
  readonly action: 'allow' | 'deny';
  readonly protocol: string;
  readonly ports: PortsPlan | null;
  readonly cidr: CidrPick;
  readonly icmpType: number | null;
  readonly icmpCode: number | null;
}

export interface NaclPlan {
  readonly isDefault: boolean;
  /** Append `32766 allow all 0.0.0.0/0` (and 32765 for ::/0): most custom NACLs in practice end permissive. */
  readonly allowTail: boolean;
  /**
   * Two rules (tcp, udp) that pass only part of the client's ephemeral range (semantics.md 3.4), so
   * replies give REACHABLE_PARTIAL: `deny-low` denies 32768-49151, `allow-high` allows 49152-65535.
   * Numbered 10-11 (before most random rules) when `ephemeralFirst`, else 32760-32761.
   */
  readonly ephemeral: 'deny-low' | 'allow-high' | null;
  readonly ephemeralFirst: boolean;
  readonly inbound: readonly NaclRulePlan[];
  readonly outbound: readonly NaclRulePlan[];
}

export type SgPeerPlan =
  | { readonly kind: 'cidr'; readonly cidr: CidrPick }
  | { readonly kind: 'sg'; readonly pick: number }
  /** A group of a VPC peered with this one (same Region only); the VPC's own group when it has no such peer. */
  | { readonly kind: 'peer-sg'; readonly pick: number }
  | { readonly kind: 'prefix-list'; readonly custom: boolean };

export interface SgRulePlan {
  readonly protocol: string;
  readonly ports: PortsPlan | null;
  readonly icmpType: number | null;
  readonly icmpCode: number | null;
  readonly peer: SgPeerPlan;
}

export interface SgPlan {
  /** A broad inbound rule in front of the random ones, so that some traffic gets through. */
  /** `peer-groups`: all traffic from every group of the same-Region VPCs peered with this one, by reference. */
  readonly open: 'anywhere' | 'private' | 'peer-groups' | null;
  readonly inbound: readonly SgRulePlan[] | null;
  /** null = omitted (AWS's default egress), [] = no rules. */
  readonly outbound: readonly SgRulePlan[] | null;
}

export type RouteTargetPlan = 'igw' | 'nat' | 'missing' | 'instance';

export type RouteDestPlan =
  | { readonly kind: 'default4' }
  | { readonly kind: 'default6' }
  | { readonly kind: 'external4'; readonly pick: number; readonly prefix: number }
  | { readonly kind: 'other-vpc'; readonly pick: number }
  | { readonly kind: 'prefix-list'; readonly custom: boolean };

export interface RoutePlan {
  readonly dest: RouteDestPlan;
  readonly target: RouteTargetPlan;
  readonly pick: number;
  readonly propagated: boolean;
}

export interface RouteTablePlan {
  readonly main: boolean;
  readonly routes: readonly RoutePlan[];
}

export interface InstancePlan {
  readonly secondary: boolean;
  readonly publicIp: boolean;
  readonly ipv6: boolean;
  readonly os: 'linux' | 'windows';
  readonly sgPicks: readonly number[];
  readonly sourceDestCheck: boolean;
  readonly namedInterface: boolean;
}

export interface SubnetPlan {
  readonly third: number;
  readonly az: 'a' | 'b';
  readonly ipv6: boolean;
  /** 0 = the main table (no explicit association), k = table k-1 (modulo). */
  readonly routeTable: number;
  /** 0 = the default NACL, k = NACL k-1 (modulo). */
  readonly nacl: number;
  readonly offsetBase: number;
  readonly instances: readonly InstancePlan[];
}

export interface NatPlan {
  readonly subnetPick: number;
  readonly connectivity: 'public' | 'private';
  readonly deleted: boolean;
}

export interface VpcPlan {
  readonly octet: number;
  readonly region: Region;
  /**
   * An internet gateway and a main route table whose defaults (0.0.0.0/0, ::/0) go to it, so that many
   * queries get through and the monotonicity property has reachable paths to protect.
   */
  readonly friendly: boolean;
  readonly ipv6: boolean;
  readonly igw: boolean;
  readonly eigw: boolean;
  readonly subnets: readonly SubnetPlan[];
  readonly nat: NatPlan | null;
  readonly routeTables: readonly RouteTablePlan[];
  readonly nacls: readonly NaclPlan[];
  readonly sgs: readonly SgPlan[];
}

/**
 * The route one side of a peering gets: the peer's CIDR, part of it (a subnet), a wider block (10.0.0.0/8),
 * a wrong one (a third VPC's CIDR: transit; 0.0.0.0/0: edge to edge), or none. `v6` adds a route to the
 * peer's IPv6 block when both VPCs have one. `table` 0 puts it in every table of the VPC, k in table k-1.
 */
export interface PeeringRoutePlan {
  readonly dest: 'peer' | 'peer-subnet' | 'wider' | 'third-vpc' | 'default' | 'none';
  readonly v6: boolean;
  readonly table: number;
  readonly pick: number;
}

/** A peering between VPCs `requester` and `accepter` (indices modulo the VPC count; a pair is peered once). */
export interface PeeringPlan {
  readonly requester: number;
  readonly accepter: number;
  readonly status: 'active' | 'pending-acceptance';
  readonly requesterRoute: PeeringRoutePlan;
  readonly accepterRoute: PeeringRoutePlan;
}

/** A VPC's attachment to a transit gateway (semantics.md 9.2). */
export interface TgwAttachmentPlan {
  /** The VPC and the transit gateway (indices modulo their counts; a VPC is attached to a gateway once). */
  readonly vpc: number;
  readonly tgw: number;
  /** The zones with an attachment subnet: a VPC subnet in a zone the attachment lacks gets TGW_ROUTE_AZ_RESTRICTION. */
  readonly azs: 'a' | 'b' | 'ab';
  /** A dedicated /28 subnet per zone, else a workload subnet of that zone (semantics.md 9.6, same subnet). */
  readonly dedicated: boolean;
  /** For dedicated subnets: 0 = the main route table / default NACL, k = table (NACL) k-1 of the VPC. */
  readonly routeTable: number;
  readonly nacl: number;
  readonly applianceMode: boolean;
  readonly state: 'available' | 'modifying' | 'pending' | 'deleted';
  /** 0 = associated with no table, k = table k-1 of its transit gateway. */
  readonly association: number;
  /** The tables of its transit gateway it propagates to (indices modulo the table count). */
  readonly propagations: readonly number[];
  /** The VPC's route to the transit gateway: 10.0.0.0/8, the CIDRs of the VPCs it can reach, 0.0.0.0/0, or none. */
  readonly route: 'wider' | 'vpcs' | 'default' | 'none';
  /** 0 = in every route table of the VPC, k = in table k-1. */
  readonly routeIn: number;
}

/** A static route of a transit gateway route table. */
export interface TgwStaticRoutePlan {
  readonly dest: 'vpc' | 'subnet' | 'wider' | 'default' | 'external';
  readonly pick: number;
  /** null = blackhole; else an attachment of the table's transit gateway, the peering one included (modulo). */
  readonly target: number | null;
}

/** A second VPC whose CIDR overlaps a generated one's: of two overlapping propagations, the later is skipped. */
export interface TgwOverlapPlan {
  readonly vpc: number;
  /** The same /16, else a /20 inside it. */
  readonly exact: boolean;
  /** Its attachment comes first in the document (its propagation wins), else last. */
  readonly first: boolean;
  readonly tgw: number;
  readonly association: number;
  readonly propagations: readonly number[];
}

export interface TgwPlan {
  /** Two transit gateways are joined by a peering attachment. */
  readonly count: 1 | 2;
  readonly sgRefSupport: readonly boolean[];
  /** Route tables of each transit gateway (1-2), by their static routes. */
  readonly tables: readonly (readonly (readonly TgwStaticRoutePlan[])[])[];
  readonly attachments: readonly TgwAttachmentPlan[];
  readonly peering: {
    readonly state: 'available' | 'pendingAcceptance';
    /** Per side: 0 = no table, k = table k-1 of that side's transit gateway. */
    readonly associations: readonly number[];
    /** Per side: the static routes to the peering in every table of that side. */
    readonly routes: readonly ('vpcs' | 'wider' | 'none')[];
  };
  readonly overlap: TgwOverlapPlan | null;
}

export interface TopologyPlan {
  readonly vpcs: readonly VpcPlan[];
  readonly peerings: readonly PeeringPlan[];
  readonly customPrefixList: boolean;
  readonly externalHost: boolean;
  /** Transit gateways (absent in plans without any). */
  readonly tgw?: TgwPlan;
}

// ------------------------------------------------------------------------------------------ constants

/** Internet addresses used by routes, rules and queries (semantics.md 0.4 hosts, services, RFC 1918/6598 probes). */
export const EXTERNAL_HOSTS4 = [
  '198.51.100.10',
  '203.0.113.50',
  '93.184.216.34',
  '52.216.10.10',
  '8.8.8.8',
  '172.31.0.9',
  '10.250.3.4',
  '100.64.1.1',
] as const;
export const EXTERNAL_HOSTS6 = ['2001:db8:ffff::1', '2001:db8:ffff::10', '2a00:1450::1'] as const;

export const PORT_CHOICES = [
  '443',
  '22',
  '80',
  '5432',
  '1024-65535',
  '32768-60999',
  '32768-65535',
  '49152-65535',
  '0-1023',
  '0-65535',
] as const;

export const CUSTOM_PREFIX_LIST = 'pl-custom';
const CUSTOM_PREFIX_LIST_CIDRS = ['198.51.100.0/24', '93.184.216.0/24'];
/** VPC second octets stay below this, so 10.250.x.x is always outside every VPC. */
const MAX_VPC_OCTET = 199;

/** Regions of generated VPCs: us-east-1 (the default, left implicit) mostly, so most peerings are same-Region. */
export type Region = 'us-east-1' | 'us-west-2';

// ----------------------------------------------------------------------------------------- arbitraries

const cidrPickArb: fc.Arbitrary<CidrPick> = fc.record({
  kind: fc.integer({ min: 0, max: 9 }),
  pick: fc.nat(31),
  prefix: fc.integer({ min: 8, max: 32 }),
});

const portsArb: fc.Arbitrary<PortsPlan | null> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('choice' as const), index: fc.nat(PORT_CHOICES.length - 1) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('range' as const), a: fc.nat(65535), b: fc.nat(65535) }),
  },
);

const icmpFieldArb = (values: number[]): fc.Arbitrary<number | null> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constantFrom(...values) });

const ruleProtocolArb = fc.constantFrom('tcp', 'tcp', 'tcp', 'udp', 'icmp', 'all', 'all', 'icmpv6');

const naclRuleArb: fc.Arbitrary<NaclRulePlan> = fc.record({
  ruleNumber: fc.integer({ min: 1, max: 32759 }),
  action: fc.constantFrom('allow' as const, 'allow' as const, 'deny' as const),
  protocol: ruleProtocolArb,
  ports: portsArb,
  cidr: cidrPickArb,
  icmpType: icmpFieldArb([-1, 0, 3, 8, 128, 129]),
  icmpCode: icmpFieldArb([-1, 0, 4]),
});

const naclRulesArb = fc.uniqueArray(naclRuleArb, { maxLength: 6, selector: (r) => r.ruleNumber });

const naclArb: fc.Arbitrary<NaclPlan> = fc.record({
  isDefault: fc.boolean(),
  allowTail: fc.constantFrom(true, true, false),
  ephemeral: fc.constantFrom<'deny-low' | 'allow-high' | null>('deny-low', 'allow-high', null, null),
  ephemeralFirst: fc.boolean(),
  inbound: naclRulesArb,
  outbound: naclRulesArb,
});

const sgPeerArb: fc.Arbitrary<SgPeerPlan> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('cidr' as const), cidr: cidrPickArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sg' as const), pick: fc.nat(7) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('peer-sg' as const), pick: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('prefix-list' as const), custom: fc.boolean() }) },
);

const sgRuleArb: fc.Arbitrary<SgRulePlan> = fc.record({
  protocol: ruleProtocolArb,
  ports: portsArb,
  icmpType: icmpFieldArb([-1, 0, 8, 128]),
  icmpCode: icmpFieldArb([-1, 0]),
  peer: sgPeerArb,
});

const sgArb: fc.Arbitrary<SgPlan> = fc.record({
  open: fc.constantFrom<SgPlan['open']>('anywhere', 'anywhere', 'private', 'private', 'peer-groups', null, null),
  inbound: fc.option(fc.array(sgRuleArb, { minLength: 1, maxLength: 4 }), { freq: 6 }),
  outbound: fc.oneof(
    { weight: 5, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 2, arbitrary: fc.array(sgRuleArb, { minLength: 1, maxLength: 3 }) },
  ),
});

const routeDestArb: fc.Arbitrary<RouteDestPlan> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'default4' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'default6' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('external4' as const),
      pick: fc.nat(EXTERNAL_HOSTS4.length - 1),
      prefix: fc.integer({ min: 16, max: 28 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('other-vpc' as const), pick: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('prefix-list' as const), custom: fc.boolean() }) },
);

const routeArb: fc.Arbitrary<RoutePlan> = fc.record({
  dest: routeDestArb,
  target: fc.constantFrom<RouteTargetPlan>('igw', 'igw', 'nat', 'nat', 'missing', 'instance'),
  pick: fc.nat(15),
  propagated: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const routeTableArb: fc.Arbitrary<RouteTablePlan> = fc.record({
  main: fc.boolean(),
  routes: fc.array(routeArb, { maxLength: 4 }),
});

const instanceArb: fc.Arbitrary<InstancePlan> = fc.record({
  secondary: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  publicIp: fc.boolean(),
  ipv6: fc.constantFrom(true, true, true, false),
  os: fc.constantFrom('linux' as const, 'linux' as const, 'windows' as const),
  sgPicks: fc.array(fc.nat(7), { minLength: 1, maxLength: 2 }),
  sourceDestCheck: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  namedInterface: fc.boolean(),
});

const subnetArb: fc.Arbitrary<SubnetPlan> = fc.record({
  third: fc.nat(255),
  az: fc.constantFrom('a' as const, 'b' as const),
  ipv6: fc.constantFrom(true, true, true, false),
  routeTable: fc.nat(3),
  nacl: fc.nat(2),
  offsetBase: fc.integer({ min: 6, max: 200 }),
  instances: fc.array(instanceArb, { maxLength: 3 }),
});

const natArb: fc.Arbitrary<NatPlan> = fc.record({
  subnetPick: fc.nat(3),
  connectivity: fc.constantFrom('public' as const, 'public' as const, 'public' as const, 'private' as const),
  deleted: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const vpcArb: fc.Arbitrary<VpcPlan> = fc.record({
  octet: fc.nat(MAX_VPC_OCTET),
  region: fc.constantFrom<Region>('us-east-1', 'us-east-1', 'us-east-1', 'us-west-2'),
  friendly: fc.boolean(),
  ipv6: fc.constantFrom(true, true, false),
  igw: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  eigw: fc.boolean(),
  subnets: fc.uniqueArray(subnetArb, { minLength: 1, maxLength: 4, selector: (s) => s.third }),
  nat: fc.option(natArb, { freq: 3 }),
  routeTables: fc.array(routeTableArb, { maxLength: 3 }),
  nacls: fc.array(naclArb, { maxLength: 2 }),
  sgs: fc.array(sgArb, { minLength: 1, maxLength: 3 }),
});

const peeringRouteArb: fc.Arbitrary<PeeringRoutePlan> = fc.record({
  dest: fc.constantFrom<PeeringRoutePlan['dest']>(
    'peer',
    'peer',
    'peer',
    'peer',
    'peer-subnet',
    'wider',
    'third-vpc',
    'default',
    'none',
  ),
  v6: fc.boolean(),
  table: fc.nat(3),
  pick: fc.nat(3),
});

const peeringArb: fc.Arbitrary<PeeringPlan> = fc.record({
  requester: fc.nat(2),
  accepter: fc.nat(2),
  status: fc.constantFrom<PeeringPlan['status']>('active', 'active', 'active', 'active', 'pending-acceptance'),
  requesterRoute: peeringRouteArb,
  accepterRoute: peeringRouteArb,
});

const vpcsArb = (minLength: number): fc.Arbitrary<VpcPlan[]> =>
  fc.uniqueArray(vpcArb, { minLength, maxLength: 3, selector: (v) => v.octet });

/**
 * Plans of 1-3 VPCs with distinct /16s (so peered VPCs never overlap): half of them any number of VPCs,
 * some peered; the other half 2-3 VPCs with at least one peering.
 */
export const topologyPlanArb: fc.Arbitrary<TopologyPlan> = fc.oneof(
  fc.record({
    vpcs: vpcsArb(1),
    peerings: fc.oneof(fc.constant([]), fc.array(peeringArb, { minLength: 1, maxLength: 3 })),
    customPrefixList: fc.boolean(),
    externalHost: fc.boolean(),
  }),
  fc.record({
    vpcs: vpcsArb(2),
    peerings: fc.array(peeringArb, { minLength: 1, maxLength: 3 }),
    customPrefixList: fc.boolean(),
    externalHost: fc.boolean(),
  }),
);

/** Small valid topologies (format vpcsim/1), built from plans. */
export const topologyArb: fc.Arbitrary<Topology> = topologyPlanArb.map(buildTopology);

const tgwPropagationsArb: fc.Arbitrary<readonly number[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant([0, 1]) },
  { weight: 2, arbitrary: fc.array(fc.nat(1), { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.constant([]) },
);

const tgwAssociationArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 1, max: 2 }) },
  { weight: 1, arbitrary: fc.constant(0) },
);

const tgwAttachmentArb: fc.Arbitrary<TgwAttachmentPlan> = fc.record({
  vpc: fc.nat(2),
  tgw: fc.nat(1),
  azs: fc.constantFrom<TgwAttachmentPlan['azs']>('a', 'b', 'ab', 'ab'),
  dedicated: fc.boolean(),
  routeTable: fc.nat(2),
  nacl: fc.nat(2),
  applianceMode: fc.boolean(),
  state: fc.oneof(
    { weight: 12, arbitrary: fc.constant('available' as const) },
    { weight: 1, arbitrary: fc.constantFrom('modifying' as const, 'pending' as const, 'deleted' as const) },
  ),
  association: tgwAssociationArb,
  propagations: tgwPropagationsArb,
  route: fc.constantFrom<TgwAttachmentPlan['route']>('wider', 'wider', 'wider', 'vpcs', 'default', 'none'),
  routeIn: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
});

const tgwStaticRouteArb: fc.Arbitrary<TgwStaticRoutePlan> = fc.record({
  dest: fc.constantFrom<TgwStaticRoutePlan['dest']>('vpc', 'subnet', 'subnet', 'wider', 'default', 'external'),
  pick: fc.nat(7),
  target: fc.option(fc.nat(7), { freq: 3 }),
});

const tgwTablesArb = fc.array(fc.array(tgwStaticRouteArb, { maxLength: 3 }), { minLength: 1, maxLength: 2 });

export const tgwPlanArb: fc.Arbitrary<TgwPlan> = fc.record({
  count: fc.constantFrom<1 | 2>(1, 1, 2),
  sgRefSupport: fc.tuple(fc.boolean(), fc.boolean()),
  tables: fc.tuple(tgwTablesArb, tgwTablesArb),
  attachments: fc.array(tgwAttachmentArb, { minLength: 1, maxLength: 4 }),
  peering: fc.record({
    state: fc.constantFrom<'available' | 'pendingAcceptance'>(
      'available',
      'available',
      'available',
      'pendingAcceptance',
    ),
    associations: fc.tuple(tgwAssociationArb, tgwAssociationArb),
    routes: fc.tuple(
      fc.constantFrom<'vpcs' | 'wider' | 'none'>('vpcs', 'vpcs', 'wider', 'none'),
      fc.constantFrom<'vpcs' | 'wider' | 'none'>('vpcs', 'vpcs', 'wider', 'none'),
    ),
  }),
  overlap: fc.option(
    fc.record({
      vpc: fc.nat(2),
      exact: fc.boolean(),
      first: fc.boolean(),
      tgw: fc.nat(1),
      association: tgwAssociationArb,
      propagations: tgwPropagationsArb,
    }),
    { freq: 3 },
  ),
});

/** Plans of 2-3 VPCs (sometimes peered too) on one or two transit gateways. */
export const tgwTopologyPlanArb: fc.Arbitrary<TopologyPlan> = fc.record({
  vpcs: vpcsArb(2),
  peerings: fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(peeringArb, { minLength: 1, maxLength: 2 }) },
  ),
  customPrefixList: fc.boolean(),
  externalHost: fc.boolean(),
  tgw: tgwPlanArb,
});

/** Small valid topologies with transit gateways. */
export const tgwTopologyArb: fc.Arbitrary<Topology> = tgwTopologyPlanArb.map(buildTopology);

// -------------------------------------------------------------------------------------------- builder

function ip4(text: string): number {
  const ip = parseIp(text);
  if (ip?.family !== 4) throw new Error(`not an IPv4 address: ${text}`);
  return ip.value;
}

function text4(value: number): string {
  return formatIp({ family: 4, value: value >>> 0 });
}

function text6(value: bigint): string {
  return formatIp({ family: 6, value });
}

function pickOf<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

interface BuiltVpc {
  readonly plan: VpcPlan;
  readonly index: number;
  readonly id: string;
  readonly cidr: string;
  readonly cidr6?: string;
  readonly subnets: { id: string; cidr: string; cidr6?: string }[];
  readonly instances: Instance[];
  readonly sgIds: string[];
  /** Peerings this VPC is a side of, with the VPC on the other side. */
  readonly peers: { readonly pcxId: string; readonly other: BuiltVpc }[];
  /** VPCs of the same Region attached to a transit gateway this one is attached to. */
  readonly tgwPeers: BuiltVpc[];
  /** Dedicated transit gateway attachment subnets (/28) of this VPC, with their table and NACL picks. */
  readonly tgwSubnets: { id: string; cidr: string; az: 'a' | 'b'; routeTable: number; nacl: number }[];
  igwId?: string;
  eigwId?: string;
  natId?: string;
}

function v6Base(octet: number): bigint {
  // 2600:1f18:<octet>::/56 holds subnets 2600:1f18:<octet>:<third>::/64.
  return (0x2600n << 112n) | (0x1f18n << 96n) | (BigInt(octet) << 80n);
}

function subnetV6(octet: number, third: number): bigint {
  return v6Base(octet) | (BigInt(third) << 64n);
}

function portsText(p: PortsPlan | null): string | undefined {
  if (p === null) return undefined;
  if (p.kind === 'choice') return PORT_CHOICES[p.index % PORT_CHOICES.length];
  const from = Math.min(p.a, p.b);
  const to = Math.max(p.a, p.b);
  return from === to ? `${from}` : `${from}-${to}`;
}

function resolveCidr(pick: CidrPick, vpc: BuiltVpc, all: readonly BuiltVpc[]): string {
  switch (pick.kind) {
    case 0:
      return '0.0.0.0/0';
    case 1:
      return '::/0';
    case 2:
      return vpc.cidr;
    case 3:
      return pickOf(vpc.subnets, pick.pick)?.cidr ?? vpc.cidr;
    case 4: {
      const inst = pickOf(vpc.instances, pick.pick);
      return inst ? `${inst.privateIp}/32` : vpc.cidr;
    }
    case 5:
      return pickOf(all, pick.pick)?.cidr ?? vpc.cidr;
    case 6: {
      const host = EXTERNAL_HOSTS4[pick.pick % EXTERNAL_HOSTS4.length]!;
      return cidr4(ip4(host), pick.prefix).text;
    }
    case 7:
      return vpc.cidr6 ?? '::/0';
    case 8: {
      const s = pickOf(
        vpc.subnets.filter((x) => x.cidr6 !== undefined),
        pick.pick,
      );
      return s?.cidr6 ?? vpc.cidr6 ?? '::/0';
    }
    default:
      return '10.0.0.0/8';
  }
}

function withIcmp<T extends object>(
  base: T,
  type: number | null,
  code: number | null,
): T & { icmpType?: number; icmpCode?: number } {
  return {
    ...base,
    ...(type !== null ? { icmpType: type } : {}),
    ...(code !== null ? { icmpCode: code } : {}),
  };
}

function naclRule(r: NaclRulePlan, vpc: BuiltVpc, all: readonly BuiltVpc[]): NaclRule {
  const ports = r.protocol === 'tcp' || r.protocol === 'udp' ? portsText(r.ports) : undefined;
  const icmp = r.protocol === 'icmp' || r.protocol === 'icmpv6';
  return withIcmp(
    {
      ruleNumber: r.ruleNumber,
      protocol: r.protocol,
      ...(ports !== undefined ? { ports } : {}),
      cidr: resolveCidr(r.cidr, vpc, all),
      action: r.action,
    },
    icmp ? r.icmpType : null,
    icmp ? r.icmpCode : null,
  );
}

function sgRuleBase(r: SgRulePlan): SgRuleBase {
  const ports = r.protocol === 'tcp' || r.protocol === 'udp' ? portsText(r.ports) : undefined;
  const icmp = r.protocol === 'icmp' || r.protocol === 'icmpv6';
  return withIcmp(
    { protocol: r.protocol, ...(ports !== undefined ? { ports } : {}) },
    icmp ? r.icmpType : null,
    icmp ? r.icmpCode : null,
  );
}

function sgPeer(p: SgPeerPlan, vpc: BuiltVpc, all: readonly BuiltVpc[], customPl: boolean): string {
  switch (p.kind) {
    case 'cidr':
      return resolveCidr(p.cidr, vpc, all);
    case 'sg':
      return pickOf(vpc.sgIds, p.pick)!;
    case 'peer-sg': {
      // A reference across Regions is a configuration error (CFG_SG_REF_CROSS_REGION): same Region only.
      const groups = [
        ...vpc.peers.filter((x) => x.other.plan.region === vpc.plan.region).flatMap((x) => x.other.sgIds),
        ...vpc.tgwPeers.flatMap((x) => x.sgIds),
      ];
      return pickOf(groups, p.pick) ?? pickOf(vpc.sgIds, p.pick)!;
    }
    case 'prefix-list':
      return p.custom && customPl ? CUSTOM_PREFIX_LIST : 'pl-s3';
  }
}

function routeTarget(r: RoutePlan, vpc: BuiltVpc): string {
  switch (r.target) {
    case 'igw':
      if (r.dest.kind === 'default6') return vpc.eigwId ?? vpc.igwId ?? `eigw-missing-${vpc.index}`;
      return vpc.igwId ?? `igw-missing-${vpc.index}`;
    case 'nat':
      // A NAT gateway carries IPv6 only for NAT64 (semantics.md 2.4): ::/0 goes to the egress-only gateway.
      if (r.dest.kind === 'default6') return vpc.eigwId ?? `eigw-missing-${vpc.index}`;
      return vpc.natId ?? `nat-missing-${vpc.index}`;
    case 'missing':
      return r.propagated ? 'vgw-onprem' : `pcx-deleted-${r.pick}`;
    case 'instance':
      return pickOf(vpc.instances, r.pick)?.id ?? `i-terminated-${r.pick}`;
  }
}

function routeDestination(
  r: RoutePlan,
  vpc: BuiltVpc,
  all: readonly BuiltVpc[],
  customPl: boolean,
): string | undefined {
  switch (r.dest.kind) {
    case 'default4':
      return '0.0.0.0/0';
    case 'default6':
      return vpc.cidr6 !== undefined ? '::/0' : undefined;
    case 'external4':
      return cidr4(ip4(EXTERNAL_HOSTS4[r.dest.pick % EXTERNAL_HOSTS4.length]!), r.dest.prefix).text;
    case 'other-vpc': {
      const others = all.filter((v) => v !== vpc);
      return pickOf(others, r.dest.pick)?.cidr;
    }
    case 'prefix-list':
      return r.dest.custom && customPl ? CUSTOM_PREFIX_LIST : 'pl-s3';
  }
}

/** Where one side of a peering routes to it (none of them inside the side's own VPC, which AWS refuses). */
function peeringDestinations(r: PeeringRoutePlan, vpc: BuiltVpc, other: BuiltVpc, all: readonly BuiltVpc[]): string[] {
  const v6 = r.v6 && vpc.cidr6 !== undefined && other.cidr6 !== undefined ? [other.cidr6] : [];
  switch (r.dest) {
    case 'peer':
      return [other.cidr, ...v6];
    case 'peer-subnet':
      return [pickOf(other.subnets, r.pick)!.cidr, ...v6];
    case 'wider':
      return ['10.0.0.0/8', ...v6];
    case 'third-vpc': {
      const third = pickOf(
        all.filter((x) => x !== vpc && x !== other),
        r.pick,
      );
      return [third?.cidr ?? '198.51.100.0/24'];
    }
    case 'default':
      return ['0.0.0.0/0'];
    case 'none':
      return [];
  }
}

/** Points the table's static route to `destination` at `target`, adding the route if there is none. */
function setRoute(t: RouteTable, destination: string, target: string): void {
  const existing = t.routes.findIndex((r) => r.destination === destination && r.propagated !== true);
  if (existing >= 0) t.routes[existing] = { destination, target };
  else t.routes.push({ destination, target });
}

// ---------------------------------------------------------------------------------- transit gateways

/** A VPC attachment as built: its VPC (a generated one, or the overlapping extra VPC) and its subnets. */
interface BuiltAttachment {
  readonly id: string;
  readonly tgw: number;
  readonly tgwId: string;
  /** The generated VPC, or undefined for the overlapping extra VPC. */
  readonly vpc: BuiltVpc | undefined;
  readonly vpcId: string;
  readonly cidr: string;
  readonly subnetIds: string[];
  readonly applianceMode: boolean;
  readonly state: TgwAttachmentPlan['state'];
  readonly association: number;
  readonly propagations: readonly number[];
  readonly route: TgwAttachmentPlan['route'];
  readonly routeIn: number;
}

/** The overlapping extra VPC: one subnet, one instance, a group open to 10.0.0.0/8, a route to its gateway. */
interface BuiltOverlap {
  readonly id: string;
  readonly region: Region;
  readonly cidr: string;
  readonly subnetId: string;
  readonly subnetCidr: string;
  readonly instanceId: string;
  readonly instanceIp: string;
  readonly sgId: string;
  readonly attachment: BuiltAttachment;
}

interface BuiltTgw {
  readonly plan: TgwPlan;
  readonly ids: string[];
  /** In document order (an overlapping VPC's first when its plan says so); the peering attachment is not here. */
  readonly attachments: BuiltAttachment[];
  readonly overlap: BuiltOverlap | undefined;
  readonly peeringId: string | undefined;
}

const PEERING_ATTACHMENT = 'tgw-attach-peer';

/** A /24 third octet of the VPC's /16 that no subnet uses, from `from` down. */
function freeThird(used: Set<number>, from = 255, to = 0): number {
  for (let t = from; t >= to; t--) {
    if (!used.has(t)) {
      used.add(t);
      return t;
    }
  }
  throw new Error('no free /24 left in the VPC');
}

/** Attachments, their subnets (dedicated /28s added to their VPC) and the overlapping VPC of a plan. */
function resolveTransitGateways(p: TgwPlan, built: BuiltVpc[]): BuiltTgw {
  const ids = p.count === 2 ? ['tgw-0', 'tgw-1'] : ['tgw-0'];
  const used = new Map(built.map((b) => [b, new Set(b.plan.subnets.map((s) => s.third))]));
  const attachments: BuiltAttachment[] = [];
  const seen = new Set<string>();
  for (const a of p.attachments) {
    const b = built[a.vpc % built.length]!;
    const g = a.tgw % ids.length;
    if (seen.has(`${b.index}-${g}`)) continue;
    seen.add(`${b.index}-${g}`);
    const subnetIds: string[] = [];
    let third: number | undefined;
    for (const [zi, az] of (a.azs === 'ab' ? (['a', 'b'] as const) : ([a.azs] as const)).entries()) {
      const shared = a.dedicated ? -1 : b.plan.subnets.findIndex((s) => s.az === az);
      if (shared >= 0) {
        subnetIds.push(b.subnets[shared]!.id);
        continue;
      }
      third ??= freeThird(used.get(b)!);
      const id = `sn-${b.index}-tgw${g}-${az}`;
      const cidr = `${text4(ip4(`10.${b.plan.octet}.${third}.0`) + 16 * zi)}/28`;
      b.tgwSubnets.push({ id, cidr, az, routeTable: a.routeTable, nacl: a.nacl });
      subnetIds.push(id);
    }
    attachments.push({
      id: `tgw-attach-${b.index}-${g}`,
      tgw: g,
      tgwId: ids[g]!,
      vpc: b,
      vpcId: b.id,
      cidr: b.cidr,
      subnetIds,
      applianceMode: a.applianceMode,
      state: a.state,
      association: a.association,
      propagations: a.propagations,
      route: a.route,
      routeIn: a.routeIn,
    });
  }
  // Security-group references across a transit gateway: same-Region VPCs attached to a common gateway.
  for (const a of attachments) {
    for (const other of attachments) {
      const x = a.vpc!;
      const y = other.vpc!;
      if (a.tgw !== other.tgw || x === y || x.plan.region !== y.plan.region || x.tgwPeers.includes(y)) continue;
      x.tgwPeers.push(y);
    }
  }
  let overlap: BuiltOverlap | undefined;
  if (p.overlap) {
    const o = p.overlap;
    const twin = built[o.vpc % built.length]!;
    const g = o.tgw % ids.length;
    // A third octet the twin does not use, so the extra VPC's addresses stay unique.
    const third = o.exact ? freeThird(used.get(twin)!) : freeThird(used.get(twin)!, 255, 240);
    const base = `10.${twin.plan.octet}`;
    const attachment: BuiltAttachment = {
      id: 'tgw-attach-ov',
      tgw: g,
      tgwId: ids[g]!,
      vpc: undefined,
      vpcId: 'vpc-ov',
      cidr: o.exact ? twin.cidr : `${base}.240.0/20`,
      subnetIds: ['sn-ov-0'],
      applianceMode: false,
      state: 'available',
      association: o.association,
      propagations: o.propagations,
      route: 'wider',
      routeIn: 0,
    };
    overlap = {
      id: 'vpc-ov',
      region: twin.plan.region,
      cidr: attachment.cidr,
      subnetId: 'sn-ov-0',
      subnetCidr: `${base}.${third}.0/24`,
      instanceId: 'i-ov-0',
      instanceIp: `${base}.${third}.10`,
      sgId: 'sg-ov',
      attachment,
    };
    if (o.first) attachments.unshift(attachment);
    else attachments.push(attachment);
  }
  return { plan: p, ids, attachments, overlap, peeringId: p.count === 2 ? PEERING_ATTACHMENT : undefined };
}

/** The VPCs reachable from transit gateway `g`: its own attachments', and across the peering the other side's. */
function tgwReach(tgw: BuiltTgw, g: number): BuiltAttachment[] {
  return tgw.attachments.filter((a) => a.tgw === g || tgw.peeringId !== undefined);
}

/** Where a VPC routes to its transit gateway (never inside its own CIDR, which AWS refuses). */
function tgwRouteDestinations(a: BuiltAttachment, tgw: BuiltTgw): string[] {
  switch (a.route) {
    case 'wider':
      return ['10.0.0.0/8'];
    case 'default':
      return ['0.0.0.0/0'];
    case 'none':
      return [];
    case 'vpcs': {
      const own = parseCidrText(a.cidr);
      const out = new Set<string>();
      for (const other of tgwReach(tgw, a.tgw)) {
        if (other.vpcId === a.vpcId) continue;
        const c = parseCidrText(other.cidr);
        if (c.network <= own.last && own.network <= c.last) continue;
        out.add(other.cidr);
      }
      return [...out];
    }
  }
}

function parseCidrText(text: string): { network: number; last: number } {
  const [addr, len] = text.split('/');
  const network = ip4(addr!);
  return { network, last: network + 2 ** (32 - Number(len)) - 1 };
}

/** The transit gateways, attachments and route tables of a resolved plan (semantics.md 9). */
function transitGatewayResources(
  tgw: BuiltTgw,
): Pick<Topology, 'transitGateways' | 'transitGatewayAttachments' | 'transitGatewayRouteTables'> {
  const p = tgw.plan;
  const attachments: TransitGatewayAttachment[] = tgw.attachments.map((a) => ({
    id: a.id,
    transitGatewayId: a.tgwId,
    type: 'vpc',
    vpcId: a.vpcId,
    subnetIds: a.subnetIds,
    ...(a.applianceMode ? { applianceMode: true } : {}),
    ...(a.state !== 'available' ? { state: a.state } : {}),
  }));
  if (tgw.peeringId !== undefined) {
    attachments.push({
      id: tgw.peeringId,
      transitGatewayId: tgw.ids[0]!,
      type: 'peering',
      peerTransitGatewayId: tgw.ids[1]!,
      ...(p.peering.state !== 'available' ? { state: p.peering.state } : {}),
    });
  }
  const tables: TransitGatewayRouteTable[] = [];
  tgw.ids.forEach((tgwId, g) => {
    const plans = p.tables[g] ?? [[]];
    const n = plans.length;
    // Attachment `k` means table (k - 1) modulo the count, 0 none; propagation picks are modulo the count.
    const picks = (k: number): number | undefined => (k === 0 ? undefined : (k - 1) % n);
    const own = tgw.attachments.filter((a) => a.tgw === g);
    const targets = [...own.map((a) => a.id), ...(tgw.peeringId !== undefined ? [tgw.peeringId] : [])];
    const subnets = tgw.attachments.flatMap((a) => a.vpc?.subnets ?? []);
    plans.forEach((routePlans, k) => {
      const routes: TransitGatewayRoute[] = [];
      const add = (destination: string, target: string | undefined): void => {
        if (routes.some((r) => r.destination === destination)) return;
        routes.push(target === undefined ? { destination, blackhole: true } : { destination, attachmentId: target });
      };
      for (const r of routePlans) {
        const vpcs = tgw.attachments.map((a) => a.cidr);
        const destination =
          r.dest === 'vpc'
            ? pickOf(vpcs, r.pick)
            : r.dest === 'subnet'
              ? pickOf(subnets, r.pick)?.cidr
              : r.dest === 'wider'
                ? '10.0.0.0/8'
                : r.dest === 'default'
                  ? '0.0.0.0/0'
                  : cidr4(ip4(EXTERNAL_HOSTS4[r.pick % EXTERNAL_HOSTS4.length]!), 16).text;
        if (destination === undefined) continue;
        add(destination, r.target === null ? undefined : pickOf(targets, r.target));
      }
      // Routes to the peering for the other side's VPCs (only static routes cross a peering, 9.4).
      if (tgw.peeringId !== undefined) {
        const side = p.peering.routes[g] ?? 'none';
        if (side === 'wider') add('10.0.0.0/8', tgw.peeringId);
        if (side === 'vpcs') for (const a of tgw.attachments) if (a.tgw !== g) add(a.cidr, tgw.peeringId);
      }
      const peeringHere = tgw.peeringId !== undefined && picks(p.peering.associations[g] ?? 0) === k;
      tables.push({
        id: `tgw-rtb-${g}-${k}`,
        transitGatewayId: tgwId,
        associations: [
          ...own.filter((a) => picks(a.association) === k).map((a) => a.id),
          ...(peeringHere ? [tgw.peeringId!] : []),
        ],
        propagations: own.filter((a) => a.propagations.some((x) => x % n === k)).map((a) => a.id),
        routes,
      });
    });
  });
  return {
    transitGateways: tgw.ids.map((id, g) => ({
      id,
      ...(p.sgRefSupport[g] === true ? { securityGroupReferencingSupport: true } : {}),
    })),
    transitGatewayAttachments: attachments,
    transitGatewayRouteTables: tables,
  };
}

/** Builds the document topology of a plan: deterministic, references resolved, addresses unique. */
export function buildTopology(plan: TopologyPlan): Topology {
  const built: BuiltVpc[] = plan.vpcs.map((v, vi) => {
    const base = ip4(`10.${v.octet}.0.0`);
    const subnets = v.subnets.map((s, si) => ({
      id: `sn-${vi}-${si}`,
      cidr: `${text4(base + s.third * 256)}/24`,
      ...(v.ipv6 && s.ipv6 ? { cidr6: `${text6(subnetV6(v.octet, s.third))}/64` } : {}),
    }));
    return {
      plan: v,
      index: vi,
      id: `vpc-${vi}`,
      cidr: `10.${v.octet}.0.0/16`,
      ...(v.ipv6 ? { cidr6: `${text6(v6Base(v.octet))}/56` } : {}),
      subnets,
      instances: [],
      sgIds: v.sgs.map((_, gi) => `sg-${vi}-${gi}`),
      peers: [],
      tgwPeers: [],
      tgwSubnets: [],
    };
  });

  // Peerings first: security-group references and routes depend on them. The /16s (and IPv6 /56s) of
  // distinct octets never overlap, so every peering is one AWS accepts.
  const vpcPeeringConnections: VpcPeeringConnection[] = [];
  const peeringRoutes: { readonly pcxId: string; readonly side: BuiltVpc; readonly route: PeeringRoutePlan }[] = [];
  const joined = new Set<string>();
  for (const p of plan.peerings) {
    const a = built[p.requester % built.length]!;
    const b = built[p.accepter % built.length]!;
    const pair = [a.index, b.index].sort().join('-');
    if (a === b || joined.has(pair)) continue;
    joined.add(pair);
    const pcxId = `pcx-${a.index}-${b.index}`;
    vpcPeeringConnections.push({ id: pcxId, requesterVpcId: a.id, accepterVpcId: b.id, status: p.status });
    a.peers.push({ pcxId, other: b });
    b.peers.push({ pcxId, other: a });
    peeringRoutes.push({ pcxId, side: a, route: p.requesterRoute }, { pcxId, side: b, route: p.accepterRoute });
  }

  const tgw = plan.tgw ? resolveTransitGateways(plan.tgw, built) : undefined;

  const vpcs: Vpc[] = [];
  const subnets: Subnet[] = [];
  const instances: Instance[] = [];
  const natGateways: NatGateway[] = [];
  const routeTables: RouteTable[] = [];
  const networkAcls: NetworkAcl[] = [];
  const securityGroups: SecurityGroup[] = [];
  const internetGateways: { id: string; vpcId: string }[] = [];
  const eigws: { id: string; vpcId: string }[] = [];

  // Gateways and instances first: routes and rules refer to them.
  for (const b of built) {
    const v = b.plan;
    const vi = b.index;
    vpcs.push({
      id: b.id,
      ...(v.region !== 'us-east-1' ? { region: v.region } : {}),
      cidrBlocks: [b.cidr],
      ...(b.cidr6 !== undefined ? { ipv6CidrBlocks: [b.cidr6] } : {}),
    });
    if (v.igw || v.friendly) {
      b.igwId = `igw-${vi}`;
      internetGateways.push({ id: b.igwId, vpcId: b.id });
    }
    if (v.eigw && b.cidr6 !== undefined) {
      b.eigwId = `eigw-${vi}`;
      eigws.push({ id: b.eigwId, vpcId: b.id });
    }
    v.subnets.forEach((s, si) => {
      const sb = b.subnets[si]!;
      subnets.push({
        id: sb.id,
        vpcId: b.id,
        availabilityZone: `${v.region}${s.az}`,
        cidrBlock: sb.cidr,
        ...(sb.cidr6 !== undefined ? { ipv6CidrBlock: sb.cidr6 } : {}),
      });
      const netBase = ip4(sb.cidr.split('/')[0]!);
      s.instances.forEach((p, k) => {
        const offset = s.offsetBase + 2 * k;
        const sgIds = [...new Set(p.sgPicks.map((g) => b.sgIds[g % b.sgIds.length]!))];
        const id = `i-${vi}-${si}-${k}`;
        const inst: Instance = {
          id,
          subnetId: sb.id,
          privateIp: text4(netBase + offset),
          securityGroupIds: sgIds,
          os: p.os,
          ...(p.namedInterface ? { primaryInterfaceId: `eni-${vi}-${si}-${k}` } : {}),
          ...(p.secondary ? { secondaryPrivateIps: [text4(netBase + offset + 1)] } : {}),
          ...(p.publicIp ? { publicIp: `54.${vi}.${si}.${10 + k}` } : {}),
          ...(p.ipv6 && s.ipv6 && v.ipv6
            ? { ipv6Addresses: [text6(subnetV6(v.octet, s.third) + BigInt(offset))] }
            : {}),
          ...(p.sourceDestCheck ? {} : { sourceDestCheck: false }),
        };
        b.instances.push(inst);
        instances.push(inst);
      });
    });
    for (const ts of b.tgwSubnets)
      subnets.push({ id: ts.id, vpcId: b.id, availabilityZone: `${v.region}${ts.az}`, cidrBlock: ts.cidr });
    if (v.nat) {
      const si = v.nat.subnetPick % b.subnets.length;
      const sb = b.subnets[si]!;
      b.natId = `nat-${vi}`;
      // A public NAT gateway needs the VPC's internet gateway (CFG_NAT_NO_IGW); without one it is private.
      const pub = v.nat.connectivity === 'public' && b.igwId !== undefined;
      natGateways.push({
        id: b.natId,
        subnetId: sb.id,
        connectivity: pub ? 'public' : 'private',
        privateIp: text4(ip4(sb.cidr.split('/')[0]!) + 5),
        ...(pub ? { publicIp: `3.3.${vi}.5` } : {}),
        ...(v.nat.deleted ? { state: 'deleted' as const } : {}),
      });
    }
  }

  for (const b of built) {
    const v = b.plan;
    const vi = b.index;
    // Route tables: at most one main; each subnet in at most one table.
    let hasMain = false;
    const tables: RouteTable[] = v.routeTables.map((rp, ti) => {
      const routes: Route[] = [];
      const seen = new Set<string>();
      for (const r of rp.routes) {
        const destination = routeDestination(r, b, built, plan.customPrefixList);
        if (destination === undefined) continue;
        const key = `${destination}|${r.propagated}`;
        if (seen.has(key)) continue;
        seen.add(key);
        routes.push({ destination, target: routeTarget(r, b), ...(r.propagated ? { propagated: true } : {}) });
      }
      const main = rp.main && !hasMain;
      if (main) hasMain = true;
      return { id: `rtb-${vi}-${ti}`, vpcId: b.id, ...(main ? { main: true } : {}), routes };
    });
    if (v.friendly && b.igwId !== undefined) {
      const defaults: Route[] = [{ destination: '0.0.0.0/0', target: b.igwId }];
      if (b.cidr6 !== undefined) defaults.push({ destination: '::/0', target: b.igwId });
      const main = tables.find((t) => t.main === true);
      if (main) {
        main.routes = [
          ...defaults.filter((d) => !main.routes.some((r) => r.destination === d.destination)),
          ...main.routes,
        ];
      } else {
        tables.push({ id: `rtb-${vi}-main`, vpcId: b.id, main: true, routes: defaults });
      }
    }
    for (const { pcxId, side, route } of peeringRoutes) {
      if (side !== b) continue;
      const other = b.peers.find((x) => x.pcxId === pcxId)!.other;
      const destinations = peeringDestinations(route, b, other, built);
      if (destinations.length === 0) continue;
      // "Every table" includes the main one: subnets without an explicit table should use the peering too.
      if (tables.length === 0 || (route.table === 0 && !tables.some((x) => x.main === true)))
        tables.push({ id: `rtb-${vi}-main`, vpcId: b.id, main: true, routes: [] });
      const chosen = route.table === 0 ? tables : [tables[(route.table - 1) % tables.length]!];
      for (const t of chosen) for (const d of destinations) setRoute(t, d, pcxId);
    }
    for (const a of tgw?.attachments ?? []) {
      if (a.vpc !== b) continue;
      const destinations = tgwRouteDestinations(a, tgw!);
      if (destinations.length === 0) continue;
      if (tables.length === 0 || (a.routeIn === 0 && !tables.some((x) => x.main === true)))
        tables.push({ id: `rtb-${vi}-main`, vpcId: b.id, main: true, routes: [] });
      const chosen = a.routeIn === 0 ? tables : [tables[(a.routeIn - 1) % tables.length]!];
      for (const t of chosen) for (const d of destinations) setRoute(t, d, a.tgwId);
    }
    v.subnets.forEach((s, si) => {
      if (tables.length === 0 || s.routeTable === 0) return;
      const t = tables[(s.routeTable - 1) % tables.length]!;
      (t.subnetIds ??= []).push(b.subnets[si]!.id);
    });
    for (const ts of b.tgwSubnets) {
      if (tables.length === 0 || ts.routeTable === 0) continue;
      (tables[(ts.routeTable - 1) % tables.length]!.subnetIds ??= []).push(ts.id);
    }
    routeTables.push(...tables);

    let hasDefault = false;
    const acls: NetworkAcl[] = v.nacls.map((np, ai) => {
      const tail = (list: NaclRule[]): NaclRule[] => {
        const first = np.ephemeralFirst ? 10 : 32760;
        const out =
          np.ephemeral === null ? [...list] : list.filter((r) => r.ruleNumber !== first && r.ruleNumber !== first + 1);
        for (const [i, protocol] of ['tcp', 'udp'].entries()) {
          const ruleNumber = first + i;
          if (np.ephemeral === 'deny-low')
            out.push({ ruleNumber, protocol, ports: '32768-49151', cidr: '0.0.0.0/0', action: 'deny' });
          if (np.ephemeral === 'allow-high')
            out.push({ ruleNumber, protocol, ports: '49152-65535', cidr: '0.0.0.0/0', action: 'allow' });
        }
        if (!np.allowTail) return out;
        out.push({ ruleNumber: 32766, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' });
        if (b.cidr6 !== undefined) out.push({ ruleNumber: 32765, protocol: 'all', cidr: '::/0', action: 'allow' });
        return out;
      };
      const isDefault = np.isDefault && !hasDefault;
      if (isDefault) hasDefault = true;
      return {
        id: `acl-${vi}-${ai}`,
        vpcId: b.id,
        ...(isDefault ? { default: true } : {}),
        inbound: tail(np.inbound.map((r) => naclRule(r, b, built))),
        outbound: tail(np.outbound.map((r) => naclRule(r, b, built))),
      };
    });
    v.subnets.forEach((s, si) => {
      if (acls.length === 0 || s.nacl === 0) return;
      const a = acls[(s.nacl - 1) % acls.length]!;
      if (a.default) return;
      (a.subnetIds ??= []).push(b.subnets[si]!.id);
    });
    for (const ts of b.tgwSubnets) {
      if (acls.length === 0 || ts.nacl === 0) continue;
      const a = acls[(ts.nacl - 1) % acls.length]!;
      if (!a.default) (a.subnetIds ??= []).push(ts.id);
    }
    networkAcls.push(...acls);

    v.sgs.forEach((g, gi) => {
      const sg: SecurityGroup = { id: b.sgIds[gi]!, vpcId: b.id };
      const open: SgInboundRule[] = [];
      if (g.open === 'anywhere') {
        open.push({ protocol: 'all', source: '0.0.0.0/0' });
        if (b.cidr6 !== undefined) open.push({ protocol: 'all', source: '::/0' });
      } else if (g.open === 'private') {
        open.push(
          { protocol: 'tcp', ports: '0-65535', source: '10.0.0.0/8' },
          { protocol: 'icmp', source: '10.0.0.0/8' },
        );
      } else if (g.open === 'peer-groups') {
        const others = [...b.peers.map((x) => x.other).filter((o) => o.plan.region === v.region), ...b.tgwPeers];
        for (const source of new Set(others.flatMap((o) => o.sgIds))) open.push({ protocol: 'all', source });
      }
      if (g.inbound !== null || open.length > 0) {
        sg.inbound = [
          ...open,
          ...(g.inbound ?? []).map((r): SgInboundRule => ({
            ...sgRuleBase(r),
            source: sgPeer(r.peer, b, built, plan.customPrefixList),
          })),
        ];
      }
      if (g.outbound !== null) {
        sg.outbound = g.outbound.map((r): SgOutboundRule => ({
          ...sgRuleBase(r),
          destination: sgPeer(r.peer, b, built, plan.customPrefixList),
        }));
      }
      securityGroups.push(sg);
    });
  }

  if (tgw?.overlap) {
    const o = tgw.overlap;
    vpcs.push({ id: o.id, ...(o.region !== 'us-east-1' ? { region: o.region } : {}), cidrBlocks: [o.cidr] });
    subnets.push({ id: o.subnetId, vpcId: o.id, availabilityZone: `${o.region}a`, cidrBlock: o.subnetCidr });
    instances.push({ id: o.instanceId, subnetId: o.subnetId, privateIp: o.instanceIp, securityGroupIds: [o.sgId] });
    securityGroups.push({ id: o.sgId, vpcId: o.id, inbound: [{ protocol: 'all', source: '10.0.0.0/8' }] });
    routeTables.push({
      id: `rtb-ov`,
      vpcId: o.id,
      main: true,
      routes: [{ destination: '10.0.0.0/8', target: o.attachment.tgwId }],
    });
  }

  const t: Topology = {
    vpcs,
    subnets,
    routeTables,
    networkAcls,
    securityGroups,
    instances,
    internetGateways,
    natGateways,
  };
  if (eigws.length > 0) t.egressOnlyInternetGateways = eigws;
  if (vpcPeeringConnections.length > 0) t.vpcPeeringConnections = vpcPeeringConnections;
  if (plan.customPrefixList) t.prefixLists = [{ id: CUSTOM_PREFIX_LIST, cidrs: [...CUSTOM_PREFIX_LIST_CIDRS] }];
  if (plan.externalHost) t.externalHosts = [{ id: 'host-home', ip: '203.0.113.50' }];
  if (tgw) Object.assign(t, transitGatewayResources(tgw));
  return t;
}

// ---------------------------------------------------------------------------------------------- queries

/** Addresses a query may name over this topology: every interface address, plus some that no one holds. */
export function addressPool(t: Topology): string[] {
  const out = new Set<string>();
  for (const i of t.instances ?? []) {
    out.add(i.privateIp);
    for (const s of i.secondaryPrivateIps ?? []) out.add(s);
    if (i.publicIp !== undefined) out.add(i.publicIp);
    for (const a of i.ipv6Addresses ?? []) out.add(a);
  }
  for (const n of t.natGateways ?? []) {
    if (n.privateIp !== undefined) out.add(n.privateIp);
    if (n.publicIp !== undefined) out.add(n.publicIp);
  }
  for (const v of t.vpcs ?? []) {
    const base = ip4(v.cidrBlocks[0]!.split('/')[0]!);
    out.add(text4(base + 2)); // Amazon DNS resolver: never filtered.
    out.add(text4(base + 77 * 256 + 77)); // inside the VPC, held by nobody
  }
  for (const s of t.subnets ?? []) {
    if (s.cidrBlock !== undefined) out.add(text4(ip4(s.cidrBlock.split('/')[0]!) + 99));
  }
  for (const h of EXTERNAL_HOSTS4) out.add(h);
  for (const h of EXTERNAL_HOSTS6) out.add(h);
  out.add('169.254.169.254');
  return [...out];
}

type QueryShape = 'instance-instance' | 'instance-peer' | 'instance-out' | 'in-instance' | 'any';

/**
 * Trace queries over `t`: instances, the internet, external hosts and IP literals; tcp/udp/icmp/all.
 * Most queries have a sensible shape (instance to instance, to the internet, from the internet); a
 * share pair arbitrary ends, so query errors are compared too. `linkedBias` adds that many more shares of
 * queries between instances of two linked VPCs (peered, or on transit gateways).
 */
export function queryArb(t: Topology, linkedBias = 0): fc.Arbitrary<TraceQuery> {
  const instances = t.instances ?? [];
  const instanceIds = instances.map((i) => i.id);
  const interfaceIds = instances.flatMap((i) => (i.primaryInterfaceId !== undefined ? [i.primaryInterfaceId] : []));
  const hosts = (t.externalHosts ?? []).map((h) => h.id);
  const addresses = addressPool(t);
  const v4 = addresses.filter((a) => !a.includes(':'));
  const v6 = addresses.filter((a) => a.includes(':'));
  const outside4 = [...EXTERNAL_HOSTS4];
  const outside6 = [...EXTERNAL_HOSTS6];
  // Ends are drawn from a pool: IPv6 queries mostly name instances with an IPv6 address, inbound ones
  // instances with a public IP, and instance pairs mostly share a VPC or sit on the two sides of a peering.
  const vpcOfSubnet = new Map((t.subnets ?? []).map((sn) => [sn.id, sn.vpcId]));
  const byVpc = new Map<string, Instance[]>();
  for (const i of instances) {
    const vpc = vpcOfSubnet.get(i.subnetId) ?? '';
    byVpc.set(vpc, [...(byVpc.get(vpc) ?? []), i]);
  }
  const pools = [instances, ...[...byVpc.values()].filter((g) => g.length >= 2)];
  // Both orientations of every peering whose sides have instances, and of every pair of VPCs attached to
  // one transit gateway (or to two peered ones): [from pool, to pool].
  const linked: [string, string][] = (t.vpcPeeringConnections ?? []).map((p) => [p.requesterVpcId, p.accepterVpcId]);
  const attached = (t.transitGatewayAttachments ?? []).filter((a) => a.type === 'vpc');
  const peeredTgws = (t.transitGatewayAttachments ?? []).some((a) => a.type === 'peering');
  for (const a of attached) {
    for (const b of attached) {
      if (a.vpcId === undefined || b.vpcId === undefined || a.vpcId >= b.vpcId) continue;
      if (a.transitGatewayId === b.transitGatewayId || peeredTgws) linked.push([a.vpcId, b.vpcId]);
    }
  }
  const peered: [Instance[], Instance[]][] = linked.flatMap(([x, y]) => {
    const a = byVpc.get(x) ?? [];
    const b = byVpc.get(y) ?? [];
    return a.length > 0 && b.length > 0 ? [[a, b] as [Instance[], Instance[]], [b, a] as [Instance[], Instance[]]] : [];
  });
  const local = (family: 4 | 6, pool: readonly Instance[] = instances, inbound = false): fc.Arbitrary<string> => {
    const literals = family === 4 ? v4 : v6;
    const fits = pool.filter((i) =>
      family === 6 ? (i.ipv6Addresses ?? []).length > 0 : !inbound || i.publicIp !== undefined,
    );
    const ids = (fits.length > 0 ? fits : pool).map((i) => i.id);
    return ids.length === 0
      ? fc.constantFrom(...literals)
      : fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...ids) },
          {
            weight: interfaceIds.length > 0 ? 1 : 0,
            arbitrary: fc.constantFrom(...(interfaceIds.length > 0 ? interfaceIds : ['internet'])),
          },
          { weight: 1, arbitrary: fc.constantFrom(...literals) },
        );
  };
  const remote = (family: 4 | 6): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant('internet') },
      { weight: 2, arbitrary: fc.constantFrom(...(family === 4 ? outside4 : outside6)) },
      {
        weight: hosts.length > 0 && family === 4 ? 1 : 0,
        arbitrary: fc.constantFrom(...(hosts.length > 0 ? hosts : ['internet'])),
      },
    );
  const anyEnd = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom('internet', 's3', ...hosts, ...v6) },
    { weight: 3, arbitrary: fc.constantFrom(...addresses) },
    {
      weight: instanceIds.length > 0 ? 3 : 0,
      arbitrary: fc.constantFrom(...(instanceIds.length > 0 ? instanceIds : ['internet'])),
    },
  );
  const shapes: QueryShape[] = [
    'instance-instance',
    'instance-instance',
    'instance-instance',
    'instance-out',
    'instance-out',
    'in-instance',
    'in-instance',
    'any',
  ];
  if (peered.length > 0) shapes.push('instance-peer', 'instance-peer', 'instance-peer');
  // (A weighted choice: fast-check biases constantFrom towards its first values.)
  const shape =
    peered.length > 0 && linkedBias > 0
      ? fc.oneof(
          { weight: linkedBias, arbitrary: fc.constant<QueryShape>('instance-peer') },
          { weight: shapes.length, arbitrary: fc.constantFrom(...shapes) },
        )
      : fc.constantFrom(...shapes);
  const ends = fc
    .record({
      shape,
      family: fc.constantFrom<4 | 6>(4, 4, 4, 4, 6),
    })
    .chain(({ shape, family }) => {
      switch (shape) {
        case 'instance-instance':
          return fc
            .constantFrom(...pools)
            .chain((pool) => fc.uniqueArray(local(family, pool), { minLength: 2, maxLength: 2 }))
            .map(([from, to]) => ({ from: from!, to: to!, family }));
        case 'instance-peer':
          return fc
            .constantFrom(...peered)
            .chain(([a, b]) =>
              fc.record({ from: local(family, a), to: local(family, b), family: fc.constant(family) }),
            );
        case 'instance-out':
          return fc.record({
            from: local(family),
            to: fc.oneof(remote(family), fc.constant('s3')),
            family: fc.constant(family),
          });
        case 'in-instance':
          return fc.record({ from: remote(family), to: local(family, instances, true), family: fc.constant(family) });
        case 'any':
          return fc.record({ from: anyEnd, to: anyEnd, family: fc.constant(family) });
      }
    });
  const port = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(22, 80, 443, 5432, 3389, 1024, 32768, 49152, 60999, 65535) },
    { weight: 1, arbitrary: fc.nat(65535) },
  );
  return fc
    .record({
      ends,
      protocol: fc.constantFrom('tcp', 'tcp', 'tcp', 'tcp', 'udp', 'icmp', 'all', 'icmpv6', '50'),
      keepIcmpKind: fc.boolean(),
      port,
      explicitFamily: fc.boolean(),
      toAddress: fc.constantFrom<'private' | 'public' | 'ipv6' | null>(
        null,
        null,
        null,
        null,
        null,
        'private',
        'public',
        'ipv6',
      ),
      strayToAddress: fc.oneof(
        { weight: 9, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      oneWay: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      sourcePort: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: port }),
      icmpType: fc.constantFrom<number | null>(null, null, null, 8, 0, 3, 128),
    })
    .map((r): TraceQuery => {
      const { from, to, family } = r.ends;
      // ICMP of the other family is kept now and then: no rule should match it.
      let protocol = r.protocol;
      if (!r.keepIcmpKind && protocol === 'icmp' && family === 6) protocol = 'icmpv6';
      if (!r.keepIcmpKind && protocol === 'icmpv6' && family === 4) protocol = 'icmp';
      const q: TraceQuery = { from, to, protocol };
      if (protocol === 'tcp' || protocol === 'udp') q.port = r.port;
      if (family === 6 || r.explicitFamily) q.family = family;
      // Mostly an address of the query's family; now and then one that does not fit (a query error).
      if (r.toAddress !== null && (r.strayToAddress || (r.toAddress === 'ipv6') === (family === 6)))
        q.toAddress = r.toAddress;
      if (r.oneWay) q.oneWay = true;
      if (r.sourcePort !== null) q.sourcePort = r.sourcePort;
      if (r.icmpType !== null && (protocol === 'icmp' || protocol === 'icmpv6')) q.icmpType = r.icmpType;
      return q;
    });
}

/**
 * The plan made permissive: internet routes everywhere, groups open to everyone, custom NACLs on every
 * subnet that end in allow-all but pass only part of the ephemeral range. Most queries then come back
 * REACHABLE or REACHABLE_PARTIAL, which the monotonicity property needs to have something to protect.
 */
export function permissivePlan(plan: TopologyPlan): TopologyPlan {
  return {
    ...plan,
    vpcs: plan.vpcs.map((v) => ({
      ...v,
      friendly: true,
      sgs: v.sgs.map((g) => ({ ...g, open: 'anywhere' as const, outbound: null })),
      nacls:
        v.nacls.length === 0
          ? [
              {
                isDefault: false,
                allowTail: true,
                ephemeral: 'deny-low' as const,
                ephemeralFirst: true,
                inbound: [],
                outbound: [],
              },
            ]
          : v.nacls.map((n) => ({ ...n, allowTail: true, ephemeral: n.ephemeral ?? ('allow-high' as const) })),
      subnets: v.subnets.map((sn) => ({ ...sn, nacl: sn.nacl === 0 ? 1 : sn.nacl })),
    })),
  };
}

export interface Scenario {
  readonly topology: Topology;
  readonly queries: TraceQuery[];
}

function scenarioOf(topologies: fc.Arbitrary<Topology>, linkedBias = 0): fc.Arbitrary<Scenario> {
  return topologies.chain((topology) =>
    fc.array(queryArb(topology, linkedBias), { minLength: 1, maxLength: 8 }).map((queries) => ({ topology, queries })),
  );
}

/** A topology with a handful of queries over it (one compile, several traces). */
export const scenarioArb: fc.Arbitrary<Scenario> = scenarioOf(topologyArb);

/** Like `scenarioArb`, over permissive topologies (mostly reachable, often partially). */
export const permissiveScenarioArb: fc.Arbitrary<Scenario> = scenarioOf(
  topologyPlanArb.map((p) => buildTopology(permissivePlan(p))),
);

/** Over transit gateways, most queries go between two linked VPCs, so that most of them cross one. */
const TGW_LINKED_BIAS = 16;

/** Topologies with one or two transit gateways, and queries over them. */
export const tgwScenarioArb: fc.Arbitrary<Scenario> = scenarioOf(tgwTopologyArb, TGW_LINKED_BIAS);

/** Like `tgwScenarioArb`, over permissive topologies. */
export const permissiveTgwScenarioArb: fc.Arbitrary<Scenario> = scenarioOf(
  tgwTopologyPlanArb.map((p) => buildTopology(permissivePlan(p))),
  TGW_LINKED_BIAS,
);

/** A whole document around a generated topology, with optional meta, layout and checks. */
export const documentArb: fc.Arbitrary<Document> = topologyArb.chain((topology) =>
  fc
    .record({
      title: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      layout: fc.boolean(),
      checks: fc.array(queryArb(topology), { maxLength: 3 }),
      expect: fc.constantFrom('REACHABLE' as const, 'BLOCKED' as const, 'REACHABLE_PARTIAL' as const),
    })
    .map(({ title, layout, checks, expect }): Document => {
      const doc: Document = { format: 'vpcsim/1', topology };
      if (title !== undefined) doc.meta = { title, tags: ['generated'] };
      if (layout) {
        doc.layout = Object.fromEntries(
          (topology.vpcs ?? []).map((v, i): [string, { x: number; y: number; width: number; height: number }] => [
            v.id,
            { x: 40 * i, y: 60, width: 300, height: 200 },
          ]),
        );
      }
      if (checks.length > 0) {
        doc.checks = checks.map((q, i) => ({
          name: `check ${i}`,
          from: q.from,
          to: q.to,
          ...(q.protocol !== undefined ? { protocol: q.protocol } : {}),
          ...(q.port !== undefined ? { port: q.port } : {}),
          ...(q.family !== undefined ? { family: q.family } : {}),
          ...(q.oneWay === true ? { oneWay: true } : {}),
          expect,
        }));
      }
      return doc;
    }),
);
