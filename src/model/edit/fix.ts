// Suggested fixes as plain data (docs/tracing.md) and the recipe that applies one to a document draft,
// so the store can run a suggestion as one undoable step.
import { primaryInterfaceIdOf } from '../parse.ts';
import type { Document, NaclRule, RouteTable, SgInboundRule, SgOutboundRule } from '../types.ts';
import { freeId } from './next-free.ts';
import { setGatewayVpc } from './update.ts';

/** A route a fix adds; `routeTableId` may be the implicit main table `<vpc>/rtb-main`. */
export interface FixRoute {
  routeTableId: string;
  destination: string;
}

/** One change a fix makes; every id in it names a resource of the document it was suggested for. */
export type FixEdit =
  /** Adds a route (or re-aims the route with that destination). An implicit main table becomes explicit. */
  | { kind: 'addRoute'; vpcId: string; routeTableId: string; destination: string; target: string }
  /** Re-aims an existing route, e.g. a blackhole, at a working target. */
  | { kind: 'replaceRoute'; routeTableId: string; destination: string; target: string }
  | { kind: 'addNaclRule'; aclId: string; direction: 'inbound' | 'outbound'; rule: NaclRule }
  | { kind: 'addSgRule'; sgId: string; direction: 'inbound'; rule: SgInboundRule }
  | { kind: 'addSgRule'; sgId: string; direction: 'outbound'; rule: SgOutboundRule }
  /** `resourceId` is an instance or a network interface (an instance's primary interface id works too). */
  | { kind: 'setPublicIp'; resourceId: string; publicIp: string }
  /** Creates an internet gateway attached to the VPC and adds the routes to it. */
  | { kind: 'createInternetGateway'; vpcId: string; internetGatewayId: string; routes: FixRoute[] }
  /** Attaches an existing (detached) internet gateway and adds the routes to it. */
  | { kind: 'attachInternetGateway'; vpcId: string; internetGatewayId: string; routes: FixRoute[] }
  | { kind: 'setPeeringStatus'; peeringId: string; status: 'active' }
  | { kind: 'associateTgwRouteTable'; tgwRouteTableId: string; attachmentId: string }
  | { kind: 'addTgwPropagation'; tgwRouteTableId: string; attachmentId: string }
  /** Adds a static route (or re-aims the route with that destination, e.g. a blackhole). */
  | { kind: 'setTgwRoute'; tgwRouteTableId: string; destination: string; attachmentId: string }
  | { kind: 'addAttachmentSubnet'; attachmentId: string; subnetId: string }
  | { kind: 'setAttachmentAvailable'; attachmentId: string }
  | { kind: 'setApplianceMode'; attachmentId: string; applianceMode: boolean }
  | { kind: 'setSourceDestCheck'; resourceId: string; sourceDestCheck: boolean }
  | { kind: 'startInstance'; instanceId: string };

export type FixEditKind = FixEdit['kind'];

/** The instance or network interface an id names (an instance's primary interface id names the instance). */
function findInterfaceOwner(draft: Document, id: string): { sourceDestCheck?: boolean; publicIp?: string } | undefined {
  const t = draft.topology;
  return (
    (t.instances ?? []).find((i) => i.id === id || primaryInterfaceIdOf(i) === id) ??
    (t.networkInterfaces ?? []).find((n) => n.id === id)
  );
}

/** The route table with `id`; the implicit main table `<vpc>/rtb-main` is written out as an explicit one. */
function ensureRouteTable(draft: Document, vpcId: string, id: string): RouteTable | undefined {
  const tables = (draft.topology.routeTables ??= []);
  const found = tables.find((r) => r.id === id);
  if (found) return found;
  if (id !== `${vpcId}/rtb-main` || !(draft.topology.vpcs ?? []).some((v) => v.id === vpcId)) return undefined;
  if (tables.some((r) => r.vpcId === vpcId && r.main === true)) return undefined;
  const table: RouteTable = { id: freeId(draft, `rtb-main-${vpcId}`), vpcId, main: true, routes: [] };
  tables.push(table);
  return table;
}

function putRoute(table: RouteTable, destination: string, target: string): void {
  const existing = table.routes.find((r) => r.destination === destination);
  if (existing) {
    existing.target = target;
    delete existing.propagated;
  } else {
    table.routes.push({ destination, target });
  }
}

function addGatewayRoutes(draft: Document, vpcId: string, gatewayId: string, routes: readonly FixRoute[]): void {
  for (const r of routes) {
    const table = ensureRouteTable(draft, vpcId, r.routeTableId);
    if (table) putRoute(table, r.destination, gatewayId);
  }
}

/**
 * Applies one suggested fix to a draft (immer or a plain clone). Returns false when the edit names
 * something the document does not have (it was suggested for another version of the document).
 */
