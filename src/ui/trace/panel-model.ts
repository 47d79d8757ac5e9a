// Pure helpers of the trace panel: endpoint lists, the form as a query, path rows, blockers with their
// fixes, and the check that pins a trace. No React here, so the unit tests cover all of it.
import type {
  Explanation,
  ExplanationCode,
  PacketHeader,
  PathComponent,
  PathDirection,
  TraceQuery,
  TraceResult,
  Verdict,
} from '../../engine/index.ts';
import { formatPortRange, parseIp, type PortRange } from '../../lib/index.ts';
import { primaryInterfaceIdOf, type Check, type Topology } from '../../model/index.ts';
import { describeDecision } from '../describe.ts';

/** The form as typed. Strings and flags only, so it survives JSON storage unchanged. */
export interface TraceFormState {
  from: string;
  to: string;
  protocol: string;
  port: string;
  /** `auto` lets the engine decide (IPv4 unless an address literal says otherwise). */
  family: 'auto' | '4' | '6';
  oneWay: boolean;
}

export type EndpointField = 'from' | 'to';

export interface EndpointOption {
  value: string;
  label: string;
}

export interface EndpointGroup {
  label: string;
  options: EndpointOption[];
}

export const TRACE_FORM_PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'] as const;

/** Ports people know by name; the port field offers them and names a typed one. */
export const COMMON_PORTS: readonly { port: number; name: string }[] = [
  { port: 22, name: 'ssh' },
  { port: 53, name: 'dns' },
  { port: 80, name: 'http' },
  { port: 443, name: 'https' },
  { port: 3306, name: 'mysql' },
  { port: 3389, name: 'rdp' },
  { port: 5432, name: 'postgres' },
];

export function portName(port: string | number): string | undefined {
  const n = typeof port === 'number' ? port : Number(port);
  return COMMON_PORTS.find((p) => p.port === n)?.name;
}

function labelled(id: string, name: string | undefined): EndpointOption {
  return { value: id, label: name && name !== id ? `${id} (${name})` : id };
}

/** What a trace may start from or end at in this topology (format.md section 3), grouped for a select. */
export function endpointGroups(topology: Topology, field: EndpointField): EndpointGroup[] {
  const groups: EndpointGroup[] = [
    { label: 'Instances', options: (topology.instances ?? []).map((i) => labelled(i.id, i.name)) },
    {
      label: 'Interfaces',
      options: (topology.networkInterfaces ?? []).map((eni) => labelled(eni.id, eni.name)),
    },
    { label: 'External hosts', options: (topology.externalHosts ?? []).map((h) => labelled(h.id, h.name)) },
    {
      label: 'Services',
      options: [
        { value: 'internet', label: 'internet' },
        ...(field === 'to'
          ? [
              { value: 's3', label: 's3' },
              { value: 'dynamodb', label: 'dynamodb' },
            ]
          : []),
      ],
    },
  ];
  return groups.filter((g) => g.options.length > 0);
}

export function isEndpoint(groups: readonly EndpointGroup[], value: string): boolean {
  return groups.some((g) => g.options.some((o) => o.value === value));
}

export function isAddress(value: string): boolean {
  return parseIp(value.trim()) !== undefined;
}

/** The resource a clicked canvas node stands for, when it can be an end of a trace. */
export function pickableEndpoint(topology: Topology, id: string): string | undefined {
  if (id === 'internet') return id;
  const lists = [topology.instances, topology.networkInterfaces, topology.externalHosts];
  if (lists.some((list) => (list ?? []).some((r) => r.id === id))) return id;
  // A primary interface drawn on its own stands for its instance.
  return (topology.instances ?? []).find((i) => primaryInterfaceIdOf(i) === id)?.id;
}

