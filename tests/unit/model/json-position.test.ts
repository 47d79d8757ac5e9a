import { describe, expect, it } from 'vitest';
import { lineColumn, locateJsonError } from '../../../src/model/json-position.ts';

describe('locateJsonError', () => {
  it.each([
    '{}',
    '[]',
    '"x"',
    '-0.5e+10',
    'true',
    ' null ',
    '{"a": [1, 2, {"b": "\\u00e9\\n"}], "c": false}',
    '\n\t{ "a" : 1 }\r\n',
  ])('accepts valid JSON %j', (text) => {
    expect(locateJsonError(text)).toBeUndefined();
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });

  it.each([
    ['', 1, 1],
    ['{', 1, 2],
    ['{"a" 1}', 1, 6],
    ['{"a": 1,}', 1, 9],
    ['[1 2]', 1, 4],
    ['{\n  "a": tru\n}', 2, 8],
    ['{\n  "a": "x\ny"\n}', 2, 10],
    ['{"a": 01}', 1, 8],
    ['{"a": 1.}', 1, 9],
    ['{"a": "\\x"}', 1, 8],
    ['{} {}', 1, 4],
    ["{'a': 1}", 1, 2],
    ['[1, 2', 1, 6],
    ['"abc', 1, 5],
    ['{"a": -}', 1, 8],
    ['{"a": 1e}', 1, 9],
    ['{"a": "\\u12"}', 1, 8],
  ])('locates the error in %j at line %i, column %i', (text, line, column) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(locateJsonError(text)).toMatchObject({ line, column });
  });

  it('handles deep nesting without recursion', () => {
    expect(locateJsonError(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeUndefined();
    expect(locateJsonError(`${'['.repeat(200_000)}`)).toMatchObject({ line: 1, column: 200_001 });
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
