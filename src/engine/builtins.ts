/**
 * Fixed AWS facts the engine relies on: built-in prefix lists, never-filtered service addresses,
 * special-purpose ranges checked by the internet gateway, and ephemeral port ranges. Pure data.
 */
import { mustParseCidr, parseIp, type Cidr, type IpAddress, type PortRange } from '../lib/index.ts';

/** The region of a VPC that does not name one (format.md 2). */
export const DEFAULT_REGION = 'us-east-1';

/** The services with gateway endpoints and built-in prefix lists (`pl-s3`, `pl-dynamodb`). */
export const GATEWAY_SERVICES = ['s3', 'dynamodb'] as const;
export type GatewayService = (typeof GATEWAY_SERVICES)[number];

/**
 * AWS's commercial and government regions, in a fixed order: a region's position picks its
 * illustrative service ranges below, so every region gets its own, disjoint from the others.
 */
const AWS_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'sa-east-1',
  'mx-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-east-1',
  'me-south-1',
  'me-central-1',
  'il-central-1',
  'af-south-1',
  'us-gov-west-1',
  'us-gov-east-1',
  'cn-north-1',
  'cn-northwest-1',
];

/**
 * The public ranges of a service in a region. Managed prefix lists are regional, so `pl-s3` in a
 * eu-west-1 VPC holds eu-west-1's S3 ranges, and S3 of another region stays on the internet path
 * (semantics.md 10.2 rule 3). The ranges are illustrative (AWS publishes the real ones): us-east-1 uses
 * semantics.md's fixture ranges; every other known region gets `3.<n>.0.0/16` (S3) and `35.<n>.0.0/16`
 * (DynamoDB) by its position; an unknown region name gets a slot from a hash of the name above them.
 */
export function serviceRanges(service: GatewayService, region: string): readonly Cidr[] {
  const key = `${service}@${region}`;
  let ranges = rangeCache.get(key);
  if (!ranges) {
    if (region === DEFAULT_REGION) {
      ranges = (service === 's3' ? ['52.216.0.0/15', '3.5.0.0/19'] : ['52.94.0.0/22', '52.119.224.0/20']).map(
        mustParseCidr,
      );
    } else {
      const known = AWS_REGIONS.indexOf(region);
      const slot = known >= 0 ? 32 + known : 96 + (nameHash(region) % 128);
      ranges = [mustParseCidr(`${service === 's3' ? 3 : 35}.${slot}.0.0/16`)];
    }
    rangeCache.set(key, ranges);
  }
  return ranges;
}
const rangeCache = new Map<string, readonly Cidr[]>();

function nameHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** The address a query aims at when it names a service (`to: "s3"`): inside the region's first range. */
export function serviceAddress(service: GatewayService, region: string): IpAddress {
  if (region === DEFAULT_REGION) return parseIp(service === 's3' ? '52.216.10.10' : '52.94.0.10')!;
  const first = serviceRanges(service, region)[0]!;
  return { family: 4, value: ((first.network as number) + 0x0a0a) >>> 0 };
}

/** The service a built-in prefix list id stands for, if it is one. */
export function builtinPrefixListService(id: string): GatewayService | undefined {
  return id === 'pl-s3' ? 's3' : id === 'pl-dynamodb' ? 'dynamodb' : undefined;
}

/**
 * A query endpoint naming a service: `s3`, `dynamodb` (the region of the other end), or AWS's service
 * name `com.amazonaws.<region>.s3`.
 */
export function parseServiceName(text: string): { service: GatewayService; region?: string } | undefined {
  if (text === 's3' || text === 'dynamodb') return { service: text };
  const m = /^com\.amazonaws\.([a-z0-9-]+)\.(s3|dynamodb)$/.exec(text);
  return m ? { service: m[2] as GatewayService, region: m[1]! } : undefined;
}

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
