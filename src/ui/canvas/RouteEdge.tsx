// The canvas's one edge type: a straight floating edge between two boxes' borders, labelled with its
// route destinations; its class (set by to-flow) styles it as a route, a blackhole, a peering, ...
import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { textWidth } from '../export/text.ts';
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
    <>
      <BaseEdge id={id} path={`M${sx},${sy} L${tx},${ty}`} {...(end === undefined ? {} : { markerEnd: end })} />
      {data?.label !== undefined && <EdgeLabel text={data.label} x={(sx + tx) / 2} y={(sy + ty) / 2} />}
    </>
  );
}

/** Font size of edge labels (canvas.css `.vpcsim-edge .react-flow__edge-text`). */
const LABEL_SIZE = 10;

/**
 * The label on its white plate, with React Flow's class names (so the canvas styles and the level of
 * detail apply). The plate's width is estimated from the font's metrics rather than measured: React
 * Flow's own label measures every one with getBBox, a forced layout per edge that made a large
 * network's first render seconds slower.
 */
function EdgeLabel({ text, x, y }: { text: string; x: number; y: number }) {
  const width = textWidth(text, LABEL_SIZE) + 8;
  const height = LABEL_SIZE + 4;
  return (
    <g className="react-flow__edge-textwrapper" transform={`translate(${x - width / 2} ${y - height / 2})`}>
      <rect className="react-flow__edge-textbg" width={width} height={height} rx={3} ry={3} />
      <text className="react-flow__edge-text" x={width / 2} y={height / 2} dy="0.35em" textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

export const RouteEdge = memo(RouteEdgeView);
