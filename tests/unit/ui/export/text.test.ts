// Text fitting: widths grow with the text, cuts fit and never split a character, wrapping stops at
// the line limit.
import { describe, expect, it } from 'vitest';
import { textWidth, truncate, wrap } from '../../../../src/ui/export/text.ts';

describe('textWidth', () => {
  it('is wider for longer, bolder and larger text', () => {
    expect(textWidth('subnet-a', 12)).toBeGreaterThan(textWidth('subnet', 12));
    expect(textWidth('subnet', 12, true)).toBeGreaterThan(textWidth('subnet', 12));
    expect(textWidth('subnet', 16)).toBeGreaterThan(textWidth('subnet', 12));
    expect(textWidth('', 12)).toBe(0);
  });

  it('counts wide scripts and emoji as a full em', () => {
    expect(textWidth('日本', 10)).toBeGreaterThanOrEqual(20);
    expect(textWidth('🚀', 10)).toBeGreaterThanOrEqual(10);
  });
});

describe('truncate', () => {
  it('keeps text that fits', () => {
    expect(truncate('web', 100, 12)).toBe('web');
  });

  it('cuts text to the width with an ellipsis', () => {
    const cut = truncate('a-very-long-subnet-name-indeed', 80, 12, true);
    expect(cut.endsWith('\u2026')).toBe(true);
    expect(textWidth(cut, 12, true)).toBeLessThanOrEqual(80);
  });

  it('never splits a surrogate pair', () => {
    for (let width = 10; width < 120; width += 3) {
      const cut = truncate('🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀', width, 12);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
    }
  });

  it('returns nothing when not even the ellipsis fits', () => {
    expect(truncate('anything', 2, 12)).toBe('');
  });
});

describe('wrap', () => {
  it('breaks at a space when it can, and stops at the line limit', () => {
    expect(wrap('Internet gateway', 60, 11, 2, true)).toEqual(['Internet', 'gateway']);
    const lines = wrap('a name that is far too long for two short lines of text', 60, 11, 2, true);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(textWidth(line, 11, true)).toBeLessThanOrEqual(60);
    expect(lines[1]?.endsWith('\u2026')).toBe(true);
  });

  it('breaks an id without spaces anywhere', () => {
    const lines = wrap('tgwabcdefghijklmnopqrstuvwxyz0123456789', 60, 11, 2, true);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(textWidth(line, 11, true)).toBeLessThanOrEqual(60);
  });
});
