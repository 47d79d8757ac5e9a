// Field validators of the inspector: text as typed → the value to write, or the reason it is refused.
// Pure and total (never throw), so every keystroke can be checked; they mirror AWS's API checks.
import {
  cidrContains,
  cidrContainsCidr,
  cidrsOverlap,
  formatIp,
  parseCidr,
  parseCidrLoose,
  parseIp,
  parsePortRange,
  type Cidr,
} from '../../lib/index.ts';
import { FORBIDDEN_VPC_RANGES, NOT_PUBLIC_RANGES } from '../../model/index.ts';

/** A checked field: the value to write, or why the text cannot be written. */
export type FieldCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const pass = <T>(value: T): FieldCheck<T> => ({ ok: true, value });
const fail = <T>(reason: string): FieldCheck<T> => ({ ok: false, reason });

/** The protocol names a rule accepts besides numbers 0-255 (format.md 2). */
export const PROTOCOL_NAMES = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'] as const;

function loose(text: string | undefined): Cidr | undefined {
  return text === undefined ? undefined : parseCidrLoose(text);
}

/** Any text, kept as typed (names, descriptions). */
export function checkText(text: string): FieldCheck<string> {
  return pass(text);
}

/** A required word without spaces (region, availability zone, service, state). */
export function checkWord(text: string): FieldCheck<string> {
  const t = text.trim();
  if (t === '') return fail('Required.');
  if (/\s/.test(t)) return fail('No spaces allowed.');
  return pass(t);
}

/** Like `checkWord`, but empty means "not set". */
export function checkOptionalWord(text: string): FieldCheck<string | undefined> {
  return text.trim() === '' ? pass(undefined) : checkWord(text);
}

/** A CIDR block: syntax, host bits (with the network AWS would mean), and optionally its family. */
export function checkCidr(text: string, family?: 4 | 6): FieldCheck<Cidr> {
  const t = text.trim();
  if (t === '') return fail('Required.');
  if (!t.includes('/')) return fail('Expected address/prefix, e.g. 10.0.0.0/16.');
  const r = parseCidr(t);
  if (!r.ok) {
    if (r.error.kind === 'host-bits') return fail(`Host bits are set: the network is ${r.error.canonical}.`);
    const addr = parseIp(t.slice(0, t.indexOf('/')));
    if (!addr) return fail(`${t.slice(0, t.indexOf('/')) || 'The address'} is not an IPv4 or IPv6 address.`);
    return fail(`The prefix must be 0-${addr.family === 4 ? 32 : 128}.`);
  }
  if (family !== undefined && r.value.family !== family) return fail(`Expected an IPv${family} block.`);
  return pass(r.value);
}

function overlapReason(c: Cidr, others: readonly string[], what: string): string | undefined {
  for (const other of others) {
    const o = loose(other);
    if (o && cidrsOverlap(o, c)) return `Overlaps ${what} ${o.text}.`;
  }
  return undefined;
}

/** A VPC IPv4 block: /16 to /28, not in a forbidden range, not overlapping the VPC's other blocks. */
export function checkVpcCidr(text: string, otherBlocks: readonly string[] = []): FieldCheck<string> {
  const r = checkCidr(text, 4);
  if (!r.ok) return r;
  const c = r.value;
  if (c.prefix < 16 || c.prefix > 28) return fail(`A VPC block must be /16 to /28 (this is /${c.prefix}).`);
  const forbidden = FORBIDDEN_VPC_RANGES.find((f) => cidrsOverlap(f, c));
  if (forbidden) return fail(`AWS does not allow blocks in ${forbidden.text}.`);
  const overlap = overlapReason(c, otherBlocks, 'the VPC block');
  return overlap ? fail(overlap) : pass(c.text);
}

/** A VPC IPv6 block: /44 to /60 in steps of 4, not overlapping the VPC's other IPv6 blocks. */
export function checkVpcIpv6Cidr(text: string, otherBlocks: readonly string[] = []): FieldCheck<string> {
  const r = checkCidr(text, 6);
  if (!r.ok) return r;
  const c = r.value;
  if (c.prefix < 44 || c.prefix > 60 || c.prefix % 4 !== 0) {
    return fail(`A VPC IPv6 block is /44 to /60 in steps of 4 (this is /${c.prefix}).`);
  }
  const overlap = overlapReason(c, otherBlocks, 'the VPC block');
  return overlap ? fail(overlap) : pass(c.text);
}

export interface SubnetCidrContext {
  /** The VPC's blocks of the same family. */
  readonly vpcBlocks: readonly string[];
  /** The same-family blocks of the VPC's other subnets. */
  readonly siblings: readonly string[];
  /** Empty text means "no block" (allowed when the subnet keeps the other family). */
  readonly optional?: boolean;
}

