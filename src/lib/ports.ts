/**
 * Port ranges and port sets (sorted, disjoint, non-adjacent ranges), used for the client's ephemeral
 * range on return paths, where a NACL may pass only part of it.
 */

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** Sorted, disjoint, non-adjacent ranges. The empty array is the empty set. */
export type PortSet = readonly PortRange[];

export const ALL_PORTS: PortRange = Object.freeze({ from: 0, to: 65535 });

export function portRange(from: number, to: number = from): PortRange {
  return { from, to };
}

export function portSet(from: number, to: number = from): PortSet {
  return [{ from, to }];
}

export function portSetIsEmpty(s: PortSet): boolean {
  return s.length === 0;
}

export function portSetSize(s: PortSet): number {
  let n = 0;
  for (const r of s) n += r.to - r.from + 1;
  return n;
}

export function portSetEquals(a: PortSet, b: PortSet): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.from !== y.from || x.to !== y.to) return false;
  }
  return true;
}

/** The part of `s` inside `r`. */
export function portSetIntersectRange(s: PortSet, r: PortRange): PortSet {
  const out: PortRange[] = [];
  for (const x of s) {
    const from = Math.max(x.from, r.from);
    const to = Math.min(x.to, r.to);
    if (from <= to) out.push({ from, to });
  }
  return out;
}

/** The part of `s` outside `r`. */
export function portSetSubtractRange(s: PortSet, r: PortRange): PortSet {
  const out: PortRange[] = [];
  for (const x of s) {
    if (x.to < r.from || x.from > r.to) {
      out.push(x);
      continue;
    }
    if (x.from < r.from) out.push({ from: x.from, to: r.from - 1 });
    if (x.to > r.to) out.push({ from: r.to + 1, to: x.to });
  }
  return out;
}

export function portSetUnion(a: PortSet, b: PortSet): PortSet {
  const all = [...a, ...b].sort((x, y) => x.from - y.from);
  const out: PortRange[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) {
      if (r.to > last.to) out[out.length - 1] = { from: last.from, to: r.to };
    } else out.push(r);
  }
  return out;
}

export function portSetSubtract(a: PortSet, b: PortSet): PortSet {
  let out = a;
  for (const r of b) out = portSetSubtractRange(out, r);
  return out;
}

export function portSetContains(s: PortSet, port: number): boolean {
  for (const r of s) if (port >= r.from && port <= r.to) return true;
  return false;
}

export function formatPortRange(r: PortRange): string {
  return r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`;
}

export function formatPortSet(s: PortSet): string {
  return s.length === 0 ? '(none)' : s.map(formatPortRange).join(', ');
}

/** Parses `"443"` or `"1024-65535"`; undefined when malformed or outside 0-65535. */
export function parsePortRange(text: string): PortRange | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > 65535 || to > 65535 || from > to) return undefined;
  return { from, to };
}
