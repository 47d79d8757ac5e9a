/**
 * Resolves transit gateways, attachments and their route tables. A peering attachment is one record,
 * requester to accepter (semantics.md 9.4); static routes to attachments left out become blackholes.
 */
import type {
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayRoute,
  TransitGatewayRouteTable,
} from '../../model/index.ts';
import type { TgwTableData } from './drafts.ts';
import type { Origin } from './merge.ts';
import { fromOrigin, type From } from './resolve-context.ts';
import { prefixListRef } from './resolve-prefix-lists.ts';
import type { Ctx } from './resolve-types.ts';

function resolveGateways(cx: Ctx, pending: Map<string, { tgw: TransitGateway; from: From }>): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.transitGateways.entries.values()) {
    const tgw: TransitGateway = { id: d.id };
    if (d.name !== undefined) tgw.name = d.name;
    if (d.securityGroupReferencingSupport !== undefined)
      tgw.securityGroupReferencingSupport = d.securityGroupReferencingSupport;
    if (d.defaultRouteTableAssociation !== undefined) tgw.defaultRouteTableAssociation = d.defaultRouteTableAssociation;
    if (d.defaultRouteTablePropagation !== undefined) tgw.defaultRouteTablePropagation = d.defaultRouteTablePropagation;
    out.transitGateways.push(tgw);
    pending.set(d.id, { tgw, from: fromOrigin(origin, d.id, `transit gateway ${d.id}`) });
    rs.keep(d.id, 'transitGateways');
  }
}

function resolvePeeringAttachment(cx: Ctx, att: TransitGatewayAttachment, origin: Origin): boolean {
  const { st, rs } = cx;
  const sides = st.peeringSides.get(att.id);
  const requester = sides?.requester ?? sides?.seen?.[0];
  const accepter = sides?.accepter ?? sides?.seen?.[1];
  const where = { file: origin.file, path: origin.path, rid: att.id };
  if (requester === undefined || accepter === undefined) {
    st.r.error(
      'IMPORT_AWS_FIELD_MISSING',
      where,
      `${origin.file}: transit gateway peering attachment ${att.id} names no pair of transit gateways; it is left out`,
    );
    return false;
  }
  const missing = [requester, accepter].filter((id) => !rs.has(id, 'transitGateways'));
  if (missing.length > 0) {
    st.r.warning(
      missing.some((id) => st.leftOut.has(id)) ? 'IMPORT_AWS_DEPENDENCY_LEFT_OUT' : 'IMPORT_AWS_PEER_OUTSIDE_IMPORT',
      where,
      `${origin.file}: transit gateway peering attachment ${att.id} joins ${requester} and ${accepter}, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not in the import (another account or Region not collected?); it is left out with its associations and routes`,
    );
    return false;
  }
  att.transitGatewayId = requester;
  att.peerTransitGatewayId = accepter;
  return true;
}

function resolveAttachments(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.attachments.entries.values()) {
    const from = fromOrigin(origin, d.id, `transit gateway attachment ${d.id}`);
    const att: TransitGatewayAttachment = { id: d.id, transitGatewayId: d.transitGatewayId ?? '', type: d.type };
    if (d.name !== undefined) att.name = d.name;
    let ok: boolean;
    if (d.type === 'peering') {
      ok = resolvePeeringAttachment(cx, att, origin);
    } else {
      ok =
        d.transitGatewayId !== undefined &&
        d.vpcId !== undefined &&
        rs.check(d.transitGatewayId, 'transitGateways', ['TransitGateways'], from, 'the attachment is left out') &&
        rs.check(d.vpcId, 'vpcs', ['Vpcs'], from, 'the attachment is left out');
      if (ok && d.vpcId !== undefined) {
        att.vpcId = d.vpcId;
        if (d.subnetIds === undefined) {
          st.r.warning(
            'IMPORT_AWS_NOT_COLLECTED',
            { file: origin.file, path: origin.path, rid: d.id },
            `${origin.file}: the subnets of transit gateway attachment ${d.id} are unknown (no describe-transit-gateway-vpc-attachments output lists it); without them no subnet reaches the transit gateway`,
          );
        }
        const subnets = rs.filter(
          d.subnetIds ?? [],
          'subnets',
          ['Subnets'],
          from,
          'the subnet is dropped from the attachment',
        );
        if (subnets.length > 0) att.subnetIds = subnets;
        if (d.applianceMode === true) att.applianceMode = true;
      }
    }
    if (!ok) {
      rs.drop(d.id, 'a transit gateway or VPC it joins is not in the import');
      continue;
    }
    if (d.state !== undefined && d.state !== 'available') att.state = d.state;
    out.transitGatewayAttachments.push(att);
    cx.attachments.set(d.id, att);
    rs.keep(d.id, 'transitGatewayAttachments');
  }
}

