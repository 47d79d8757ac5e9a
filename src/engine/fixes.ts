/**
 * suggestFixes: for every blocker of a trace, candidate edits that would remove it, each confirmed by
 * applying it to a copy of the topology and tracing again; ranked by how little extra traffic it opens.
 */
import { cidrContains, formatPortRange, parseCidrLoose, parseIp, type Cidr, type PortRange } from '../lib/index.ts';
import {
  applyFix,
  FORMAT_V1,
  nextFreePublicIp,
  primaryInterfaceIdOf,
  uniqueId,
  type Document,
  type FixEdit,
  type FixRoute,
  type Instance,
  type NaclRule,
  type NetworkInterface,
  type Topology,
  type TransitGatewayAttachment,
} from '../model/index.ts';
import { hasPorts } from './builtins.ts';
import type { ExplanationCode } from './codes.ts';
import { compile } from './compile.ts';
import { trace } from './trace.ts';
import type {
  Explanation,
  PacketHeader,
  PathComponent,
  PathDirection,
  TraceQuery,
  TraceResult,
  TrafficDirection,
  Verdict,
} from './types.ts';

/** The blocker a fix removes: an explanation of the trace, identified by code, component and direction. */
export interface FixBlocker {
  code: ExplanationCode;
  componentId: string;
  pathDirection: PathDirection;
  /** For security groups and NACLs: which list blocked. */
  direction?: TrafficDirection;
}

export interface FixSuggestion {
  /** Stable within one result (derived from the blocker and the edit). */
  id: string;
  blocker: FixBlocker;
  /** "Add route 0.0.0.0/0 → igw-a to rtb-private" */
  title: string;
  /** "Lets every host in subnet-app-a reach the internet" */
  opens: string;
  /** Lower = narrower (opens less extra traffic). */
  cost: number;
  edit: FixEdit;
  /** The verdict after applying this fix alone (it may reveal the next blocker). */
  verdictAfter: Verdict;
}

export interface SuggestFixesOptions {
  /** At most this many suggestions per blocker (default 3). */
  maxPerBlocker?: number;
}

/** The explanation codes suggestFixes generates candidates for; other codes get none. */
export const FIXABLE_CODES: readonly ExplanationCode[] = [
  'NO_ROUTE_TO_DESTINATION',
  'BAD_STATE_ROUTE',
  'SIM_TGW_BLACKHOLE_ROUTE',
  'SUBNET_ACL_RESTRICTION',
  'ENI_SG_RULES_MISMATCH',
  'SG_HAS_NO_RULES',
  'SG_REFERENCES_NOT_PRESERVED',
  'ENI_SOURCE_DEST_CHECK_RESTRICTION',
  'SIM_INSTANCE_NOT_RUNNING',
  'BAD_STATE',
  'BAD_STATE_ATTACHMENT',
  'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION',
  'TGW_ROUTE_AZ_RESTRICTION',
  'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
  'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
  'INGRESS_RTB_NO_PUBLIC_IP',
  'SIM_NO_ADDRESS_FOR_FAMILY',
  'SIM_NO_INTERNET_GATEWAY',
  'SIM_APPLIANCE_MODE_ASYMMETRY',
];

interface Candidate {
  edit: FixEdit;
  title: string;
  opens: string;
  cost: number;
}

/** The packet as it stands at one point of the path (addresses as text). */
interface Header {
  src: string;
  dst: string;
  sport: PortRange[];
  dport: PortRange[];
}

/** Codes a fix must never introduce: they mean the edit made the design loop, invalid or unmodelled. */
const BROKEN_CODES: ReadonlySet<ExplanationCode> = new Set<ExplanationCode>([
  'SIM_ROUTING_LOOP',
  'SIM_INVALID_CONFIG_ON_PATH',
  'SIM_UNSUPPORTED_TRANSIT',
  'SIM_UNSUPPORTED_TGW_HAIRPIN',
  'SIM_UNSUPPORTED_IGW_HAIRPIN',
]);

// Cost scale: an address scope costs 2 per host bit (a /32 costs 2, 0.0.0.0/0 costs 66), a port scope
// about 2 per doubling; a security-group reference is narrower than any CIDR.
const COST_SG_REFERENCE = 1;
const COST_STATE_CHANGE = 2;
const COST_PUBLIC_IP = 40;
const COST_NEW_GATEWAY = 12;

export function suggestFixes(
  topology: Topology,
  query: TraceQuery,
  options: SuggestFixesOptions = {},
): FixSuggestion[] {
  const max = options.maxPerBlocker ?? 3;
  const first = trace(compile(topology), query);
  if (!first.ok) return [];
  const base = first.value;
  const gen = new Generator(topology, query, base);
  const baseBroken = brokenSignature(base);
  const out: FixSuggestion[] = [];
  const seen = new Set<string>();
  for (const e of base.explanations) {
    if (e.blocking === false) continue;
    const blocker = blockerOf(e);
    const key = blockerKey(blocker);
    if (seen.has(key)) continue;
    seen.add(key);
    const verified: { s: FixSuggestion; remaining: number }[] = [];
    const edits = new Set<string>();
    for (const c of gen.candidates(e)) {
      const editKey = JSON.stringify(c.edit);
      if (edits.has(editKey)) continue;
      edits.add(editKey);
      const after = traceAfter(topology, query, c.edit);
      if (!after) continue;
      if (after.explanations.some((x) => x.blocking && blockerKey(blockerOf(x)) === key)) continue;
      if (introducesBreakage(baseBroken, after)) continue;
      verified.push({
        s: {
          id: `fix-${hash(`${key}|${editKey}`)}`,
          blocker,
          title: c.title,
          opens: c.opens,
          cost: c.cost,
          edit: c.edit,
          verdictAfter: after.verdict,
        },
        remaining: after.explanations.filter((x) => x.blocking).length,
      });
    }
    verified.sort(
      (a, b) =>
        a.s.cost - b.s.cost ||
        a.remaining - b.remaining ||
        (a.s.title < b.s.title ? -1 : a.s.title > b.s.title ? 1 : 0),
    );
    for (const v of verified.slice(0, max)) out.push(v.s);
  }
  return out;
}

