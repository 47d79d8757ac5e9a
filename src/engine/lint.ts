/**
 * lintNetwork(net): design advice on a compiled network (issue 3, "Design lint"). Every finding is a
 * `warning`: the configuration is legal but probably not what the designer meant. Pure and deterministic.
 */
import { cidrContainsCidr, cidrsOverlap, type Cidr, type PortRange } from '../lib/index.ts';
import type { Diagnostic } from '../model/index.ts';
import { PROTO_ALL, PROTO_ICMP, PROTO_ICMPV6, PROTO_TCP, PROTO_UDP } from './builtins.ts';
import type { CodeInfo } from './codes.ts';
import type {
  CEni,
  CInstance,
  CNacl,
  CNaclRule,
  CNat,
  CPeering,
  CRoute,
  CRouteTable,
  CSecurityGroup,
  CSgRule,
  CSubnet,
  CVpc,
  Network,
} from './compile.ts';

const UG = 'https://docs.aws.amazon.com/vpc/latest/userguide';
const PEERING = 'https://docs.aws.amazon.com/vpc/latest/peering';

/** The closed catalogue of design-lint codes: one line each, and the page or design section it follows. */
export const LINT_CODES = {
  LINT_NAT_IN_PRIVATE_SUBNET: {
    summary: "A public NAT gateway sits in a subnet whose route table has no route to the VPC's internet gateway.",
    doc: `${UG}/nat-gateway-scenarios.html; semantics.md 6.2`,
  },
  LINT_NAT_SINGLE_AZ: {
    summary: 'One NAT gateway serves private subnets in several availability zones (a single point of failure).',
    doc: `${UG}/nat-gateway-basics.html; semantics.md 6.2`,
  },
  LINT_ROUTE_BLACKHOLE: {
    summary: 'A route is a blackhole: its target was deleted, detached, stopped or belongs to another VPC.',
    doc: `${UG}/route-table-options.html; semantics.md 2.4`,
  },
  LINT_NACL_RULE_SHADOWED: {
    summary: 'A network ACL rule can never match: an earlier rule already decides every packet it covers.',
    doc: `${UG}/nacl-rules.html; semantics.md 3.2`,
  },
  LINT_PUBLIC_IP_NO_IGW_ROUTE: {
    summary: "An instance has a public IP, but its subnet's route table has no route to an internet gateway.",
    doc: `${UG}/vpc-ip-addressing.html; semantics.md 5.1`,
  },
  LINT_PUBLIC_SUBNET_NO_PUBLIC_IP: {
    summary: 'An instance in a public subnet has no public IP, so it cannot reach the internet.',
    doc: `${UG}/vpc-ip-addressing.html; semantics.md 5.1`,
  },
  LINT_PEERING_ROUTE_ONE_SIDE: {
    summary: 'An active peering has routes in one VPC only, so replies have no way back.',
    doc: `${PEERING}/vpc-peering-routing.html; semantics.md 8.1 rule 4`,
  },
  LINT_TGW_ATTACHMENT_NO_ASSOCIATION: {
    summary: 'A transit gateway attachment is associated with no route table, so traffic arriving from it is dropped.',
    doc: 'https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html; semantics.md 9.3',
  },
  LINT_TGW_APPLIANCE_MODE_OFF: {
    summary:
      'A VPC attachment in several availability zones routes traffic to stateful appliances, but appliance mode is off.',
    doc: 'https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-appliance-scenario.html; semantics.md 9.2 rule 4',
  },
  LINT_VPC_CIDR_OVERLAP_CONNECTED: {
    summary: 'Two connected VPCs have overlapping CIDR blocks, so addresses in the overlap are ambiguous.',
    doc: `${PEERING}/vpc-peering-basics.html; semantics.md 8.1 rule 3`,
  },
  LINT_NACL_NO_EPHEMERAL_RETURN: {
    summary: 'A custom network ACL admits requests but not their replies on the ephemeral ports.',
    doc: `${UG}/nacl-ephemeral-ports.html; semantics.md 3.4`,
  },
  LINT_SG_REFERENCE_CANNOT_MATCH: {
    summary: 'A security-group rule references a group in a VPC that is not peered in the same region.',
    doc: `${UG}/security-group-rules.html; semantics.md 4.2`,
  },
} as const satisfies Record<string, CodeInfo>;

