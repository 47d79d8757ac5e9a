// Small drawing pieces shared by the node and title drawers: a line of text, a pill (the canvas's
// tags, subnet kinds and blackhole marks), diagnostic count badges, and a header row that fits its
// items into a width the way the canvas's flex header does (ellipsis, least important dropped).
import { COLOR } from './theme.ts';
import { textWidth, truncate } from './text.ts';
import { el, escapeXml } from './xml.ts';

export interface TextStyle {
  size: number;
  bold?: boolean;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** Distance from a line's vertical centre to its baseline, as a share of the font size (Arial caps). */
const CENTRE_TO_BASELINE = 0.35;

/** One line of text, vertically centred on `cy`. */
export function textLine(x: number, cy: number, text: string, style: TextStyle): string {
  return el(
    'text',
    {
      x,
      y: cy + style.size * CENTRE_TO_BASELINE,
      'font-size': style.size,
      'font-weight': style.bold === true ? 'bold' : undefined,
      fill: style.fill,
      'text-anchor': style.anchor === undefined || style.anchor === 'start' ? undefined : style.anchor,
    },
    escapeXml(text),
  );
}

export interface Pill {
  text: string;
  size: number;
  fill: string;
  textFill: string;
  padX: number;
  radius: number;
  height: number;
  /** A class on the pill's shape, so tests and style sheets can find it. */
  cls?: string;
}

export function pillWidth(p: Pill): number {
  return textWidth(p.text, p.size, true) + 2 * p.padX;
}

/** A rounded label with bold text, its left edge at `x`, centred on `cy`. */
export function drawPill(x: number, cy: number, p: Pill): string {
  const w = pillWidth(p);
  return (
    el('rect', { class: p.cls, x, y: cy - p.height / 2, width: w, height: p.height, rx: p.radius, fill: p.fill }) +
    textLine(x + p.padX, cy, p.text, { size: p.size, bold: true, fill: p.textFill })
  );
}

const BADGE = { size: 10, height: 16, gap: 3 } as const;

function badgePills(errors: number, warnings: number): Pill[] {
  const pills: Pill[] = [];
  const base = { size: BADGE.size, padX: 4, radius: 8, height: BADGE.height };
  if (errors > 0) {
    pills.push({ ...base, text: String(errors), fill: COLOR.error, textFill: COLOR.white, cls: 'vpcsim-badge--error' });
  }
  if (warnings > 0) {
    const cls = 'vpcsim-badge--warning';
    pills.push({ ...base, text: String(warnings), fill: COLOR.warning, textFill: COLOR.ink, cls });
  }
  return pills;
}

/** Width of the error and warning count badges (0 when there are none). */
export function badgesWidth(errors: number, warnings: number): number {
  let w = 0;
  for (const p of badgePills(errors, warnings)) w += Math.max(BADGE.height, pillWidth(p)) + BADGE.gap;
  return w > 0 ? w - BADGE.gap : 0;
}

/** Count badges (red errors, amber warnings) ending at `right`, centred on `cy`. */
export function drawBadges(right: number, cy: number, errors: number, warnings: number): string {
  let x = right - badgesWidth(errors, warnings);
  let out = '';
  for (const p of badgePills(errors, warnings)) {
    const w = Math.max(BADGE.height, pillWidth(p));
    out += el('rect', {
      class: p.cls,
      x,
      y: cy - p.height / 2,
      width: w,
      height: p.height,
      rx: p.radius,
      fill: p.fill,
    });
    out += textLine(x + w / 2, cy, p.text, { size: p.size, bold: true, fill: p.textFill, anchor: 'middle' });
    x += w + BADGE.gap;
  }
  return out;
}

/** One item of a header row: plain text, or a pill (whose text takes its size and colour) when `pill` is set. */
export interface RowItem {
  text: string;
  style: TextStyle;
  pill?: Omit<Pill, 'text'>;
  /** Lower is kept first when the row is too narrow. */
  priority: number;
  /** The most of the row's width this item may take (the title leaves room for the facts after it). */
  maxShare?: number;
}

const ROW_GAP = 6;
/** An item cut narrower than this says nothing; it is dropped instead. */
const MIN_ITEM = 28;

function itemWidth(item: RowItem, text: string): number {
  return item.pill ? pillWidth({ ...item.pill, text }) : textWidth(text, item.style.size, item.style.bold);
}

/** A row item drawn as a pill: white (or `textFill`) bold text on `fill`. */
export function pillItem(
  text: string,
  fill: string,
  priority: number,
  shape: Partial<Omit<Pill, 'text'>> = {},
): RowItem {
  const pill = { size: 10, fill, textFill: COLOR.white, padX: 6, radius: 8, height: 15, ...shape };
  return { text, style: { size: pill.size, bold: true, fill: pill.textFill }, pill, priority };
}

/** Natural width of a row: every item whole, with the gaps between them. */
export function rowWidth(items: readonly RowItem[]): number {
  let w = 0;
  for (const item of items) w += itemWidth(item, item.text) + ROW_GAP;
  return items.length > 0 ? w - ROW_GAP : 0;
}

/** Cuts `item`'s text to fit `width`, or undefined when too little of it would remain. */
function fitText(item: RowItem, width: number): string | undefined {
  if (width < MIN_ITEM) return undefined;
  const inner = item.pill ? width - 2 * item.pill.padX : width;
  const text = item.pill
    ? truncate(item.text, inner, item.pill.size, true)
    : truncate(item.text, inner, item.style.size, item.style.bold);
  return text === '' || text === '\u2026' ? undefined : text;
}

/** Lays `items` out left to right from `x`, centred on `cy`, within `width`. */
export function drawRow(x: number, cy: number, width: number, items: readonly RowItem[]): string {
  const chosen = new Map<RowItem, string>();
  let remaining = width;
  const byPriority = [...items].sort((a, b) => a.priority - b.priority);
  // What the items after this one would take at full width: a capped item may still use what they leave.
  let rest = 0;
  for (const item of items) rest += itemWidth(item, item.text) + ROW_GAP;
  for (const item of byPriority) {
    rest -= itemWidth(item, item.text) + ROW_GAP;
    const room = Math.min(remaining, Math.max((item.maxShare ?? 1) * width, remaining - rest));
    const text = fitText(item, room);
    if (text === undefined) continue;
    chosen.set(item, text);
    remaining -= itemWidth(item, text) + ROW_GAP;
  }
  let out = '';
  let at = x;
  for (const item of items) {
    const text = chosen.get(item);
    if (text === undefined) continue;
    out += item.pill
      ? drawPill(at, cy, { ...item.pill, text })
      : textLine(at, cy, text, { ...item.style, anchor: 'start' });
    at += itemWidth(item, text) + ROW_GAP;
  }
  return out;
}