export function defaultTraceForm(topology: Topology, firstCheck?: Check): TraceFormState {
  if (firstCheck) {
    return {
      from: firstCheck.from,
      to: firstCheck.to,
      protocol: firstCheck.protocol ?? 'tcp',
      port: firstCheck.port === undefined ? '' : String(firstCheck.port),
      family: firstCheck.family === undefined ? 'auto' : firstCheck.family === 6 ? '6' : '4',
      oneWay: firstCheck.oneWay ?? false,
    };
  }
  return {
    from: topology.instances?.[0]?.id ?? '',
    to: 'internet',
    protocol: 'tcp',
    port: '443',
    family: 'auto',
    oneWay: false,
  };
}

/** Reads a stored form defensively; older entries (from, to, protocol, port) gain the new fields. */
export function readTraceForm(value: unknown): TraceFormState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (!['from', 'to', 'protocol', 'port'].every((f) => typeof r[f] === 'string')) return undefined;
  const family = r['family'] === '4' || r['family'] === '6' ? r['family'] : 'auto';
  return {
    from: r['from'] as string,
    to: r['to'] as string,
    protocol: r['protocol'] as string,
    port: r['port'] as string,
    family,
    oneWay: r['oneWay'] === true,
  };
}

export function needsPort(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp';
}

export type FormOutcome = { ok: true; query: TraceQuery } | { ok: false; message: string };

/** The query the form asks, or why it cannot be asked yet. */
export function formToQuery(form: TraceFormState): FormOutcome {
  const from = form.from.trim();
  const to = form.to.trim();
  if (!from || !to) return { ok: false, message: 'Choose both ends of the trace.' };
  const extra: Pick<TraceQuery, 'family' | 'oneWay'> = {
    ...(form.family === 'auto' ? {} : { family: form.family === '6' ? 6 : 4 }),
    ...(form.oneWay ? { oneWay: true } : {}),
  };
  if (!needsPort(form.protocol)) return { ok: true, query: { from, to, protocol: form.protocol, ...extra } };
  const text = form.port.trim();
  const port = Number(text);
  if (text === '' || !/^\d+$/.test(text) || port > 65535) {
    return { ok: false, message: `${form.protocol} needs a destination port from 0 to 65535.` };
  }
  return { ok: true, query: { from, to, protocol: form.protocol, port, ...extra } };
}

const VERDICT_WORDS: Record<Verdict, string> = {
  REACHABLE: 'The traffic gets through, and so do the replies.',
  REACHABLE_PARTIAL: 'The traffic gets through, but replies come back only to some client ports.',
  BLOCKED: 'The traffic does not get through.',
  UNSUPPORTED: 'The simulator does not model this path.',
  INVALID_CONFIG: 'The configuration is invalid, so AWS would not carry this traffic.',
};

/** The verdict in plain words; one-way traces do not speak of replies. */
export function verdictWords(result: Pick<TraceResult, 'verdict' | 'query'>): string {
  if (result.verdict === 'REACHABLE' && result.query.oneWay) return 'The request gets through (one way).';
  return VERDICT_WORDS[result.verdict];
}

function formatRanges(ranges: readonly PortRange[]): string {
  return ranges.length === 0 ? 'none' : ranges.map(formatPortRange).join(', ');
}

/** REACHABLE_PARTIAL: the client ports whose replies come back, and those that fail. */
export function partialPorts(result: TraceResult): { working: string; failing: string } | undefined {
  if (result.verdict !== 'REACHABLE_PARTIAL') return undefined;
  const failing = result.explanations.flatMap((e) => e.portRanges ?? []);
  return { working: formatRanges(result.workingPortRanges ?? []), failing: formatRanges(failing) };
}

/** A rule or route the inspector can point at when a path row is clicked. */
export type RuleHighlight =
  | { kind: 'security-group-rule'; sgId: string; direction: 'ingress' | 'egress'; index: number }
  | { kind: 'nacl-rule'; aclId: string; egress: boolean; ruleNumber: number }
  | { kind: 'route'; routeTableId: string; destination: string };

export interface RowTarget {
  id: string;
  highlight?: RuleHighlight;
}

