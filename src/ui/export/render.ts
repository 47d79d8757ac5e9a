// The whole network as a standalone SVG document: the boxes and edges the canvas shows (toFlow, so
// the same nodes, sizes and positions), a title line, and diagnostic counts. Pure: builds a string,
// no DOM, deterministic, linear in the size of the document.
import type { Diagnostic, Document } from '../../model/index.ts';
import { isContainerKind } from '../canvas/geometry.ts';
import { toFlow } from '../canvas/to-flow.ts';
import { drawEdgeLabel, drawEdgeLine, edgeDefs, placeEdges } from './edges.ts';
import { RectGrid } from './grid.ts';
import { drawContainer, drawLeaf } from './nodes.ts';
import { badgesWidth, drawRow, pillItem, rowWidth, textLine, type RowItem } from './parts.ts';
import { absoluteRects, extend, type Rect } from './scene.ts';
import { COLOR, FONT_FAMILY } from './theme.ts';
import { attrs, el, escapeXml, num } from './xml.ts';

/** How `renderNetworkSvg` draws a network. */
export interface SvgExportOptions {
  /** Diagnostics to show: count badges on the boxes they name, and totals in the title line. */
  diagnostics?: readonly Diagnostic[];
  /** The title line; defaults to the document's `meta.title`, else "Network". */
  title?: string;
  /** Margin around the picture, in SVG units (default 24). */
  padding?: number;
  /** Only the light theme exists; the option keeps the call sites stable if a dark one comes. */
  theme?: 'light';
}

const TITLE = { height: 44, size: 16, centre: 14 } as const;
const MAX_TITLE_WIDTH = 1200;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 VPCs · 4 subnets · 6 instances`: what the picture holds, at a glance. */
function summary(doc: Document): string {
  const t = doc.topology;
  const parts = [plural(t.vpcs?.length ?? 0, 'VPC'), plural(t.subnets?.length ?? 0, 'subnet')];
  const instances = t.instances?.length ?? 0;
  if (instances > 0) parts.push(plural(instances, 'instance'));
  return parts.join(' · ');
}

/** The title row items: the title, the summary, and the diagnostic totals as pills. */
function titleItems(title: string, doc: Document, diagnostics: readonly Diagnostic[]): RowItem[] {
  const items: RowItem[] = [{ text: title, style: { size: TITLE.size, bold: true, fill: COLOR.ink }, priority: 0 }];
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'warning') warnings++;
    else errors++;
  }
  if (errors > 0) {
    const shape = { size: 11, height: 18, radius: 9, cls: 'vpcsim-total--error' };
    items.push(pillItem(plural(errors, 'error'), COLOR.error, 1, shape));
  }
  if (warnings > 0) {
    const shape = { size: 11, height: 18, radius: 9, textFill: COLOR.ink, cls: 'vpcsim-total--warning' };
    items.push(pillItem(plural(warnings, 'warning'), COLOR.warning, 1, shape));
  }
  items.push({ text: summary(doc), style: { size: 12, fill: COLOR.muted }, priority: 2 });
  return items;
}

const EMPTY: Rect = { x: 0, y: 0, width: 440, height: 120 };

/** The picture of a network without boxes: a dashed frame saying so. */
function emptyContent(): string {
  return (
    el('rect', {
      x: 0.75,
      y: 0.75,
      width: EMPTY.width - 1.5,
      height: EMPTY.height - 1.5,
      rx: 8,
      fill: 'none',
      stroke: '#aab4c0',
      'stroke-width': 1.5,
      'stroke-dasharray': '6 4',
    }) +
    textLine(EMPTY.width / 2, EMPTY.height / 2 - 9, 'This network is empty.', {
      size: 14,
      bold: true,
      fill: COLOR.ink,
      anchor: 'middle',
    }) +
    textLine(EMPTY.width / 2, EMPTY.height / 2 + 13, 'It has no VPCs, gateways or hosts to draw.', {
      size: 12,
      fill: COLOR.muted,
      anchor: 'middle',
    })
  );
}

/**
 * The whole network as a standalone SVG document string: `width`, `height` and `viewBox` set, fonts
 * named with a generic fallback, colours inline, no external references. Containers are rounded boxes
 * coloured by kind (subnets by what their routes make them), leaves show their kind, name and
 * addresses, edges run between box borders with arrowheads on routes and blackholes in dashed red.
 * Pure and deterministic: the same document and options give the same string.
 */
export function renderNetworkSvg(document: Document, options: SvgExportOptions = {}): string {
  const diagnostics = options.diagnostics ?? [];
  const padding = Number.isFinite(options.padding) ? Math.max(0, options.padding ?? 0) : 24;
  const title = options.title ?? document.meta?.title ?? 'Network';
  const { nodes, edges } = toFlow(document, { diagnostics, selection: [] });
  const rects = absoluteRects(nodes);

  let bounds: Rect | undefined;
  const frames: string[] = [];
  const headers: string[] = [];
  const leaves: string[] = [];
  // What edge labels must not cover: container headers and leaves (then each placed label).
  const taken = new RectGrid();
  for (const n of nodes) {
    const r = rects.get(n.id);
    if (r === undefined) continue;
    bounds = extend(bounds, r);
    if (isContainerKind(n.data.kind)) {
      const parts = drawContainer(n, r);
      frames.push(parts.frame);
      headers.push(parts.header);
      taken.add(parts.headerRect);
      continue;
    }
    leaves.push(drawLeaf(n, r));
    taken.add(r);
    const badges = badgesWidth(n.data.errors, n.data.warnings);
    // A leaf's badges stick out of its top-right corner.
    if (badges > 0) bounds = extend(bounds, { x: r.x + r.width + 6 - badges, y: r.y - 8, width: badges, height: 16 });
  }
  const placed = placeEdges(edges, rects, taken);
  for (const p of placed) if (p.label !== undefined) bounds = extend(bounds, p.label);

  const content = bounds ?? EMPTY;
  const items = titleItems(title, document, diagnostics);
  const titleWidth = Math.min(rowWidth(items), MAX_TITLE_WIDTH);
  const width = Math.ceil(Math.max(content.width, titleWidth) + 2 * padding);
  const height = Math.ceil(content.height + TITLE.height + 2 * padding);
  const body =
    bounds === undefined
      ? emptyContent()
      : // Edges above the containers' frames and below their headers and the leaves; labels on top.
        [...frames, ...placed.map(drawEdgeLine), ...headers, ...leaves, ...placed.map(drawEdgeLabel)].join('\n');

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      'font-family': FONT_FAMILY,
      role: 'img',
      'aria-label': title,
    })}>`,
    el('title', {}, escapeXml(title)),
    el('defs', {}, edgeDefs()),
    el('rect', { x: 0, y: 0, width, height, fill: COLOR.page }),
    el('g', { class: 'vpcsim-title' }, drawRow(padding, padding + TITLE.centre, width - 2 * padding, items)),
    el(
      'g',
      { transform: `translate(${num(padding - content.x)} ${num(padding + TITLE.height - content.y)})` },
      `\n${body}\n`,
    ),
    '</svg>',
    '',
  ].join('\n');
}
