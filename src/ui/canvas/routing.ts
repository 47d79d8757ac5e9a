// What each subnet's routes make it and where they lead, for the canvas: the subnet's kind (public,
// IPv6 egress-only, private), one aggregated link per route target, and the routes that go nowhere.
// Mirrors the engine's target rules (compile.ts resolveTarget) without compiling the network.
import type { Topology } from '../../model/index.ts';
import type { SubnetKind } from './types.ts';

/** All the routes of one subnet that share a target, drawn as one edge. */
export interface RouteLink {
  /** The node the edge goes to. */
  targetNodeId: string;
  destinations: string[];
  /** The target exists but cannot forward (deleted NAT, detached gateway, peering gone, ...). */
  blackhole: boolean;
  routeTableId: string;
}

export interface SubnetRouting {
  /** The explicitly associated table, else the VPC's main table; undefined for the implicit main table. */
  routeTableId: string | undefined;
  kind: SubnetKind;
  links: RouteLink[];
  /** Routes that go nowhere, as `destination → target`. */
  blackholes: string[];
}

interface TableRouting {
  kind: SubnetKind;
  links: RouteLink[];
  blackholes: string[];
}

const PEERING_GONE = new Set(['deleted', 'rejected', 'failed', 'expired']);

/** The default prefix list of a gateway endpoint's service, as the engine names it. */
function servicePrefixList(service: string): string {
  return `pl-${service.split('.').pop() ?? service}`;
}