export function applyFix(draft: Document, edit: FixEdit): boolean {
  const t = draft.topology;
  switch (edit.kind) {
    case 'addRoute': {
      const table = ensureRouteTable(draft, edit.vpcId, edit.routeTableId);
      if (!table) return false;
      putRoute(table, edit.destination, edit.target);
      return true;
    }
    case 'replaceRoute': {
      const route = (t.routeTables ?? [])
        .find((r) => r.id === edit.routeTableId)
        ?.routes.find((r) => r.destination === edit.destination);
      if (!route) return false;
      route.target = edit.target;
      delete route.propagated;
      return true;
    }
    case 'addNaclRule': {
      const acl = (t.networkAcls ?? []).find((a) => a.id === edit.aclId);
      if (!acl) return false;
      const list = acl[edit.direction];
      if (list.some((r) => r.ruleNumber === edit.rule.ruleNumber)) return false;
      const at = list.findIndex((r) => r.ruleNumber > edit.rule.ruleNumber);
      list.splice(at < 0 ? list.length : at, 0, { ...edit.rule });
      return true;
    }
    case 'addSgRule': {
      const sg = (t.securityGroups ?? []).find((g) => g.id === edit.sgId);
      if (!sg) return false;
      if (edit.direction === 'inbound') (sg.inbound ??= []).push({ ...edit.rule });
      else (sg.outbound ??= []).push({ ...edit.rule });
      return true;
    }
    case 'setPublicIp': {
      const owner = findInterfaceOwner(draft, edit.resourceId);
      if (!owner) return false;
      owner.publicIp = edit.publicIp;
      return true;
    }
    case 'createInternetGateway': {
      if (!(t.vpcs ?? []).some((v) => v.id === edit.vpcId)) return false;
      const id = freeId(draft, edit.internetGatewayId);
      (t.internetGateways ??= []).push({ id, vpcId: edit.vpcId });
      addGatewayRoutes(draft, edit.vpcId, id, edit.routes);
      return true;
    }
    case 'attachInternetGateway': {
      if (!(t.internetGateways ?? []).some((g) => g.id === edit.internetGatewayId)) return false;
      setGatewayVpc(draft, edit.internetGatewayId, edit.vpcId);
      addGatewayRoutes(draft, edit.vpcId, edit.internetGatewayId, edit.routes);
      return true;
    }
    case 'setPeeringStatus': {
      const pcx = (t.vpcPeeringConnections ?? []).find((p) => p.id === edit.peeringId);
      if (!pcx) return false;
      pcx.status = edit.status;
      return true;
    }
    case 'associateTgwRouteTable': {
      const tables = t.transitGatewayRouteTables ?? [];
      const table = tables.find((r) => r.id === edit.tgwRouteTableId);
      if (!table) return false;
      // AWS associates an attachment with one table only.
      for (const other of tables) other.associations = other.associations.filter((a) => a !== edit.attachmentId);
      table.associations.push(edit.attachmentId);
      return true;
    }
    case 'addTgwPropagation': {
      const table = (t.transitGatewayRouteTables ?? []).find((r) => r.id === edit.tgwRouteTableId);
      if (!table) return false;
      if (!table.propagations.includes(edit.attachmentId)) table.propagations.push(edit.attachmentId);
      return true;
    }
    case 'setTgwRoute': {
      const table = (t.transitGatewayRouteTables ?? []).find((r) => r.id === edit.tgwRouteTableId);
      if (!table) return false;
      const existing = table.routes.find((r) => r.destination === edit.destination);
      if (existing) {
        existing.attachmentId = edit.attachmentId;
        delete existing.blackhole;
      } else {
        table.routes.push({ destination: edit.destination, attachmentId: edit.attachmentId });
      }
      return true;
    }
    case 'addAttachmentSubnet': {
      const att = (t.transitGatewayAttachments ?? []).find((a) => a.id === edit.attachmentId);
      if (!att) return false;
      const subnets = (att.subnetIds ??= []);
      if (!subnets.includes(edit.subnetId)) subnets.push(edit.subnetId);
      return true;
    }
    case 'setAttachmentAvailable': {
      const att = (t.transitGatewayAttachments ?? []).find((a) => a.id === edit.attachmentId);
      if (!att) return false;
      att.state = 'available';
      return true;
    }
    case 'setApplianceMode': {
      const att = (t.transitGatewayAttachments ?? []).find((a) => a.id === edit.attachmentId);
      if (!att) return false;
      att.applianceMode = edit.applianceMode;
      return true;
    }
    case 'setSourceDestCheck': {
      const owner = findInterfaceOwner(draft, edit.resourceId);
      if (!owner) return false;
      owner.sourceDestCheck = edit.sourceDestCheck;
      return true;
    }
    case 'startInstance': {
      const inst = (t.instances ?? []).find((i) => i.id === edit.instanceId);
      if (!inst) return false;
      inst.state = 'running';
      return true;
    }
  }
}
