/**
 * Turns the mapped resources into a vpcsim/1 document that always loads: a last sweep drops references
 * that name nothing (reporting each), arrays are sorted by id, and a final parse through the model
 * takes out anything it still finds fatal.
 */
import { parseCidr } from '../../lib/index.ts';
import { BUILTIN_PREFIX_LIST_IDS, FORMAT_V1, parseDocument, type Document, type Topology } from '../../model/index.ts';
import type { ImportResult } from '../types.ts';
import { kindWord } from './common.ts';
import { KINDS, type Kind, type MapContext } from './context.ts';

const ROUTE_TARGET_KINDS = new Set<Kind>([
  'internetGateways',
  'egressOnlyInternetGateways',
  'natGateways',
  'vpcPeeringConnections',
  'transitGateways',
  'vpcEndpoints',
  'networkInterfaces',
  'instances',
]);

function lost(cx: MapContext, ownerId: string, what: string, id: string, consequence: string): void {
  cx.report(
    'IMPORT_TF_DANGLING_REFERENCE',
    'error',
    cx.addressOf(ownerId),
    `${what} ${id} names nothing in the imported network; ${consequence}`,
  );
}

/** Keeps the ids of `kind` (reporting the others) in an optional list field. */
function keepKnown(
  cx: MapContext,
  ownerId: string,
  ids: string[] | undefined,
  kind: Kind,
  what: string,
): string[] | undefined {
  if (ids === undefined) return undefined;
  const out: string[] = [];
  for (const id of ids) {
    if (cx.is(kind, id)) out.push(id);
    else lost(cx, ownerId, what, id, `it was left out of ${ownerId}`);
  }
  return out;
}

function isPrefixList(cx: MapContext, id: string): boolean {
  return BUILTIN_PREFIX_LIST_IDS.includes(id) || cx.items.prefixLists.has(id);
}

/** A security group rule peer that would not load: a prefix list nobody defines, or an id of another kind. */
function badPeer(cx: MapContext, peer: string): boolean {
  // The format reads a peer with a slash as a CIDR block (an address key like `sg["a/b"]` is not one).
  if (peer.includes('/')) {
    const c = parseCidr(peer);
    return !c.ok && c.error.kind === 'syntax';
  }
  if (cx.items.securityGroups.has(peer) || isPrefixList(cx, peer)) return false;
  return cx.kindOfId.has(peer) || peer.startsWith('pl-');
}

/**
 * Drops what references nothing, in dependency order so that a dropped parent takes its children with
 * it. `first` also reports what stays but names nothing (stale rule peers, blackhole route targets).
 */
