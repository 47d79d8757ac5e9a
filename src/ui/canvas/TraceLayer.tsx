// The trace drawn over the canvas, in flow coordinates (a ViewportPortal): the request's hops solid,
// the reply's dashed, the blocker's code as a badge, and the packet marker at the current stop, which
// slides between nodes by a CSS transition. Re-renders only when nodes move or the trace changes.
import { ViewportPortal, useStore, type InternalNode } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { floatingEnds, type Box } from './edge-geometry.ts';
import type { OverlayEdge, TraceOverlay } from './trace-overlay.ts';
import type { CanvasNodeType } from './types.ts';
import { ArrowMarker } from './ArrowMarker.tsx';

export interface TraceLayerProps {
  overlay: TraceOverlay;
  current?: number | undefined;
}

const CONTAINERS: ReadonlySet<string> = new Set<CanvasNodeType>(['region', 'vpc', 'azBand', 'subnet']);

/** How far the reply's line runs beside the request's when both join the same two nodes. */
const REPLY_OFFSET = 5;

function boxOf(node: InternalNode): Box {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/** Where the packet marker sits on a node: a leaf's centre, a container's header. */
function anchor(node: InternalNode): { x: number; y: number } {
  const b = boxOf(node);
  if (node.type !== undefined && CONTAINERS.has(node.type)) return { x: b.x + Math.min(b.width / 2, 90), y: b.y + 12 };
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

interface Segment {
  id: string;
  d: string;
  className: string;
  marker: string;
}

function segments(
  edges: readonly OverlayEdge[],
  lookup: ReadonlyMap<string, InternalNode>,
  offset: number,
  kind: 'request' | 'reply',
): Segment[] {
  const cls = `vpcsim-trace-hop vpcsim-trace-hop--${kind}`;
  const marker = `url(#vpcsim-trace-arrow-${kind})`;
  const out: Segment[] = [];
  for (const e of edges) {
    const a = lookup.get(e.source);
    const b = lookup.get(e.target);
    if (a === undefined || b === undefined) continue;
    const [sx, sy, tx, ty] = floatingEnds(boxOf(a), boxOf(b));
    const len = Math.hypot(tx - sx, ty - sy) || 1;
    // Perpendicular shift, so a reply over the request's hop stays visible beside it.
    const ox = (-(ty - sy) / len) * offset;
    const oy = ((tx - sx) / len) * offset;
    out.push({
      id: e.id,
      d: `M${sx + ox},${sy + oy} L${tx + ox},${ty + oy}`,
      className: `${cls}${e.whatIf ? ' is-what-if' : ''}`,
      marker,
    });
  }
  return out;
}

function TraceLayerView({ overlay, current }: TraceLayerProps) {
  // `nodes` changes identity whenever a node moves; the lookup map is updated in place with it.
  const nodes = useStore((s) => s.nodes);
  const lookup = useStore((s) => s.nodeLookup);

  const paths = useMemo(() => {
    void nodes;
    return [
      ...segments(overlay.request, lookup, 0, 'request'),
      ...segments(overlay.reply, lookup, REPLY_OFFSET, 'reply'),
    ];
  }, [nodes, lookup, overlay]);

  const badge = useMemo(() => {
    void nodes;
    const stop = overlay.blocker === undefined ? undefined : overlay.stops[overlay.blocker];
    const node = stop?.nodeId === undefined ? undefined : lookup.get(stop.nodeId);
    if (stop === undefined || node === undefined) return undefined;
    const b = boxOf(node);
    return { x: b.x + b.width, y: b.y, code: stop.code ?? 'BLOCKED' };
  }, [nodes, lookup, overlay]);

  const marker = useMemo(() => {
    void nodes;
    const stop = current === undefined ? undefined : overlay.stops[current];
    const node = stop?.nodeId === undefined ? undefined : lookup.get(stop.nodeId);
    if (stop === undefined || node === undefined) return undefined;
    return { ...anchor(node), stop };
  }, [nodes, lookup, overlay, current]);

  return (
    <ViewportPortal>
      <div className="vpcsim-trace-layer" aria-hidden="true">
        <svg className="vpcsim-trace-svg">
          <defs>
            <ArrowMarker id="vpcsim-trace-arrow-request" size={6} className="vpcsim-trace-arrow--request" />
            <ArrowMarker id="vpcsim-trace-arrow-reply" size={6} className="vpcsim-trace-arrow--reply" />
          </defs>
          {paths.map((p) => (
            <path key={p.id} d={p.d} className={p.className} markerEnd={p.marker} data-hop={p.id} />
          ))}
        </svg>
        {badge !== undefined && (
          <span
            className="vpcsim-trace-badge"
            style={{ transform: `translate(${badge.x}px, ${badge.y}px) translate(-100%, -100%)` }}
            data-testid="trace-blocker-badge"
          >
            {badge.code}
          </span>
        )}
        {marker !== undefined && (
          <span
            className={`vpcsim-trace-packet vpcsim-trace-packet--${marker.stop.direction}${marker.stop.blocked ? ' is-blocked' : ''}`}
            style={{ transform: `translate(${marker.x}px, ${marker.y}px)` }}
            data-testid="trace-packet"
            data-stop={marker.stop.index}
          >
            <svg viewBox="0 0 16 12" className="vpcsim-trace-envelope">
              <rect x="0.75" y="0.75" width="14.5" height="10.5" rx="1.5" />
              <path d="M1 1.5 L8 7 L15 1.5" />
            </svg>
          </span>
        )}
      </div>
    </ViewportPortal>
  );
}

export const TraceLayer = memo(TraceLayerView);
