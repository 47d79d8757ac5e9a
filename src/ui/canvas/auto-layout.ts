// Layout entries for a whole document: `fallbackLayout` (pure, the grid to-flow uses where entries
// are missing) and `autoLayout` (elkjs, loaded lazily, arranges VPCs, transit gateways and peerings
// inside each region and the regions on the canvas; the inside of a VPC keeps the deterministic grid).
import type { Document, Layout } from '../../model/index.ts';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import { INSETS } from './geometry.ts';
import { placeTree, type Placement } from './placement.ts';
import { buildEdges } from './to-flow.ts';
import { buildCanvasTree, INTERNET_ID, type CanvasItem, type CanvasTree } from './tree.ts';

export interface AutoLayoutOptions {
  /** Keep every existing entry and add entries only for the keys that have none. */
  onlyMissing: boolean;
}

function entryOf(place: Placement, dx = 0, dy = 0): Layout[string] {
  return {
    x: Math.round(place.x + dx),
    y: Math.round(place.y + dy),
    width: Math.round(place.width),
    height: Math.round(place.height),
  };
}

/**
 * Entries for every node key, exactly where to-flow draws them now (the layout's own entries, the
 * fallback grid for the rest). Containers derived by the compatibility rule get entries too, and
 * their children's entries are then relative to them, so the result needs no compatibility rule.
 */
export function fallbackLayout(doc: Document): Layout {
  const tree = buildCanvasTree(doc);
  const places = placeTree(tree, doc.layout);
  const layout: Layout = {};
  for (const item of tree.ordered) {
    const place = places.get(item.id);
    if (place) layout[item.id] = entryOf(place);
  }
  return layout;
}

/** `[top=..,left=..,bottom=..,right=..]` for elk. */
function padding(p: { top: number; left: number; bottom: number; right: number }): string {
  return `[top=${p.top},left=${p.left},bottom=${p.bottom},right=${p.right}]`;
}

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  // Each container is laid out on its own: elk's INCLUDE_CHILDREN ignores the direction of nested
  // containers, and regions must read left to right while the canvas reads top to bottom.
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.padding': padding({ top: 40, left: 40, bottom: 40, right: 40 }),
  'elk.spacing.nodeNode': '80',
  'elk.layered.spacing.nodeNodeBetweenLayers': '100',
};

const REGION_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.padding': padding(INSETS.region),
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
};

/** The child of `ancestor` (undefined = the canvas) on the way up from `item`. */
function chain(tree: CanvasTree, id: string): string[] {
  const ids: string[] = [];
  let item: CanvasItem | undefined = tree.byId.get(id);
  while (item) {
    ids.unshift(item.id);
    item = item.parentId === undefined ? undefined : tree.byId.get(item.parentId);
  }
  return ids;
}

/**
 * Lifts every edge to the pair of siblings it joins (a subnet -> transit gateway route becomes
 * VPC -> transit gateway inside the region), grouped by their common container ('' = canvas).
 */
function liftedEdges(doc: Document, tree: CanvasTree): Map<string, [string, string][]> {
  const byContainer = new Map<string, [string, string][]>();
  const seen = new Set<string>();
  for (const e of buildEdges(doc, tree)) {
    const a = chain(tree, e.source);
    const b = chain(tree, e.target);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    const from = a[i];
    const to = b[i];
    if (from === undefined || to === undefined) continue;
    const container = i === 0 ? '' : (a[i - 1] ?? '');
    // On the canvas the internet sits above what reaches it.
    const pair: [string, string] = to === INTERNET_ID ? [to, from] : [from, to];
    const key = `${container}\u0000${pair[0]}\u0000${pair[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let list = byContainer.get(container);
    if (list === undefined) byContainer.set(container, (list = []));
    list.push(pair);
  }
  return byContainer;
}

function elkEdges(pairs: readonly [string, string][] | undefined): ElkExtendedEdge[] {
  return (pairs ?? []).map(([s, t], i) => ({ id: `e${i}:${s}->${t}`, sources: [s], targets: [t] }));
}

/**
 * Layout entries for every node key (docs/editor.md layout convention). Without `onlyMissing` the
 * whole canvas is arranged: the grid inside each VPC, elk for each region and for the canvas. With
 * `onlyMissing`, existing entries are kept as they are; a region whose every child lacks an entry is
 * arranged by elk (and the canvas too when nothing on it has an entry), the rest of the missing keys
 * get the fallback grid. Containers derived by the compatibility rule stay without an entry (giving
 * them one would change the meaning of their children's entries), and entries written under them
 * are in their parent's frame, as the rule reads them.
 */
export async function autoLayout(doc: Document, opts: AutoLayoutOptions): Promise<Layout> {
  const tree = buildCanvasTree(doc);
  const base: Layout = opts.onlyMissing ? (doc.layout ?? {}) : {};
  const has = (id: string) => Object.hasOwn(base, id);
  const places = placeTree(tree, base);

  const regions = tree.roots.filter((r) => r.kind === 'region');
  const arranged = regions.filter(
    (r) => !has(r.id) && !places.get(r.id)?.derived && r.children.every((c) => !has(c.id)),
  );
  const arrangeCanvas = tree.roots.every((r) => !has(r.id) && !places.get(r.id)?.derived);

  if (arranged.length > 0 || arrangeCanvas) {
    const edges = liftedEdges(doc, tree);
    const size = (id: string) => {
      const p = places.get(id);
      return { width: p?.width ?? 0, height: p?.height ?? 0 };
    };
    const regionNode = (r: CanvasItem): ElkNode => ({
      id: r.id,
      layoutOptions: REGION_OPTIONS,
      children: r.children.map((c) => ({ id: c.id, ...size(c.id) })),
      edges: elkEdges(edges.get(r.id)),
    });
    const rootChildren: ElkNode[] = (arrangeCanvas ? tree.roots : arranged).map((r) =>
      arranged.includes(r) ? regionNode(r) : { id: r.id, ...size(r.id) },
    );
    const graph: ElkNode = {
      id: 'root',
      layoutOptions: ROOT_OPTIONS,
      children: rootChildren,
      edges: arrangeCanvas ? elkEdges(edges.get('')) : [],
    };
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    const result = await new ELK().layout(graph);
    for (const node of result.children ?? []) {
      const place = places.get(node.id);
      if (place === undefined) continue;
      if (arrangeCanvas) {
        place.x = node.x ?? place.x;
        place.y = node.y ?? place.y;
      }
      if (node.children === undefined) continue;
      place.width = node.width ?? place.width;
      place.height = node.height ?? place.height;
      for (const child of node.children) {
        const p = places.get(child.id);
        if (p === undefined) continue;
        p.x = child.x ?? p.x;
        p.y = child.y ?? p.y;
      }
    }
  }

  const layout: Layout = { ...base };
  for (const item of tree.ordered) {
    if (has(item.id)) continue;
    const place = places.get(item.id);
    if (place === undefined || place.derived) continue;
    // Under a derived container, entries are read in the container's parent's frame.
    const parent = item.parentId === undefined ? undefined : places.get(item.parentId);
    const shift = parent?.derived === true ? parent : undefined;
    layout[item.id] = entryOf(place, shift?.x ?? 0, shift?.y ?? 0);
  }
  return layout;
}