export type LintCode = keyof typeof LINT_CODES;

/** The Linux client range: a return rule must cover at least this (semantics.md 3.4). */
const EPHEMERAL_MIN: PortRange = { from: 32768, to: 60999 };
const ALL_PORTS: PortRange = { from: 0, to: 65535 };
const GONE_PEERING = ['deleted', 'deleting', 'rejected', 'failed', 'expired'];
const GONE_ATTACHMENT = ['deleted', 'deleting', 'failed', 'rejected'];

interface Finding {
  readonly diagnostic: Diagnostic;
  /** Document position of the resource: array order in `topology`, then index. */
  readonly ordinal: number;
}

/** Design warnings for a compiled network, ordered by the resources' document order. */
export function lintNetwork(net: Network): Diagnostic[] {
  const ordinals = documentOrdinals(net);
  const findings: Finding[] = [];
  const add = (
    code: LintCode,
    resourceId: string,
    path: string | undefined,
    message: string,
    anchor?: string,
  ): void => {
    const ordinal = ordinals.get(resourceId) ?? (anchor === undefined ? undefined : ordinals.get(anchor));
    findings.push({
      diagnostic: { code, severity: 'warning', resourceId, ...(path === undefined ? {} : { path }), message },
      ordinal: ordinal ?? Number.MAX_SAFE_INTEGER,
    });
  };

  lintNatGateways(net, add);
  lintRouteTables(net, add);
  lintNacls(net, add);
  lintInstances(net, add);
  lintPeerings(net, add);
  lintTransitGateways(net, add);
  lintOverlaps(net, add);
  lintSecurityGroups(net, add);

  findings.sort(
    (a, b) =>
      a.ordinal - b.ordinal ||
      comparePaths(a.diagnostic.path ?? '', b.diagnostic.path ?? '') ||
      compareText(a.diagnostic.code, b.diagnostic.code) ||
      compareText(a.diagnostic.message, b.diagnostic.message),
  );
  return findings.map((f) => f.diagnostic);
}

type Add = (code: LintCode, resourceId: string, path: string | undefined, message: string, anchor?: string) => void;

function documentOrdinals(net: Network): Map<string, number> {
  const out = new Map<string, number>();
  const record = net.topology as Record<string, unknown>;
  let n = 0;
  for (const key of Object.keys(record)) {
    const items = record[key];
    if (!Array.isArray(items)) continue;
    for (const item of items as unknown[]) {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !out.has(id)) out.set(id, n);
      n++;
    }
  }
  // Implicit main tables and default NACLs sort with their VPC.
  for (const vpc of net.vpcList) {
    const at = out.get(vpc.id);
    if (at === undefined) continue;
    if (!out.has(vpc.mainRouteTable.id)) out.set(vpc.mainRouteTable.id, at);
    if (!out.has(vpc.defaultNacl.id)) out.set(vpc.defaultNacl.id, at);
  }
  return out;
}

