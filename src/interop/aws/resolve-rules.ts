/**
 * Resolves the parts that may name any resource: VPC routes (targets, prefix list destinations,
 * gateway endpoint routes) and security group rule peers. Runs after every resource is kept or not.
 */
import type { Route, SgInboundRule, SgOutboundRule, TopologyArrayName } from '../../model/index.ts';
import type { RouteDraft, SgRuleDraft } from './drafts.ts';
import type { Origin } from './merge.ts';
import type { SectionKey } from './recognise.ts';
import { fromOrigin, KIND_LABEL, type From } from './resolve-context.ts';
import { prefixListRef } from './resolve-prefix-lists.ts';
import type { Ctx } from './resolve-types.ts';

interface TargetKind {
  readonly kind: TopologyArrayName;
  readonly collectedAs: readonly SectionKey[];
}

const BY_FIELD: Readonly<Record<string, TargetKind>> = {
  NatGatewayId: { kind: 'natGateways', collectedAs: ['NatGateways'] },
  TransitGatewayId: { kind: 'transitGateways', collectedAs: ['TransitGateways'] },
  VpcPeeringConnectionId: { kind: 'vpcPeeringConnections', collectedAs: ['VpcPeeringConnections'] },
  EgressOnlyInternetGatewayId: { kind: 'egressOnlyInternetGateways', collectedAs: ['EgressOnlyInternetGateways'] },
  NetworkInterfaceId: { kind: 'networkInterfaces', collectedAs: ['NetworkInterfaces', 'Reservations'] },
  InstanceId: { kind: 'instances', collectedAs: ['Reservations'] },
};

/** What a route target names, or undefined for targets vpcsim does not model (warned when mapped). */
function targetKind(route: RouteDraft): TargetKind | undefined {
  if (route.field === 'GatewayId') {
    if (route.target.startsWith('igw-')) return { kind: 'internetGateways', collectedAs: ['InternetGateways'] };
    if (route.target.startsWith('vpce-')) return { kind: 'vpcEndpoints', collectedAs: ['VpcEndpoints'] };
    return undefined;
  }
  return BY_FIELD[route.field];
}

/** The format's route for an AWS route, or undefined when it is implicit or cannot be kept. */
function resolveRoute(cx: Ctx, tableId: string, route: RouteDraft, origin: Origin): Route | undefined {
  // Local routes for the VPC's blocks are implicit in the format.
  if (route.target === 'local') return undefined;
  const from: From = {
    ...fromOrigin(origin, tableId, `route table ${tableId} route to ${route.destination}`),
    path: `${origin.path}.Routes[${route.n}]`,
  };
  // A gateway endpoint's route is what the format derives from the endpoint's routeTableIds.
  const endpoint = route.field === 'GatewayId' ? cx.endpoints.get(route.target) : undefined;
  if (endpoint?.type === 'gateway') {
    const tables = (endpoint.routeTableIds ??= []);
    if (!tables.includes(tableId)) tables.push(tableId);
    return undefined;
  }
  const destination = route.prefixList
    ? prefixListRef(cx, route.destination, from, 'the route is left out')
    : route.destination;
  if (destination === undefined) return undefined;
  let target = route.target;
  const kind = targetKind(route);
  if (kind && !cx.rs.has(target, kind.kind)) {
    if (route.alt !== undefined && cx.rs.has(route.alt, 'instances')) target = route.alt;
    else if (!route.blackhole) {
      cx.rs.report(
        target,
        KIND_LABEL[kind.kind],
        kind.collectedAs,
        from,
        'the route is kept and leads nowhere (a blackhole)',
      );
    }
  }
  const out: Route = { destination, target };
  if (route.propagated) out.propagated = true;
  return out;
}

/** Fills the kept route tables with their routes. */
export function resolveRoutes(cx: Ctx): void {
  for (const [id, rt] of cx.routeTables) {
    const entry = cx.st.routeTables.get(id);
    if (!entry) continue;
    const seen = new Set<string>();
    for (const draft of entry.value.routes) {
      const route = resolveRoute(cx, id, draft, entry.origin);
      if (!route) continue;
      // AWS keeps one static route per destination; a second one can only come from merged views.
      const key = `${route.propagated === true ? 'p' : 's'}|${route.destination}`;
      if (seen.has(key)) {
        cx.st.r.warning(
          'IMPORT_AWS_CONFLICT',
          { file: entry.origin.file, path: `${entry.origin.path}.Routes[${draft.n}]`, rid: id },
          `${entry.origin.file}: route table ${id} has a second route to ${route.destination}; the first one was kept`,
        );
        continue;
      }
      seen.add(key);
      rt.routes.push(route);
    }
  }
  for (const e of cx.endpoints.values()) e.routeTableIds?.sort();
}

function resolvePeer(
  cx: Ctx,
  sgId: string,
  rule: SgRuleDraft,
  origin: Origin,
  warned: Set<string>,
): string | undefined {
  const peer = rule.peer;
  if (peer.includes('/')) return peer;
  const from: From = { ...fromOrigin(origin, sgId, `security group ${sgId} rule`), path: `${origin.path}.${rule.at}` };
  if (peer.startsWith('pl-')) return prefixListRef(cx, peer, from, 'the rule is left out');
  if (!cx.rs.has(peer, 'securityGroups') && !warned.has(peer)) {
    warned.add(peer);
    const reason = cx.st.leftOut.get(peer);
    cx.st.r.warning(
      reason === undefined ? 'IMPORT_AWS_SG_PEER_OUTSIDE_IMPORT' : 'IMPORT_AWS_DEPENDENCY_LEFT_OUT',
      { file: from.file, path: from.path, rid: sgId },
      `${from.file}: security group ${sgId} has rules naming group ${peer}, which is ${reason === undefined ? 'not in the import (another account, or not collected)' : `left out (${reason})`}; the rules are kept and match nothing here`,
    );
  }
  return peer;
}

/** Fills the kept security groups with their rules. */
export function resolveSecurityGroupRules(cx: Ctx): void {
  for (const [id, sg] of cx.securityGroups) {
    const entry = cx.st.securityGroups.get(id);
    if (!entry) continue;
    const warned = new Set<string>();
    const inbound: SgInboundRule[] = [];
    const outbound: SgOutboundRule[] = [];
    for (const rule of entry.value.inbound) {
      const source = resolvePeer(cx, id, rule, entry.origin, warned);
      if (source !== undefined) inbound.push({ ...rule.base, source });
    }
    for (const rule of entry.value.outbound) {
      const destination = resolvePeer(cx, id, rule, entry.origin, warned);
      if (destination !== undefined) outbound.push({ ...rule.base, destination });
    }
    sg.inbound = inbound;
    sg.outbound = outbound;
  }
}