function checkSubnetBlock(text: string, family: 4 | 6, cx: SubnetCidrContext): FieldCheck<string | undefined> {
  if (text.trim() === '') return cx.optional === true ? pass(undefined) : fail('Required.');
  const r = checkCidr(text, family);
  if (!r.ok) return r;
  const c = r.value;
  if (family === 4 && (c.prefix < 16 || c.prefix > 28)) {
    return fail(`A subnet block must be /16 to /28 (this is /${c.prefix}).`);
  }
  if (family === 6 && (c.prefix < 44 || c.prefix > 64 || c.prefix % 4 !== 0)) {
    return fail(`A subnet IPv6 block is /44 to /64 in steps of 4 (this is /${c.prefix}).`);
  }
  const blocks = cx.vpcBlocks.map(loose).filter((b): b is Cidr => b !== undefined);
  if (blocks.length === 0) return fail(`The VPC has no IPv${family} block.`);
  if (!blocks.some((b) => cidrContainsCidr(b, c))) {
    return fail(`Not inside a VPC block (${blocks.map((b) => b.text).join(', ')}).`);
  }
  const overlap = overlapReason(c, cx.siblings, 'subnet');
  return overlap ? fail(overlap) : pass(c.text);
}

/** A subnet IPv4 block: /16 to /28, inside one VPC block, not overlapping another subnet. */
export function checkSubnetCidr(text: string, cx: SubnetCidrContext): FieldCheck<string | undefined> {
  return checkSubnetBlock(text, 4, cx);
}

/** A subnet IPv6 block: /44 to /64 in steps of 4, inside one VPC IPv6 block, not overlapping. */
export function checkSubnetIpv6Cidr(text: string, cx: SubnetCidrContext): FieldCheck<string | undefined> {
  return checkSubnetBlock(text, 6, cx);
}

/** An IP address literal (no prefix), optionally of one family; returns canonical text. */
export function checkIp(text: string, family?: 4 | 6): FieldCheck<string> {
  const t = text.trim();
  if (t === '') return fail('Required.');
  if (t.includes('/')) return fail('An address has no /prefix.');
  const a = parseIp(t);
  if (!a) return fail('Not a valid IP address.');
  if (family !== undefined && a.family !== family) return fail(`Expected an IPv${family} address.`);
  return pass(formatIp(a));
}

export interface PrivateIpContext {
  /** The subnet's block of the address's family (undefined: the subnet has none). */
  readonly subnetCidr: string | undefined;
  /** Canonical addresses already used in the VPC. */
  readonly used: ReadonlySet<string>;
  /** The field's current value: keeping it is never "in use". */
  readonly current?: string | undefined;
}

/** A private address: inside the subnet, not one of AWS's five reserved addresses, not in use. */
export function checkPrivateIp(text: string, family: 4 | 6, cx: PrivateIpContext): FieldCheck<string> {
  const r = checkIp(text, family);
  if (!r.ok) return r;
  const block = loose(cx.subnetCidr);
  if (!block) return fail(`The subnet has no IPv${family} block.`);
  const a = parseIp(r.value);
  if (!a || !cidrContains(block, a)) return fail(`Not inside the subnet (${block.text}).`);
  // cidrContains guarantees the families match; the offset is from the block's network address.
  const offset = a.family === 4 ? BigInt(a.value) - BigInt(block.network) : a.value - BigInt(block.network);
  if (offset < 4n || a.value === block.last) {
    return fail('AWS reserves the first four and the last address of a subnet.');
  }
  const current = cx.current === undefined ? undefined : parseIp(cx.current);
  const isCurrent = current !== undefined && formatIp(current) === r.value;
  if (!isCurrent && cx.used.has(r.value)) return fail(`${r.value} is already used in this VPC.`);
  return pass(r.value);
}

/** An optional public IPv4 (empty = none): not from a private or reserved range, not in use. */
export function checkPublicIp(
  text: string,
  used: ReadonlySet<string> = new Set(),
  current?: string,
): FieldCheck<string | undefined> {
  if (text.trim() === '') return pass(undefined);
  const r = checkIp(text, 4);
  if (!r.ok) return r;
  const a = parseIp(r.value);
  const range = a && NOT_PUBLIC_RANGES.find((c) => cidrContains(c, a));
  if (range) return fail(`${range.text} is never a public address.`);
  if (r.value !== current && used.has(r.value)) return fail(`${r.value} is already used.`);
  return pass(r.value);
}

