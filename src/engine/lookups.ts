/**
 * The lookups the path walker asks: route selection, NACL and security-group rule matching, and the
 * device at an address. Two implementations answer them: the indexed one (compiled buckets and maps) and
 * a naive reference (linear scans, sort-then-first-match) used by property tests and benchmarks.
 * Pure functions over the compiled network; nothing here mutates it.
 */
import {
  cidrContains,
  cidrsOverlap,
  portSetIntersectRange,
  portSetSubtract,
  portSetUnion,
  type Cidr,
  type IpAddress,
  type PortRange,
  type PortSet,
} from '../lib/index.ts';
import { PROTO_ALL, PROTO_ICMP, PROTO_ICMPV6, hasPorts } from './builtins.ts';
import {
  compareRoutePriority,
  type EndpointRef,
  type CDevice,
  type CEigw,
  type CIgw,
  type CTgwAttachment,
  type CTgwRoute,
  type CTgwRouteTable,
  type CTransitGateway,
  type CSubnet,
  type RouteTargetObject,
  type CEni,
  type CNacl,
  type CNaclRule,
  type CPublicMapping,
  type CRoute,
  type CRouteTable,
  type CSgRule,
  type CVpc,
  type Network,
} from './compile.ts';

/** A packet as the walker carries it. Port sets: the client's ephemeral range travels as a set. */
export interface Packet {
  readonly family: 4 | 6;
  /** IANA number; -1 = "all protocols". */
  readonly proto: number;
  readonly src: IpAddress;
  readonly dst: IpAddress;
  readonly sport: PortSet;
  readonly dport: PortSet;
  /** ICMP type and code; undefined for other protocols (always present, so every packet has one shape). */
  readonly icmpType: number | undefined;
  readonly icmpCode: number | undefined;
}

export interface NaclDecision {
  readonly ports: PortSet;
  readonly rule: CNaclRule;
}

export interface NaclOutcome {
  /** Ports (of the destination-port set) the NACL allows; for port-less protocols, `[{0,0}]` when allowed. */
  readonly allowed: PortSet;
  readonly denied: PortSet;
  /** Which rule decided which ports, in rule order. */
  readonly decisions: NaclDecision[];
}

/** The rule that allowed a packet; `sg` names its group. */
export type SgMatch = CSgRule;

export type { EndpointRef };

export interface Lookups {
  lookupRoute(rt: CRouteTable, dst: IpAddress): CRoute | undefined;
  evaluateNacl(nacl: CNacl, egress: boolean, pkt: Packet): NaclOutcome;
  /** The first rule of the interface's groups that allows the packet, or undefined. */
  /**
   * `refVpc` is the VPC whose interfaces a security-group reference stands for on this packet (the
   * sender's or receiver's, across a same-region peering too); undefined when no reference can match.
   */
  matchSecurityGroups(eni: CEni, egress: boolean, pkt: Packet, refVpc: CVpc | undefined): SgMatch | undefined;
  deviceAt(vpc: CVpc, ip: IpAddress): CDevice | undefined;
  publicIpOwner(ip: number): CPublicMapping | undefined;
  /** The subnet's route table: its explicit association, else the VPC's main table. */
  routeTableOf(subnet: CSubnet): CRouteTable;
  /** The subnet's network ACL: its explicit association, else the VPC's default NACL. */
  naclOf(subnet: CSubnet): CNacl;
  internetGatewayOf(vpc: CVpc): CIgw | undefined;
  egressOnlyGatewayOf(vpc: CVpc): CEigw | undefined;
  /** The gateway route table associated with an internet gateway (ingress routing), if any. */
  edgeRouteTableOf(igw: CIgw): CRouteTable | undefined;
  /** The gateway or device a route's target names. */
  routeTarget(route: CRoute): RouteTargetObject | undefined;
  /** An instance, network interface or external host by id. */
  endpoint(id: string): EndpointRef | undefined;
  /** Longest prefix match in a transit gateway route table; static before propagated on equal prefixes. */
  lookupTgwRoute(table: CTgwRouteTable, dst: IpAddress): CTgwRoute | undefined;
  /** The transit gateway's VPC attachment for a VPC (the first in document order when there are several). */
  tgwAttachmentOf(tgw: CTransitGateway, vpc: CVpc): CTgwAttachment | undefined;
  /** The route table an attachment is associated with on a transit gateway (a peering attachment has one per side). */
  tgwRouteTableOf(att: CTgwAttachment, tgw: CTransitGateway): CTgwRouteTable | undefined;
}

/** The unit port set used for protocols without ports, so "allowed" stays a set. */
export const NO_PORTS: PortSet = [{ from: 0, to: 0 }];

