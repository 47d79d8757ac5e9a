// Property tests of src/lib: address text round-trips, RFC 5952 output agrees with an independent
// formatter, CIDR arithmetic agrees with prefix-bit comparison, and port-set operations agree with a
// brute-force boolean-array model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cidr4,
  cidr6,
  cidrContains,
  cidrContainsCidr,
  cidrsOverlap,
  cidrSize,
  formatIp,
  formatIpv4,
  formatIpv6,
  ipv4,
  ipv6,
  parseCidr,
  parseIp,
  portSetContains,
  portSetEquals,
  portSetIntersectRange,
  portSetSize,
  portSetSubtract,
  portSetSubtractRange,
  portSetUnion,
  type PortRange,
  type PortSet,
} from '../../../src/lib/index.ts';

const V6_MAX = 2n ** 128n - 1n;
const u32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const u128 = fc.bigInt({ min: 0n, max: V6_MAX });
const prefix4 = fc.integer({ min: 0, max: 32 });
const prefix6 = fc.integer({ min: 0, max: 128 });

/** IPv6 values with many zero groups, so `::` runs of every length and position show up. */
const u128Sparse = fc
  .array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
    minLength: 8,
    maxLength: 8,
  })
  .map((groups) => groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n));

const groupsOf = (v: bigint): number[] =>
  Array.from({ length: 8 }, (_, i) => Number((v >> BigInt((7 - i) * 16)) & 0xffffn));

/**
 * RFC 5952 section 4 written differently from the product code: find every maximal run of two or
 * more `0` groups with a regex over the uncompressed text, keep the longest (the first on ties).
 */
function referenceFormatIpv6(v: bigint): string {
  const full = groupsOf(v)
    .map((g) => g.toString(16))
    .join(':');
  let best: { index: number; length: number; groups: number } | undefined;
  for (const m of full.matchAll(/\b0(?::0)+\b/g)) {
    const groups = (m[0].length + 1) / 2;
    if (!best || groups > best.groups) best = { index: m.index, length: m[0].length, groups };
  }
  if (!best) return full;
  const head = full.slice(0, best.index);
  const tail = full.slice(best.index + best.length);
  return (head === '' ? ':' : head) + (tail === '' ? ':' : tail);
}

describe('address text', () => {
  it('parseIp(formatIp(x)) = x for IPv4', () => {
    fc.assert(
      fc.property(u32, (v) => {
        expect(parseIp(formatIp(ipv4(v)))).toEqual({ family: 4, value: v });
      }),
    );
  });

  it('parseIp(formatIp(x)) = x for IPv6', () => {
    fc.assert(
      fc.property(fc.oneof(u128, u128Sparse), (v) => {
        expect(parseIp(formatIp(ipv6(v)))).toEqual({ family: 6, value: v });
      }),
    );
  });

  it('formatIpv6 agrees with an independent RFC 5952 formatter', () => {
    fc.assert(
      fc.property(fc.oneof(u128, u128Sparse), (v) => {
        const text = formatIpv6(v);
        expect(text).toBe(referenceFormatIpv6(v));
        expect(text).toBe(text.toLowerCase());
        expect(text).not.toMatch(/(^|:)0[0-9a-f]/);
      }),
    );
  });

  it('parses the full upper-case eight-group form', () => {
    fc.assert(
      fc.property(u128Sparse, (v) => {
        const text = groupsOf(v)
          .map((g) => g.toString(16).toUpperCase().padStart(4, '0'))
          .join(':');
        expect(parseIp(text)).toEqual({ family: 6, value: v });
      }),
    );
  });

  it('parses six groups plus a dotted quad as the same 128 bits (RFC 4291 2.2 form 3)', () => {
    fc.assert(
      fc.property(u128Sparse, (v) => {
        const high = groupsOf(v)
          .slice(0, 6)
          .map((g) => g.toString(16))
          .join(':');
        const text = `${high}:${formatIpv4(Number(v & 0xffffffffn))}`;
        expect(parseIp(text)).toEqual({ family: 6, value: v });
      }),
    );
  });

  it('never throws on arbitrary text, and what it accepts is in range and round-trips', () => {
    const alphabet = fc.constantFrom(...'0123456789abcdefABCDEF:./%- x'.split(''));
    const text = fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 45 }));
    fc.assert(
      fc.property(text, (s) => {
        const a = parseIp(s);
        if (a?.family === 4) expect(a.value >= 0 && a.value <= 2 ** 32 - 1).toBe(true);
        if (a?.family === 6) expect(a.value >= 0n && a.value <= V6_MAX).toBe(true);
        if (a) expect(parseIp(formatIp(a))).toEqual(a);
        const c = parseCidr(s);
        if (c.ok) expect(parseCidr(c.value.text)).toEqual(c);
      }),
    );
  });
});

