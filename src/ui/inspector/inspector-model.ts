// Pure lookups the inspector forms need: what a selection id names, which targets a route may use,
// which table or NACL a subnet uses, addresses in use. Reads the document, never changes it.
import { formatIp, parseCidrLoose, parseIp } from '../../lib/index.ts';
import {
  BUILTIN_PREFIX_LIST_IDS,
  locateResource,
  primaryInterfaceIdOf,
  type Document,
  type Instance,
  type LocatedResource,
  type NaclRule,
  type NetworkAcl,
  type NetworkInterface,
  type RouteTable,
  type SecurityGroup,
  type SgOutboundRule,
  type Subnet,
  type TopologyArrayName,
  type TransitGatewayAttachment,
  type TransitGatewayRouteTable,
  type Vpc,
} from '../../model/index.ts';

/** Singular names of the resource kinds, as the inspector's headings show them. */
export const KIND_TITLES: { readonly [K in TopologyArrayName]-?: string } = {
  vpcs: 'VPC',
  subnets: 'Subnet',
  routeTables: 'Route table',
  networkAcls: 'Network ACL',
  securityGroups: 'Security group',
  instances: 'Instance',
  networkInterfaces: 'Network interface',
  internetGateways: 'Internet gateway',
  egressOnlyInternetGateways: 'Egress-only internet gateway',
  natGateways: 'NAT gateway',
  vpcPeeringConnections: 'Peering connection',
  transitGateways: 'Transit gateway',
  transitGatewayAttachments: 'Transit gateway attachment',
  transitGatewayRouteTables: 'Transit gateway route table',
  vpcEndpoints: 'VPC endpoint',
  prefixLists: 'Prefix list',
  externalHosts: 'External host',
};

/** What one selection id names: a resource, a derived canvas container, or nothing known. */
export type SelectedItem =
  | { readonly kind: 'resource'; readonly located: LocatedResource }
  | {
      readonly kind: 'implicit';
      readonly id: string;
      readonly vpc: Vpc;
      readonly what: 'main-route-table' | 'default-nacl';
    }
  | { readonly kind: 'az'; readonly id: string; readonly vpc: Vpc; readonly availabilityZone: string }
  | { readonly kind: 'region'; readonly id: string; readonly region: string }
  | { readonly kind: 'internet' }
  | { readonly kind: 'unknown'; readonly id: string };

export const DEFAULT_REGION = 'us-east-1';

/**
 * Resolves a selection id: a resource id; an instance's primary interface (its instance); an
 * interface endpoint's ENI `<endpoint>/<subnet>` (the endpoint); `<vpc>/rtb-main` and
 * `<vpc>/acl-default` (implicit resources); `<vpc>/<az>` (an AZ band); `region/<name>`; `internet`.
 */
export function resolveSelection(doc: Document, id: string): SelectedItem {
  const located = locateResource(doc, id);
  if (located) return { kind: 'resource', located };
  if (id === 'internet') return { kind: 'internet' };
  if (id.startsWith('region/')) return { kind: 'region', id, region: id.slice('region/'.length) };
  const instance = (doc.topology.instances ?? []).find((i) => primaryInterfaceIdOf(i) === id);
  const owning = instance && locateResource(doc, instance.id);
  if (owning) return { kind: 'resource', located: owning };
  const slash = id.lastIndexOf('/');
  if (slash > 0) {
    const owner = locateResource(doc, id.slice(0, slash));
    const rest = id.slice(slash + 1);
    if (owner?.kind === 'vpcEndpoints') return { kind: 'resource', located: owner };
    if (owner?.kind === 'vpcs' && rest !== '') {
      // The engine's ids of the implicit main table and default NACL; an explicit one answers for them.
      if (rest === 'rtb-main') {
        const main = mainRouteTable(doc, owner.resource.id);
        if (typeof main !== 'string') return { kind: 'resource', located: locateResource(doc, main.id)! };
        return { kind: 'implicit', id, vpc: owner.resource, what: 'main-route-table' };
      }
      if (rest === 'acl-default') {
        const dflt = defaultNacl(doc, owner.resource.id);
        if (typeof dflt !== 'string') return { kind: 'resource', located: locateResource(doc, dflt.id)! };
        return { kind: 'implicit', id, vpc: owner.resource, what: 'default-nacl' };
      }
      return { kind: 'az', id, vpc: owner.resource, availabilityZone: rest };
    }
  }
  return { kind: 'unknown', id };
}

