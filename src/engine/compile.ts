/**
 * compile(topology) builds the indexed network the tracer reads: resources by id, implicit defaults made
 * explicit (main route table, default NACL, default SG egress, local routes), per-table longest-prefix-match
 * buckets, and address -> device maps. Pure: never mutates the topology, never reads a clock.
 */
import {
  cidrContains,
  formatIpv4,
  parseCidrLoose,
  parseIp,
  parsePortRange,
  type Cidr,
  type Cidr4,
  type Cidr6,
  type IpAddress,
  type PortRange,
} from '../lib/index.ts';
import {
  BUILTIN_PREFIX_LIST_IDS,
  validateTopology,
  type Diagnostic,
  type NaclRule,
  type Route,
  type SgInboundRule,
  type SgOutboundRule,
  type Topology,
} from '../model/index.ts';
import { builtinPrefixListService, DEFAULT_REGION, PROTO_ALL, protocolNumber, serviceRanges } from './builtins.ts';
import type {
  TgwRouteRef,
  AclRuleRef,
  ComponentType,
  PathComponent,
  RouteOrigin,
  RouteRef,
  RouteTargetType,
  SecurityGroupRuleRef,
} from './types.ts';

/** What a query end names: an interface (an instance's is its primary one) or a host on the internet. */
export type EndpointRef =
  { readonly kind: 'eni'; readonly eni: CEni } | { readonly kind: 'host'; readonly id: string; readonly ip: IpAddress };

/** A path component's `component` field, built once per resource and shared (frozen) by every trace. */
export type ComponentRef = Readonly<PathComponent['component']>;

function componentRef(id: string, type: ComponentType, name: string | undefined): ComponentRef {
  return Object.freeze(name === undefined ? { id, type } : { id, type, name });
}

export interface CVpc {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly name?: string;
  readonly region: string;
  readonly path: string;
  readonly cidrs4: Cidr4[];
  readonly cidrs6: Cidr6[];
  igw?: CIgw;
  eigw?: CEigw;
  mainRouteTable: CRouteTable;
  defaultNacl: CNacl;
  readonly subnets: CSubnet[];
  /** Private address -> the device holding it, in this VPC. */
  readonly devices4: Map<number, CDevice>;
  readonly devices6: Map<bigint, CDevice>;
  readonly devices: CDevice[];
  /** IPv4 service addresses inside the VPC never filtered by SGs or NACLs: DNS (primary + 2), subnet routers (+1). */
  readonly serviceAddresses4: Map<number, string>;
}

export interface CSubnet {
  readonly id: string;
  readonly name?: string;
  readonly path: string;
  readonly vpc: CVpc;
  readonly az: string;
  readonly cidr4?: Cidr4;
  readonly cidr6?: Cidr6;
  routeTable: CRouteTable;
  nacl: CNacl;
}

export interface CRoute {
  /** The route as trace results show it (frozen, shared). */
  readonly ref: RouteRef;
  /** As written: a CIDR or a prefix list id. */
  readonly destination: string;
  /** The block this entry matches (a prefix-list route has one entry per list CIDR). */
  readonly cidr: Cidr;
  readonly target: string;
  readonly targetType: RouteTargetType;
  /** The resource the target names, when it is one the engine forwards to (gateway or device). */
  readonly targetObject?: RouteTargetObject;
  readonly origin: RouteOrigin;
  /** Tie-break on equal prefixes: lower wins (local, static, prefix list, propagated). */
  readonly rank: number;
  readonly state: 'active' | 'blackhole';
  readonly implicit: boolean;
  /** Index in the table's `routes`, -1 for implicit local routes. */
  readonly docIndex: number;
  readonly path?: string;
  readonly prefixListId?: string;
}

export interface Lpm4 {
  /** Prefix lengths present, longest first. */
  readonly prefixes: number[];
  readonly masks: number[];
  readonly buckets: Map<number, CRoute[]>[];
}
export interface Lpm6 {
  readonly prefixes: number[];
  readonly shifts: bigint[];
  readonly buckets: Map<bigint, CRoute[]>[];
}

export interface CRouteTable {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly name?: string;
  readonly path: string;
  readonly vpc: CVpc;
  readonly implicit: boolean;
  readonly main: boolean;
  /** Every route, prefix-list routes expanded, local routes included. */
  readonly routes: CRoute[];
  readonly lpm4: Lpm4;
  readonly lpm6: Lpm6;
}

/** A VPC peering connection between two VPCs. */
export interface CPeering {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly path: string;
  readonly requester: CVpc;
  readonly accepter: CVpc;
  /** AWS lifecycle state; only `active` carries traffic. */
  readonly status: string;
  /** Both VPCs in one region: security-group references work across it. */
  readonly sameRegion: boolean;
}

/** A gateway VPC endpoint (S3, DynamoDB): the target of its service's prefix-list route. */
export interface CGatewayEndpoint {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly path: string;
  readonly vpc: CVpc;
  /** As written, e.g. `s3` or `com.amazonaws.us-east-1.s3`. */
  readonly service: string;
  /** The service as a path component (the request ends there). */
  readonly serviceRef: ComponentRef;
}

/** A transit gateway: a regional router between its attachments (semantics.md 9). */
export interface CTransitGateway {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly path: string;
  /** SecurityGroupReferencingSupport (default off): inbound references across it can match. */
  readonly sgRefSupport: boolean;
  readonly attachments: CTgwAttachment[];
  /** The VPC attachment of each attached VPC (the first one when a VPC is attached twice). */
  readonly attachmentOfVpc: Map<CVpc, CTgwAttachment>;
}

export interface CTgwAttachment {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly path: string;
  readonly tgw: CTransitGateway;
  readonly type: 'vpc' | 'peering';
  readonly vpc?: CVpc;
  /** The attachment's subnets, at most one per availability zone. */
  readonly subnets: CSubnet[];
  readonly state: string;
  /** `available` or `modifying`: the states that forward. */
  readonly available: boolean;
  /** Appliance mode: both directions of a flow use one availability zone of the attachment (semantics.md 9.2 rule 4). */
  readonly applianceMode: boolean;
  /** The TGW route table the attachment is associated with: it routes traffic arriving from it. */
  table?: CTgwRouteTable;
  /** For a peering attachment: the transit gateway at the other end. */
  readonly peerTgw?: CTransitGateway;
  /** The associated table on each transit gateway the attachment joins (a peering attachment has two). */
  readonly tableByTgw: Map<CTransitGateway, CTgwRouteTable>;
}

export interface CTgwRoute {
  readonly ref: TgwRouteRef;
  readonly cidr: Cidr;
  readonly attachment?: CTgwAttachment;
  readonly blackhole: boolean;
  /** Static routes win over propagated ones on identical prefixes. */
  readonly rank: number;
  readonly docIndex: number;
}

export interface CTgwRouteTable {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly path: string;
  readonly tgw: CTransitGateway;
  /** Longest prefix first, then static before propagated, then document order: the first match wins. */
  readonly routes: CTgwRoute[];
  /** As built, unsorted: what the naive reference scans. */
  readonly routesAsWritten: CTgwRoute[];
}

