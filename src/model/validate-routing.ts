/**
 * Routing rules of semantics.md 2 and 5-9: route tables and their routes, gateways, NAT gateways,
 * peering connections, transit gateway attachments and route tables, endpoints. Reads, never writes.
 */
import { cidrContainsCidr, cidrEquals, cidrsOverlap, mustParseCidr, type Cidr } from '../lib/index.ts';
import type { IdKind } from './parse-reader.ts';
import type { Route, RouteTable } from './types.ts';
import { anyCidr, label, loc, vpcOfSubnet, type Index, type Sink, type VpcInfo } from './validate-context.ts';

const ROUTE_RESERVED = ['169.254.168.0/22', 'fd00:ec2::/32'].map(mustParseCidr);
const NAT64_PREFIX = mustParseCidr('64:ff9b::/96');

/** Resource kinds a VPC route may point at (semantics.md 2.4). */
const TARGET_KINDS: ReadonlySet<IdKind> = new Set<IdKind>([
  'internetGateways',
  'egressOnlyInternetGateways',
  'natGateways',
  'vpcPeeringConnections',
  'transitGateways',
  'vpcEndpoints',
  'networkInterfaces',
  'instances',
]);

/** Targets that may take over a subnet CIDR inside the VPC (middlebox routing, semantics.md 2.2 rule 3). */
const MIDDLEBOX_KINDS: ReadonlySet<IdKind> = new Set<IdKind>(['natGateways', 'networkInterfaces', 'instances']);

/** The VPC(s) a target belongs to; `null` for a detached gateway (its routes are blackholes, not errors). */
function targetVpcs(ix: Index, kind: IdKind, id: string): readonly string[] | null {
  switch (kind) {
    case 'internetGateways': {
      const v = ix.internetGateways.get(id)?.item.vpcId;
      return v === null || v === undefined ? null : [v];
    }
    case 'egressOnlyInternetGateways': {
      const v = ix.egressOnlyInternetGateways.get(id)?.item.vpcId;
      return v === null || v === undefined ? null : [v];
    }
    case 'natGateways': {
      const nat = ix.natGateways.get(id)?.item;
      const v = nat && vpcOfSubnet(ix, nat.subnetId);
      return v === undefined ? null : [v];
    }
    case 'networkInterfaces':
    case 'instances': {
      const v = ix.interfaces.get(id)?.subnet?.item.vpcId ?? (kind === 'instances' ? instanceVpc(ix, id) : undefined);
      return v === undefined ? null : [v];
    }
    case 'vpcPeeringConnections': {
      const p = ix.peerings.get(id)?.item;
      return p ? [p.requesterVpcId, p.accepterVpcId] : null;
    }
    case 'transitGateways':
      return [...(ix.tgwVpcs.get(id) ?? [])];
    case 'vpcEndpoints': {
      const e = ix.endpoints.get(id)?.item;
      return e ? [e.vpcId] : null;
    }
    default:
      return null;
  }
}

function instanceVpc(ix: Index, id: string): string | undefined {
  const inst = ix.instances.get(id)?.item;
  return inst && vpcOfSubnet(ix, inst.subnetId);
}

function describeTargetVpcs(kind: IdKind, vpcs: readonly string[]): string {
  if (kind === 'vpcPeeringConnections') return `it joins ${vpcs.join(' and ')}`;
  if (kind === 'transitGateways')
    return vpcs.length === 0 ? 'no VPC is attached to it' : `it has attachments only for ${vpcs.join(', ')}`;
  return `it belongs to ${vpcs[0] ?? 'no VPC'}`;
}

