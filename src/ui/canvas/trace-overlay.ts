// A trace result mapped onto the canvas (docs/tracing.md): each path component becomes a stop on the
// box that shows it, and the walk becomes node-to-node edges for the request and the reply. Pure.
import type { ComponentType, ExplanationCode, PathComponent, PathDirection, TraceResult } from '../../engine/index.ts';
import type { Document } from '../../model/index.ts';
import { INTERNET_ID, buildCanvasTree, endpointInterfaceKey } from './tree.ts';

/** One path component, placed on a canvas node. */
export interface OverlayStop {
  /** Position in `TraceOverlay.stops` (request first, then reply). */
  index: number;
  seq: number;
  direction: PathDirection;
  /** The path component itself (narration reads it). */
  component: PathComponent;
  componentId: string;
  componentType: ComponentType;
  /** The canvas node that shows this component; undefined only when nothing on the canvas stands for it. */
  nodeId: string | undefined;
  action: PathComponent['action'];
  /** The packet stopped here (a drop or deny, or a blocking explanation raised here). */
  blocked: boolean;
  /** The blocking explanation code raised here, if any. */
  code?: ExplanationCode;
  /** Reached only by assuming an earlier blocker let the packet through. */
  whatIf: boolean;
}

/** A walked hop between two distinct canvas nodes. */
export interface OverlayEdge {
  /** `request:a->b` or `reply:a->b`; unique within one overlay. */
  id: string;
  source: string;
  target: string;
  direction: PathDirection;
  /** The hop lies past a blocker. */
  whatIf: boolean;
  /** Index of the stop the hop arrives at. */
  toStop: number;
}

export interface TraceOverlay {
  stops: OverlayStop[];
  /** Hops of the request and of the reply, in walk order, each node pair once per direction. */
  request: OverlayEdge[];
  reply: OverlayEdge[];
  /** Node ids the request and the reply pass, in order of first visit. */
  requestNodes: string[];
  replyNodes: string[];
  /** Index of the first blocked stop (the primary blocker), if any. */
  blocker?: number;
}

/** Lookups from a document that the mapping needs: node ids and who owns what. */
interface Resolver {
  nodes: ReadonlySet<string>;
  /** Interface id -> node showing it (its own box, or its instance's box). */
  interfaceNode(id: string): string | undefined;
  tgwOfAttachment: ReadonlyMap<string, string>;
  tgwOfRouteTable: ReadonlyMap<string, string>;
}

function resolver(doc: Document): Resolver {
  const tree = buildCanvasTree(doc);
  const nodes = new Set(tree.byId.keys());
  const t = doc.topology;
  const primary = new Map<string, string>();
  for (const i of t.instances ?? []) {
    primary.set(`${i.id}/eth0`, i.id);
    if (i.primaryInterfaceId !== undefined) primary.set(i.primaryInterfaceId, i.id);
  }
  const interfaceNode = (id: string): string | undefined => {
    if (nodes.has(id)) return id;
    const inst = primary.get(id);
    if (inst !== undefined && nodes.has(inst)) return inst;
    // Implicit interfaces (`i-web/eth1`) belong to the resource before the slash.
    const slash = id.indexOf('/');
    const owner = slash > 0 ? id.slice(0, slash) : undefined;
    return owner !== undefined && nodes.has(owner) ? owner : undefined;
  };
  const tgwOfAttachment = new Map((t.transitGatewayAttachments ?? []).map((a) => [a.id, a.transitGatewayId]));
  const tgwOfRouteTable = new Map((t.transitGatewayRouteTables ?? []).map((r) => [r.id, r.transitGatewayId]));
  return { nodes, interfaceNode, tgwOfAttachment, tgwOfRouteTable };
}

const has = (r: Resolver, id: string | undefined): string | undefined =>
  id !== undefined && r.nodes.has(id) ? id : undefined;

/** The node a component stands on by itself, without looking at its neighbours. */
function ownNode(c: PathComponent, r: Resolver): string | undefined {
  const id = c.component.id;
  switch (c.component.type) {
    case 'instance':
      return has(r, id) ?? r.interfaceNode(id);
    case 'network-interface':
      return r.interfaceNode(id);
    case 'security-group':
      return c.attachedTo === undefined ? undefined : r.interfaceNode(c.attachedTo);
    case 'network-acl':
    case 'route-table':
    case 'subnet':
      return has(r, c.subnet) ?? has(r, id);
    case 'transit-gateway-attachment':
      return has(r, r.tgwOfAttachment.get(id));
    case 'transit-gateway-route-table':
      return has(r, r.tgwOfRouteTable.get(id));
    case 'vpc-endpoint':
      // A gateway endpoint is its own box; an interface endpoint is one box per subnet.
      return has(r, id) ?? (c.subnet === undefined ? undefined : has(r, endpointInterfaceKey(id, c.subnet)));
    case 'internet':
      return has(r, INTERNET_ID);
    case 'external-host':
      return has(r, id) ?? has(r, INTERNET_ID);
    case 'vpc-service': {
      // `vpc-a/10.0.0.2`: the VPC's own resolver.
      const slash = id.indexOf('/');
      return has(r, slash > 0 ? id.slice(0, slash) : id) ?? has(r, c.vpc);
    }
    case 'aws-service':
      // Reached through a gateway endpoint: its neighbour decides.
      return undefined;
    case 'vpc':
      return has(r, id);
    default:
      return has(r, id) ?? has(r, c.vpc);
  }
}

