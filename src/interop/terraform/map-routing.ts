/**
 * Maps route tables (aws_route_table, aws_default_route_table, aws_route), their subnet and gateway
 * associations, and which table is a VPC's main table.
 */
import type { Route, RouteTable } from '../../model/index.ts';
import { dangling, missing, nameOf, prefixListRef } from './common.ts';
import type { Entry, MapContext } from './context.ts';
import { routeTableFor, vpcOfDefault } from './defaults.ts';
import type { Fields } from './fields.ts';

/** aws_route_table, aws_default_route_table: the table; its inline routes come in a later step. */
export function mapRouteTable(cx: MapContext, e: Entry, f: Fields, isDefault: boolean): void {
  let vpcId = f.ref('vpc_id');
  if (vpcId === undefined && isDefault) {
    const ref = f.ref('default_route_table_id');
    if (ref !== undefined) vpcId = vpcOfDefault(cx, ref);
  }
  if (vpcId === undefined) {
    missing(f, 'vpc_id', 'a route table belongs to a VPC; the table was left out');
    return;
  }
  if (!cx.is('vpcs', vpcId)) {
    dangling(f, 'vpc_id', vpcId, 'vpcs', 'the table was left out');
    return;
  }
  if (isDefault && cx.defaultRouteTableOfVpc.has(vpcId)) {
    cx.report(
      'IMPORT_TF_CONFLICT',
      'error',
      e.address,
      `VPC ${vpcId} already has its default route table ${cx.defaultRouteTableOfVpc.get(vpcId) ?? ''}; this one was left out`,
    );
    return;
  }
  const rt: RouteTable = { id: e.id, ...nameOf(e, f), vpcId, routes: [] };
  if (!cx.claim('routeTables', rt, e.address)) return;
  if (isDefault || cx.vpcByDefaultId.get(rt.id) === vpcId) {
    if (!cx.defaultRouteTableOfVpc.has(vpcId)) cx.defaultRouteTableOfVpc.set(vpcId, rt.id);
  }
}

/** The inline `route` blocks of a route table. */
export function mapRouteTableRoutes(cx: MapContext, e: Entry, f: Fields): void {
  const rt = cx.items.routeTables.get(e.id);
  if (!rt || cx.addressOf(rt.id) !== e.address) return;
  for (const b of f.blocks('route')) addRoute(cx, rt, b, INLINE_DESTINATIONS);
}

/** aws_route */
export function mapRoute(cx: MapContext, _e: Entry, f: Fields): void {
  const raw = f.ref('route_table_id');
  if (raw === undefined) {
    missing(f, 'route_table_id', 'the route was left out');
    return;
  }
  const rtId = routeTableFor(cx, raw);
  const rt = rtId === undefined ? undefined : cx.items.routeTables.get(rtId);
  if (!rt) {
    dangling(f, 'route_table_id', raw, 'routeTables', 'the route was left out');
    return;
  }
  addRoute(cx, rt, f, RESOURCE_DESTINATIONS);
}

interface DestinationKeys {
  v4: string;
  v6: string;
  pl: string;
}
const INLINE_DESTINATIONS: DestinationKeys = {
  v4: 'cidr_block',
  v6: 'ipv6_cidr_block',
  pl: 'destination_prefix_list_id',
};
const RESOURCE_DESTINATIONS: DestinationKeys = {
  v4: 'destination_cidr_block',
  v6: 'destination_ipv6_cidr_block',
  pl: 'destination_prefix_list_id',
};

/** Targets in the order that settles a route AWS reports with several (an instance route also names its interface). */
const TARGET_KEYS = [
  'gateway_id',
  'nat_gateway_id',
  'transit_gateway_id',
  'vpc_peering_connection_id',
  'egress_only_gateway_id',
  'vpc_endpoint_id',
  'network_interface_id',
  'instance_id',
] as const;
const UNSUPPORTED_TARGET_KEYS = ['local_gateway_id', 'carrier_gateway_id', 'core_network_arn'] as const;

function addRoute(cx: MapContext, rt: RouteTable, f: Fields, keys: DestinationKeys): void {
  let destination: string | undefined;
  if (f.present(keys.v4)) destination = f.cidr(keys.v4, 4);
  else if (f.present(keys.v6)) destination = f.cidr(keys.v6, 6);
  else if (f.present(keys.pl)) {
    const raw = f.ref(keys.pl);
    if (raw !== undefined) {
      destination = prefixListRef(cx, raw);
      if (destination === undefined) dangling(f, keys.pl, raw, 'prefixLists', 'the route was left out');
    }
  } else {
    missing(f, keys.v4, 'a route needs a destination CIDR block or prefix list; the route was left out');
    return;
  }
  if (destination === undefined) return;
  const unsupported = UNSUPPORTED_TARGET_KEYS.find((k) => f.present(k));
  if (unsupported !== undefined) {
    cx.report(
      'IMPORT_TF_UNSUPPORTED_VALUE',
      'warning',
      f.address,
      `the route to ${destination} goes through ${unsupported.replace(/_(id|arn)$/, '').replaceAll('_', ' ')}, which vpcsim does not model; the route was left out`,
      f.prefix + unsupported,
    );
    return;
  }
  const key = TARGET_KEYS.find((k) => f.present(k));
  const target = key === undefined ? undefined : f.ref(key);
  if (key === undefined || target === undefined) {
    missing(f, 'gateway_id', `the route to ${destination} names no target; the route was left out`);
    return;
  }
  if (target === 'local') return; // The local route is implicit in the format.
  if (cx.unsupportedIds.has(target) || /^vgw-/.test(target)) {
    cx.report(
      'IMPORT_TF_UNSUPPORTED_VALUE',
      'warning',
      f.address,
      `the route to ${destination} goes to ${target}, which vpcsim does not model; the route was left out`,
      f.prefix + key,
    );
    return;
  }
  // A gateway endpoint's routes come from its route table list in the format.
  const ep = cx.items.vpcEndpoints.get(target);
  if (ep?.type === 'gateway') {
    if (!(ep.routeTableIds ?? []).includes(rt.id)) (ep.routeTableIds ??= []).push(rt.id);
    return;
  }
  const seenKey = `${rt.id}\u0000${destination}`;
  const prior = cx.seen.get(seenKey);
  if (prior !== undefined) {
    if (prior !== target) {
      cx.report(
        'IMPORT_TF_CONFLICT',
        'error',
        f.address,
        `${rt.id} already routes ${destination} to ${prior}; a table has one route per destination, so the route to ${target} was ignored`,
        f.prefix + key,
      );
    }
    return;
  }
  cx.seen.set(seenKey, target);
  const route: Route = { destination, target };
  rt.routes.push(route);
}

