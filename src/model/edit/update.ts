// The inspector's field edits (docs/editor.md): small recipes that change one resource of a draft and
// keep every association consistent the way AWS does (a subnet has one route table and one NACL, ...).
import { cidrContains, formatIp, parseCidrLoose, parseIp, type Cidr } from '../../lib/index.ts';
import { TOPOLOGY_FIELDS } from '../fields.ts';
import type {
  Document,
  Instance,
  Meta,
  NaclRule,
  NetworkInterface,
  Route,
  SgInboundRule,
  SgOutboundRule,
  Topology,
  TopologyArrayName,
  TransitGatewayRoute,
  VpcEndpoint,
} from '../types.ts';

/** One element of the topology array `K`. */
export type ResourceOf<K extends TopologyArrayName> = NonNullable<Topology[K]>[number];

/** A resource together with the array it sits in (its kind). */
export type LocatedResource = {
  [K in TopologyArrayName]: { kind: K; index: number; resource: ResourceOf<K> };
}[TopologyArrayName];

/** The fields of a `K` resource that `updateResource` may set; `undefined` removes an optional field. */
export type ResourcePatch<K extends TopologyArrayName> = {
  [F in Exclude<keyof ResourceOf<K>, 'id'>]?: ResourceOf<K>[F] | undefined;
};

export type RuleDirection = 'inbound' | 'outbound';

/** Finds the resource with `id` in any topology array (document-wide ids are unique). */
export function locateResource(doc: Document, id: string): LocatedResource | undefined {
  for (const kind of TOPOLOGY_FIELDS) {
    const list: readonly { id: string }[] = doc.topology[kind] ?? [];
    const index = list.findIndex((r) => r.id === id);
    if (index >= 0) return { kind, index, resource: list[index] } as LocatedResource;
  }
  return undefined;
}

function find<K extends TopologyArrayName>(draft: Document, kind: K, id: string): ResourceOf<K> | undefined {
  const list = draft.topology[kind] as readonly ResourceOf<K>[] | undefined;
  return list?.find((r) => r.id === id);
}

/** Assigns or (for `undefined`) deletes one key, so no `undefined` ever reaches the saved JSON. */
function assign(target: object, key: string, value: unknown): void {
  const record = target as Record<string, unknown>;
  if (value === undefined) delete record[key];
  else record[key] = value;
}

/**
 * Sets simple fields of the `kind` resource `id` (names, flags, states, references the caller has
 * checked). `id` itself cannot change. Returns false when no such resource exists; inside immer's
 * `produce`, call it in a block body (`(d) => { updateResource(...); }`), since a producer that
 * returns a value is taken to replace the document.
 */
export function updateResource<K extends TopologyArrayName>(
  draft: Document,
  kind: K,
  id: string,
  patch: ResourcePatch<K>,
): boolean {
  const resource = find(draft, kind, id);
  if (!resource) return false;
  for (const [key, value] of Object.entries(patch)) {
    if (key !== 'id') assign(resource, key, value);
  }
  return true;
}

/** Sets `meta.title` / `meta.description`; an empty or `undefined` value removes the field. */
export function setMeta(draft: Document, patch: Partial<Record<'title' | 'description', string | undefined>>): void {
  const meta: Meta = draft.meta ?? {};
  for (const [key, value] of Object.entries(patch)) assign(meta, key, value === '' ? undefined : value);
  if (Object.keys(meta).length === 0) delete draft.meta;
  else draft.meta = meta;
}

/** Renames any resource; an empty name removes the field (the canvas then shows the id). */
export function setName(draft: Document, id: string, name: string): boolean {
  const located = locateResource(draft, id);
  if (!located) return false;
  assign(located.resource, 'name', name === '' ? undefined : name);
  return true;
}

export function setVpcCidrBlocks(draft: Document, vpcId: string, blocks: readonly string[]): void {
  const vpc = find(draft, 'vpcs', vpcId);
  if (vpc) vpc.cidrBlocks = [...blocks];
}

/** An empty list removes `ipv6CidrBlocks`. */
export function setVpcIpv6CidrBlocks(draft: Document, vpcId: string, blocks: readonly string[]): void {
  const vpc = find(draft, 'vpcs', vpcId);
  if (vpc) assign(vpc, 'ipv6CidrBlocks', blocks.length === 0 ? undefined : [...blocks]);
}

/** `undefined` removes the IPv4 block (the subnet should keep an IPv6 one). */
export function setSubnetCidr(draft: Document, subnetId: string, cidr: string | undefined): void {
  const subnet = find(draft, 'subnets', subnetId);
  if (subnet) assign(subnet, 'cidrBlock', cidr);
}