/** What a route can forward to: a gateway, a device (an instance's target is its primary interface), a peering, an endpoint or a transit gateway. */
export type RouteTargetObject = CIgw | CEigw | CNat | CEni | CPeering | CGatewayEndpoint | CTransitGateway;

export interface CNaclRule {
  /** The rule as trace results show it (frozen, shared). */
  readonly ref: AclRuleRef;
  readonly ruleNumber: number;
  readonly action: 'allow' | 'deny';
  readonly cidr: Cidr;
  readonly cidrText: string;
  readonly proto: number;
  readonly protocolText: string;
  readonly ports?: PortRange;
  readonly icmpType?: number;
  readonly icmpCode?: number;
  readonly implicit: boolean;
  readonly path?: string;
}

export interface CNacl {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly name?: string;
  readonly path: string;
  readonly vpc: CVpc;
  readonly implicit: boolean;
  /** Sorted by rule number, `*` rules (32767) last. */
  readonly inbound: CNaclRule[];
  readonly outbound: CNaclRule[];
  /** As written, unsorted, `*` rules appended: what the naive reference evaluator sorts itself. */
  readonly inboundAsWritten: CNaclRule[];
  readonly outboundAsWritten: CNaclRule[];
}

export type SgPeer =
  | { readonly kind: 'cidr'; readonly cidr: Cidr }
  | { readonly kind: 'sg'; readonly sgId: string }
  | { readonly kind: 'prefix-list'; readonly plId: string; readonly cidrs: Cidr[] };

export interface CSgRule {
  /** The rule as trace results show it (frozen, shared). */
  readonly ref: SecurityGroupRuleRef;
  /** The group the rule belongs to. */
  readonly sg: CSecurityGroup;
  /** Index in the group's list; -1 for AWS's implied default outbound rules. */
  readonly index: number;
  readonly proto: number;
  readonly protocolText: string;
  readonly ports?: PortRange;
  readonly icmpType?: number;
  readonly icmpCode?: number;
  readonly peer: SgPeer;
  readonly peerText: string;
  readonly implicit: boolean;
  readonly path?: string;
}

export interface CSecurityGroup {
  readonly id: string;
  readonly ref: ComponentRef;
  /** The group has rules whose peer is a security group, inbound / outbound. */
  inboundRefs: boolean;
  outboundRefs: boolean;
  readonly name?: string;
  readonly path: string;
  readonly vpc: CVpc | undefined;
  readonly inbound: CSgRule[];
  readonly outbound: CSgRule[];
}

export interface CInstance {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly name?: string;
  readonly path: string;
  readonly os: 'linux' | 'windows';
  readonly running: boolean;
  readonly state: string;
  primaryEni: CEni;
  readonly enis: CEni[];
}

interface CDeviceBase {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly name?: string;
  readonly path: string;
  readonly subnet: CSubnet;
  readonly vpc: CVpc;
}

export interface CEni extends CDeviceBase {
  readonly kind: 'eni';
  instance?: CInstance;
  /** Set on the interfaces of an interface VPC endpoint (PrivateLink): they receive, never initiate. */
  interfaceEndpointId?: string;
  /** Private IPv4 addresses, primary first. */
  readonly ips4: number[];
  readonly ips6: bigint[];
  readonly publicIp4?: number;
  /** The primary private IPv4, first IPv6 and public IPv4 as addresses (shared, never mutated). */
  readonly primary4?: IpAddress;
  readonly primary6?: IpAddress;
  readonly public4?: IpAddress;
  readonly sgs: CSecurityGroup[];
  readonly sgIds: ReadonlySet<string>;
  readonly sgIdList: readonly string[];
  /** Some group of the interface has rules whose peer is a security group, inbound / outbound. */
  readonly inboundRefs: boolean;
  readonly outboundRefs: boolean;
  readonly sourceDestCheck: boolean;
  readonly sourceNat: boolean;
}

export interface CNat extends CDeviceBase {
  readonly kind: 'nat';
  readonly connectivity: 'public' | 'private';
  readonly ip4: number;
  readonly publicIp4?: number;
  readonly state: string;
  readonly available: boolean;
}

export type CDevice = CEni | CNat;

export interface CIgw {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly name?: string;
  readonly path: string;
  readonly vpc?: CVpc;
  /** Gateway route table (edge association), if any. */
  edgeRouteTable?: CRouteTable;
}

export interface CEigw {
  readonly id: string;
  readonly ref: ComponentRef;
  readonly name?: string;
  readonly path: string;
  readonly vpc?: CVpc;
}

export interface CPublicMapping {
  readonly publicIp: number;
  readonly device: CDevice;
  readonly privateIp: number;
}

/** The compiled, indexed network. Derived from a topology; never saved, never edited. */
export interface Network {
  readonly topology: Topology;
  readonly vpcs: Map<string, CVpc>;
  readonly vpcList: CVpc[];
  readonly subnets: Map<string, CSubnet>;
  readonly routeTables: Map<string, CRouteTable>;
  readonly nacls: Map<string, CNacl>;
  readonly securityGroups: Map<string, CSecurityGroup>;
  readonly instances: Map<string, CInstance>;
  readonly enis: Map<string, CEni>;
  readonly natGateways: Map<string, CNat>;
  readonly internetGateways: Map<string, CIgw>;
  readonly egressOnlyInternetGateways: Map<string, CEigw>;
  readonly prefixLists: Map<string, Cidr[]>;
  readonly externalHosts: Map<string, { id: string; name?: string; ip: IpAddress }>;
  /** Instances (their primary interface), network interfaces and external hosts by id. */
  readonly endpoints: Map<string, EndpointRef>;
  /** Public IPv4 -> the device and private address it maps to (internet gateway 1:1 NAT). */
  readonly publicIps: Map<number, CPublicMapping>;
  readonly peerings: Map<string, CPeering>;
  readonly gatewayEndpoints: Map<string, CGatewayEndpoint>;
  readonly transitGateways: Map<string, CTransitGateway>;
  readonly tgwAttachments: Map<string, CTgwAttachment>;
  readonly tgwRouteTables: Map<string, CTgwRouteTable>;
  /** Ids of endpoints of other kinds: known, not simulated. */
  readonly otherResources: Map<string, 'transit-gateway' | 'vpc-endpoint'>;
  /** Configuration diagnostics of the topology (validateTopology), by resource id. */
  readonly diagnostics: Diagnostic[];
  readonly diagnosticsByResource: Map<string, Diagnostic[]>;
}

export interface CompileOptions {
  /** Diagnostics already computed for this topology; computed by `validateTopology` when omitted. */
  readonly diagnostics?: Diagnostic[];
}

const RANK_LOCAL = -1;
const RANK_STATIC = 0;
const RANK_PREFIX_LIST = 1;
const RANK_PROPAGATED = 2;

const memo = new WeakMap<Topology, Network>();

/** Builds the indexed network once per topology object (memoized on its identity). */
export function compile(topology: Topology, options: CompileOptions = {}): Network {
  if (!options.diagnostics) {
    const hit = memo.get(topology);
    if (hit) return hit;
  }
  const net = build(topology, options.diagnostics ?? validateTopology(topology));
  if (!options.diagnostics) memo.set(topology, net);
  return net;
}

