// hclJsonToResources: the JSON that @cdktf/hcl2json prints for a configuration, as the resource
// instances `terraform show -json` would list, with references resolved to the addresses they name.
import type { TerraformResource } from '../terraform/index.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Arguments that steer Terraform rather than describe the resource. */
const META_ARGUMENTS = new Set([
  'provider',
  'depends_on',
  'count',
  'for_each',
  'lifecycle',
  'provisioner',
  'connection',
]);

/** `type.name`, an optional `[index]`, then attributes: a reference to a resource (or `data.type.name`). */
const TRAVERSAL = /^(data\.)?([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)(\[[^\]]*\])?((?:\.[A-Za-z_][\w-]*)*)$/;

interface Entry {
  resource: TerraformResource;
  body: Record<string, unknown>;
  done: boolean;
}

/** One piece of a template string: literal text, or an interpolation / directive with its source. */
type Piece = { text: string } | { expr: string; directive: boolean };

/**
 * Splits a string of Terraform's JSON syntax (what hcl2json prints) into literal text and `${...}` /
 * `%{...}` sequences. `$${` and `%%{` are the escapes of a literal `${` and `%{`.
 */
export function splitTemplate(s: string): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('$${', i) || s.startsWith('%%{', i)) {
      text += `${s.charAt(i)}{`;
      i += 3;
      continue;
    }
    if (s.startsWith('${', i) || s.startsWith('%{', i)) {
      const end = closingBrace(s, i + 2);
      if (end >= 0) {
        if (text !== '') pieces.push({ text });
        text = '';
        pieces.push({ expr: s.slice(i + 2, end).trim(), directive: s.charAt(i) === '%' });
        i = end + 1;
        continue;
      }
    }
    text += s.charAt(i);
    i++;
  }
  if (text !== '' || pieces.length === 0) pieces.push({ text });
  return pieces;
}