function blockerOf(e: Explanation): FixBlocker {
  return {
    code: e.code,
    componentId: e.componentId,
    pathDirection: e.pathDirection,
    ...(e.direction !== undefined ? { direction: e.direction } : {}),
  };
}

function blockerKey(b: FixBlocker): string {
  return `${b.code}|${b.componentId}|${b.pathDirection}|${b.direction ?? ''}`;
}

/** The trace of `query` after applying `edit` to a copy of `topology`; undefined when the edit does not apply. */
function traceAfter(topology: Topology, query: TraceQuery, edit: FixEdit): TraceResult | undefined {
  const doc: Document = { format: FORMAT_V1, topology: structuredClone(topology) };
  if (!applyFix(doc, edit)) return undefined;
  const r = trace(compile(doc.topology), query);
  return r.ok ? r.value : undefined;
}

function brokenSignature(r: TraceResult): Set<string> {
  const s = new Set<string>();
  for (const e of r.explanations) if (e.blocking && BROKEN_CODES.has(e.code)) s.add(e.code);
  for (const w of r.warnings) if (w.severity !== 'warning') s.add(`${w.code}|${w.resourceId ?? ''}`);
  if (r.verdict === 'UNSUPPORTED' || r.verdict === 'INVALID_CONFIG') s.add(r.verdict);
  return s;
}

function introducesBreakage(base: Set<string>, after: TraceResult): boolean {
  for (const k of brokenSignature(after)) if (!base.has(k)) return true;
  return false;
}

/** FNV-1a, 32 bits, as 8 hex digits: ids from content, never from randomness or clocks. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function hostBits(c: Cidr): number {
  return (c.family === 4 ? 32 : 128) - c.prefix;
}

/** 2 per host bit, scaled so an IPv6 /0 costs as much as an IPv4 /0. */
function cidrCost(text: string): number {
  const c = parseCidrLoose(text);
  if (!c) return 66;
  const bits = c.family === 4 ? hostBits(c) : hostBits(c) / 4;
  return 2 * (bits + 1);
}

function portCost(range: PortRange | undefined): number {
  if (!range) return 40;
  return 2 * Math.ceil(Math.log2(range.to - range.from + 1));
}

function hostCidr(ip: string): string {
  return ip.includes(':') ? `${ip}/128` : `${ip}/32`;
}

function anyCidr(family: 4 | 6): string {
  return family === 4 ? '0.0.0.0/0' : '::/0';
}

function rangeText(r: PortRange): string {
  return formatPortRange(r);
}

function hull(ranges: readonly PortRange[]): PortRange | undefined {
  if (ranges.length === 0) return undefined;
  return { from: Math.min(...ranges.map((r) => r.from)), to: Math.max(...ranges.map((r) => r.to)) };
}

function headerOf(h: PacketHeader): Header {
  return { src: h.src[0] ?? '', dst: h.dst[0] ?? '', sport: [...h.sport], dport: [...h.dport] };
}

type Device = Instance | NetworkInterface;

/** Candidate generation: reads the topology and the trace; proposes, never decides (the re-trace does). */
class Generator {
  private readonly t: Topology;
  private readonly doc: Document;

  constructor(
    topology: Topology,
    private readonly query: TraceQuery,
    private readonly result: TraceResult,
  ) {
    this.t = topology;
    this.doc = { format: FORMAT_V1, topology };
  }

  candidates(e: Explanation): Candidate[] {
    const comp = this.componentOf(e);
    switch (e.code) {
      case 'NO_ROUTE_TO_DESTINATION':
        return this.noRoute(e, comp);
      case 'BAD_STATE_ROUTE':
        return this.blackholeRoute(e, comp);
      case 'SIM_TGW_BLACKHOLE_ROUTE':
        return this.tgwBlackhole(e, comp);
      case 'SUBNET_ACL_RESTRICTION':
        return this.naclRule(e, comp);
      case 'ENI_SG_RULES_MISMATCH':
      case 'SG_HAS_NO_RULES':
      case 'SG_REFERENCES_NOT_PRESERVED':
        return this.sgRule(e, comp);
      case 'ENI_SOURCE_DEST_CHECK_RESTRICTION':
        return this.sourceDestCheck(e);
      case 'SIM_INSTANCE_NOT_RUNNING':
        return this.startInstance(e.componentId);
      case 'BAD_STATE':
        return this.badState(e, comp);
      case 'BAD_STATE_ATTACHMENT':
        return this.badAttachment(e);
      case 'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION':
        return this.associateAttachment(e);
      case 'TGW_ROUTE_AZ_RESTRICTION':
        return this.attachmentZone(comp);
      case 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS':
        return this.publicIpForEgress(e, comp);
      case 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS':
        return this.publicIpFor(this.destinationDevice(e.address));
      case 'INGRESS_RTB_NO_PUBLIC_IP':
        return this.publicIpFor(this.deviceById(e.componentId));
      case 'SIM_NO_ADDRESS_FOR_FAMILY':
        return this.missingAddress(e);
      case 'SIM_NO_INTERNET_GATEWAY':
        return this.internetGateway(e.componentId);
      case 'SIM_APPLIANCE_MODE_ASYMMETRY':
        return this.applianceMode();
      default:
        return [];
    }
  }

