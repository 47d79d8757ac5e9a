// Unit tests of src/lib/ports.ts: port ranges, port-set algebra (the ephemeral range a NACL passes on
// a return path) and the `from-to` text form.
import { describe, expect, it } from 'vitest';
import {
  ALL_PORTS,
  formatPortRange,
  formatPortSet,
  parsePortRange,
  portRange,
  portSet,
  portSetContains,
  portSetEquals,
  portSetIntersectRange,
  portSetIsEmpty,
  portSetSize,
  portSetSubtract,
  portSetSubtractRange,
  portSetUnion,
  type PortRange,
  type PortSet,
} from '../../../src/lib/index.ts';

/** `[[1, 5], [8, 8]]` -> the port set {1-5, 8}. */
const set = (...ranges: [number, number][]): PortSet => ranges.map(([from, to]) => ({ from, to }));
const range = (from: number, to: number): PortRange => ({ from, to });
const EPHEMERAL = set([1024, 65535]);

describe('constructors', () => {
  it('portRange and portSet default `to` to `from`', () => {
    expect(portRange(443)).toEqual({ from: 443, to: 443 });
    expect(portRange(1024, 65535)).toEqual({ from: 1024, to: 65535 });
    expect(portSet(22)).toEqual([{ from: 22, to: 22 }]);
    expect(portSet(0, 65535)).toEqual([ALL_PORTS]);
  });

  it('ALL_PORTS is 0-65535', () => {
    expect(ALL_PORTS).toEqual({ from: 0, to: 65535 });
  });

  it('portSetIsEmpty', () => {
    expect(portSetIsEmpty([])).toBe(true);
    expect(portSetIsEmpty(portSet(0))).toBe(false);
  });
});

describe('portSetSize', () => {
  it.each([
    [set(), 0],
    [set([0, 0]), 1],
    [set([443, 443]), 1],
    [set([1024, 65535]), 64_512],
    [set([0, 65535]), 65_536],
    [set([1, 5], [8, 8], [10, 19]), 16],
  ])('%j has %d ports', (s, n) => {
    expect(portSetSize(s)).toBe(n);
  });
});

describe('portSetEquals', () => {
  it.each([
    [set(), set(), true],
    [set([1, 5]), set([1, 5]), true],
    [set([1, 5], [7, 9]), set([1, 5], [7, 9]), true],
    [set([1, 5]), set([1, 6]), false],
    [set([1, 5]), set([0, 5]), false],
    [set([1, 5]), set(), false],
    [set([1, 5], [7, 9]), set([1, 5]), false],
    [set([1, 5], [7, 9]), set([7, 9], [1, 5]), false],
  ])('%j = %j is %s', (a, b, expected) => {
    expect(portSetEquals(a, b)).toBe(expected);
    expect(portSetEquals(b, a)).toBe(expected);
  });
});

describe('portSetContains', () => {
  it.each([
    [set(), 0, false],
    [set([0, 0]), 0, true],
    [EPHEMERAL, 1023, false],
    [EPHEMERAL, 1024, true],
    [EPHEMERAL, 65535, true],
    [set([1, 5], [8, 8]), 6, false],
    [set([1, 5], [8, 8]), 8, true],
    [set([1, 5], [8, 8]), 9, false],
  ])('%j contains %d: %s', (s, port, expected) => {
    expect(portSetContains(s, port)).toBe(expected);
  });
});

describe('portSetIntersectRange', () => {
  it.each([
    [set(), range(0, 65535), set()],
    [EPHEMERAL, range(0, 65535), EPHEMERAL],
    [EPHEMERAL, range(32768, 60999), set([32768, 60999])],
    [EPHEMERAL, range(0, 1023), set()],
    [EPHEMERAL, range(0, 1024), set([1024, 1024])],
    [EPHEMERAL, range(65535, 65535), set([65535, 65535])],
    [set([1, 5], [8, 12], [20, 30]), range(4, 21), set([4, 5], [8, 12], [20, 21])],
    [set([1, 5], [8, 12]), range(6, 7), set()],
    [set([1, 5], [8, 12]), range(10, 10), set([10, 10])],
  ])('%j within %j -> %j', (s, r, expected) => {
    expect(portSetIntersectRange(s, r)).toEqual(expected);
  });
});