/** `Name (id)` when the resource has a name, else its id. */
export function displayName(doc: Document, id: string): string {
  const located = locateResource(doc, id);
  const name = located?.resource.name;
  return name === undefined || name === '' ? id : `${name} (${id})`;
}

/** Prefix lists a rule or route may name: the document's and the built-in ones. */
export function prefixListIds(doc: Document): string[] {
  return [...(doc.topology.prefixLists ?? []).map((p) => p.id), ...BUILTIN_PREFIX_LIST_IDS];
}

export function vpcOfSubnet(doc: Document, subnetId: string): string | undefined {
  return (doc.topology.subnets ?? []).find((s) => s.id === subnetId)?.vpcId;
}

export function subnetsOfVpc(doc: Document, vpcId: string): Subnet[] {
  return (doc.topology.subnets ?? []).filter((s) => s.vpcId === vpcId);
}

/** A VPC's subnets grouped by availability zone, zones in name order. */
export function subnetsByZone(doc: Document, vpcId: string): [string, Subnet[]][] {
  const zones = new Map<string, Subnet[]>();
  for (const s of subnetsOfVpc(doc, vpcId)) {
    const list = zones.get(s.availabilityZone) ?? [];
    list.push(s);
    zones.set(s.availabilityZone, list);
  }
  return [...zones.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The subnet's explicit route table association, if any. */
export function explicitRouteTable(doc: Document, subnetId: string): RouteTable | undefined {
  return (doc.topology.routeTables ?? []).find((t) => (t.subnetIds ?? []).includes(subnetId));
}

/** The VPC's main table, or the id of the implicit one (local routes only). */
export function mainRouteTable(doc: Document, vpcId: string): RouteTable | string {
  return (doc.topology.routeTables ?? []).find((t) => t.vpcId === vpcId && t.main === true) ?? `${vpcId}/rtb-main`;
}

export function explicitNacl(doc: Document, subnetId: string): NetworkAcl | undefined {
  return (doc.topology.networkAcls ?? []).find((a) => (a.subnetIds ?? []).includes(subnetId));
}

/** The VPC's default NACL, or the id of the implicit allow-all one. */
export function defaultNacl(doc: Document, vpcId: string): NetworkAcl | string {
  return (
    (doc.topology.networkAcls ?? []).find((a) => a.vpcId === vpcId && a.default === true) ?? `${vpcId}/acl-default`
  );
}

export interface TargetOption {
  readonly id: string;
  readonly label: string;
  /** The kind of target, for grouping in the picker. */
  readonly group: string;
}

/**
 * The route targets AWS offers in a table of `vpcId` (semantics.md 2): local, its internet and
 * egress-only gateways, NAT gateways in its subnets, peering connections it belongs to, transit
 * gateways it is attached to, its gateway endpoints, and instances and interfaces in it.
 */
export function routeTargetOptions(doc: Document, vpcId: string): TargetOption[] {
  const t = doc.topology;
  const inVpc = (subnetId: string) => vpcOfSubnet(doc, subnetId) === vpcId;
  const option = (id: string, group: string): TargetOption => ({ id, label: displayName(doc, id), group });
  const out: TargetOption[] = [{ id: 'local', label: 'local', group: 'Local' }];
  for (const g of t.internetGateways ?? []) if (g.vpcId === vpcId) out.push(option(g.id, 'Internet gateway'));
  for (const g of t.egressOnlyInternetGateways ?? []) {
    if (g.vpcId === vpcId) out.push(option(g.id, 'Egress-only internet gateway'));
  }
  for (const n of t.natGateways ?? []) if (inVpc(n.subnetId)) out.push(option(n.id, 'NAT gateway'));
  for (const p of t.vpcPeeringConnections ?? []) {
    if (p.requesterVpcId === vpcId || p.accepterVpcId === vpcId) out.push(option(p.id, 'Peering connection'));
  }
  const gateways = new Set(
    (t.transitGatewayAttachments ?? []).filter((a) => a.vpcId === vpcId).map((a) => a.transitGatewayId),
  );
  for (const g of t.transitGateways ?? []) if (gateways.has(g.id)) out.push(option(g.id, 'Transit gateway'));
  for (const e of t.vpcEndpoints ?? []) {
    if (e.vpcId === vpcId && e.type === 'gateway') out.push(option(e.id, 'Gateway endpoint'));
  }
  for (const i of t.instances ?? []) if (inVpc(i.subnetId)) out.push(option(i.id, 'Instance'));
  for (const n of t.networkInterfaces ?? []) if (inVpc(n.subnetId)) out.push(option(n.id, 'Network interface'));
  return out;
}

/** Why a route target forwards nothing (AWS shows such routes as blackholes), or undefined when it is live. */
export function blackholeReason(doc: Document, target: string): string | undefined {
  if (target === 'local') return undefined;
  const located = locateResource(doc, target);
  if (!located) {
    const primary = (doc.topology.instances ?? []).find((i) => primaryInterfaceIdOf(i) === target);
    if (primary)
      return primary.state === undefined || primary.state === 'running' ? undefined : `instance ${primary.state}`;
    return 'the target names nothing';
  }
  switch (located.kind) {
    case 'instances': {
      const state = located.resource.state ?? 'running';
      return state === 'running' ? undefined : `instance ${state}`;
    }
    case 'natGateways': {
      const state = located.resource.state ?? 'available';
      return state === 'available' ? undefined : `NAT gateway ${state}`;
    }
    case 'vpcPeeringConnections': {
      const status = located.resource.status ?? 'active';
      return status === 'active' ? undefined : `peering ${status}`;
    }
    case 'internetGateways':
    case 'egressOnlyInternetGateways':
      return located.resource.vpcId === null ? 'gateway detached' : undefined;
    default:
      return undefined;
  }
}

/** The CIDR blocks of a VPC, each of which has an implicit `local` route. */
export function localRouteDestinations(vpc: Vpc | undefined): string[] {
  return vpc ? [...vpc.cidrBlocks, ...(vpc.ipv6CidrBlocks ?? [])] : [];
}

/** Instances and network interfaces whose subnet lies in the VPC. */
export function interfacesInVpc(doc: Document, vpcId: string): (Instance | NetworkInterface)[] {
  const t = doc.topology;
  return [...(t.instances ?? []), ...(t.networkInterfaces ?? [])].filter((i) => vpcOfSubnet(doc, i.subnetId) === vpcId);
}

function canonical(text: string | undefined): string | undefined {
  const a = text === undefined ? undefined : parseIp(text);
  return a && formatIp(a);
}

/** Every private address (IPv4 and IPv6) written in the VPC, canonical text. */
export function privateAddressesInVpc(doc: Document, vpcId: string): Set<string> {
  const out = new Set<string>();
  const add = (text: string | undefined) => {
    const c = canonical(text);
    if (c !== undefined) out.add(c);
  };
  for (const item of interfacesInVpc(doc, vpcId)) {
    add(item.privateIp);
    for (const ip of item.secondaryPrivateIps ?? []) add(ip);
    for (const ip of item.ipv6Addresses ?? []) add(ip);
  }
  for (const nat of doc.topology.natGateways ?? []) if (vpcOfSubnet(doc, nat.subnetId) === vpcId) add(nat.privateIp);
  return out;
}

/** Every public IPv4 address in the document (instances, interfaces, NAT gateways). */
export function publicAddresses(doc: Document): Set<string> {
  const t = doc.topology;
  const out = new Set<string>();
  for (const item of [...(t.instances ?? []), ...(t.networkInterfaces ?? []), ...(t.natGateways ?? [])]) {
    const c = canonical(item.publicIp);
    if (c !== undefined) out.add(c);
  }
  return out;
}

/**
 * A security group's outbound rules as AWS applies them: the written ones, or (when omitted) the
 * default of a new group, all traffic to 0.0.0.0/0 and to ::/0 when the VPC has IPv6.
 */
export function effectiveOutbound(doc: Document, sg: SecurityGroup): { rules: SgOutboundRule[]; implicit: boolean } {
  if (sg.outbound !== undefined) return { rules: sg.outbound, implicit: false };
  const vpc = (doc.topology.vpcs ?? []).find((v) => v.id === sg.vpcId);
  const rules: SgOutboundRule[] = [{ protocol: 'all', destination: '0.0.0.0/0' }];
  if ((vpc?.ipv6CidrBlocks ?? []).length > 0) rules.push({ protocol: 'all', destination: '::/0' });
  return { rules, implicit: true };
}

/** The next rule number after the highest in use, at the next multiple of 100 (AWS's advice), else the first free one. */
export function nextRuleNumber(rules: readonly Pick<NaclRule, 'ruleNumber'>[]): number | undefined {
  const used = new Set(rules.map((r) => r.ruleNumber));
  const highest = Math.max(0, ...used);
  const next = (Math.floor(highest / 100) + 1) * 100;
  if (next <= 32766) return next;
  for (let n = 1; n <= 32766; n++) if (!used.has(n)) return n;
  return undefined;
}

const PORTED = new Set(['tcp', 'udp', '6', '17']);
const ICMP = new Set(['icmp', 'icmpv6', '1', '58']);

/** True when the protocol has ports (tcp, udp). */
export function hasPorts(protocol: string): boolean {
  return PORTED.has(protocol);
}

/** True when the protocol has ICMP type and code (icmp, icmpv6). */
export function hasIcmpFields(protocol: string): boolean {
  return ICMP.has(protocol);
}

/** A rule with a new protocol: fields the protocol does not use (ports, ICMP type/code) are dropped. */
export function withProtocol<R extends { protocol: string; ports?: string; icmpType?: number; icmpCode?: number }>(
  rule: R,
  protocol: string,
): R {
  const next: R = { ...rule, protocol };
  if (!hasPorts(protocol)) delete next.ports;
  if (!hasIcmpFields(protocol)) {
    delete next.icmpType;
    delete next.icmpCode;
  }
  return next;
}

/** Canonical text of a CIDR, or the text itself (prefix list ids). */
export function cidrText(text: string): string {
  return parseCidrLoose(text)?.text ?? text;
}

export function attachmentsOfGateway(doc: Document, tgwId: string): TransitGatewayAttachment[] {
  return (doc.topology.transitGatewayAttachments ?? []).filter((a) => a.transitGatewayId === tgwId);
}

export function routeTablesOfGateway(doc: Document, tgwId: string): TransitGatewayRouteTable[] {
  return (doc.topology.transitGatewayRouteTables ?? []).filter((t) => t.transitGatewayId === tgwId);
}

/** Which resources of a VPC the VPC form lists, by kind. */
export function resourcesInVpc(doc: Document, vpcId: string): { kind: TopologyArrayName; ids: string[] }[] {
  const t = doc.topology;
  const inVpc = (subnetId: string) => vpcOfSubnet(doc, subnetId) === vpcId;
  const rows: { kind: TopologyArrayName; ids: string[] }[] = [
    { kind: 'subnets', ids: subnetsOfVpc(doc, vpcId).map((s) => s.id) },
    { kind: 'routeTables', ids: (t.routeTables ?? []).filter((r) => r.vpcId === vpcId).map((r) => r.id) },
    { kind: 'networkAcls', ids: (t.networkAcls ?? []).filter((r) => r.vpcId === vpcId).map((r) => r.id) },
    { kind: 'securityGroups', ids: (t.securityGroups ?? []).filter((r) => r.vpcId === vpcId).map((r) => r.id) },
    { kind: 'internetGateways', ids: (t.internetGateways ?? []).filter((r) => r.vpcId === vpcId).map((r) => r.id) },
    {
      kind: 'egressOnlyInternetGateways',
      ids: (t.egressOnlyInternetGateways ?? []).filter((r) => r.vpcId === vpcId).map((r) => r.id),
    },
    { kind: 'natGateways', ids: (t.natGateways ?? []).filter((n) => inVpc(n.subnetId)).map((n) => n.id) },
    { kind: 'vpcEndpoints', ids: (t.vpcEndpoints ?? []).filter((e) => e.vpcId === vpcId).map((e) => e.id) },
    {
      kind: 'vpcPeeringConnections',
      ids: (t.vpcPeeringConnections ?? [])
        .filter((p) => p.requesterVpcId === vpcId || p.accepterVpcId === vpcId)
        .map((p) => p.id),
    },
    {
      kind: 'transitGatewayAttachments',
      ids: (t.transitGatewayAttachments ?? []).filter((a) => a.vpcId === vpcId).map((a) => a.id),
    },
  ];
  return rows.filter((r) => r.ids.length > 0);
}
