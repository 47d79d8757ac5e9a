// Where a floating edge meets its two boxes: on their borders, along the line between their centres.
// Pure; used by RouteEdge for every edge, so it allocates nothing beyond its result.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The point where the ray from `box`'s centre towards (tx, ty) leaves the box. */
function border(box: Box, tx: number, ty: number): [number, number] {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

/** `inner` lies entirely within `outer`. */
function nested(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * [sx, sy, tx, ty]: the ends of an edge from `a` to `b`. When one box lies inside the other (a
 * subnet routing to a device inside it), the edge runs between the outer box's top edge and the
 * inner box's top, so it stays visible.
 */
export function floatingEnds(a: Box, b: Box): [number, number, number, number] {
  const acx = a.x + a.width / 2;
  const acy = a.y + a.height / 2;
  const bcx = b.x + b.width / 2;
  const bcy = b.y + b.height / 2;
  if (nested(a, b)) return [bcx, a.y, bcx, b.y];
  if (nested(b, a)) return [acx, a.y, acx, b.y];
  const [sx, sy] = border(a, bcx, bcy);
  const [tx, ty] = border(b, acx, acy);
  return [sx, sy, tx, ty];
}
