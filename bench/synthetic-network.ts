// A large synthetic network for the engine benchmark, generated deterministically from a seed (no
// unseeded randomness): VPCs of public and private subnets, NACLs of many rules, security groups of many
// rules with group references, IGW and NAT defaults, public IPs on the web tier. Plus a fixed mix of
// trace queries, one kind per row of the benchmark's per-category table.
import type { TraceQuery } from '../src/engine/index.ts';
import type {
  Instance,
  NaclRule,
  NetworkAcl,
  Route,
  RouteTable,
  SecurityGroup,
  SgInboundRule,
  SgOutboundRule,
  Subnet,
  Topology,
} from '../src/model/index.ts';

/** mulberry32: a small seeded PRNG, so every run builds the same network and the same queries. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  readonly seed: number;
  readonly vpcs: number;
  readonly subnetsPerVpc: number;
  readonly instancesPerSubnet: number;
  /** Rules per NACL direction. */
  readonly naclRules: number;
  /** Inbound rules per security group (the app tier also gets this many outbound rules). */
  readonly sgRules: number;
  /** Extra routes per route table besides the default. */
  readonly extraRoutes: number;
}

export const DEFAULT_OPTIONS: SyntheticOptions = {
  seed: 0xc0ffee,
  vpcs: 40,
  subnetsPerVpc: 25,
  instancesPerSubnet: 20,
  naclRules: 20,
  sgRules: 40,
  extraRoutes: 12,
};

/** The first subnets of each VPC are public (web tier); then app, then db. */
const PUBLIC_SUBNETS = 5;

export type QueryCategory =
  | 'same subnet'
  | 'cross subnet'
  | 'internet via IGW'
  | 'internet via NAT'
  | 'blocked by SG'
  | 'blocked by NACL'
  | 'inbound from internet';

export const CATEGORIES: readonly QueryCategory[] = [
  'same subnet',
  'cross subnet',
  'internet via IGW',
  'internet via NAT',
  'blocked by SG',
  'blocked by NACL',
  'inbound from internet',
];

export interface CategorizedQuery {
  readonly category: QueryCategory;
  readonly query: TraceQuery;
}

export interface SyntheticNetwork {
  readonly topology: Topology;
  readonly queries: CategorizedQuery[];
  readonly counts: {
    vpcs: number;
    subnets: number;
    instances: number;
    nacls: number;
    securityGroups: number;
    routeTables: number;
  };
}

export const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** A public /24 well away from every address the queries use (10/8, 3.3/16, 54/8, 93.184/16, 198.51.100/24). */
export function fillerCidr(rand: () => number, prefix = 24): string {
  const a = int(rand, 11, 50);
  const b = int(rand, 0, 255);
  const c = int(rand, 0, 255);
  if (prefix === 16) return `${a}.${b}.0.0/16`;
  return `${a}.${b}.${c}.0/24`;
}

/** Distinct rule numbers in [lo, hi] not in `taken`. */
function freeNumbers(rand: () => number, count: number, lo: number, hi: number, taken: Set<number>): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const n = int(rand, lo, hi);
    if (taken.has(n)) continue;
    taken.add(n);
    out.push(n);
  }
  return out;
}