function icmpMatches(rule: { icmpType?: number; icmpCode?: number }, pkt: Packet): boolean {
  if (rule.icmpType !== undefined && rule.icmpType !== -1 && rule.icmpType !== pkt.icmpType) return false;
  if (rule.icmpCode !== undefined && rule.icmpCode !== -1 && rule.icmpCode !== pkt.icmpCode) return false;
  return true;
}

/**
 * Protocol part of a rule match, ports aside. A query for protocol `all` is matched only by rules for
 * all protocols: it asks whether traffic of any protocol gets through.
 */
export function protocolMatches(rule: { proto: number; icmpType?: number; icmpCode?: number }, pkt: Packet): boolean {
  if (rule.proto === PROTO_ALL) return true;
  if (pkt.proto === PROTO_ALL || rule.proto !== pkt.proto) return false;
  if (rule.proto === PROTO_ICMP || rule.proto === PROTO_ICMPV6) return icmpMatches(rule, pkt);
  return true;
}

/** The NACL's decision for every port of the packet's destination-port set, first match wins per port. */
export function evaluateNaclRules(rules: readonly CNaclRule[], egress: boolean, pkt: Packet): NaclOutcome {
  const ported = hasPorts(pkt.proto);
  const dport = pkt.dport;
  if (!ported || (dport.length === 1 && dport[0]!.from === dport[0]!.to))
    return evaluateSinglePort(rules, egress, pkt, ported);
  const addr = egress ? pkt.dst : pkt.src;
  const family = pkt.family;
  const value = addr.value;
  let remaining: PortSet = dport;
  let allowed: PortSet = [];
  const decisions: NaclDecision[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const c = rule.cidr;
    if (c.family !== family || value < c.network || value > c.last) continue;
    if (rule.proto !== PROTO_ALL && (rule.proto !== pkt.proto || !protocolMatches(rule, pkt))) continue;
    const ports = rule.proto === PROTO_ALL ? undefined : rule.ports;
    if (ports && !overlaps(remaining, ports)) continue;
    const covered = !ports || containsAll(ports, remaining) ? remaining : portSetIntersectRange(remaining, ports);
    decisions.push({ ports: covered, rule });
    if (rule.action === 'allow') allowed = allowed.length === 0 ? covered : portSetUnion(allowed, covered);
    remaining = covered === remaining ? [] : portSetSubtract(remaining, covered);
    if (remaining.length === 0) break;
  }
  return { allowed, denied: portSetSubtract(dport, allowed), decisions };
}

/** The range holds every port of the set (the set is sorted, so its ends decide). */
function containsAll(r: PortRange, set: PortSet): boolean {
  return set.length > 0 && r.from <= set[0]!.from && r.to >= set[set.length - 1]!.to;
}

function overlaps(set: PortSet, r: PortRange): boolean {
  for (let i = 0; i < set.length; i++) {
    const x = set[i]!;
    if (x.from <= r.to && x.to >= r.from) return true;
  }
  return false;
}

/** The common case: one destination port (or a protocol without ports), decided by a single rule. */
function evaluateSinglePort(rules: readonly CNaclRule[], egress: boolean, pkt: Packet, ported: boolean): NaclOutcome {
  const addr = egress ? pkt.dst : pkt.src;
  const family = pkt.family;
  const value = addr.value;
  const proto = pkt.proto;
  const all = ported ? pkt.dport : NO_PORTS;
  const port = ported ? all[0]!.from : 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const c = rule.cidr;
    // Inlined CIDR and protocol tests: this loop runs for every NACL crossing.
    if (c.family !== family || value < c.network || value > c.last) continue;
    if (rule.proto !== PROTO_ALL) {
      if (rule.proto !== proto) continue;
      if (!protocolMatches(rule, pkt)) continue;
      if (ported && rule.ports && (port < rule.ports.from || port > rule.ports.to)) continue;
    }
    const decisions = [{ ports: all, rule }];
    return rule.action === 'allow' ? { allowed: all, denied: [], decisions } : { allowed: [], denied: all, decisions };
  }
  return { allowed: [], denied: all, decisions: [] };
}

// ------------------------------------------------------------------------------ packed NACL rules

/**
 * A NACL direction's rules (sorted) packed into one Int32Array, STRIDE slots a rule, so the first-match
 * scan over IPv4 reads contiguous memory instead of chasing a rule object and its CIDR object per rule:
 * on large networks those objects are rarely in cache, and the pointer chasing dominated evaluation.
 * Addresses are stored with the sign bit flipped, so signed comparison keeps unsigned order.
 */
interface PackedRules {
  readonly data: Int32Array;
  readonly rules: readonly CNaclRule[];
}

const STRIDE = 8;
const SIGN = 0x80000000;
const F_ALLOW = 1;
const F_PORTS = 2;

function int32(n: number | undefined, fallback: number): number | undefined {
  if (n === undefined) return fallback;
  return Number.isInteger(n) && n >= -0x80000000 && n <= 0x7fffffff ? n : undefined;
}