/** aws_route_table_association: a subnet or an internet gateway (edge association). */
export function mapRouteTableAssociation(cx: MapContext, _e: Entry, f: Fields): void {
  const raw = f.ref('route_table_id');
  const rtId = raw === undefined ? undefined : routeTableFor(cx, raw);
  const rt = rtId === undefined ? undefined : cx.items.routeTables.get(rtId);
  if (!rt) {
    if (raw === undefined) missing(f, 'route_table_id', 'the association was ignored');
    else dangling(f, 'route_table_id', raw, 'routeTables', 'the association was ignored');
    return;
  }
  const subnet = f.ref('subnet_id');
  const gateway = f.ref('gateway_id');
  if (subnet !== undefined) {
    if (!cx.is('subnets', subnet)) {
      dangling(f, 'subnet_id', subnet, 'subnets', 'the association was ignored');
      return;
    }
    const prior = cx.subnetRouteTable.get(subnet);
    if (prior !== undefined) {
      if (prior !== rt.id) {
        cx.report(
          'IMPORT_TF_CONFLICT',
          'error',
          f.address,
          `subnet ${subnet} is already associated with ${prior}; a subnet has one route table, so this association was ignored`,
          'subnet_id',
        );
      }
      return;
    }
    cx.subnetRouteTable.set(subnet, rt.id);
    (rt.subnetIds ??= []).push(subnet);
  } else if (gateway !== undefined) {
    if (cx.is('internetGateways', gateway)) {
      if (!(rt.gatewayIds ?? []).includes(gateway)) (rt.gatewayIds ??= []).push(gateway);
    } else if (cx.unsupportedIds.has(gateway) || /^vgw-/.test(gateway)) {
      cx.report(
        'IMPORT_TF_UNSUPPORTED_VALUE',
        'warning',
        f.address,
        `gateway ${gateway} is a gateway vpcsim does not model at the edge; the association was ignored`,
        'gateway_id',
      );
    } else {
      dangling(f, 'gateway_id', gateway, 'internetGateways', 'the association was ignored');
    }
  } else {
    missing(f, 'subnet_id', 'the association names neither a subnet nor a gateway; it was ignored');
  }
}

/** aws_main_route_table_association */
export function mapMainRouteTableAssociation(cx: MapContext, e: Entry, f: Fields): void {
  const vpcId = f.ref('vpc_id');
  const raw = f.ref('route_table_id');
  const rtId = raw === undefined ? undefined : routeTableFor(cx, raw);
  if (vpcId === undefined || !cx.is('vpcs', vpcId)) {
    if (vpcId === undefined) missing(f, 'vpc_id', 'the association was ignored');
    else dangling(f, 'vpc_id', vpcId, 'vpcs', 'the association was ignored');
    return;
  }
  if (rtId === undefined) {
    if (raw === undefined) missing(f, 'route_table_id', 'the association was ignored');
    else dangling(f, 'route_table_id', raw, 'routeTables', 'the association was ignored');
    return;
  }
  const prior = cx.mainAssociation.get(vpcId);
  if (prior !== undefined && prior.table !== rtId) {
    cx.report(
      'IMPORT_TF_CONFLICT',
      'error',
      e.address,
      `VPC ${vpcId} already has main route table ${prior.table} (${prior.address}); this association was ignored`,
      'route_table_id',
    );
    return;
  }
  cx.mainAssociation.set(vpcId, { table: rtId, address: e.address });
}

/**
 * One main table per VPC: an aws_main_route_table_association, else the table the VPC reports as main,
 * else its default table (AWS makes the default table main). A VPC without one gets the implicit main table.
 */
export function settleMainTables(cx: MapContext): void {
  const mainOf = new Map<string, string>();
  for (const vpcId of cx.items.vpcs.keys()) {
    const assoc = cx.mainAssociation.get(vpcId)?.table;
    const reported = cx.vpcDefaults.get(vpcId)?.mainRouteTableId;
    const main = assoc ?? (reported !== undefined ? reported : cx.defaultRouteTableOfVpc.get(vpcId));
    if (main !== undefined) mainOf.set(vpcId, main);
  }
  for (const rt of cx.items.routeTables.values()) {
    if (mainOf.get(rt.vpcId) === rt.id) rt.main = true;
    else delete rt.main;
  }
}
