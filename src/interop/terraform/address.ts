/**
 * Terraform addresses and references (`module.net["a"].aws_subnet.private[0].id`) split into their
 * parts. Instance keys may hold dots, brackets and escaped quotes, so the split follows the quoting.
 */

/** A name with an optional instance key: `private[0]`, `net["a.b"]`, `a[count.index]` (a dynamic key). */
export interface Keyed {
  readonly name: string;
  /** The bracket text as written, e.g. `["a"]`; empty when there is none. */
  readonly keyText: string;
  /** The key as Terraform's `index` gives it, as text; undefined when absent or dynamic. */
  readonly key: string | undefined;
  readonly dynamic: boolean;
}

/** Splits on dots outside brackets and strings. */
export function segments(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      cur += ch;
      if (ch === '\\' && i + 1 < text.length) cur += text[++i]!;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '.' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

export function keyed(segment: string): Keyed {
  const open = segment.indexOf('[');
  if (open < 0) return { name: segment, keyText: '', key: undefined, dynamic: false };
  const name = segment.slice(0, open);
  const keyText = segment.slice(open);
  const inner = keyText.endsWith(']') ? keyText.slice(1, -1) : '';
  if (/^\d+$/.test(inner)) return { name, keyText, key: String(Number(inner)), dynamic: false };
  if (inner.startsWith('"') && inner.endsWith('"') && inner.length >= 2) {
    try {
      const key: unknown = JSON.parse(inner);
      if (typeof key === 'string') return { name, keyText, key, dynamic: false };
    } catch {
      // Not a plain string key: treated as dynamic below.
    }
  }
  return { name, keyText, key: undefined, dynamic: true };
}

/** A resource instance address split into its module path and resource part. */
export interface ParsedAddress {
  /** Module calls, outermost first. */
  readonly modules: readonly Keyed[];
  /** `aws_vpc.main` or `data.aws_prefix_list.s3`, without the instance key. */
  readonly resource: string;
  readonly key: string | undefined;
  readonly dynamic: boolean;
  /** The attribute path after the resource, e.g. `id` (references only). */
  readonly attr: string;
}

export function parseAddress(text: string): ParsedAddress | undefined {
  const segs = segments(text);
  const modules: Keyed[] = [];
  let i = 0;
  while (segs[i] === 'module' && segs[i + 1] !== undefined) {
    modules.push(keyed(segs[i + 1]!));
    i += 2;
  }
  let prefix = '';
  if (segs[i] === 'data') {
    prefix = 'data.';
    i++;
  }
  const type = segs[i];
  const nameSeg = segs[i + 1];
  if (type === undefined || nameSeg === undefined || type === '' || type.includes('[')) return undefined;
  const k = keyed(nameSeg);
  if (k.name === '') return undefined;
  return {
    modules,
    resource: `${prefix}${type}.${k.name}`,
    key: k.key,
    dynamic: k.dynamic,
    attr: segs.slice(i + 2).join('.'),
  };
}

/** `module.a["x"].module.b` of an address: the module instance it sits in ('' for the root module). */
export function moduleInstance(modules: readonly Keyed[]): string {
  return modules.map((m) => `module.${m.name}${m.keyText}`).join('.');
}
