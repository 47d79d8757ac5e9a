// Deleting resources with what AWS does to their dependents: what lives inside goes too, routes to a
// deleted target stay as blackholes, list references and rules that named a deleted group go.
import { BUILTIN_PREFIX_LIST_IDS, primaryInterfaceIdOf } from '../parse.ts';
import type { Document, Topology, TopologyArrayName } from '../types.ts';
import { TOPOLOGY_FIELDS } from '../fields.ts';
import { parseAzBandKey } from './layout.ts';

/** Ids of every resource in the topology, by kind. */
function idsByKind(t: Topology): Map<string, TopologyArrayName> {
  const kinds = new Map<string, TopologyArrayName>();
  for (const name of TOPOLOGY_FIELDS) for (const r of t[name] ?? []) if (!kinds.has(r.id)) kinds.set(r.id, name);
  return kinds;
}

/**
 * The closure of `ids` under "lives inside": a VPC holds its subnets, tables, ACLs, groups, gateways,
 * endpoints, peerings and attachments; a subnet its instances, interfaces and NAT gateways; a transit
 * gateway its attachments (peering ones on either side) and route tables. AWS refuses to delete a VPC
 * that still has dependents; a design tool deletes them with it, and undo brings them back.
 */
function cascade(t: Topology, start: Iterable<string>): Set<string> {
  const removed = new Set(start);
  let grew = true;
  while (grew) {
    grew = false;
    const add = (id: string) => {
      if (!removed.has(id)) {
        removed.add(id);
        grew = true;
      }
    };
    for (const s of t.subnets ?? []) if (removed.has(s.vpcId)) add(s.id);
    for (const list of [t.routeTables, t.networkAcls, t.securityGroups, t.vpcEndpoints]) {
      for (const r of list ?? []) if (removed.has(r.vpcId)) add(r.id);
    }
    for (const list of [t.internetGateways, t.egressOnlyInternetGateways]) {
      for (const g of list ?? []) if (g.vpcId !== null && removed.has(g.vpcId)) add(g.id);
    }
    for (const p of t.vpcPeeringConnections ?? []) {
      if (removed.has(p.requesterVpcId) || removed.has(p.accepterVpcId)) add(p.id);
    }
    for (const list of [t.instances, t.networkInterfaces, t.natGateways]) {
      for (const r of list ?? []) if (removed.has(r.subnetId)) add(r.id);
    }
    for (const a of t.transitGatewayAttachments ?? []) {
      const gone =
        removed.has(a.transitGatewayId) ||
        (a.vpcId !== undefined && removed.has(a.vpcId)) ||
        (a.peerTransitGatewayId !== undefined && removed.has(a.peerTransitGatewayId));
      if (gone) add(a.id);
    }
    for (const rt of t.transitGatewayRouteTables ?? []) if (removed.has(rt.transitGatewayId)) add(rt.id);
  }
  return removed;
}

function without(list: string[] | undefined, removed: ReadonlySet<string>): string[] | undefined {
  return list?.filter((id) => !removed.has(id));
}