/** Undefined when a rule holds a value the packed form cannot represent exactly (the object path decides). */
function packRules(rules: readonly CNaclRule[]): PackedRules | undefined {
  const data = new Int32Array(rules.length * STRIDE);
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    const b = i * STRIDE;
    if (r.cidr.family === 4) {
      data[b] = (r.cidr.network ^ SIGN) | 0;
      data[b + 1] = (r.cidr.last ^ SIGN) | 0;
    } else {
      // An IPv6 rule never matches an IPv4 packet: an empty range.
      data[b] = 0x7fffffff;
      data[b + 1] = -0x80000000;
    }
    const proto = int32(r.proto, -1);
    const from = int32(r.ports?.from, 0);
    const to = int32(r.ports?.to, 65535);
    const type = int32(r.icmpType, -1);
    const code = int32(r.icmpCode, -1);
    if (proto === undefined || from === undefined || to === undefined || type === undefined || code === undefined)
      return undefined;
    data[b + 2] = proto;
    data[b + 3] = from;
    data[b + 4] = to;
    data[b + 5] = type;
    data[b + 6] = code;
    data[b + 7] = (r.action === 'allow' ? F_ALLOW : 0) | (r.ports && r.proto !== PROTO_ALL ? F_PORTS : 0);
  }
  return { data, rules };
}

/** `evaluateNaclRules` over packed rules, for IPv4 packets: the same outcome, decision for decision. */
function evaluatePacked(p: PackedRules, egress: boolean, pkt: Packet): NaclOutcome {
  const d = p.data;
  const end = d.length;
  const addr = egress ? pkt.dst : pkt.src;
  // (Called for IPv4 packets only; the guard keeps the type checker's bigint out.)
  const v = addr.family === 4 ? (addr.value ^ SIGN) | 0 : 0;
  const proto = pkt.proto;
  const ported = hasPorts(proto);
  const dport = pkt.dport;
  if (!ported || (dport.length === 1 && dport[0]!.from === dport[0]!.to)) {
    const icmp = proto === PROTO_ICMP || proto === PROTO_ICMPV6;
    const icmpType = pkt.icmpType;
    const icmpCode = pkt.icmpCode;
    const port = ported ? dport[0]!.from : 0;
    const all = ported ? dport : NO_PORTS;
    for (let b = 0; b < end; b += STRIDE) {
      if (v < d[b]! || v > d[b + 1]!) continue;
      const rp = d[b + 2]!;
      if (rp !== PROTO_ALL) {
        if (rp !== proto) continue;
        if (icmp) {
          const t = d[b + 5]!;
          if (t !== -1 && t !== icmpType) continue;
          const c = d[b + 6]!;
          if (c !== -1 && c !== icmpCode) continue;
        }
        if (ported && (port < d[b + 3]! || port > d[b + 4]!)) continue;
      }
      const decisions = [{ ports: all, rule: p.rules[b / STRIDE]! }];
      return d[b + 7]! & F_ALLOW ? { allowed: all, denied: [], decisions } : { allowed: [], denied: all, decisions };
    }
    return { allowed: [], denied: all, decisions: [] };
  }
  // A port set (the client's ephemeral range on a reply): ported protocols only, so no ICMP fields.
  let remaining: PortSet = dport;
  let allowed: PortSet = [];
  const decisions: NaclDecision[] = [];
  for (let b = 0; b < end; b += STRIDE) {
    if (v < d[b]! || v > d[b + 1]!) continue;
    const rp = d[b + 2]!;
    if (rp !== PROTO_ALL && rp !== proto) continue;
    const rule = p.rules[b / STRIDE]!;
    let covered = remaining;
    if (d[b + 7]! & F_PORTS) {
      const from = d[b + 3]!;
      const to = d[b + 4]!;
      if (!overlapsBounds(remaining, from, to)) continue;
      if (remaining.length === 0 || from > remaining[0]!.from || to < remaining[remaining.length - 1]!.to)
        covered = portSetIntersectRange(remaining, rule.ports!);
    }
    decisions.push({ ports: covered, rule });
    if (d[b + 7]! & F_ALLOW) allowed = allowed.length === 0 ? covered : portSetUnion(allowed, covered);
    remaining = covered === remaining ? [] : portSetSubtract(remaining, covered);
    if (remaining.length === 0) break;
  }
  return { allowed, denied: portSetSubtract(dport, allowed), decisions };
}

function overlapsBounds(set: PortSet, from: number, to: number): boolean {
  for (let i = 0; i < set.length; i++) {
    const x = set[i]!;
    if (x.from <= to && x.to >= from) return true;
  }
  return false;
}

function portOf(pkt: Packet): number {
  return pkt.dport[0]?.from ?? 0;
}