function optName(name: string | undefined): { name?: string } {
  return name === undefined ? {} : { name };
}

function build(t: Topology, diagnostics: Diagnostic[]): Network {
  const vpcs = new Map<string, CVpc>();
  const vpcList: CVpc[] = [];
  const subnets = new Map<string, CSubnet>();
  const routeTables = new Map<string, CRouteTable>();
  const nacls = new Map<string, CNacl>();
  const securityGroups = new Map<string, CSecurityGroup>();
  const instances = new Map<string, CInstance>();
  const enis = new Map<string, CEni>();
  const natGateways = new Map<string, CNat>();
  const internetGateways = new Map<string, CIgw>();
  const eigws = new Map<string, CEigw>();
  const prefixLists = new Map<string, Cidr[]>();
  const externalHosts = new Map<string, { id: string; name?: string; ip: IpAddress }>();
  const publicIps = new Map<number, CPublicMapping>();
  const otherResources = new Map<string, 'transit-gateway' | 'vpc-endpoint'>();
  const peerings = new Map<string, CPeering>();

  // Managed prefix lists are regional: the built-in service lists hold the ranges of the region of
  // the VPC (or transit gateway) that references them (semantics.md 10.2 rule 3).
  const userPrefixLists = new Map<string, Cidr[]>();
  (t.prefixLists ?? []).forEach((pl) => {
    userPrefixLists.set(
      pl.id,
      (pl.cidrs ?? []).map(parseCidrLoose).filter((c): c is Cidr => c !== undefined),
    );
  });
  const listsByRegion = new Map<string, Map<string, Cidr[]>>();
  const prefixListsIn = (region: string): Map<string, Cidr[]> => {
    let lists = listsByRegion.get(region);
    if (!lists) {
      lists = new Map<string, Cidr[]>();
      for (const id of BUILTIN_PREFIX_LIST_IDS) {
        const service = builtinPrefixListService(id);
        if (service) lists.set(id, [...serviceRanges(service, region)]);
      }
      for (const [id, cidrs] of userPrefixLists) lists.set(id, cidrs);
      listsByRegion.set(region, lists);
    }
    return lists;
  };
  for (const [id, cidrs] of prefixListsIn(DEFAULT_REGION)) prefixLists.set(id, cidrs);
  for (const e of t.vpcEndpoints ?? [])
    if (e.type !== 'gateway' && e.type !== 'interface') otherResources.set(e.id, 'vpc-endpoint');
  const gatewayEndpoints = new Map<string, CGatewayEndpoint>();

  // VPCs, with placeholders for the tables and NACLs filled in below.
  (t.vpcs ?? []).forEach((v, i) => {
    const cidrs4: Cidr4[] = [];
    const cidrs6: Cidr6[] = [];
    for (const text of v.cidrBlocks ?? []) {
      const c = parseCidrLoose(text);
      if (c?.family === 4) cidrs4.push(c);
    }
    for (const text of v.ipv6CidrBlocks ?? []) {
      const c = parseCidrLoose(text);
      if (c?.family === 6) cidrs6.push(c);
    }
    const vpc = {
      id: v.id,
      ref: componentRef(v.id, 'vpc', v.name),
      ...optName(v.name),
      region: v.region ?? 'us-east-1',
      path: `topology.vpcs[${i}]`,
      cidrs4,
      cidrs6,
      subnets: [],
      devices4: new Map(),
      devices6: new Map(),
      devices: [],
      serviceAddresses4: new Map(cidrs4[0] ? [[cidrs4[0].network + 2, 'Amazon DNS resolver']] : []),
    } as unknown as CVpc;
    vpcs.set(v.id, vpc);
    vpcList.push(vpc);
  });

  (t.subnets ?? []).forEach((s, i) => {
    const vpc = vpcs.get(s.vpcId);
    if (!vpc) return;
    const c4 = s.cidrBlock === undefined ? undefined : parseCidrLoose(s.cidrBlock);
    const c6 = s.ipv6CidrBlock === undefined ? undefined : parseCidrLoose(s.ipv6CidrBlock);
    const subnet = {
      id: s.id,
      ...optName(s.name),
      path: `topology.subnets[${i}]`,
      vpc,
      az: s.availabilityZone,
      ...(c4?.family === 4 ? { cidr4: c4 } : {}),
      ...(c6?.family === 6 ? { cidr6: c6 } : {}),
    } as CSubnet;
    subnets.set(s.id, subnet);
    vpc.subnets.push(subnet);
    if (subnet.cidr4 && !vpc.serviceAddresses4.has(subnet.cidr4.network + 1))
      vpc.serviceAddresses4.set(subnet.cidr4.network + 1, 'VPC router');
  });

  // Security groups (rules need prefix lists; membership comes from interfaces below).
  (t.securityGroups ?? []).forEach((g, i) => {
    const vpc = vpcs.get(g.vpcId);
    const path = `topology.securityGroups[${i}]`;
    const group: CSecurityGroup = {
      inboundRefs: false,
      outboundRefs: false,
      id: g.id,
      ref: componentRef(g.id, 'security-group', g.name),
      ...optName(g.name),
      path,
      vpc,
      inbound: [],
      outbound: [],
    };
    const groupLists = prefixListsIn(vpc?.region ?? DEFAULT_REGION);
    (g.inbound ?? []).forEach((r, k) =>
      group.inbound.push(compileSgRule(group, 'ingress', r, r.source, k, `${path}.inbound[${k}]`, groupLists)),
    );
    if (g.outbound === undefined) {
      // AWS's default for a new group: all traffic to 0.0.0.0/0, and ::/0 when the VPC has IPv6.
      group.outbound.push(implicitAllRule(group, '0.0.0.0/0'));
      if (vpc && vpc.cidrs6.length > 0) group.outbound.push(implicitAllRule(group, '::/0'));
    } else {
      g.outbound.forEach((r, k) =>
        group.outbound.push(compileSgRule(group, 'egress', r, r.destination, k, `${path}.outbound[${k}]`, groupLists)),
      );
    }
    group.inboundRefs = group.inbound.some((r) => r.peer.kind === 'sg');
    group.outboundRefs = group.outbound.some((r) => r.peer.kind === 'sg');
    securityGroups.set(g.id, group);
  });

  // Instances and their primary interfaces, then standalone interfaces.
  const addEni = (eni: CEni): void => {
    enis.set(eni.id, eni);
    const vpc = eni.vpc;
    vpc.devices.push(eni);
    for (const ip of eni.ips4) if (!vpc.devices4.has(ip)) vpc.devices4.set(ip, eni);
    for (const ip of eni.ips6) if (!vpc.devices6.has(ip)) vpc.devices6.set(ip, eni);
    if (eni.publicIp4 !== undefined && eni.ips4.length > 0 && !publicIps.has(eni.publicIp4)) {
      publicIps.set(eni.publicIp4, { publicIp: eni.publicIp4, device: eni, privateIp: eni.ips4[0]! });
    }
  };
  (t.instances ?? []).forEach((inst, i) => {
    const subnet = subnets.get(inst.subnetId);
    if (!subnet) return;
    const path = `topology.instances[${i}]`;
    const state = inst.state ?? 'running';
    const eni = compileEni(inst.primaryInterfaceId ?? `${inst.id}/eth0`, inst, subnet, path, securityGroups);
    const instance: CInstance = {
      id: inst.id,
      ref: componentRef(inst.id, 'instance', inst.name),
      ...optName(inst.name),
      path,
      os: inst.os ?? 'linux',
      running: state === 'running',
      state,
      primaryEni: eni,
      enis: [eni],
    };
    eni.instance = instance;
    instances.set(inst.id, instance);
    addEni(eni);
  });
  (t.networkInterfaces ?? []).forEach((n, i) => {
    const subnet = subnets.get(n.subnetId);
    if (!subnet) return;
    const eni = compileEni(n.id, n, subnet, `topology.networkInterfaces[${i}]`, securityGroups, n.name);
    const inst = n.instanceId === undefined ? undefined : instances.get(n.instanceId);
    if (inst) {
      eni.instance = inst;
      inst.enis.push(eni);
    }
    addEni(eni);
  });

  // NAT gateways: a device in their subnet; a missing private IP gets the first free address.
  (t.natGateways ?? []).forEach((n, i) => {
    const subnet = subnets.get(n.subnetId);
    if (!subnet) return;
    const vpc = subnet.vpc;
    let ip4 = n.privateIp === undefined ? undefined : parseIp(n.privateIp);
    if (ip4?.family !== 4 && subnet.cidr4) {
      let v = subnet.cidr4.network + 4;
      while (v < subnet.cidr4.last && vpc.devices4.has(v)) v++;
      ip4 = { family: 4, value: v };
    }
    if (ip4?.family !== 4) return;
    const connectivity = n.connectivity ?? 'public';
    const pub = n.publicIp === undefined ? undefined : parseIp(n.publicIp);
    const state = n.state ?? 'available';
    const nat: CNat = {
      kind: 'nat',
      id: n.id,
      ref: componentRef(n.id, 'nat-gateway', n.name),
      ...optName(n.name),
      path: `topology.natGateways[${i}]`,
      subnet,
      vpc,
      connectivity,
      ip4: ip4.value,
      ...(connectivity === 'public' && pub?.family === 4 ? { publicIp4: pub.value } : {}),
      state,
      available: state === 'available',
    };
    natGateways.set(n.id, nat);
    vpc.devices.push(nat);
    if (!vpc.devices4.has(nat.ip4)) vpc.devices4.set(nat.ip4, nat);
    if (nat.publicIp4 !== undefined && !publicIps.has(nat.publicIp4)) {
      publicIps.set(nat.publicIp4, { publicIp: nat.publicIp4, device: nat, privateIp: nat.ip4 });
    }
  });

  // Interface endpoints (PrivateLink): one interface per subnet, with the endpoint's security groups and
  // the first free address of the subnet (AWS picks one; the document does not say which).
  const endpointInterfaces = new Map<string, CEni[]>();
  (t.vpcEndpoints ?? []).forEach((e, i) => {
    if (e.type !== 'interface') return;
    const list: CEni[] = [];
    for (const sid of e.subnetIds ?? []) {
      const subnet = subnets.get(sid);
      if (!subnet?.cidr4 || subnet.vpc.id !== e.vpcId) continue;
      let v = subnet.cidr4.network + 4;
      while (v < subnet.cidr4.last && subnet.vpc.devices4.has(v)) v++;
      const eni = compileEni(
        `${e.id}/${sid}`,
        { privateIp: formatIpv4(v), securityGroupIds: e.securityGroupIds ?? [] },
        subnet,
        `topology.vpcEndpoints[${i}]`,
        securityGroups,
        e.name,
      );
      eni.interfaceEndpointId = e.id;
      addEni(eni);
      list.push(eni);
    }
    endpointInterfaces.set(e.id, list);
  });

  // Internet and egress-only gateways; a second gateway on one VPC is a configuration error, and the
  // first one stays the VPC's gateway.
  const gateway = (
    g: { id: string; name?: string; vpcId: string | null },
    array: 'internetGateways' | 'egressOnlyInternetGateways',
    type: 'internet-gateway' | 'egress-only-internet-gateway',
    i: number,
  ): CEigw => {
    const vpc = g.vpcId === null ? undefined : vpcs.get(g.vpcId);
    return {
      id: g.id,
      ref: componentRef(g.id, type, g.name),
      ...optName(g.name),
      path: `topology.${array}[${i}]`,
      ...(vpc ? { vpc } : {}),
    };
  };
  (t.internetGateways ?? []).forEach((g, i) => {
    const igw: CIgw = gateway(g, 'internetGateways', 'internet-gateway', i);
    internetGateways.set(g.id, igw);
    if (igw.vpc && !igw.vpc.igw) igw.vpc.igw = igw;
  });
  (t.egressOnlyInternetGateways ?? []).forEach((g, i) => {
    const eigw = gateway(g, 'egressOnlyInternetGateways', 'egress-only-internet-gateway', i);
    eigws.set(g.id, eigw);
    if (eigw.vpc && !eigw.vpc.eigw) eigw.vpc.eigw = eigw;
  });

  (t.externalHosts ?? []).forEach((h) => {
    const ip = parseIp(h.ip);
    if (ip) externalHosts.set(h.id, { id: h.id, ...optName(h.name), ip });
  });

  (t.vpcPeeringConnections ?? []).forEach((p, i) => {
    const requester = vpcs.get(p.requesterVpcId);
    const accepter = vpcs.get(p.accepterVpcId);
    if (!requester || !accepter) return;
    peerings.set(p.id, {
      id: p.id,
      ref: componentRef(p.id, 'vpc-peering-connection', p.name),
      path: `topology.vpcPeeringConnections[${i}]`,
      requester,
      accepter,
      status: p.status ?? 'active',
      sameRegion: requester.region === accepter.region,
    });
  });

  (t.vpcEndpoints ?? []).forEach((e, i) => {
    const vpc = vpcs.get(e.vpcId);
    if (e.type !== 'gateway' || !vpc) return;
    gatewayEndpoints.set(e.id, {
      id: e.id,
      ref: componentRef(e.id, 'vpc-endpoint', e.name),
      path: `topology.vpcEndpoints[${i}]`,
      vpc,
      service: e.service,
      serviceRef: componentRef(e.service, 'aws-service', undefined),
    });
  });

  const { transitGateways, tgwAttachments, tgwRouteTables, skippedPropagations } = compileTransitGateways(
    t,
    vpcs,
    subnets,
    prefixListsIn,
  );

  const ctx: TargetContext = {
    transitGateways,
    vpcs,
    instances,
    enis,
    natGateways,
    internetGateways,
    eigws,
    peerings,
    gatewayEndpoints,
    otherResources,
    t,
  };

  // Gateway endpoint routes: `<service prefix list> -> endpoint` in each associated table.
  const endpointRoutes = new Map<string, Route[]>();
  for (const e of t.vpcEndpoints ?? []) {
    if (e.type !== 'gateway') continue;
    const plId = e.prefixListId ?? `pl-${e.service.split('.').pop() ?? e.service}`;
    for (const rtId of e.routeTableIds ?? []) {
      const list = endpointRoutes.get(rtId) ?? [];
      list.push({ destination: plId, target: e.id });
      endpointRoutes.set(rtId, list);
    }
  }

  // Route tables: explicit ones, then an implicit main table for every VPC that lacks one.
  (t.routeTables ?? []).forEach((rt, i) => {
    const vpc = vpcs.get(rt.vpcId);
    if (!vpc) return;
    const path = `topology.routeTables[${i}]`;
    const table = compileRouteTable(
      rt.id,
      rt.name,
      path,
      vpc,
      false,
      rt.main === true,
      rt.routes ?? [],
      endpointRoutes.get(rt.id) ?? [],
      prefixListsIn(vpc.region),
      ctx,
    );
    routeTables.set(rt.id, table);
    if (table.main && !(vpc as Partial<CVpc>).mainRouteTable) vpc.mainRouteTable = table;
    for (const sid of rt.subnetIds ?? []) {
      const s = subnets.get(sid);
      if (s && s.vpc === vpc && !(s as Partial<CSubnet>).routeTable) s.routeTable = table;
    }
    for (const gid of rt.gatewayIds ?? []) {
      const igw = internetGateways.get(gid);
      if (igw && !igw.edgeRouteTable) igw.edgeRouteTable = table;
    }
  });
  for (const vpc of vpcList) {
    if (!(vpc as Partial<CVpc>).mainRouteTable) {
      const table = compileRouteTable(
        `${vpc.id}/rtb-main`,
        undefined,
        vpc.path,
        vpc,
        true,
        true,
        [],
        [],
        prefixListsIn(vpc.region),
        ctx,
      );
      vpc.mainRouteTable = table;
      routeTables.set(table.id, table);
    }
  }

  // Network ACLs: explicit ones, then an implicit allow-all default for every VPC that lacks one.
  (t.networkAcls ?? []).forEach((a, i) => {
    const vpc = vpcs.get(a.vpcId);
    if (!vpc) return;
    const path = `topology.networkAcls[${i}]`;
    const nacl = compileNacl(a.id, a.name, path, vpc, false, a.inbound ?? [], a.outbound ?? []);
    nacls.set(a.id, nacl);
    if (a.default === true && !(vpc as Partial<CVpc>).defaultNacl) vpc.defaultNacl = nacl;
    for (const sid of a.subnetIds ?? []) {
      const s = subnets.get(sid);
      if (s && s.vpc === vpc && !(s as Partial<CSubnet>).nacl) s.nacl = nacl;
    }
  });
  for (const vpc of vpcList) {
    if (!(vpc as Partial<CVpc>).defaultNacl) {
      const allow: NaclRule[] = [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }];
      if (vpc.cidrs6.length > 0) allow.push({ ruleNumber: 101, protocol: 'all', cidr: '::/0', action: 'allow' });
      const nacl = compileNacl(`${vpc.id}/acl-default`, undefined, vpc.path, vpc, true, allow, allow);
      vpc.defaultNacl = nacl;
      nacls.set(nacl.id, nacl);
    }
  }
  for (const s of subnets.values()) {
    if (!(s as Partial<CSubnet>).routeTable) s.routeTable = s.vpc.mainRouteTable;
    if (!(s as Partial<CSubnet>).nacl) s.nacl = s.vpc.defaultNacl;
  }

  const endpoints = new Map<string, EndpointRef>();
  for (const h of externalHosts.values())
    endpoints.set(h.id, Object.freeze({ kind: 'host' as const, id: h.id, ip: h.ip }));
  for (const e of enis.values()) endpoints.set(e.id, Object.freeze({ kind: 'eni' as const, eni: e }));
  for (const i of instances.values()) endpoints.set(i.id, Object.freeze({ kind: 'eni' as const, eni: i.primaryEni }));
  // An interface endpoint as a query end: its interface in the first of its subnets.
  for (const [id, list] of endpointInterfaces)
    if (list[0]) endpoints.set(id, Object.freeze({ kind: 'eni' as const, eni: list[0] }));

  // Propagations the transit gateway does not install are warnings of the table (semantics.md 9.2 rule 5);
  // a trace through that table lists them.
  if (skippedPropagations.length > 0) diagnostics = [...diagnostics, ...skippedPropagations];
  const diagnosticsByResource = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.resourceId === undefined) continue;
    const list = diagnosticsByResource.get(d.resourceId) ?? [];
    list.push(d);
    diagnosticsByResource.set(d.resourceId, list);
  }

  return {
    topology: t,
    vpcs,
    vpcList,
    subnets,
    routeTables,
    nacls,
    securityGroups,
    instances,
    enis,
    natGateways,
    internetGateways,
    egressOnlyInternetGateways: eigws,
    prefixLists,
    externalHosts,
    publicIps,
    endpoints,
    peerings,
    gatewayEndpoints,
    transitGateways,
    tgwAttachments,
    tgwRouteTables,
    otherResources,
    diagnostics,
    diagnosticsByResource,
  };
}

