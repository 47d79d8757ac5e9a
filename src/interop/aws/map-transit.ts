/**
 * Maps transit gateways, their attachments (generic, VPC and peering views of one id), their route
 * tables, and the per-table calls (associations, propagations, routes) in raw and wrapped form.
 */
import type { AttachmentDraft, TgwRouteDraft, TgwTableData, TransitGatewayDraft } from './drafts.ts';
import type { Rec } from './fields.ts';
import type { InputFile } from './recognise.ts';
import type { ImportState } from './state.ts';
import { cidrField } from './values.ts';

const GONE = new Set(['deleted', 'deleting']);
const MODELLED_TYPES = new Set(['vpc', 'peering']);

/** Reports a deleted resource once and remembers it, so references to it say why it is missing. */
function deleted(rec: Rec, st: ImportState, id: string, kind: string, state: string): void {
  if (!st.leftOut.has(id)) {
    st.r.warning('IMPORT_AWS_DELETED', rec.at('State'), `${rec.file}: ${kind} ${id} is ${state}; it is left out`);
  }
  st.leftOut.set(id, `it is ${state}`);
}

function unsupportedAttachment(rec: Rec, st: ImportState, id: string, type: string): void {
  if (!st.leftOut.has(id)) {
    st.r.warning(
      'IMPORT_AWS_UNSUPPORTED',
      rec.at('ResourceType'),
      `${rec.file}: transit gateway attachment ${id} is a ${type} attachment, which vpcsim does not model; it is left out with its associations, propagations and routes`,
    );
  }
  st.leftOut.set(id, `it is a ${type} attachment`);
}

function enabled(text: string | undefined): boolean | undefined {
  return text === undefined ? undefined : text === 'enable';
}

/** One item of describe-transit-gateways. */
export function mapTransitGateway(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('TransitGatewayId', 'transit gateway');
  if (id === undefined) return;
  const state = rec.str('State');
  if (state !== undefined && GONE.has(state)) return deleted(rec, st, id, 'transit gateway', state);
  const draft: TransitGatewayDraft = { id };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  const options = rec.obj('Options');
  if (options) {
    const sgRef = enabled(options.str('SecurityGroupReferencingSupport'));
    if (sgRef !== undefined) draft.securityGroupReferencingSupport = sgRef;
    const assoc = enabled(options.str('DefaultRouteTableAssociation'));
    if (assoc !== undefined) draft.defaultRouteTableAssociation = assoc;
    const prop = enabled(options.str('DefaultRouteTablePropagation'));
    if (prop !== undefined) draft.defaultRouteTablePropagation = prop;
    const assocTable = options.str('AssociationDefaultRouteTableId');
    if (assocTable !== undefined) draft.associationDefaultRouteTableId = assocTable;
    const propTable = options.str('PropagationDefaultRouteTableId');
    if (propTable !== undefined) draft.propagationDefaultRouteTableId = propTable;
  }
  st.transitGateways.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
}

/** One item of describe-transit-gateway-attachments (every type; each side's view of a peering). */
export function mapTgwAttachment(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('TransitGatewayAttachmentId', 'transit gateway attachment');
  if (id === undefined) return;
  const tgwId = rec.str('TransitGatewayId', 'the attachment is left out');
  const type = rec.str('ResourceType', 'the attachment is left out');
  if (tgwId === undefined || type === undefined) return;
  if (!MODELLED_TYPES.has(type)) return unsupportedAttachment(rec, st, id, type);
  const state = rec.str('State');
  if (state !== undefined && GONE.has(state)) return deleted(rec, st, id, 'transit gateway attachment', state);
  const resourceId = rec.str('ResourceId', 'the attachment is left out');
  if (resourceId === undefined) return;
  const draft: AttachmentDraft = { id, type: type === 'vpc' ? 'vpc' : 'peering' };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  if (state !== undefined) draft.state = state;
  if (type === 'vpc') {
    draft.transitGatewayId = tgwId;
    draft.vpcId = resourceId;
  } else {
    const sides = st.peeringSides.get(id) ?? {};
    sides.seen ??= [tgwId, resourceId];
    st.peeringSides.set(id, sides);
  }
  const association = rec.obj('Association');
  const table = association?.str('TransitGatewayRouteTableId');
  const assocState = association?.str('State');
  if (association && table !== undefined && (assocState === undefined || assocState === 'associated')) {
    st.tgwTable(table).associations.set(id, { file: rec.file, path: association.path });
  }
  st.attachments.add(draft, st.origin(file, rec.path, rec.str('TransitGatewayOwnerId')), st.r);
}