/** Fills a NACL list up to `total` rules with deny/allow rules on far-away CIDRs and unused ports. */
export function withFiller(rand: () => number, rules: NaclRule[], total: number): NaclRule[] {
  const taken = new Set(rules.map((r) => r.ruleNumber));
  const numbers = freeNumbers(rand, Math.max(0, total - rules.length), 1, 32000, taken);
  const filler = numbers.map((ruleNumber): NaclRule => {
    const deny = rand() < 0.6;
    const port = int(rand, 6000, 6999);
    return rand() < 0.5
      ? { ruleNumber, protocol: 'all', cidr: fillerCidr(rand), action: deny ? 'deny' : 'allow' }
      : {
          ruleNumber,
          protocol: rand() < 0.5 ? 'tcp' : 'udp',
          ports: `${port}-${port + int(rand, 0, 20)}`,
          cidr: fillerCidr(rand, 16),
          action: deny ? 'deny' : 'allow',
        };
  });
  // Document order shuffled: the engine sorts by rule number.
  const all = [...rules, ...filler];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

function naclsOf(
  rand: () => number,
  v: number,
  opts: SyntheticOptions,
  pubIds: string[],
  privIds: string[],
): NetworkAcl[] {
  const vpcCidr = `10.${v}.0.0/16`;
  // RDP is denied into the private tier from anywhere, into the public tier only from a known-bad range:
  // a deny of tcp 3389 from 0.0.0.0/0 here would also catch replies to NAT-translated and internet-client
  // source ports, which is right (REACHABLE_PARTIAL) but not what the query kinds are named after.
  const pubIn: NaclRule[] = [
    { ruleNumber: 10, protocol: 'tcp', ports: '3389', cidr: '192.0.2.0/24', action: 'deny' },
    { ruleNumber: 20, protocol: 'all', cidr: '192.0.2.0/24', action: 'deny' },
    { ruleNumber: 100, protocol: 'all', cidr: vpcCidr, action: 'allow' },
    { ruleNumber: 110, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 120, protocol: 'tcp', ports: '80', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 130, protocol: 'tcp', ports: '22', cidr: '198.51.100.0/24', action: 'allow' },
    // Replies to connections the instances (and the NAT gateway) start: the ephemeral range (semantics.md 3.4).
    { ruleNumber: 140, protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 150, protocol: 'udp', ports: '1024-65535', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 160, protocol: 'icmp', icmpType: 0, cidr: '0.0.0.0/0', action: 'allow' },
  ];
  const pubOut: NaclRule[] = [
    { ruleNumber: 10, protocol: 'tcp', ports: '3389', cidr: '192.0.2.0/24', action: 'deny' },
    { ruleNumber: 100, protocol: 'all', cidr: vpcCidr, action: 'allow' },
    { ruleNumber: 110, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 120, protocol: 'tcp', ports: '80', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 140, protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 150, protocol: 'udp', ports: '53', cidr: '0.0.0.0/0', action: 'allow' },
  ];
  const privIn: NaclRule[] = [
    { ruleNumber: 10, protocol: 'tcp', ports: '3389', cidr: '0.0.0.0/0', action: 'deny' },
    { ruleNumber: 100, protocol: 'all', cidr: vpcCidr, action: 'allow' },
    { ruleNumber: 140, protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 150, protocol: 'udp', ports: '1024-65535', cidr: '0.0.0.0/0', action: 'allow' },
  ];
  const privOut: NaclRule[] = [
    { ruleNumber: 100, protocol: 'all', cidr: vpcCidr, action: 'allow' },
    { ruleNumber: 110, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 120, protocol: 'tcp', ports: '80', cidr: '0.0.0.0/0', action: 'allow' },
    { ruleNumber: 150, protocol: 'udp', ports: '53', cidr: '0.0.0.0/0', action: 'allow' },
  ];
  const n = opts.naclRules;
  return [
    {
      id: `acl-${v}-pub`,
      vpcId: `vpc-${v}`,
      subnetIds: pubIds,
      inbound: withFiller(rand, pubIn, n),
      outbound: withFiller(rand, pubOut, n),
    },
    {
      id: `acl-${v}-priv`,
      vpcId: `vpc-${v}`,
      subnetIds: privIds,
      inbound: withFiller(rand, privIn, n),
      outbound: withFiller(rand, privOut, n),
    },
  ];
}

function sgFiller(rand: () => number, v: number, count: number): SgInboundRule[] {
  const out: SgInboundRule[] = [];
  const groups = ['web', 'app', 'db', 'bastion'];
  for (let i = 0; i < count; i++) {
    const port = int(rand, 7000, 7999);
    const r = rand();
    const source =
      r < 0.35
        ? `sg-${v}-${groups[int(rand, 0, groups.length - 1)]!}`
        : r < 0.45
          ? 'pl-s3'
          : r < 0.7
            ? fillerCidr(rand)
            : `10.${v}.${int(rand, 0, 255)}.0/24`;
    out.push({ protocol: rand() < 0.8 ? 'tcp' : 'udp', ports: `${port}-${port + int(rand, 0, 9)}`, source });
  }
  return out;
}

function padInbound(rand: () => number, v: number, rules: SgInboundRule[], total: number): SgInboundRule[] {
  const all = [...sgFiller(rand, v, Math.max(0, total - rules.length)), ...rules];
  // The rules that matter sit at random places among the filler.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

function securityGroupsOf(rand: () => number, v: number, opts: SyntheticOptions): SecurityGroup[] {
  const vpcId = `vpc-${v}`;
  const sg = (name: string): string => `sg-${v}-${name}`;
  const appOutbound: SgOutboundRule[] = [
    { protocol: 'tcp', ports: '443', destination: '0.0.0.0/0' },
    { protocol: 'tcp', ports: '80', destination: '0.0.0.0/0' },
    { protocol: 'tcp', ports: '5432', destination: sg('db') },
    { protocol: 'tcp', ports: '8443', destination: sg('app') },
    { protocol: 'udp', ports: '53', destination: '0.0.0.0/0' },
    ...sgFiller(rand, v, opts.sgRules - 5).map(({ source, ...rest }) => ({ ...rest, destination: source })),
  ];
  return [
    {
      id: sg('web'),
      vpcId,
      inbound: padInbound(
        rand,
        v,
        [
          { protocol: 'tcp', ports: '443', source: '0.0.0.0/0' },
          { protocol: 'tcp', ports: '80', source: '0.0.0.0/0' },
          { protocol: 'tcp', ports: '22', source: sg('bastion') },
          { protocol: 'tcp', ports: '8443', source: sg('web') },
          { protocol: 'icmp', source: '10.0.0.0/8' },
        ],
        opts.sgRules,
      ),
    },
    {
      id: sg('app'),
      vpcId,
      inbound: padInbound(
        rand,
        v,
        [
          { protocol: 'tcp', ports: '8080', source: sg('web') },
          { protocol: 'tcp', ports: '8443', source: sg('app') },
          { protocol: 'tcp', ports: '22', source: sg('bastion') },
        ],
        opts.sgRules,
      ),
      outbound: appOutbound,
    },
    {
      id: sg('db'),
      vpcId,
      inbound: padInbound(
        rand,
        v,
        [
          { protocol: 'tcp', ports: '5432', source: sg('app') },
          { protocol: 'tcp', ports: '22', source: sg('bastion') },
        ],
        opts.sgRules,
      ),
    },
    {
      id: sg('bastion'),
      vpcId,
      inbound: padInbound(rand, v, [{ protocol: 'tcp', ports: '22', source: '198.51.100.0/24' }], opts.sgRules),
    },
  ];
}

function routeTablesOf(
  rand: () => number,
  v: number,
  opts: SyntheticOptions,
  pubIds: string[],
  privA: string[],
  privB: string[],
): RouteTable[] {
  const extra = (): Route[] => {
    const out: Route[] = [];
    const seen = new Set<string>();
    while (out.length < opts.extraRoutes) {
      const r = rand();
      const destination = r < 0.15 ? 'pl-dynamodb' : fillerCidr(rand, r < 0.5 ? 16 : 24);
      if (seen.has(destination)) continue;
      seen.add(destination);
      // Routes to deleted peering connections and VPN gateways are blackholes; the rest go to the internet.
      const target = rand() < 0.4 ? `pcx-deleted-${int(rand, 0, 99)}` : rand() < 0.5 ? `igw-${v}` : `vgw-${v}`;
      out.push({ destination, target, ...(target.startsWith('vgw') ? { propagated: true } : {}) });
    }
    return out;
  };
  const vpcId = `vpc-${v}`;
  return [
    {
      id: `rtb-${v}-pub`,
      vpcId,
      subnetIds: pubIds,
      routes: [{ destination: '0.0.0.0/0', target: `igw-${v}` }, ...extra()],
    },
    {
      id: `rtb-${v}-priv-a`,
      vpcId,
      subnetIds: privA,
      routes: [{ destination: '0.0.0.0/0', target: `nat-${v}` }, ...extra()],
    },
    {
      id: `rtb-${v}-priv-b`,
      vpcId,
      subnetIds: privB,
      routes: [{ destination: '0.0.0.0/0', target: `nat-${v}` }, ...extra()],
    },
  ];
}

type Tier = 'web' | 'app' | 'db';

function tierOf(s: number, subnets: number): Tier {
  if (s < PUBLIC_SUBNETS) return 'web';
  return s < PUBLIC_SUBNETS + Math.ceil((subnets - PUBLIC_SUBNETS) / 2) ? 'app' : 'db';
}

/** Builds the network and the query mix. */
export function buildSyntheticNetwork(opts: SyntheticOptions = DEFAULT_OPTIONS, queryCount = 7000): SyntheticNetwork {
  const rand = seededRandom(opts.seed);
  const t: Required<
    Pick<
      Topology,
      | 'vpcs'
      | 'subnets'
      | 'routeTables'
      | 'networkAcls'
      | 'securityGroups'
      | 'instances'
      | 'internetGateways'
      | 'natGateways'
    >
  > = {
    vpcs: [],
    subnets: [],
    routeTables: [],
    networkAcls: [],
    securityGroups: [],
    instances: [],
    internetGateways: [],
    natGateways: [],
  };
  /** Instance ids by VPC and tier, for the query mix. */
  const tiers: Record<Tier, string[][]>[] = [];
  for (let v = 0; v < opts.vpcs; v++) {
    t.vpcs.push({ id: `vpc-${v}`, cidrBlocks: [`10.${v}.0.0/16`] });
    t.internetGateways.push({ id: `igw-${v}`, vpcId: `vpc-${v}` });
    const pubIds: string[] = [];
    const privA: string[] = [];
    const privB: string[] = [];
    const byTier: Record<Tier, string[][]> = { web: [], app: [], db: [] };
    for (let s = 0; s < opts.subnetsPerVpc; s++) {
      const az = s % 2 === 0 ? 'a' : 'b';
      const subnet: Subnet = {
        id: `sn-${v}-${s}`,
        vpcId: `vpc-${v}`,
        availabilityZone: `us-east-1${az}`,
        cidrBlock: `10.${v}.${s}.0/24`,
      };
      t.subnets.push(subnet);
      const tier = tierOf(s, opts.subnetsPerVpc);
      if (tier === 'web') pubIds.push(subnet.id);
      else (az === 'a' ? privA : privB).push(subnet.id);
      const ids: string[] = [];
      for (let k = 0; k < opts.instancesPerSubnet; k++) {
        const id = `i-${v}-${s}-${k}`;
        const inst: Instance = {
          id,
          subnetId: subnet.id,
          privateIp: `10.${v}.${s}.${10 + 2 * k}`,
          securityGroupIds: tier === 'web' && k === 0 ? [`sg-${v}-web`, `sg-${v}-bastion`] : [`sg-${v}-${tier}`],
          os: k % 5 === 4 ? 'windows' : 'linux',
          ...(k % 7 === 3 ? { secondaryPrivateIps: [`10.${v}.${s}.${11 + 2 * k}`] } : {}),
          // The web tier has public IPs (except every tenth instance); the private tiers none.
          ...(tier === 'web' && k % 10 !== 9 ? { publicIp: `54.${v}.${s}.${10 + k}` } : {}),
        };
        t.instances.push(inst);
        ids.push(id);
      }
      byTier[tier].push(ids);
    }
    tiers.push(byTier);
    t.natGateways.push({
      id: `nat-${v}`,
      subnetId: `sn-${v}-0`,
      connectivity: 'public',
      privateIp: `10.${v}.0.5`,
      publicIp: `3.3.${v}.5`,
    });
    t.routeTables.push(...routeTablesOf(rand, v, opts, pubIds, privA, privB));
    t.networkAcls.push(...naclsOf(rand, v, opts, pubIds, [...privA, ...privB]));
    t.securityGroups.push(...securityGroupsOf(rand, v, opts));
  }

  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const pickPublicWeb = (byTier: Record<Tier, string[][]>): string => {
    for (;;) {
      const id = pick(pick(byTier.web));
      if (!id.endsWith('-9') && !id.endsWith('-19')) return id;
    }
  };
  const queries: CategorizedQuery[] = [];
  for (let i = 0; i < queryCount; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const byTier = pick(tiers);
    let query: TraceQuery;
    switch (category) {
      case 'same subnet': {
        const subnet = pick(byTier.app);
        const a = pick(subnet);
        let b = pick(subnet);
        while (b === a) b = pick(subnet);
        query = { from: a, to: b, protocol: 'tcp', port: 8443 };
        break;
      }
      case 'cross subnet':
        query = { from: pick(pick(byTier.web)), to: pick(pick(byTier.app)), protocol: 'tcp', port: 8080 };
        break;
      case 'internet via IGW':
        query = { from: pickPublicWeb(byTier), to: 'internet', protocol: 'tcp', port: 443 };
        break;
      case 'internet via NAT':
        query = { from: pick(pick(byTier.app)), to: '93.184.216.34', protocol: 'tcp', port: 443 };
        break;
      case 'blocked by SG':
        query = { from: pick(pick(byTier.web)), to: pick(pick(byTier.db)), protocol: 'tcp', port: 5432 };
        break;
      case 'blocked by NACL':
        query = { from: pick(pick(byTier.web)), to: pick(pick(byTier.app)), protocol: 'tcp', port: 3389 };
        break;
      case 'inbound from internet':
        query = { from: 'internet', to: pickPublicWeb(byTier), protocol: 'tcp', port: 443 };
        break;
    }
    queries.push({ category, query });
  }
  return {
    topology: t,
    queries,
    counts: {
      vpcs: t.vpcs.length,
      subnets: t.subnets.length,
      instances: t.instances.length,
      nacls: t.networkAcls.length,
      securityGroups: t.securityGroups.length,
      routeTables: t.routeTables.length,
    },
  };
}
