// Floating edge ends: on the borders, along the line between the centres.
import { describe, expect, it } from 'vitest';
import { floatingEnds } from '../../../../src/ui/canvas/edge-geometry.ts';

describe('floatingEnds', () => {
  it('leaves and enters the boxes on the sides that face each other', () => {
    const a = { x: 0, y: 0, width: 100, height: 50 };
    const b = { x: 300, y: 0, width: 100, height: 50 };
    expect(floatingEnds(a, b)).toEqual([100, 25, 300, 25]);
    expect(floatingEnds(b, a)).toEqual([300, 25, 100, 25]);
  });

  it('meets a box below on its top edge', () => {
    const a = { x: 0, y: 200, width: 100, height: 50 };
    const b = { x: 0, y: 0, width: 100, height: 50 };
    expect(floatingEnds(a, b)).toEqual([50, 200, 50, 50]);
  });

  it('draws from the outer top edge to a box nested inside', () => {
    const outer = { x: 0, y: 0, width: 400, height: 200 };
    const inner = { x: 20, y: 60, width: 100, height: 40 };
    expect(floatingEnds(outer, inner)).toEqual([70, 0, 70, 60]);
    expect(floatingEnds(inner, outer)).toEqual([70, 60, 70, 0]);
  });

  it('treats overlapping boxes that are not nested like separate ones', () => {
    const a = { x: 0, y: 0, width: 200, height: 100 };
    const b = { x: 150, y: 25, width: 100, height: 50 };
    const [sx, sy, tx, ty] = floatingEnds(a, b);
    expect([sx, sy, tx, ty]).toEqual([200, 50, 150, 50]);
  });
});