/** Route analysis of every subnet whose VPC exists. Linear in the size of the topology. */
export function analyzeRouting(t: Topology): Map<string, SubnetRouting> {
  const vpcIds = new Set((t.vpcs ?? []).map((v) => v.id));
  const subnetVpc = new Map<string, string>();
  for (const s of t.subnets ?? []) subnetVpc.set(s.id, s.vpcId);

  const igwVpc = new Map<string, string | null>();
  for (const g of t.internetGateways ?? []) igwVpc.set(g.id, g.vpcId);
  const eigwVpc = new Map<string, string | null>();
  for (const g of t.egressOnlyInternetGateways ?? []) eigwVpc.set(g.id, g.vpcId);
  const nats = new Map<string, { vpc: string | undefined; available: boolean }>();
  for (const n of t.natGateways ?? []) {
    nats.set(n.id, { vpc: subnetVpc.get(n.subnetId), available: (n.state ?? 'available') === 'available' });
  }
  // Instances answer to their id and their primary interface id; both draw as the instance.
  const devices = new Map<string, { node: string; vpc: string | undefined; running: boolean }>();
  const instanceRunning = new Map<string, boolean>();
  for (const i of t.instances ?? []) {
    const running = (i.state ?? 'running') === 'running';
    instanceRunning.set(i.id, running);
    const device = { node: i.id, vpc: subnetVpc.get(i.subnetId), running };
    devices.set(i.id, device);
    devices.set(i.primaryInterfaceId ?? `${i.id}/eth0`, device);
  }
  for (const n of t.networkInterfaces ?? []) {
    const running = n.instanceId === undefined ? true : (instanceRunning.get(n.instanceId) ?? true);
    devices.set(n.id, { node: n.id, vpc: subnetVpc.get(n.subnetId), running });
  }
  const peerings = new Map<string, { a: string; b: string; gone: boolean }>();
  for (const p of t.vpcPeeringConnections ?? []) {
    peerings.set(p.id, { a: p.requesterVpcId, b: p.accepterVpcId, gone: PEERING_GONE.has(p.status ?? 'active') });
  }
  const tgws = new Set((t.transitGateways ?? []).map((g) => g.id));
  const attached = new Set<string>();
  for (const a of t.transitGatewayAttachments ?? []) {
    if (a.type === 'vpc' && a.vpcId !== undefined) attached.add(`${a.transitGatewayId}\u0000${a.vpcId}`);
  }
  const gatewayEndpoints = new Map<string, string>();
  const endpointRoutes = new Map<string, { destination: string; target: string }[]>();
  for (const e of t.vpcEndpoints ?? []) {
    if (e.type !== 'gateway') continue;
    gatewayEndpoints.set(e.id, e.vpcId);
    const destination = e.prefixListId ?? servicePrefixList(e.service);
    for (const rt of e.routeTableIds ?? []) {
      let list = endpointRoutes.get(rt);
      if (list === undefined) endpointRoutes.set(rt, (list = []));
      list.push({ destination, target: e.id });
    }
  }

  /** The node a target draws as, and whether it forwards for this VPC; undefined node = names nothing. */
  const resolve = (
    target: string,
    vpc: string,
  ): { node: string | undefined; blackhole: boolean; igw?: boolean; eigw?: boolean } => {
    if (igwVpc.has(target)) return { node: target, blackhole: igwVpc.get(target) !== vpc, igw: true };
    if (eigwVpc.has(target)) return { node: target, blackhole: eigwVpc.get(target) !== vpc, eigw: true };
    const nat = nats.get(target);
    if (nat) return { node: target, blackhole: !nat.available || nat.vpc !== vpc };
    const device = devices.get(target);
    if (device) return { node: device.node, blackhole: !device.running || device.vpc !== vpc };
    const pcx = peerings.get(target);
    if (pcx) return { node: target, blackhole: (pcx.a !== vpc && pcx.b !== vpc) || pcx.gone };
    if (tgws.has(target)) return { node: target, blackhole: !attached.has(`${target}\u0000${vpc}`) };
    const gwe = gatewayEndpoints.get(target);
    if (gwe !== undefined) return { node: target, blackhole: gwe !== vpc };
    return { node: undefined, blackhole: true };
  };

  const analyzeTable = (
    id: string,
    vpc: string,
    routes: readonly { destination: string; target: string }[],
  ): TableRouting => {
    const links = new Map<string, RouteLink>();
    const blackholes: string[] = [];
    let igw = false;
    let eigw = false;
    for (const r of routes) {
      if (r.target === 'local') continue;
      const target = resolve(r.target, vpc);
      if (target.blackhole) blackholes.push(`${r.destination} → ${r.target}`);
      else if (target.igw) igw = true;
      else if (target.eigw) eigw = true;
      if (target.node === undefined) continue;
      const link = links.get(target.node);
      if (link) {
        link.destinations.push(r.destination);
        link.blackhole = link.blackhole && target.blackhole;
      } else {
        links.set(target.node, {
          targetNodeId: target.node,
          destinations: [r.destination],
          blackhole: target.blackhole,
          routeTableId: id,
        });
      }
    }
    const kind: SubnetKind = igw ? 'public' : eigw ? 'ipv6-egress' : 'private';
    return { kind, links: [...links.values()], blackholes };
  };

  // Associations: the first table that lists a subnet; the main table of each VPC.
  const explicit = new Map<string, string>();
  const mainTable = new Map<string, string>();
  const tables = new Map<string, TableRouting>();
  for (const rt of t.routeTables ?? []) {
    if (!vpcIds.has(rt.vpcId)) continue;
    const routes = [...rt.routes, ...(endpointRoutes.get(rt.id) ?? [])];
    tables.set(rt.id, analyzeTable(rt.id, rt.vpcId, routes));
    if (rt.main === true && !mainTable.has(rt.vpcId)) mainTable.set(rt.vpcId, rt.id);
    for (const sid of rt.subnetIds ?? []) {
      if (!explicit.has(sid) && subnetVpc.get(sid) === rt.vpcId) explicit.set(sid, rt.id);
    }
  }

  const result = new Map<string, SubnetRouting>();
  for (const s of t.subnets ?? []) {
    if (!vpcIds.has(s.vpcId)) continue;
    const tableId = explicit.get(s.id) ?? mainTable.get(s.vpcId);
    const table = tableId === undefined ? undefined : tables.get(tableId);
    result.set(s.id, {
      routeTableId: tableId,
      kind: table?.kind ?? 'private',
      links: table?.links ?? [],
      blackholes: table?.blackholes ?? [],
    });
  }
  return result;
}
