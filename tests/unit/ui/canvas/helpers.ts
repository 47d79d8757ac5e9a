// Shared by the canvas tests: the repository's scenarios, and small checks on React Flow nodes.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../../../src/model/index.ts';
import type { CanvasNode } from '../../../../src/ui/canvas/types.ts';

const dir = fileURLToPath(new URL('../../../../scenarios/', import.meta.url));

export const scenarioNames: string[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

export function scenario(name: string): Document {
  return JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as Document;
}

export function byId(nodes: readonly CanvasNode[]): Map<string, CanvasNode> {
  return new Map(nodes.map((n) => [n.id, n]));
}

export function node(nodes: readonly CanvasNode[], id: string): CanvasNode {
  const found = nodes.find((n) => n.id === id);
  if (found === undefined) throw new Error(`no node ${id}`);
  return found;
}

/** Absolute top-left corner of a node (React Flow positions are relative to the parent). */
export function absolute(nodes: readonly CanvasNode[], id: string): { x: number; y: number } {
  const map = byId(nodes);
  let n = map.get(id);
  let x = 0;
  let y = 0;
  while (n) {
    x += n.position.x;
    y += n.position.y;
    n = n.parentId === undefined ? undefined : map.get(n.parentId);
  }
  return { x, y };
}

/** Absolute centre of a node. */
export function center(nodes: readonly CanvasNode[], id: string): { x: number; y: number } {
  const n = node(nodes, id);
  const a = absolute(nodes, id);
  return { x: a.x + (n.width ?? 0) / 2, y: a.y + (n.height ?? 0) / 2 };
}

/** Two boxes overlap (touching edges do not count). */
export function overlaps(a: CanvasNode, b: CanvasNode): boolean {
  const aw = a.width ?? 0;
  const ah = a.height ?? 0;
  const bw = b.width ?? 0;
  const bh = b.height ?? 0;
  return (
    a.position.x < b.position.x + bw &&
    b.position.x < a.position.x + aw &&
    a.position.y < b.position.y + bh &&
    b.position.y < a.position.y + ah
  );
}
