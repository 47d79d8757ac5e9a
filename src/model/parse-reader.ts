/**
 * The small combinator kit `parse.ts` reads a document with: field specs that check one JSON value,
 * report what is wrong as diagnostics, and hand back a clean copy. Never throws on bad data.
 */
import { parseCidr, parseIp, parsePortRange } from '../lib/index.ts';
import type { DiagnosticCode } from './codes.ts';
import type { Diagnostic, Severity } from './diagnostic.ts';
import type { TopologyArrayName } from './types.ts';

/** The kind of a registered id: the array its resource sits in. Primary interfaces count as `networkInterfaces`. */
export type IdKind = TopologyArrayName;

export const KIND_LABEL: { readonly [K in IdKind]-?: string } = {
  vpcs: 'VPC',
  subnets: 'subnet',
  routeTables: 'route table',
  networkAcls: 'network ACL',
  securityGroups: 'security group',
  instances: 'instance',
  networkInterfaces: 'network interface',
  internetGateways: 'internet gateway',
  egressOnlyInternetGateways: 'egress-only internet gateway',
  natGateways: 'NAT gateway',
  vpcPeeringConnections: 'peering connection',
  transitGateways: 'transit gateway',
  transitGatewayAttachments: 'transit gateway attachment',
  transitGatewayRouteTables: 'transit gateway route table',
  vpcEndpoints: 'VPC endpoint',
  prefixLists: 'prefix list',
  externalHosts: 'external host',
};

/** Where a value sits: its document path and the id of the resource it belongs to. */
export interface At {
  readonly path: string;
  readonly rid: string | undefined;
}

interface Registered {
  readonly kind: IdKind;
  readonly path: string;
}

/** Everything one parse run accumulates. */
export class ParseContext {
  private readonly found: { readonly diagnostic: Diagnostic; readonly seq: number }[] = [];
  private seq = 0;
  private readonly deferred: { readonly seq: number; readonly run: (seq: number) => void }[] = [];
  readonly ids = new Map<string, Registered>();
  hasFatal = false;

  report(code: DiagnosticCode, severity: Severity, at: At | undefined, message: string, seq = this.seq++): void {
    if (severity === 'fatal') this.hasFatal = true;
    const diagnostic: Diagnostic = { code, severity, message };
    if (at?.rid !== undefined) diagnostic.resourceId = at.rid;
    if (at !== undefined && at.path !== '') diagnostic.path = at.path;
    this.found.push({ diagnostic, seq });
  }

  fatal(code: DiagnosticCode, at: At | undefined, message: string): void {
    this.report(code, 'fatal', at, message);
  }

  /** Queues a check that needs every id of the document; it reports in document order all the same. */
  defer(run: (seq: number) => void): void {
    this.deferred.push({ seq: this.seq++, run });
  }

  /** Records an id; a second use of the same id is fatal. */
  register(id: string, kind: IdKind, at: At): void {
    const prior = this.ids.get(id);
    if (prior) {
      this.fatal(
        'CFG_DUPLICATE_ID',
        at,
        `${at.path} is ${show(id)}, already the id of the ${KIND_LABEL[prior.kind]} at ${prior.path}: ids must be unique across the document`,
      );
      return;
    }
    this.ids.set(id, { kind, path: at.path });
  }

  kindOf(id: string): IdKind | undefined {
    return this.ids.get(id)?.kind;
  }

  runDeferred(): void {
    for (const d of this.deferred) d.run(d.seq);
    this.deferred.length = 0;
  }

  /** The diagnostics in document order. */
  diagnostics(): Diagnostic[] {
    return [...this.found].sort((a, b) => a.seq - b.seq).map((f) => f.diagnostic);
  }
}

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };
/** Checks one JSON value and returns a clean copy, or reports why it cannot. */
export type Spec<T> = (cx: ParseContext, value: unknown, at: At) => Read<T>;

const FAIL: Read<never> = { ok: false };
function ok<T>(value: T): Read<T> {
  return { ok: true, value };
}