  // ------------------------------------------------------------ the trace

  private pathOf(dir: PathDirection): PathComponent[] {
    return dir === 'forward' ? this.result.forward : this.result.return;
  }

  private componentIndex(e: Explanation): number {
    return this.pathOf(e.pathDirection).findIndex(
      (c) =>
        (c.explanationCodes ?? []).includes(e.code) &&
        (c.component.id === e.componentId || c.attachedTo === e.componentId) &&
        (e.direction === undefined || c.trafficDirection === undefined || c.trafficDirection === e.direction),
    );
  }

  private componentOf(e: Explanation): PathComponent | undefined {
    const i = this.componentIndex(e);
    return i < 0 ? undefined : this.pathOf(e.pathDirection)[i];
  }

  /** The packet as it reaches the blocker: the query's packet with every earlier rewrite applied. */
  private headerAt(e: Explanation): Header {
    const q = this.result.query;
    const dport: PortRange[] = q.port !== undefined ? [{ from: q.port, to: q.port }] : [];
    let h: Header = { src: q.sourceAddress, dst: q.destinationAddress, sport: [...q.sourcePorts], dport };
    for (const c of this.result.forward) if (c.outboundHeader) h = headerOf(c.outboundHeader);
    if (e.pathDirection === 'forward') {
      h = { src: q.sourceAddress, dst: q.destinationAddress, sport: [...q.sourcePorts], dport };
    } else {
      h = { src: h.dst, dst: h.src, sport: h.dport, dport: h.sport };
    }
    const path = this.pathOf(e.pathDirection);
    const stop = this.componentIndex(e);
    for (let i = 0; i < (stop < 0 ? path.length : stop); i++) {
      const oh = path[i]!.outboundHeader;
      if (oh) h = headerOf(oh);
    }
    return h;
  }

  /** The route-table stop on a path whose chosen route sent the packet to `target`. */
  private routeInto(dir: PathDirection, target: string): PathComponent | undefined {
    return this.pathOf(dir).find((c) => c.routeTableRoute?.target === target && c.component.type === 'route-table');
  }

  // ------------------------------------------------------------ topology reads

  private vpcRegion(vpcId: string): string {
    return (this.t.vpcs ?? []).find((v) => v.id === vpcId)?.region ?? 'us-east-1';
  }

  private vpcCidrs(vpcId: string): string[] {
    const v = (this.t.vpcs ?? []).find((x) => x.id === vpcId);
    return v ? [...v.cidrBlocks, ...(v.ipv6CidrBlocks ?? [])] : [];
  }

  /** VPCs (other than `except`) with a block holding `ip`, and that block. */
  private vpcsHolding(ip: string, except?: string): { vpcId: string; cidr: string }[] {
    const a = parseIp(ip);
    if (!a) return [];
    const out: { vpcId: string; cidr: string }[] = [];
    for (const v of this.t.vpcs ?? []) {
      if (v.id === except) continue;
      for (const text of [...v.cidrBlocks, ...(v.ipv6CidrBlocks ?? [])]) {
        const c = parseCidrLoose(text);
        if (c && c.family === a.family && cidrContains(c, a)) out.push({ vpcId: v.id, cidr: c.text });
      }
    }
    return out;
  }

  private subnetHolding(ip: string): { id: string; vpcId: string; cidr: string } | undefined {
    const a = parseIp(ip);
    if (!a) return undefined;
    for (const s of this.t.subnets ?? []) {
      for (const text of [s.cidrBlock, s.ipv6CidrBlock]) {
        const c = text === undefined ? undefined : parseCidrLoose(text);
        if (c && c.family === a.family && cidrContains(c, a)) return { id: s.id, vpcId: s.vpcId, cidr: c.text };
      }
    }
    return undefined;
  }

  private devices(): Device[] {
    return [...(this.t.instances ?? []), ...(this.t.networkInterfaces ?? [])];
  }

  private deviceById(id: string): Device | undefined {
    return (
      (this.t.instances ?? []).find((i) => i.id === id || primaryInterfaceIdOf(i) === id) ??
      (this.t.networkInterfaces ?? []).find((n) => n.id === id)
    );
  }

  private deviceAt(ip: string | undefined): Device | undefined {
    if (ip === undefined) return undefined;
    return this.devices().find(
      (d) =>
        d.privateIp === ip ||
        (d.secondaryPrivateIps ?? []).includes(ip) ||
        (d.ipv6Addresses ?? []).includes(ip) ||
        d.publicIp === ip,
    );
  }

  private destinationDevice(address: string | undefined): Device | undefined {
    return this.deviceById(this.query.to) ?? this.deviceAt(address);
  }

  private vpcOfSubnet(subnetId: string): string | undefined {
    return (this.t.subnets ?? []).find((s) => s.id === subnetId)?.vpcId;
  }

  private routeTableOfSubnet(subnetId: string): string | undefined {
    const vpcId = this.vpcOfSubnet(subnetId);
    if (vpcId === undefined) return undefined;
    const tables = (this.t.routeTables ?? []).filter((r) => r.vpcId === vpcId);
    return (
      tables.find((r) => (r.subnetIds ?? []).includes(subnetId))?.id ??
      tables.find((r) => r.main === true)?.id ??
      `${vpcId}/rtb-main`
    );
  }

