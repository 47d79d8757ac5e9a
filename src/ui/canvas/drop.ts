// Palette drops: which container is under the pointer, and the CreateRequest that follows (or the
// reason it cannot go there). Two-step gestures (peering, TGW attachment) return a pending gesture
// that the next click completes. Pure: works on React Flow nodes and the document.
import { assertNever } from '../../lib/index.ts';
import type { CreateRequest, Document } from '../../model/index.ts';
import { INSETS, MIN_SIZE, defaultLeafSize, type Size } from './geometry.ts';
import { toDocumentFrame } from './move.ts';
import type { PaletteItem } from './palette-items.ts';
import { toFlow } from './to-flow.ts';
import { DEFAULT_REGION, regionKey } from './tree.ts';
import type { CanvasNode, CanvasNodeKind } from './types.ts';

export interface Point {
  x: number;
  y: number;
}

interface Rect extends Point {
  width: number;
  height: number;
}

/** The second step a two-step palette item waits for. */
export type PendingGesture =
  | { kind: 'peering'; requesterVpcId: string }
  | { kind: 'attachmentFromVpc'; vpcId: string }
  | { kind: 'attachmentFromTgw'; transitGatewayId: string };

export type DropOutcome =
  | { type: 'create'; request: CreateRequest }
  | { type: 'refuse'; reason: string }
  | { type: 'pending'; pending: PendingGesture };

/** What the canvas asks the user while a gesture is pending. */
export function pendingPrompt(p: PendingGesture): string {
  switch (p.kind) {
    case 'peering':
      return `Click the VPC to peer with ${p.requesterVpcId}`;
    case 'attachmentFromVpc':
      return `Click the transit gateway to attach ${p.vpcId} to`;
    case 'attachmentFromTgw':
      return `Click the VPC to attach to ${p.transitGatewayId}`;
    default:
      return assertNever(p, 'pending gesture');
  }
}

/** Absolute rectangles of the nodes (React Flow positions are relative to the parent). */
export function absoluteRects(nodes: readonly CanvasNode[]): Map<string, Rect> {
  const rects = new Map<string, Rect>();
  const byId = new Map<string, CanvasNode>();
  for (const n of nodes) byId.set(n.id, n);
  const rectOf = (n: CanvasNode): Rect => {
    const known = rects.get(n.id);
    if (known) return known;
    const parent = n.parentId === undefined ? undefined : byId.get(n.parentId);
    const origin = parent ? rectOf(parent) : { x: 0, y: 0 };
    const rect = {
      x: origin.x + n.position.x,
      y: origin.y + n.position.y,
      width: n.width ?? n.measured?.width ?? 0,
      height: n.height ?? n.measured?.height ?? 0,
    };
    rects.set(n.id, rect);
    return rect;
  };
  for (const n of nodes) rectOf(n);
  return rects;
}

const contains = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** Everything a drop or a click needs to know about the canvas. */
class Scene {
  readonly byId = new Map<string, CanvasNode>();
  readonly rects: Map<string, Rect>;
  private readonly depth = new Map<string, number>();

  constructor(readonly nodes: readonly CanvasNode[]) {
    for (const n of nodes) this.byId.set(n.id, n);
    this.rects = absoluteRects(nodes);
    for (const n of nodes) {
      const parentDepth = n.parentId === undefined ? -1 : (this.depth.get(n.parentId) ?? -1);
      this.depth.set(n.id, parentDepth + 1);
    }
  }

  /** The innermost node under the point (the deepest; the later one among equals). */
  hit(p: Point): CanvasNode | undefined {
    let best: CanvasNode | undefined;
    let bestDepth = -1;
    for (const n of this.nodes) {
      const r = this.rects.get(n.id);
      if (r === undefined || !contains(r, p)) continue;
      const d = this.depth.get(n.id) ?? 0;
      if (d >= bestDepth) {
        best = n;
        bestDepth = d;
      }
    }
    return best;
  }

  /** `node` or its nearest ancestor of `kind`. */
  up(node: CanvasNode | undefined, kind: CanvasNodeKind): CanvasNode | undefined {
    let n = node;
    while (n && n.data.kind !== kind) n = n.parentId === undefined ? undefined : this.byId.get(n.parentId);
    return n;
  }