/** One item of describe-transit-gateway-vpc-attachments. */
export function mapTgwVpcAttachment(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('TransitGatewayAttachmentId', 'transit gateway attachment');
  if (id === undefined) return;
  const state = rec.str('State');
  if (state !== undefined && GONE.has(state)) return deleted(rec, st, id, 'transit gateway attachment', state);
  const tgwId = rec.str('TransitGatewayId', 'the attachment is left out');
  const vpcId = rec.str('VpcId', 'the attachment is left out');
  if (tgwId === undefined || vpcId === undefined) return;
  const draft: AttachmentDraft = {
    id,
    type: 'vpc',
    transitGatewayId: tgwId,
    vpcId,
    subnetIds: [...new Set(rec.strings('SubnetIds'))].sort(),
  };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  if (state !== undefined) draft.state = state;
  const appliance = enabled(rec.obj('Options')?.str('ApplianceModeSupport'));
  if (appliance !== undefined) draft.applianceMode = appliance;
  st.attachments.add(draft, st.origin(file, rec.path, rec.str('VpcOwnerId')), st.r);
}

/** One item of describe-transit-gateway-peering-attachments. */
export function mapTgwPeeringAttachment(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('TransitGatewayAttachmentId', 'transit gateway attachment');
  if (id === undefined) return;
  const state = rec.str('State') ?? rec.obj('Status')?.str('Code');
  if (state !== undefined && GONE.has(state)) return deleted(rec, st, id, 'transit gateway attachment', state);
  const requester = rec.objReq('RequesterTgwInfo', 'the attachment is left out');
  const accepter = rec.objReq('AccepterTgwInfo', 'the attachment is left out');
  const requesterId = requester?.str('TransitGatewayId', 'the attachment is left out');
  const accepterId = accepter?.str('TransitGatewayId', 'the attachment is left out');
  if (requesterId === undefined || accepterId === undefined) return;
  const draft: AttachmentDraft = { id, type: 'peering' };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  if (state !== undefined) draft.state = state;
  const sides = st.peeringSides.get(id) ?? {};
  sides.requester = requesterId;
  sides.accepter = accepterId;
  st.peeringSides.set(id, sides);
  st.attachments.add(draft, st.origin(file, rec.path, requester?.str('OwnerId')), st.r);
}

/** One item of describe-transit-gateway-route-tables. */
export function mapTgwRouteTable(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('TransitGatewayRouteTableId', 'transit gateway route table');
  if (id === undefined) return;
  const state = rec.str('State');
  if (state !== undefined && GONE.has(state)) return deleted(rec, st, id, 'transit gateway route table', state);
  const tgwId = rec.str('TransitGatewayId', 'the route table is left out');
  if (tgwId === undefined) return;
  const name = rec.name();
  st.tgwRouteTables.add(
    name === undefined ? { id, transitGatewayId: tgwId } : { id, name, transitGatewayId: tgwId },
    st.origin(file, rec.path, undefined),
    st.r,
  );
}

/** An attachment reference of a per-table item, or undefined for types vpcsim does not model. */
function attachmentOf(item: Rec, st: ImportState): string | undefined {
  const id = item.str('TransitGatewayAttachmentId', 'the item is left out');
  if (id === undefined) return undefined;
  item.rid = id;
  const type = item.str('ResourceType');
  if (type !== undefined && !MODELLED_TYPES.has(type)) {
    unsupportedAttachment(item, st, id, type);
    return undefined;
  }
  return id;
}