/** Rewrites every reference to a removed id; routes to removed targets are kept as blackholes. */
function dropReferences(t: Topology, removed: ReadonlySet<string>, removedPrefixLists: ReadonlySet<string>): void {
  for (const rt of t.routeTables ?? []) {
    if (rt.subnetIds) rt.subnetIds = without(rt.subnetIds, removed)!;
    if (rt.gatewayIds) rt.gatewayIds = without(rt.gatewayIds, removed)!;
    // A route's target naming nothing is a blackhole (format.md 2); its destination must still name something.
    if (rt.routes.some((r) => removedPrefixLists.has(r.destination))) {
      rt.routes = rt.routes.filter((r) => !removedPrefixLists.has(r.destination));
    }
  }
  for (const acl of t.networkAcls ?? []) {
    if (acl.subnetIds) acl.subnetIds = without(acl.subnetIds, removed)!;
    if (acl.inbound.some((r) => removedPrefixLists.has(r.cidr))) {
      acl.inbound = acl.inbound.filter((r) => !removedPrefixLists.has(r.cidr));
    }
    if (acl.outbound.some((r) => removedPrefixLists.has(r.cidr))) {
      acl.outbound = acl.outbound.filter((r) => !removedPrefixLists.has(r.cidr));
    }
  }
  // Rules naming a deleted group (or prefix list) go: AWS would leave them stale, matching nothing.
  for (const sg of t.securityGroups ?? []) {
    if (sg.inbound?.some((r) => removed.has(r.source))) sg.inbound = sg.inbound.filter((r) => !removed.has(r.source));
    if (sg.outbound?.some((r) => removed.has(r.destination))) {
      sg.outbound = sg.outbound.filter((r) => !removed.has(r.destination));
    }
  }
  for (const list of [t.instances ?? [], t.networkInterfaces ?? []]) {
    for (const r of list) {
      if (r.securityGroupIds.some((id) => removed.has(id))) r.securityGroupIds = without(r.securityGroupIds, removed)!;
    }
  }
  // An interface attached to a terminated instance is detached, not deleted (AWS's DeleteOnTermination
  // is false for interfaces attached after launch).
  for (const eni of t.networkInterfaces ?? []) {
    if (eni.instanceId !== undefined && removed.has(eni.instanceId)) delete eni.instanceId;
  }
  for (const a of t.transitGatewayAttachments ?? []) {
    if (a.subnetIds?.some((id) => removed.has(id))) a.subnetIds = without(a.subnetIds, removed)!;
  }
  for (const g of t.transitGateways ?? []) {
    if (g.associationDefaultRouteTableId !== undefined && removed.has(g.associationDefaultRouteTableId)) {
      delete g.associationDefaultRouteTableId;
    }
    if (g.propagationDefaultRouteTableId !== undefined && removed.has(g.propagationDefaultRouteTableId)) {
      delete g.propagationDefaultRouteTableId;
    }
  }
  for (const rt of t.transitGatewayRouteTables ?? []) {
    if (rt.associations.some((id) => removed.has(id))) rt.associations = without(rt.associations, removed)!;
    if (rt.propagations.some((id) => removed.has(id))) rt.propagations = without(rt.propagations, removed)!;
    if (rt.routes.some((r) => removedPrefixLists.has(r.destination))) {
      rt.routes = rt.routes.filter((r) => !removedPrefixLists.has(r.destination));
    }
    rt.routes.forEach((r, i) => {
      // AWS turns a static route to a deleted attachment into a blackhole route.
      if (r.attachmentId !== undefined && removed.has(r.attachmentId)) {
        rt.routes[i] = { destination: r.destination, blackhole: true };
      }
    });
  }
  for (const e of t.vpcEndpoints ?? []) {
    if (e.routeTableIds?.some((id) => removed.has(id))) e.routeTableIds = without(e.routeTableIds, removed)!;
    if (e.subnetIds?.some((id) => removed.has(id))) e.subnetIds = without(e.subnetIds, removed)!;
    if (e.securityGroupIds?.some((id) => removed.has(id))) e.securityGroupIds = without(e.securityGroupIds, removed)!;
    // Back to the service's built-in list.
    if (e.prefixListId !== undefined && removedPrefixLists.has(e.prefixListId)) delete e.prefixListId;
  }
}