export function setSubnetIpv6Cidr(draft: Document, subnetId: string, cidr: string | undefined): void {
  const subnet = find(draft, 'subnets', subnetId);
  if (subnet) assign(subnet, 'ipv6CidrBlock', cidr);
}

export function setRoutes(draft: Document, routeTableId: string, routes: readonly Route[]): void {
  const table = find(draft, 'routeTables', routeTableId);
  if (table) table.routes = routes.map((r) => ({ ...r }));
}

/** Removes `id` from the `key` list of every element, dropping lists that become empty. */
function removeFromLists<T extends object>(items: readonly T[] | undefined, key: keyof T & string, id: string): void {
  for (const item of items ?? []) {
    const list = (item as Record<string, unknown>)[key];
    if (!Array.isArray(list) || !list.includes(id)) continue;
    const next = (list as unknown[]).filter((x) => x !== id);
    assign(item, key, next.length === 0 ? undefined : next);
  }
}

function addToList<T extends object>(item: T, key: keyof T & string, id: string): void {
  const list = (item as Record<string, unknown>)[key];
  const current = Array.isArray(list) ? (list as string[]) : [];
  if (!current.includes(id)) assign(item, key, [...current, id]);
}

/**
 * Associates a subnet with a route table, removing its association with any other table (AWS keeps
 * one per subnet). `undefined` leaves the subnet implicitly associated with its VPC's main table.
 */
export function setRouteTableAssociation(draft: Document, subnetId: string, routeTableId: string | undefined): void {
  const target = routeTableId === undefined ? undefined : find(draft, 'routeTables', routeTableId);
  if (routeTableId !== undefined && !target) return;
  removeFromLists(draft.topology.routeTables, 'subnetIds', subnetId);
  if (target) addToList(target, 'subnetIds', subnetId);
}

/** The explicit subnet associations of a table; each listed subnet leaves its former table. */
export function setRouteTableSubnets(draft: Document, routeTableId: string, subnetIds: readonly string[]): void {
  const table = find(draft, 'routeTables', routeTableId);
  if (!table) return;
  for (const other of draft.topology.routeTables ?? []) {
    if (other.id !== routeTableId) for (const s of subnetIds) removeFromLists([other], 'subnetIds', s);
  }
  assign(table, 'subnetIds', subnetIds.length === 0 ? undefined : [...new Set(subnetIds)]);
}

/** Edge associations (gateway route table): a gateway can be associated with one table only. */
export function setRouteTableGateways(draft: Document, routeTableId: string, gatewayIds: readonly string[]): void {
  const table = find(draft, 'routeTables', routeTableId);
  if (!table) return;
  for (const other of draft.topology.routeTables ?? []) {
    if (other.id !== routeTableId) for (const g of gatewayIds) removeFromLists([other], 'gatewayIds', g);
  }
  assign(table, 'gatewayIds', gatewayIds.length === 0 ? undefined : [...new Set(gatewayIds)]);
}

/** Makes a table the main table of its VPC; the former main table becomes an ordinary one. */
export function setMainRouteTable(draft: Document, routeTableId: string): void {
  const table = find(draft, 'routeTables', routeTableId);
  if (!table) return;
  for (const other of draft.topology.routeTables ?? []) {
    if (other.vpcId === table.vpcId && other.id !== routeTableId) delete other.main;
  }
  table.main = true;
}

/** Like `setRouteTableAssociation` for network ACLs; `undefined` falls back to the default NACL. */
export function setNaclAssociation(draft: Document, subnetId: string, aclId: string | undefined): void {
  const target = aclId === undefined ? undefined : find(draft, 'networkAcls', aclId);
  if (aclId !== undefined && !target) return;
  removeFromLists(draft.topology.networkAcls, 'subnetIds', subnetId);
  if (target) addToList(target, 'subnetIds', subnetId);
}

export function setNaclSubnets(draft: Document, aclId: string, subnetIds: readonly string[]): void {
  const acl = find(draft, 'networkAcls', aclId);
  if (!acl) return;
  for (const other of draft.topology.networkAcls ?? []) {
    if (other.id !== aclId) for (const s of subnetIds) removeFromLists([other], 'subnetIds', s);
  }
  assign(acl, 'subnetIds', subnetIds.length === 0 ? undefined : [...new Set(subnetIds)]);
}

/** Makes a NACL the default of its VPC; the former default becomes an ordinary one. */
export function setDefaultNacl(draft: Document, aclId: string): void {
  const acl = find(draft, 'networkAcls', aclId);
  if (!acl) return;
  for (const other of draft.topology.networkAcls ?? []) {
    if (other.vpcId === acl.vpcId && other.id !== aclId) delete other.default;
  }
  acl.default = true;
}