  ofKind(kind: CanvasNodeKind): CanvasNode[] {
    return this.nodes.filter((n) => n.data.kind === kind);
  }

  /**
   * A point in the frame a new child of `containerId` has its entry read in (placement.ts
   * compatibility rule): the container's own frame, or its parent's when it is derived.
   */
  local(containerId: string | undefined, p: Point): Point {
    if (containerId === undefined) return p;
    const container = this.byId.get(containerId);
    const r = this.rects.get(containerId);
    if (container === undefined || r === undefined) return p;
    return toDocumentFrame(this.byId, containerId, { x: p.x - r.x, y: p.y - r.y });
  }

  /** The top-left corner of a box of `size` centred on `p`, in `containerId`'s frame, kept off its top-left padding. */
  place(containerId: string | undefined, p: Point, size: Size, floor?: Point): Point {
    const at = this.local(containerId, { x: p.x - size.width / 2, y: p.y - size.height / 2 });
    const container = containerId === undefined ? undefined : this.byId.get(containerId);
    const keep = container && !container.data.derived ? floor : undefined;
    return {
      x: Math.round(keep ? Math.max(keep.x, at.x) : at.x),
      y: Math.round(keep ? Math.max(keep.y, at.y) : at.y),
    };
  }

  center(id: string): Point | undefined {
    const r = this.rects.get(id);
    return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }
}

const GATEWAY = defaultLeafSize('internetGateway');
const LEAF = defaultLeafSize('instance');

/** Where a peering node goes: between the two VPCs, in the requester's region. */
function peeringRequest(scene: Scene, requester: CanvasNode, accepter: CanvasNode): DropOutcome {
  const a = scene.center(requester.id);
  const b = scene.center(accepter.id);
  const request: CreateRequest = {
    kind: 'vpcPeeringConnection',
    requesterVpcId: requester.id,
    accepterVpcId: accepter.id,
  };
  if (a && b) {
    request.position = scene.place(requester.parentId, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, GATEWAY);
  }
  return { type: 'create', request };
}

function attachment(transitGatewayId: string, vpcId: string): DropOutcome {
  return { type: 'create', request: { kind: 'transitGatewayAttachment', transitGatewayId, vpcId } };
}

/** A VPC-level drop: the VPC under the pointer (any box inside it counts). */
function inVpc(scene: Scene, hit: CanvasNode | undefined, reason: string, make: (vpc: CanvasNode) => DropOutcome) {
  const vpc = scene.up(hit, 'vpc');
  return vpc ? make(vpc) : ({ type: 'refuse', reason } as const);
}

/** A subnet-level drop: the subnet under the pointer. */
function inSubnet(
  scene: Scene,
  hit: CanvasNode | undefined,
  point: Point,
  kind: 'instance' | 'networkInterface' | 'natGateway',
  reason: string,
): DropOutcome {
  const subnet = scene.up(hit, 'subnet');
  if (subnet === undefined) return { type: 'refuse', reason };
  const floor = { x: INSETS.subnet.left, y: INSETS.subnet.top };
  return {
    type: 'create',
    request: { kind, subnetId: subnet.id, position: scene.place(subnet.id, point, LEAF, floor) },
  };
}

/** A gateway on the VPC's top edge, under the pointer horizontally. */
function onTopEdge(scene: Scene, vpc: CanvasNode, point: Point): { x: number; y: number } {
  const at = scene.place(vpc.id, point, GATEWAY, { x: 0, y: -Infinity });
  return { x: at.x, y: -GATEWAY.height / 2 };
}