export interface PathRow {
  key: string;
  direction: PathDirection;
  seq: number;
  componentId: string;
  componentType: PathComponent['component']['type'];
  name?: string;
  action: PathComponent['action'];
  /** What was checked here, in a few words. */
  checked: string;
  /** The rule or route that decided, permits included; empty when none applies. */
  decision: string;
  /** Header fields this component rewrote, each as `field before → after`. */
  rewrites: string[];
  codes: ExplanationCode[];
  whatIf: boolean;
  target: RowTarget;
}

const TYPE_WORDS: Partial<Record<PathComponent['component']['type'], string>> = {
  'security-group': 'security group',
  'network-acl': 'network ACL',
  'route-table': 'route table',
  'network-interface': 'interface',
  'internet-gateway': 'internet gateway',
  'egress-only-internet-gateway': 'egress-only gateway',
  'nat-gateway': 'NAT gateway',
  'vpc-peering-connection': 'peering',
  'transit-gateway': 'transit gateway',
  'transit-gateway-attachment': 'TGW attachment',
  'transit-gateway-route-table': 'TGW route table',
  'vpc-endpoint': 'VPC endpoint',
  'external-host': 'external host',
  'aws-service': 'AWS service',
  'vpc-service': 'VPC service',
};

export function typeWords(type: PathComponent['component']['type']): string {
  return TYPE_WORDS[type] ?? type;
}

function checkedWords(c: PathComponent): string {
  const list = c.trafficDirection === 'egress' ? 'outbound' : 'inbound';
  switch (c.component.type) {
    case 'security-group':
      return `${list} rules of the interface's groups`;
    case 'network-acl':
      return `${list} rules of the subnet's ACL`;
    case 'route-table':
    case 'transit-gateway-route-table':
      return 'the most specific route for the destination';
    case 'nat-gateway':
      return 'source address translation';
    case 'internet-gateway':
      return 'public address mapping';
    default:
      return c.action;
  }
}

function headerField(h: PacketHeader, field: 'src' | 'dst' | 'sport' | 'dport'): string {
  if (field === 'src' || field === 'dst') return h[field].join(', ');
  return formatRanges(h[field]);
}

const FIELD_WORDS = { src: 'source', dst: 'destination', sport: 'source port', dport: 'destination port' };

/** Header fields changed between a component's inbound and outbound header. */
export function headerRewrites(c: Pick<PathComponent, 'inboundHeader' | 'outboundHeader'>): string[] {
  const before = c.inboundHeader;
  const after = c.outboundHeader;
  if (!before || !after) return [];
  const out: string[] = [];
  for (const field of ['src', 'dst', 'sport', 'dport'] as const) {
    const a = headerField(before, field);
    const b = headerField(after, field);
    if (a !== b) out.push(`${FIELD_WORDS[field]} ${a} → ${b}`);
  }
  return out;
}

/** The resource a row stands for and the rule or route the inspector should point at. */
export function rowTarget(c: PathComponent): RowTarget {
  const sg = c.securityGroupRule;
  if (c.component.type === 'security-group' && sg) {
    return sg.viaConntrack || sg.ruleIndex < 0
      ? { id: sg.sgId }
      : {
          id: sg.sgId,
          highlight: { kind: 'security-group-rule', sgId: sg.sgId, direction: sg.direction, index: sg.ruleIndex },
        };
  }
  const acl = c.aclRule;
  if (c.component.type === 'network-acl' && acl) {
    return {
      id: acl.aclId,
      highlight: { kind: 'nacl-rule', aclId: acl.aclId, egress: acl.egress, ruleNumber: acl.ruleNumber },
    };
  }
  const route = c.routeTableRoute;
  if (c.component.type === 'route-table' && route) {
    return {
      id: route.routeTableId,
      highlight: { kind: 'route', routeTableId: route.routeTableId, destination: route.destination },
    };
  }
  return { id: c.component.id };
}