/** The routes of one table (semantics.md 2.2-2.6). */
function validateRoutes(ix: Index, rt: RouteTable, index: number, vpc: VpcInfo | undefined, sink: Sink): void {
  const gatewayTable = (rt.gatewayIds ?? []).length > 0;
  const seen = new Map<string, number>();
  rt.routes.forEach((route: Route, j) => {
    const at = loc('routeTables', index, rt.id, `.routes[${j}]`, 10 + j);
    const atDest = loc('routeTables', index, rt.id, `.routes[${j}].destination`, 10 + j);
    const atTarget = loc('routeTables', index, rt.id, `.routes[${j}].target`, 10 + j);
    const dest = anyCidr(route.destination);
    const key = dest ? dest.text : route.destination;
    // Propagated routes may repeat a static destination (semantics.md 2.4); two static ones may not.
    if (route.propagated !== true) {
      const prior = seen.get(key);
      if (prior !== undefined) {
        sink.error(
          'CFG_ROUTE_DUPLICATE_DESTINATION',
          atDest,
          `route table ${rt.id} has a second route to ${key} (the first is routes[${prior}]): one route per destination`,
        );
      } else {
        seen.set(key, j);
      }
    }
    if (dest) {
      const reserved = ROUTE_RESERVED.find((r) => cidrContainsCidr(r, dest));
      if (reserved) {
        sink.error(
          'CFG_ROUTE_RESERVED_DESTINATION',
          atDest,
          `route table ${rt.id} route to ${dest.text} lies inside ${reserved.text}, which AWS reserves`,
        );
      }
    }
    const vpcBlocks: readonly (Cidr | undefined)[] = vpc ? (dest?.family === 6 ? vpc.v6 : vpc.v4) : [];
    if (route.target === 'local') {
      if (!dest || !vpcBlocks.some((b) => b !== undefined && cidrEquals(b, dest))) {
        sink.error(
          'CFG_ROUTE_LOCAL_TARGET',
          at,
          `route table ${rt.id} sends ${route.destination} to local: a local route's destination is a CIDR block of VPC ${rt.vpcId}`,
        );
      }
      return;
    }
    const kind = ix.kinds.get(route.target);
    if (kind !== undefined && !TARGET_KINDS.has(kind)) {
      sink.error(
        'CFG_ROUTE_TARGET_KIND',
        atTarget,
        `route table ${rt.id} route to ${route.destination} targets ${label(ix, route.target)}, which cannot be a route target`,
      );
      return;
    }
    if (kind === 'vpcEndpoints') {
      const e = ix.endpoints.get(route.target)?.item;
      if (e && e.type !== 'gateway') {
        sink.error(
          'CFG_ROUTE_TARGET_KIND',
          atTarget,
          `route table ${rt.id} targets interface endpoint ${e.id}: only gateway endpoints are route targets`,
        );
      } else if (dest) {
        sink.error(
          'CFG_ROUTE_TARGET_KIND',
          atDest,
          `route table ${rt.id} sends ${dest.text} to gateway endpoint ${route.target}: an endpoint route's destination is the service's prefix list`,
        );
      }
    }
    if (dest && dest.family === 4 && kind === 'egressOnlyInternetGateways') {
      sink.error(
        'CFG_ROUTE_TARGET_FAMILY',
        atDest,
        `route table ${rt.id} sends IPv4 destination ${dest.text} to egress-only internet gateway ${route.target}, which carries IPv6 only`,
      );
    }
    if (dest && dest.family === 6 && kind === 'natGateways' && !cidrEquals(dest, NAT64_PREFIX)) {
      sink.error(
        'CFG_ROUTE_TARGET_FAMILY',
        atDest,
        `route table ${rt.id} sends IPv6 destination ${dest.text} to NAT gateway ${route.target}: only 64:ff9b::/96 (NAT64) may go to a NAT gateway`,
      );
    }
    if (kind !== undefined) {
      const owners = targetVpcs(ix, kind, route.target);
      if (owners !== null && !owners.includes(rt.vpcId)) {
        sink.error(
          'CFG_ROUTE_TARGET_NOT_IN_VPC',
          atTarget,
          `route table ${rt.id} of VPC ${rt.vpcId} targets ${label(ix, route.target)}, but ${describeTargetVpcs(kind, owners)}`,
        );
      }
    }
    if (gatewayTable) {
      validateGatewayRoute(ix, rt, index, j, route, dest, kind, vpc, sink);
      return;
    }
    if (!dest || !vpc) return;
    const container = vpcBlocks.findIndex((b) => b !== undefined && cidrContainsCidr(b, dest));
    const block = vpcBlocks[container];
    if (container < 0 || !block) return;
    // A deleted target (kind undefined) leaves a blackhole route that was legal when it was created.
    const middlebox = kind === undefined || MIDDLEBOX_KINDS.has(kind);
    const equalsVpc = cidrEquals(block, dest);
    const equalsSubnet = vpc.subnetCidrs.has(dest.text);
    if (middlebox && (equalsVpc || equalsSubnet)) return;
    const why = equalsVpc
      ? `it equals VPC block ${block.text}; only a NAT gateway or network interface can replace the local target`
      : equalsSubnet
        ? `it equals a subnet CIDR, but only a NAT gateway or network interface may take over a subnet CIDR`
        : `it lies inside VPC block ${block.text} without being exactly a subnet CIDR`;
    if (dest.family === 4 && container > 0) {
      // The block is a secondary one: AWS refuses to add a block that covers an existing route (1.1 rule 6).
      sink.error(
        'CFG_VPC_CIDR_CONFLICTS_WITH_ROUTE',
        loc('vpcs', vpc.index, vpc.item.id, `.cidrBlocks[${container}]`, container),
        `VPC ${vpc.item.id} secondary block ${block.text} covers the destination ${dest.text} of route table ${rt.id} (routes[${j}]): a new block may not equal or contain an existing route's destination`,
      );
      return;
    }
    sink.error(
      'CFG_ROUTE_MORE_SPECIFIC_THAN_LOCAL',
      atDest,
      `route table ${rt.id} route to ${dest.text} → ${route.target} is more specific than the local route: ${why}`,
    );
  });
}

