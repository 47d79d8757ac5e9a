// XML text for the SVG export: escaping that keeps any resource name well-formed, and numbers that
// never print as NaN, Infinity or long binary fractions.

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE and
 * U+FFFF; unpaired surrogates), plus DEL and the C1 controls, which are legal but render as boxes.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Tab, newline and carriage return are legal but a one-line label shows them as spaces anyway. */
const WHITESPACE = /[\t\n\r]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** A label as one printable line: forbidden characters become U+FFFD, line breaks spaces. */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(WHITESPACE, ' ');
}

/**
 * Text safe in element content and in quoted attribute values. `>` is escaped too, so `]]>` in a
 * name cannot end anything.
 */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A coordinate: at most two decimals, and 0 for a value that is not finite (a broken layout entry). */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  // `-0` would print as `0` anyway; normalising keeps the output byte-identical across runs.
  return String(rounded === 0 ? 0 : rounded);
}

/** An attribute value: numbers through `num`, strings escaped, `undefined` leaves the attribute out. */
export type AttrValue = string | number | undefined;

/** ` name="value"` for each defined attribute, in the order given (deterministic output). */
export function attrs(list: Readonly<Record<string, AttrValue>>): string {
  let out = '';
  for (const name of Object.keys(list)) {
    const value = list[name];
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element: self-closing without content; `content` is markup, already escaped. */
export function el(name: string, list: Readonly<Record<string, AttrValue>>, content?: string): string {
  return content === undefined ? `<${name}${attrs(list)}/>` : `<${name}${attrs(list)}>${content}</${name}>`;
}
