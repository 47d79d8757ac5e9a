/**
 * Typed reads of a resource's `values`: every attribute is checked before use, a wrong type is reported
 * (naming the address and the attribute) and ignored, and empty strings count as absent, as Terraform
 * writes unset optional strings that way.
 */
import { parseCidr, parseIp } from '../../lib/index.ts';
import type { MapContext } from './context.ts';

/** A value as a message shows it. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' || typeof value === 'boolean' ? `${typeof value} ${String(value)}` : typeof value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export class Fields {
  constructor(
    readonly cx: MapContext,
    readonly address: string,
    readonly values: Record<string, unknown>,
    /** Where these values sit inside the resource, e.g. `route[2].` for a nested block. */
    readonly prefix = '',
  ) {}

  private raw(key: string): unknown {
    return own(this.values, key);
  }

  wrong(key: string, value: unknown, expected: string): void {
    this.cx.report(
      'IMPORT_TF_FIELD_TYPE',
      'error',
      this.address,
      `${this.prefix}${key} is ${describe(value)}: expected ${expected}; it was ignored`,
      this.prefix + key,
    );
  }

  /** Reports an attribute value AWS would not accept. */
  invalid(key: string, message: string): void {
    this.cx.report(
      'IMPORT_TF_FIELD_VALUE',
      'error',
      this.address,
      `${this.prefix}${key} ${message}`,
      this.prefix + key,
    );
  }

  /** The attribute is there with a value (not absent, null or an empty string). */
  present(key: string): boolean {
    const v = this.raw(key);
    return v !== undefined && v !== null && v !== '';
  }

  /** Absent from the values altogether: a plan leaves out what it will know only after apply. */
  absent(key: string): boolean {
    return this.raw(key) === undefined;
  }

  str(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v;
    this.wrong(key, v, 'a string');
    return undefined;
  }

  /** A string or a number as text (protocols come as "6", "tcp" or -1). */
  text(key: string): string | undefined {
    const v = this.raw(key);
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return this.str(key);
  }

  /** A reference attribute: the id it names (see MapContext.resolve). */
  ref(key: string): string | undefined {
    const s = this.str(key);
    return s === undefined ? undefined : this.cx.resolve(s);
  }

  bool(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    this.wrong(key, v, 'true or false');
    return undefined;
  }

  /** An integer, also written as a numeric string (Terraform keeps some ports and protocols as text). */
  int(key: string): number | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d{1,10}$/.test(v.trim())) return Number(v.trim());
    this.wrong(key, v, 'an integer');
    return undefined;
  }

  /** A list (or set) of strings; empty strings and wrong elements are dropped, the latter reported. */
  strs(key: string): string[] {
    const v = this.raw(key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.wrong(key, v, 'a list of strings');
      return [];
    }
    const out: string[] = [];
    for (const item of v as unknown[]) {
      if (typeof item === 'string') {
        if (item !== '') out.push(item);
      } else if (item !== null) {
        this.wrong(key, item, 'a list of strings');
      }
    }
    return out;
  }

  /** One string or a list of them (attributes that are a single value in one resource and a list in another). */
  list(key: string): string[] {
    const v = this.raw(key);
    if (typeof v === 'string') return v === '' ? [] : [v];
    return this.strs(key);
  }

  /** A list of references: the ids they name, without repeats. */
  refs(key: string): string[] {
    return [...new Set(this.strs(key).map((s) => this.cx.resolve(s)))];
  }

  /** Nested blocks (`route`, `ingress`, `attachment`, ...): each as its own Fields. */
  blocks(key: string): Fields[] {
    const v = this.raw(key);
    if (v === undefined || v === null) return [];
    const list: unknown[] = Array.isArray(v) ? (v as unknown[]) : [v];
    const out: Fields[] = [];
    list.forEach((item, i) => {
      if (isRecord(item)) out.push(new Fields(this.cx, this.address, item, `${this.prefix}${key}[${i}].`));
      else if (item !== null) this.wrong(`${key}[${i}]`, item, 'an object');
    });
    return out;
  }

  /** The `Name` tag, which AWS consoles show and vpcsim uses as the display name. */
  nameTag(): string | undefined {
    for (const key of ['tags', 'tags_all']) {
      const tags = this.raw(key);
      if (isRecord(tags)) {
        const name = own(tags, 'Name');
        if (typeof name === 'string' && name !== '') return name;
      }
    }
    return undefined;
  }

  /** The tags with string values: `tags` over `tags_all` (which adds the provider's default tags). */
  tags(): Map<string, string> {
    const out = new Map<string, string>();
    for (const key of ['tags_all', 'tags']) {
      const tags = this.raw(key);
      if (!isRecord(tags)) continue;
      for (const [k, v] of Object.entries(tags)) if (typeof v === 'string') out.set(k, v);
    }
    return out;
  }

  /** A CIDR block of the given family; a malformed one is reported and ignored. */
  cidr(key: string, family: 4 | 6): string | undefined {
    const s = this.str(key);
    return s === undefined ? undefined : this.checkCidr(key, s, family);
  }

  checkCidr(key: string, s: string, family: 4 | 6 | undefined): string | undefined {
    const r = parseCidr(s);
    if (!r.ok && r.error.kind === 'syntax') {
      this.invalid(key, `is ${describe(s)}: not a CIDR block`);
      return undefined;
    }
    const fam = r.ok ? r.value.family : s.includes(':') ? 6 : 4;
    if (family !== undefined && fam !== family) {
      this.invalid(key, `is ${describe(s)}: expected an IPv${family} CIDR block`);
      return undefined;
    }
    return s;
  }

  ip(key: string, family: 4 | 6): string | undefined {
    const s = this.str(key);
    return s === undefined ? undefined : this.checkIp(key, s, family);
  }

  checkIp(key: string, s: string, family: 4 | 6): string | undefined {
    const a = parseIp(s);
    if (!a || a.family !== family) {
      this.invalid(key, `is ${describe(s)}: expected an IPv${family} address`);
      return undefined;
    }
    return s;
  }

  ips(key: string, family: 4 | 6): string[] {
    const out: string[] = [];
    for (const s of this.strs(key)) {
      const ok = this.checkIp(key, s, family);
      if (ok !== undefined && !out.includes(ok)) out.push(ok);
    }
    return out;
  }
}

/** `arn:aws:ec2:<region>:<account>:...` -> region. */
export function regionOfArn(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const parts = arn.split(':');
  const region = parts[3];
  return parts[0] === 'arn' && region !== undefined && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) ? region : undefined;
}

/** `us-east-1a`, `us-west-2-lax-1a` -> the region of an availability zone name. */
export function regionOfZone(zone: string): string | undefined {
  return /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+)/.exec(zone)?.[1];
}