/** Replaces one direction's rules, stored in rule-number order as AWS evaluates them. */
export function setNaclRules(
  draft: Document,
  aclId: string,
  direction: RuleDirection,
  rules: readonly NaclRule[],
): void {
  const acl = find(draft, 'networkAcls', aclId);
  if (acl) acl[direction] = rules.map((r) => ({ ...r })).sort((a, b) => a.ruleNumber - b.ruleNumber);
}

/** Replaces one direction's rules. Outbound `undefined` restores AWS's default for a new group. */
export function setSgRules(draft: Document, sgId: string, direction: 'inbound', rules: readonly SgInboundRule[]): void;
export function setSgRules(
  draft: Document,
  sgId: string,
  direction: 'outbound',
  rules: readonly SgOutboundRule[] | undefined,
): void;
export function setSgRules(
  draft: Document,
  sgId: string,
  direction: RuleDirection,
  rules: readonly (SgInboundRule | SgOutboundRule)[] | undefined,
): void {
  const sg = find(draft, 'securityGroups', sgId);
  if (sg)
    assign(
      sg,
      direction,
      rules?.map((r) => ({ ...r })),
    );
}

function findInterface(draft: Document, id: string): Instance | NetworkInterface | undefined {
  return find(draft, 'instances', id) ?? find(draft, 'networkInterfaces', id);
}

/** The security groups of an instance's primary interface or of a network interface. */
export function setInstanceSecurityGroups(draft: Document, id: string, securityGroupIds: readonly string[]): void {
  const target = findInterface(draft, id);
  if (target) target.securityGroupIds = [...new Set(securityGroupIds)];
}

/**
 * Attaches a security group to exactly the listed instances and interfaces: it is added where missing
 * and removed from every other instance or interface that had it.
 */
export function setSecurityGroupMembers(draft: Document, sgId: string, memberIds: readonly string[]): void {
  const members = new Set(memberIds);
  for (const item of [...(draft.topology.instances ?? []), ...(draft.topology.networkInterfaces ?? [])]) {
    const has = item.securityGroupIds.includes(sgId);
    if (members.has(item.id) && !has) item.securityGroupIds = [...item.securityGroupIds, sgId];
    else if (!members.has(item.id) && has) item.securityGroupIds = item.securityGroupIds.filter((g) => g !== sgId);
  }
}

function vpcOfSubnet(doc: Document, subnetId: string): string | undefined {
  return doc.topology.subnets?.find((s) => s.id === subnetId)?.vpcId;
}

/** Every private address written in a VPC (instances, interfaces, NAT gateways), as canonical text. */
function privateAddressesInVpc(doc: Document, vpcId: string, exceptId: string): Set<string> {
  const out = new Set<string>();
  const add = (text: string | undefined) => {
    const a = text === undefined ? undefined : parseIp(text);
    if (a) out.add(formatIp(a));
  };
  const t = doc.topology;
  for (const item of [...(t.instances ?? []), ...(t.networkInterfaces ?? [])]) {
    if (item.id === exceptId || vpcOfSubnet(doc, item.subnetId) !== vpcId) continue;
    add(item.privateIp);
    for (const ip of item.secondaryPrivateIps ?? []) add(ip);
    for (const ip of item.ipv6Addresses ?? []) add(ip);
  }
  for (const nat of t.natGateways ?? []) {
    if (nat.id !== exceptId && vpcOfSubnet(doc, nat.subnetId) === vpcId) add(nat.privateIp);
  }
  return out;
}

/** The first address of `block` after AWS's four reserved ones that is not in `used`, if any. */
function firstFreeIpv4(block: Cidr, used: ReadonlySet<string>): string | undefined {
  if (block.family !== 4) return undefined;
  for (let v = block.network + 4; v < block.last; v++) {
    const text = formatIp({ family: 4, value: v });
    if (!used.has(text)) return text;
  }
  return undefined;
}

function inBlock(block: Cidr | undefined, text: string): boolean {
  const a = parseIp(text);
  return block !== undefined && a !== undefined && cidrContains(block, a);
}

/**
 * Moves an instance or network interface to another subnet of the same VPC. The private address is
 * kept when it fits the new subnet and is free, otherwise the first free address is taken;
 * secondary and IPv6 addresses outside the new subnet are dropped. Returns false when refused (other
 * VPC, unknown ids, or a full subnet).
 */