/** The CreateRequest for a palette item dropped at `point` (flow coordinates). */
export function resolveDrop(item: PaletteItem, point: Point, nodes: readonly CanvasNode[]): DropOutcome {
  const scene = new Scene(nodes);
  const hit = scene.hit(point);
  switch (item.kind) {
    case 'vpc':
    case 'transitGateway': {
      const region = scene.up(hit, 'region')?.data.region ?? DEFAULT_REGION;
      const container = scene.byId.has(regionKey(region)) ? regionKey(region) : undefined;
      const size = item.kind === 'vpc' ? MIN_SIZE.vpc : GATEWAY;
      const position = scene.place(container, point, size, { x: INSETS.region.left, y: INSETS.region.top });
      return { type: 'create', request: { kind: item.kind, region, position } };
    }
    case 'subnet':
      return inVpc(scene, hit, 'A subnet goes into a VPC', (vpc) => {
        const bands = scene.nodes.filter((n) => n.parentId === vpc.id && n.data.kind === 'azBand');
        let band = scene.up(hit, 'azBand');
        if (band === undefined && bands.length > 0) {
          // Outside every column: the nearest one.
          const distance = (n: CanvasNode) => Math.abs((scene.center(n.id)?.x ?? 0) - point.x);
          band = bands.reduce((a, b) => (distance(b) < distance(a) ? b : a));
        }
        const availabilityZone = band?.data.availabilityZone ?? `${vpc.data.region ?? DEFAULT_REGION}a`;
        const container = band?.id ?? vpc.id;
        const floor = band
          ? { x: INSETS.azBand.left, y: INSETS.azBand.top }
          : { x: INSETS.vpc.left, y: INSETS.vpc.top };
        // A band without an entry reads its subnets' entries in the VPC's frame (placement.ts).
        const position = scene.place(container, point, MIN_SIZE.subnet, floor);
        return { type: 'create', request: { kind: 'subnet', vpcId: vpc.id, availabilityZone, position } };
      });
    case 'instance':
      return inSubnet(scene, hit, point, 'instance', 'An instance goes into a subnet');
    case 'networkInterface':
      return inSubnet(scene, hit, point, 'networkInterface', 'A network interface goes into a subnet');
    case 'natGateway':
      return inSubnet(scene, hit, point, 'natGateway', 'A NAT gateway goes into a subnet');
    case 'internetGateway':
    case 'egressOnlyInternetGateway': {
      const kind = item.kind;
      const what = kind === 'internetGateway' ? 'An internet gateway' : 'An egress-only internet gateway';
      return inVpc(scene, hit, `${what} attaches to a VPC`, (vpc) => ({
        type: 'create',
        request: { kind, vpcId: vpc.id, position: onTopEdge(scene, vpc, point) },
      }));
    }
    case 'routeTable':
    case 'networkAcl':
    case 'securityGroup': {
      const kind = item.kind;
      const what = { routeTable: 'A route table', networkAcl: 'A network ACL', securityGroup: 'A security group' }[
        kind
      ];
      return inVpc(scene, hit, `${what} belongs to a VPC`, (vpc) => ({
        type: 'create',
        request: { kind, vpcId: vpc.id },
      }));
    }
    case 'vpcEndpoint': {
      const type = item.endpointType ?? 'gateway';
      const short = item.service ?? 's3';
      return inVpc(scene, hit, 'An endpoint belongs to a VPC', (vpc) => {
        if (type === 'interface') {
          const service = `com.amazonaws.${vpc.data.region ?? DEFAULT_REGION}.${short}`;
          return { type: 'create', request: { kind: 'vpcEndpoint', vpcId: vpc.id, type, service } };
        }
        const position = onTopEdge(scene, vpc, point);
        return { type: 'create', request: { kind: 'vpcEndpoint', vpcId: vpc.id, type, service: short, position } };
      });
    }
    case 'vpcPeeringConnection':
      return inVpc(scene, hit, 'Drop the peering on one of the two VPCs', (vpc) => {
        const others = scene.ofKind('vpc').filter((n) => n.id !== vpc.id);
        const only = others.length === 1 ? others[0] : undefined;
        if (others.length === 0) return { type: 'refuse', reason: 'A peering connection needs a second VPC' };
        if (only) return peeringRequest(scene, vpc, only);
        return { type: 'pending', pending: { kind: 'peering', requesterVpcId: vpc.id } };
      });
    case 'transitGatewayAttachment': {
      if (hit?.data.kind === 'transitGateway') {
        const vpcs = scene.ofKind('vpc');
        const only = vpcs.length === 1 ? vpcs[0] : undefined;
        if (vpcs.length === 0) return { type: 'refuse', reason: 'Add a VPC to attach first' };
        if (only) return attachment(hit.id, only.id);
        return { type: 'pending', pending: { kind: 'attachmentFromTgw', transitGatewayId: hit.id } };
      }
      return inVpc(scene, hit, 'Drop the attachment on a VPC or a transit gateway', (vpc) => {
        const tgws = scene.ofKind('transitGateway');
        const only = tgws.length === 1 ? tgws[0] : undefined;
        if (tgws.length === 0) return { type: 'refuse', reason: 'Add a transit gateway first' };
        if (only) return attachment(only.id, vpc.id);
        return { type: 'pending', pending: { kind: 'attachmentFromVpc', vpcId: vpc.id } };
      });
    }
    case 'prefixList':
      return { type: 'create', request: { kind: 'prefixList' } };
    case 'externalHost': {
      if (scene.up(hit, 'region')) {
        return { type: 'refuse', reason: 'An external host is on the internet: drop it outside the regions' };
      }
      return { type: 'create', request: { kind: 'externalHost', position: scene.place(undefined, point, LEAF) } };
    }
    default:
      return assertNever(item.kind, 'palette kind');
  }
}

