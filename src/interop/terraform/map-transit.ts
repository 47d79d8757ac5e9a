/**
 * Maps transit gateways, their VPC and peering attachments (with accepters), route tables, static and
 * prefix list routes, associations, propagations and default tables, and applies AWS's default
 * association and propagation to the attachments created with them, as AWS does at creation
 * (semantics.md 9.1).
 */
import type {
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
} from '../../model/index.ts';
import { dangling, missing, nameOf, need, prefixListRef } from './common.ts';
import type { Entry, MapContext } from './context.ts';
import { defaultTgwTable, tgwTableFor } from './defaults.ts';
import type { Fields } from './fields.ts';

/** aws_ec2_transit_gateway ("enable"/"disable" options; the default route table ids are AWS's). */
export function mapTransitGateway(cx: MapContext, e: Entry, f: Fields): void {
  const tgw: TransitGateway = { id: e.id, ...nameOf(e, f) };
  const association = f.str('default_route_table_association') !== 'disable';
  const propagation = f.str('default_route_table_propagation') !== 'disable';
  tgw.defaultRouteTableAssociation = association;
  tgw.defaultRouteTablePropagation = propagation;
  if (f.str('security_group_referencing_support') === 'enable') tgw.securityGroupReferencingSupport = true;
  if (!cx.claim('transitGateways', tgw, e.address)) return;
  const d: { association: boolean; propagation: boolean; associationTableId?: string; propagationTableId?: string } = {
    association,
    propagation,
  };
  const assocId = f.ref('association_default_route_table_id');
  const propId = f.ref('propagation_default_route_table_id');
  if (assocId !== undefined) {
    d.associationTableId = assocId;
    cx.tgwByDefaultTableId.set(assocId, tgw.id);
  }
  if (propId !== undefined) {
    d.propagationTableId = propId;
    cx.tgwByDefaultTableId.set(propId, tgw.id);
  }
  cx.tgwDefaults.set(tgw.id, d);
}

/** aws_ec2_transit_gateway_route_table */
export function mapTgwRouteTable(cx: MapContext, e: Entry, f: Fields): void {
  const tgwId = need(f, 'transit_gateway_id', 'transitGateways', 'a route table belongs to a transit gateway');
  if (tgwId === undefined) return;
  const table = { id: e.id, ...nameOf(e, f), transitGatewayId: tgwId, associations: [], propagations: [], routes: [] };
  if (!cx.claim('transitGatewayRouteTables', table, e.address)) return;
  const d = cx.tgwDefaults.get(tgwId);
  if (d === undefined) return;
  if (f.bool('default_association_route_table') === true && d.associationTableId === undefined) {
    d.associationTableId = table.id;
  }
  if (f.bool('default_propagation_route_table') === true && d.propagationTableId === undefined) {
    d.propagationTableId = table.id;
  }
}

/** aws_ec2_transit_gateway_vpc_attachment and its _accepter (cross-account: the accepter holds the options). */
export function mapVpcAttachment(cx: MapContext, e: Entry, f: Fields, accepter: boolean): void {
  const id = accepter ? (f.ref('transit_gateway_attachment_id') ?? e.id) : e.id;
  const defaults = {
    association: f.bool('transit_gateway_default_route_table_association') ?? true,
    propagation: f.bool('transit_gateway_default_route_table_propagation') ?? true,
  };
  if (accepter && cx.is('transitGatewayAttachments', id)) {
    cx.attachmentDefaults.set(id, defaults);
    return;
  }
  const tgwId = need(f, 'transit_gateway_id', 'transitGateways', 'an attachment belongs to a transit gateway');
  const vpcId = need(f, 'vpc_id', 'vpcs', 'a VPC attachment names its VPC');
  if (tgwId === undefined || vpcId === undefined) return;
  const att: TransitGatewayAttachment = {
    id,
    ...nameOf(e, f),
    transitGatewayId: tgwId,
    type: 'vpc',
    vpcId,
    subnetIds: f.refs('subnet_ids'),
  };
  if (f.str('appliance_mode_support') === 'enable') att.applianceMode = true;
  if (!cx.claim('transitGatewayAttachments', att, e.address)) return;
  cx.attachmentDefaults.set(id, defaults);
}

