// A uniform grid of rectangles, so that placing each edge label checks only the boxes near it: the
// export stays linear in the size of the network instead of comparing every label with every box.
import type { Rect } from './scene.ts';

const CELL = 200;

/** Area of the intersection of two rectangles (0 when they only touch). */
function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export class RectGrid {
  private readonly cells = new Map<string, Rect[]>();

  private keys(r: Rect): string[] {
    const keys: string[] = [];
    const x0 = Math.floor(r.x / CELL);
    const x1 = Math.floor((r.x + r.width) / CELL);
    const y0 = Math.floor(r.y / CELL);
    const y1 = Math.floor((r.y + r.height) / CELL);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) keys.push(`${cx},${cy}`);
    return keys;
  }

  add(r: Rect): void {
    for (const key of this.keys(r)) {
      const list = this.cells.get(key);
      if (list === undefined) this.cells.set(key, [r]);
      else list.push(r);
    }
  }

  /**
   * How much of `r` the rectangles in the grid cover (0: free). A rectangle in several cells counts
   * once per cell; the result ranks candidate places, it is not an exact area.
   */
  covered(r: Rect): number {
    let area = 0;
    for (const key of this.keys(r)) {
      for (const other of this.cells.get(key) ?? []) area += overlap(r, other);
    }
    return area;
  }
}