describe('CIDR arithmetic', () => {
  it('cidrContains (IPv4) compares the top prefix bits', () => {
    fc.assert(
      fc.property(u32, prefix4, u32, (net, p, addr) => {
        const expected = p === 0 || addr >>> (32 - p) === net >>> (32 - p);
        expect(cidrContains(cidr4(net, p), ipv4(addr))).toBe(expected);
      }),
    );
  });

  it('cidrContains (IPv4) holds for every address built inside the block', () => {
    fc.assert(
      fc.property(u32, prefix4, u32, (net, p, noise) => {
        const c = cidr4(net, p);
        const hostMask = p === 32 ? 0 : 2 ** (32 - p) - 1;
        expect(cidrContains(c, ipv4(c.network + (noise % (hostMask + 1))))).toBe(true);
      }),
    );
  });

  it('cidrContains (IPv6) compares the top prefix bits', () => {
    fc.assert(
      fc.property(u128, prefix6, fc.oneof(u128, u128Sparse), (net, p, addr) => {
        const shift = BigInt(128 - p);
        const expected = p === 0 || addr >> shift === net >> shift;
        expect(cidrContains(cidr6(net, p), ipv6(addr))).toBe(expected);
        // Same-prefix near neighbours of the network exercise the block edges.
        const c = cidr6(net, p);
        expect(cidrContains(c, ipv6(c.network))).toBe(true);
        expect(cidrContains(c, ipv6(c.last))).toBe(true);
        if (c.network > 0n) expect(cidrContains(c, ipv6(c.network - 1n))).toBe(false);
        if (c.last < V6_MAX) expect(cidrContains(c, ipv6(c.last + 1n))).toBe(false);
      }),
    );
  });

  it('families never mix', () => {
    fc.assert(
      fc.property(u32, prefix4, u128, prefix6, (v4, p4, v6, p6) => {
        const a = cidr4(v4, p4);
        const b = cidr6(v6, p6);
        expect(cidrContains(a, ipv6(v6))).toBe(false);
        expect(cidrContains(b, ipv4(v4))).toBe(false);
        expect(cidrContainsCidr(a, b)).toBe(false);
        expect(cidrContainsCidr(b, a)).toBe(false);
        expect(cidrsOverlap(a, b)).toBe(false);
        expect(cidrsOverlap(b, a)).toBe(false);
      }),
    );
  });

  it('containment and overlap follow from prefixes and network addresses', () => {
    fc.assert(
      fc.property(u32, prefix4, u32, prefix4, (x, px, y, py) => {
        const a = cidr4(x, px);
        const b = cidr4(y, py);
        const aHoldsB = px <= py && cidrContains(a, ipv4(b.network));
        const bHoldsA = py <= px && cidrContains(b, ipv4(a.network));
        expect(cidrContainsCidr(a, b)).toBe(aHoldsB);
        expect(cidrContainsCidr(b, a)).toBe(bHoldsA);
        // Two CIDR blocks overlap exactly when one holds the other.
        expect(cidrsOverlap(a, b)).toBe(aHoldsB || bHoldsA);
        expect(cidrsOverlap(b, a)).toBe(aHoldsB || bHoldsA);
      }),
    );
  });

  it('blocks parse back from their text, with the size 2^(bits - prefix)', () => {
    fc.assert(
      fc.property(u32, prefix4, u128, prefix6, (v4, p4, v6, p6) => {
        const a = cidr4(v4, p4);
        const b = cidr6(v6, p6);
        expect(parseCidr(a.text)).toEqual({ ok: true, value: a });
        expect(parseCidr(b.text)).toEqual({ ok: true, value: b });
        expect(cidrSize(a)).toBe(2n ** BigInt(32 - p4));
        expect(cidrSize(b)).toBe(2n ** BigInt(128 - p6));
      }),
    );
  });

  it('an address with host bits set is refused with the canonical block', () => {
    fc.assert(
      fc.property(u32, prefix4, (v, p) => {
        const c = cidr4(v, p);
        const r = parseCidr(`${formatIpv4(v)}/${p}`);
        if (c.network === v) expect(r).toEqual({ ok: true, value: c });
        else expect(r).toEqual({ ok: false, error: { kind: 'host-bits', canonical: c.text } });
      }),
    );
  });
});

