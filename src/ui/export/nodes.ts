// The canvas's boxes as SVG: containers (region, VPC, availability-zone band, subnet) with their
// header rows, leaves (hosts and gateways) with an icon, a name and a fact line, and the internet.
// Sizes and colours follow the node components and canvas.css.
import type { CanvasNode, CanvasNodeData, CanvasNodeKind } from '../canvas/types.ts';
import { badgesWidth, drawBadges, drawRow, pillItem, textLine, type RowItem } from './parts.ts';
import type { Rect } from './scene.ts';
import { COLOR, SUBNET_COLOR } from './theme.ts';
import { textWidth, truncate, wrap } from './text.ts';
import { el, escapeXml, num } from './xml.ts';

/** The short kind label in a leaf's icon (InstanceNode and GatewayNode). */
const ICON_TAG: Partial<Record<CanvasNodeKind, string>> = {
  instance: 'EC2',
  networkInterface: 'ENI',
  endpointInterface: 'VPCE',
  externalHost: 'Host',
  internetGateway: 'IGW',
  egressOnlyInternetGateway: 'EIGW',
  natGateway: 'NAT',
  gatewayEndpoint: 'VPCE',
  transitGateway: 'TGW',
  peering: 'PCX',
};

const ICON_FILL: Partial<Record<CanvasNodeKind, string>> = {
  instance: COLOR.compute,
  networkInterface: COLOR.network,
  endpointInterface: COLOR.network,
  externalHost: COLOR.region,
};

/** Gateway-like leaves get a round icon and smaller, wrapping text (GatewayNode). */
function isGatewayKind(kind: CanvasNodeKind): boolean {
  return ICON_TAG[kind] !== undefined && ICON_FILL[kind] === undefined;
}

/** Everything a box says, untruncated: the tooltip and what a screen reader reads. */
function fullText(d: CanvasNodeData): string {
  const parts = [d.label, d.detail, d.note];
  if (d.blackholes !== undefined && d.blackholes.length > 0) parts.push(`blackhole ${d.blackholes.join(', ')}`);
  if (d.errors > 0) parts.push(`${d.errors} error${d.errors === 1 ? '' : 's'}`);
  if (d.warnings > 0) parts.push(`${d.warnings} warning${d.warnings === 1 ? '' : 's'}`);
  return parts.filter((p) => p !== undefined && p !== '').join(' · ');
}

/** The node's group: its kind as a class, its id as data, its full text as a tooltip. */
function group(node: CanvasNode, body: string, opacity?: number): string {
  return el(
    'g',
    { class: `vpcsim-node vpcsim-node--${node.data.kind}`, 'data-id': node.id, opacity },
    el('title', {}, escapeXml(fullText(node.data))) + body,
  );
}

/** A rectangle whose stroke lies inside `r`, as a CSS border does. */
function borderRect(r: Rect, stroke: number, extra: Readonly<Record<string, string | number | undefined>>): string {
  const half = stroke / 2;
  return el('rect', {
    x: r.x + half,
    y: r.y + half,
    width: Math.max(0, r.width - stroke),
    height: Math.max(0, r.height - stroke),
    'stroke-width': stroke,
    ...extra,
  });
}

const HEADER = { padX: 8, centre: 12 } as const;

function tagItem(text: string, fill: string): RowItem {
  return pillItem(text, fill, 0, { padX: 4, radius: 2, height: 14 });
}

function titleItem(text: string): RowItem {
  return { text, style: { size: 12, bold: true, fill: COLOR.ink }, priority: 1, maxShare: 0.55 };
}

function factItem(text: string, priority: number): RowItem {
  return { text, style: { size: 12, fill: COLOR.muted }, priority };
}

