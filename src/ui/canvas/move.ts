// The layout entries a drag or a resize writes: positions relative to the parent in the frame the
// document reads them in (placement.ts compatibility rule), clamped inside their container. Pure.
import { isEdgeGatewayKind } from './geometry.ts';
import type { CanvasNode, LayoutEntries, LayoutEntry } from './types.ts';

type Lookup = ReadonlyMap<string, CanvasNode>;

/**
 * A position relative to `node`'s parent, re-expressed in the frame its layout entry is read in:
 * under a derived container (no entry of its own), that is the container's parent's frame.
 */
export function toDocumentFrame(
  byId: Lookup,
  parentId: string | undefined,
  pos: { x: number; y: number },
): { x: number; y: number } {
  let x = pos.x;
  let y = pos.y;
  let parent = parentId === undefined ? undefined : byId.get(parentId);
  while (parent && parent.data.derived) {
    x += parent.position.x;
    y += parent.position.y;
    parent = parent.parentId === undefined ? undefined : byId.get(parent.parentId);
  }
  return { x, y };
}

function sizeOf(node: CanvasNode): { width?: number; height?: number } {
  const width = node.width ?? node.measured?.width;
  const height = node.height ?? node.measured?.height;
  return {
    ...(width === undefined ? {} : { width: Math.round(width) }),
    ...(height === undefined ? {} : { height: Math.round(height) }),
  };
}

/**
 * Keeps a dragged box inside a container with an entry of its own: containers grow right and down
 * to fit (placement.ts), so only the top and left edges need a floor. Gateways may straddle the
 * VPC's top edge.
 */
function clampInParent(byId: Lookup, node: CanvasNode): { x: number; y: number } {
  const parent = node.parentId === undefined ? undefined : byId.get(node.parentId);
  if (parent === undefined || parent.data.derived) return node.position;
  const height = node.height ?? node.measured?.height ?? 0;
  const minY = isEdgeGatewayKind(node.data.kind) ? -height / 2 : 0;
  return { x: Math.max(0, node.position.x), y: Math.max(minY, node.position.y) };
}

function entry(pos: { x: number; y: number }, node: CanvasNode): LayoutEntry {
  return { x: Math.round(pos.x), y: Math.round(pos.y), ...sizeOf(node) };
}

/**
 * Entries for the nodes in `ids` after a drag (`move`) or a resize (`resize`), from the nodes as
 * React Flow holds them at that moment. A derived container that is dragged has no entry to write:
 * its children's entries move instead. A resized container gets an entry, and its children entries
 * relative to it (a resize from the top or left moves them inside it).
 */
export function moveEntries(
  nodes: readonly CanvasNode[],
  ids: readonly string[],
  mode: 'move' | 'resize',
): LayoutEntries {
  const byId = new Map<string, CanvasNode>();
  for (const n of nodes) byId.set(n.id, n);
  const childrenOf = (id: string) => nodes.filter((n) => n.parentId === id);
  const out: LayoutEntries = {};
  for (const id of ids) {
    const node = byId.get(id);
    if (node === undefined) continue;
    if (mode === 'resize') {
      out[id] = entry(toDocumentFrame(byId, node.parentId, clampInParent(byId, node)), node);
      for (const child of childrenOf(id)) out[child.id] = entry(child.position, child);
    } else if (node.data.derived) {
      for (const child of childrenOf(id)) out[child.id] = entry(toDocumentFrame(byId, id, child.position), child);
    } else {
      out[id] = entry(toDocumentFrame(byId, node.parentId, clampInParent(byId, node)), node);
    }
  }
  return out;
}