function sgRuleMatchesTraffic(rule: CSgRule, pkt: Packet): boolean {
  if (!protocolMatches(rule, pkt)) return false;
  if (rule.ports && hasPorts(pkt.proto)) {
    const p = portOf(pkt);
    if (p < rule.ports.from || p > rule.ports.to) return false;
  }
  return true;
}

/**
 * Security groups are allow-only and unioned: the packet passes if any rule of any group allows it
 * (semantics.md 4.2). `isMember(sgId, ip)` answers security-group references.
 */
export function matchSecurityGroupRules(
  eni: CEni,
  egress: boolean,
  pkt: Packet,
  refVpc: CVpc | undefined,
  isMember: IsMember,
): SgMatch | undefined {
  const peerAddr = egress ? pkt.dst : pkt.src;
  for (const sg of eni.sgs) {
    const hit = matchRuleList(egress ? sg.outbound : sg.inbound, pkt, peerAddr, refVpc, isMember);
    if (hit) return hit;
  }
  return undefined;
}

/** The first rule of one group's list that allows the packet. */
function matchRuleList(
  rules: readonly CSgRule[],
  pkt: Packet,
  peerAddr: IpAddress,
  refVpc: CVpc | undefined,
  isMember: IsMember,
): CSgRule | undefined {
  const proto = pkt.proto;
  for (const rule of rules) {
    if (rule.proto !== PROTO_ALL && rule.proto !== proto) continue;
    if (!sgRuleMatchesTraffic(rule, pkt)) continue;
    if (sgPeerMatches(rule, peerAddr, refVpc, isMember)) return rule;
  }
  return undefined;
}

type IsMember = (vpc: CVpc, sgId: string, ip: IpAddress) => boolean;

/** The peer part of a rule: the other end's address is in its CIDR or list, or holds a member of its group. */
function sgPeerMatches(rule: CSgRule, peerAddr: IpAddress, refVpc: CVpc | undefined, isMember: IsMember): boolean {
  const peer = rule.peer;
  switch (peer.kind) {
    case 'cidr': {
      const c = peer.cidr;
      return c.family === peerAddr.family && peerAddr.value >= c.network && peerAddr.value <= c.last;
    }
    case 'prefix-list':
      for (const c of peer.cidrs) if (c.family === peerAddr.family && cidrContains(c, peerAddr)) return true;
      return false;
    case 'sg':
      // A reference stands for the private addresses of the member interfaces, and only while the
      // sender's address is still the member's own (no NAT or middlebox on the way).
      return refVpc !== undefined && isMember(refVpc, peer.sgId, peerAddr);
  }
}

// ----------------------------------------------------------------------- packed security-group rules

/** A group direction's rules packed like NACL rules (same STRIDE and address encoding), for IPv4. */
interface PackedSgRules {
  readonly data: Int32Array;
  readonly rules: readonly CSgRule[];
}

/** Peer kinds in the packed form: an IPv4 CIDR decides in the array; the others ask the rule object. */
const PEER_CIDR4 = 0;
const PEER_CIDR6 = 1;
const PEER_OTHER = 2;

function packSgRules(rules: readonly CSgRule[]): PackedSgRules | undefined {
  const data = new Int32Array(rules.length * STRIDE);
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    const b = i * STRIDE;
    const proto = int32(r.proto, -1);
    // Ports count only for rules of one protocol (compile drops them on `all` rules).
    const ported = r.ports !== undefined && r.proto !== PROTO_ALL;
    const from = int32(ported ? r.ports.from : undefined, 0);
    const to = int32(ported ? r.ports.to : undefined, 65535);
    const type = int32(r.icmpType, -1);
    const code = int32(r.icmpCode, -1);
    if (proto === undefined || from === undefined || to === undefined || type === undefined || code === undefined)
      return undefined;
    const peer = r.peer;
    if (peer.kind === 'cidr' && peer.cidr.family === 4) {
      data[b] = (peer.cidr.network ^ SIGN) | 0;
      data[b + 1] = (peer.cidr.last ^ SIGN) | 0;
    }
    data[b + 2] = proto;
    data[b + 3] = from;
    data[b + 4] = to;
    data[b + 5] = type;
    data[b + 6] = code;
    data[b + 7] = peer.kind !== 'cidr' ? PEER_OTHER : peer.cidr.family === 4 ? PEER_CIDR4 : PEER_CIDR6;
  }
  return { data, rules };
}

