// Where every box of the canvas tree goes: layout entries where they exist, a deterministic fallback
// grid where they do not, and containers grown to fit their children. Pure and linear in the tree.
//
// Compatibility rule (derived containers). An AZ band or a region has a layout key of its own, but
// documents written before those containers existed place subnets relative to their VPC and VPCs
// relative to the canvas. So: when a band (or region) has no layout entry and at least one of its
// children has one, the children's entries are read in the frame of the band's parent (the VPC; for
// a region, the canvas), and the band is derived from them: its box is their bounding box plus the
// band's padding. Children without entries are placed inside it by the fallback grid. The canvas
// writes positions back in the same frame (move.ts, drop.ts), so such a band keeps following its
// subnets until it gets an entry of its own (auto-layout, or resizing it). Bands without entries
// inside one VPC share their top and bottom, so they read as availability-zone columns.
import type { Layout } from '../../model/index.ts';
import {
  EDGE_GATEWAY_START_X,
  GAP,
  INSETS,
  MIN_SIZE,
  defaultLeafSize,
  isContainerKind,
  isEdgeGatewayKind,
  type ContainerKind,
} from './geometry.ts';
import type { CanvasItem, CanvasTree } from './tree.ts';

/** A box's place: relative to its parent node (absolute for root boxes). */
export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The layout had an entry for this key. */
  fromLayout: boolean;
  /** A container derived from its children (compatibility rule above). */
  derived: boolean;
  /** Containers: the children's extent plus padding, the smallest size a resize may give. */
  contentWidth: number;
  contentHeight: number;
}

interface Box {
  item: CanvasItem;
  width: number;
  height: number;
  at: { x: number; y: number } | undefined;
  fromLayout: boolean;
  derived: boolean;
  contentWidth: number;
  contentHeight: number;
}

const CANVAS_ORIGIN = 40;

/** Lays `boxes` out left to right in rows of `cols`, from (x0, y0). */
function flow(boxes: readonly Box[], x0: number, y0: number, cols: number, gapX: number, gapY: number): void {
  let x = x0;
  let y = y0;
  let col = 0;
  let rowHeight = 0;
  for (const b of boxes) {
    if (col === cols) {
      x = x0;
      y += rowHeight + gapY;
      col = 0;
      rowHeight = 0;
    }
    b.at = { x, y };
    x += b.width + gapX;
    rowHeight = Math.max(rowHeight, b.height);
    col++;
  }
}

function right(boxes: readonly Box[]): number {
  let r = -Infinity;
  for (const b of boxes) if (b.at) r = Math.max(r, b.at.x + b.width);
  return r;
}

function bottom(boxes: readonly Box[]): number {
  let r = -Infinity;
  for (const b of boxes) if (b.at) r = Math.max(r, b.at.y + b.height);
  return r;
}

function top(boxes: readonly Box[]): number {
  let r = Infinity;
  for (const b of boxes) if (b.at) r = Math.min(r, b.at.y);
  return r;
}

function left(boxes: readonly Box[]): number {
  let r = Infinity;
  for (const b of boxes) if (b.at) r = Math.min(r, b.at.x);
  return r;
}

