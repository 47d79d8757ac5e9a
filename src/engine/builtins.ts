/**
 * Fixed AWS facts the engine relies on: built-in prefix lists, never-filtered service addresses,
 * special-purpose ranges checked by the internet gateway, and ephemeral port ranges. Pure data.
 */
import { mustParseCidr, parseIp, type Cidr, type IpAddress, type PortRange } from '../lib/index.ts';

/** A representative address of each AWS service used when a query names the service (`to: "s3"`). */
export const SERVICE_ADDRESSES: Readonly<Record<string, string>> = {
  s3: '52.216.10.10',
  dynamodb: '52.94.0.10',
};

/** The generic internet host of a query that says `internet` (format.md section 3). */
export const INTERNET_HOST_V4 = '198.51.100.10';
export const INTERNET_HOST_V6 = '2001:db8:ffff::10';

/** Link-local service addresses never filtered by security groups or NACLs (semantics.md 3.3, 14). */
export const LINK_LOCAL_SERVICES: readonly { address: IpAddress; name: string }[] = [
  ['169.254.169.253', 'Amazon DNS resolver'],
  ['169.254.169.254', 'instance metadata service'],
  ['169.254.169.123', 'Amazon Time Sync'],
  ['169.254.170.2', 'ECS task metadata'],
  ['169.254.169.250', 'Windows license activation'],
  ['169.254.169.251', 'Windows license activation'],
  ['fd00:ec2::253', 'Amazon DNS resolver'],
  ['fd00:ec2::254', 'instance metadata service'],
  ['fd00:ec2::123', 'Amazon Time Sync'],
].map(([ip, name]) => ({ address: parseIp(ip!)!, name: name! }));

/** RFC 1918 private ranges: the internet gateway drops them (semantics.md 5.1 rule 4). */
export const RFC1918: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(mustParseCidr);
/** RFC 6598 shared address space. */
export const RFC6598: Cidr = mustParseCidr('100.64.0.0/10');

/** Client ephemeral port ranges (semantics.md 3.4). */
export const EPHEMERAL_LINUX: PortRange = Object.freeze({ from: 32768, to: 60999 });
export const EPHEMERAL_WINDOWS: PortRange = Object.freeze({ from: 49152, to: 65535 });
export const EPHEMERAL_INTERNET: PortRange = Object.freeze({ from: 1024, to: 65535 });
/** Source ports a NAT gateway picks after translation. */
export const NAT_PORT_RANGE: PortRange = Object.freeze({ from: 1024, to: 65535 });

export const PROTO_ICMP = 1;
export const PROTO_TCP = 6;
export const PROTO_UDP = 17;
export const PROTO_ICMPV6 = 58;
export const PROTO_ALL = -1;

/** Parses a protocol name or number text to an IANA number, -1 for `all`. */
export function protocolNumber(text: string): number | undefined {
  switch (text.toLowerCase()) {
    case 'tcp':
      return PROTO_TCP;
    case 'udp':
      return PROTO_UDP;
    case 'icmp':
      return PROTO_ICMP;
    case 'icmpv6':
      return PROTO_ICMPV6;
    case 'all':
    case '-1':
      return PROTO_ALL;
    default: {
      if (!/^\d{1,3}$/.test(text)) return undefined;
      const n = Number(text);
      return n <= 255 ? n : undefined;
    }
  }
}

/** The name used in output for a protocol number. */
export function protocolName(proto: number): string {
  switch (proto) {
    case PROTO_TCP:
      return 'tcp';
    case PROTO_UDP:
      return 'udp';
    case PROTO_ICMP:
      return 'icmp';
    case PROTO_ICMPV6:
      return 'icmpv6';
    case PROTO_ALL:
      return 'all';
    default:
      return String(proto);
  }
}

export function hasPorts(proto: number): boolean {
  return proto === PROTO_TCP || proto === PROTO_UDP;
}