  private routeTableVpc(id: string, comp: PathComponent | undefined): string | undefined {
    return (this.t.routeTables ?? []).find((r) => r.id === id)?.vpcId ?? comp?.vpc;
  }

  private isEdgeTable(id: string): boolean {
    return ((this.t.routeTables ?? []).find((r) => r.id === id)?.gatewayIds ?? []).length > 0;
  }

  private attachedIgw(vpcId: string): string | undefined {
    return (this.t.internetGateways ?? []).find((g) => g.vpcId === vpcId)?.id;
  }

  // ------------------------------------------------------------ routes

  /** Targets in `vpcId` that could carry traffic to `dst`, with what choosing each costs. */
  private routeTargets(vpcId: string, dst: string): { target: string; cost: number; via: string }[] {
    const a = parseIp(dst);
    if (!a) return [];
    const out: { target: string; cost: number; via: string }[] = [];
    const peers = new Set(this.vpcsHolding(dst, vpcId).map((h) => h.vpcId));
    if (peers.size > 0) {
      for (const p of this.t.vpcPeeringConnections ?? []) {
        const other = p.requesterVpcId === vpcId ? p.accepterVpcId : p.accepterVpcId === vpcId ? p.requesterVpcId : '';
        if (peers.has(other)) out.push({ target: p.id, cost: 0, via: `the peering ${p.id}` });
      }
    } else if (this.vpcsHolding(dst).length === 0) {
      for (const n of this.t.natGateways ?? []) {
        if (a.family === 4 && this.vpcOfSubnet(n.subnetId) === vpcId && (n.state ?? 'available') === 'available') {
          out.push({ target: n.id, cost: 0, via: `the NAT gateway ${n.id} (outbound connections only)` });
        }
      }
      if (a.family === 6) {
        for (const g of this.t.egressOnlyInternetGateways ?? []) {
          if (g.vpcId === vpcId) out.push({ target: g.id, cost: 0, via: `the egress-only gateway ${g.id}` });
        }
      }
      for (const g of this.t.internetGateways ?? []) {
        if (g.vpcId === vpcId) out.push({ target: g.id, cost: 4, via: `the internet gateway ${g.id}` });
      }
    }
    for (const att of this.t.transitGatewayAttachments ?? []) {
      if (att.type === 'vpc' && att.vpcId === vpcId) {
        out.push({ target: att.transitGatewayId, cost: 2, via: `the transit gateway ${att.transitGatewayId}` });
      }
    }
    return out;
  }

  /** Destinations for a route toward `dst`: the host, its subnet and its VPC; the default route for the internet. */
  private routeDestinations(dst: string, ownVpc: string): string[] {
    const a = parseIp(dst);
    if (!a) return [];
    const holders = this.vpcsHolding(dst, ownVpc);
    if (holders.length > 0) {
      const subnet = this.subnetHolding(dst);
      return unique([hostCidr(dst), ...(subnet ? [subnet.cidr] : []), ...holders.map((h) => h.cidr)]);
    }
    if (this.vpcsHolding(dst).length > 0) return [];
    return this.query.to === 'internet' ? [anyCidr(a.family)] : [hostCidr(dst), anyCidr(a.family)];
  }

  private noRoute(e: Explanation, comp: PathComponent | undefined): Candidate[] {
    const dst = e.address;
    if (dst === undefined) return [];
    if (e.componentType === 'transit-gateway-route-table') return this.tgwNoRoute(e.componentId, dst);
    if (e.componentType !== 'route-table' || this.isEdgeTable(e.componentId)) return [];
    const rt = e.componentId;
    const vpcId = this.routeTableVpc(rt, comp);
    if (vpcId === undefined) return [];
    const out: Candidate[] = [];
    const dests = this.routeDestinations(dst, vpcId);
    for (const destination of dests) {
      const opens = this.routeOpens(rt, destination);
      for (const t of this.routeTargets(vpcId, dst)) {
        out.push({
          edit: { kind: 'addRoute', vpcId, routeTableId: rt, destination, target: t.target },
          title: `Add route ${destination} → ${t.target} to ${rt}`,
          opens: `${opens} through ${t.via}.`,
          cost: cidrCost(destination) + t.cost,
        });
      }
    }
    const a = parseIp(dst);
    if (a && dests.length > 0 && this.vpcsHolding(dst).length === 0 && this.attachedIgw(vpcId) === undefined) {
      const destination = anyCidr(a.family);
      out.push(...this.gatewayCandidates(vpcId, [{ routeTableId: rt, destination }], cidrCost(destination)));
    }
    return out;
  }

  private routeOpens(rt: string, destination: string): string {
    const def = destination === '0.0.0.0/0' || destination === '::/0';
    return def
      ? `Sends traffic from the subnets using ${rt} to any address outside the VPC`
      : `Sends traffic from the subnets using ${rt} for ${destination}`;
  }