/** The items of get-transit-gateway-route-table-associations for one table. */
export function mapTgwAssociations(tableId: string, items: Rec[], st: ImportState): void {
  const table = st.tgwTable(tableId);
  table.associationsCollected = true;
  for (const item of items) {
    const id = attachmentOf(item, st);
    const state = item.str('State');
    if (id !== undefined && (state === undefined || state === 'associated')) {
      table.associations.set(id, { file: item.file, path: item.path });
    }
  }
}

/** The items of get-transit-gateway-route-table-propagations for one table. */
export function mapTgwPropagations(tableId: string, items: Rec[], st: ImportState): void {
  const table = st.tgwTable(tableId);
  table.propagationsCollected = true;
  for (const item of items) {
    const id = attachmentOf(item, st);
    const state = item.str('State');
    if (id !== undefined && (state === undefined || state === 'enabled' || state === 'enabling')) {
      table.propagations.set(id, { file: item.file, path: item.path });
    }
  }
}

function staticRoute(item: Rec, tableId: string, table: TgwTableData, st: ImportState): void {
  const cidr = item.has('DestinationCidrBlock')
    ? cidrField(item, 'DestinationCidrBlock', undefined, 'the route is left out')
    : undefined;
  const pl = item.str('PrefixListId');
  const destination = cidr ?? pl;
  if (destination === undefined) {
    if (!item.has('DestinationCidrBlock')) {
      st.r.error(
        'IMPORT_AWS_FIELD_MISSING',
        item.at(),
        `${item.file}: a route of transit gateway route table ${tableId} has no DestinationCidrBlock or PrefixListId; the route is left out`,
      );
    }
    return;
  }
  const targets = item.records('TransitGatewayAttachments');
  const route: TgwRouteDraft = {
    destination,
    prefixList: cidr === undefined,
    blackhole: item.str('State') === 'blackhole' || targets.length === 0,
    file: item.file,
    path: item.path,
  };
  const first = targets[0];
  if (!route.blackhole && first) {
    const attachmentId = first.str('TransitGatewayAttachmentId', 'the route is left out');
    if (attachmentId === undefined) return;
    route.attachmentId = attachmentId;
    const type = first.str('ResourceType');
    if (type !== undefined) route.resourceType = type;
    if (targets.length > 1) {
      st.r.warning(
        'IMPORT_AWS_UNSUPPORTED',
        item.at('TransitGatewayAttachments'),
        `${item.file}: transit gateway route table ${tableId} route to ${destination} spreads over ${targets.length} attachments (ECMP), which vpcsim does not model; only ${attachmentId} is kept`,
      );
    }
  }
  // The same table seen twice (two collections of one account, a folder given twice) lists its routes twice.
  const same = table.routes.find((r) => r.destination === destination);
  if (same) {
    if (same.blackhole !== route.blackhole || same.attachmentId !== route.attachmentId) {
      st.r.warning(
        'IMPORT_AWS_CONFLICT',
        item.at(),
        `${item.file}: transit gateway route table ${tableId} lists two routes to ${destination} (${same.attachmentId ?? 'blackhole'} and ${route.attachmentId ?? 'blackhole'}); the first, from ${same.file}, is kept`,
      );
    }
    return;
  }
  table.routes.push(route);
}

/** The items of search-transit-gateway-routes for one table: static and blackhole routes are kept. */
export function mapTgwRoutes(tableId: string, items: Rec[], st: ImportState): void {
  const table = st.tgwTable(tableId);
  table.routesCollected = true;
  for (const item of items) {
    item.label = `transit gateway route table ${tableId} route`;
    const state = item.str('State');
    if (state !== undefined && GONE.has(state)) continue;
    // Propagated routes are what the engine derives from propagations; they only hint at them here.
    if (item.str('Type') === 'propagated') {
      for (const t of item.records('TransitGatewayAttachments')) {
        const id = t.str('TransitGatewayAttachmentId');
        if (id !== undefined) table.propagatedFrom.set(id, { file: item.file, path: item.path });
      }
      continue;
    }
    staticRoute(item, tableId, table, st);
  }
}
