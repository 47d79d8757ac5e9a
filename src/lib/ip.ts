/**
 * IPv4 and IPv6 addresses and CIDR blocks as numbers (IPv4, unsigned 32-bit) and bigints (IPv6).
 * Text is parsed and validated at the edge with `ip-cidr`; every comparison after that is plain math.
 */
import IPCIDR from 'ip-cidr';
import { err, ok, type Result } from './result.ts';

export type IpFamily = 4 | 6;

export interface Ipv4Address {
  readonly family: 4;
  /** Unsigned 32-bit value. */
  readonly value: number;
}
export interface Ipv6Address {
  readonly family: 6;
  readonly value: bigint;
}
export type IpAddress = Ipv4Address | Ipv6Address;

export interface Cidr4 {
  readonly family: 4;
  /** Network address (host bits zero), unsigned 32-bit. */
  readonly network: number;
  /** Last address of the block, unsigned 32-bit. */
  readonly last: number;
  readonly prefix: number;
  /** Canonical text, e.g. `10.0.0.0/16`. */
  readonly text: string;
}
export interface Cidr6 {
  readonly family: 6;
  readonly network: bigint;
  readonly last: bigint;
  readonly prefix: number;
  readonly text: string;
}
export type Cidr = Cidr4 | Cidr6;

const V6_MAX = (1n << 128n) - 1n;
const V4_STRICT = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Parses a dotted-quad IPv4 or an IPv6 address (no prefix). Returns undefined for anything else. */
export function parseIp(input: string): IpAddress | undefined {
  let text = input;
  if (typeof text !== 'string' || text.length === 0 || text.length > 64) return undefined;
  if (text.includes('.') && !text.includes(':')) {
    if (!V4_STRICT.test(text)) return undefined;
    const parts = text.split('.');
    let v = 0;
    for (const p of parts) v = v * 256 + Number(p);
    return { family: 4, value: v };
  }
  if (!text.includes(':') || text.includes('/') || text.includes('%')) return undefined;
  // An IPv6 address may end in dotted IPv4 (RFC 4291 2.2 form 3): rewrite it as its two low hex groups,
  // because the parser below would keep only that tail.
  if (text.includes('.')) {
    const colon = text.lastIndexOf(':');
    const tail = text.slice(colon + 1);
    if (!V4_STRICT.test(tail)) return undefined;
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  if (!IPCIDR.isValidAddress(text)) return undefined;
  const addr = IPCIDR.createAddress(text) as unknown as { bigInteger(): { toString(radix?: number): string } };
  // ip-address 9 returns a jsbn integer; its hex text converts exactly.
  const big = BigInt(`0x${addr.bigInteger().toString(16)}`);
  if (big < 0n || big > V6_MAX) return undefined;
  return { family: 6, value: big };
}

export function ipv4(value: number): Ipv4Address {
  return { family: 4, value: value >>> 0 };
}

export function ipv6(value: bigint): Ipv6Address {
  return { family: 6, value };
}

/** Why a CIDR text was refused. */
export type CidrError = { readonly kind: 'syntax' } | { readonly kind: 'host-bits'; readonly canonical: string };

/** Parses `a.b.c.d/n` or `x::/n`. Host bits are an error (the caller decides what to do with it). */
export function parseCidr(text: string): Result<Cidr, CidrError> {
  if (typeof text !== 'string') return err({ kind: 'syntax' });
  const slash = text.indexOf('/');
  if (slash <= 0 || slash !== text.lastIndexOf('/')) return err({ kind: 'syntax' });
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return err({ kind: 'syntax' });
  const prefix = Number(prefixText);
  const addr = parseIp(addrText);
  if (!addr) return err({ kind: 'syntax' });
  if (addr.family === 4) {
    if (prefix > 32) return err({ kind: 'syntax' });
    const c = cidr4(addr.value, prefix);
    if (c.network !== addr.value) return err({ kind: 'host-bits', canonical: c.text });
    return ok(c);
  }
  if (prefix > 128) return err({ kind: 'syntax' });
  const c = cidr6(addr.value, prefix);
  if (c.network !== addr.value) return err({ kind: 'host-bits', canonical: c.text });
  return ok(c);
}

/** Parses a CIDR and, for host bits, returns the canonical network (as AWS would store it). */
export function parseCidrLoose(text: string): Cidr | undefined {
  const r = parseCidr(text);
  if (r.ok) return r.value;
  if (r.error.kind === 'host-bits') {
    const again = parseCidr(r.error.canonical);
    return again.ok ? again.value : undefined;
  }
  return undefined;
}

export function mask4(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function mask6(prefix: number): bigint {
  return prefix === 0 ? 0n : (V6_MAX >> BigInt(128 - prefix)) << BigInt(128 - prefix);
}

/** The block of `prefix` bits that contains `value`. */
export function cidr4(value: number, prefix: number): Cidr4 {
  const m = mask4(prefix);
  const network = (value & m) >>> 0;
  const last = (network | (~m >>> 0)) >>> 0;
  return { family: 4, network, last, prefix, text: `${formatIpv4(network)}/${prefix}` };
}

export function cidr6(value: bigint, prefix: number): Cidr6 {
  const m = mask6(prefix);
  const network = value & m;
  const last = network | (V6_MAX ^ m);
  return { family: 6, network, last, prefix, text: `${formatIpv6(network)}/${prefix}` };
}

export function cidrContains(c: Cidr, a: IpAddress): boolean {
  if (c.family === 4) return a.family === 4 && a.value >= c.network && a.value <= c.last;
  return a.family === 6 && a.value >= c.network && a.value <= c.last;
}

/** True when `inner` lies entirely inside `outer` (same family). */
export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family) return false;
  return inner.network >= outer.network && inner.last <= outer.last;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false;
  return a.network <= b.last && b.network <= a.last;
}

export function cidrEquals(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network === b.network && a.prefix === b.prefix;
}

/** The address `offset` after the block's network address. */
export function cidrAddress(c: Cidr, offset: number): IpAddress {
  if (c.family === 4) return ipv4(c.network + offset);
  return ipv6(c.network + BigInt(offset));
}

export function cidrLastAddress(c: Cidr): IpAddress {
  return c.family === 4 ? ipv4(c.last) : ipv6(c.last);
}

/** Number of addresses in the block. */
export function cidrSize(c: Cidr): bigint {
  return c.family === 4 ? BigInt(c.last - c.network + 1) : c.last - c.network + 1n;
}

export function ipEquals(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family && a.value === b.value;
}

export function formatIpv4(v: number): string {
  return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups as `::`. */
export function formatIpv6(v: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLen).join(':');
  return `${head}::${tail}`;
}

export function formatIp(a: IpAddress): string {
  return a.family === 4 ? formatIpv4(a.value) : formatIpv6(a.value);
}

/** Parses a fixed list of CIDR literals known to be valid (built-in ranges). */
export function mustParseCidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(`invalid built-in CIDR ${text}`);
  return r.value;
}