describe('port sets against a boolean-array model', () => {
  const MAX = 200;
  const port = fc.integer({ min: 0, max: MAX });
  const rangeArb = fc.tuple(port, port).map(([a, b]): PortRange => ({ from: Math.min(a, b), to: Math.max(a, b) }));
  const rawRanges = fc.array(rangeArb, { maxLength: 8 });

  const modelOf = (ranges: readonly PortRange[]): boolean[] => {
    const m = Array.from({ length: MAX + 2 }, () => false);
    for (const r of ranges) for (let p = r.from; p <= r.to; p++) m[p] = true;
    return m;
  };

  const setOf = (m: readonly boolean[]): PortSet => {
    const out: PortRange[] = [];
    let start = -1;
    for (let p = 0; p <= m.length; p++) {
      const on = m[p] === true;
      if (on && start < 0) start = p;
      if (!on && start >= 0) {
        out.push({ from: start, to: p - 1 });
        start = -1;
      }
    }
    return out;
  };

  /** A well-formed PortSet built by the model, so the product code gets valid input. */
  const portSetArb = rawRanges.map((ranges) => setOf(modelOf(ranges)));

  const expectWellFormed = (s: PortSet): void => {
    s.forEach((r, i) => {
      expect(r.from).toBeLessThanOrEqual(r.to);
      const next = s[i + 1];
      if (next) expect(next.from).toBeGreaterThan(r.to + 1);
    });
  };

  const expectMatches = (actual: PortSet, model: readonly boolean[]): void => {
    expectWellFormed(actual);
    expect(actual).toEqual(setOf(model));
  };

  it('union, including of unsorted overlapping raw ranges', () => {
    fc.assert(
      fc.property(rawRanges, rawRanges, (ra, rb) => {
        const a = modelOf(ra);
        const b = modelOf(rb);
        expectMatches(
          portSetUnion(ra, rb),
          a.map((x, p) => x || b[p] === true),
        );
        expectMatches(
          portSetUnion(setOf(a), setOf(b)),
          a.map((x, p) => x || b[p] === true),
        );
      }),
    );
  });

  it('subtract', () => {
    fc.assert(
      fc.property(portSetArb, portSetArb, (sa, sb) => {
        const a = modelOf(sa);
        const b = modelOf(sb);
        expectMatches(
          portSetSubtract(sa, sb),
          a.map((x, p) => x && b[p] !== true),
        );
      }),
    );
  });

  it('intersect and subtract a single range', () => {
    fc.assert(
      fc.property(portSetArb, rangeArb, (s, r) => {
        const a = modelOf(s);
        const inR = (p: number) => p >= r.from && p <= r.to;
        expectMatches(
          portSetIntersectRange(s, r),
          a.map((x, p) => x && inR(p)),
        );
        expectMatches(
          portSetSubtractRange(s, r),
          a.map((x, p) => x && !inR(p)),
        );
      }),
    );
  });

  it('contains, size and equals', () => {
    fc.assert(
      fc.property(portSetArb, portSetArb, (sa, sb) => {
        const a = modelOf(sa);
        const b = modelOf(sb);
        a.forEach((x, p) => expect(portSetContains(sa, p)).toBe(x));
        expect(portSetSize(sa)).toBe(a.filter(Boolean).length);
        expect(portSetEquals(sa, sb)).toBe(a.every((x, p) => x === b[p]));
      }),
    );
  });

  it('a set is the union of its intersection with a range and its difference from it', () => {
    fc.assert(
      fc.property(portSetArb, rangeArb, (s, r) => {
        const whole = portSetUnion(portSetIntersectRange(s, r), portSetSubtractRange(s, r));
        expect(portSetEquals(whole, s)).toBe(true);
      }),
    );
  });
});