export function child(at: At, key: string | number): At {
  return {
    path: typeof key === 'number' ? `${at.path}[${key}]` : at.path === '' ? key : `${at.path}.${key}`,
    rid: at.rid,
  };
}

/** A value as it should appear in a message: short strings as they are, everything else described. */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return /^[\x21-\x7e]+$/.test(cut) ? cut : JSON.stringify(cut);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return 'an object';
    case 'bigint':
      return 'a bigint';
    case 'undefined':
      return 'undefined';
    default:
      return `a ${typeof value}`;
  }
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** A plain JSON object (not an array, not a class instance). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function typeError(cx: ParseContext, at: At, value: unknown, expected: string): Read<never> {
  cx.fatal('CFG_FIELD_TYPE', at, `${at.path} is ${show(value)}: expected ${expected}`);
  return FAIL;
}

/**
 * Reads one object field by field into a clean copy typed `T`. Keys that no field reads are reported
 * as unknown (warning) by `finish`.
 */
export class ObjectReader<T> {
  readonly out: Record<string, unknown> = {};
  valid = true;
  private readonly read = new Set<string>();

  constructor(
    readonly cx: ParseContext,
    readonly obj: Record<string, unknown>,
    public at: At,
  ) {}

  private field<K extends keyof T & string>(key: K, spec: Spec<T[K]>, required: boolean): T[K] | undefined {
    this.read.add(key);
    const value = own(this.obj, key);
    const at = child(this.at, key);
    if (value === undefined) {
      if (required) {
        this.cx.fatal('CFG_FIELD_MISSING', at, `${at.path} is missing: the field is required`);
        this.valid = false;
      }
      return undefined;
    }
    const r = spec(this.cx, value, at);
    if (!r.ok) {
      this.valid = false;
      return undefined;
    }
    this.out[key] = r.value;
    return r.value;
  }

  req<K extends keyof T & string>(key: K, spec: Spec<T[K]>): T[K] | undefined {
    return this.field(key, spec, true);
  }

  opt<K extends keyof T & string>(key: K, spec: Spec<T[K]>): T[K] | undefined {
    return this.field(key, spec, false);
  }

  /** Reads `id`, registers it under `kind`, and makes it the resource id of later diagnostics. */
  id(kind: IdKind): string | undefined {
    this.read.add('id');
    const value = own(this.obj, 'id');
    const at = child(this.at, 'id');
    if (value === undefined) {
      this.cx.fatal('CFG_FIELD_MISSING', at, `${at.path} is missing: every resource needs an id`);
      this.valid = false;
      return undefined;
    }
    const r = nonEmpty(this.cx, value, at);
    if (!r.ok) {
      this.valid = false;
      return undefined;
    }
    this.at = { path: this.at.path, rid: r.value };
    this.cx.register(r.value, kind, { path: at.path, rid: r.value });
    this.out['id'] = r.value;
    return r.value;
  }

  /** Whether the object carries `key` at all (valid or not). */
  has(key: string): boolean {
    return own(this.obj, key) !== undefined;
  }

  /** Reports a rule about several fields. */
  invalid(code: DiagnosticCode, key: string | undefined, message: string): void {
    this.cx.fatal(code, key === undefined ? this.at : child(this.at, key), message);
    this.valid = false;
  }

  finish(): T | undefined {
    for (const key of Object.keys(this.obj)) {
      if (this.read.has(key)) continue;
      const at = child(this.at, key);
      this.cx.report('CFG_UNKNOWN_FIELD', 'warning', at, `${at.path} is not a field of the format; it was ignored`);
    }
    // The copy holds exactly the fields read above, each checked by the spec of its declared type.
    return this.valid ? (this.out as T) : undefined;
  }
}

/** An object spec: `read` pulls each field through the reader. */
export function struct<T>(what: string, read: (r: ObjectReader<T>) => void): Spec<T> {
  return (cx, value, at) => {
    if (!isRecord(value)) return typeError(cx, at, value, what);
    const r = new ObjectReader<T>(cx, value, at);
    read(r);
    const out = r.finish();
    return out === undefined ? FAIL : ok(out);
  };
}