/** A container's header: the row of items, and the count badges at its right end. */
function header(r: Rect, d: CanvasNodeData, items: RowItem[]): string {
  const badges = badgesWidth(d.errors, d.warnings);
  const right = r.x + r.width - HEADER.padX;
  const cy = r.y + HEADER.centre;
  const width = r.width - 2 * HEADER.padX - (badges > 0 ? badges + 6 : 0);
  return drawRow(r.x + HEADER.padX, cy, width, items) + drawBadges(right, cy, d.errors, d.warnings);
}

/** A container drawn in two layers: its frame below the edges, its header above them (legible where an edge crosses it). */
export interface ContainerParts {
  frame: string;
  header: string;
  /** The header's band, which edge labels avoid. */
  headerRect: Rect;
}

const HEADER_HEIGHT = 24;

/** A region, VPC, availability-zone band or subnet. */
export function drawContainer(node: CanvasNode, r: Rect): ContainerParts {
  const d = node.data;
  const headerRect = { x: r.x, y: r.y, width: r.width, height: Math.min(r.height, HEADER_HEIGHT) };
  const parts = (frame: string, head: string): ContainerParts => ({
    frame: group(node, frame),
    header: el('g', { class: 'vpcsim-header', 'data-id': node.id }, head),
    headerRect,
  });
  switch (d.kind) {
    case 'region':
      return parts(
        borderRect(r, 2, {
          rx: 4,
          fill: COLOR.regionBg,
          'fill-opacity': 0.6,
          stroke: COLOR.region,
          'stroke-dasharray': '6 4',
        }),
        header(r, d, [tagItem('REGION', COLOR.region), titleItem(d.label)]),
      );
    case 'vpc': {
      const items = [tagItem('VPC', COLOR.vpc), titleItem(d.label)];
      if (d.detail !== undefined) items.push(factItem(d.detail, 2));
      if (d.note !== undefined) items.push(factItem(d.note, 3));
      return parts(borderRect(r, 2, { rx: 2, fill: COLOR.white, stroke: COLOR.vpc }), header(r, d, items));
    }
    case 'subnet': {
      const colour = SUBNET_COLOR[d.subnetKind ?? 'private'];
      const items = [titleItem(d.label)];
      if (d.detail !== undefined) items.push(factItem(d.detail, 3));
      if (d.note !== undefined) items.push(pillItem(d.note.toUpperCase(), colour.stroke, 0, { cls: 'vpcsim-kind' }));
      const blackholes = d.blackholes ?? [];
      if (blackholes.length > 0) {
        items.push(pillItem(`blackhole ${blackholes.join(', ')}`, COLOR.error, 2, { cls: 'vpcsim-blackhole' }));
      }
      return parts(borderRect(r, 1.5, { rx: 2, fill: colour.fill, stroke: colour.stroke }), header(r, d, items));
    }
    default:
      // An availability-zone band (the only other container kind): a dashed column with its zone.
      return {
        ...parts(
          borderRect(r, 1.5, { rx: 3, fill: 'none', stroke: COLOR.az, 'stroke-dasharray': '5 3' }),
          textLine(r.x + 8, r.y + 10, truncate(d.label, r.width - 16, 11, true), {
            size: 11,
            bold: true,
            fill: COLOR.az,
          }),
        ),
        headerRect: {
          ...headerRect,
          height: Math.min(r.height, 18),
          width: Math.min(r.width, 16 + textWidth(d.label, 11, true)),
        },
      };
  }
}

/** Badges of a leaf sit on its top-right corner, half outside (canvas.css `.vpcsim-leaf > .vpcsim-badges`). */
function leafBadges(r: Rect, d: CanvasNodeData): string {
  return drawBadges(r.x + r.width + 6, r.y, d.errors, d.warnings);
}