function decisionWords(c: PathComponent): string {
  const parts = [describeDecision(c)].filter(Boolean);
  if (c.tgwRoute) {
    const r = c.tgwRoute;
    parts.push(
      `${r.routeTableId}: ${r.destination} → ${r.blackhole ? 'blackhole' : (r.attachmentId ?? '?')} (${r.type})`,
    );
  }
  for (const d of c.aclPortDecisions ?? []) {
    parts.push(
      `ports ${formatRanges(d.ports)}: ${d.rule.aclId} rule ${d.rule.ruleNumber === 32767 ? '*' : d.rule.ruleNumber} (${d.rule.action})`,
    );
  }
  return parts.join('; ');
}

export function rowKey(direction: PathDirection, seq: number): string {
  return `${direction}-${seq}`;
}

export function pathRows(components: readonly PathComponent[]): PathRow[] {
  return components.map((c) => ({
    key: rowKey(c.direction, c.seq),
    direction: c.direction,
    seq: c.seq,
    componentId: c.component.id,
    componentType: c.component.type,
    ...(c.component.name === undefined ? {} : { name: c.component.name }),
    action: c.action,
    checked: checkedWords(c),
    decision: decisionWords(c),
    rewrites: headerRewrites(c),
    codes: c.explanationCodes ?? [],
    whatIf: c.whatIf === true,
    target: rowTarget(c),
  }));
}

/** The parts of a fix suggestion the panel shows (src/engine/fixes.ts FixSuggestion is a superset). */
export interface FixView {
  id: string;
  blocker: { code: ExplanationCode; componentId: string; pathDirection: PathDirection };
  title: string;
  opens: string;
  cost: number;
  verdictAfter: Verdict;
}

export interface BlockerView<F extends FixView = FixView> {
  key: string;
  explanation: Explanation;
  /** Cheapest first. */
  fixes: F[];
}

/** Every blocking explanation with the fixes that remove it, cheapest first. */
export function blockersWithFixes<F extends FixView>(result: TraceResult, fixes: readonly F[]): BlockerView<F>[] {
  return result.explanations
    .filter((e) => e.blocking)
    .map((e, index) => ({
      key: `${e.pathDirection}-${e.componentId}-${e.code}-${index}`,
      explanation: e,
      fixes: fixes
        .filter(
          (f) =>
            f.blocker.code === e.code &&
            f.blocker.componentId === e.componentId &&
            f.blocker.pathDirection === e.pathDirection,
        )
        .sort((a, b) => a.cost - b.cost),
    }));
}

/** A name for a pinned check that no other check of the document has. */
export function uniqueCheckName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n += 1) if (!names.has(`${base} (${n})`)) return `${base} (${n})`;
}

/** The check that pins this trace: the question, with today's verdict (and primary blocker) expected. */
export function checkFromTrace(query: TraceQuery, result: TraceResult, taken: readonly string[]): Check {
  const port = query.port === undefined ? '' : ` ${query.port}`;
  const base = `${query.from} → ${query.to} ${query.protocol ?? 'tcp'}${port}`;
  const check: Check = {
    name: uniqueCheckName(base, taken),
    from: query.from,
    to: query.to,
    ...(query.protocol === undefined ? {} : { protocol: query.protocol }),
    ...(query.port === undefined ? {} : { port: query.port }),
    ...(query.family === undefined ? {} : { family: query.family }),
    ...(query.toAddress === undefined ? {} : { toAddress: query.toAddress }),
    ...(query.oneWay ? { oneWay: true } : {}),
    expect: result.verdict,
  };
  const primary = result.explanations.find((e) => e.blocking);
  if (result.verdict === 'BLOCKED' && primary) {
    check.blockedAt = primary.componentId;
    check.code = primary.code;
    check.direction = primary.pathDirection;
  }
  return check;
}

/** True when the document already pins this exact question. */
export function isPinned(checks: readonly Check[] | undefined, query: TraceQuery): boolean {
  return (checks ?? []).some(
    (c) =>
      c.from === query.from &&
      c.to === query.to &&
      (c.protocol ?? 'tcp') === (query.protocol ?? 'tcp') &&
      c.port === query.port &&
      c.family === query.family &&
      (c.oneWay ?? false) === (query.oneWay ?? false),
  );
}
