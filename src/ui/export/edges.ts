// The canvas's edges as SVG: straight lines between the two boxes' borders (the same geometry as
// RouteEdge), styled by kind, with arrowheads on routes and labels on a white ground.
import { floatingEnds } from '../canvas/edge-geometry.ts';
import type { CanvasEdge } from '../canvas/types.ts';
import type { RectGrid } from './grid.ts';
import { textLine } from './parts.ts';
import type { Rect } from './scene.ts';
import { COLOR } from './theme.ts';
import { textWidth } from './text.ts';
import { el, num } from './xml.ts';

/** Marker ids, prefixed so that two exports pasted into one HTML page do not clash. */
const ARROW = 'vpcsim-export-arrow';
const ARROW_BLACKHOLE = 'vpcsim-export-arrow-blackhole';

/** The arrowheads (ArrowMarker, size 7, in stroke-width units like React Flow's). */
export function edgeDefs(): string {
  const marker = (id: string, fill: string) =>
    el(
      'marker',
      {
        id,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto-start-reverse',
      },
      el('path', { d: 'M0,0 L10,5 L0,10 z', fill }),
    );
  return marker(ARROW, COLOR.edge) + marker(ARROW_BLACKHOLE, COLOR.error);
}

const LABEL = { size: 10, padX: 4, padY: 2 } as const;

/** One edge ready to draw: its line and, when it has one, its label box. */
export interface PlacedEdge {
  edge: CanvasEdge;
  ends: [number, number, number, number];
  label?: Rect;
}

/** Where along an edge its label may sit, best first: the middle, then outwards. */
const LABEL_STOPS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78] as const;

/** Then beside the line, for an edge too short to hold its label clear of the boxes it joins. */
const LABEL_SIDES = [
  [0, -1],
  [0, 1],
  [-1, 0],
  [1, 0],
] as const;

/** The first free place for a label along (then beside) its line, else the least covered one. */
function placeLabel(ends: readonly number[], width: number, height: number, taken: RectGrid): Rect {
  const [sx = 0, sy = 0, tx = 0, ty = 0] = ends;
  const at = (t: number, side: readonly [number, number]): Rect => ({
    x: sx + (tx - sx) * t - width / 2 + side[0] * (width / 2 + 4),
    y: sy + (ty - sy) * t - height / 2 + side[1] * (height / 2 + 4),
    width,
    height,
  });
  let best = at(0.5, [0, 0]);
  let bestCover = Infinity;
  const candidates = [...LABEL_STOPS.map((t) => at(t, [0, 0])), ...LABEL_SIDES.map((side) => at(0.5, side))];
  for (const candidate of candidates) {
    const cover = taken.covered(candidate);
    if (cover === 0) return candidate;
    if (cover < bestCover) {
      best = candidate;
      bestCover = cover;
    }
  }
  return best;
}

/**
 * Places the edges whose two ends have boxes. Each label goes where it covers no box, header or
 * earlier label in `taken` (placeLabel), and is added to `taken`; the label box also lets the caller
 * size the picture.
 */
export function placeEdges(
  edges: readonly CanvasEdge[],
  rects: ReadonlyMap<string, Rect>,
  taken: RectGrid,
): PlacedEdge[] {
  const placed: PlacedEdge[] = [];
  for (const edge of edges) {
    const a = rects.get(edge.source);
    const b = rects.get(edge.target);
    if (a === undefined || b === undefined) continue;
    const ends = floatingEnds(a, b);
    const text = edge.data?.label;
    const p: PlacedEdge = { edge, ends };
    if (text !== undefined && text !== '') {
      const width = textWidth(text, LABEL.size) + 2 * LABEL.padX;
      const height = LABEL.size * 1.3 + 2 * LABEL.padY;
      const label = placeLabel(ends, width, height, taken);
      taken.add(label);
      p.label = label;
    }
    placed.push(p);
  }
  return placed;
}

/** The line of an edge (canvas.css `.vpcsim-edge--*`). */
export function drawEdgeLine(p: PlacedEdge): string {
  const d = p.edge.data;
  const kind = d?.kind ?? 'route';
  const blackhole = d?.blackhole === true;
  const [sx, sy, tx, ty] = p.ends;
  // A zero-length line has no direction: its arrowhead would point anywhere.
  if (sx === tx && sy === ty) return '';
  const link = kind === 'peering' || kind === 'attachment' || kind === 'tgwPeering';
  const stroke = blackhole ? COLOR.error : link ? COLOR.network : kind === 'internet' ? COLOR.region : COLOR.edge;
  const arrow = kind === 'route' || kind === 'internet' ? (blackhole ? ARROW_BLACKHOLE : ARROW) : undefined;
  const dash = blackhole ? '6 4' : d?.inactive === true ? '8 5' : undefined;
  return el('path', {
    class: `vpcsim-edge vpcsim-edge--${kind}${blackhole ? ' vpcsim-edge--blackhole' : ''}`,
    'data-id': p.edge.id,
    d: `M${num(sx)},${num(sy)} L${num(tx)},${num(ty)}`,
    fill: 'none',
    stroke,
    'stroke-width': link ? 2.5 : 1.5,
    'stroke-dasharray': dash,
    'marker-end': arrow === undefined ? undefined : `url(#${arrow})`,
  });
}

/** The label of an edge on its white ground, red for a blackhole. */
export function drawEdgeLabel(p: PlacedEdge): string {
  const text = p.edge.data?.label;
  if (p.label === undefined || text === undefined) return '';
  const r = p.label;
  return (
    el('rect', { x: r.x, y: r.y, width: r.width, height: r.height, rx: 3, fill: COLOR.white, 'fill-opacity': 0.9 }) +
    textLine(r.x + r.width / 2, r.y + r.height / 2, text, {
      size: LABEL.size,
      fill: p.edge.data?.blackhole === true ? COLOR.error : COLOR.ink,
      anchor: 'middle',
    })
  );
}
