// Text fitting for the SVG export. SVG has no text-overflow, and a pure function cannot measure a
// font, so widths are estimated from Arial's advance widths (the export names Arial first, and
// Helvetica and Liberation Sans share its metrics) with a small margin for wider fallbacks.
import { cleanText } from './xml.ts';

/** Arial advance widths of U+0020..U+007E, in thousandths of an em. */
const ARIAL: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Arial Bold advance widths of U+0020..U+007E, in thousandths of an em. */
const ARIAL_BOLD: readonly number[] = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];

/** A little room for fallback fonts slightly wider than Arial. */
const MARGIN = 1.02;

/** Advance width of one code point, in ems. */
function advance(code: number, bold: boolean): number {
  if (code >= 0x20 && code <= 0x7e) return ((bold ? ARIAL_BOLD : ARIAL)[code - 0x20] ?? 556) / 1000;
  // Wide scripts (CJK, Hangul, fullwidth forms), emoji and the replacement character take a full
  // em; other letters about an average one.
  if ((code >= 0x2e80 && code <= 0xffdc) || code === 0xfffd || code > 0xffff) return 1;
  return 0.6;
}

/** Estimated width of `text` in pixels at `size`. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of cleanText(text)) em += advance(ch.codePointAt(0) ?? 0x20, bold);
  return em * size * MARGIN;
}

const ELLIPSIS = '\u2026';

/** `text`, cut to fit `width` with an ellipsis (by code points: a surrogate pair is never split). */
export function truncate(raw: string, width: number, size: number, bold = false): string {
  // Measured as drawn: control characters become U+FFFD when escaped.
  const text = cleanText(raw);
  if (textWidth(text, size, bold) <= width) return text;
  const limit = width - textWidth(ELLIPSIS, size, bold);
  if (limit <= 0) return '';
  let used = 0;
  let out = '';
  for (const ch of text) {
    const w = advance(ch.codePointAt(0) ?? 0x20, bold) * size * MARGIN;
    if (used + w > limit) break;
    used += w;
    out += ch;
  }
  return out.trimEnd() + ELLIPSIS;
}

/**
 * `text` on at most `maxLines` lines of `width`: breaks after a space, hyphen, dot or slash when one
 * is close enough, anywhere otherwise (ids rarely have spaces); the last line is truncated.
 */
export function wrap(text: string, width: number, size: number, maxLines: number, bold = false): string[] {
  const lines: string[] = [];
  let rest = cleanText(text);
  while (rest.length > 0 && lines.length < maxLines - 1 && textWidth(rest, size, bold) > width) {
    const chars = Array.from(rest);
    let fit = 0;
    let used = 0;
    for (const ch of chars) {
      const w = advance(ch.codePointAt(0) ?? 0x20, bold) * size * MARGIN;
      if (used + w > width) break;
      used += w;
      fit++;
    }
    if (fit === 0) break;
    let cut = fit;
    for (let i = fit; i > fit / 2; i--) {
      if (/[\s\-./_:]/.test(chars[i - 1] ?? '')) {
        cut = i;
        break;
      }
    }
    lines.push(chars.slice(0, cut).join('').trimEnd());
    rest = chars.slice(cut).join('').trimStart();
  }
  if (rest.length > 0) lines.push(truncate(rest, width, size, bold));
  return lines;
}