/** Gateway route tables (ingress routing, semantics.md 2.6). */
function validateGatewayRoute(
  ix: Index,
  rt: RouteTable,
  index: number,
  j: number,
  route: Route,
  dest: Cidr | undefined,
  kind: IdKind | undefined,
  vpc: VpcInfo | undefined,
  sink: Sink,
): void {
  const at = (field: string) => loc('routeTables', index, rt.id, `.routes[${j}]${field}`, 10 + j);
  const problem = (field: string, why: string) =>
    sink.error('CFG_GATEWAY_ROUTE_TABLE', at(field), `gateway route table ${rt.id}: ${why}`);
  if (route.propagated === true)
    problem('.propagated', `route to ${route.destination} is propagated; a gateway route table takes no propagation`);
  if (kind !== undefined && kind !== 'networkInterfaces') {
    problem(
      '.target',
      `route to ${route.destination} targets ${label(ix, route.target)}; only local or a network interface are allowed`,
    );
  }
  if (!dest) {
    problem('.destination', `route to prefix list ${route.destination}; prefix lists are not allowed`);
    return;
  }
  if (!vpc) return;
  const blocks: readonly (Cidr | undefined)[] = dest.family === 4 ? vpc.v4 : vpc.v6;
  const isVpcBlock = blocks.some((b) => b !== undefined && cidrEquals(b, dest));
  if (!isVpcBlock && !vpc.subnetCidrs.has(dest.text)) {
    problem(
      '.destination',
      `destination ${dest.text} is neither a CIDR block of VPC ${vpc.item.id} nor exactly one of its subnet CIDRs`,
    );
  }
}