export function setInterfaceSubnet(draft: Document, id: string, subnetId: string): boolean {
  const item = findInterface(draft, id);
  const subnet = draft.topology.subnets?.find((s) => s.id === subnetId);
  if (!item || !subnet) return false;
  if (vpcOfSubnet(draft, item.subnetId) !== subnet.vpcId) return false;
  const v4 = subnet.cidrBlock === undefined ? undefined : parseCidrLoose(subnet.cidrBlock);
  const v6 = subnet.ipv6CidrBlock === undefined ? undefined : parseCidrLoose(subnet.ipv6CidrBlock);
  const used = privateAddressesInVpc(draft, subnet.vpcId, id);
  let privateIp = item.privateIp;
  if (!inBlock(v4, privateIp) || used.has(privateIp)) {
    const free = v4 && firstFreeIpv4(v4, used);
    if (free === undefined) return false;
    privateIp = free;
  }
  item.subnetId = subnetId;
  item.privateIp = privateIp;
  const secondary = (item.secondaryPrivateIps ?? []).filter((ip) => inBlock(v4, ip) && ip !== privateIp);
  assign(item, 'secondaryPrivateIps', secondary.length === 0 ? undefined : secondary);
  const ipv6 = (item.ipv6Addresses ?? []).filter((ip) => inBlock(v6, ip));
  assign(item, 'ipv6Addresses', ipv6.length === 0 ? undefined : ipv6);
  return true;
}

/**
 * Attaches an internet gateway or egress-only internet gateway to a VPC (`null` detaches it). Edge
 * associations of the gateway with route tables of another VPC go, as AWS removes them on detach.
 */
export function setGatewayVpc(draft: Document, gatewayId: string, vpcId: string | null): void {
  const gateway = find(draft, 'internetGateways', gatewayId) ?? find(draft, 'egressOnlyInternetGateways', gatewayId);
  if (!gateway) return;
  gateway.vpcId = vpcId;
  for (const table of draft.topology.routeTables ?? []) {
    if (table.vpcId !== vpcId) removeFromLists([table], 'gatewayIds', gatewayId);
  }
}

/**
 * The attachments associated with a transit gateway route table. AWS associates an attachment with
 * one table only, so each listed attachment leaves any other table of the same gateway.
 */
export function setTgwRouteTableAssociations(
  draft: Document,
  tgwRouteTableId: string,
  attachmentIds: readonly string[],
): void {
  const table = find(draft, 'transitGatewayRouteTables', tgwRouteTableId);
  if (!table) return;
  for (const other of draft.topology.transitGatewayRouteTables ?? []) {
    if (other.id !== tgwRouteTableId) other.associations = other.associations.filter((a) => !attachmentIds.includes(a));
  }
  table.associations = [...new Set(attachmentIds)];
}

/** The attachments that propagate their routes into a transit gateway route table (several tables may share one). */
export function setTgwRouteTablePropagations(
  draft: Document,
  tgwRouteTableId: string,
  attachmentIds: readonly string[],
): void {
  const table = find(draft, 'transitGatewayRouteTables', tgwRouteTableId);
  if (table) table.propagations = [...new Set(attachmentIds)];
}

export function setTgwRoutes(draft: Document, tgwRouteTableId: string, routes: readonly TransitGatewayRoute[]): void {
  const table = find(draft, 'transitGatewayRouteTables', tgwRouteTableId);
  if (table) table.routes = routes.map((r) => ({ ...r }));
}

/** The subnets a VPC attachment uses (one per availability zone); an empty list removes the field. */
export function setAttachmentSubnets(draft: Document, attachmentId: string, subnetIds: readonly string[]): void {
  const attachment = find(draft, 'transitGatewayAttachments', attachmentId);
  if (attachment) assign(attachment, 'subnetIds', subnetIds.length === 0 ? undefined : [...new Set(subnetIds)]);
}

/**
 * Switches an endpoint between gateway and interface. The fields of the other type go (route tables
 * and prefix list for a gateway endpoint; subnets and security groups for an interface endpoint).
 */
export function setEndpointType(draft: Document, endpointId: string, type: VpcEndpoint['type']): void {
  const endpoint = find(draft, 'vpcEndpoints', endpointId);
  if (!endpoint || endpoint.type === type) return;
  endpoint.type = type;
  const drop = type === 'gateway' ? ['subnetIds', 'securityGroupIds'] : ['routeTableIds', 'prefixListId'];
  for (const key of drop) assign(endpoint, key, undefined);
}

export function setPrefixListCidrs(draft: Document, prefixListId: string, cidrs: readonly string[]): void {
  const list = find(draft, 'prefixLists', prefixListId);
  if (list) list.cidrs = [...cidrs];
}
