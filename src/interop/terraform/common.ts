/**
 * Helpers every mapping step shares: reports for missing and unknown references, display names,
 * protocols and ports as the format writes them, and prefix list references.
 */
import { BUILTIN_PREFIX_LIST_IDS, RESOURCE_KIND_LABELS } from '../../model/index.ts';
import type { Entry, Kind, MapContext } from './context.ts';
import type { Fields } from './fields.ts';

/** How messages name each kind (the model's words). */
const KIND_WORD: Readonly<Record<Kind, string>> = RESOURCE_KIND_LABELS;

export function kindWord(kind: Kind): string {
  return KIND_WORD[kind];
}

/** Reports a needed attribute that is absent (a plan: not known before apply) and says the resource was left out. */
export function missing(f: Fields, key: string, why: string): void {
  const state = f.absent(key) ? 'is not known (a plan learns it at apply)' : 'is empty';
  f.cx.report('IMPORT_TF_FIELD_MISSING', 'error', f.address, `${f.prefix}${key} ${state}: ${why}`, f.prefix + key);
}

/** Reports a reference to an id no imported resource of `kind` has. */
export function dangling(f: Fields, key: string, id: string, kind: Kind, consequence: string): void {
  f.cx.report(
    'IMPORT_TF_DANGLING_REFERENCE',
    'error',
    f.address,
    `${f.prefix}${key} is ${id}, which is no ${KIND_WORD[kind]} of the input; ${consequence}`,
    f.prefix + key,
  );
}

/**
 * Reads a required reference to a document resource of `kind`: undefined (reported) when it is
 * missing or names nothing imported.
 */
export function need(f: Fields, key: string, kind: Kind, what: string): string | undefined {
  const id = f.ref(key);
  if (id === undefined) {
    missing(f, key, `${what}; the resource was left out`);
    return undefined;
  }
  if (!f.cx.is(kind, id)) {
    dangling(f, key, id, kind, 'the resource was left out');
    return undefined;
  }
  return id;
}

/** The display name: the Name tag, else `fallback`, else the Terraform address when the id is an AWS id. */
export function nameOf(e: Entry, f: Fields, fallback?: string): { name?: string } {
  const name = f.nameTag() ?? fallback ?? (e.id !== e.address ? e.address : undefined);
  return name === undefined ? {} : { name };
}

/** AWS protocol text (`-1`, `tcp`, `6`, `icmpv6`, `58`, ...) -> the format's protocol, or undefined. */
export function protocolOf(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  switch (s) {
    case '-1':
    case 'all':
      return 'all';
    case 'tcp':
    case '6':
      return 'tcp';
    case 'udp':
    case '17':
      return 'udp';
    case 'icmp':
    case '1':
      return 'icmp';
    case 'icmpv6':
    case 'ipv6-icmp':
    case '58':
      return 'icmpv6';
    default:
      return /^\d{1,3}$/.test(s) && Number(s) <= 255 ? String(Number(s)) : undefined;
  }
}

/** The protocol, ports and ICMP fields of a rule, as the format writes them. */
export interface RuleBase {
  protocol: string;
  ports?: string;
  icmpType?: number;
  icmpCode?: number;
}

/**
 * Reads a rule's protocol and port range (for ICMP the ports are the type and the code, -1 = any). An
 * invalid value is reported and gives undefined: the rule is left out rather than widened.
 */
export function ruleBase(f: Fields, keys: { protocol: string; from: string; to: string }): RuleBase | undefined {
  const raw = f.text(keys.protocol);
  if (raw === undefined) {
    missing(f, keys.protocol, 'a rule needs its protocol; the rule was left out');
    return undefined;
  }
  const protocol = protocolOf(raw);
  if (protocol === undefined) {
    f.invalid(
      keys.protocol,
      `is "${raw}": expected tcp, udp, icmp, icmpv6, -1 or a protocol number; the rule was left out`,
    );
    return undefined;
  }
  const from = f.int(keys.from);
  const to = f.int(keys.to);
  const base: RuleBase = { protocol };
  if (protocol === 'tcp' || protocol === 'udp') {
    if ((from === undefined || from === -1) && (to === undefined || to === -1)) return base;
    const lo = from ?? to ?? 0;
    const hi = to ?? from ?? 65535;
    if (lo < 0 || hi > 65535 || lo > hi) {
      f.invalid(keys.from, `to ${keys.to} is ${lo}-${hi}: not a port range; the rule was left out`);
      return undefined;
    }
    if (lo !== 0 || hi !== 65535) base.ports = lo === hi ? String(lo) : `${lo}-${hi}`;
    return base;
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    const icmp = icmpFields(f, keys.from, from, keys.to, to);
    return icmp === undefined ? undefined : { ...base, ...icmp };
  }
  return base;
}

/** ICMP type and code (-1 or absent = any). */
export function icmpFields(
  f: Fields,
  typeKey: string,
  type: number | undefined,
  codeKey: string,
  code: number | undefined,
): { icmpType?: number; icmpCode?: number } | undefined {
  const out: { icmpType?: number; icmpCode?: number } = {};
  for (const [key, v, field] of [
    [typeKey, type, 'icmpType'],
    [codeKey, code, 'icmpCode'],
  ] as const) {
    if (v === undefined || v === -1) continue;
    if (v < 0 || v > 255) {
      f.invalid(key, `is ${v}: an ICMP type or code is -1 or 0-255; the rule was left out`);
      return undefined;
    }
    out[field] = v;
  }
  return out;
}

/**
 * The document id of a prefix list reference: a built-in (`pl-s3`), a real id that stands for one (a
 * gateway endpoint's service list), a managed prefix list, or one a data source read (added on first use).
 */
export function prefixListRef(cx: MapContext, id: string): string | undefined {
  if (BUILTIN_PREFIX_LIST_IDS.includes(id)) return id;
  const alias = cx.prefixAlias.get(id);
  if (alias !== undefined) {
    builtinUsed(cx, id, alias);
    return alias;
  }
  if (cx.is('prefixLists', id)) return id;
  const data = cx.dataPrefixLists.get(id);
  if (data !== undefined && !cx.kindOfId.has(id)) {
    cx.claim('prefixLists', { id, cidrs: data.cidrs }, data.address);
    return id;
  }
  return undefined;
}

/** Says once per list that AWS's service list is replaced by the built-in one (its ranges are vpcsim's own). */
function builtinUsed(cx: MapContext, id: string, builtin: string): void {
  const source = cx.prefixAliasSource.get(id);
  if (source === undefined || source.reported) return;
  source.reported = true;
  const list = id === source.address ? source.address : `${id} (${source.address})`;
  cx.report(
    'IMPORT_TF_PREFIX_LIST_BUILTIN',
    'warning',
    source.address,
    `prefix list ${list} is AWS's ${builtin.slice(3)} list; rules and routes use the built-in ${builtin}, whose regional ranges the simulator uses for ${builtin.slice(3)} everywhere`,
  );
}

/** Appends `value` to an optional list field, without repeats. */
export function pushUnique(list: string[] | undefined, value: string): string[] {
  const out = list ?? [];
  if (!out.includes(value)) out.push(value);
  return out;
}
