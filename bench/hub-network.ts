// The benchmark's second synthetic network, generated deterministically from a seed: a hub of VPCs on one
// transit gateway plus VPC peering connections between pairs of them, and a fixed mix of trace queries
// across the TGW, across a peering, within a VPC, blocked at the TGW route table, and to the internet.
import type { TraceQuery } from '../src/engine/index.ts';
import type {
  Instance,
  NaclRule,
  NetworkAcl,
  Route,
  RouteTable,
  SecurityGroup,
  SgInboundRule,
  Subnet,
  Topology,
  TransitGatewayAttachment,
  VpcPeeringConnection,
} from '../src/model/index.ts';
import { fillerCidr, int, seededRandom, withFiller } from './synthetic-network.ts';

export interface HubOptions {
  readonly seed: number;
  readonly vpcs: number;
  readonly peerings: number;
  readonly instancesPerSubnet: number;
  /** Every n-th VPC's attachment propagates nowhere, so the hub table has no route to it. */
  readonly isolatedEvery: number;
  /** Every n-th VPC has no internet gateway (offset so isolated VPCs may still have one). */
  readonly noIgwEvery: number;
  readonly naclRules: number;
  readonly sgRules: number;
  /** Extra routes per VPC route table besides the TGW, IGW and peering routes. */
  readonly extraRoutes: number;
}

export const HUB_OPTIONS: HubOptions = {
  seed: 0x7a11ab,
  vpcs: 200,
  peerings: 100,
  instancesPerSubnet: 4,
  isolatedEvery: 25,
  noIgwEvery: 4,
  naclRules: 12,
  sgRules: 20,
  extraRoutes: 6,
};

export type HubCategory =
  'across TGW' | 'across peering' | 'within VPC' | 'blocked by TGW route table' | 'internet via IGW';

export const HUB_CATEGORIES: readonly HubCategory[] = [
  'across TGW',
  'across peering',
  'within VPC',
  'blocked by TGW route table',
  'internet via IGW',
];

export interface HubQuery {
  readonly category: HubCategory;
  readonly query: TraceQuery;
}

export interface HubNetwork {
  readonly topology: Topology;
  readonly queries: HubQuery[];
  readonly counts: {
    vpcs: number;
    subnets: number;
    instances: number;
    attachments: number;
    peerings: number;
    isolated: number;
    withIgw: number;
    routeTables: number;
  };
}

const TGW = 'tgw-hub';
const AZS = ['a', 'b', 'c'];

interface VpcInfo {
  readonly isolated: boolean;
  readonly igw: boolean;
  /** Instance ids per workload subnet. */
  readonly subnets: string[][];
  /** Instances with a public IP (only where the VPC has an IGW). */
  readonly publicInstances: string[];
}

function sgOf(rand: () => number, v: number, total: number): SecurityGroup {
  const id = `sg-${v}`;
  const rules: SgInboundRule[] = [
    { protocol: 'tcp', ports: '443', source: '10.0.0.0/8' },
    { protocol: 'tcp', ports: '22', source: `10.${v}.0.0/16` },
    { protocol: 'tcp', ports: '8443', source: id },
    { protocol: 'icmp', source: '10.0.0.0/8' },
  ];
  while (rules.length < total) {
    const port = int(rand, 7000, 7999);
    rules.push({
      protocol: rand() < 0.8 ? 'tcp' : 'udp',
      ports: `${port}-${port + int(rand, 0, 9)}`,
      source: fillerCidr(rand),
    });
  }
  // The rules that matter sit at random places among the filler.
  for (let i = rules.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rules[i], rules[j]] = [rules[j]!, rules[i]!];
  }
  return { id, vpcId: `vpc-${v}`, inbound: rules, outbound: [{ protocol: 'all', destination: '0.0.0.0/0' }] };
}