/** A resource: an object whose `id` is read and registered first. */
export function resource<T>(kind: IdKind, read: (r: ObjectReader<T>, id: string | undefined) => void): Spec<T> {
  return struct<T>(`a ${KIND_LABEL[kind]} object`, (r) => read(r, r.id(kind)));
}

/** An array; invalid elements are reported and left out of the copy. */
export function arrayOf<T>(item: Spec<T>, what = 'an array'): Spec<T[]> {
  return (cx, value, at) => {
    if (!Array.isArray(value)) return typeError(cx, at, value, what);
    // An invalid element has already made the document fatal; the rest are kept for the reference checks.
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = item(cx, value[i], child(at, i));
      if (r.ok) out.push(r.value);
    }
    return ok(out);
  };
}

export function nullable<T>(spec: Spec<T>): Spec<T | null> {
  return (cx, value, at) => (value === null ? ok(null) : spec(cx, value, at));
}

export const text: Spec<string> = (cx, value, at) =>
  typeof value === 'string' ? ok(value) : typeError(cx, at, value, 'a string');

export const nonEmpty: Spec<string> = (cx, value, at) => {
  if (typeof value !== 'string') return typeError(cx, at, value, 'a string');
  if (value.length === 0) {
    cx.fatal('CFG_FIELD_VALUE', at, `${at.path} is an empty string: expected a non-empty id`);
    return FAIL;
  }
  return ok(value);
};

export const bool: Spec<boolean> = (cx, value, at) =>
  typeof value === 'boolean' ? ok(value) : typeError(cx, at, value, 'true or false');

export const finiteNumber: Spec<number> = (cx, value, at) =>
  typeof value === 'number' && Number.isFinite(value) ? ok(value) : typeError(cx, at, value, 'a number');

/** An integer; outside [min, max] is a value error. */
export function integer(min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY): Spec<number> {
  return (cx, value, at) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return typeError(cx, at, value, 'an integer');
    if (value < min || value > max) {
      cx.fatal('CFG_FIELD_VALUE', at, `${at.path} is ${String(value)}: expected an integer from ${min} to ${max}`);
      return FAIL;
    }
    return ok(value);
  };
}

export function oneOf<const V extends readonly (string | number)[]>(values: V): Spec<V[number]> {
  const list = values.map((v) => (typeof v === 'string' ? v : String(v))).join(', ');
  return (cx, value, at) => {
    const expectedType = typeof values[0];
    if (typeof value !== expectedType) return typeError(cx, at, value, `one of ${list}`);
    const hit = values.find((v) => v === value);
    if (hit === undefined) {
      cx.fatal('CFG_FIELD_VALUE', at, `${at.path} is ${show(value)}: expected one of ${list}`);
      return FAIL;
    }
    return ok(hit);
  };
}

/** Why a CIDR text is malformed, in words. */
function cidrSyntaxReason(value: string): string {
  const slash = value.indexOf('/');
  if (slash < 0) return 'not a CIDR block (expected address/prefix, e.g. 10.0.0.0/16)';
  const addr = value.slice(0, slash);
  const prefixText = value.slice(slash + 1);
  const ip = parseIp(addr);
  if (!ip) return `not a valid CIDR block (${show(addr)} is not an IPv4 or IPv6 address)`;
  const max = ip.family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
    return `not a valid CIDR block (prefix must be 0-${max} for IPv${ip.family})`;
  }
  return 'not a valid CIDR block';
}

/**
 * A CIDR block text of the given family. Host bits are an `error` naming the canonical block, and the
 * text is kept as written (nothing is silently repaired; the engine uses the canonical network).
 */