/** aws_ec2_transit_gateway_peering_attachment: transit_gateway_id requests, peer_transit_gateway_id accepts. */
export function mapPeeringAttachment(cx: MapContext, e: Entry, f: Fields): void {
  const tgwId = need(f, 'transit_gateway_id', 'transitGateways', 'a peering attachment joins two transit gateways');
  const peerId = need(
    f,
    'peer_transit_gateway_id',
    'transitGateways',
    'a peering attachment joins two transit gateways',
  );
  if (tgwId === undefined || peerId === undefined) return;
  const att: TransitGatewayAttachment = {
    id: e.id,
    ...nameOf(e, f),
    transitGatewayId: tgwId,
    type: 'peering',
    peerTransitGatewayId: peerId,
  };
  const state = f.str('state');
  if (state !== undefined) att.state = state;
  cx.claim('transitGatewayAttachments', att, e.address);
}

/** aws_ec2_transit_gateway_peering_attachment_accepter: accepts one (or stands for one requested elsewhere). */
export function mapPeeringAttachmentAccepter(cx: MapContext, e: Entry, f: Fields): void {
  const id = f.ref('transit_gateway_attachment_id') ?? e.id;
  const existing = cx.items.transitGatewayAttachments.get(id);
  if (existing) {
    cx.acceptedPeerings.add(id);
    if (existing.state !== undefined && /^pending/i.test(existing.state)) delete existing.state;
    return;
  }
  // The accepter's own transit gateway is transit_gateway_id; the requester's is peer_transit_gateway_id.
  const requester = need(
    f,
    'peer_transit_gateway_id',
    'transitGateways',
    'a peering attachment joins two transit gateways',
  );
  const accepterTgw = need(
    f,
    'transit_gateway_id',
    'transitGateways',
    'a peering attachment joins two transit gateways',
  );
  if (requester === undefined || accepterTgw === undefined) return;
  const att: TransitGatewayAttachment = {
    id,
    ...nameOf(e, f),
    transitGatewayId: requester,
    type: 'peering',
    peerTransitGatewayId: accepterTgw,
  };
  if (cx.claim('transitGatewayAttachments', att, e.address)) cx.acceptedPeerings.add(id);
}

function tableOf(cx: MapContext, f: Fields, what: string) {
  const raw = f.ref('transit_gateway_route_table_id');
  if (raw === undefined) {
    missing(f, 'transit_gateway_route_table_id', `the ${what} was ignored`);
    return undefined;
  }
  const id = tgwTableFor(cx, raw);
  const table = id === undefined ? undefined : cx.items.transitGatewayRouteTables.get(id);
  if (!table)
    dangling(f, 'transit_gateway_route_table_id', raw, 'transitGatewayRouteTables', `the ${what} was ignored`);
  return table;
}

/** aws_ec2_transit_gateway_route */
export function mapTgwRoute(cx: MapContext, _e: Entry, f: Fields): void {
  const table = tableOf(cx, f, 'route');
  if (!table) return;
  const raw = f.str('destination_cidr_block');
  const destination = raw === undefined ? undefined : f.checkCidr('destination_cidr_block', raw, undefined);
  if (destination === undefined) {
    if (raw === undefined) missing(f, 'destination_cidr_block', 'the route was left out');
    return;
  }
  addTgwRoute(cx, f, table, destination, 'destination_cidr_block');
}

