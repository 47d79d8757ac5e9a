// Checked readers for the values the format constrains: CIDR blocks, IP addresses and protocols.
import { parseCidr, parseIp } from '../../lib/index.ts';
import type { Rec } from './fields.ts';

/**
 * A CIDR block field of the given family. A malformed value is reported: an error with `required`
 * (the consequence), otherwise a warning, and undefined is returned.
 */
export function cidrField(rec: Rec, key: string, family: 4 | 6 | undefined, required?: string): string | undefined {
  const text = rec.str(key, required);
  if (text === undefined) return undefined;
  return checkCidr(rec, key, text, family, required);
}

/** Checks a CIDR text read from `rec.key` (or an element of it). */
export function checkCidr(
  rec: Rec,
  key: string,
  text: string,
  family: 4 | 6 | undefined,
  required?: string,
): string | undefined {
  const r = parseCidr(text);
  const fam = r.ok ? r.value.family : text.includes(':') ? 6 : 4;
  if ((!r.ok && r.error.kind === 'syntax') || (family !== undefined && fam !== family)) {
    const expected = family === undefined ? 'a CIDR block' : `an IPv${family} CIDR block`;
    const message = `${rec.file}: ${rec.label} field ${key} is ${JSON.stringify(text)}, not ${expected}; ${required ?? 'the value is ignored'}`;
    if (required !== undefined) rec.r.error('IMPORT_AWS_FIELD_VALUE', rec.at(key), message);
    else rec.r.warning('IMPORT_AWS_FIELD_VALUE', rec.at(key), message);
    return undefined;
  }
  // AWS stores canonical networks; a text with host bits is normalised the same way.
  return !r.ok && r.error.kind === 'host-bits' ? r.error.canonical : text;
}

/** An IP address field of the given family (see cidrField for reporting). */
export function ipField(rec: Rec, key: string, family: 4 | 6, required?: string): string | undefined {
  const text = rec.str(key, required);
  if (text === undefined) return undefined;
  const a = parseIp(text);
  if (!a || a.family !== family) {
    const message = `${rec.file}: ${rec.label} field ${key} is ${JSON.stringify(text)}, not an IPv${family} address; ${required ?? 'the value is ignored'}`;
    if (required !== undefined) rec.r.error('IMPORT_AWS_FIELD_VALUE', rec.at(key), message);
    else rec.r.warning('IMPORT_AWS_FIELD_VALUE', rec.at(key), message);
    return undefined;
  }
  return text;
}

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = {
  '-1': 'all',
  all: 'all',
  '6': 'tcp',
  tcp: 'tcp',
  '17': 'udp',
  udp: 'udp',
  '1': 'icmp',
  icmp: 'icmp',
  '58': 'icmpv6',
  icmpv6: 'icmpv6',
};

/**
 * The format's protocol for an AWS protocol field (`-1`, `6`, `tcp`, `58`, `50`...): a name for the
 * protocols the format names, otherwise the number as a string; undefined when it is neither.
 */
export function protocolOf(text: string): string | undefined {
  const lower = text.toLowerCase();
  const named = PROTOCOL_NUMBERS[lower];
  if (named !== undefined) return named;
  if (!/^\d{1,3}$/.test(lower)) return undefined;
  const n = Number(lower);
  return n <= 255 ? String(n) : undefined;
}

/** A port range text (`443`, `1024-65535`), or undefined for the whole range. */
export function portsText(from: number, to: number): string | undefined {
  if (from === 0 && to === 65535) return undefined;
  return from === to ? String(from) : `${from}-${to}`;
}

/** Whether a port pair is a valid range. */
export function validPorts(from: number, to: number): boolean {
  return from >= 0 && to <= 65535 && from <= to;
}

/** Protocols whose rules carry port ranges. */
export const PORTED_PROTOCOLS: ReadonlySet<string> = new Set(['tcp', 'udp']);
/** Protocols whose rules carry an ICMP type and code. */
export const ICMP_PROTOCOLS: ReadonlySet<string> = new Set(['icmp', 'icmpv6']);

/** Reports a rule value the format cannot hold; the rule is left out. */
export function badRuleValue(rec: Rec, key: string, message: string): void {
  rec.r.warning('IMPORT_AWS_FIELD_VALUE', rec.at(key), `${rec.file}: ${rec.label} ${message}; the rule is left out`);
}