export function cidr(family: 4 | 6 | undefined): Spec<string> {
  return (cx, value, at) => {
    if (typeof value !== 'string') return typeError(cx, at, value, 'a CIDR block string');
    const r = parseCidr(value);
    if (!r.ok && r.error.kind === 'syntax') {
      cx.fatal('CFG_CIDR_SYNTAX', at, `${at.path} is ${show(value)}: ${cidrSyntaxReason(value)}`);
      return FAIL;
    }
    const fam = r.ok ? r.value.family : value.includes(':') ? 6 : 4;
    if (family !== undefined && fam !== family) {
      cx.fatal(
        'CFG_FIELD_VALUE',
        at,
        `${at.path} is ${show(value)}, an IPv${fam} block: expected an IPv${family} CIDR block`,
      );
      return FAIL;
    }
    if (!r.ok && r.error.kind === 'host-bits') {
      cx.report(
        'CFG_CIDR_HOST_BITS',
        'error',
        at,
        `${at.path} is ${show(value)}: host bits are set; AWS stores the network ${r.error.canonical}, which the simulator uses`,
      );
    }
    return ok(value);
  };
}

export function ip(family: 4 | 6 | undefined): Spec<string> {
  return (cx, value, at) => {
    if (typeof value !== 'string') return typeError(cx, at, value, 'an IP address string');
    const a = parseIp(value);
    if (!a) {
      const hint = value.includes('/') ? ' (an address has no /prefix)' : '';
      cx.fatal('CFG_IP_SYNTAX', at, `${at.path} is ${show(value)}: not a valid IP address${hint}`);
      return FAIL;
    }
    if (family !== undefined && a.family !== family) {
      cx.fatal('CFG_FIELD_VALUE', at, `${at.path} is ${show(value)}, an IPv${a.family} address: expected IPv${family}`);
      return FAIL;
    }
    return ok(value);
  };
}

export const ports: Spec<string> = (cx, value, at) => {
  if (typeof value !== 'string') return typeError(cx, at, value, 'a port range string such as "443" or "1024-65535"');
  if (!parsePortRange(value)) {
    cx.fatal(
      'CFG_PORT_RANGE',
      at,
      `${at.path} is ${show(value)}: expected a port "N" or a range "N-M" with 0 <= N <= M <= 65535`,
    );
    return FAIL;
  }
  return ok(value);
};

const PROTOCOL_NAMES = new Set(['tcp', 'udp', 'icmp', 'icmpv6', 'all']);

export const protocol: Spec<string> = (cx, value, at) => {
  if (typeof value !== 'string') return typeError(cx, at, value, 'a protocol string');
  if (PROTOCOL_NAMES.has(value) || (/^(0|[1-9]\d{0,2})$/.test(value) && Number(value) <= 255)) return ok(value);
  cx.fatal(
    'CFG_PROTOCOL',
    at,
    `${at.path} is ${show(value)}: expected tcp, udp, icmp, icmpv6, all, or a protocol number from 0 to 255`,
  );
  return FAIL;
};

/** A reference to a resource of one of `kinds`, checked once every id is known. */
export function ref(...kinds: IdKind[]): Spec<string> {
  return (cx, value, at) => {
    const r = nonEmpty(cx, value, at);
    if (r.ok) cx.defer((seq) => checkRef(cx, r.value, kinds, at, seq));
    return r;
  };
}

function checkRef(cx: ParseContext, id: string, kinds: readonly IdKind[], at: At, seq: number): void {
  const kind = cx.kindOf(id);
  if (kind !== undefined && kinds.includes(kind)) return;
  const expected = kinds.map((k) => KIND_LABEL[k]).join(' or ');
  const found = kind === undefined ? 'names nothing in the document' : `names the ${KIND_LABEL[kind]} ${show(id)}`;
  cx.report(
    'CFG_DANGLING_REFERENCE',
    'fatal',
    at,
    `${at.path} is ${show(id)}, which ${found}: expected a ${expected}`,
    seq,
  );
}

/** Prefix lists every document has (their ranges are the engine's). */
/**
 * Built-in managed prefix lists of the AWS services with gateway endpoints, with their us-east-1
 * ranges. The ranges are illustrative public ranges (AWS publishes the real, per-region lists); they
 * match semantics.md's fixtures. Lists are regional: the engine expands `pl-s3` to the ranges of the
 * referencing VPC's region (src/engine/builtins.ts, serviceRanges).
 */