function tableRoutes(cx: Ctx, tableId: string, data: TgwTableData, scope: string): TransitGatewayRoute[] {
  const routes: TransitGatewayRoute[] = [];
  for (const r of data.routes) {
    const from: From = {
      file: r.file,
      path: r.path,
      scope,
      rid: tableId,
      label: `transit gateway route table ${tableId} route to ${r.destination}`,
    };
    const destination = r.prefixList ? prefixListRef(cx, r.destination, from, 'the route is left out') : r.destination;
    if (destination === undefined) continue;
    if (r.blackhole || r.attachmentId === undefined) {
      routes.push({ destination, blackhole: true });
    } else if (
      cx.rs.check(
        r.attachmentId,
        'transitGatewayAttachments',
        ['TransitGatewayAttachments'],
        from,
        'the route is kept as a blackhole',
      )
    ) {
      routes.push({ destination, attachmentId: r.attachmentId });
    } else {
      routes.push({ destination, blackhole: true });
    }
  }
  return routes;
}

function notCollected(cx: Ctx, origin: Origin, id: string, what: string, consequence: string): void {
  cx.st.r.warning(
    'IMPORT_AWS_NOT_COLLECTED',
    { file: origin.file, path: origin.path, rid: id },
    `${origin.file}: no ${what} output was given for transit gateway route table ${id}; ${consequence}`,
  );
}

function attachmentList(cx: Ctx, ids: Iterable<string>, from: From, consequence: string): string[] {
  return cx.rs.filter([...ids].sort(), 'transitGatewayAttachments', ['TransitGatewayAttachments'], from, consequence);
}

function resolveRouteTables(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.tgwRouteTables.entries.values()) {
    const from = fromOrigin(origin, d.id, `transit gateway route table ${d.id}`);
    if (!rs.check(d.transitGatewayId, 'transitGateways', ['TransitGateways'], from, 'the route table is left out')) {
      rs.drop(d.id, `its transit gateway ${d.transitGatewayId} is not in the import`);
      continue;
    }
    const data = st.tgwTable(d.id);
    const associations = attachmentList(cx, data.associations.keys(), from, 'the association is left out');
    let propagationIds: Iterable<string> = data.propagations.keys();
    if (!data.propagationsCollected) {
      const inferred = data.propagatedFrom.size > 0;
      if (inferred) propagationIds = data.propagatedFrom.keys();
      notCollected(
        cx,
        origin,
        d.id,
        'get-transit-gateway-route-table-propagations',
        inferred
          ? 'its propagations were inferred from the propagated routes search-transit-gateway-routes printed'
          : 'it is imported without propagations',
      );
    }
    if (!data.associationsCollected && data.associations.size === 0) {
      notCollected(
        cx,
        origin,
        d.id,
        'get-transit-gateway-route-table-associations',
        'it is imported without associations',
      );
    }
    if (!data.routesCollected) {
      notCollected(cx, origin, d.id, 'search-transit-gateway-routes', 'it is imported without static routes');
    }
    const rtb: TransitGatewayRouteTable = {
      id: d.id,
      transitGatewayId: d.transitGatewayId,
      associations,
      propagations: attachmentList(cx, propagationIds, from, 'the propagation is left out'),
      routes: tableRoutes(cx, d.id, data, origin.scope),
    };
    if (d.name !== undefined) rtb.name = d.name;
    out.transitGatewayRouteTables.push(rtb);
    rs.keep(d.id, 'transitGatewayRouteTables');
  }
  for (const [id, data] of st.tgwTables) {
    if (st.tgwRouteTables.get(id) || st.leftOut.has(id)) continue;
    const first = data.associations.values().next().value ?? data.propagations.values().next().value ?? data.routes[0];
    if (first === undefined) continue;
    st.r.warning(
      'IMPORT_AWS_NOT_COLLECTED',
      { file: first.file, path: first.path, rid: id },
      `transit gateway route table ${id} appears in per-table output but no describe-transit-gateway-route-tables output describes it; what was said about it is left out`,
    );
  }
}

/** Transit gateways, attachments and route tables, then the gateways' default route tables. */
export function resolveTransit(cx: Ctx): void {
  const pending = new Map<string, { tgw: TransitGateway; from: From }>();
  resolveGateways(cx, pending);
  resolveAttachments(cx);
  resolveRouteTables(cx);
  for (const { tgw, from } of pending.values()) {
    const d = cx.st.transitGateways.get(tgw.id)?.value;
    for (const field of ['associationDefaultRouteTableId', 'propagationDefaultRouteTableId'] as const) {
      const id = d?.[field];
      if (
        id !== undefined &&
        cx.rs.check(
          id,
          'transitGatewayRouteTables',
          ['TransitGatewayRouteTables'],
          from,
          `the ${field} option is left out`,
        )
      ) {
        tgw[field] = id;
      }
    }
  }
}