/** The first rule of a packed list that allows an IPv4 packet (`matchSecurityGroupRules` on one list). */
function matchPackedSg(
  p: PackedSgRules,
  pkt: Packet,
  peerAddr: IpAddress,
  refVpc: CVpc | undefined,
  isMember: IsMember,
): CSgRule | undefined {
  const d = p.data;
  const end = d.length;
  const v = peerAddr.family === 4 ? (peerAddr.value ^ SIGN) | 0 : 0;
  const proto = pkt.proto;
  const ported = hasPorts(proto);
  const port = portOf(pkt);
  const icmp = proto === PROTO_ICMP || proto === PROTO_ICMPV6;
  for (let b = 0; b < end; b += STRIDE) {
    const rp = d[b + 2]!;
    if (rp !== PROTO_ALL) {
      if (rp !== proto) continue;
      if (icmp) {
        const t = d[b + 5]!;
        if (t !== -1 && t !== pkt.icmpType) continue;
        const c = d[b + 6]!;
        if (c !== -1 && c !== pkt.icmpCode) continue;
      }
      if (ported && (port < d[b + 3]! || port > d[b + 4]!)) continue;
    }
    const kind = d[b + 7]!;
    if (kind === PEER_CIDR4) {
      if (v >= d[b]! && v <= d[b + 1]!) return p.rules[b / STRIDE];
    } else if (kind === PEER_OTHER) {
      const rule = p.rules[b / STRIDE]!;
      if (sgPeerMatches(rule, peerAddr, refVpc, isMember)) return rule;
    }
  }
  return undefined;
}

function lookupLpm(rt: CRouteTable, dst: IpAddress): CRoute | undefined {
  if (dst.family === 4) {
    const { masks, buckets } = rt.lpm4;
    for (let i = 0; i < masks.length; i++) {
      const hit = buckets[i]!.get((dst.value & masks[i]!) >>> 0);
      if (hit) return hit[0];
    }
    return undefined;
  }
  const { shifts, buckets } = rt.lpm6;
  for (let i = 0; i < shifts.length; i++) {
    const hit = buckets[i]!.get(dst.value >> shifts[i]!);
    if (hit) return hit[0];
  }
  return undefined;
}

function indexedDeviceAt(vpc: CVpc, ip: IpAddress): CDevice | undefined {
  return ip.family === 4 ? vpc.devices4.get(ip.value) : vpc.devices6.get(ip.value);
}

/** Security-group membership through the address map: the interface at the address is in the group. */
function indexedIsMember(vpc: CVpc, sgId: string, ip: IpAddress): boolean {
  const d = indexedDeviceAt(vpc, ip);
  return d !== undefined && d.kind === 'eni' && d.sgIds.has(sgId);
}

/** A transit gateway route table's routes bucketed like a VPC table's: longest prefix first. */
interface TgwLpm {
  readonly masks: number[];
  readonly buckets4: Map<number, CTgwRoute>[];
  readonly shifts: bigint[];
  readonly buckets6: Map<bigint, CTgwRoute>[];
}

function buildTgwLpm(table: CTgwRouteTable): TgwLpm {
  const by4 = new Map<number, Map<number, CTgwRoute>>();
  const by6 = new Map<number, Map<bigint, CTgwRoute>>();
  // `routes` is sorted (prefix, then static before propagated, then document order): the first one wins.
  for (const r of table.routes) {
    const c = r.cidr;
    if (c.family === 4) {
      let m = by4.get(c.prefix);
      if (!m) by4.set(c.prefix, (m = new Map<number, CTgwRoute>()));
      if (!m.has(c.network)) m.set(c.network, r);
    } else {
      let m = by6.get(c.prefix);
      if (!m) by6.set(c.prefix, (m = new Map<bigint, CTgwRoute>()));
      const key = c.network >> BigInt(128 - c.prefix);
      if (!m.has(key)) m.set(key, r);
    }
  }
  const p4 = [...by4.keys()].sort((a, b) => b - a);
  const p6 = [...by6.keys()].sort((a, b) => b - a);
  return {
    masks: p4.map((p) => (p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0)),
    buckets4: p4.map((p) => by4.get(p)!),
    shifts: p6.map((p) => BigInt(128 - p)),
    buckets6: p6.map((p) => by6.get(p)!),
  };
}

