/**
 * Parsers for option values. Each throws commander's InvalidArgumentError, which commander turns into
 * "option '--port <port>' argument 'abc' is invalid. ..." (exit 2 through run.ts).
 */
import { InvalidArgumentError } from 'commander';

const PROTOCOL_NAMES = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'];

/** A port number 0-65535. */
export function parsePortOption(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError('A port is a whole number from 0 to 65535.');
  }
  return Number(value);
}

/** `tcp`, `udp`, `icmp`, `icmpv6`, `all` (any case), or an IANA protocol number 0-255. */
export function parseProtocolOption(value: string): string {
  const lower = value.toLowerCase();
  if (PROTOCOL_NAMES.includes(lower)) return lower;
  if (/^\d{1,3}$/.test(value) && Number(value) <= 255) return String(Number(value));
  throw new InvalidArgumentError(`Use one of ${PROTOCOL_NAMES.join(', ')}, or a protocol number from 0 to 255.`);
}

/** An ICMP type or code, 0-255. */
export function parseIcmpNumberOption(value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) > 255) {
    throw new InvalidArgumentError('An ICMP type or code is a whole number from 0 to 255.');
  }
  return Number(value);
}