export const BUILTIN_PREFIX_LISTS: Readonly<Record<string, readonly string[]>> = {
  'pl-s3': ['52.216.0.0/15', '3.5.0.0/19'],
  'pl-dynamodb': ['52.94.0.0/22', '52.119.224.0/20'],
};
export const BUILTIN_PREFIX_LIST_IDS: readonly string[] = Object.keys(BUILTIN_PREFIX_LISTS);

function isPrefixList(cx: ParseContext, id: string): boolean {
  return cx.kindOf(id) === 'prefixLists' || BUILTIN_PREFIX_LIST_IDS.includes(id);
}

/** A prefix list id: one of `prefixLists` or a built-in. */
export const prefixListRef: Spec<string> = (cx, value, at) => {
  const r = nonEmpty(cx, value, at);
  if (r.ok) {
    cx.defer((seq) => {
      if (isPrefixList(cx, r.value)) return;
      cx.report(
        'CFG_DANGLING_REFERENCE',
        'fatal',
        at,
        `${at.path} is ${show(r.value)}, which is no prefix list of the document nor a built-in one (${BUILTIN_PREFIX_LIST_IDS.join(', ')})`,
        seq,
      );
    });
  }
  return r;
};

/** A route destination: a CIDR block (contains '/') or a prefix list id. */
export const routeDestination: Spec<string> = (cx, value, at) => {
  if (typeof value === 'string' && value.includes('/')) return cidr(undefined)(cx, value, at);
  const r = nonEmpty(cx, value, at);
  if (r.ok) {
    cx.defer((seq) => {
      if (isPrefixList(cx, r.value)) return;
      cx.report(
        'CFG_DANGLING_REFERENCE',
        'fatal',
        at,
        `${at.path} is ${show(r.value)}: a destination is a CIDR block or a prefix list id, and no prefix list has this id`,
        seq,
      );
    });
  }
  return r;
};

/**
 * A security group rule peer: a CIDR block, a security group id or a prefix list id. A peer naming no
 * group is a stale rule (AWS keeps rules whose group was deleted); an undefined `pl-` id is dangling.
 */
export const sgPeer: Spec<string> = (cx, value, at) => {
  if (typeof value === 'string' && value.includes('/')) return cidr(undefined)(cx, value, at);
  const r = nonEmpty(cx, value, at);
  if (r.ok) {
    const id = r.value;
    cx.defer((seq) => {
      const kind = cx.kindOf(id);
      if (kind === 'securityGroups' || isPrefixList(cx, id)) return;
      if (kind !== undefined) {
        cx.report(
          'CFG_DANGLING_REFERENCE',
          'fatal',
          at,
          `${at.path} is ${show(id)}, which names the ${KIND_LABEL[kind]} ${show(id)}: expected a CIDR block, a security group or a prefix list`,
          seq,
        );
      } else if (id.startsWith('pl-')) {
        cx.report(
          'CFG_DANGLING_REFERENCE',
          'fatal',
          at,
          `${at.path} is ${show(id)}, which is no prefix list of the document nor a built-in one`,
          seq,
        );
      } else {
        cx.report(
          'CFG_SG_RULE_STALE_REFERENCE',
          'warning',
          at,
          `${at.path} is ${show(id)}, which names no security group: the rule is stale and matches nothing`,
          seq,
        );
      }
    });
  }
  return r;
};

/** A network ACL rule's `cidr`: a CIDR block; a prefix list id is read (the validator rejects it), anything else is fatal. */
export const naclCidr: Spec<string> = (cx, value, at) => {
  if (typeof value === 'string' && value.includes('/')) return cidr(undefined)(cx, value, at);
  const r = nonEmpty(cx, value, at);
  if (r.ok) {
    cx.defer((seq) => {
      if (isPrefixList(cx, r.value)) return;
      cx.report('CFG_CIDR_SYNTAX', 'fatal', at, `${at.path} is ${show(r.value)}: ${cidrSyntaxReason(r.value)}`, seq);
    });
  }
  return r;
};
