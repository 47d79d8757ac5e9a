/**
 * Turns a trace result into plain-English lines, one per path component, for the CLI (and later the
 * canvas). Pure: no I/O, no colour codes; each line carries a tone that a caller may style.
 */
import { formatPortSet, type PortRange } from '../lib/index.ts';
import type { Diagnostic } from '../model/index.ts';
import {
  DETAIL_CODES,
  type AclRuleRef,
  type Explanation,
  type PacketHeader,
  type PathComponent,
  type ResolvedQuery,
  type RouteRef,
  type SecurityGroupRuleRef,
  type TraceResult,
  type TrafficDirection,
} from '../engine/index.ts';

/** How a line should look; `plain` lines need no emphasis. */
export type NarrationTone = 'heading' | 'plain' | 'detail' | 'blocked' | 'partial' | 'note' | 'warning' | 'ok';

export interface NarrationLine {
  text: string;
  tone: NarrationTone;
}

/** Marker appended to the line of a component that raised an explanation. */
const MARK_PREFIX = '   <-- ';
/** Indentation of the sub-lines under a numbered component line. */
const SUB_INDENT = '       ';

/** The whole account of a trace: question, both paths, explanations, warnings and the verdict. */
export function narrateTrace(result: TraceResult): string[] {
  return narrateTraceLines(result).map((line) => line.text);
}

/** Same as {@link narrateTrace}, with a tone per line so that a terminal or a panel can style it. */
export function narrateTraceLines(result: TraceResult): NarrationLine[] {
  const out: NarrationLine[] = [];
  const { query } = result;
  out.push({ text: describeQuestion(query), tone: 'heading' });

  const forwardStart = initialHeader(query);
  let counter = 0;
  out.push({ text: '', tone: 'plain' });
  out.push({ text: 'Forward path (the request):', tone: 'heading' });
  if (result.forward.length === 0) out.push({ text: '  (no component was reached)', tone: 'plain' });
  const forwardEnd = narratePath(result.forward, forwardStart, result, () => ++counter, out);

  out.push({ text: '', tone: 'plain' });
  if (query.oneWay) {
    out.push({ text: 'Return path: not checked (one-way query).', tone: 'heading' });
  } else {
    out.push({ text: 'Return path (the reply):', tone: 'heading' });
    if (result.return.length === 0) {
      out.push({ text: '  (not traced: the request did not arrive)', tone: 'plain' });
    }
    narratePath(result.return, replyHeader(forwardEnd), result, () => ++counter, out);
  }

  if (result.explanations.length > 0) {
    out.push({ text: '', tone: 'plain' });
    out.push({ text: 'Explanations:', tone: 'heading' });
    for (const e of result.explanations) out.push(...describeExplanation(e));
  }

  if (result.workingPortRanges !== undefined) {
    out.push({ text: '', tone: 'plain' });
    out.push({
      text: `Client source ports whose replies get back: ${formatPortSet(result.workingPortRanges)}`,
      tone: 'partial',
    });
  }

  if (result.warnings.length > 0) {
    out.push({ text: '', tone: 'plain' });
    out.push({ text: 'Configuration problems on this path:', tone: 'heading' });
    for (const d of result.warnings) out.push({ text: `  - ${formatDiagnostic(d)}`, tone: 'warning' });
  }

  out.push({ text: '', tone: 'plain' });
  out.push(describeVerdict(result));
  return out;
}

/** "Can i-app reach internet (198.51.100.10) on tcp/443?" */
export function describeQuestion(query: ResolvedQuery): string {
  const target = query.to === query.destinationAddress ? query.to : `${query.to} (${query.destinationAddress})`;
  const oneWay = query.oneWay ? ' (request only)' : '';
  return `Can ${query.from} reach ${target} on ${describeService(query)}${oneWay}?`;
}

function describeService(query: ResolvedQuery): string {
  const p = protocolName(query.protocol);
  if (p === 'all') return 'all traffic';
  if (query.port !== undefined && (p === 'tcp' || p === 'udp')) return `${p}/${query.port}`;
  return p;
}

