/**
 * Reads the JSON of `terraform show -json`: a state (`values.root_module`) or a plan
 * (`planned_values.root_module`, with `prior_state`, `resource_changes` and `configuration`), walking
 * `child_modules` to the resources inside modules. A raw state file (`terraform.tfstate`, version 4) is
 * read too. Everything is checked before use; bad entries are reported and skipped.
 */
import type { Diagnostic } from '../../model/index.ts';
import { describe, isRecord, own } from './fields.ts';
import { resolvePlanReferences } from './plan.ts';
import type { TerraformResource } from './resource.ts';

export interface ShowJson {
  readonly kind: 'state' | 'plan' | 'state file';
  readonly resources: TerraformResource[];
  readonly terraformVersion: string | undefined;
}

class Reader {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly origin: string) {}

  /** `address` when the entry has one, so the diagnostic names the resource. */
  malformed(where: string, message: string, address?: string): void {
    const d: Diagnostic = {
      code: 'IMPORT_TF_MALFORMED',
      severity: 'error',
      path: `${this.origin}#${where}`,
      message: `${where} ${message}; it was skipped`,
    };
    if (address !== undefined) d.resourceId = address;
    this.diagnostics.push(d);
  }

  fatal(code: string, message: string): void {
    this.diagnostics.push({ code, severity: 'fatal', path: this.origin, message });
  }

  resource(value: unknown, where: string): TerraformResource | undefined {
    if (!isRecord(value)) {
      this.malformed(where, `is ${describe(value)}: expected a resource object`);
      return undefined;
    }
    const address = own(value, 'address');
    const type = own(value, 'type');
    const name = own(value, 'name');
    const mode = own(value, 'mode');
    const index = own(value, 'index');
    const values = own(value, 'values');
    if (typeof address !== 'string' || address === '') {
      this.malformed(where, 'has no address');
      return undefined;
    }
    const at = address;
    if (typeof type !== 'string' || type === '' || typeof name !== 'string') {
      this.malformed(at, 'has no type or name', address);
      return undefined;
    }
    if (mode !== undefined && mode !== 'managed' && mode !== 'data') {
      this.malformed(at, `has mode ${describe(mode)}: expected managed or data`, address);
      return undefined;
    }
    if (values !== undefined && values !== null && !isRecord(values)) {
      this.malformed(at, `has values ${describe(values)}: expected an object`, address);
      return undefined;
    }
    const r: TerraformResource = { address, type, name, values: isRecord(values) ? values : {} };
    if (mode !== undefined) r.mode = mode;
    if (typeof index === 'string' || (typeof index === 'number' && Number.isFinite(index))) r.index = index;
    return r;
  }

  /** The resources of a module and its child modules, depth first in document order (no recursion: any nesting). */
  modules(root: unknown, where: string, out: TerraformResource[]): void {
    const stack: { m: unknown; at: string }[] = [{ m: root, at: where }];
    while (stack.length > 0) {
      const { m, at } = stack.pop()!;
      if (!isRecord(m)) {
        this.malformed(at, `is ${describe(m)}: expected a module object`);
        continue;
      }
      const resources = own(m, 'resources');
      if (Array.isArray(resources)) {
        (resources as unknown[]).forEach((r, i) => {
          const res = this.resource(r, `${at}.resources[${i}]`);
          if (res) out.push(res);
        });
      } else if (resources !== undefined) {
        this.malformed(`${at}.resources`, `is ${describe(resources)}: expected an array`);
      }
      const children = own(m, 'child_modules');
      if (Array.isArray(children)) {
        const list = children as unknown[];
        for (let i = list.length - 1; i >= 0; i--) {
          const child = list[i];
          const address = isRecord(child) ? own(child, 'address') : undefined;
          stack.push({ m: child, at: typeof address === 'string' ? address : `${at}.child_modules[${i}]` });
        }
      } else if (children !== undefined) {
        this.malformed(`${at}.child_modules`, `is ${describe(children)}: expected an array`);
      }
    }
  }

  /** A raw state file: resources[].instances[].attributes. */
  stateFile(resources: unknown[], out: TerraformResource[]): void {
    resources.forEach((r, i) => {
      const where = `resources[${i}]`;
      if (!isRecord(r)) {
        this.malformed(where, `is ${describe(r)}: expected an object`);
        return;
      }
      const module = own(r, 'module');
      const mode = own(r, 'mode');
      const type = own(r, 'type');
      const name = own(r, 'name');
      const instances = own(r, 'instances');
      if (typeof type !== 'string' || typeof name !== 'string' || !Array.isArray(instances)) {
        this.malformed(where, 'has no type, name or instances');
        return;
      }
      const base = `${typeof module === 'string' && module !== '' ? `${module}.` : ''}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
      (instances as unknown[]).forEach((inst, k) => {
        const key = isRecord(inst) ? own(inst, 'index_key') : undefined;
        const address = typeof key === 'string' || typeof key === 'number' ? `${base}[${JSON.stringify(key)}]` : base;
        const values = isRecord(inst) ? own(inst, 'attributes') : undefined;
        this.stateFileInstance(out, { address, type, name, mode, key, values }, `${where}.instances[${k}]`);
      });
    });
  }

  private stateFileInstance(
    out: TerraformResource[],
    p: { address: string; type: string; name: string; mode: unknown; key: unknown; values: unknown },
    where: string,
  ): void {
    const res = this.resource(
      {
        address: p.address,
        type: p.type,
        name: p.name,
        mode: p.mode === 'data' ? 'data' : 'managed',
        index: p.key,
        values: p.values,
      },
      where,
    );
    if (res) out.push(res);
  }
}

const EXPECTED =
  'expected the output of `terraform show -json`: an object with values.root_module (a state) or planned_values.root_module (a plan)';

/** Reads the parsed JSON; undefined (with a fatal diagnostic) when it is neither a state nor a plan. */
export function readShowJson(
  value: unknown,
  origin: string,
): { read: ShowJson | undefined; diagnostics: Diagnostic[] } {
  const r = new Reader(origin);
  if (!isRecord(value)) {
    r.fatal('IMPORT_TF_NOT_TERRAFORM', `${origin} holds ${describe(value)}: ${EXPECTED}`);
    return { read: undefined, diagnostics: r.diagnostics };
  }
  const formatVersion = own(value, 'format_version');
  if (typeof formatVersion === 'string' && !/^[01](\.|$)/.test(formatVersion)) {
    r.fatal(
      'IMPORT_TF_FORMAT_VERSION',
      `${origin} has format_version ${formatVersion}: this importer reads format versions 0.x and 1.x`,
    );
    return { read: undefined, diagnostics: r.diagnostics };
  }
  const tfv = own(value, 'terraform_version');
  const terraformVersion = typeof tfv === 'string' ? tfv : undefined;
  const resources: TerraformResource[] = [];
  const planned = own(value, 'planned_values');
  const state = own(value, 'values');
  if (isRecord(planned)) {
    const root = own(planned, 'root_module');
    if (root !== undefined) r.modules(root, 'planned_values.root_module', resources);
    // Data sources are read into the prior state; they say which prefix lists stand for services.
    const prior = own(value, 'prior_state');
    const priorValues = isRecord(prior) ? own(prior, 'values') : undefined;
    const priorRoot = isRecord(priorValues) ? own(priorValues, 'root_module') : undefined;
    if (priorRoot !== undefined) {
      const fromPrior: TerraformResource[] = [];
      r.modules(priorRoot, 'prior_state.values.root_module', fromPrior);
      const have = new Set(resources.map((x) => x.address));
      for (const x of fromPrior) if (x.mode === 'data' && !have.has(x.address)) resources.push(x);
    }
    const afterUnknown = new Map<string, unknown>();
    const changes = own(value, 'resource_changes');
    if (Array.isArray(changes)) {
      for (const c of changes as unknown[]) {
        if (!isRecord(c)) continue;
        const address = own(c, 'address');
        const change = own(c, 'change');
        if (typeof address === 'string' && isRecord(change)) afterUnknown.set(address, own(change, 'after_unknown'));
      }
    }
    resolvePlanReferences(resources, afterUnknown, own(value, 'configuration'));
    return { read: { kind: 'plan', resources, terraformVersion }, diagnostics: r.diagnostics };
  }
  if (isRecord(state)) {
    const root = own(state, 'root_module');
    if (root !== undefined) r.modules(root, 'values.root_module', resources);
    return { read: { kind: 'state', resources, terraformVersion }, diagnostics: r.diagnostics };
  }
  const stateFile = own(value, 'resources');
  if (typeof own(value, 'version') === 'number' && Array.isArray(stateFile)) {
    r.stateFile(stateFile as unknown[], resources);
    return { read: { kind: 'state file', resources, terraformVersion }, diagnostics: r.diagnostics };
  }
  // `terraform show -json` of an empty state prints only the format version.
  if (
    typeof formatVersion === 'string' &&
    Object.keys(value).every((k) => ['format_version', 'terraform_version'].includes(k))
  ) {
    return { read: { kind: 'state', resources, terraformVersion }, diagnostics: r.diagnostics };
  }
  r.fatal('IMPORT_TF_NOT_TERRAFORM', `${origin} is JSON but not Terraform: ${EXPECTED}`);
  return { read: undefined, diagnostics: r.diagnostics };
}