/** Orders `a.b[2].c[10]` before `a.b[10]`: numbers compare as numbers. */
function comparePaths(a: string, b: string): number {
  const ta = a.split(/(\d+)/);
  const tb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x === y) continue;
    if (i % 2 === 1) return Number(x) - Number(y);
    return compareText(x, y);
  }
  return ta.length - tb.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function label(x: { id: string; name?: string }): string {
  return x.name === undefined ? x.id : `${x.id} ("${x.name}")`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

function isIgwRoute(r: CRoute): boolean {
  return r.targetType === 'internet-gateway' && r.state === 'active';
}

function isDefaultRoute4(r: CRoute): boolean {
  return r.cidr.family === 4 && r.cidr.prefix === 0;
}

function hasIgwRoute(table: CRouteTable): boolean {
  return table.routes.some(isIgwRoute);
}

function hasDefaultIgwRoute(table: CRouteTable): boolean {
  return table.routes.some((r) => isIgwRoute(r) && isDefaultRoute4(r));
}

// --- NAT gateways -------------------------------------------------------------------------------------

function lintNatGateways(net: Network, add: Add): void {
  for (const nat of net.natGateways.values()) {
    const table = nat.subnet.routeTable;
    if (nat.connectivity === 'public' && !hasIgwRoute(table)) {
      add(
        'LINT_NAT_IN_PRIVATE_SUBNET',
        nat.id,
        nat.path,
        `Public NAT gateway ${label(nat)} sits in subnet ${label(nat.subnet)}, whose route table ${label(table)} ` +
          'has no route to an attached internet gateway, so the traffic it translates can never reach the internet. ' +
          'Place it in a public subnet.',
      );
    }
    lintNatSingleAz(net, nat, add);
  }
}

function lintNatSingleAz(net: Network, nat: CNat, add: Add): void {
  const served: CSubnet[] = [];
  for (const s of net.subnets.values()) {
    if (s.routeTable.routes.some((r) => isDefaultRoute4(r) && r.state === 'active' && r.targetObject === nat)) {
      served.push(s);
    }
  }
  const azs = [...new Set(served.map((s) => s.az))].sort(compareText);
  if (azs.length < 2) return;
  const others = served.filter((s) => s.az !== nat.subnet.az).map((s) => `${s.id} (${s.az})`);
  add(
    'LINT_NAT_SINGLE_AZ',
    nat.id,
    nat.path,
    `NAT gateway ${label(nat)} in ${nat.subnet.az} is the internet route of subnets in ${list(azs)}` +
      (others.length > 0 ? `, including ${list(others)}` : '') +
      '. If its availability zone fails, every one of them loses internet access; use one NAT gateway per zone.',
  );
}

// --- Routes -------------------------------------------------------------------------------------------

function lintRouteTables(net: Network, add: Add): void {
  for (const table of net.routeTables.values()) {
    // A prefix-list route is expanded into one entry per list CIDR: report each written route once.
    const seen = new Set<string>();
    for (const r of table.routes) {
      if (r.state !== 'blackhole') continue;
      const key = `${r.docIndex}|${r.destination}|${r.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(
        'LINT_ROUTE_BLACKHOLE',
        table.id,
        r.path ?? table.path,
        `Route ${r.destination} -> ${r.target} in route table ${label(table)} is a blackhole: ` +
          `${blackholeReason(r, table.vpc)}. Packets that match it are dropped.`,
      );
    }
  }
}

function blackholeReason(r: CRoute, vpc: CVpc): string {
  const o = r.targetObject;
  if (o === undefined) return `${r.target} names no resource, as if it had been deleted`;
  if ('requester' in o) {
    if (o.requester !== vpc && o.accepter !== vpc) return `peering ${o.id} does not connect ${vpc.id}`;
    return `peering ${o.id} is ${o.status}`;
  }
  if ('attachments' in o) return `transit gateway ${o.id} has no attachment in ${vpc.id}`;
  if ('kind' in o) {
    if (o.vpc !== vpc) return `${o.id} is in ${o.vpc.id}, not in ${vpc.id}`;
    if (o.kind === 'nat') return `NAT gateway ${o.id} is ${o.state}`;
    const inst = o.instance;
    return inst === undefined ? `${o.id} is not usable` : `instance ${inst.id} is ${inst.state}`;
  }
  if (o.vpc === undefined) return `gateway ${o.id} is not attached to any VPC`;
  return `${o.id} belongs to ${o.vpc.id}, not to ${vpc.id}`;
}

// --- Network ACLs -------------------------------------------------------------------------------------

function lintNacls(net: Network, add: Add): void {
  for (const nacl of net.nacls.values()) {
    if (nacl.implicit) continue;
    for (const dir of ['inbound', 'outbound'] as const) lintShadowed(nacl, dir, add);
    if (nacl !== nacl.vpc.defaultNacl && !isDocDefault(net, nacl)) {
      lintEphemeral(nacl, 'inbound', add);
      lintEphemeral(nacl, 'outbound', add);
    }
  }
}

function isDocDefault(net: Network, nacl: CNacl): boolean {
  return (net.topology.networkAcls ?? []).some((a) => a.id === nacl.id && a.default === true);
}

function explicitRules(nacl: CNacl, dir: 'inbound' | 'outbound'): CNaclRule[] {
  return nacl[dir].filter((r) => !r.implicit && !(r.proto === PROTO_ICMPV6 && r.cidr.family === 4));
}

/** The ports a rule matches, or undefined when its protocol has no ports. */
function portsOf(r: { proto: number; ports?: PortRange }): PortRange | undefined {
  if (r.proto !== PROTO_TCP && r.proto !== PROTO_UDP) return undefined;
  return r.ports ?? ALL_PORTS;
}

function rangeContains(outer: PortRange, inner: PortRange): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

function icmpField(v: number | undefined): number {
  return v === undefined ? -1 : v;
}

/** True when every packet `inner` matches is also matched by `outer`. */
function naclRuleCovers(outer: CNaclRule, inner: CNaclRule): boolean {
  if (outer.cidr.family !== inner.cidr.family || !cidrContainsCidr(outer.cidr, inner.cidr)) return false;
  if (outer.proto === PROTO_ALL) return true;
  if (outer.proto !== inner.proto) return false;
  const po = portsOf(outer);
  const pi = portsOf(inner);
  if (po && pi && !rangeContains(po, pi)) return false;
  if (outer.proto === PROTO_ICMP || outer.proto === PROTO_ICMPV6) {
    const ot = icmpField(outer.icmpType);
    const oc = icmpField(outer.icmpCode);
    if (ot !== -1 && ot !== icmpField(inner.icmpType)) return false;
    if (oc !== -1 && oc !== icmpField(inner.icmpCode)) return false;
  }
  return true;
}

function describeRule(r: CNaclRule): string {
  const ports = portsOf(r);
  const p = ports && (ports.from !== 0 || ports.to !== 65535) ? ` ${formatRange(ports)}` : '';
  return `${r.ruleNumber} (${r.action} ${r.protocolText}${p} ${r.cidrText})`;
}

function formatRange(r: PortRange): string {
  return r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`;
}

function lintShadowed(nacl: CNacl, dir: 'inbound' | 'outbound', add: Add): void {
  const rules = explicitRules(nacl, dir);
  rules.forEach((r, i) => {
    const earlier = rules.slice(0, i).find((e) => e.ruleNumber < r.ruleNumber && naclRuleCovers(e, r));
    if (!earlier) return;
    const effect =
      earlier.action === r.action
        ? 'so it is redundant'
        : `so its ${r.action} never takes effect (rules are checked in number order and the first match wins)`;
    add(
      'LINT_NACL_RULE_SHADOWED',
      nacl.id,
      r.path ?? nacl.path,
      `${dir === 'inbound' ? 'Inbound' : 'Outbound'} rule ${describeRule(r)} of network ACL ${label(nacl)} can never ` +
        `match: the earlier rule ${describeRule(earlier)} decides every packet it covers, ${effect}.`,
    );
  });
}

/**
 * A rule is taken as the reply leg of the other direction (not a request) when it opens a wide
 * high-port range, as `1024-65535` does.
 */
function isReturnLike(r: CNaclRule): boolean {
  const ports = portsOf(r);
  return ports !== undefined && ports.from >= 1024 && ports.to - ports.from >= 10000;
}

function lintEphemeral(nacl: CNacl, dir: 'inbound' | 'outbound', add: Add): void {
  const other = dir === 'inbound' ? 'outbound' : 'inbound';
  const requests = explicitRules(nacl, dir).filter(
    (r) => r.action === 'allow' && (r.proto === PROTO_TCP || r.proto === PROTO_ALL) && !isReturnLike(r),
  );
  const replies = explicitRules(nacl, other).filter((r) => r.action === 'allow');
  for (const req of requests) {
    const ok = replies.some(
      (o) =>
        (o.proto === PROTO_TCP || o.proto === PROTO_ALL) &&
        o.cidr.family === req.cidr.family &&
        cidrContainsCidr(o.cidr, req.cidr) &&
        rangeContains(portsOf(o) ?? ALL_PORTS, EPHEMERAL_MIN),
    );
    if (ok) continue;
    const what =
      dir === 'inbound'
        ? `admits inbound TCP from ${req.cidrText} (rule ${req.ruleNumber}) but no outbound rule allows TCP to ` +
          `${req.cidrText} on the ephemeral ports (1024-65535, or at least 32768-60999), so the replies are dropped`
        : `lets TCP out to ${req.cidrText} (rule ${req.ruleNumber}) but no inbound rule allows TCP from ` +
          `${req.cidrText} on the ephemeral ports (1024-65535, or at least 32768-60999), so the replies never get in`;
    add(
      'LINT_NACL_NO_EPHEMERAL_RETURN',
      nacl.id,
      req.path ?? nacl.path,
      `Network ACL ${label(nacl)} ${what}. Network ACLs are stateless: each direction needs its own rule.`,
    );
  }
}

// --- Instances and public addresses -------------------------------------------------------------------

function lintInstances(net: Network, add: Add): void {
  for (const eni of net.enis.values()) {
    if (eni.publicIp4 === undefined) continue;
    const table = eni.subnet.routeTable;
    if (hasIgwRoute(table)) continue;
    const owner = ownerOf(eni);
    add(
      'LINT_PUBLIC_IP_NO_IGW_ROUTE',
      owner.id,
      owner.path,
      `${owner.kind} ${label(owner)} has a public IP, but its subnet ${label(eni.subnet)} uses route table ` +
        `${label(table)}, which has no route to an internet gateway, so the public IP is unreachable and unused.`,
    );
  }
  for (const inst of net.instances.values()) {
    if (inst.enis.some((e) => e.publicIp4 !== undefined)) continue;
    const eni = inst.primaryEni;
    const table = eni.subnet.routeTable;
    if (!hasDefaultIgwRoute(table)) continue;
    add(
      'LINT_PUBLIC_SUBNET_NO_PUBLIC_IP',
      inst.id,
      inst.path,
      `Instance ${label(inst)} is in subnet ${label(eni.subnet)}, whose route table ${label(table)} sends ` +
        '0.0.0.0/0 to an internet gateway, but it has no public IP: the gateway cannot translate its address, ' +
        'so it cannot reach the internet (give it a public IP, or move it to a private subnet behind a NAT gateway).',
    );
  }
}

function ownerOf(eni: CEni): { id: string; name?: string; path: string; kind: string } {
  const inst: CInstance | undefined = eni.instance;
  if (inst && inst.primaryEni === eni) {
    return { id: inst.id, ...(inst.name === undefined ? {} : { name: inst.name }), path: inst.path, kind: 'Instance' };
  }
  return {
    id: eni.id,
    ...(eni.name === undefined ? {} : { name: eni.name }),
    path: eni.path,
    kind: 'Network interface',
  };
}

// --- Peerings and connected VPCs ----------------------------------------------------------------------

function routesTo(net: Network, vpc: CVpc, pcx: CPeering): number {
  let n = 0;
  for (const table of net.routeTables.values()) {
    if (table.vpc !== vpc) continue;
    for (const r of table.routes) if (r.targetObject === pcx) n++;
  }
  return n;
}

function lintPeerings(net: Network, add: Add): void {
  for (const pcx of net.peerings.values()) {
    if (pcx.status !== 'active' || pcx.requester === pcx.accepter) continue;
    const req = routesTo(net, pcx.requester, pcx);
    const acc = routesTo(net, pcx.accepter, pcx);
    if ((req === 0) === (acc === 0)) continue;
    const [withRoutes, without] = req > 0 ? [pcx.requester, pcx.accepter] : [pcx.accepter, pcx.requester];
    add(
      'LINT_PEERING_ROUTE_ONE_SIDE',
      pcx.id,
      pcx.path,
      `Peering ${label(pcx)} has routes in ${label(withRoutes)} but none in ${label(without)}: requests can cross, ` +
        `but ${without.id} has no route back, so replies are lost. Add a route to ${withRoutes.id}'s CIDR in ` +
        `${without.id}'s route tables.`,
    );
  }
}

function lintTransitGateways(net: Network, add: Add): void {
  for (const att of net.tgwAttachments.values()) {
    if (att.type === 'vpc' && !att.applianceMode && new Set(att.subnets.map((s) => s.az)).size > 1) {
      // Traffic arriving from the TGW is routed by the attachment subnet's table (9.2 rule 3): if that
      // sends it to an appliance, a reply from another zone meets another appliance (rule 4).
      const appliances = att.subnets.flatMap((s) =>
        s.routeTable.routes.filter(
          (r) =>
            (r.targetType === 'instance' || r.targetType === 'network-interface') &&
            r.targetObject !== undefined &&
            !(r.targetObject as CEni).sourceDestCheck,
        ),
      );
      if (appliances.length > 0) {
        add(
          'LINT_TGW_APPLIANCE_MODE_OFF',
          att.id,
          att.path,
          `Attachment ${att.id} spans ${[...new Set(att.subnets.map((s) => s.az))].join(', ')} and its subnets route ` +
            `traffic from the transit gateway to ${[...new Set(appliances.map((r) => r.target))].join(', ')}, but appliance mode is off: ` +
            `a reply from another zone can reach a different appliance, which drops it. Enable appliance mode.`,
        );
      }
    }
    // Each transit gateway an attachment joins routes its traffic with the table associated on that side.
    for (const tgw of att.peerTgw ? [att.tgw, att.peerTgw] : [att.tgw]) {
      if (att.tableByTgw.has(tgw)) continue;
      add(
        'LINT_TGW_ATTACHMENT_NO_ASSOCIATION',
        att.id,
        att.path,
        `Transit gateway attachment ${att.id} is associated with no route table of ${tgw.id}: traffic that ` +
          `${tgw.id} receives from it is dropped (TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION). Associate it with a route table.`,
      );
    }
  }
}

function vpcCidrs(vpc: CVpc): Cidr[] {
  return [...vpc.cidrs4, ...vpc.cidrs6];
}

function overlapOf(a: CVpc, b: CVpc): [Cidr, Cidr] | undefined {
  for (const x of vpcCidrs(a)) for (const y of vpcCidrs(b)) if (cidrsOverlap(x, y)) return [x, y];
  return undefined;
}

/** VPC pairs joined by a peering or by attachments to one transit gateway, with what joins them. */
function connections(net: Network): Map<string, { a: CVpc; b: CVpc; via: string[] }> {
  const out = new Map<string, { a: CVpc; b: CVpc; via: string[] }>();
  const index = new Map(net.vpcList.map((v, i) => [v, i]));
  const link = (x: CVpc, y: CVpc, via: string): void => {
    if (x === y) return;
    const [a, b] = (index.get(x) ?? 0) < (index.get(y) ?? 0) ? [x, y] : [y, x];
    const key = `${a.id}|${b.id}`;
    const entry = out.get(key) ?? { a, b, via: [] };
    if (!entry.via.includes(via)) entry.via.push(via);
    out.set(key, entry);
  };
  for (const pcx of net.peerings.values()) {
    if (!GONE_PEERING.includes(pcx.status)) link(pcx.requester, pcx.accepter, `peering ${pcx.id}`);
  }
  const byTgw = new Map<string, CVpc[]>();
  for (const att of net.topology.transitGatewayAttachments ?? []) {
    if (att.type !== 'vpc' || att.vpcId === undefined) continue;
    if (att.state !== undefined && GONE_ATTACHMENT.includes(att.state)) continue;
    const vpc = net.vpcs.get(att.vpcId);
    if (!vpc) continue;
    const members = byTgw.get(att.transitGatewayId) ?? [];
    for (const m of members) link(m, vpc, `transit gateway ${att.transitGatewayId}`);
    if (!members.includes(vpc)) members.push(vpc);
    byTgw.set(att.transitGatewayId, members);
  }
  return out;
}

function lintOverlaps(net: Network, add: Add): void {
  for (const { a, b, via } of connections(net).values()) {
    const overlap = overlapOf(a, b);
    if (!overlap) continue;
    add(
      'LINT_VPC_CIDR_OVERLAP_CONNECTED',
      b.id,
      b.path,
      `VPCs ${label(a)} (${overlap[0].text}) and ${label(b)} (${overlap[1].text}) overlap but are connected ` +
        `through ${list(via)}: an address in the overlap is always delivered locally, so those hosts cannot ` +
        'talk to each other. Give connected VPCs distinct CIDR blocks.',
    );
  }
}

// --- Security groups ----------------------------------------------------------------------------------

function lintSecurityGroups(net: Network, add: Add): void {
  for (const sg of net.securityGroups.values()) {
    for (const r of [...sg.inbound, ...sg.outbound]) {
      if (r.peer.kind !== 'sg') continue;
      const peer = net.securityGroups.get(r.peer.sgId);
      if (!peer || !peer.vpc || !sg.vpc || peer.vpc === sg.vpc) continue;
      const why = crossVpcProblem(net, sg, peer, r);
      if (why === undefined) continue;
      add(
        'LINT_SG_REFERENCE_CANNOT_MATCH',
        sg.id,
        r.path ?? sg.path,
        `Security group ${label(sg)} (in ${sg.vpc.id}) has a rule that references ${label(peer)} in ${peer.vpc.id}, ` +
          `but ${why}, so the rule matches nothing. Use the peer's CIDR block instead.`,
      );
    }
  }
}

function crossVpcProblem(net: Network, sg: CSecurityGroup, peer: CSecurityGroup, r: CSgRule): string | undefined {
  const a = sg.vpc!;
  const b = peer.vpc!;
  const joining = [...net.peerings.values()].filter(
    (p) => (p.requester === a && p.accepter === b) || (p.requester === b && p.accepter === a),
  );
  if (joining.some((p) => p.status === 'active' && p.sameRegion)) return undefined;
  if (r.ref.direction === 'ingress' && sharedTgwWithReferencing(net, a, b)) return undefined;
  const active = joining.find((p) => p.status === 'active');
  if (active)
    return `peering ${active.id} joins ${a.region} and ${b.region}, and references only work within one region`;
  const other = joining[0];
  if (other) return `peering ${other.id} is ${other.status}, not active`;
  // Joined only by a transit gateway: references work inbound only, and only with the gateway's option on.
  const tgw = sharedTgw(net, a, b);
  if (tgw) {
    return r.ref.direction === 'egress'
      ? `${a.id} and ${b.id} are joined by transit gateway ${tgw.id}, and references across a transit gateway work only in inbound rules`
      : `${a.id} and ${b.id} are joined by transit gateway ${tgw.id}, whose security-group referencing support is off`;
  }
  // Not connected: traffic from the peer's members can only come over the internet, through a NAT
  // gateway or a public address, which hides the sender's group.
  const nat = natOfGroupMembers(net, peer);
  return nat
    ? `no peering or transit gateway connects ${a.id} and ${b.id}; traffic from ${peer.id}'s members leaves through NAT gateway ${nat}, which replaces their address with its own`
    : `no peering or transit gateway connects ${a.id} and ${b.id}`;
}

/** A transit gateway both VPCs are attached to (available attachments). */
function sharedTgw(net: Network, a: CVpc, b: CVpc): { id: string } | undefined {
  for (const tgw of net.transitGateways.values()) {
    const attached = (v: CVpc) => tgw.attachments.some((x) => x.type === 'vpc' && x.vpc === v && x.available);
    if (attached(a) && attached(b)) return tgw;
  }
  return undefined;
}

/** The NAT gateway the default route of a member of `group` points to, if any. */
function natOfGroupMembers(net: Network, group: CSecurityGroup): string | undefined {
  for (const eni of net.enis.values()) {
    if (!eni.sgs.includes(group)) continue;
    const route = eni.subnet.routeTable.routes.find((x) => x.cidr.prefix === 0 && x.targetType === 'nat-gateway');
    if (route) return route.target;
  }
  return undefined;
}

/** Inbound references also work across one transit gateway that has security-group referencing enabled. */
function sharedTgwWithReferencing(net: Network, a: CVpc, b: CVpc): boolean {
  const t = net.topology;
  for (const tgw of t.transitGateways ?? []) {
    if (tgw.securityGroupReferencingSupport !== true) continue;
    const vpcs = (t.transitGatewayAttachments ?? [])
      .filter((x) => x.transitGatewayId === tgw.id && x.type === 'vpc')
      .map((x) => x.vpcId);
    if (vpcs.includes(a.id) && vpcs.includes(b.id)) return true;
  }
  return false;
}