/** The icon: a square for hosts, a circle for gateways, with the kind label fitted inside. */
function icon(kind: CanvasNodeKind, x: number, cy: number, size: number, inactive: boolean): string {
  const tag = ICON_TAG[kind] ?? '';
  const fill = inactive ? COLOR.muted : (ICON_FILL[kind] ?? COLOR.network);
  const shape = isGatewayKind(kind)
    ? el('circle', { cx: x + size / 2, cy, r: size / 2, fill })
    : el('rect', { x, y: cy - size / 2, width: size, height: size, rx: 3, fill });
  const fontSize = Math.min(9, (size - 4) / Math.max(0.01, textWidth(tag, 1, true)));
  return shape + textLine(x + size / 2, cy, tag, { size: fontSize, bold: true, fill: COLOR.white, anchor: 'middle' });
}

/** The fact line: `detail · note`. */
function factLine(d: CanvasNodeData): string {
  return [d.detail, d.note].filter((p) => p !== undefined && p !== '').join(' · ');
}

/** A host or gateway box: icon, name (two lines for gateways) and fact line, centred vertically. */
export function drawLeaf(node: CanvasNode, r: Rect): string {
  const d = node.data;
  if (d.kind === 'internet') return drawInternet(node, r);
  const inactive = d.inactive === true;
  const gateway = isGatewayKind(d.kind);
  const pad = gateway ? 5 : 6;
  const size = Math.min(gateway ? 26 : 30, r.height - 8, r.width / 3);
  const showIcon = size >= 14;
  let out = borderRect(r, 1, {
    rx: 4,
    fill: COLOR.white,
    stroke: COLOR.leafBorder,
    'stroke-dasharray': inactive ? '4 3' : undefined,
  });
  const cy = r.y + r.height / 2;
  if (showIcon) out += icon(d.kind, r.x + pad, cy, size, inactive);
  const tx = r.x + pad + (showIcon ? size + (gateway ? 4 : 6) : 0);
  const tw = r.x + r.width - pad - tx;
  const titleSize = gateway ? 11 : 12;
  const titleLead = gateway ? 12.5 : 15.5;
  const factSize = gateway ? 10 : 11;
  const factLead = factSize * 1.3;
  const fact = factLine(d);
  // As many title lines as fit above the fact line (the canvas clamps gateway names to two).
  const room = r.height - 6 - (fact === '' ? 0 : factLead);
  const maxLines = Math.max(1, Math.min(gateway ? 2 : 1, Math.floor(room / titleLead)));
  const lines = tw > 12 ? wrap(d.label, tw, titleSize, maxLines, true) : [];
  const factText = tw > 12 && fact !== '' && r.height >= 30 ? truncate(fact, tw, factSize) : '';
  const total = lines.length * titleLead + (factText === '' ? 0 : factLead);
  let y = cy - total / 2;
  for (const line of lines) {
    out += textLine(tx, y + titleLead / 2, line, { size: titleSize, bold: true, fill: COLOR.ink });
    y += titleLead;
  }
  if (factText !== '') out += textLine(tx, y + factLead / 2, factText, { size: factSize, fill: COLOR.muted });
  return group(node, out + leafBadges(r, d), inactive ? 0.7 : undefined);
}

/** The cloud of InternetNode (a 24 × 16 path). */
const CLOUD = 'M6 15h12a5 5 0 0 0 .6-9.96A7 7 0 0 0 5.2 6.1 4.5 4.5 0 0 0 6 15z';

function drawInternet(node: CanvasNode, r: Rect): string {
  const cloudH = 18;
  const total = cloudH + 16;
  const top = r.y + (r.height - total) / 2;
  const scale = cloudH / 16;
  return group(
    node,
    borderRect(r, 1.5, { rx: Math.min(28, r.height / 2), fill: COLOR.internetBg, stroke: COLOR.region }) +
      el('path', {
        d: CLOUD,
        fill: COLOR.region,
        transform: `translate(${num(r.x + r.width / 2 - 12 * scale)} ${num(top)}) scale(${num(scale)})`,
      }) +
      textLine(r.x + r.width / 2, top + cloudH + 8, truncate(node.data.label, r.width - 12, 12, true), {
        size: 12,
        bold: true,
        fill: COLOR.ink,
        anchor: 'middle',
      }),
  );
}