/** Codes of blocking explanations per path direction. */
function blockingCodes(result: TraceResult): Record<PathDirection, Set<ExplanationCode>> {
  const codes = { forward: new Set<ExplanationCode>(), return: new Set<ExplanationCode>() };
  for (const e of result.explanations) if (e.blocking) codes[e.pathDirection].add(e.code);
  return codes;
}

function edgesOf(stops: readonly OverlayStop[], direction: PathDirection): { edges: OverlayEdge[]; nodes: string[] } {
  const prefix = direction === 'forward' ? 'request' : 'reply';
  const edges: OverlayEdge[] = [];
  const seen = new Set<string>();
  const nodes: string[] = [];
  let prev: string | undefined;
  for (const s of stops) {
    if (s.direction !== direction || s.nodeId === undefined) continue;
    if (!nodes.includes(s.nodeId)) nodes.push(s.nodeId);
    if (prev !== undefined && prev !== s.nodeId) {
      const id = `${prefix}:${prev}->${s.nodeId}`;
      if (!seen.has(id)) {
        seen.add(id);
        edges.push({ id, source: prev, target: s.nodeId, direction, whatIf: s.whatIf, toStop: s.index });
      }
    }
    prev = s.nodeId;
  }
  return { edges, nodes };
}

/** Maps a trace result onto the canvas nodes of `doc` (the document the trace was computed on). */
export function traceOverlay(doc: Document, result: TraceResult): TraceOverlay {
  const r = resolver(doc);
  const codes = blockingCodes(result);
  const components = [...result.forward, ...result.return];
  const own = components.map((c) => ownNode(c, r));
  const stops: OverlayStop[] = components.map((c, index) => {
    // A component without a box of its own sits where the packet is: the previous stop of its
    // direction, or else the next one (the service at the far end of a gateway endpoint).
    let nodeId = own[index];
    for (let k = index - 1; nodeId === undefined && k >= 0 && components[k]?.direction === c.direction; k--) {
      nodeId = own[k];
    }
    for (
      let k = index + 1;
      nodeId === undefined && k < components.length && components[k]?.direction === c.direction;
      k++
    ) {
      nodeId = own[k];
    }
    const raised = c.explanationCodes ?? [];
    const blockingHere = raised.find((code) => codes[c.direction].has(code));
    const stopped = c.action === 'drop' || c.action === 'deny';
    const code = blockingHere ?? (stopped ? raised[0] : undefined);
    const stop: OverlayStop = {
      index,
      seq: c.seq,
      direction: c.direction,
      component: c,
      componentId: c.component.id,
      componentType: c.component.type,
      nodeId,
      action: c.action,
      blocked: stopped || blockingHere !== undefined,
      whatIf: c.whatIf === true,
    };
    if (code !== undefined) stop.code = code;
    return stop;
  });
  const request = edgesOf(stops, 'forward');
  const reply = edgesOf(stops, 'return');
  const overlay: TraceOverlay = {
    stops,
    request: request.edges,
    reply: reply.edges,
    requestNodes: request.nodes,
    replyNodes: reply.nodes,
  };
  const blocker = stops.find((s) => s.blocked);
  if (blocker !== undefined) overlay.blocker = blocker.index;
  return overlay;
}

/**
 * Extra classes per node for a trace: on the request path, on the reply path, the blocker, the current
 * stop's node. Nodes the trace does not touch are absent (the canvas dims them).
 */
export function traceNodeClasses(overlay: TraceOverlay, current?: number): Map<string, string> {
  const classes = new Map<string, string[]>();
  const add = (id: string | undefined, cls: string) => {
    if (id === undefined) return;
    const list = classes.get(id);
    if (list === undefined) classes.set(id, [cls]);
    else if (!list.includes(cls)) list.push(cls);
  };
  for (const s of overlay.stops) {
    add(s.nodeId, 'is-trace');
    add(s.nodeId, s.direction === 'forward' ? 'is-trace-request' : 'is-trace-reply');
    if (s.whatIf) add(s.nodeId, 'is-trace-what-if');
  }
  const blocker = overlay.blocker === undefined ? undefined : overlay.stops[overlay.blocker];
  add(blocker?.nodeId, 'is-trace-blocked');
  const now = current === undefined ? undefined : overlay.stops[current];
  add(now?.nodeId, 'is-trace-current');
  return new Map([...classes].map(([id, list]) => [id, list.join(' ')]));
}