  /** Attach a detached internet gateway, or create one, with routes to it. */
  private gatewayCandidates(vpcId: string, routes: FixRoute[], base: number): Candidate[] {
    const out: Candidate[] = [];
    const routeText = routes.map((r) => `${r.destination} in ${r.routeTableId}`).join(', ');
    for (const g of this.t.internetGateways ?? []) {
      if (g.vpcId !== null) continue;
      out.push({
        edit: { kind: 'attachInternetGateway', vpcId, internetGatewayId: g.id, routes },
        title: `Attach ${g.id} to ${vpcId}${routes.length > 0 ? ` and route ${routeText} to it` : ''}`,
        opens: `Connects ${vpcId} to the internet; instances with public IPs become reachable as their security groups allow.`,
        cost: base + COST_NEW_GATEWAY - 2,
      });
    }
    const id = uniqueId(this.doc, `igw-${vpcId}`);
    out.push({
      edit: { kind: 'createInternetGateway', vpcId, internetGatewayId: id, routes },
      title: `Create internet gateway ${id} in ${vpcId}${routes.length > 0 ? ` and route ${routeText} to it` : ''}`,
      opens: `Connects ${vpcId} to the internet; instances with public IPs become reachable as their security groups allow.`,
      cost: base + COST_NEW_GATEWAY,
    });
    return out;
  }

  private blackholeRoute(e: Explanation, comp: PathComponent | undefined): Candidate[] {
    const route = e.routeTableRoute ?? comp?.routeTableRoute;
    if (!route) return [];
    const rt = route.routeTableId;
    const vpcId = this.routeTableVpc(rt, comp);
    if (vpcId === undefined) return [];
    const out: Candidate[] = [];
    const inst = (this.t.instances ?? []).find((i) => i.id === route.target);
    if (inst && (inst.state ?? 'running') !== 'running') out.push(...this.startInstance(inst.id));
    const igw = (this.t.internetGateways ?? []).find((g) => g.id === route.target);
    if (igw && igw.vpcId === null && this.attachedIgw(vpcId) === undefined) {
      out.push(...this.gatewayCandidates(vpcId, [], 0).filter((c) => c.edit.kind === 'attachInternetGateway'));
    }
    if (this.isEdgeTable(rt) || e.address === undefined) return out;
    const kind = resourceKindPrefix(route.targetType);
    for (const t of this.routeTargets(vpcId, e.address)) {
      if (t.target === route.target) continue;
      const sameKind = kind !== undefined && this.targetKind(t.target) === kind;
      out.push({
        edit: { kind: 'replaceRoute', routeTableId: rt, destination: route.destination, target: t.target },
        title: `Point route ${route.destination} in ${rt} at ${t.target} instead of ${route.target}`,
        opens: `${this.routeOpens(rt, route.destination)} through ${t.via}, as the broken route meant to.`,
        cost: COST_STATE_CHANGE + t.cost + (sameKind ? 0 : 2),
      });
    }
    return out;
  }

  private targetKind(id: string): string | undefined {
    if ((this.t.natGateways ?? []).some((n) => n.id === id)) return 'nat-gateway';
    if ((this.t.internetGateways ?? []).some((n) => n.id === id)) return 'internet-gateway';
    if ((this.t.egressOnlyInternetGateways ?? []).some((n) => n.id === id)) return 'egress-only-internet-gateway';
    if ((this.t.vpcPeeringConnections ?? []).some((n) => n.id === id)) return 'vpc-peering-connection';
    if ((this.t.transitGateways ?? []).some((n) => n.id === id)) return 'transit-gateway';
    return undefined;
  }

  private tgwNoRoute(tableId: string, dst: string): Candidate[] {
    const table = (this.t.transitGatewayRouteTables ?? []).find((r) => r.id === tableId);
    if (!table) return [];
    const a = parseIp(dst);
    if (!a) return [];
    const holders = this.vpcsHolding(dst);
    const out: Candidate[] = [];
    for (const att of this.t.transitGatewayAttachments ?? []) {
      if (!this.attachmentOn(att, table.transitGatewayId)) continue;
      const inVpc = att.type === 'vpc' ? holders.find((h) => h.vpcId === att.vpcId) : undefined;
      // A destination inside a VPC goes to that VPC's attachment, or on across a transit gateway peering.
      if (holders.length > 0 && !inVpc && att.type === 'vpc') continue;
      const dests =
        holders.length > 0
          ? unique([hostCidr(dst), ...(inVpc ? [inVpc.cidr] : holders.map((h) => h.cidr))])
          : this.query.to === 'internet'
            ? [anyCidr(a.family)]
            : [hostCidr(dst), anyCidr(a.family)];
      for (const destination of dests) {
        out.push({
          edit: { kind: 'setTgwRoute', tgwRouteTableId: tableId, destination, attachmentId: att.id },
          title: `Add static route ${destination} → ${att.id} to ${tableId}`,
          opens: `Sends traffic from the attachments associated with ${tableId} for ${destination} to ${att.id}.`,
          cost: cidrCost(destination) + 1,
        });
      }
      if (inVpc && !table.propagations.includes(att.id)) {
        out.push({
          edit: { kind: 'addTgwPropagation', tgwRouteTableId: tableId, attachmentId: att.id },
          title: `Propagate ${att.id} into ${tableId}`,
          opens: `Routes every CIDR of ${att.vpcId ?? att.id} from the attachments associated with ${tableId}.`,
          cost: cidrCost(inVpc.cidr) + 2,
        });
      }
    }
    return out;
  }

  private attachmentOn(att: TransitGatewayAttachment, tgwId: string): boolean {
    return att.transitGatewayId === tgwId || (att.type === 'peering' && att.peerTransitGatewayId === tgwId);
  }