/** The one-line summary that ends a narration: the verdict and its primary reason. */
export function describeVerdict(result: TraceResult): NarrationLine {
  const primary = primaryExplanation(result);
  const why = primary ? `${primary.message} (${primary.code} at ${primary.componentId}, ${primary.pathDirection})` : '';
  switch (result.verdict) {
    case 'REACHABLE':
      return {
        text: result.query.oneWay
          ? 'Verdict: REACHABLE — the request arrives (the reply was not checked).'
          : 'Verdict: REACHABLE — the request arrives and the reply gets back.',
        tone: 'ok',
      };
    case 'REACHABLE_PARTIAL': {
      const ports = result.workingPortRanges ? formatPortSet(result.workingPortRanges) : 'some';
      return {
        text: `Verdict: REACHABLE_PARTIAL — the reply gets back only for client ports ${ports}${why ? `; ${why}` : '.'}`,
        tone: 'partial',
      };
    }
    case 'BLOCKED': {
      const stage = primary?.pathDirection === 'return' ? 'the request arrives but the reply does not get back. ' : '';
      return { text: `Verdict: BLOCKED — ${stage}${why || 'no explanation was given.'}`, tone: 'blocked' };
    }
    case 'UNSUPPORTED':
    case 'INVALID_CONFIG':
      return { text: `Verdict: ${result.verdict} — ${why || 'no explanation was given.'}`, tone: 'blocked' };
  }
}

/** The first blocking explanation, or the first one of any kind. */
export function primaryExplanation(result: TraceResult): Explanation | undefined {
  return result.explanations.find((e) => e.blocking) ?? result.explanations[0];
}

function describeExplanation(e: Explanation): NarrationLine[] {
  const where = [e.pathDirection, e.direction ? trafficWord(e.direction) : undefined].filter(Boolean).join(', ');
  const kind = e.blocking ? '' : ' (note)';
  const lines: NarrationLine[] = [
    {
      text: `  - ${e.code} at ${e.componentId} (${where})${kind}: ${e.message}`,
      tone: e.blocking ? 'blocked' : 'note',
    },
  ];
  if (e.portRanges && e.portRanges.length > 0) {
    lines.push({ text: `      client ports affected: ${formatPortSet(e.portRanges)}`, tone: 'detail' });
  }
  return lines;
}

/** Formats a configuration diagnostic the same way everywhere: severity, code, resource, place, message. */
export function formatDiagnostic(d: Diagnostic): string {
  const resource = d.resourceId ? ` ${d.resourceId}` : '';
  // The model's messages often start with the path already, and importers' with the file
  // (`file#place` is the path): say each once.
  const place = d.path && !d.message.includes(d.path) ? ` (at ${d.path})` : '';
  const file = d.path?.split('#')[0];
  const message = file && d.message.startsWith(`${file}: `) ? d.message.slice(file.length + 2) : d.message;
  return `${d.severity} ${d.code}${resource}${place}: ${message}`;
}

// ---------------------------------------------------------------------------------------------------
// Paths

/**
 * Narrates one direction. The packet header is followed along the path (a component's
 * `outboundHeader` is what leaves it) so that a denial can say which packet was refused.
 * Components reached only by assuming an earlier blocker let the packet through (`whatIf`) come
 * after a note saying so. Returns the header as it was at the end of the path.
 */
function narratePath(
  path: readonly PathComponent[],
  start: PacketHeader,
  result: TraceResult,
  nextNumber: () => number,
  out: NarrationLine[],
): PacketHeader {
  const marks = assignExplanations(result);
  let header = start;
  let inWhatIf = false;
  for (const [i, c] of path.entries()) {
    if (c.whatIf && !inWhatIf) {
      inWhatIf = true;
      const text =
        i === 0
          ? '  (the request was blocked; this shows what the reply would do had it arrived)'
          : '  (blocked above; the rest shows what would happen if the block were lifted)';
      out.push({ text, tone: 'detail' });
    }
    const at = c.inboundHeader ?? header;
    const n = nextNumber();
    const ms = (marks.get(c) ?? []).map((e) => markOf(e, result));
    const text = `${String(n).padStart(3)}. ${describeComponent(c, at)}`;
    const tone: NarrationTone = ms.some((m) => m.tone === 'blocked')
      ? 'blocked'
      : ms.some((m) => m.tone === 'partial')
        ? 'partial'
        : c.whatIf
          ? 'detail'
          : 'plain';
    out.push({ text: text + ms.map((m) => `${MARK_PREFIX}${m.text}`).join(''), tone });
    for (const sub of subLines(c, at)) out.push({ text: `${SUB_INDENT}${sub}`, tone: 'detail' });
    if (c.outboundHeader) header = c.outboundHeader;
    else if (c.inboundHeader) header = c.inboundHeader;
  }
  return header;
}