function validateRouteTables(ix: Index, sink: Sink): void {
  const mainByVpc = new Map<string, string>();
  const subnetTable = new Map<string, string>();
  const gatewayTable = new Map<string, string>();
  (ix.topology.routeTables ?? []).forEach((rt, index) => {
    const vpc = ix.vpcs.get(rt.vpcId);
    if (rt.main === true) {
      const prior = mainByVpc.get(rt.vpcId);
      if (prior !== undefined) {
        sink.error(
          'CFG_ROUTE_TABLE_TWO_MAIN',
          loc('routeTables', index, rt.id, '.main', 1),
          `route table ${rt.id} is a second main table of VPC ${rt.vpcId} (the first is ${prior})`,
        );
      } else {
        mainByVpc.set(rt.vpcId, rt.id);
      }
      if ((rt.gatewayIds ?? []).length > 0) {
        sink.error(
          'CFG_GATEWAY_ROUTE_TABLE',
          loc('routeTables', index, rt.id, '.main', 1),
          `gateway route table ${rt.id} is marked main: a gateway route table can never be the main table`,
        );
      }
    }
    (rt.subnetIds ?? []).forEach((sid, k) => {
      const l = loc('routeTables', index, rt.id, `.subnetIds[${k}]`, 2);
      const subnet = ix.subnets.get(sid);
      if (subnet && subnet.item.vpcId !== rt.vpcId) {
        sink.error(
          'CFG_ROUTE_TABLE_OTHER_VPC',
          l,
          `route table ${rt.id} of VPC ${rt.vpcId} is associated with subnet ${sid} of VPC ${subnet.item.vpcId}`,
        );
      }
      const prior = subnetTable.get(sid);
      if (prior !== undefined) {
        sink.error(
          'CFG_ROUTE_TABLE_SUBNET_TWICE',
          l,
          `subnet ${sid} is associated with route table ${rt.id} and already with ${prior}: a subnet has exactly one route table`,
        );
      } else {
        subnetTable.set(sid, rt.id);
      }
    });
    (rt.gatewayIds ?? []).forEach((gid, k) => {
      const l = loc('routeTables', index, rt.id, `.gatewayIds[${k}]`, 3);
      const igw = ix.internetGateways.get(gid)?.item;
      if (igw && igw.vpcId !== rt.vpcId) {
        sink.error(
          'CFG_ROUTE_TABLE_OTHER_VPC',
          l,
          `route table ${rt.id} of VPC ${rt.vpcId} is associated with internet gateway ${gid}, which is ${igw.vpcId === null ? 'detached' : `attached to ${igw.vpcId}`}`,
        );
      }
      const prior = gatewayTable.get(gid);
      if (prior !== undefined) {
        sink.error(
          'CFG_ROUTE_TABLE_GATEWAY_TWICE',
          l,
          `gateway ${gid} is associated with route table ${rt.id} and already with ${prior}`,
        );
      } else {
        gatewayTable.set(gid, rt.id);
      }
    });
    validateRoutes(ix, rt, index, vpc, sink);
  });
}

function validateGateways(ix: Index, sink: Sink): void {
  const t = ix.topology;
  for (const [array, list, code, what] of [
    ['internetGateways', t.internetGateways ?? [], 'CFG_IGW_ALREADY_ATTACHED', 'internet gateway'],
    [
      'egressOnlyInternetGateways',
      t.egressOnlyInternetGateways ?? [],
      'CFG_EIGW_ALREADY_ATTACHED',
      'egress-only internet gateway',
    ],
  ] as const) {
    const byVpc = new Map<string, string>();
    list.forEach((gw, index) => {
      if (gw.vpcId === null) return;
      const prior = byVpc.get(gw.vpcId);
      if (prior !== undefined) {
        sink.error(
          code,
          loc(array, index, gw.id, '.vpcId'),
          `${what} ${gw.id} is attached to VPC ${gw.vpcId}, which already has ${prior}: one per VPC`,
        );
      } else {
        byVpc.set(gw.vpcId, gw.id);
      }
    });
  }
  (t.natGateways ?? []).forEach((nat, index) => {
    if (nat.state === 'deleted' || nat.state === 'failed') return;
    const isPublic = (nat.connectivity ?? 'public') === 'public';
    const vpcId = vpcOfSubnet(ix, nat.subnetId);
    const vpc = vpcId === undefined ? undefined : ix.vpcs.get(vpcId);
    if (isPublic && vpc && vpc.igwIds.length === 0) {
      sink.error(
        'CFG_NAT_NO_IGW',
        loc('natGateways', index, nat.id, '.subnetId', 0),
        `public NAT gateway ${nat.id} is in VPC ${vpc.item.id}, which has no internet gateway attached`,
      );
    }
    if (isPublic && nat.publicIp === undefined) {
      sink.error(
        'CFG_NAT_PUBLIC_IP',
        loc('natGateways', index, nat.id, '', 2),
        `public NAT gateway ${nat.id} has no publicIp: a public NAT gateway needs an Elastic IP`,
      );
    }
    if (!isPublic && nat.publicIp !== undefined) {
      sink.error(
        'CFG_NAT_PUBLIC_IP',
        loc('natGateways', index, nat.id, '.publicIp', 2),
        `private NAT gateway ${nat.id} has publicIp ${nat.publicIp}: a private NAT gateway cannot have an Elastic IP`,
      );
    }
  });
}