/** Resolves the place of every box of the tree. */
export function placeTree(tree: CanvasTree, layout: Layout | undefined): Map<string, Placement> {
  const out = new Map<string, Placement>();
  const entryOf = (id: string) => (layout !== undefined && Object.hasOwn(layout, id) ? layout[id] : undefined);

  const record = (b: Box): void => {
    const at = b.at ?? { x: 0, y: 0 };
    out.set(b.item.id, {
      x: at.x,
      y: at.y,
      width: b.width,
      height: b.height,
      fromLayout: b.fromLayout,
      derived: b.derived,
      contentWidth: b.contentWidth,
      contentHeight: b.contentHeight,
    });
  };

  /** Moves the recorded children of a box by (dx, dy) in its frame. */
  const shiftChildren = (item: CanvasItem, dx: number, dy: number): void => {
    for (const c of item.children) {
      const p = out.get(c.id);
      if (p) {
        p.x += dx;
        p.y += dy;
      }
    }
  };

  const placeMissing = (kind: ContainerKind, kids: Box[]): void => {
    const insets = INSETS[kind];
    const missing = (list: Box[]) => list.filter((b) => b.at === undefined);
    switch (kind) {
      case 'subnet': {
        const y0 = kids.some((b) => b.at) ? bottom(kids) + 16 : insets.top;
        flow(missing(kids), insets.left, y0, 2, GAP.leaf, 16);
        return;
      }
      case 'azBand': {
        const y0 = kids.some((b) => b.at) ? bottom(kids) + GAP.subnet : insets.top;
        flow(missing(kids), insets.left, y0, 1, 0, GAP.subnet);
        return;
      }
      case 'vpc': {
        const bands = kids.filter((b) => b.item.kind === 'azBand');
        const gateways = kids.filter((b) => isEdgeGatewayKind(b.item.kind));
        const x0 = bands.some((b) => b.at) ? right(bands) + GAP.band : insets.left;
        flow(missing(bands), x0, insets.top, Infinity, GAP.band, 0);
        const g0 = gateways.some((b) => b.at) ? right(gateways) + GAP.gateway : EDGE_GATEWAY_START_X;
        const lost = missing(gateways);
        flow(lost, g0, 0, Infinity, GAP.gateway, 0);
        // On the top edge: centred on the VPC's border.
        for (const b of lost) if (b.at) b.at.y = -b.height / 2;
        return;
      }
      case 'region': {
        const vpcs = kids.filter((b) => b.item.kind === 'vpc');
        const connectors = kids.filter((b) => b.item.kind !== 'vpc');
        const x0 = vpcs.some((b) => b.at) ? right(vpcs) + GAP.vpc : insets.left;
        const y0 = vpcs.some((b) => b.at) ? top(vpcs) : insets.top;
        // Roughly square: a region of many VPCs wraps them into rows.
        const lost = missing(vpcs);
        flow(lost, x0, y0, Math.max(3, Math.ceil(Math.sqrt(lost.length))), GAP.vpc, GAP.vpc / 2);
        const below = kids.some((b) => b.at) ? bottom(kids) + 60 : insets.top;
        const free = missing(connectors);
        flow(free, insets.left, below, Math.max(6, 2 * Math.ceil(Math.sqrt(free.length))), GAP.connector, 24);
        return;
      }
    }
  };

  /** Bands without entries in one VPC share a top and a bottom: they read as AZ columns. */
  const alignBands = (kids: Box[]): void => {
    const loose = kids.filter((b) => b.item.kind === 'azBand' && !b.fromLayout && b.at);
    if (loose.length < 2) return;
    const t = top(loose);
    const bot = bottom(loose);
    for (const b of loose) {
      const at = b.at;
      if (at === undefined) continue;
      // The band's children are relative to it: moving its top up moves them down by as much.
      const shift = at.y - t;
      shiftChildren(b.item, 0, shift);
      at.y = t;
      b.height = bot - t;
      b.contentHeight += shift;
    }
  };

  const placeItem = (item: CanvasItem): Box => {
    const entry = entryOf(item.id);
    const kind = item.kind;
    if (!isContainerKind(kind)) {
      const size = defaultLeafSize(kind);
      return {
        item,
        width: entry?.width ?? size.width,
        height: entry?.height ?? size.height,
        at: entry ? { x: entry.x, y: entry.y } : undefined,
        fromLayout: entry !== undefined,
        derived: false,
        contentWidth: 0,
        contentHeight: 0,
      };
    }
    const kids = item.children.map(placeItem);
    const insets = INSETS[kind];
    let derivedAt: { x: number; y: number } | undefined;
    if (entry === undefined && (kind === 'azBand' || kind === 'region') && kids.some((b) => b.at)) {
      // Compatibility rule: the children's entries are in the parent's frame.
      derivedAt = { x: left(kids) - insets.left, y: top(kids) - insets.top };
      for (const b of kids) {
        if (b.at) b.at = { x: b.at.x - derivedAt.x, y: b.at.y - derivedAt.y };
      }
    }
    placeMissing(kind, kids);
    for (const b of kids) record(b);
    if (kind === 'vpc') {
      alignBands(kids);
      for (const b of kids) if (b.item.kind === 'azBand') record(b);
    }
    const contentWidth = kids.length > 0 ? right(kids) + insets.right : insets.left + insets.right;
    const contentHeight = kids.length > 0 ? bottom(kids) + insets.bottom : insets.top + insets.bottom;
    const min = MIN_SIZE[kind];
    return {
      item,
      width: Math.max(entry?.width ?? (derivedAt ? 0 : min.width), contentWidth),
      height: Math.max(entry?.height ?? (derivedAt ? 0 : min.height), contentHeight),
      at: entry ? { x: entry.x, y: entry.y } : derivedAt,
      fromLayout: entry !== undefined,
      derived: derivedAt !== undefined,
      contentWidth,
      contentHeight,
    };
  };

  const roots = tree.roots.map(placeItem);
  const regions = roots.filter((b) => b.item.kind === 'region');
  const internet = roots.filter((b) => b.item.kind === 'internet');
  const hosts = roots.filter((b) => b.item.kind === 'externalHost');
  const others = roots.filter((b) => !regions.includes(b) && !internet.includes(b) && !hosts.includes(b));

  const regionsRight = regions.some((b) => b.at) ? right(regions) + GAP.region : CANVAS_ORIGIN;
  const regionsTop = regions.some((b) => b.at) ? top(regions) : CANVAS_ORIGIN;
  flow(
    regions.filter((b) => !b.at),
    regionsRight,
    regionsTop,
    Infinity,
    GAP.region,
    0,
  );
  const spanLeft = regions.length > 0 ? left(regions) : CANVAS_ORIGIN;
  const spanRight = regions.length > 0 ? right(regions) : CANVAS_ORIGIN;
  const spanTop = regions.length > 0 ? top(regions) : CANVAS_ORIGIN;
  for (const b of internet) {
    if (b.at) continue;
    b.at = { x: Math.round((spanLeft + spanRight) / 2 - b.width / 2), y: spanTop - 120 - b.height };
  }
  const placedHosts = hosts.filter((b) => b.at);
  flow(
    hosts.filter((b) => !b.at),
    placedHosts.length > 0 ? left(placedHosts) : spanRight + 60,
    placedHosts.length > 0 ? bottom(placedHosts) + 16 : spanTop,
    1,
    0,
    16,
  );
  const placedSoFar = roots.filter((b) => b.at);
  flow(
    others.filter((b) => !b.at),
    CANVAS_ORIGIN,
    (placedSoFar.length > 0 ? bottom(placedSoFar) : CANVAS_ORIGIN) + 60,
    Infinity,
    GAP.leaf,
    0,
  );
  for (const b of roots) record(b);
  return out;
}