/** The second step of a pending gesture: the node the user clicked. */
export function completePending(pending: PendingGesture, clickedId: string, nodes: readonly CanvasNode[]): DropOutcome {
  const scene = new Scene(nodes);
  const clicked = scene.byId.get(clickedId);
  switch (pending.kind) {
    case 'peering': {
      const vpc = scene.up(clicked, 'vpc');
      const requester = scene.byId.get(pending.requesterVpcId);
      if (vpc === undefined) return { type: 'refuse', reason: 'Click a VPC to peer with' };
      if (requester === undefined) return { type: 'refuse', reason: 'The first VPC is gone' };
      if (vpc.id === requester.id) return { type: 'refuse', reason: 'A VPC cannot peer with itself' };
      return peeringRequest(scene, requester, vpc);
    }
    case 'attachmentFromVpc':
      if (clicked?.data.kind !== 'transitGateway') return { type: 'refuse', reason: 'Click a transit gateway' };
      return attachment(clicked.id, pending.vpcId);
    case 'attachmentFromTgw': {
      const vpc = scene.up(clicked, 'vpc');
      if (vpc === undefined) return { type: 'refuse', reason: 'Click a VPC to attach' };
      return attachment(pending.transitGatewayId, vpc.id);
    }
    default:
      return assertNever(pending, 'pending gesture');
  }
}

/**
 * Keyboard creation from the palette: as if the item were dropped on the first selected box (or on
 * the empty canvas), without a position (the fallback grid places it). Peering and attachments take
 * their two ends from the selection (two VPCs; a VPC and a transit gateway) when there is only one
 * choice left otherwise they are refused with what to select.
 */
export function resolveActivation(
  item: PaletteItem,
  selection: readonly string[],
  document: Document,
): Exclude<DropOutcome, { type: 'pending' }> {
  const nodes = toFlow(document, { diagnostics: [], selection: [] }).nodes;
  const scene = new Scene(nodes);
  const selected = nodes.filter((n) => selection.includes(n.data.resourceId));
  const first = selected[0];
  const point = (first && scene.center(first.id)) ?? { x: -1e9, y: -1e9 };
  const outcome = resolveDrop(item, point, nodes);
  switch (outcome.type) {
    case 'create': {
      const request: CreateRequest = { ...outcome.request };
      if ('position' in request) delete request.position;
      return { type: 'create', request };
    }
    case 'refuse':
      return outcome;
    case 'pending': {
      for (const other of selected.slice(1)) {
        const done = completePending(outcome.pending, other.id, nodes);
        if (done.type === 'create') return done;
      }
      const reason =
        outcome.pending.kind === 'peering'
          ? 'Select the two VPCs to peer, then add the peering'
          : 'Select a VPC and a transit gateway, then add the attachment';
      return { type: 'refuse', reason };
    }
    default:
      return assertNever(outcome, 'drop outcome');
  }
}