function compileEni(
  id: string,
  f: {
    privateIp: string;
    secondaryPrivateIps?: string[];
    publicIp?: string;
    ipv6Addresses?: string[];
    securityGroupIds: string[];
    sourceDestCheck?: boolean;
    sourceNat?: boolean;
  },
  subnet: CSubnet,
  path: string,
  securityGroups: Map<string, CSecurityGroup>,
  name?: string,
): CEni {
  const ips4: number[] = [];
  for (const text of [f.privateIp, ...(f.secondaryPrivateIps ?? [])]) {
    const ip = parseIp(text);
    if (ip?.family === 4) ips4.push(ip.value);
  }
  const ips6: bigint[] = [];
  for (const text of f.ipv6Addresses ?? []) {
    const ip = parseIp(text);
    if (ip?.family === 6) ips6.push(ip.value);
  }
  const pub = f.publicIp === undefined ? undefined : parseIp(f.publicIp);
  const sgs = (f.securityGroupIds ?? []).map((g) => securityGroups.get(g)).filter((g): g is CSecurityGroup => !!g);
  return {
    kind: 'eni',
    id,
    ref: componentRef(id, 'network-interface', name),
    ...optName(name),
    path,
    subnet,
    vpc: subnet.vpc,
    ips4,
    ips6,
    ...(pub?.family === 4 ? { publicIp4: pub.value, public4: Object.freeze(pub) } : {}),
    ...(ips4.length > 0 ? { primary4: Object.freeze({ family: 4 as const, value: ips4[0]! }) } : {}),
    ...(ips6.length > 0 ? { primary6: Object.freeze({ family: 6 as const, value: ips6[0]! }) } : {}),
    sgs,
    sgIds: new Set(sgs.map((g) => g.id)),
    sgIdList: sgs.map((g) => g.id),
    inboundRefs: sgs.some((g) => g.inboundRefs),
    outboundRefs: sgs.some((g) => g.outboundRefs),
    sourceDestCheck: f.sourceDestCheck ?? true,
    sourceNat: f.sourceNat ?? false,
  };
}

