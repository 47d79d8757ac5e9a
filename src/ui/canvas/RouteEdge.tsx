// The canvas's one edge type: a straight floating edge between two boxes' borders, labelled with its
// route destinations; its class (set by to-flow) styles it as a route, a blackhole, a peering, ...
import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { floatingEnds, type Box } from './edge-geometry.ts';
import type { CanvasEdge, CanvasNode } from './types.ts';

function boxOf(node: InternalNode<CanvasNode>): Box {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/** Arrowheads: routes and gateway-to-internet edges point at their target. */
function marker(edge: CanvasEdge['data']): string | undefined {
  if (edge === undefined || (edge.kind !== 'route' && edge.kind !== 'internet')) return undefined;
  return edge.blackhole === true ? 'url(#vpcsim-arrow-blackhole)' : 'url(#vpcsim-arrow)';
}

function RouteEdgeView({ id, source, target, data }: EdgeProps<CanvasEdge>) {
  const from = useInternalNode<CanvasNode>(source);
  const to = useInternalNode<CanvasNode>(target);
  if (from === undefined || to === undefined) return null;
  const [sx, sy, tx, ty] = floatingEnds(boxOf(from), boxOf(to));
  const end = marker(data);
  return (
    <BaseEdge
      id={id}
      path={`M${sx},${sy} L${tx},${ty}`}
      {...(end === undefined ? {} : { markerEnd: end })}
      {...(data?.label === undefined
        ? {}
        : {
            label: data.label,
            labelX: (sx + tx) / 2,
            labelY: (sy + ty) / 2,
            labelBgPadding: [4, 2] as [number, number],
            labelBgBorderRadius: 3,
          })}
    />
  );
}

export const RouteEdge = memo(RouteEdgeView);
