// The JSON error locator: the line and column of the first syntax error, as the CLI reports it.
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../src/model/index.ts';

describe('locateJsonError', () => {
  it.each([
    ['{\n  "a": 1,\n}', 3, 1],
    ['{"a": tru}', 1, 7],
    ['[1, 2', 1, 6],
    ['{"a": 1} x', 1, 10],
    ['{\n  // comment\n  "a": 1\n}', 2, 3],
    ["{'a': 1}", 1, 2],
    ['{"a": "line\nbreak"}', 1, 12],
    ['', 1, 1],
    ['{"a" 1}', 1, 6],
    ['[01]', 1, 3],
  ])('%j fails at line %i, column %i', (text, line, column) => {
    const at = locateJsonError(text);
    expect(at).toMatchObject({ line, column });
  });

  it.each(['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]}', ' \n 42 \n'])('%j is valid', (text) => {
    expect(locateJsonError(text)).toBeUndefined();
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });
});
