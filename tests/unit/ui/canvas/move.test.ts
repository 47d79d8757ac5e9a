// The entries a drag or a resize writes: parent-relative, in the frame the document reads them in.
import { describe, expect, it } from 'vitest';
import { moveEntries } from '../../../../src/ui/canvas/move.ts';
import { toFlow } from '../../../../src/ui/canvas/to-flow.ts';
import type { CanvasNode } from '../../../../src/ui/canvas/types.ts';
import { absolute, scenario } from './helpers.ts';

const doc = scenario('public-private-nat');
const nodes = toFlow(doc, { diagnostics: [], selection: [] }).nodes;

function moved(id: string, dx: number, dy: number): CanvasNode[] {
  return nodes.map((n) => (n.id === id ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } } : n));
}

describe('moveEntries', () => {
  it('writes a plain move relative to the parent', () => {
    expect(moveEntries(moved('i-web', 10, 5), ['i-web'], 'move')).toEqual({
      'i-web': { x: 230, y: 53, width: 172, height: 48 },
    });
  });

  it('writes a subnet in a derived band in its VPC frame, so the document reads it back in place', () => {
    const next = moved('subnet-db-b', 30, 20);
    const entries = moveEntries(next, ['subnet-db-b'], 'move');
    expect(entries).toEqual({ 'subnet-db-b': { x: 490, y: 290, width: 420, height: 170 } });
    const redrawn = toFlow({ ...doc, layout: { ...doc.layout, ...entries } }, { diagnostics: [], selection: [] }).nodes;
    expect(absolute(redrawn, 'subnet-db-b')).toEqual(absolute(next, 'subnet-db-b'));
  });

  it('moves the children of a dragged derived band, which has no entry of its own', () => {
    const next = moved('vpc-main/us-east-1b', 12, 0);
    const entries = moveEntries(next, ['vpc-main/us-east-1b'], 'move');
    expect(entries).toEqual({ 'subnet-db-b': { x: 472, y: 270, width: 420, height: 170 } });
  });

  it('gives a resized container an entry and its children entries relative to it', () => {
    const next = nodes.map((n) => (n.id === 'vpc-main/us-east-1b' ? { ...n, width: 600, height: 500 } : n));
    const entries = moveEntries(next, ['vpc-main/us-east-1b'], 'resize');
    const band = next.find((n) => n.id === 'vpc-main/us-east-1b');
    const subnet = next.find((n) => n.id === 'subnet-db-b');
    expect(entries['vpc-main/us-east-1b']).toEqual({
      x: band?.position.x,
      y: band?.position.y,
      width: 600,
      height: 500,
    });
    expect(entries['subnet-db-b']).toMatchObject({ x: subnet?.position.x, y: subnet?.position.y });
  });

  it('keeps a dragged box off the top-left of a container with an entry', () => {
    expect(moveEntries(moved('i-web', -400, -100), ['i-web'], 'move')['i-web']).toMatchObject({ x: 0, y: 0 });
    // A gateway may straddle the VPC's top edge, no further.
    expect(moveEntries(moved('igw-main', 0, -200), ['igw-main'], 'move')['igw-main']).toMatchObject({ y: -24 });
  });

  it('writes a VPC in a derived region in canvas coordinates', () => {
    expect(moveEntries(moved('vpc-main', 5, 5), ['vpc-main'], 'move')['vpc-main']).toMatchObject({ x: 45, y: 45 });
  });
});