function implicitAllRule(sg: CSecurityGroup, cidrText: string): CSgRule {
  return {
    sg,
    ref: Object.freeze({
      sgId: sg.id,
      direction: 'egress' as const,
      ruleIndex: -1,
      peer: cidrText,
      protocol: 'all',
      implicit: true,
    }),
    index: -1,
    proto: PROTO_ALL,
    protocolText: 'all',
    peer: { kind: 'cidr', cidr: parseCidrLoose(cidrText)! },
    peerText: cidrText,
    implicit: true,
  };
}

function compileSgRule(
  sg: CSecurityGroup,
  direction: 'ingress' | 'egress',
  r: SgInboundRule | SgOutboundRule,
  peerText: string,
  index: number,
  path: string,
  prefixLists: Map<string, Cidr[]>,
): CSgRule {
  const proto = protocolNumber(r.protocol) ?? PROTO_ALL;
  let peer: SgPeer;
  if (peerText.includes('/')) {
    const cidr = parseCidrLoose(peerText);
    peer = cidr ? { kind: 'cidr', cidr } : { kind: 'prefix-list', plId: peerText, cidrs: [] };
  } else if (prefixLists.has(peerText)) {
    peer = { kind: 'prefix-list', plId: peerText, cidrs: prefixLists.get(peerText)! };
  } else {
    peer = { kind: 'sg', sgId: peerText };
  }
  const ports = proto === PROTO_ALL || r.ports === undefined ? undefined : parsePortRange(r.ports);
  const ref: SecurityGroupRuleRef = Object.freeze({
    sgId: sg.id,
    direction,
    ruleIndex: index,
    peer: peerText,
    protocol: r.protocol,
    ...(ports ? { portRange: Object.freeze({ from: ports.from, to: ports.to }) } : {}),
  });
  return {
    sg,
    ref,
    index,
    proto,
    protocolText: r.protocol,
    ...(ports ? { ports } : {}),
    ...(r.icmpType !== undefined ? { icmpType: r.icmpType } : {}),
    ...(r.icmpCode !== undefined ? { icmpCode: r.icmpCode } : {}),
    peer,
    peerText,
    implicit: false,
    path,
  };
}

