/**
 * Fills what a plan does not know yet from its configuration. A resource to be created has no id and
 * the attributes that point at other new resources are unknown (`after_unknown`); the configuration's
 * `expressions.<attr>.references` say which resource they will name, module-aware (through module
 * variables and outputs), so each unknown reference becomes the referenced resource's address.
 */
import { keyed, moduleInstance, parseAddress, segments, type Keyed } from './address.ts';
import { isRecord, own } from './fields.ts';
import type { TerraformResource } from './resource.ts';

interface CfgModule {
  /** `aws_vpc.main` -> its expressions. */
  readonly resources: Map<string, Record<string, unknown>>;
  readonly calls: Map<string, { expressions: Record<string, unknown>; module: CfgModule }>;
  /** Output name -> the references of its expression. */
  readonly outputs: Map<string, unknown[]>;
}

/** Module nesting deeper than this is not followed (real configurations stay far below it). */
const MAX_DEPTH = 32;

function readModule(value: unknown, depth: number): CfgModule {
  const m: CfgModule = { resources: new Map(), calls: new Map(), outputs: new Map() };
  if (!isRecord(value) || depth > MAX_DEPTH) return m;
  const resources = own(value, 'resources');
  if (Array.isArray(resources)) {
    for (const r of resources as unknown[]) {
      if (!isRecord(r)) continue;
      const address = own(r, 'address');
      const expressions = own(r, 'expressions');
      if (typeof address === 'string' && isRecord(expressions)) m.resources.set(address, expressions);
    }
  }
  const calls = own(value, 'module_calls');
  if (isRecord(calls)) {
    for (const [name, call] of Object.entries(calls)) {
      if (!isRecord(call)) continue;
      const expressions = own(call, 'expressions');
      m.calls.set(name, {
        expressions: isRecord(expressions) ? expressions : {},
        module: readModule(own(call, 'module'), depth + 1),
      });
    }
  }
  const outputs = own(value, 'outputs');
  if (isRecord(outputs)) {
    for (const [name, out] of Object.entries(outputs)) {
      const expr = isRecord(out) ? own(out, 'expression') : undefined;
      const refs = isRecord(expr) ? own(expr, 'references') : undefined;
      if (Array.isArray(refs)) m.outputs.set(name, refs as unknown[]);
    }
  }
  return m;
}

/** Where a reference is evaluated: the module (by call names) and its instance, and the referring resource's key. */
interface Scope {
  readonly path: readonly string[];
  /** Module instance segments (`module.net["a"]`); undefined when any instance of the module will do. */
  readonly instance: readonly string[] | undefined;
  readonly selfKey: string | undefined;
}

class Resolver {
  /** `<module path>|<resource>` -> its instances in the plan. */
  private readonly instances = new Map<string, TerraformResource[]>();
  private readonly modulePrefix = new Map<TerraformResource, string>();
  /** Each resolved reference text -> the resource it names. */
  private readonly named = new Map<string, TerraformResource>();

  constructor(
    private readonly root: CfgModule,
    resources: readonly TerraformResource[],
  ) {
    for (const r of resources) {
      const p = parseAddress(r.address);
      if (!p) continue;
      const key = `${p.modules.map((m) => m.name).join('.')}|${p.resource}`;
      const list = this.instances.get(key);
      if (list) list.push(r);
      else this.instances.set(key, [r]);
      this.modulePrefix.set(r, moduleInstance(p.modules));
    }
  }

  /** Whether a resolved reference names a resource whose id the plan already knows (it exists). */
  exists(ref: string): boolean {
    const id = this.named.get(ref)?.values['id'];
    return typeof id === 'string' && id !== '';
  }

  module(path: readonly string[]): CfgModule | undefined {
    let m: CfgModule | undefined = this.root;
    for (const name of path) m = m?.calls.get(name)?.module;
    return m;
  }

  private candidates(scope: Scope, resource: string): TerraformResource[] {
    const all = this.instances.get(`${scope.path.join('.')}|${resource}`) ?? [];
    if (scope.instance === undefined) return all;
    const prefix = scope.instance.join('.');
    const here = all.filter((r) => this.modulePrefix.get(r) === prefix);
    return here.length > 0 ? here : all.length === 1 ? all : [];
  }