interface Mark {
  text: string;
  tone: NarrationTone;
}

function markOf(e: Explanation, result: TraceResult): Mark {
  if (e.blocking) {
    const word = result.verdict === 'UNSUPPORTED' && e.code.startsWith('SIM_UNSUPPORTED') ? 'UNSUPPORTED' : 'BLOCKED';
    return { text: `${word} (${e.code})`, tone: 'blocked' };
  }
  if (e.portRanges && e.portRanges.length > 0) {
    return { text: `PARTIAL (${e.code}: ports ${formatPortSet(e.portRanges)} fail)`, tone: 'partial' };
  }
  return { text: `NOTE (${e.code})`, tone: 'note' };
}

/** The component each explanation is marked on (an explanation is marked once). */
export function assignExplanations(result: TraceResult): Map<PathComponent, Explanation[]> {
  const marks = new Map<PathComponent, Explanation[]>();
  for (const e of result.explanations) {
    const c = componentOf(e, e.pathDirection === 'forward' ? result.forward : result.return);
    if (!c) continue;
    marks.set(c, [...(marks.get(c) ?? []), e]);
  }
  return marks;
}

/**
 * The component an explanation belongs to. The engine lists the code on the component that raised
 * it (`explanationCodes`), while the explanation may name a neighbour: like Reachability Analyzer it
 * names the network interface for a security-group mismatch. So, in order: a component that lists
 * the code and is named by the explanation (by id, or by the interface it sits on); the only
 * component that lists the code; the component with the explanation's id that refused the packet.
 */
function componentOf(e: Explanation, path: readonly PathComponent[]): PathComponent | undefined {
  const sameTraffic = (p: PathComponent): boolean =>
    e.direction === undefined || p.trafficDirection === undefined || p.trafficDirection === e.direction;
  const named = (p: PathComponent): boolean => p.component.id === e.componentId || p.attachedTo === e.componentId;
  const listing = path.filter((p) => p.explanationCodes !== undefined && p.explanationCodes.includes(e.code));
  const byCode = listing.find((p) => named(p) && sameTraffic(p)) ?? (listing.length === 1 ? listing[0] : undefined);
  if (byCode) return byCode;
  const candidates = path.filter((p) => p.component.id === e.componentId && sameTraffic(p));
  return candidates.find((p) => p.action === 'deny' || p.action === 'drop') ?? candidates[candidates.length - 1];
}

// ---------------------------------------------------------------------------------------------------
// Components

/** One component in plain English, without number or marker. */
export function describeComponent(c: PathComponent, header: PacketHeader): string {
  switch (c.component.type) {
    case 'security-group':
      return describeSecurityGroup(c, header);
    case 'network-acl':
      return describeNetworkAcl(c, header);
    case 'route-table':
      return describeRouteTable(c, header);
    case 'instance':
    case 'network-interface':
    case 'internet':
    case 'external-host':
    case 'vpc-service':
    case 'aws-service':
      return describeEndpoint(c, header);
    case 'internet-gateway':
    case 'egress-only-internet-gateway':
    case 'nat-gateway':
    case 'vpc-peering-connection':
    case 'transit-gateway':
    case 'vpc-endpoint':
    case 'transit-gateway-attachment':
    case 'transit-gateway-route-table':
    case 'vpc':
    case 'subnet':
      return describeGeneric(c, header);
  }
}

function componentLabel(c: PathComponent): string {
  const id = c.component.id;
  if (c.component.type === 'network-interface' && c.attachedTo && !id.startsWith(`${c.attachedTo}/`)) {
    return `${id} (on ${c.attachedTo})`;
  }
  return id;
}

