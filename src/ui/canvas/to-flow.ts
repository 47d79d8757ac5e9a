// Document -> React Flow nodes and edges (docs/editor.md): nested boxes with positions from the layout
// (fallback grid where it has none), subnets coloured by their routes, aggregated edges, diagnostic
// counts and selection. Pure, no React; linear in the size of the document.
import type { Diagnostic, Document } from '../../model/index.ts';
import { isContainerKind } from './geometry.ts';
import { placeTree, type Placement } from './placement.ts';
import { analyzeRouting, type SubnetRouting } from './routing.ts';
import { buildCanvasTree, INTERNET_ID, type CanvasItem, type CanvasTree } from './tree.ts';
import type {
  CanvasEdge,
  CanvasEdgeData,
  CanvasNode,
  CanvasNodeData,
  CanvasNodeKind,
  CanvasNodeType,
} from './types.ts';

export interface ToFlowOptions {
  diagnostics: readonly Diagnostic[];
  selection: readonly string[];
}

export interface Flow {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

const NODE_TYPE: Readonly<Record<CanvasNodeKind, CanvasNodeType>> = {
  region: 'region',
  vpc: 'vpc',
  azBand: 'azBand',
  subnet: 'subnet',
  instance: 'instance',
  networkInterface: 'instance',
  endpointInterface: 'instance',
  externalHost: 'instance',
  natGateway: 'gateway',
  internetGateway: 'gateway',
  egressOnlyInternetGateway: 'gateway',
  gatewayEndpoint: 'gateway',
  transitGateway: 'gateway',
  peering: 'gateway',
  internet: 'internet',
};

/** Boxes nest at most five deep (region, VPC, band, subnet, host). */
const EDGE_Z = 5;

const SUBNET_KIND_LABEL = { public: 'Public', 'ipv6-egress': 'IPv6 egress-only', private: 'Private' } as const;

/** Counts diagnostics per node: a resource's own box, or the box that owns it (tree.ts `owners`). */
function countDiagnostics(
  tree: CanvasTree,
  diagnostics: readonly Diagnostic[],
): Map<string, { errors: number; warnings: number }> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const d of diagnostics) {
    if (d.resourceId === undefined) continue;
    let nodes = tree.owners.get(d.resourceId);
    if (nodes === undefined) {
      // Implicit resources (`vpc-a/rtb-main`, `i-web/eth0`) belong to the resource before the slash.
      const slash = d.resourceId.indexOf('/');
      if (slash > 0) nodes = tree.owners.get(d.resourceId.slice(0, slash));
    }
    for (const id of nodes ?? []) {
      let c = counts.get(id);
      if (c === undefined) counts.set(id, (c = { errors: 0, warnings: 0 }));
      if (d.severity === 'warning') c.warnings++;
      else c.errors++;
    }
  }
  return counts;
}

function nodeClass(item: CanvasItem, routing: SubnetRouting | undefined): string {
  let cls = `vpcsim-node vpcsim-node--${item.kind}`;
  if (routing) cls += ` vpcsim-subnet--${routing.kind}`;
  if (item.inactive === true) cls += ' vpcsim-node--inactive';
  return cls;
}

function buildNode(
  item: CanvasItem,
  place: Placement,
  routing: SubnetRouting | undefined,
  counts: { errors: number; warnings: number } | undefined,
): CanvasNode {
  // Plain assignments, not spreads: this runs once per box on every document change.
  const data: CanvasNodeData = {
    kind: item.kind,
    resourceId: item.resourceId,
    label: item.label,
    errors: counts?.errors ?? 0,
    warnings: counts?.warnings ?? 0,
    derived: place.derived,
  };
  if (item.detail !== undefined) data.detail = item.detail;
  const note = routing ? SUBNET_KIND_LABEL[routing.kind] : item.note;
  if (note !== undefined) data.note = note;
  if (routing) {
    data.subnetKind = routing.kind;
    if (routing.blackholes.length > 0) data.blackholes = routing.blackholes;
  }
  if (item.inactive === true) data.inactive = true;
  if (isContainerKind(item.kind)) {
    data.minWidth = place.contentWidth;
    data.minHeight = place.contentHeight;
  }
  if (item.region !== undefined) data.region = item.region;
  if (item.availabilityZone !== undefined) data.availabilityZone = item.availabilityZone;
  if (item.vpcId !== undefined) data.vpcId = item.vpcId;
  const node: CanvasNode = {
    id: item.id,
    type: NODE_TYPE[item.kind],
    position: { x: place.x, y: place.y },
    width: place.width,
    height: place.height,
    data,
    className: nodeClass(item, routing),
  };
  if (item.parentId !== undefined) node.parentId = item.parentId;
  return node;
}

/** Up to three destinations, then `+N`. */
function destinationsLabel(destinations: readonly string[]): string {
  if (destinations.length <= 3) return destinations.join(', ');
  return `${destinations.slice(0, 3).join(', ')} +${destinations.length - 3}`;
}

