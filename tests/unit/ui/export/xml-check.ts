// A strict XML 1.0 well-formedness check for the SVG export's tests (no XML parser is installed):
// legal characters, one root, matched tags, quoted unique attributes, only predefined or numeric
// references, no `]]>` in text. Returns the element tree with references decoded, so tests can read it.

export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /[A-Za-z_:][A-Za-z0-9._:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function legalChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Throws with the offset of the first problem; returns the root element. */
export function parseXml(text: string): XmlElement {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    // A lone surrogate comes back from codePointAt as itself, which legalChar rejects.
    if (!legalChar(code)) throw new Error(`illegal character U+${code.toString(16)} at ${i}`);
    if (code > 0xffff) i++;
  }
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${pos}: ${JSON.stringify(text.slice(pos, pos + 40))}`);
  };
  const skipSpace = (): void => {
    SPACE.lastIndex = pos;
    SPACE.exec(text);
    pos = SPACE.lastIndex;
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (m === null) return fail('expected a name');
    pos = NAME.lastIndex;
    return m[0];
  };
  const expect = (s: string): void => {
    if (!text.startsWith(s, pos)) fail(`expected ${s}`);
    pos += s.length;
  };
  const reference = (): string => {
    expect('&');
    const end = text.indexOf(';', pos);
    if (end < 0) return fail('unterminated reference');
    const body = text.slice(pos, end);
    pos = end + 1;
    const named = PREDEFINED[body];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (m === null) return fail(`unknown reference &${body};`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (!legalChar(code)) return fail(`reference to an illegal character &${body};`);
    return String.fromCodePoint(code);
  };
  const misc = (): void => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<!--', pos)) comment();
      else if (text.startsWith('<?', pos) && !text.startsWith('<?xml ', pos)) pi();
      else return;
    }
  };
  const comment = (): void => {
    const end = text.indexOf('-->', pos + 4);
    if (end < 0) fail('unterminated comment');
    if (text.slice(pos + 4, end).includes('--')) fail('-- inside a comment');
    pos = end + 3;
  };
  const pi = (): void => {
    const end = text.indexOf('?>', pos);
    if (end < 0) fail('unterminated processing instruction');
    pos = end + 2;
  };
  const element = (): XmlElement => {
    expect('<');
    const el: XmlElement = { name: name(), attrs: new Map(), children: [] };
    for (;;) {
      const before = pos;
      skipSpace();
      if (text.startsWith('/>', pos)) {
        pos += 2;
        return el;
      }
      if (text.startsWith('>', pos)) {
        pos += 1;
        break;
      }
      if (pos === before) fail('expected whitespace before an attribute');
      const attr = name();
      if (el.attrs.has(attr)) fail(`duplicate attribute ${attr}`);
      skipSpace();
      expect('=');
      skipSpace();
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") return fail('unquoted attribute value');
      pos++;
      let value = '';
      while (text[pos] !== quote) {
        const c = text[pos];
        if (c === undefined) fail('unterminated attribute value');
        if (c === '<') fail('< in an attribute value');
        if (c === '&') value += reference();
        else {
          value += c;
          pos++;
        }
      }
      pos++;
      el.attrs.set(attr, value);
    }
    let chars = '';
    const flush = () => {
      if (chars !== '') el.children.push(chars);
      chars = '';
    };
    for (;;) {
      const c = text[pos];
      if (c === undefined) fail(`unclosed element <${el.name}>`);
      if (text.startsWith('</', pos)) {
        flush();
        pos += 2;
        if (name() !== el.name) fail(`mismatched end tag for <${el.name}>`);
        skipSpace();
        expect('>');
        return el;
      }
      if (text.startsWith('<!--', pos)) comment();
      else if (text.startsWith('<![CDATA[', pos)) {
        const end = text.indexOf(']]>', pos);
        if (end < 0) fail('unterminated CDATA');
        chars += text.slice(pos + 9, end);
        pos = end + 3;
      } else if (text.startsWith('<?', pos)) pi();
      else if (c === '<') {
        flush();
        el.children.push(element());
      } else if (c === '&') chars += reference();
      else {
        if (text.startsWith(']]>', pos)) fail(']]> in text');
        chars += c;
        pos++;
      }
    }
  };

  if (text.startsWith('<?xml', 0)) {
    const end = text.indexOf('?>');
    if (end < 0 || !/^<\?xml version="1\.[0-9]"( encoding="[A-Za-z0-9._-]+")?\s*\?>$/.test(text.slice(0, end + 2))) {
      fail('bad XML declaration');
    }
    pos = end + 2;
  }
  misc();
  if (text.startsWith('<!DOCTYPE', pos)) fail('a DOCTYPE is not expected');
  const root = element();
  misc();
  if (pos !== text.length) fail('content after the root element');
  return root;
}

/** Every element of the tree, depth first, the root included. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const el = stack.pop();
    if (el === undefined) break;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (typeof c !== 'string' && c !== undefined) stack.push(c);
    }
  }
  return out;
}

/** The decoded text inside an element. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