function describeEndpoint(c: PathComponent, h: PacketHeader): string {
  const label = componentLabel(c);
  const what = c.direction === 'forward' ? 'request' : 'reply';
  const isOuter =
    c.component.type === 'internet' ||
    c.component.type === 'external-host' ||
    c.component.type === 'vpc-service' ||
    c.component.type === 'aws-service';
  switch (c.action) {
    case 'send':
      return isOuter || c.component.type === 'instance'
        ? `${label} sends the ${what}: ${describePacket(h)}`
        : `${label} sends it out from ${addresses(h.src)}`;
    case 'deliver':
      return isOuter || c.component.type === 'instance'
        ? `${label} receives the ${what}`
        : `${label} receives it at ${addresses(h.dst)}`;
    case 'allow':
    case 'forward':
    case 'route':
      return c.component.type === 'network-interface' ? `${label} passes it on` : `${label} passes the ${what} on`;
    case 'deny':
    case 'drop':
      return `${label} drops ${describePacket(h)}`;
    case 'translate':
      return describeTranslation(label, c, h);
  }
}

function describeGeneric(c: PathComponent, h: PacketHeader): string {
  const label = componentLabel(c);
  const tr = c.tgwRoute;
  if (tr) {
    const target = tr.blackhole ? 'blackhole' : (tr.attachmentId ?? '?');
    return `${label}: ${tr.type} route ${tr.destination} -> ${target}`;
  }
  switch (c.action) {
    case 'translate':
      return describeTranslation(label, c, h);
    case 'forward':
    case 'route':
    case 'allow':
      return `${label} forwards it`;
    case 'deny':
    case 'drop':
      return `${label} drops ${describePacket(h)}`;
    case 'send':
      return `${label} sends ${describePacket(h)}`;
    case 'deliver':
      return `${label} delivers it to ${addresses(h.dst)}`;
  }
}

/** "igw-a translates source 10.0.1.10 -> 54.1.1.10" */
function describeTranslation(label: string, c: PathComponent, h: PacketHeader): string {
  const before = c.inboundHeader ?? h;
  const after = c.outboundHeader;
  if (!after) return `${label} translates the packet`;
  const changes = headerChanges(before, after);
  return changes.length === 0 ? `${label} leaves the packet unchanged` : `${label} translates ${changes.join(', ')}`;
}

/** The fields that differ between two headers, as "source 10.0.1.10 -> 54.1.1.10". */
export function headerChanges(before: PacketHeader, after: PacketHeader): string[] {
  const out: string[] = [];
  if (!sameList(before.src, after.src)) out.push(`source ${addresses(before.src)} -> ${addresses(after.src)}`);
  if (!sameList(before.dst, after.dst)) out.push(`destination ${addresses(before.dst)} -> ${addresses(after.dst)}`);
  if (!samePorts(before.sport, after.sport)) {
    out.push(`source port ${formatPortSet(before.sport)} -> ${formatPortSet(after.sport)}`);
  }
  if (!samePorts(before.dport, after.dport)) {
    out.push(`destination port ${formatPortSet(before.dport)} -> ${formatPortSet(after.dport)}`);
  }
  if (before.proto !== after.proto) out.push(`protocol ${protoName(before.proto)} -> ${protoName(after.proto)}`);
  return out;
}

function describeSecurityGroup(c: PathComponent, h: PacketHeader): string {
  const rule = c.securityGroupRule;
  const direction = rule?.direction ?? c.trafficDirection;
  const groups =
    rule?.sgId ?? (c.securityGroups && c.securityGroups.length > 0 ? c.securityGroups.join(', ') : c.component.id);
  const on = c.attachedTo ? ` (on ${c.attachedTo})` : '';
  const head = `${groups}${on}`;
  if (rule?.viaConntrack) return `${head} allows the reply: connection tracking`;
  if (c.action === 'allow' && rule) return `${head} ${describeSgRule(rule)}`;
  if (c.action === 'allow') return `${head} allows ${describePacket(h)}`;
  if (c.action === 'deny' || c.action === 'drop') {
    const all = c.securityGroups && c.securityGroups.length > 1 ? c.securityGroups.join(', ') : groups;
    const peer = direction === 'egress' ? `to ${addresses(h.dst)}` : `from ${addresses(h.src)}`;
    const list = direction ? `${trafficWord(direction)} ` : '';
    return `${all}${on}: no ${list}rule allows ${describeTraffic(h)} ${peer}`;
  }
  return `${head} ${c.action}s ${describePacket(h)}`;
}