describe('portSetSubtractRange', () => {
  it.each([
    [set(), range(0, 65535), set()],
    [EPHEMERAL, range(0, 65535), set()],
    [EPHEMERAL, range(0, 1023), EPHEMERAL],
    [EPHEMERAL, range(1024, 1024), set([1025, 65535])],
    [EPHEMERAL, range(65535, 65535), set([1024, 65534])],
    [EPHEMERAL, range(32768, 60999), set([1024, 32767], [61000, 65535])],
    [set([1, 5], [8, 12], [20, 30]), range(4, 21), set([1, 3], [22, 30])],
    [set([1, 5], [8, 12]), range(6, 7), set([1, 5], [8, 12])],
    [set([1, 5], [8, 12]), range(1, 12), set()],
    [set([1, 5], [8, 12]), range(5, 8), set([1, 4], [9, 12])],
  ])('%j minus %j -> %j', (s, r, expected) => {
    expect(portSetSubtractRange(s, r)).toEqual(expected);
  });
});

describe('portSetSubtract', () => {
  it.each([
    [set(), EPHEMERAL, set()],
    [EPHEMERAL, set(), EPHEMERAL],
    [EPHEMERAL, EPHEMERAL, set()],
    [EPHEMERAL, set([2000, 2999], [5000, 5000]), set([1024, 1999], [3000, 4999], [5001, 65535])],
    [set([1, 10]), set([0, 2], [9, 20]), set([3, 8])],
    [set([1, 10], [20, 30]), set([5, 25]), set([1, 4], [26, 30])],
  ])('%j minus %j -> %j', (a, b, expected) => {
    expect(portSetSubtract(a, b)).toEqual(expected);
  });
});

describe('portSetUnion', () => {
  it.each([
    [set(), set(), set()],
    [set(), EPHEMERAL, EPHEMERAL],
    [EPHEMERAL, set(), EPHEMERAL],
    [set([1, 5]), set([7, 9]), set([1, 5], [7, 9])],
    [set([7, 9]), set([1, 5]), set([1, 5], [7, 9])],
    // Adjacent ranges merge: the result is non-adjacent.
    [set([1, 5]), set([6, 9]), set([1, 9])],
    [set([6, 9]), set([1, 5]), set([1, 9])],
    [set([0, 1023]), set([1024, 65535]), set([0, 65535])],
    [set([1, 5]), set([3, 9]), set([1, 9])],
    [set([1, 9]), set([3, 5]), set([1, 9])],
    [set([1, 2], [4, 5], [7, 8]), set([3, 3], [6, 6]), set([1, 8])],
    [set([1, 2], [10, 12]), set([4, 5], [20, 20]), set([1, 2], [4, 5], [10, 12], [20, 20])],
  ])('%j or %j -> %j', (a, b, expected) => {
    expect(portSetUnion(a, b)).toEqual(expected);
  });

  it('does not mutate its inputs', () => {
    const a = Object.freeze([Object.freeze(range(1, 5))]);
    const b = Object.freeze([Object.freeze(range(6, 9))]);
    expect(portSetUnion(a, b)).toEqual(set([1, 9]));
    expect(a).toEqual(set([1, 5]));
    expect(b).toEqual(set([6, 9]));
  });
});

describe('parsePortRange', () => {
  it.each([
    ['443', 443, 443],
    ['0', 0, 0],
    ['65535', 65535, 65535],
    ['1024-65535', 1024, 65535],
    ['0-65535', 0, 65535],
    ['5-5', 5, 5],
    ['22-23', 22, 23],
  ])('%j -> %d-%d', (text, from, to) => {
    expect(parsePortRange(text)).toEqual({ from, to });
  });

  it.each([
    ['above 65535', '65536'],
    ['end above 65535', '0-65536'],
    ['six digits', '100000'],
    ['reversed', '5-1'],
    ['letters', 'a'],
    ['named service', 'https'],
    ['empty', ''],
    ['three parts', '1-2-3'],
    ['negative', '-1'],
    ['open end', '1-'],
    ['open start', '-5'],
    ['spaces around the dash', '1 - 5'],
    ['leading space', ' 443'],
    ['trailing space', '443 '],
    ['trailing newline', '443\n'],
    ['sign', '+443'],
    ['decimal', '44.3'],
    ['exponent', '1e3'],
    ['comma list', '80,443'],
    ['full-width digits', '４４３'],
    ['very long', '1'.repeat(10_000)],
  ])('rejects %s: %j', (_why, text) => {
    expect(parsePortRange(text)).toBeUndefined();
  });
});

describe('formatPortRange and formatPortSet', () => {
  it.each([
    [range(443, 443), '443'],
    [range(0, 0), '0'],
    [range(1024, 65535), '1024-65535'],
  ])('%j -> %s', (r, text) => {
    expect(formatPortRange(r)).toBe(text);
    expect(parsePortRange(text)).toEqual(r);
  });

  it.each([
    [set(), '(none)'],
    [set([80, 80]), '80'],
    [set([80, 80], [443, 443]), '80, 443'],
    [set([22, 23], [1024, 65535]), '22-23, 1024-65535'],
  ])('%j -> %s', (s, text) => {
    expect(formatPortSet(s)).toBe(text);
  });
});