/** The index of the `}` closing an interpolation whose body starts at `from`, skipping nested braces and strings. */
function closingBrace(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '"') {
      for (i++; i < s.length && s.charAt(i) !== '"'; i++) if (s.charAt(i) === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

class Resolver {
  readonly entries = new Map<string, Entry>();
  private readonly variables = new Map<string, unknown>();
  private readonly locals = new Map<string, unknown>();

  constructor(root: Record<string, unknown>) {
    const variable = root['variable'];
    if (isRecord(variable)) {
      for (const [name, bodies] of Object.entries(variable)) {
        const body = firstBody(bodies);
        if (body && 'default' in body) this.variables.set(name, body['default']);
      }
    }
    const locals = root['locals'];
    for (const body of Array.isArray(locals) ? locals : [locals]) {
      if (isRecord(body)) for (const [k, v] of Object.entries(body)) this.locals.set(k, v);
    }
    for (const mode of ['managed', 'data'] as const) {
      const section = root[mode === 'managed' ? 'resource' : 'data'];
      if (!isRecord(section)) continue;
      for (const [type, byName] of Object.entries(section)) {
        if (!isRecord(byName)) continue;
        for (const [name, bodies] of Object.entries(byName)) {
          for (const body of Array.isArray(bodies) ? bodies : [bodies]) {
            if (!isRecord(body)) continue;
            const address = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
            if (this.entries.has(address)) continue;
            const resource: TerraformResource = { address, mode, type, name, values: {} };
            this.entries.set(address, { resource, body, done: false });
          }
        }
      }
    }
  }

  /** Converts every resource's arguments and gives each its provider's region. */
  run(providerRegions: Map<string, unknown>): TerraformResource[] {
    for (const entry of this.entries.values()) {
      this.convert(entry);
      const values = entry.resource.values;
      if (values['region'] === undefined) {
        const region = providerRegions.get(this.providerAlias(entry.body['provider']));
        if (typeof region === 'string') values['region'] = region;
      }
    }
    return [...this.entries.values()].map((e) => e.resource);
  }

  /** `aws.west` (as `${aws.west}`) -> `west`; no provider -> the default one (''). */
  providerAlias(value: unknown): string {
    if (typeof value !== 'string') return '';
    const pieces = splitTemplate(value);
    const only = pieces.length === 1 ? pieces[0] : undefined;
    const text = only && 'expr' in only ? only.expr : value;
    const dot = text.indexOf('.');
    return dot < 0 ? '' : text.slice(dot + 1);
  }

  private convert(entry: Entry): void {
    if (entry.done) return;
    entry.done = true;
    for (const [key, value] of Object.entries(entry.body)) {
      if (META_ARGUMENTS.has(key)) continue;
      entry.resource.values[key] = this.value(value, new Set([entry.resource.address]));
    }
  }

  /** A JSON value of the configuration with its strings decoded and references resolved. */
  value(v: unknown, visiting: Set<string>): unknown {
    if (typeof v === 'string') return this.template(v, visiting);
    if (Array.isArray(v)) return v.map((x) => this.value(x, visiting));
    if (isRecord(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = this.value(x, visiting);
      return out;
    }
    return v;
  }

  private template(s: string, visiting: Set<string>): unknown {
    const pieces = splitTemplate(s);
    const only = pieces.length === 1 ? pieces[0] : undefined;
    if (only && 'expr' in only && !only.directive) return this.expression(only.expr, visiting);
    return pieces
      .map((p) => {
        if ('text' in p) return p.text;
        if (p.directive) return `%{${p.expr}}`;
        const r = this.expression(p.expr, visiting);
        return typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? String(r) : `\${${p.expr}}`;
      })
      .join('');
  }

  /**
   * A reference's value: `aws_x.y` or `aws_x.y.id` -> the address `aws_x.y`; another attribute -> its
   * configured value, or the text `aws_x.y.attr` when Terraform computes it (as a plan, which leaves
   * it unknown); `var.x` / `local.x` -> their value; anything else -> the expression as written.
   */
  private expression(expr: string, visiting: Set<string>): unknown {
    const m = TRAVERSAL.exec(expr);
    if (!m) return `\${${expr}}`;
    const [, data = '', type = '', name = '', index = '', rest = ''] = m;
    if (data === '' && (type === 'var' || type === 'local') && index === '' && rest === '') {
      const table = type === 'var' ? this.variables : this.locals;
      return table.has(name) ? this.value(table.get(name), visiting) : expr;
    }
    const address = `${data}${type}.${name}`;
    const attrs = rest.split('.').filter((a) => a !== '');
    const attribute = attrs[0];
    if (attribute === undefined || attribute === 'id') return `${address}${index}`;
    const target = this.entries.get(address);
    if (
      target &&
      index === '' &&
      attrs.length === 1 &&
      Object.hasOwn(target.body, attribute) &&
      !visiting.has(address)
    ) {
      return this.value(target.body[attribute], new Set([...visiting, address]));
    }
    return `${address}${index}${rest}`;
  }
}

function firstBody(bodies: unknown): Record<string, unknown> | undefined {
  const first: unknown = Array.isArray(bodies) ? bodies[0] : bodies;
  return isRecord(first) ? first : undefined;
}

/**
 * The resource instances of a configuration, given the JSON `@cdktf/hcl2json` prints for it, shaped
 * like `terraform show -json` lists them: `values` holds the configured arguments (nested blocks as
 * arrays of objects) with Terraform's string escapes decoded and references resolved: `aws_x.y.id`
 * becomes the address `aws_x.y`, `var.x` its default, a configured attribute (`aws_vpc.x.cidr_block`)
 * its value, and one Terraform computes (`aws_instance.nat.primary_network_interface_id`) stays that
 * text, which the mapper resolves to the resource, as in a plan that does not know it yet. `region` comes
 * from the resource's provider when not configured (as in AWS provider 6). Meta-arguments (`provider`,
 * `depends_on`, ...) are dropped; `count` and `for_each` are not expanded.
 */
export function hclJsonToResources(json: unknown): TerraformResource[] {
  if (!isRecord(json)) return [];
  const resolver = new Resolver(json);
  const providerRegions = new Map<string, unknown>();
  const providers = json['provider'];
  const aws = isRecord(providers) ? providers['aws'] : undefined;
  for (const body of Array.isArray(aws) ? aws : [aws]) {
    if (!isRecord(body)) continue;
    const alias = typeof body['alias'] === 'string' ? body['alias'] : '';
    if (!providerRegions.has(alias)) providerRegions.set(alias, resolver.value(body['region'], new Set()));
  }
  return resolver.run(providerRegions);
}
