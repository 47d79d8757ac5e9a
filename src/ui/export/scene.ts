// The canvas's boxes in one frame: toFlow gives positions relative to the parent, the export draws
// them absolutely. One pass, because toFlow lists every parent before its children.
import type { CanvasNode } from '../canvas/types.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A finite number, or 0: a corrupt layout entry must not put NaN into the file. */
function finite(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}

/** Absolute box of every node, keyed by node id. */
export function absoluteRects(nodes: readonly CanvasNode[]): Map<string, Rect> {
  const rects = new Map<string, Rect>();
  for (const n of nodes) {
    const parent = n.parentId === undefined ? undefined : rects.get(n.parentId);
    rects.set(n.id, {
      x: finite(n.position.x) + (parent?.x ?? 0),
      y: finite(n.position.y) + (parent?.y ?? 0),
      width: Math.max(0, finite(n.width)),
      height: Math.max(0, finite(n.height)),
    });
  }
  return rects;
}

/** Grows `bounds` to include `r`. */
export function extend(bounds: Rect | undefined, r: Rect): Rect {
  if (bounds === undefined) return { ...r };
  const x = Math.min(bounds.x, r.x);
  const y = Math.min(bounds.y, r.y);
  return {
    x,
    y,
    width: Math.max(bounds.x + bounds.width, r.x + r.width) - x,
    height: Math.max(bounds.y + bounds.height, r.y + r.height) - y,
  };
}