/** "outbound rule 1 allows all traffic to 0.0.0.0/0", "default outbound rule allows ...". */
export function describeSgRule(rule: SecurityGroupRuleRef): string {
  const dirWord = trafficWord(rule.direction);
  const name =
    rule.implicit || rule.ruleIndex < 0 ? `default ${dirWord} rule` : `${dirWord} rule ${rule.ruleIndex + 1}`;
  const peer = rule.direction === 'egress' ? `to ${rule.peer}` : `from ${rule.peer}`;
  return `${name} allows ${describeRuleTraffic(rule.protocol, rule.portRange)} ${peer}`;
}

function describeNetworkAcl(c: PathComponent, h: PacketHeader): string {
  const rule = c.aclRule;
  const direction: TrafficDirection | undefined = rule ? (rule.egress ? 'egress' : 'ingress') : c.trafficDirection;
  const id = rule?.aclId ?? c.component.id;
  // The engine flags the `*` rule as implicit too; only allow rules of an implicit NACL say so.
  const implicit = rule?.implicit && rule.ruleNumber !== 32767 ? ' (implicit default NACL)' : '';
  const dirWord = direction ? `${trafficWord(direction)} ` : '';
  if (c.aclPortDecisions && c.aclPortDecisions.length > 0) {
    return `${id}${implicit} ${dirWord}rules decide per port:`;
  }
  if (!rule) return `${id}${implicit} ${dirWord}${c.action === 'allow' ? 'allows' : 'denies'} ${describePacket(h)}`;
  return `${id}${implicit} ${dirWord}${describeAclRule(rule, h)}`;
}

/**
 * "rule 100 allows all traffic to 0.0.0.0/0"; the implicit `*` rule names the packet it refused,
 * because its own text ("all traffic from anywhere") says nothing.
 */
export function describeAclRule(rule: AclRuleRef, h: PacketHeader): string {
  const verb = rule.action === 'allow' ? 'allows' : 'denies';
  if (rule.ruleNumber === 32767) {
    const peer = rule.egress ? `to ${addresses(h.dst)}` : `from ${addresses(h.src)}`;
    return `rule * (32767) ${verb} ${describeTraffic(h)} ${peer}`;
  }
  const peer = rule.egress ? `to ${rule.cidr}` : `from ${rule.cidr}`;
  const icmp = describeIcmpMatch(rule.protocol, rule.icmpType, rule.icmpCode);
  return `rule ${rule.ruleNumber} ${verb} ${describeRuleTraffic(rule.protocol, rule.portRange)}${icmp} ${peer}`;
}

function describeRouteTable(c: PathComponent, h: PacketHeader): string {
  const route = c.routeTableRoute;
  const id = route?.routeTableId ?? c.component.id;
  if (!route) {
    return c.action === 'drop' || c.action === 'deny'
      ? `${id}: no route matches ${addresses(h.dst)}`
      : `${id}: routes ${addresses(h.dst)}`;
  }
  return `${id}: ${describeRoute(route)}`;
}

/** "route 0.0.0.0/0 -> igw-a", with the reason when the route does not work. */
export function describeRoute(route: RouteRef): string {
  const notes: string[] = [];
  if (route.implicit) notes.push('implicit');
  if (route.origin === 'gatewayEndpoint') notes.push('added by the gateway endpoint');
  const suffix = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  const state = route.state === 'blackhole' ? ' is a blackhole: its target is gone or unusable' : '';
  return `route ${route.destination} -> ${route.target}${suffix}${state}`;
}