function lookupTgwLpm(lpm: TgwLpm, dst: IpAddress): CTgwRoute | undefined {
  if (dst.family === 4) {
    const { masks, buckets4 } = lpm;
    for (let i = 0; i < masks.length; i++) {
      const hit = buckets4[i]!.get((dst.value & masks[i]!) >>> 0);
      if (hit) return hit;
    }
    return undefined;
  }
  const { shifts, buckets6 } = lpm;
  for (let i = 0; i < shifts.length; i++) {
    const hit = buckets6[i]!.get(dst.value >> shifts[i]!);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The indexed lookups: bucketed longest-prefix match, pre-sorted NACLs packed for IPv4, address maps.
 * The packed NACLs and the transit gateway buckets are built on first use and kept with these lookups
 * (the compiled network stays as compile made it).
 */
export function indexedLookups(net: Network): Lookups {
  const packed = new WeakMap<readonly CNaclRule[], PackedRules | null>();
  const packedSg = new WeakMap<readonly CSgRule[], PackedSgRules | null>();
  const tgwLpm = new WeakMap<CTgwRouteTable, TgwLpm>();
  return {
    lookupRoute: lookupLpm,
    evaluateNacl: (nacl, egress, pkt) => {
      const rules = egress ? nacl.outbound : nacl.inbound;
      if (pkt.family !== 4) return evaluateNaclRules(rules, egress, pkt);
      let p = packed.get(rules);
      if (p === undefined) packed.set(rules, (p = packRules(rules) ?? null));
      return p ? evaluatePacked(p, egress, pkt) : evaluateNaclRules(rules, egress, pkt);
    },
    matchSecurityGroups: (eni, egress, pkt, refVpc) => {
      if (pkt.family !== 4) return matchSecurityGroupRules(eni, egress, pkt, refVpc, indexedIsMember);
      const peerAddr = egress ? pkt.dst : pkt.src;
      for (const sg of eni.sgs) {
        const rules = egress ? sg.outbound : sg.inbound;
        let p = packedSg.get(rules);
        if (p === undefined) packedSg.set(rules, (p = packSgRules(rules) ?? null));
        const hit = p
          ? matchPackedSg(p, pkt, peerAddr, refVpc, indexedIsMember)
          : matchRuleList(rules, pkt, peerAddr, refVpc, indexedIsMember);
        if (hit) return hit;
      }
      return undefined;
    },
    deviceAt: indexedDeviceAt,
    publicIpOwner: (ip) => net.publicIps.get(ip),
    routeTableOf: (subnet) => subnet.routeTable,
    naclOf: (subnet) => subnet.nacl,
    internetGatewayOf: (vpc) => vpc.igw,
    egressOnlyGatewayOf: (vpc) => vpc.eigw,
    edgeRouteTableOf: (igw) => igw.edgeRouteTable,
    routeTarget: (route) => route.targetObject,
    endpoint: (id) => net.endpoints.get(id),
    lookupTgwRoute: (table, dst) => {
      let lpm = tgwLpm.get(table);
      if (!lpm) tgwLpm.set(table, (lpm = buildTgwLpm(table)));
      return lookupTgwLpm(lpm, dst);
    },
    tgwAttachmentOf: (tgw, vpc) => tgw.attachmentOfVpc.get(vpc),
    tgwRouteTableOf: (att, tgw) => att.tableByTgw.get(tgw),
  };
}

/** Longest-prefix match by scanning every route of the table (the reference for the buckets). */
export function lookupRouteByScan(routes: readonly CRoute[], dst: IpAddress): CRoute | undefined {
  let best: CRoute | undefined;
  for (const r of routes) {
    if (r.cidr.family !== dst.family || !cidrContains(r.cidr, dst)) continue;
    if (!best || r.cidr.prefix > best.cidr.prefix) best = r;
    else if (r.cidr.prefix === best.cidr.prefix && compareRoutePriority(r, best) < 0) best = r;
  }
  return best;
}

/** First match over the rules sorted by number, one port at a time (the reference for port-set evaluation). */
export function naclFirstMatch(
  rulesAsWritten: readonly CNaclRule[],
  egress: boolean,
  pkt: Packet,
  port: number,
): CNaclRule | undefined {
  const sorted = [...rulesAsWritten].sort((a, b) => a.ruleNumber - b.ruleNumber);
  const addr = egress ? pkt.dst : pkt.src;
  for (const rule of sorted) {
    if (rule.cidr.family !== pkt.family || !cidrContains(rule.cidr, addr)) continue;
    if (!protocolMatches(rule, pkt)) continue;
    if (
      hasPorts(pkt.proto) &&
      rule.ports &&
      rule.proto !== PROTO_ALL &&
      (port < rule.ports.from || port > rule.ports.to)
    )
      continue;
    return rule;
  }
  return undefined;
}

/** Splits a port set at every rule boundary, so one representative port decides each piece. */
function elementaryPieces(set: PortSet, rules: readonly CNaclRule[]): PortRange[] {
  const cuts = new Set<number>();
  for (const r of rules) {
    if (!r.ports) continue;
    cuts.add(r.ports.from);
    cuts.add(r.ports.to + 1);
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const out: PortRange[] = [];
  for (const range of set) {
    let start = range.from;
    for (const c of sortedCuts) {
      if (c > start && c <= range.to) {
        out.push({ from: start, to: c - 1 });
        start = c;
      }
    }
    out.push({ from: start, to: range.to });
  }
  return out;
}

/** Finds a compiled resource by id by walking the collection (the reference keeps no index). */
function scanById<T extends { id: string }>(items: Iterable<T>, id: string): T | undefined {
  for (const item of items) if (item.id === id) return item;
  return undefined;
}

/**
 * The naive reference: no indexes at all. Associations and ids are found by scanning the document's
 * arrays in order, routes by scanning every route, NACLs sorted at every evaluation and matched one
 * port range at a time, addresses by scanning every device of the network, transit gateway
 * attachments, associations and propagations by scanning the document's transit gateway arrays (the
 * propagated routes of a table are worked out again at every lookup).
 */
export function naiveLookups(net: Network): Lookups {
  const t = net.topology;
  const deviceAt = (vpc: CVpc, ip: IpAddress): CDevice | undefined => {
    // Every interface and NAT gateway of the network, in the order compile meets them: interfaces of
    // instances and standalone ones, then NAT gateways, then interface endpoints' interfaces.
    let endpointInterface: CEni | undefined;
    for (const e of net.enis.values()) {
      if (e.vpc !== vpc || !(ip.family === 4 ? e.ips4.includes(ip.value) : e.ips6.includes(ip.value))) continue;
      if (e.interfaceEndpointId === undefined) return e;
      endpointInterface ??= e;
    }
    if (ip.family === 4) for (const n of net.natGateways.values()) if (n.vpc === vpc && n.ip4 === ip.value) return n;
    return endpointInterface;
  };
  const table = (id: string): CRouteTable | undefined => scanById(net.routeTables.values(), id);
  const nacl = (id: string): CNacl | undefined => scanById(net.nacls.values(), id);
  const instanceEni = (id: string): CEni | undefined => scanById(net.instances.values(), id)?.primaryEni;
  return {
    lookupRoute: (rt, dst) => lookupRouteByScan(rt.routes, dst),
    evaluateNacl: (acl, egress, pkt) => {
      const rules = egress ? acl.outboundAsWritten : acl.inboundAsWritten;
      const ported = hasPorts(pkt.proto);
      const all = ported ? pkt.dport : NO_PORTS;
      const pieces = ported ? elementaryPieces(all, rules) : [...NO_PORTS];
      let allowed: PortSet = [];
      const byRule = new Map<CNaclRule, PortSet>();
      for (const piece of pieces) {
        const rule = naclFirstMatch(rules, egress, pkt, piece.from);
        if (!rule) continue;
        byRule.set(rule, portSetUnion(byRule.get(rule) ?? [], [piece]));
        if (rule.action === 'allow') allowed = portSetUnion(allowed, [piece]);
      }
      const order = [...rules].sort((a, b) => a.ruleNumber - b.ruleNumber);
      const decisions = order.filter((r) => byRule.has(r)).map((rule) => ({ ports: byRule.get(rule)!, rule }));
      return { allowed, denied: portSetSubtract(all, allowed), decisions };
    },
    matchSecurityGroups: (eni, egress, pkt, refVpc) =>
      matchSecurityGroupRules(eni, egress, pkt, refVpc, (vpc, sgId, ip) => {
        // The interface holding the address (the first one, as AWS allows only one) must be a member.
        const holder = deviceAt(vpc, ip);
        return holder !== undefined && holder.kind === 'eni' && holder.sgs.some((g) => g.id === sgId);
      }),
    deviceAt,
    publicIpOwner: (ip) => {
      // The first owner in document order: instances, then network interfaces, then NAT gateways.
      for (let rank = 0; rank < 3; rank++) {
        let best: CPublicMapping | undefined;
        let bestIndex = Infinity;
        for (const vpc of net.vpcList) {
          for (const d of vpc.devices) {
            const r = d.kind === 'nat' ? 2 : d.instance && d.instance.primaryEni === d ? 0 : 1;
            if (r !== rank || d.publicIp4 !== ip) continue;
            if (d.kind === 'eni' && d.ips4.length === 0) continue;
            const i = pathIndex(d.path);
            if (i >= bestIndex) continue;
            bestIndex = i;
            best = { publicIp: ip, device: d, privateIp: d.kind === 'eni' ? d.ips4[0]! : d.ip4 };
          }
        }
        if (best) return best;
      }
      return undefined;
    },
    routeTableOf: (subnet) => {
      const vpcId = subnet.vpc.id;
      for (const rt of t.routeTables ?? []) {
        if (rt.vpcId === vpcId && (rt.subnetIds ?? []).includes(subnet.id)) return table(rt.id)!;
      }
      for (const rt of t.routeTables ?? []) if (rt.vpcId === vpcId && rt.main === true) return table(rt.id)!;
      return table(`${vpcId}/rtb-main`)!;
    },
    naclOf: (subnet) => {
      const vpcId = subnet.vpc.id;
      for (const a of t.networkAcls ?? []) {
        if (a.vpcId === vpcId && (a.subnetIds ?? []).includes(subnet.id)) return nacl(a.id)!;
      }
      for (const a of t.networkAcls ?? []) if (a.vpcId === vpcId && a.default === true) return nacl(a.id)!;
      return nacl(`${vpcId}/acl-default`)!;
    },
    internetGatewayOf: (vpc) => {
      const g = (t.internetGateways ?? []).find((x) => x.vpcId === vpc.id);
      return g ? scanById(net.internetGateways.values(), g.id) : undefined;
    },
    egressOnlyGatewayOf: (vpc) => {
      const g = (t.egressOnlyInternetGateways ?? []).find((x) => x.vpcId === vpc.id);
      return g ? scanById(net.egressOnlyInternetGateways.values(), g.id) : undefined;
    },
    edgeRouteTableOf: (igw) => {
      for (const rt of t.routeTables ?? []) {
        if ((rt.gatewayIds ?? []).includes(igw.id) && scanById(net.vpcList, rt.vpcId)) return table(rt.id);
      }
      return undefined;
    },
    routeTarget: (route): RouteTargetObject | undefined => {
      switch (route.targetType) {
        case 'internet-gateway':
          return scanById(net.internetGateways.values(), route.target);
        case 'egress-only-internet-gateway':
          return scanById(net.egressOnlyInternetGateways.values(), route.target);
        case 'nat-gateway':
          return scanById(net.natGateways.values(), route.target);
        case 'instance':
          return instanceEni(route.target);
        case 'network-interface':
          return scanById(net.enis.values(), route.target);
        case 'vpc-peering-connection':
          return scanById(net.peerings.values(), route.target);
        case 'vpc-endpoint':
          return scanById(net.gatewayEndpoints.values(), route.target);
        case 'transit-gateway':
          return scanById(net.transitGateways.values(), route.target);
        default:
          return undefined;
      }
    },
    lookupTgwRoute: (table, dst) => {
      let best: CTgwRoute | undefined;
      const wins = (cidr: Cidr, rank: number, docIndex: number): boolean =>
        !best ||
        cidr.prefix > best.cidr.prefix ||
        (cidr.prefix === best.cidr.prefix && (rank < best.rank || (rank === best.rank && docIndex < best.docIndex)));
      // Static routes (one entry per CIDR of a prefix-list destination), as written.
      const statics = table.routesAsWritten.filter((r) => r.ref.type === 'static');
      for (const r of statics) if (cidrContains(r.cidr, dst) && wins(r.cidr, r.rank, r.docIndex)) best = r;
      // Propagated routes: the CIDRs of each VPC attachment the table lists, in order, except one with a
      // static route to the same CIDR, or one overlapping a CIDR another attachment propagated before
      // (semantics.md 9.2 rule 5).
      const doc = (t.transitGatewayRouteTables ?? [])[pathIndex(table.path)];
      const installed: { cidr: Cidr; att: CTgwAttachment }[] = [];
      (doc?.propagations ?? []).forEach((id, k) => {
        const att = scanById(net.tgwAttachments.values(), id);
        if (!att?.vpc || att.type !== 'vpc') return;
        for (const cidr of [...att.vpc.cidrs4, ...att.vpc.cidrs6]) {
          if (statics.some((r) => r.cidr.text === cidr.text)) continue;
          if (installed.some((p) => p.att !== att && cidrsOverlap(p.cidr, cidr))) continue;
          installed.push({ cidr, att });
          if (!cidrContains(cidr, dst) || !wins(cidr, 1, 1000 + k)) continue;
          const ref = {
            routeTableId: table.id,
            destination: cidr.text,
            attachmentId: att.id,
            type: 'propagated' as const,
          };
          best = {
            ref: { ...ref, blackhole: false },
            cidr,
            attachment: att,
            blackhole: false,
            rank: 1,
            docIndex: 1000 + k,
          };
        }
      });
      return best;
    },
    tgwAttachmentOf: (tgw, vpc) => {
      for (const a of t.transitGatewayAttachments ?? []) {
        if (a.transitGatewayId === tgw.id && a.type === 'vpc' && a.vpcId === vpc.id)
          return scanById(net.tgwAttachments.values(), a.id);
      }
      return undefined;
    },
    tgwRouteTableOf: (att, tgw) => {
      for (const rt of t.transitGatewayRouteTables ?? []) {
        if (rt.transitGatewayId === tgw.id && (rt.associations ?? []).includes(att.id))
          return scanById(net.tgwRouteTables.values(), rt.id);
      }
      return undefined;
    },
    endpoint: (id) => {
      let eni = instanceEni(id) ?? scanById(net.enis.values(), id);
      if (!eni) for (const e of net.enis.values()) if (e.interfaceEndpointId === id) eni ??= e;
      if (eni) return { kind: 'eni', eni };
      const host = scanById(net.externalHosts.values(), id);
      return host ? { kind: 'host', id: host.id, ip: host.ip } : undefined;
    },
  };
}

/** The index in a document path such as `topology.instances[12]`. */
function pathIndex(path: string): number {
  const m = /\[(\d+)\]$/.exec(path);
  return m ? Number(m[1]) : 0;
}