function compileNacl(
  id: string,
  name: string | undefined,
  path: string,
  vpc: CVpc,
  implicit: boolean,
  inbound: NaclRule[],
  outbound: NaclRule[],
): CNacl {
  const conv = (rules: NaclRule[], dir: 'inbound' | 'outbound'): CNaclRule[] => {
    const out: CNaclRule[] = [];
    const egress = dir === 'outbound';
    const aclRef = (r: Omit<CNaclRule, 'ref'>): AclRuleRef =>
      Object.freeze({
        aclId: id,
        ruleNumber: r.ruleNumber,
        egress,
        action: r.action,
        cidr: r.cidrText,
        protocol: r.protocolText,
        ...(r.ports ? { portRange: Object.freeze({ from: r.ports.from, to: r.ports.to }) } : {}),
        ...(r.icmpType !== undefined ? { icmpType: r.icmpType } : {}),
        ...(r.icmpCode !== undefined ? { icmpCode: r.icmpCode } : {}),
        ...(implicit || r.implicit ? { implicit: true } : {}),
      });
    const withRef = (r: Omit<CNaclRule, 'ref'>): CNaclRule => ({ ...r, ref: aclRef(r) });
    rules.forEach((r, k) => {
      const cidr = parseCidrLoose(r.cidr);
      if (!cidr) return;
      const proto = protocolNumber(r.protocol) ?? PROTO_ALL;
      const ports = proto === PROTO_ALL || r.ports === undefined ? undefined : parsePortRange(r.ports);
      out.push(
        withRef({
          ruleNumber: r.ruleNumber,
          action: r.action,
          cidr,
          cidrText: r.cidr,
          proto,
          protocolText: r.protocol,
          ...(ports ? { ports } : {}),
          ...(r.icmpType !== undefined ? { icmpType: r.icmpType } : {}),
          ...(r.icmpCode !== undefined ? { icmpCode: r.icmpCode } : {}),
          implicit,
          ...(implicit ? {} : { path: `${path}.${dir}[${k}]` }),
        }),
      );
    });
    // The catch-all `*` deny rules, reported by AWS as rule number 32767.
    for (const text of ['0.0.0.0/0', '::/0']) {
      out.push(
        withRef({
          ruleNumber: 32767,
          action: 'deny',
          cidr: parseCidrLoose(text)!,
          cidrText: text,
          proto: PROTO_ALL,
          protocolText: 'all',
          implicit: true,
        }),
      );
    }
    return out;
  };
  const inboundAsWritten = conv(inbound, 'inbound');
  const outboundAsWritten = conv(outbound, 'outbound');
  const sorted = (rules: CNaclRule[]): CNaclRule[] => [...rules].sort((a, b) => a.ruleNumber - b.ruleNumber);
  return {
    id,
    ref: componentRef(id, 'network-acl', name),
    ...optName(name),
    path,
    vpc,
    implicit,
    inbound: sorted(inboundAsWritten),
    outbound: sorted(outboundAsWritten),
    inboundAsWritten,
    outboundAsWritten,
  };
}

interface TargetContext {
  vpcs: Map<string, CVpc>;
  instances: Map<string, CInstance>;
  enis: Map<string, CEni>;
  natGateways: Map<string, CNat>;
  internetGateways: Map<string, CIgw>;
  eigws: Map<string, CEigw>;
  peerings: Map<string, CPeering>;
  gatewayEndpoints: Map<string, CGatewayEndpoint>;
  transitGateways: Map<string, CTransitGateway>;
  otherResources: Map<string, 'transit-gateway' | 'vpc-endpoint'>;
  t: Topology;
}