/** Extra lines under a component: per-port NACL decisions, header rewrites, details. */
function subLines(c: PathComponent, h: PacketHeader): string[] {
  const out: string[] = [];
  if (c.aclPortDecisions) {
    for (const d of c.aclPortDecisions) {
      const ports: PacketHeader = { ...h, dport: d.ports };
      out.push(`ports ${formatPortSet(d.ports)}: ${describeAclRule(d.rule, ports)}`);
    }
  }
  if (c.action !== 'translate' && c.inboundHeader && c.outboundHeader) {
    const changes = headerChanges(c.inboundHeader, c.outboundHeader);
    if (changes.length > 0) out.push(`rewrites ${changes.join(', ')}`);
  }
  for (const code of c.additionalDetails ?? []) {
    // Said already by the main line.
    if (code === 'SG_CONNECTION_TRACKING' && c.securityGroupRule?.viaConntrack) continue;
    out.push(`note: ${DETAIL_CODES[code]}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Packets and headers

function initialHeader(q: ResolvedQuery): PacketHeader {
  const proto = q.proto;
  const hasPorts = protocolHasPorts(protocolName(q.protocol));
  return {
    family: q.family,
    proto,
    src: [q.sourceAddress],
    dst: [q.destinationAddress],
    sport: hasPorts ? q.sourcePorts : [],
    dport: hasPorts && q.port !== undefined ? [{ from: q.port, to: q.port }] : [],
  };
}

/** The reply to a delivered request (semantics.md 11.2): addresses and ports swapped. */
function replyHeader(delivered: PacketHeader): PacketHeader {
  const reply: PacketHeader = {
    family: delivered.family,
    proto: delivered.proto,
    src: delivered.dst,
    dst: delivered.src,
    sport: delivered.dport,
    dport: delivered.sport,
  };
  if (delivered.icmp) {
    const replyType = delivered.icmp.type === 8 ? 0 : delivered.icmp.type === 128 ? 129 : delivered.icmp.type;
    reply.icmp = { type: replyType, code: delivered.icmp.code };
  }
  return reply;
}

/** "tcp 10.0.2.10:32768-60999 -> 198.51.100.10:443" */
export function describePacket(h: PacketHeader): string {
  const name = protoName(h.proto);
  const src = addresses(h.src);
  const dst = addresses(h.dst);
  if (protocolHasPorts(name) && (h.sport.length > 0 || h.dport.length > 0)) {
    const sp = h.sport.length > 0 ? `:${formatPortSet(h.sport)}` : '';
    const dp = h.dport.length > 0 ? `:${formatPortSet(h.dport)}` : '';
    return `${name} ${src}${sp} -> ${dst}${dp}`;
  }
  const traffic = name === 'all' ? 'traffic' : `${name}${describeIcmpHeader(h)}`;
  return `${traffic} ${src} -> ${dst}`;
}

/** The protocol and destination ports of a packet: "tcp 443", "icmp echo request", "all traffic". */
function describeTraffic(h: PacketHeader): string {
  const name = protoName(h.proto);
  if (name === 'all') return 'all traffic';
  if (protocolHasPorts(name)) return h.dport.length > 0 ? `${name} ${formatPortSet(h.dport)}` : name;
  return `${name}${describeIcmpHeader(h)}`;
}

function describeIcmpHeader(h: PacketHeader): string {
  if (!h.icmp) return '';
  const known: Record<string, string> = {
    '1:8': 'echo request',
    '1:0': 'echo reply',
    '58:128': 'echo request',
    '58:129': 'echo reply',
  };
  const name = known[`${h.proto}:${h.icmp.type}`];
  return name ? ` ${name}` : ` type ${h.icmp.type} code ${h.icmp.code}`;
}

/** What a rule matches: "all traffic", "tcp 443", "all tcp", "icmp". */
function describeRuleTraffic(protocol: string, range: PortRange | undefined): string {
  const name = protocolName(protocol);
  if (name === 'all') return 'all traffic';
  if (!protocolHasPorts(name)) return name;
  if (!range || (range.from === 0 && range.to === 65535)) return `all ${name}`;
  return `${name} ${range.from === range.to ? range.from : `${range.from}-${range.to}`}`;
}

function describeIcmpMatch(protocol: string, type: number | undefined, code: number | undefined): string {
  const name = protocolName(protocol);
  if (name !== 'icmp' && name !== 'icmpv6') return '';
  if (type === undefined || type === -1) return '';
  return code === undefined || code === -1 ? ` type ${type}` : ` type ${type} code ${code}`;
}

const PROTO_NAMES: Record<number, string> = { [-1]: 'all', 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6' };

function protoName(proto: number): string {
  return PROTO_NAMES[proto] ?? `protocol ${proto}`;
}

/** Normalises the protocol spellings of documents and queries ("-1", "6", "TCP") to a name. */
function protocolName(protocol: string): string {
  const p = protocol.toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (/^\d+$/.test(p)) return protoName(Number(p));
  return p;
}

function protocolHasPorts(name: string): boolean {
  return name === 'tcp' || name === 'udp';
}

function addresses(list: readonly string[]): string {
  if (list.length === 0) return '(no address)';
  return list.join(', ');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function samePorts(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  return a.length === b.length && a.every((x, i) => x.from === b[i]?.from && x.to === b[i]?.to);
}

function trafficWord(d: TrafficDirection): string {
  return d === 'ingress' ? 'inbound' : 'outbound';
}
