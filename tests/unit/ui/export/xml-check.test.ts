// The well-formedness check the export tests rely on: it must reject what a real XML parser rejects.
import { describe, expect, it } from 'vitest';
import { parseXml, textContent } from './xml-check.ts';

describe('parseXml', () => {
  it('accepts a declaration, nested elements, attributes and references, and decodes them', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; 2" y=\'&lt;\'><b/>t&#x3c;&#62;<c>d</c></a>\n',
    );
    expect(root.name).toBe('a');
    expect(root.attrs.get('x')).toBe('1 & 2');
    expect(root.attrs.get('y')).toBe('<');
    expect(textContent(root)).toBe('t<>d');
  });

  it.each([
    ['an unclosed element', '<a><b></a>'],
    ['a mismatched end tag', '<a></b>'],
    ['< in an attribute', '<a x="<"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['a bare ampersand', '<a>&</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    [']]> in text', '<a>]]></a>'],
    ['a control character', '<a>\u0001</a>'],
    ['a lone surrogate', '<a>\uD800</a>'],
    ['a reference to a control character', '<a>&#1;</a>'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>x'],
    ['attributes without whitespace between', '<a x="1"y="2"/>'],
  ])('rejects %s', (_what, text) => {
    expect(() => parseXml(text)).toThrow();
  });
});