/** aws_ec2_transit_gateway_prefix_list_reference: a route whose destination is a prefix list. */
export function mapTgwPrefixListReference(cx: MapContext, _e: Entry, f: Fields): void {
  const table = tableOf(cx, f, 'route');
  if (!table) return;
  const raw = f.ref('prefix_list_id');
  if (raw === undefined) {
    missing(f, 'prefix_list_id', 'the route was left out');
    return;
  }
  const destination = prefixListRef(cx, raw);
  if (destination === undefined) {
    dangling(f, 'prefix_list_id', raw, 'prefixLists', 'the route was left out');
    return;
  }
  addTgwRoute(cx, f, table, destination, 'prefix_list_id');
}

/** Adds a static route (to an attachment or a blackhole); one route per destination and table. */
function addTgwRoute(
  cx: MapContext,
  f: Fields,
  table: TransitGatewayRouteTable,
  destination: string,
  destinationKey: string,
): void {
  let route: TransitGatewayRoute;
  const attachment = f.ref('transit_gateway_attachment_id');
  if (f.bool('blackhole') === true) route = { destination, blackhole: true };
  else if (attachment === undefined) {
    missing(
      f,
      'transit_gateway_attachment_id',
      'a route names an attachment unless it is a blackhole; the route was left out',
    );
    return;
  } else if (!cx.is('transitGatewayAttachments', attachment)) {
    dangling(
      f,
      'transit_gateway_attachment_id',
      attachment,
      'transitGatewayAttachments',
      'the route is imported as a blackhole',
    );
    route = { destination, blackhole: true };
  } else {
    route = { destination, attachmentId: attachment };
  }
  const key = `${table.id}\u0000${destination}`;
  const text = JSON.stringify(route);
  const prior = cx.seen.get(key);
  if (prior !== undefined) {
    if (prior !== text) {
      cx.report(
        'IMPORT_TF_CONFLICT',
        'error',
        f.address,
        `${table.id} already has a static route to ${destination}; this one was ignored`,
        destinationKey,
      );
    }
    return;
  }
  cx.seen.set(key, text);
  table.routes.push(route);
}

/**
 * aws_ec2_transit_gateway_default_route_table_association, _propagation: the table AWS associates new
 * attachments with (or propagates them to) when the gateway's option is on.
 */
export function mapTgwDefaultTable(cx: MapContext, e: Entry, f: Fields, which: 'association' | 'propagation'): void {
  const tgwId = need(f, 'transit_gateway_id', 'transitGateways', 'a default route table belongs to a transit gateway');
  if (tgwId === undefined) return;
  const table = tableOf(cx, f, `default ${which} table`);
  const d = cx.tgwDefaults.get(tgwId);
  if (!table || d === undefined) return;
  if (table.transitGatewayId !== tgwId) {
    f.invalid(
      'transit_gateway_route_table_id',
      `is ${table.id}, a route table of ${table.transitGatewayId}: a default route table belongs to its own transit gateway; it was ignored`,
    );
    return;
  }
  const key = `${tgwId}\u0000default ${which}`;
  const prior = cx.seen.get(key);
  if (prior !== undefined && prior !== table.id) {
    cx.report(
      'IMPORT_TF_CONFLICT',
      'error',
      e.address,
      `transit gateway ${tgwId} already has default ${which} table ${prior}; this one was ignored`,
      'transit_gateway_route_table_id',
    );
    return;
  }
  cx.seen.set(key, table.id);
  if (which === 'association') d.associationTableId = table.id;
  else d.propagationTableId = table.id;
  cx.tgwByDefaultTableId.set(table.id, tgwId);
}