  private tgwBlackhole(e: Explanation, comp: PathComponent | undefined): Candidate[] {
    const route = comp?.tgwRoute;
    const table = (this.t.transitGatewayRouteTables ?? []).find((r) => r.id === (route?.routeTableId ?? e.componentId));
    if (!route || !table) return [];
    const out: Candidate[] = [];
    for (const att of this.t.transitGatewayAttachments ?? []) {
      if (!this.attachmentOn(att, table.transitGatewayId) || att.id === route.attachmentId) continue;
      out.push({
        edit: {
          kind: 'setTgwRoute',
          tgwRouteTableId: table.id,
          destination: route.destination,
          attachmentId: att.id,
        },
        title: `Point ${route.destination} in ${table.id} at ${att.id} instead of a blackhole`,
        opens: `Sends traffic for ${route.destination} from the attachments associated with ${table.id} to ${att.id}.`,
        cost: cidrCost(route.destination) + 1,
      });
    }
    return out;
  }

  // ------------------------------------------------------------ filters

  /** Peers for a rule, narrowest first: the host, its subnet, its VPC, anywhere. */
  private peerCidrs(ip: string): string[] {
    const a = parseIp(ip);
    if (!a) return [];
    const subnet = this.subnetHolding(ip);
    return unique([
      hostCidr(ip),
      ...(subnet ? [subnet.cidr] : []),
      ...this.vpcsHolding(ip).map((h) => h.cidr),
      anyCidr(a.family),
    ]);
  }