/** Layout keys that belong to removed resources: their own, and `<id>/...` keys (zone bands, interfaces). */
function dropLayout(draft: Document, removed: ReadonlySet<string>, interfaceEndpoints: ReadonlySet<string>): void {
  const layout = draft.layout;
  if (!layout) return;
  for (const key of Object.keys(layout)) {
    const slash = key.indexOf('/');
    const owner = slash > 0 ? key.slice(0, slash) : undefined;
    const rest = slash > 0 ? key.slice(slash + 1) : undefined;
    const gone =
      removed.has(key) ||
      (owner !== undefined && removed.has(owner)) ||
      // The interface of an endpoint in a deleted subnet: `<endpoint id>/<subnet id>`.
      (owner !== undefined && rest !== undefined && interfaceEndpoints.has(owner) && removed.has(rest));
    if (gone) delete layout[key];
  }
  // Derived containers with nothing left in them: a region without VPCs or transit gateways, the
  // internet without gateways or external hosts.
  const t = draft.topology;
  const regions = new Set((t.vpcs ?? []).map((v) => v.region ?? 'us-east-1'));
  const hasTgw = (t.transitGateways ?? []).length > 0;
  for (const key of Object.keys(layout)) {
    if (key.startsWith('region/') && !regions.has(key.slice('region/'.length)) && !(hasTgw && regions.size === 0))
      delete layout[key];
  }
  if ((t.internetGateways ?? []).length === 0 && (t.externalHosts ?? []).length === 0) delete layout['internet'];
}

/**
 * Deletes the resources named by `ids` and what lives inside them (docs/editor.md), and returns the
 * ids actually removed in document order, dependents included (an availability-zone band key
 * `<vpc id>/<zone>` counts as a removed id when it was asked for: it stands for its subnets).
 * Unknown ids are ignored. Checks are never deleted: one that names a deleted instance stays, and
 * validation reports its endpoint (CFG_CHECK_UNKNOWN_ENDPOINT); `checksNaming` lists them. Two other
 * errors can follow a deletion, on purpose: CFG_NAT_NO_IGW when the internet gateway of a VPC with a
 * public NAT gateway goes (AWS would refuse the detach; here the consequence is shown), and
 * CFG_ROUTE_TARGET_NOT_IN_VPC for a VPC route to a transit gateway whose attachment for that VPC
 * went (AWS keeps such a route, as a blackhole).
 */
export function deleteResources(draft: Document, ids: readonly string[]): string[] {
  const t = draft.topology;
  const kinds = idsByKind(t);
  const start = new Set<string>();
  const bands: string[] = [];
  for (const id of ids) {
    if (kinds.has(id)) {
      start.add(id);
      continue;
    }
    const band = parseAzBandKey(draft, id);
    if (!band) continue;
    bands.push(id);
    for (const s of t.subnets ?? []) {
      if (s.vpcId === band.vpcId && s.availabilityZone === band.availabilityZone) start.add(s.id);
    }
  }
  if (start.size === 0 && bands.length === 0) return [];
  const removed = cascade(t, start);
  const removedPrefixLists = new Set(
    [...removed].filter((id) => kinds.get(id) === 'prefixLists' && !BUILTIN_PREFIX_LIST_IDS.includes(id)),
  );
  const interfaceEndpoints = new Set((t.vpcEndpoints ?? []).filter((e) => e.type === 'interface').map((e) => e.id));
  const order: string[] = [];
  for (const name of TOPOLOGY_FIELDS) {
    const list = t[name];
    if (!list?.some((r) => removed.has(r.id))) continue;
    for (const r of list) if (removed.has(r.id)) order.push(r.id);
    // Each array keeps its own element type; the filter only drops elements.
    (t as Record<string, unknown>)[name] = (list as { id: string }[]).filter((r) => !removed.has(r.id));
  }
  dropReferences(t, removed, removedPrefixLists);
  const layoutRemoved = new Set([...removed, ...bands]);
  dropLayout(draft, layoutRemoved, interfaceEndpoints);
  return [...order, ...bands];
}

/**
 * The names of the checks whose endpoints (`from`, `to`) or `blockedAt` name one of `ids` (or the
 * primary interface of such an instance): the checks a deletion leaves pointing at nothing.
 */
export function checksNaming(doc: Document, ids: readonly string[]): string[] {
  const gone = new Set(ids);
  for (const i of doc.topology.instances ?? []) if (gone.has(i.id)) gone.add(primaryInterfaceIdOf(i));
  return (doc.checks ?? [])
    .filter((c) => gone.has(c.from) || gone.has(c.to) || (c.blockedAt !== undefined && gone.has(c.blockedAt)))
    .map((c) => c.name);
}