function naclOf(rand: () => number, v: number, subnetIds: string[], total: number): NetworkAcl {
  const allowAll = (ruleNumber: number): NaclRule => ({
    ruleNumber,
    protocol: 'all',
    cidr: '0.0.0.0/0',
    action: 'allow',
  });
  // The filler lives on far-away CIDRs, so what decides is the allow-all; the engine still has to skip the rest.
  return {
    id: `acl-${v}`,
    vpcId: `vpc-${v}`,
    subnetIds,
    inbound: withFiller(rand, [allowAll(20000)], total),
    outbound: withFiller(rand, [allowAll(20000)], total),
  };
}

/** Builds the hub network and its query mix. */
export function buildHubNetwork(opts: HubOptions = HUB_OPTIONS, queryCount = 5000): HubNetwork {
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
      | 'vpcPeeringConnections'
      | 'transitGateways'
      | 'transitGatewayAttachments'
      | 'transitGatewayRouteTables'
    >
  > = {
    vpcs: [],
    subnets: [],
    routeTables: [],
    networkAcls: [],
    securityGroups: [],
    instances: [],
    internetGateways: [],
    vpcPeeringConnections: [],
    transitGateways: [{ id: TGW }],
    transitGatewayAttachments: [],
    transitGatewayRouteTables: [],
  };
  const info: VpcInfo[] = [];
  const subnetIdsOf: string[][] = [];
  for (let v = 0; v < opts.vpcs; v++) {
    const vpcId = `vpc-${v}`;
    const isolated = v % opts.isolatedEvery === opts.isolatedEvery - 1;
    const igw = v % opts.noIgwEvery !== 1;
    t.vpcs.push({ id: vpcId, region: 'us-east-1', cidrBlocks: [`10.${v}.0.0/16`] });
    if (igw) t.internetGateways.push({ id: `igw-${v}`, vpcId });
    // One to three AZs, with one workload subnet and one /28 attachment subnet in each.
    const azCount = 1 + (v % AZS.length);
    const subnetIds: string[] = [];
    const attachmentSubnets: string[] = [];
    const vi: VpcInfo = { isolated, igw, subnets: [], publicInstances: [] };
    for (let a = 0; a < azCount; a++) {
      const az = `us-east-1${AZS[a]!}`;
      const subnet: Subnet = { id: `sn-${v}-${a}`, vpcId, availabilityZone: az, cidrBlock: `10.${v}.${a}.0/24` };
      const attach: Subnet = {
        id: `sn-${v}-tgw-${a}`,
        vpcId,
        availabilityZone: az,
        cidrBlock: `10.${v}.255.${16 * a}/28`,
      };
      t.subnets.push(subnet, attach);
      subnetIds.push(subnet.id, attach.id);
      attachmentSubnets.push(attach.id);
      const ids: string[] = [];
      for (let k = 0; k < opts.instancesPerSubnet; k++) {
        const id = `i-${v}-${a}-${k}`;
        const pub = igw && k % 2 === 0;
        const inst: Instance = {
          id,
          subnetId: subnet.id,
          privateIp: `10.${v}.${a}.${10 + k}`,
          securityGroupIds: [`sg-${v}`],
          os: k % 4 === 3 ? 'windows' : 'linux',
          ...(pub ? { publicIp: `52.${v}.${a}.${10 + k}` } : {}),
        };
        t.instances.push(inst);
        ids.push(id);
        if (pub) vi.publicInstances.push(id);
      }
      vi.subnets.push(ids);
    }
    info.push(vi);
    subnetIdsOf.push(subnetIds);
    const att: TransitGatewayAttachment = {
      id: `att-${v}`,
      transitGatewayId: TGW,
      type: 'vpc',
      vpcId,
      subnetIds: attachmentSubnets,
    };
    t.transitGatewayAttachments.push(att);
    t.networkAcls.push(naclOf(rand, v, subnetIds, opts.naclRules));
    t.securityGroups.push(sgOf(rand, v, opts.sgRules));
  }
  t.transitGatewayRouteTables.push({
    id: 'tgw-rtb-hub',
    transitGatewayId: TGW,
    associations: t.transitGatewayAttachments.map((a) => a.id),
    propagations: t.transitGatewayAttachments.filter((_, v) => !info[v]!.isolated).map((a) => a.id),
    routes: [],
  });

  // Peerings between distinct pairs of non-isolated VPCs, so "blocked at the TGW" stays blocked.
  const peers: Map<number, string>[] = info.map(() => new Map());
  const pairs: [number, number][] = [];
  while (pairs.length < opts.peerings) {
    const a = int(rand, 0, opts.vpcs - 1);
    const b = int(rand, 0, opts.vpcs - 1);
    if (a === b || info[a]!.isolated || info[b]!.isolated || peers[a]!.has(b)) continue;
    const pcx: VpcPeeringConnection = {
      id: `pcx-${pairs.length}`,
      requesterVpcId: `vpc-${a}`,
      accepterVpcId: `vpc-${b}`,
      status: 'active',
    };
    t.vpcPeeringConnections.push(pcx);
    peers[a]!.set(b, pcx.id);
    peers[b]!.set(a, pcx.id);
    pairs.push([a, b]);
  }

  for (let v = 0; v < opts.vpcs; v++) {
    const routes: Route[] = [{ destination: '10.0.0.0/8', target: TGW }];
    if (info[v]!.igw) routes.push({ destination: '0.0.0.0/0', target: `igw-${v}` });
    // The peer's /16 is more specific than the TGW's /8: the peering wins where it exists.
    for (const [p, pcx] of peers[v]!) routes.push({ destination: `10.${p}.0.0/16`, target: pcx });
    const seen = new Set<string>();
    while (seen.size < opts.extraRoutes) {
      const destination = fillerCidr(rand, rand() < 0.5 ? 16 : 24);
      if (seen.has(destination)) continue;
      seen.add(destination);
      routes.push({ destination, target: `pcx-deleted-${int(rand, 0, 99)}` });
    }
    const rt: RouteTable = { id: `rtb-${v}`, vpcId: `vpc-${v}`, subnetIds: subnetIdsOf[v]!, routes };
    t.routeTables.push(rt);
  }

  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const anyInstance = (v: number): string => pick(pick(info[v]!.subnets));
  const normal = info.map((_, v) => v).filter((v) => !info[v]!.isolated);
  const isolated = info.map((_, v) => v).filter((v) => info[v]!.isolated);
  const withPublic = info.map((_, v) => v).filter((v) => info[v]!.publicInstances.length > 0);
  const queries: HubQuery[] = [];
  for (let i = 0; i < queryCount; i++) {
    const category = HUB_CATEGORIES[i % HUB_CATEGORIES.length]!;
    let query: TraceQuery;
    switch (category) {
      case 'across TGW': {
        const a = pick(normal);
        let b = pick(normal);
        while (b === a || peers[a]!.has(b)) b = pick(normal);
        query = { from: anyInstance(a), to: anyInstance(b), protocol: 'tcp', port: 443 };
        break;
      }
      case 'across peering': {
        const [a, b] = pick(pairs);
        const [from, to] = rand() < 0.5 ? [a, b] : [b, a];
        query = { from: anyInstance(from), to: anyInstance(to), protocol: 'tcp', port: 443 };
        break;
      }
      case 'within VPC': {
        const v = pick(info.map((_, k) => k));
        const a = anyInstance(v);
        let b = anyInstance(v);
        while (b === a) b = anyInstance(v);
        query = { from: a, to: b, protocol: 'tcp', port: 22 };
        break;
      }
      case 'blocked by TGW route table':
        query = { from: anyInstance(pick(normal)), to: anyInstance(pick(isolated)), protocol: 'tcp', port: 443 };
        break;
      case 'internet via IGW':
        query = { from: pick(info[pick(withPublic)]!.publicInstances), to: 'internet', protocol: 'tcp', port: 443 };
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
      attachments: t.transitGatewayAttachments.length,
      peerings: t.vpcPeeringConnections.length,
      isolated: isolated.length,
      withIgw: t.internetGateways.length,
      routeTables: t.routeTables.length,
    },
  };
}