  /** Port scopes for a rule: the exact ports, the ephemeral range for replies, all ports. */
  private portScopes(h: Header, pathDirection: PathDirection): (PortRange | undefined)[] {
    if (!hasPorts(this.result.query.proto)) return [undefined];
    const exact = hull(h.dport);
    const scopes: (PortRange | undefined)[] = exact ? [exact] : [];
    // Replies go to the client's ephemeral ports: the whole range any client may pick is the usual rule.
    if (pathDirection === 'return') scopes.push({ from: 1024, to: 65535 });
    if (scopes.length === 0) scopes.push(undefined);
    const seen = new Set<string>();
    return scopes.filter((r) => {
      const k = r ? rangeText(r) : '*';
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  private trafficText(ports: PortRange | undefined): string {
    const proto = this.result.query.protocol;
    if (proto === 'all') return 'all traffic';
    if (!hasPorts(this.result.query.proto)) return proto;
    return ports ? `${proto} ${rangeText(ports)}` : `all ${proto} ports`;
  }

  private naclRule(e: Explanation, comp: PathComponent | undefined): Candidate[] {
    const acl = (this.t.networkAcls ?? []).find((a) => a.id === e.componentId);
    const deny = e.aclRule ?? comp?.aclRule;
    if (!acl || !deny || e.direction === undefined) return [];
    const list = e.direction === 'ingress' ? 'inbound' : 'outbound';
    const ruleNumber = freeRuleNumber(
      acl[list].map((r) => r.ruleNumber),
      deny.ruleNumber,
    );
    if (ruleNumber === undefined) return [];
    const h = this.headerAt(e);
    const peer = e.direction === 'ingress' ? h.src : h.dst;
    const out: Candidate[] = [];
    const protocol = this.result.query.protocol;
    for (const cidr of this.peerCidrs(peer)) {
      for (const ports of this.portScopes(h, e.pathDirection)) {
        const rule: NaclRule = {
          ruleNumber,
          protocol,
          cidr,
          action: 'allow',
          ...(ports ? { ports: rangeText(ports) } : {}),
        };
        const what = this.trafficText(ports);
        out.push({
          edit: { kind: 'addNaclRule', aclId: acl.id, direction: list, rule },
          title: `Add ${list} rule ${ruleNumber} to ${acl.id}: allow ${what} ${e.direction === 'ingress' ? 'from' : 'to'} ${cidr}`,
          opens: `Lets ${what} ${e.direction === 'ingress' ? `from ${cidr} into` : `to ${cidr} out of`} the subnets of ${acl.id}${e.pathDirection === 'return' ? ' (for the replies)' : ''}.`,
          cost: cidrCost(cidr) + portCost(ports),
        });
      }
    }
    return out;
  }

  private sgRule(e: Explanation, comp: PathComponent | undefined): Candidate[] {
    const sgId = e.securityGroups?.[0] ?? comp?.securityGroups?.[0];
    const sg = (this.t.securityGroups ?? []).find((g) => g.id === sgId);
    if (!sg || e.direction === undefined) return [];
    const h = this.headerAt(e);
    const peerIp = e.direction === 'ingress' ? h.src : h.dst;
    const peers: { peer: string; cost: number; label: string }[] = [];
    const peerDevice = this.deviceAt(peerIp);
    const peerSg = peerDevice?.securityGroupIds[0];
    const peerVpc = peerDevice ? this.vpcOfSubnet(peerDevice.subnetId) : undefined;
    // References work within a VPC and across a same-region peering (the re-trace confirms the path keeps them).
    if (peerSg !== undefined && peerVpc !== undefined && this.vpcRegion(peerVpc) === this.vpcRegion(sg.vpcId)) {
      peers.push({ peer: peerSg, cost: COST_SG_REFERENCE, label: `members of ${peerSg}` });
    }
    for (const cidr of this.peerCidrs(peerIp)) peers.push({ peer: cidr, cost: cidrCost(cidr), label: cidr });
    const protocol = this.result.query.protocol;
    const out: Candidate[] = [];
    for (const p of peers) {
      for (const ports of this.portScopes(h, e.pathDirection)) {
        const what = this.trafficText(ports);
        const base = { protocol, ...(ports ? { ports: rangeText(ports) } : {}) };
        const cost = p.cost + portCost(ports);
        if (e.direction === 'ingress') {
          out.push({
            edit: { kind: 'addSgRule', sgId: sg.id, direction: 'inbound', rule: { ...base, source: p.peer } },
            title: `Add inbound rule to ${sg.id}: allow ${what} from ${p.peer}`,
            opens: `Lets ${p.label} reach every interface in ${sg.id} on ${what}.`,
            cost,
          });
        } else {
          out.push({
            edit: { kind: 'addSgRule', sgId: sg.id, direction: 'outbound', rule: { ...base, destination: p.peer } },
            title: `Add outbound rule to ${sg.id}: allow ${what} to ${p.peer}`,
            opens: `Lets every interface in ${sg.id} send ${what} to ${p.label}.`,
            cost,
          });
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------ interfaces and instances

  private sourceDestCheck(e: Explanation): Candidate[] {
    const d = this.deviceById(e.componentId);
    if (!d) return [];
    return [
      {
        edit: { kind: 'setSourceDestCheck', resourceId: d.id, sourceDestCheck: false },
        title: `Disable source/destination check on ${d.id}`,
        opens: `Lets ${d.id} forward traffic that is not addressed to or from itself (as a router or NAT instance).`,
        cost: COST_STATE_CHANGE,
      },
    ];
  }

  private startInstance(id: string): Candidate[] {
    if (!(this.t.instances ?? []).some((i) => i.id === id)) return [];
    return [
      {
        edit: { kind: 'startInstance', instanceId: id },
        title: `Start ${id}`,
        opens: `${id} sends and answers traffic again, as its security groups allow.`,
        cost: COST_STATE_CHANGE,
      },
    ];
  }

  private publicIpFor(d: Device | undefined): Candidate[] {
    if (!d || d.publicIp !== undefined) return [];
    const ip = nextFreePublicIp(this.doc);
    if (ip === undefined) return [];
    return [
      {
        edit: { kind: 'setPublicIp', resourceId: d.id, publicIp: ip },
        title: `Give ${d.id} the public IP ${ip}`,
        opens: `Makes ${d.id} addressable from the internet at ${ip}, as its security groups and NACLs allow.`,
        cost: COST_PUBLIC_IP,
      },
    ];
  }

  private publicIpForEgress(e: Explanation, comp: PathComponent | undefined): Candidate[] {
    const out = this.publicIpFor(this.deviceAt(e.address));
    // Or send the subnet's internet traffic through a NAT gateway instead (outbound only).
    const router = this.routeInto(e.pathDirection, e.componentId);
    const route = router?.routeTableRoute;
    const vpcId = comp?.vpc ?? router?.vpc;
    if (route && vpcId !== undefined && e.address !== undefined) {
      for (const n of this.t.natGateways ?? []) {
        if (this.vpcOfSubnet(n.subnetId) !== vpcId || (n.state ?? 'available') !== 'available') continue;
        out.push({
          edit: {
            kind: 'replaceRoute',
            routeTableId: route.routeTableId,
            destination: route.destination,
            target: n.id,
          },
          title: `Point route ${route.destination} in ${route.routeTableId} at ${n.id} instead of ${route.target}`,
          opens: `Lets the subnets using ${route.routeTableId} start connections to ${route.destination} through ${n.id}; nothing outside can start one to them.`,
          cost: cidrCost(route.destination) / 4 + COST_STATE_CHANGE,
        });
      }
    }
    return out;
  }

  private missingAddress(e: Explanation): Candidate[] {
    const q = this.result.query;
    if (q.family !== 4 || this.query.toAddress !== 'public' || q.sourceAddress === '') return [];
    const d = this.deviceById(e.componentId);
    if (!d || (this.deviceById(this.query.to) ?? d) !== d) return [];
    return this.publicIpFor(d);
  }

  private internetGateway(vpcId: string): Candidate[] {
    if (!(this.t.vpcs ?? []).some((v) => v.id === vpcId)) return [];
    const d = this.destinationDevice(undefined);
    const routes: FixRoute[] = [];
    const family = this.result.query.family;
    if (d && this.vpcOfSubnet(d.subnetId) === vpcId) {
      const rt = this.routeTableOfSubnet(d.subnetId);
      const dest = anyCidr(family);
      const has = (this.t.routeTables ?? []).find((r) => r.id === rt)?.routes.some((r) => r.destination === dest);
      if (rt !== undefined && has !== true) routes.push({ routeTableId: rt, destination: dest });
    }
    return this.gatewayCandidates(vpcId, routes, 0);
  }

  // ------------------------------------------------------------ peering, NAT and transit gateway states

  private badState(e: Explanation, comp: PathComponent | undefined): Candidate[] {
    if (e.componentType === 'vpc-peering-connection') {
      const pcx = (this.t.vpcPeeringConnections ?? []).find((p) => p.id === e.componentId);
      if (!pcx) return [];
      return [
        {
          edit: { kind: 'setPeeringStatus', peeringId: pcx.id, status: 'active' },
          title: `Accept ${pcx.id} (status active)`,
          opens: `Lets ${pcx.requesterVpcId} and ${pcx.accepterVpcId} exchange traffic where their routes and filters allow.`,
          cost: COST_STATE_CHANGE,
        },
      ];
    }
    if (e.componentType === 'nat-gateway') {
      const router = this.routeInto(e.pathDirection, e.componentId);
      const route = router?.routeTableRoute;
      const vpcId = comp?.vpc;
      if (!route || vpcId === undefined) return [];
      const out: Candidate[] = [];
      for (const n of this.t.natGateways ?? []) {
        if (n.id === e.componentId || this.vpcOfSubnet(n.subnetId) !== vpcId) continue;
        if ((n.state ?? 'available') !== 'available') continue;
        out.push({
          edit: {
            kind: 'replaceRoute',
            routeTableId: route.routeTableId,
            destination: route.destination,
            target: n.id,
          },
          title: `Point route ${route.destination} in ${route.routeTableId} at ${n.id} instead of ${e.componentId}`,
          opens: `Sends the traffic ${e.componentId} was meant to carry through ${n.id} instead.`,
          cost: COST_STATE_CHANGE,
        });
      }
      return out;
    }
    return [];
  }

  private badAttachment(e: Explanation): Candidate[] {
    const att = (this.t.transitGatewayAttachments ?? []).find((a) => a.id === e.componentId);
    if (!att) return [];
    const out: Candidate[] = [];
    if ((att.state ?? 'available') !== 'available') {
      out.push({
        edit: { kind: 'setAttachmentAvailable', attachmentId: att.id },
        title: `Accept ${att.id} (state available)`,
        opens: `Lets ${att.id} carry traffic where the transit gateway route tables send it.`,
        cost: COST_STATE_CHANGE,
      });
    }
    if (att.type === 'vpc' && (att.subnetIds ?? []).length === 0) {
      for (const s of this.t.subnets ?? []) {
        if (s.vpcId !== att.vpcId) continue;
        out.push({
          edit: { kind: 'addAttachmentSubnet', attachmentId: att.id, subnetId: s.id },
          title: `Add ${s.id} (${s.availabilityZone}) to ${att.id}`,
          opens: `Lets ${att.id} deliver into ${att.vpcId} through ${s.id}.`,
          cost: COST_STATE_CHANGE + 1,
        });
      }
    }
    return out;
  }

  private associateAttachment(e: Explanation): Candidate[] {
    const att = (this.t.transitGatewayAttachments ?? []).find((a) => a.id === e.componentId);
    if (!att) return [];
    const out: Candidate[] = [];
    for (const table of this.t.transitGatewayRouteTables ?? []) {
      if (!this.attachmentOn(att, table.transitGatewayId)) continue;
      out.push({
        edit: { kind: 'associateTgwRouteTable', tgwRouteTableId: table.id, attachmentId: att.id },
        title: `Associate ${att.id} with ${table.id}`,
        opens: `Routes traffic arriving from ${att.id} by ${table.id}: every destination it has a route for.`,
        cost: COST_STATE_CHANGE + 1 + table.routes.length + table.propagations.length,
      });
    }
    return out;
  }

  private attachmentZone(comp: PathComponent | undefined): Candidate[] {
    const tgwId = comp?.routeTableRoute?.target;
    const vpcId = comp?.vpc;
    const from = (this.t.subnets ?? []).find((s) => s.id === comp?.subnet);
    if (tgwId === undefined || vpcId === undefined || !from) return [];
    const att = (this.t.transitGatewayAttachments ?? []).find(
      (a) => a.type === 'vpc' && a.transitGatewayId === tgwId && a.vpcId === vpcId,
    );
    if (!att) return [];
    const out: Candidate[] = [];
    for (const s of this.t.subnets ?? []) {
      if (s.vpcId !== vpcId || s.availabilityZone !== from.availabilityZone) continue;
      out.push({
        edit: { kind: 'addAttachmentSubnet', attachmentId: att.id, subnetId: s.id },
        title: `Add ${s.id} (${s.availabilityZone}) to ${att.id}`,
        opens: `Lets subnets in ${s.availabilityZone} of ${vpcId} use ${tgwId}, as its route tables allow.`,
        cost: COST_STATE_CHANGE + (s.id === from.id ? 1 : 0),
      });
    }
    return out;
  }

  private applianceMode(): Candidate[] {
    const ids = new Set<string>();
    for (const c of [...this.result.forward, ...this.result.return]) {
      if (c.component.type === 'transit-gateway-attachment') ids.add(c.component.id);
    }
    const out: Candidate[] = [];
    for (const att of this.t.transitGatewayAttachments ?? []) {
      if (!ids.has(att.id) || att.type !== 'vpc' || att.applianceMode === true) continue;
      out.push({
        edit: { kind: 'setApplianceMode', attachmentId: att.id, applianceMode: true },
        title: `Enable appliance mode on ${att.id}`,
        opens: `Keeps both directions of each flow into ${att.vpcId ?? att.id} in one availability zone; opens no new traffic.`,
        cost: 1,
      });
    }
    return out;
  }
}

/** The document kind a route target type names, for preferring a replacement of the same kind. */
function resourceKindPrefix(targetType: string): string | undefined {
  return targetType === 'unknown' || targetType === 'local' ? undefined : targetType;
}

/**
 * A free NACL rule number below `below` (the rule that denied): the next multiple of 10 after the
 * highest rule under it when that is free, else the highest free number under it.
 */
export function freeRuleNumber(taken: readonly number[], below: number): number | undefined {
  const used = new Set(taken);
  const under = taken.filter((n) => n < below);
  const top = under.length > 0 ? Math.max(...under) : 0;
  const round = (Math.floor(top / 10) + 1) * 10;
  if (round < below && round <= 32766 && !used.has(round)) return round;
  for (let n = top + 1; n < below && n <= 32766; n++) if (!used.has(n)) return n;
  for (let n = Math.min(below - 1, 32766); n >= 1; n--) if (!used.has(n)) return n;
  return undefined;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
