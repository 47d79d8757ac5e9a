// Unit tests of src/lib/assert.ts and src/lib/result.ts: the programmer-error helpers throw, and
// `ok`/`err` build the two shapes of a Result.
import { describe, expect, it } from 'vitest';
import { assertNever, err, invariant, ok, type Result } from '../../../src/lib/index.ts';

describe('invariant', () => {
  it.each([true, 1, 'x', {}, [], 0n === 0n])('passes for the truthy %s', (condition) => {
    expect(() => invariant(condition, 'never thrown')).not.toThrow();
  });

  it.each([false, 0, '', null, undefined, Number.NaN, 0n])('throws for the falsy %s', (condition) => {
    expect(() => invariant(condition, 'route table index is stale')).toThrow(Error);
  });

  it('carries the caller message', () => {
    expect(() => invariant(false, 'route table index is stale')).toThrow(/route table index is stale/);
  });

  it('narrows the checked value', () => {
    const lookup = new Map([['a', 1]]);
    const value = lookup.get('a');
    invariant(value !== undefined, 'a is present');
    // Compiles only because `value` is now `number`.
    expect(value.toFixed(0)).toBe('1');
  });
});

describe('assertNever', () => {
  type Shape = { kind: 'a' } | { kind: 'b' };
  const describeShape = (s: Shape): string => {
    switch (s.kind) {
      case 'a':
        return 'A';
      case 'b':
        return 'B';
      default:
        return assertNever(s, 'shape');
    }
  };

  it('is unreachable for every member of the union', () => {
    expect(describeShape({ kind: 'a' })).toBe('A');
    expect(describeShape({ kind: 'b' })).toBe('B');
  });

  it('throws when a value outside the union reaches it at run time', () => {
    expect(() => describeShape({ kind: 'c' } as unknown as Shape)).toThrow(Error);
    expect(() => assertNever('x' as never)).toThrow(Error);
  });

  it('names the unexpected value', () => {
    expect(() => assertNever({ kind: 'c' } as never, 'shape')).toThrow(/"kind":"c"/);
  });
});

describe('ok and err', () => {
  it('build the two Result shapes', () => {
    expect(ok(1)).toStrictEqual({ ok: true, value: 1 });
    expect(ok(undefined)).toStrictEqual({ ok: true, value: undefined });
    expect(err({ kind: 'syntax' })).toStrictEqual({ ok: false, error: { kind: 'syntax' } });
    expect(err('x')).toStrictEqual({ ok: false, error: 'x' });
  });

  it('keep the value by reference', () => {
    const value = { a: 1 };
    expect(ok(value).value).toBe(value);
    expect(err(value).error).toBe(value);
  });

  it('narrow a Result on `ok`', () => {
    const results: Result<number, string>[] = [ok(2), err('bad')];
    const seen = results.map((r) => (r.ok ? r.value * 2 : r.error.toUpperCase()));
    expect(seen).toEqual([4, 'BAD']);
  });
});