function edge(id: string, source: string, target: string, data: CanvasEdgeData): CanvasEdge {
  let cls = `vpcsim-edge vpcsim-edge--${data.kind}`;
  if (data.blackhole === true) cls += ' vpcsim-edge--blackhole';
  if (data.inactive === true) cls += ' vpcsim-edge--inactive';
  // Above every unselected box (React Flow adds the deeper end's level): labels stay readable where an
  // edge runs over a subnet or a VPC.
  return { id, source, target, type: 'route', data, className: cls, selectable: false, zIndex: EDGE_Z };
}

/** The aggregated edges of a document (exported for auto-layout, which lifts them to sibling pairs). */
export function buildEdges(
  doc: Document,
  tree: CanvasTree,
  routing: ReadonlyMap<string, SubnetRouting> = analyzeRouting(doc.topology),
): CanvasEdge[] {
  const t = doc.topology;
  const exists = (id: string) => tree.byId.has(id);
  const edges: CanvasEdge[] = [];
  // One edge per (subnet, route target): never per host (product.md).
  for (const [subnetId, r] of routing) {
    if (!exists(subnetId)) continue;
    for (const link of r.links) {
      if (!exists(link.targetNodeId) || link.targetNodeId === subnetId) continue;
      edges.push(
        edge(`route:${subnetId}->${link.targetNodeId}`, subnetId, link.targetNodeId, {
          kind: 'route',
          label: destinationsLabel(link.destinations),
          ...(link.blackhole ? { blackhole: true } : {}),
          resourceId: link.routeTableId,
        }),
      );
    }
  }
  if (exists(INTERNET_ID)) {
    for (const g of [...(t.internetGateways ?? []), ...(t.egressOnlyInternetGateways ?? [])]) {
      if (g.vpcId === null || !exists(g.id) || !exists(g.vpcId)) continue;
      edges.push(edge(`internet:${g.id}`, g.id, INTERNET_ID, { kind: 'internet', resourceId: g.id }));
    }
  }
  for (const p of t.vpcPeeringConnections ?? []) {
    if (!exists(p.id)) continue;
    const inactive = (p.status ?? 'active') !== 'active';
    const data: CanvasEdgeData = { kind: 'peering', resourceId: p.id, ...(inactive ? { inactive: true } : {}) };
    if (exists(p.requesterVpcId)) edges.push(edge(`peering:${p.id}:requester`, p.requesterVpcId, p.id, data));
    if (exists(p.accepterVpcId)) edges.push(edge(`peering:${p.id}:accepter`, p.id, p.accepterVpcId, data));
  }
  for (const a of t.transitGatewayAttachments ?? []) {
    if (!exists(a.transitGatewayId)) continue;
    const inactive = a.state !== undefined && a.state !== 'available';
    const base = { resourceId: a.id, ...(inactive ? { inactive: true } : {}) };
    if (a.type === 'vpc' && a.vpcId !== undefined && exists(a.vpcId)) {
      edges.push(edge(`attachment:${a.id}`, a.vpcId, a.transitGatewayId, { kind: 'attachment', ...base }));
    } else if (a.type === 'peering' && a.peerTransitGatewayId !== undefined && exists(a.peerTransitGatewayId)) {
      edges.push(
        edge(`attachment:${a.id}`, a.transitGatewayId, a.peerTransitGatewayId, { kind: 'tgwPeering', ...base }),
      );
    }
  }
  return edges;
}

/**
 * Nodes (parents before children, positions relative to the parent) and aggregated edges, with
 * `selected` set on nodes whose resource is selected. Selection is applied by `applySelection`, so a
 * caller can keep the rest and re-apply only the selection.
 */
export function toFlow(doc: Document, opts: ToFlowOptions): Flow {
  const tree = buildCanvasTree(doc);
  const places = placeTree(tree, doc.layout);
  const routing = analyzeRouting(doc.topology);
  const counts = countDiagnostics(tree, opts.diagnostics);
  const nodes: CanvasNode[] = [];
  for (const item of tree.ordered) {
    const place = places.get(item.id);
    if (place === undefined) continue;
    nodes.push(buildNode(item, place, item.kind === 'subnet' ? routing.get(item.id) : undefined, counts.get(item.id)));
  }
  return { nodes: applySelection(nodes, opts.selection), edges: buildEdges(doc, tree, routing) };
}

/**
 * Marks the nodes whose resource is in `selection` as selected, the others as not. Nodes whose flag
 * does not change are returned as they are (same object), so React Flow re-renders only the changed.
 */
export function applySelection(nodes: readonly CanvasNode[], selection: readonly string[]): CanvasNode[] {
  const selected = new Set(selection);
  return nodes.map((n) => {
    const want = selected.has(n.data.resourceId);
    if ((n.selected ?? false) === want) return n;
    return { ...n, selected: want };
  });
}

/** The resource ids of the selected nodes, without duplicates (an endpoint's interfaces share one). */
export function selectedResourceIds(nodes: readonly CanvasNode[]): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const n of nodes) {
    if (n.selected !== true || seen.has(n.data.resourceId)) continue;
    seen.add(n.data.resourceId);
    ids.push(n.data.resourceId);
  }
  return ids;
}