  /** The addresses (with the attribute path, e.g. `aws_vpc.main.id`) that `refs` name in `scope`. */
  resolve(refs: readonly unknown[], scope: Scope, depth = 0): string[] {
    if (depth > MAX_DEPTH) return [];
    const out: string[] = [];
    const iterates = refs.some((r) => typeof r === 'string' && /^(count|each)\./.test(r));
    const groups = new Map<string, { key: string | undefined; dynamic: boolean; attr: string }[]>();
    for (const raw of refs) {
      if (typeof raw !== 'string') continue;
      const segs = segments(raw);
      const head = segs[0];
      if (head === 'var' && segs[1] !== undefined) {
        out.push(...this.viaVariable(segs[1], scope, depth));
      } else if (head === 'module' && segs[1] !== undefined && segs[2] !== undefined) {
        out.push(...this.viaOutput(keyed(segs[1]), segs[2], scope, depth));
      } else if (head !== 'module' && !['count', 'each', 'local', 'path', 'terraform', 'self'].includes(head ?? '')) {
        const p = parseAddress(raw);
        if (!p || p.modules.length > 0) continue;
        const list = groups.get(p.resource);
        const entry = { key: p.key, dynamic: p.dynamic, attr: p.attr };
        if (list) list.push(entry);
        else groups.set(p.resource, [entry]);
      }
    }
    for (const [resource, entries] of groups) {
      const candidates = this.candidates(scope, resource);
      const attrOf = (list: typeof entries) => list.reduce((a, e) => (e.attr.length > a.length ? e.attr : a), '');
      const explicit = entries.filter((e) => e.key !== undefined);
      let chosen: TerraformResource[];
      let attr: string;
      if (explicit.length > 0) {
        const keys = new Set(explicit.map((e) => e.key));
        chosen = candidates.filter((c) => c.index !== undefined && keys.has(String(c.index)));
        attr = attrOf(explicit);
      } else {
        attr = attrOf(entries);
        const dynamic = entries.some((e) => e.dynamic);
        if (candidates.length <= 1) chosen = candidates;
        else if ((iterates || dynamic) && scope.selfKey !== undefined) {
          chosen = candidates.filter((c) => c.index !== undefined && String(c.index) === scope.selfKey);
        } else chosen = candidates;
      }
      for (const c of chosen) {
        const text = attr === '' ? c.address : `${c.address}.${attr}`;
        this.named.set(text, c);
        out.push(text);
      }
    }
    return [...new Set(out)];
  }

  private viaVariable(name: string, scope: Scope, depth: number): string[] {
    if (scope.path.length === 0) return [];
    const parentPath = scope.path.slice(0, -1);
    const call = this.module(parentPath)?.calls.get(scope.path[scope.path.length - 1]!);
    const expr = call ? own(call.expressions, name) : undefined;
    const refs = isRecord(expr) ? own(expr, 'references') : undefined;
    if (!Array.isArray(refs)) return [];
    const parent: Scope = {
      path: parentPath,
      instance: scope.instance?.slice(0, -1),
      selfKey: undefined,
    };
    return this.resolve(refs as unknown[], parent, depth + 1);
  }

  private viaOutput(call: Keyed, output: string, scope: Scope, depth: number): string[] {
    const refs = this.module([...scope.path, call.name])?.outputs.get(output);
    if (!refs) return [];
    const child: Scope = {
      path: [...scope.path, call.name],
      instance: scope.instance === undefined ? undefined : [...scope.instance, `module.${call.name}${call.keyText}`],
      selfKey: undefined,
    };
    return this.resolve(refs, child, depth + 1);
  }
}

/** Attributes that hold lists of ids or blocks of text (a single reference still fills a list). */
const LIST_ATTRIBUTE = /(_ids|_blocks|^security_groups|_ips|_addresses|_list)$/;