export function sweep(cx: MapContext, first: boolean): void {
  const { items } = cx;
  const dropIf = (kind: Kind, id: string, parentKind: Kind, parent: string | undefined | null, what: string) => {
    if (parent === undefined || parent === null || cx.is(parentKind, parent)) return false;
    lost(cx, id, what, parent, `${kindWord(kind)} ${id} was left out`);
    cx.drop(kind, id);
    return true;
  };
  for (const s of [...items.subnets.values()]) dropIf('subnets', s.id, 'vpcs', s.vpcId, 'VPC');
  for (const sg of [...items.securityGroups.values()]) {
    if (dropIf('securityGroups', sg.id, 'vpcs', sg.vpcId, 'VPC')) continue;
    const keep = (peer: string, side: string): boolean => {
      if (!badPeer(cx, peer)) return true;
      lost(cx, sg.id, 'rule peer', peer, `the ${side} rule was left out`);
      return false;
    };
    if (sg.inbound) sg.inbound = sg.inbound.filter((r) => keep(r.source, 'inbound'));
    if (sg.outbound) sg.outbound = sg.outbound.filter((r) => keep(r.destination, 'outbound'));
    if (!first) continue;
    for (const r of [...(sg.inbound ?? []).map((x) => x.source), ...(sg.outbound ?? []).map((x) => x.destination)]) {
      if (!r.includes('/') && !cx.is('securityGroups', r) && !isPrefixList(cx, r)) {
        lost(cx, sg.id, 'rule peer', r, 'the rule is stale and matches nothing');
      }
    }
  }
  for (const rt of [...items.routeTables.values()]) {
    if (dropIf('routeTables', rt.id, 'vpcs', rt.vpcId, 'VPC')) continue;
    const subnets = keepKnown(cx, rt.id, rt.subnetIds, 'subnets', 'subnet');
    if (subnets !== undefined) rt.subnetIds = subnets;
    const gateways = keepKnown(cx, rt.id, rt.gatewayIds, 'internetGateways', 'internet gateway');
    if (gateways !== undefined) rt.gatewayIds = gateways;
    rt.routes = rt.routes.filter((r) => {
      if (!r.destination.includes('/') && !isPrefixList(cx, r.destination)) {
        lost(cx, rt.id, 'route destination', r.destination, 'the route was left out');
        return false;
      }
      const kind = cx.kindOfId.get(r.target);
      if (kind === undefined) {
        if (first) lost(cx, rt.id, `route target of ${r.destination}:`, r.target, 'the route is a blackhole');
      } else if (!ROUTE_TARGET_KINDS.has(kind)) {
        lost(
          cx,
          rt.id,
          `route target of ${r.destination}:`,
          r.target,
          `it is a ${kindWord(kind)}, so the route was left out`,
        );
        return false;
      }
      return true;
    });
  }
  for (const acl of [...items.networkAcls.values()]) {
    if (dropIf('networkAcls', acl.id, 'vpcs', acl.vpcId, 'VPC')) continue;
    const subnets = keepKnown(cx, acl.id, acl.subnetIds, 'subnets', 'subnet');
    if (subnets !== undefined) acl.subnetIds = subnets;
  }
  for (const igw of items.internetGateways.values()) {
    if (igw.vpcId !== null && !cx.is('vpcs', igw.vpcId)) igw.vpcId = null;
  }
  for (const eigw of items.egressOnlyInternetGateways.values()) {
    if (eigw.vpcId !== null && !cx.is('vpcs', eigw.vpcId)) eigw.vpcId = null;
  }
  for (const nat of [...items.natGateways.values()]) dropIf('natGateways', nat.id, 'subnets', nat.subnetId, 'subnet');
  for (const inst of [...items.instances.values()]) {
    if (dropIf('instances', inst.id, 'subnets', inst.subnetId, 'subnet')) continue;
    inst.securityGroupIds = keepKnown(cx, inst.id, inst.securityGroupIds, 'securityGroups', 'security group') ?? [];
  }
  for (const eni of [...items.networkInterfaces.values()]) {
    if (dropIf('networkInterfaces', eni.id, 'subnets', eni.subnetId, 'subnet')) continue;
    eni.securityGroupIds = keepKnown(cx, eni.id, eni.securityGroupIds, 'securityGroups', 'security group') ?? [];
    if (eni.instanceId !== undefined && !cx.is('instances', eni.instanceId)) {
      lost(cx, eni.id, 'instance', eni.instanceId, 'the interface is imported unattached');
      delete eni.instanceId;
    }
  }
  for (const pcx of [...items.vpcPeeringConnections.values()]) {
    if (!dropIf('vpcPeeringConnections', pcx.id, 'vpcs', pcx.requesterVpcId, 'requester VPC')) {
      dropIf('vpcPeeringConnections', pcx.id, 'vpcs', pcx.accepterVpcId, 'accepter VPC');
    }
  }
  for (const att of [...items.transitGatewayAttachments.values()]) {
    if (dropIf('transitGatewayAttachments', att.id, 'transitGateways', att.transitGatewayId, 'transit gateway'))
      continue;
    if (dropIf('transitGatewayAttachments', att.id, 'vpcs', att.vpcId, 'VPC')) continue;
    if (
      dropIf('transitGatewayAttachments', att.id, 'transitGateways', att.peerTransitGatewayId, 'peer transit gateway')
    ) {
      continue;
    }
    const subnets = keepKnown(cx, att.id, att.subnetIds, 'subnets', 'subnet');
    if (subnets !== undefined) att.subnetIds = subnets;
  }
  for (const t of [...items.transitGatewayRouteTables.values()]) {
    if (dropIf('transitGatewayRouteTables', t.id, 'transitGateways', t.transitGatewayId, 'transit gateway')) continue;
    t.associations = keepKnown(cx, t.id, t.associations, 'transitGatewayAttachments', 'attachment') ?? [];
    t.propagations = keepKnown(cx, t.id, t.propagations, 'transitGatewayAttachments', 'attachment') ?? [];
    t.routes = t.routes.map((r) => {
      if (r.attachmentId === undefined || cx.is('transitGatewayAttachments', r.attachmentId)) return r;
      lost(cx, t.id, 'attachment', r.attachmentId, `the route to ${r.destination} is a blackhole`);
      return { destination: r.destination, blackhole: true };
    });
  }
  for (const tgw of items.transitGateways.values()) {
    if (
      tgw.associationDefaultRouteTableId !== undefined &&
      !cx.is('transitGatewayRouteTables', tgw.associationDefaultRouteTableId)
    ) {
      delete tgw.associationDefaultRouteTableId;
    }
    if (
      tgw.propagationDefaultRouteTableId !== undefined &&
      !cx.is('transitGatewayRouteTables', tgw.propagationDefaultRouteTableId)
    ) {
      delete tgw.propagationDefaultRouteTableId;
    }
  }
  for (const ep of [...items.vpcEndpoints.values()]) {
    if (dropIf('vpcEndpoints', ep.id, 'vpcs', ep.vpcId, 'VPC')) continue;
    for (const [field, kind, what] of [
      ['routeTableIds', 'routeTables', 'route table'],
      ['subnetIds', 'subnets', 'subnet'],
      ['securityGroupIds', 'securityGroups', 'security group'],
    ] as const) {
      const kept = keepKnown(cx, ep.id, ep[field], kind, what);
      if (kept !== undefined) ep[field] = kept;
    }
    if (ep.prefixListId !== undefined && !isPrefixList(cx, ep.prefixListId)) delete ep.prefixListId;
  }
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function buildDocument(cx: MapContext, description: string): { document: Document; counts: Record<string, number> } {
  const topology: Topology = {};
  const counts: Record<string, number> = {};
  for (const kind of KINDS) {
    const list = [...cx.items[kind].values()].sort(byId);
    if (list.length === 0) continue;
    (topology as Record<string, unknown>)[kind] = list;
    counts[kind] = list.length;
  }
  return {
    document: {
      format: FORMAT_V1,
      meta: { title: 'Imported from Terraform', description },
      topology,
      layout: {},
      checks: [],
    },
    counts,
  };
}

/** At most this many rounds of the final parse (each can only remove resources). */
const MAX_ROUNDS = 8;

/**
 * Builds the document and proves that it loads: whatever the model's parser still finds fatal is taken
 * out (with an error naming the resource) and the document rebuilt.
 */
export function assemble(cx: MapContext, description: string): ImportResult {
  sweep(cx, true);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { document, counts } = buildDocument(cx, description);
    if (Object.keys(counts).length === 0) {
      cx.report('IMPORT_NOTHING', 'fatal', undefined, `${cx.origin} holds no resource that vpcsim models`);
      return { document: undefined, diagnostics: cx.diagnostics, counts: {} };
    }
    const fatal = parseDocument(document).diagnostics.filter((d) => d.severity === 'fatal');
    if (fatal.length === 0) return { document, diagnostics: cx.diagnostics, counts };
    let removed = 0;
    for (const d of fatal) {
      const id = d.resourceId;
      const kind = id === undefined ? undefined : cx.kindOfId.get(id);
      if (id === undefined || kind === undefined || !cx.items[kind].has(id)) continue;
      cx.report(
        'IMPORT_TF_LEFT_OUT',
        'error',
        cx.addressOf(id),
        `${kindWord(kind)} ${id} was left out: the document would not load (${d.code}: ${d.message})`,
      );
      cx.drop(kind, id);
      removed++;
    }
    if (removed === 0) break;
    sweep(cx, false);
  }
  cx.report('IMPORT_TF_INTERNAL', 'fatal', undefined, `the document imported from ${cx.origin} does not load`);
  return { document: undefined, diagnostics: cx.diagnostics, counts: {} };
}