/** `"443"` or `"1024-65535"`; empty means all ports. */
export function checkPorts(text: string): FieldCheck<string | undefined> {
  const t = text.trim().replace(/\s*-\s*/, '-');
  if (t === '') return pass(undefined);
  if (!/^\d{1,5}(-\d{1,5})?$/.test(t)) return fail('Expected a port (443) or a range (1024-65535).');
  const r = parsePortRange(t);
  if (!r) return fail('Ports are 0-65535 and a range goes from low to high.');
  return pass(r.from === r.to ? String(r.from) : `${r.from}-${r.to}`);
}

/** A protocol name or an IANA number 0-255. */
export function checkProtocol(text: string): FieldCheck<string> {
  const t = text.trim().toLowerCase();
  if ((PROTOCOL_NAMES as readonly string[]).includes(t)) return pass(t);
  if (/^(0|[1-9]\d{0,2})$/.test(t) && Number(t) <= 255) return pass(t);
  return fail('Expected tcp, udp, icmp, icmpv6, all or a protocol number 0-255.');
}

/** A NACL rule number: 1-32766 and not used by another rule of the same direction. */
export function checkRuleNumber(text: string, taken: readonly number[] = []): FieldCheck<number> {
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) return fail('Expected a whole number 1-32766.');
  const n = Number(t);
  if (n < 1 || n > 32766) return fail('Rule numbers go from 1 to 32766.');
  if (taken.includes(n)) return fail(`Rule ${n} already exists in this direction.`);
  return pass(n);
}

/** An ICMP type or code: -1 to 255; empty means any. */
export function checkIcmpField(text: string): FieldCheck<number | undefined> {
  const t = text.trim();
  if (t === '') return pass(undefined);
  if (!/^-?\d{1,3}$/.test(t)) return fail('Expected a number -1 to 255 (empty = any).');
  const n = Number(t);
  if (n < -1 || n > 255) return fail('Expected a number -1 to 255 (empty = any).');
  return pass(n);
}

function cidrKey(text: string): string {
  return loose(text)?.text ?? text;
}

export interface DestinationContext {
  /** Prefix list ids of the document plus the built-in ones. */
  readonly prefixListIds: readonly string[];
  /** Destinations of the table's other static routes. */
  readonly taken?: readonly string[];
}

/** A route destination: a CIDR block or a prefix list id, not already routed in the table. */
export function checkRouteDestination(text: string, cx: DestinationContext): FieldCheck<string> {
  const t = text.trim();
  if (t === '') return fail('Required.');
  let value: string;
  if (t.includes('/') || parseIp(t) !== undefined) {
    const r = checkCidr(t);
    if (!r.ok) return r;
    value = r.value.text;
  } else if (cx.prefixListIds.includes(t)) {
    value = t;
  } else {
    return fail('Expected a CIDR block or a prefix list id.');
  }
  if ((cx.taken ?? []).some((d) => cidrKey(d) === value)) return fail(`A route to ${value} already exists.`);
  return pass(value);
}

/** A transit gateway route destination: a CIDR block not already routed in the table. */
export function checkTgwDestination(text: string, taken: readonly string[] = []): FieldCheck<string> {
  const r = checkCidr(text);
  if (!r.ok) return r;
  if (taken.some((d) => cidrKey(d) === r.value.text)) return fail(`A route to ${r.value.text} already exists.`);
  return pass(r.value.text);
}

export interface PeerContext {
  readonly securityGroupIds: readonly string[];
  readonly prefixListIds: readonly string[];
}

/** A security group rule peer: a CIDR block, a security group id or a prefix list id. */
export function checkSgPeer(text: string, cx: PeerContext): FieldCheck<string> {
  const t = text.trim();
  if (t === '') return fail('Required.');
  if (t.includes('/') || parseIp(t) !== undefined) {
    const r = checkCidr(t);
    return r.ok ? pass(r.value.text) : r;
  }
  if (cx.securityGroupIds.includes(t) || cx.prefixListIds.includes(t)) return pass(t);
  return fail('Expected a CIDR block, a security group id or a prefix list id.');
}

/** A network ACL rule's block: a CIDR only (NACLs take no prefix lists). */
export function checkNaclCidr(text: string): FieldCheck<string> {
  const r = checkCidr(text);
  return r.ok ? pass(r.value.text) : r;
}

/** One entry of a prefix list: a CIDR block of either family, not listed twice. */
export function checkPrefixListCidr(text: string, others: readonly string[] = []): FieldCheck<string> {
  const r = checkCidr(text);
  if (!r.ok) return r;
  if (others.some((o) => cidrKey(o) === r.value.text)) return fail(`${r.value.text} is already listed.`);
  return pass(r.value.text);
}