/** Statuses of a peering that no longer exists or never will. */
const DEAD_PEERING = new Set(['rejected', 'deleted', 'failed', 'expired']);

function validatePeerings(ix: Index, sink: Sink): void {
  const pairs = new Map<string, string>();
  (ix.topology.vpcPeeringConnections ?? []).forEach((p, index) => {
    if (DEAD_PEERING.has(p.status ?? 'active')) return;
    const a = ix.vpcs.get(p.requesterVpcId);
    const b = ix.vpcs.get(p.accepterVpcId);
    if (a && b) {
      const hit = overlapBetween(a, b);
      if (hit) {
        sink.error(
          'CFG_PEERING_CIDR_OVERLAP',
          loc('vpcPeeringConnections', index, p.id, '.accepterVpcId', 0),
          a === b
            ? `peering connection ${p.id} joins VPC ${a.item.id} to itself`
            : `peering connection ${p.id}: ${a.item.id} block ${hit[0]} overlaps ${b.item.id} block ${hit[1]}; peered VPCs may not overlap at all`,
        );
      }
    }
    const key = [p.requesterVpcId, p.accepterVpcId].sort().join('\u0000');
    const prior = pairs.get(key);
    if (prior !== undefined) {
      sink.error(
        'CFG_PEERING_DUPLICATE_PAIR',
        loc('vpcPeeringConnections', index, p.id, '', 1),
        `peering connection ${p.id} joins ${p.requesterVpcId} and ${p.accepterVpcId}, already joined by ${prior}`,
      );
    } else {
      pairs.set(key, p.id);
    }
  });
}

function overlapBetween(a: VpcInfo, b: VpcInfo): [string, string] | undefined {
  for (const [x, y] of [
    [a.v4, b.v4],
    [a.v6, b.v6],
  ] as const) {
    for (const c of x) {
      for (const d of y) if (c && d && cidrsOverlap(c, d)) return [c.text, d.text];
    }
  }
  return undefined;
}