function isUnknown(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * Fills the unknown reference attributes of `values` (recursively into nested blocks) from `exprs`,
 * guided by `unknown` (the resource's `after_unknown`; undefined when the plan has no change for it).
 */
function fill(
  values: Record<string, unknown>,
  unknown: unknown,
  exprs: Record<string, unknown>,
  resolve: (refs: unknown[]) => string[],
  exists: (ref: string) => boolean,
): void {
  for (const [key, expr] of Object.entries(exprs)) {
    if (key === '__proto__') continue;
    const current = own(values, key);
    const marked = isRecord(unknown) ? own(unknown, key) : unknown === true ? true : undefined;
    if (isRecord(expr)) {
      const refs = own(expr, 'references');
      if (!Array.isArray(refs)) continue;
      if (marked === true || (unknown === undefined && isUnknown(current))) {
        const targets = resolve(refs as unknown[]);
        if (targets.length === 0) continue;
        if (Array.isArray(current) || LIST_ATTRIBUTE.test(key)) values[key] = targets;
        else if (targets.length === 1) values[key] = targets[0];
      } else if (Array.isArray(marked) && Array.isArray(current)) {
        // A list with some unknown elements: the known ones stay, the unknown ones take the references to new resources in order.
        const targets = resolve(refs as unknown[]).filter((t) => !exists(t));
        const list = [...(current as unknown[])];
        let t = 0;
        (marked as unknown[]).forEach((m, i) => {
          if (m === true && isUnknown(list[i]) && t < targets.length) list[i] = targets[t++];
        });
        values[key] = list;
      }
    } else if (Array.isArray(expr)) {
      const blocks = expr as unknown[];
      if (Array.isArray(current) && current.length === blocks.length) {
        (current as unknown[]).forEach((v, i) => {
          const e = blocks[i];
          const u = Array.isArray(marked) ? (marked as unknown[])[i] : marked === true ? true : undefined;
          if (isRecord(v) && isRecord(e)) fill(v, u, e, resolve, exists);
        });
      } else if (marked === true || isUnknown(current)) {
        // The whole block list is unknown: rebuild it from the configuration.
        values[key] = blocks.filter(isRecord).map((e) => build(e, resolve));
      }
    }
  }
}

/** A nested block as the configuration writes it: constants as they are, references resolved. */
function build(exprs: Record<string, unknown>, resolve: (refs: unknown[]) => string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, expr] of Object.entries(exprs)) {
    if (key === '__proto__') continue;
    if (isRecord(expr)) {
      if (Object.hasOwn(expr, 'constant_value')) out[key] = expr['constant_value'];
      else {
        const refs = own(expr, 'references');
        if (!Array.isArray(refs)) continue;
        const targets = resolve(refs as unknown[]);
        if (LIST_ATTRIBUTE.test(key)) out[key] = targets;
        else if (targets.length === 1) out[key] = targets[0];
      }
    } else if (Array.isArray(expr)) {
      out[key] = (expr as unknown[]).filter(isRecord).map((e) => build(e, resolve));
    }
  }
  return out;
}

/**
 * Resolves the unknown references of planned resources in place (their `values` are the importer's own
 * parsed copy). `afterUnknown` maps an address to its `change.after_unknown`.
 */
export function resolvePlanReferences(
  resources: readonly TerraformResource[],
  afterUnknown: ReadonlyMap<string, unknown>,
  configuration: unknown,
): void {
  const root = readModule(isRecord(configuration) ? own(configuration, 'root_module') : undefined, 0);
  const resolver = new Resolver(root, resources);
  for (const r of resources) {
    if (r.mode === 'data') continue;
    const p = parseAddress(r.address);
    if (!p) continue;
    const path = p.modules.map((m) => m.name);
    const exprs = resolver.module(path)?.resources.get(p.resource);
    if (!exprs) continue;
    const scope: Scope = {
      path,
      instance: p.modules.map((m) => `module.${m.name}${m.keyText}`),
      selfKey: r.index === undefined ? undefined : String(r.index),
    };
    fill(
      r.values,
      afterUnknown.get(r.address),
      exprs,
      (refs) => resolver.resolve(refs, scope),
      (ref) => resolver.exists(ref),
    );
  }
}
