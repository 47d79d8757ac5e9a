// A small HCL (Terraform native syntax) writer: expressions, attributes and blocks rendered the way
// `terraform fmt` lays them out, with strings escaped so that no user text becomes an interpolation.

/** An HCL expression: literal values, a traversal such as `aws_vpc.main.id`, a tuple or an object. */
export type HclExpr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'ref'; path: string }
  | { kind: 'list'; items: HclExpr[] }
  | { kind: 'object'; entries: [string, HclExpr][] };

/** One line of a body: `name = value`, a nested block, or a blank line separating groups. */
export type HclItem =
  { kind: 'attr'; name: string; value: HclExpr } | { kind: 'block'; block: HclBlock } | { kind: 'blank' };

export interface HclBlock {
  type: string;
  labels: string[];
  body: HclItem[];
}

export const str = (value: string): HclExpr => ({ kind: 'string', value });
export const num = (value: number): HclExpr => ({ kind: 'number', value });
export const bool = (value: boolean): HclExpr => ({ kind: 'bool', value });
export const ref = (path: string): HclExpr => ({ kind: 'ref', path });
export const list = (items: HclExpr[]): HclExpr => ({ kind: 'list', items });
export const object = (entries: [string, HclExpr][]): HclExpr => ({ kind: 'object', entries });
export const attr = (name: string, value: HclExpr): HclItem => ({ kind: 'attr', name, value });
export const blank: HclItem = { kind: 'blank' };
export const block = (type: string, labels: string[], body: HclItem[]): HclItem => ({
  kind: 'block',
  block: { type, labels, body },
});

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Whether `name` can stand unquoted as an attribute name or object key. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * `text` as an HCL quoted string. Beyond the usual escapes, `${` and `%{` are doubled (`$${`, `%%{`)
 * because HCL reads them as the start of an interpolation or a directive even inside quotes; control
 * characters become `\uNNNN`; a lone UTF-16 surrogate (not encodable in UTF-8) becomes U+FFFD.
 */
export function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const code = text.charCodeAt(i);
    if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if ((c === '$' || c === '%') && text.charAt(i + 1) === '{') {
      out += `${c}${c}{`;
      i++;
    } else if (isControl(code)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2);
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else out += c;
  }
  return `${out}"`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A `#` comment line's text: line breaks and other control characters would end the comment early. */
export function commentText(text: string): string {
  let out = '';
  let inRun = false;
  for (const c of text) {
    const control = isControl(c.charCodeAt(0));
    if (!control) out += c;
    else if (!inRun) out += ' ';
    inRun = control;
  }
  return out.trim();
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

function key(name: string): string {
  return isIdentifier(name) ? name : quote(name);
}

function renderExpr(e: HclExpr, indent: string): string {
  switch (e.kind) {
    case 'string':
      return quote(e.value);
    case 'number':
      return String(e.value);
    case 'bool':
      return e.value ? 'true' : 'false';
    case 'ref':
      return e.path;
    case 'list': {
      const items = e.items.map((item) => renderExpr(item, indent));
      const oneLine = `[${items.join(', ')}]`;
      if (oneLine.length <= 100 && !oneLine.includes('\n')) return oneLine;
      const inner = `${indent}  `;
      return `[\n${e.items.map((item) => `${inner}${renderExpr(item, inner)},\n`).join('')}${indent}]`;
    }
    case 'object': {
      if (e.entries.length === 0) return '{}';
      const inner = `${indent}  `;
      const width = Math.max(...e.entries.map(([k]) => key(k).length));
      const lines = e.entries.map(([k, v]) => `${inner}${key(k).padEnd(width)} = ${renderExpr(v, inner)}\n`);
      return `{\n${lines.join('')}${indent}}`;
    }
  }
}

/**
 * The lines of a body. Like `terraform fmt`, the `=` of consecutive one-line attributes line up; a
 * multi-line value, a block or a blank line ends the run.
 */
function renderBody(items: HclItem[], indent: string): string {
  let out = '';
  let run: { name: string; value: string }[] = [];
  const flush = (): void => {
    const width = Math.max(0, ...run.map((a) => a.name.length));
    for (const a of run) out += `${indent}${a.name.padEnd(width)} = ${a.value}\n`;
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'attr') {
      const value = renderExpr(item.value, indent);
      if (value.includes('\n')) {
        flush();
        out += `${indent}${key(item.name)} = ${value}\n`;
      } else run.push({ name: key(item.name), value });
      continue;
    }
    flush();
    if (item.kind === 'blank') out += '\n';
    else out += renderBlock(item.block, indent);
  }
  flush();
  return out;
}

/** A block with its body, ending in a newline. */
export function renderBlock(b: HclBlock, indent = ''): string {
  const head = [b.type, ...b.labels.map(quote)].join(' ');
  if (b.body.length === 0) return `${indent}${head} {}\n`;
  return `${indent}${head} {\n${renderBody(b.body, `${indent}  `)}${indent}}\n`;
}
