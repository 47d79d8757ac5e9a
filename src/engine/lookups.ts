/**
 * The lookups the path walker asks: route selection, NACL and security-group rule matching, and the
 * device at an address. Two implementations answer them: the indexed one (compiled buckets and maps) and
 * a naive reference (linear scans, sort-then-first-match) used by property tests and benchmarks.
 * Pure functions over the compiled network; nothing here mutates it.
 */
import {
  cidrContains,
  portSetIntersectRange,
  portSetSubtract,
  portSetUnion,
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
  type CTgwRoute,
  type CTgwRouteTable,
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
  isMember: (vpc: CVpc, sgId: string, ip: IpAddress) => boolean,
): SgMatch | undefined {
  const peerAddr = egress ? pkt.dst : pkt.src;
  const proto = pkt.proto;
  for (const sg of eni.sgs) {
    for (const rule of egress ? sg.outbound : sg.inbound) {
      if (rule.proto !== PROTO_ALL && rule.proto !== proto) continue;
      if (!sgRuleMatchesTraffic(rule, pkt)) continue;
      const peer = rule.peer;
      switch (peer.kind) {
        case 'cidr': {
          const c = peer.cidr;
          if (c.family === peerAddr.family && peerAddr.value >= c.network && peerAddr.value <= c.last) return rule;
          break;
        }
        case 'prefix-list':
          for (const c of peer.cidrs) if (c.family === pkt.family && cidrContains(c, peerAddr)) return rule;
          break;
        case 'sg':
          // A reference stands for the private addresses of the member interfaces, and only while the
          // sender's address is still the member's own (no NAT or middlebox on the way).
          if (refVpc && isMember(refVpc, peer.sgId, peerAddr)) return rule;
          break;
      }
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

/** The indexed lookups: bucketed longest-prefix match, pre-sorted NACLs, address maps. */
export function indexedLookups(net: Network): Lookups {
  return {
    lookupRoute: lookupLpm,
    evaluateNacl: (nacl, egress, pkt) => evaluateNaclRules(egress ? nacl.outbound : nacl.inbound, egress, pkt),
    matchSecurityGroups: (eni, egress, pkt, refVpc) =>
      matchSecurityGroupRules(eni, egress, pkt, refVpc, indexedIsMember),
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
      // Sorted longest prefix first at compile time: the first route that contains the address wins.
      for (const r of table.routes) if (cidrContains(r.cidr, dst)) return r;
      return undefined;
    },
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
 * port range at a time, addresses by scanning every device.
 */
export function naiveLookups(net: Network): Lookups {
  const t = net.topology;
  const deviceAt = (vpc: CVpc, ip: IpAddress): CDevice | undefined => {
    for (const d of vpc.devices) {
      if (d.kind === 'eni') {
        if (ip.family === 4 ? d.ips4.includes(ip.value) : d.ips6.includes(ip.value)) return d;
      } else if (ip.family === 4 && d.ip4 === ip.value) return d;
    }
    return undefined;
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
      for (const r of table.routesAsWritten) {
        if (!cidrContains(r.cidr, dst)) continue;
        if (
          !best ||
          r.cidr.prefix > best.cidr.prefix ||
          (r.cidr.prefix === best.cidr.prefix &&
            (r.rank < best.rank || (r.rank === best.rank && r.docIndex < best.docIndex)))
        ) {
          best = r;
        }
      }
      return best;
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