/** aws_ec2_transit_gateway_route_table_association, _propagation */
export function mapTgwTableLink(cx: MapContext, e: Entry, f: Fields, what: 'association' | 'propagation'): void {
  const table = tableOf(cx, f, what);
  const attachment = f.ref('transit_gateway_attachment_id');
  if (!table) return;
  if (attachment === undefined || !cx.is('transitGatewayAttachments', attachment)) {
    if (attachment === undefined) missing(f, 'transit_gateway_attachment_id', `the ${what} was ignored`);
    else
      dangling(f, 'transit_gateway_attachment_id', attachment, 'transitGatewayAttachments', `the ${what} was ignored`);
    return;
  }
  if (what === 'propagation') {
    cx.propagations.push({ table: table.id, attachment });
    return;
  }
  // One association per attachment on each transit gateway (a peering attachment has one on each side).
  const key = `${attachment}\u0000${table.transitGatewayId}`;
  const prior = cx.associations.get(key);
  if (prior !== undefined && prior.table !== table.id) {
    cx.report(
      'IMPORT_TF_CONFLICT',
      'error',
      e.address,
      `attachment ${attachment} is already associated with ${prior.table}; an attachment has one route table per transit gateway, so this association was ignored`,
      'transit_gateway_route_table_id',
    );
    return;
  }
  cx.associations.set(key, { attachment, table: table.id });
}

/**
 * AWS associates and propagates a new VPC attachment with the default tables of its transit gateway
 * when the gateway's options are on and the attachment did not opt out; an explicit association replaces
 * the default one. Then every table gets its association and propagation lists.
 */
export function settleTransit(cx: MapContext): void {
  for (const [tgwId, d] of cx.tgwDefaults) {
    if (!cx.is('transitGateways', tgwId)) continue;
    if (d.association) defaultTgwTable(cx, tgwId, 'association');
    if (d.propagation) defaultTgwTable(cx, tgwId, 'propagation');
  }
  for (const att of cx.items.transitGatewayAttachments.values()) {
    if (att.type !== 'vpc') continue;
    const d = cx.tgwDefaults.get(att.transitGatewayId);
    const own = cx.attachmentDefaults.get(att.id) ?? { association: true, propagation: true };
    if (d === undefined) continue;
    const key = `${att.id}\u0000${att.transitGatewayId}`;
    if (d.association && own.association && !cx.associations.has(key)) {
      const table = defaultTgwTable(cx, att.transitGatewayId, 'association');
      if (table !== undefined) cx.associations.set(key, { attachment: att.id, table });
    }
    if (d.propagation && own.propagation) {
      const table = defaultTgwTable(cx, att.transitGatewayId, 'propagation');
      if (table !== undefined) cx.propagations.push({ table, attachment: att.id });
    }
  }
  const listed = new Set<string>();
  for (const { attachment, table } of cx.associations.values()) {
    const t = cx.items.transitGatewayRouteTables.get(table);
    if (t && cx.is('transitGatewayAttachments', attachment)) t.associations.push(attachment);
  }
  for (const { attachment, table } of cx.propagations) {
    const t = cx.items.transitGatewayRouteTables.get(table);
    const key = `${table}\u0000${attachment}`;
    if (!t || listed.has(key) || !cx.is('transitGatewayAttachments', attachment)) continue;
    listed.add(key);
    t.propagations.push(attachment);
  }
  for (const [tgwId, d] of cx.tgwDefaults) {
    const tgw = cx.items.transitGateways.get(tgwId);
    if (!tgw) continue;
    const { associationTableId: assoc, propagationTableId: prop } = d;
    if (assoc !== undefined && cx.is('transitGatewayRouteTables', assoc)) tgw.associationDefaultRouteTableId = assoc;
    if (prop !== undefined && cx.is('transitGatewayRouteTables', prop)) tgw.propagationDefaultRouteTableId = prop;
  }
  for (const att of cx.items.transitGatewayAttachments.values()) {
    if (att.type !== 'peering' || att.state !== undefined || cx.acceptedPeerings.has(att.id)) continue;
    cx.report(
      'IMPORT_TF_ASSUMED',
      'warning',
      cx.addressOf(att.id),
      `no accepter resource and no state say whether peering attachment ${att.id} was accepted; vpcsim assumes it is available`,
    );
  }
}