/** What a route target names and whether it can forward (AWS derives `blackhole` from the target's lifecycle). */
function resolveTarget(
  target: string,
  vpc: CVpc,
  ctx: TargetContext,
): { targetType: RouteTargetType; state: 'active' | 'blackhole'; targetObject?: RouteTargetObject } {
  if (target === 'local') return { targetType: 'local', state: 'active' };
  const igw = ctx.internetGateways.get(target);
  if (igw)
    return { targetType: 'internet-gateway', state: igw.vpc === vpc ? 'active' : 'blackhole', targetObject: igw };
  const eigw = ctx.eigws.get(target);
  if (eigw) {
    return {
      targetType: 'egress-only-internet-gateway',
      state: eigw.vpc === vpc ? 'active' : 'blackhole',
      targetObject: eigw,
    };
  }
  const nat = ctx.natGateways.get(target);
  if (nat)
    return {
      targetType: 'nat-gateway',
      state: nat.available && nat.vpc === vpc ? 'active' : 'blackhole',
      targetObject: nat,
    };
  const inst = ctx.instances.get(target);
  if (inst) {
    const state = inst.running && inst.primaryEni.vpc === vpc ? 'active' : 'blackhole';
    return { targetType: 'instance', state, targetObject: inst.primaryEni };
  }
  const eni = ctx.enis.get(target);
  if (eni) {
    const running = eni.instance ? eni.instance.running : true;
    return {
      targetType: 'network-interface',
      state: running && eni.vpc === vpc ? 'active' : 'blackhole',
      targetObject: eni,
    };
  }
  const pcx = ctx.peerings.get(target);
  if (pcx) {
    // A peering that does not join this VPC, or that is gone, makes a blackhole route; a pending one is
    // a usable route to a component in a bad state (semantics.md 8.1 rule 2).
    const joins = pcx.requester === vpc || pcx.accepter === vpc;
    const gone = ['deleted', 'rejected', 'failed', 'expired'].includes(pcx.status);
    return { targetType: 'vpc-peering-connection', state: joins && !gone ? 'active' : 'blackhole', targetObject: pcx };
  }
  const tgw = ctx.transitGateways.get(target);
  if (tgw) {
    // Usable only when this VPC has an attachment to the transit gateway (semantics.md 2.4).
    const attached = tgw.attachmentOfVpc.has(vpc);
    return { targetType: 'transit-gateway', state: attached ? 'active' : 'blackhole', targetObject: tgw };
  }
  const gwe = ctx.gatewayEndpoints.get(target);
  if (gwe) return { targetType: 'vpc-endpoint', state: gwe.vpc === vpc ? 'active' : 'blackhole', targetObject: gwe };
  const other = ctx.otherResources.get(target);
  if (other) return { targetType: other, state: 'active' };
  // A target id that names nothing: AWS shows routes to deleted targets as blackholes.
  return { targetType: 'unknown', state: 'blackhole' };
}

function compileRouteTable(
  id: string,
  name: string | undefined,
  path: string,
  vpc: CVpc,
  implicit: boolean,
  main: boolean,
  routes: Route[],
  endpointRoutes: Route[],
  prefixLists: Map<string, Cidr[]>,
  ctx: TargetContext,
): CRouteTable {
  type RawRoute = Omit<CRoute, 'ref'>;
  const out: RawRoute[] = [];
  const local = new Map<string, RawRoute>();
  for (const c of [...vpc.cidrs4, ...vpc.cidrs6]) {
    const r: RawRoute = {
      destination: c.text,
      cidr: c,
      target: 'local',
      targetType: 'local',
      origin: 'local',
      rank: RANK_LOCAL,
      state: 'active',
      implicit: true,
      docIndex: -1,
    };
    local.set(c.text, r);
  }
  routes.forEach((r, k) => {
    const rpath = implicit ? undefined : `${path}.routes[${k}]`;
    const { targetType, state, targetObject } = resolveTarget(r.target, vpc, ctx);
    const resolved = targetObject ? { targetObject } : {};
    const propagated = r.propagated === true;
    if (r.destination.includes('/')) {
      const cidr = parseCidrLoose(r.destination);
      if (!cidr) return;
      const vpcCidr = local.get(cidr.text);
      if (vpcCidr) {
        // The local route cannot be duplicated; a route to the VPC CIDR with another target replaces
        // the local route's target (middlebox inspection, semantics.md 2.2 rule 2).
        if (r.target !== 'local') {
          local.set(cidr.text, {
            ...vpcCidr,
            target: r.target,
            targetType,
            ...resolved,
            state,
            origin: 'static',
            implicit: false,
            docIndex: k,
            ...(rpath ? { path: rpath } : {}),
          });
        }
        return;
      }
      out.push({
        destination: r.destination,
        cidr,
        target: r.target,
        targetType,
        ...resolved,
        origin: propagated ? 'propagated' : 'static',
        rank: propagated ? RANK_PROPAGATED : RANK_STATIC,
        state,
        implicit: false,
        docIndex: k,
        ...(rpath ? { path: rpath } : {}),
      });
    } else {
      for (const cidr of prefixLists.get(r.destination) ?? []) {
        out.push({
          destination: r.destination,
          cidr,
          target: r.target,
          targetType,
          ...resolved,
          origin: 'prefixList',
          rank: RANK_PREFIX_LIST,
          state,
          implicit: false,
          docIndex: k,
          prefixListId: r.destination,
          ...(rpath ? { path: rpath } : {}),
        });
      }
    }
  });
  endpointRoutes.forEach((r) => {
    const { targetType, state, targetObject } = resolveTarget(r.target, vpc, ctx);
    for (const cidr of prefixLists.get(r.destination) ?? []) {
      out.push({
        destination: r.destination,
        cidr,
        target: r.target,
        targetType,
        ...(targetObject ? { targetObject } : {}),
        origin: 'gatewayEndpoint',
        rank: RANK_PREFIX_LIST,
        state,
        implicit: true,
        docIndex: routes.length,
        prefixListId: r.destination,
      });
    }
  });
  const all: CRoute[] = [...local.values(), ...out].map((r) => ({
    ...r,
    ref: Object.freeze({
      routeTableId: id,
      destination: r.prefixListId ? `${r.prefixListId} (${r.cidr.text})` : r.destination,
      target: r.target,
      targetType: r.targetType,
      origin: r.origin,
      state: r.state,
      ...(r.implicit || implicit ? { implicit: true } : {}),
    }),
  }));
  return {
    id,
    ref: componentRef(id, 'route-table', name),
    ...optName(name),
    path,
    vpc,
    implicit,
    main,
    routes: all,
    lpm4: buildLpm4(all),
    lpm6: buildLpm6(all),
  };
}

/** Orders routes with the same prefix: local, static, prefix list, propagated; then list id, then document order. */
export function compareRoutePriority(a: CRoute, b: CRoute): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  const pa = a.prefixListId ?? '';
  const pb = b.prefixListId ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.docIndex - b.docIndex;
}

function buildLpm4(routes: CRoute[]): Lpm4 {
  const byPrefix = new Map<number, Map<number, CRoute[]>>();
  for (const r of routes) {
    if (r.cidr.family !== 4) continue;
    let m = byPrefix.get(r.cidr.prefix);
    if (!m) byPrefix.set(r.cidr.prefix, (m = new Map<number, CRoute[]>()));
    const list = m.get(r.cidr.network);
    if (list) list.push(r);
    else m.set(r.cidr.network, [r]);
  }
  const prefixes = [...byPrefix.keys()].sort((a, b) => b - a);
  for (const m of byPrefix.values()) for (const list of m.values()) list.sort(compareRoutePriority);
  return {
    prefixes,
    masks: prefixes.map((p) => (p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0)),
    buckets: prefixes.map((p) => byPrefix.get(p)!),
  };
}

function buildLpm6(routes: CRoute[]): Lpm6 {
  const byPrefix = new Map<number, Map<bigint, CRoute[]>>();
  for (const r of routes) {
    if (r.cidr.family !== 6) continue;
    let m = byPrefix.get(r.cidr.prefix);
    if (!m) byPrefix.set(r.cidr.prefix, (m = new Map<bigint, CRoute[]>()));
    const key = r.cidr.network >> BigInt(128 - r.cidr.prefix);
    const list = m.get(key);
    if (list) list.push(r);
    else m.set(key, [r]);
  }
  const prefixes = [...byPrefix.keys()].sort((a, b) => b - a);
  for (const m of byPrefix.values()) for (const list of m.values()) list.sort(compareRoutePriority);
  return {
    prefixes,
    shifts: prefixes.map((p) => BigInt(128 - p)),
    buckets: prefixes.map((p) => byPrefix.get(p)!),
  };
}