function validateTransitGateways(ix: Index, sink: Sink): void {
  const t = ix.topology;
  const tables = new Map((t.transitGatewayRouteTables ?? []).map((rtb) => [rtb.id, rtb]));
  (t.transitGateways ?? []).forEach((tgw, index) => {
    for (const field of ['associationDefaultRouteTableId', 'propagationDefaultRouteTableId'] as const) {
      const rtb = tgw[field] === undefined ? undefined : tables.get(tgw[field]);
      if (rtb && rtb.transitGatewayId !== tgw.id) {
        sink.error(
          'CFG_TGW_DEFAULT_ROUTE_TABLE_OTHER_TGW',
          loc('transitGateways', index, tgw.id, `.${field}`),
          `transit gateway ${tgw.id} names ${rtb.id} of ${rtb.transitGatewayId} as its default route table`,
        );
      }
    }
  });
  (t.transitGatewayAttachments ?? []).forEach((att, index) => {
    if (att.type !== 'vpc') return;
    const azs = new Map<string, string>();
    (att.subnetIds ?? []).forEach((sid, k) => {
      const s = ix.subnets.get(sid);
      if (!s) return;
      const l = loc('transitGatewayAttachments', index, att.id, `.subnetIds[${k}]`, k);
      if (att.vpcId !== undefined && s.item.vpcId !== att.vpcId) {
        sink.error(
          'CFG_TGW_ATTACHMENT_SUBNET_OTHER_VPC',
          l,
          `attachment ${att.id} for VPC ${att.vpcId} names subnet ${sid} of VPC ${s.item.vpcId}`,
        );
      }
      if (s.item.cidrBlock === undefined) {
        sink.error(
          'CFG_TGW_ATTACHMENT_IPV6_ONLY_SUBNET',
          l,
          `attachment ${att.id} names IPv6-only subnet ${sid}: attachment subnets need IPv4`,
        );
      }
      const prior = azs.get(s.item.availabilityZone);
      if (prior !== undefined) {
        sink.error(
          'CFG_TGW_ATTACHMENT_TWO_SUBNETS_SAME_AZ',
          l,
          `attachment ${att.id} names subnets ${prior} and ${sid}, both in ${s.item.availabilityZone}: at most one subnet per Availability Zone`,
        );
      } else {
        azs.set(s.item.availabilityZone, sid);
      }
    });
  });
  const associated = new Map<string, string>();
  (t.transitGatewayRouteTables ?? []).forEach((rtb, index) => {
    const otherTgw = (attId: string, suffix: string, sub: number) => {
      const att = ix.attachments.get(attId)?.item;
      // A peering attachment belongs to both transit gateways it joins (semantics.md 9.4).
      const peerSide = att?.type === 'peering' && att.peerTransitGatewayId === rtb.transitGatewayId;
      if (att && att.transitGatewayId !== rtb.transitGatewayId && !peerSide) {
        sink.error(
          'CFG_TGW_ROUTE_TABLE_OTHER_TGW',
          loc('transitGatewayRouteTables', index, rtb.id, suffix, sub),
          `transit gateway route table ${rtb.id} of ${rtb.transitGatewayId} refers to attachment ${attId} of ${att.transitGatewayId}`,
        );
      }
    };
    rtb.associations.forEach((attId, k) => {
      otherTgw(attId, `.associations[${k}]`, 1);
      // One association per attachment on each transit gateway (a peering attachment has one on each side).
      const key = `${attId}@${rtb.transitGatewayId}`;
      const prior = associated.get(key);
      if (prior !== undefined) {
        sink.error(
          'CFG_TGW_ATTACHMENT_TWO_ASSOCIATIONS',
          loc('transitGatewayRouteTables', index, rtb.id, `.associations[${k}]`, 1),
          `attachment ${attId} is associated with ${rtb.id} and already with ${prior}: an attachment has at most one associated route table`,
        );
      } else {
        associated.set(key, rtb.id);
      }
    });
    rtb.propagations.forEach((attId, k) => otherTgw(attId, `.propagations[${k}]`, 2));
    rtb.routes.forEach((r, k) => {
      if (r.attachmentId !== undefined) otherTgw(r.attachmentId, `.routes[${k}].attachmentId`, 3 + k);
    });
  });
}

function validateEndpoints(ix: Index, sink: Sink): void {
  (ix.topology.vpcEndpoints ?? []).forEach((e, index) => {
    (e.routeTableIds ?? []).forEach((id, k) => {
      const rt = ix.routeTables.get(id)?.item;
      if (rt && rt.vpcId !== e.vpcId) {
        sink.error(
          'CFG_ENDPOINT_OTHER_VPC',
          loc('vpcEndpoints', index, e.id, `.routeTableIds[${k}]`, 1),
          `endpoint ${e.id} of VPC ${e.vpcId} names route table ${id} of VPC ${rt.vpcId}`,
        );
      }
    });
    (e.subnetIds ?? []).forEach((id, k) => {
      const s = ix.subnets.get(id)?.item;
      if (s && s.vpcId !== e.vpcId) {
        sink.error(
          'CFG_ENDPOINT_OTHER_VPC',
          loc('vpcEndpoints', index, e.id, `.subnetIds[${k}]`, 2),
          `endpoint ${e.id} of VPC ${e.vpcId} names subnet ${id} of VPC ${s.vpcId}`,
        );
      }
    });
    (e.securityGroupIds ?? []).forEach((id, k) => {
      const sg = ix.securityGroups.get(id)?.item;
      if (sg && sg.vpcId !== e.vpcId) {
        sink.error(
          'CFG_SG_ATTACH_OTHER_VPC',
          loc('vpcEndpoints', index, e.id, `.securityGroupIds[${k}]`, 3),
          `endpoint ${e.id} of VPC ${e.vpcId} uses security group ${id} of VPC ${sg.vpcId}`,
        );
      }
    });
  });
}

export function validateRouting(ix: Index, sink: Sink): void {
  validateRouteTables(ix, sink);
  validateGateways(ix, sink);
  validatePeerings(ix, sink);
  validateTransitGateways(ix, sink);
  validateEndpoints(ix, sink);
}