/** True when the address lies in one of the VPC's CIDR blocks. */
export function vpcContains(vpc: CVpc, ip: IpAddress): boolean {
  const list: Cidr[] = ip.family === 4 ? vpc.cidrs4 : vpc.cidrs6;
  for (const c of list) if (cidrContains(c, ip)) return true;
  return false;
}

/** Transit gateways, their attachments, and their route tables with static and propagated routes (semantics.md 9). */
function compileTransitGateways(
  t: Topology,
  vpcs: Map<string, CVpc>,
  subnets: Map<string, CSubnet>,
  prefixListsIn: (region: string) => Map<string, Cidr[]>,
): {
  transitGateways: Map<string, CTransitGateway>;
  tgwAttachments: Map<string, CTgwAttachment>;
  tgwRouteTables: Map<string, CTgwRouteTable>;
  skippedPropagations: Diagnostic[];
} {
  const skippedPropagations: Diagnostic[] = [];
  const transitGateways = new Map<string, CTransitGateway>();
  const tgwAttachments = new Map<string, CTgwAttachment>();
  const tgwRouteTables = new Map<string, CTgwRouteTable>();
  (t.transitGateways ?? []).forEach((g, i) => {
    transitGateways.set(g.id, {
      id: g.id,
      ref: componentRef(g.id, 'transit-gateway', g.name),
      path: `topology.transitGateways[${i}]`,
      sgRefSupport: g.securityGroupReferencingSupport === true,
      attachments: [],
      attachmentOfVpc: new Map(),
    });
  });
  (t.transitGatewayAttachments ?? []).forEach((a, i) => {
    const tgw = transitGateways.get(a.transitGatewayId);
    if (!tgw) return;
    const vpc = a.vpcId === undefined ? undefined : vpcs.get(a.vpcId);
    const state = a.state ?? 'available';
    const peerTgw = a.peerTransitGatewayId === undefined ? undefined : transitGateways.get(a.peerTransitGatewayId);
    const att: CTgwAttachment = {
      ...(peerTgw ? { peerTgw } : {}),
      tableByTgw: new Map(),
      id: a.id,
      ref: componentRef(a.id, 'transit-gateway-attachment', a.name),
      path: `topology.transitGatewayAttachments[${i}]`,
      tgw,
      type: a.type,
      ...(vpc ? { vpc } : {}),
      subnets: (a.subnetIds ?? []).map((id) => subnets.get(id)).filter((s): s is CSubnet => s !== undefined),
      state,
      available: state === 'available' || state === 'modifying',
      applianceMode: a.applianceMode === true,
    };
    tgw.attachments.push(att);
    if (vpc && a.type === 'vpc' && !tgw.attachmentOfVpc.has(vpc)) tgw.attachmentOfVpc.set(vpc, att);
    tgwAttachments.set(a.id, att);
  });
  (t.transitGatewayRouteTables ?? []).forEach((rt, i) => {
    const tgw = transitGateways.get(rt.transitGatewayId);
    if (!tgw) return;
    // A transit gateway is regional; the format gives it no region, so it is that of its VPCs.
    const prefixLists = prefixListsIn(tgw.attachments.find((a) => a.vpc)?.vpc?.region ?? DEFAULT_REGION);
    const routes: CTgwRoute[] = [];
    const make = (
      cidr: Cidr,
      destination: string,
      type: 'static' | 'propagated',
      docIndex: number,
      attachment: CTgwAttachment | undefined,
      blackhole: boolean,
    ): CTgwRoute => ({
      ref: Object.freeze({
        routeTableId: rt.id,
        destination,
        ...(attachment ? { attachmentId: attachment.id } : {}),
        type,
        blackhole,
      }),
      cidr,
      ...(attachment ? { attachment } : {}),
      blackhole,
      rank: type === 'static' ? 0 : 1,
      docIndex,
    });
    const staticKeys = new Set<string>();
    (rt.routes ?? []).forEach((r, k) => {
      const cidrs = r.destination.includes('/')
        ? [parseCidrLoose(r.destination)].filter((c): c is Cidr => c !== undefined)
        : (prefixLists.get(r.destination) ?? []);
      const attachment = r.attachmentId === undefined ? undefined : tgwAttachments.get(r.attachmentId);
      for (const cidr of cidrs) {
        staticKeys.add(cidr.text);
        const destination = r.destination.includes('/') ? r.destination : `${r.destination} (${cidr.text})`;
        // A static route to an attachment that does not exist drops like a blackhole.
        routes.push(make(cidr, destination, 'static', k, attachment, r.blackhole === true || !attachment));
      }
    });
    // Propagated VPC CIDRs; one that overlaps a CIDR already propagated by another attachment is not installed.
    const propagated: { cidr: Cidr; attachment: CTgwAttachment }[] = [];
    (rt.propagations ?? []).forEach((id, k) => {
      const att = tgwAttachments.get(id);
      if (!att?.vpc || att.type !== 'vpc') return;
      for (const cidr of [...att.vpc.cidrs4, ...att.vpc.cidrs6]) {
        if (staticKeys.has(cidr.text)) continue;
        const clash = propagated.find((p) => p.attachment !== att && cidrsOverlapLocal(p.cidr, cidr));
        if (clash) {
          skippedPropagations.push({
            code: 'SIM_TGW_PROPAGATION_SKIPPED_OVERLAP',
            severity: 'warning',
            resourceId: rt.id,
            path: `topology.transitGatewayRouteTables[${i}].propagations[${k}]`,
            message: `${rt.id} does not install ${cidr.text} from ${att.id}: it overlaps ${clash.cidr.text}, already propagated from ${clash.attachment.id}. A transit gateway cannot route between overlapping VPCs.`,
          });
          continue;
        }
        propagated.push({ cidr, attachment: att });
        routes.push(make(cidr, cidr.text, 'propagated', 1000 + k, att, false));
      }
    });
    const table: CTgwRouteTable = {
      id: rt.id,
      ref: componentRef(rt.id, 'transit-gateway-route-table', rt.name),
      path: `topology.transitGatewayRouteTables[${i}]`,
      tgw,
      routes: [...routes].sort((a, b) => b.cidr.prefix - a.cidr.prefix || a.rank - b.rank || a.docIndex - b.docIndex),
      routesAsWritten: routes,
    };
    tgwRouteTables.set(rt.id, table);
    for (const id of rt.associations ?? []) {
      const att = tgwAttachments.get(id);
      if (!att || att.tableByTgw.has(tgw)) continue;
      att.tableByTgw.set(tgw, table);
      if (att.tgw === tgw) att.table = table;
    }
  });
  return { transitGateways, tgwAttachments, tgwRouteTables, skippedPropagations };
}

function cidrsOverlapLocal(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network <= b.last && b.network <= a.last;
}
