// Property tests of the engine (architecture.md, Tests): the indexed lookups agree with brute-force
// references, security-group rule order never matters, adding an allow rule never removes reachability,
// connections cross only active peerings and never transit them, traces are deterministic and never
// mutate their input, and documents survive serialize + parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cidr4,
  cidr6,
  cidrContains,
  cidrsOverlap,
  formatIp,
  parseCidr,
  parseIp,
  parsePortRange,
  portSetContains,
  portSetSubtract,
  portSetUnion,
  type IpAddress,
  type PortRange,
  type PortSet,
} from '../../src/lib/index.ts';
import {
  compile,
  evaluateNaclRules,
  indexedLookups,
  lookupRouteByScan,
  naclFirstMatch,
  naiveLookups,
  trace,
  type Lookups,
  type Network,
  type Packet,
  type TraceQuery,
  type TraceResult,
} from '../../src/engine/index.ts';
import {
  parseDocument,
  serializeDocument,
  validateTopology,
  type NaclRule,
  type NetworkAcl,
  type Route,
  type SecurityGroup,
  type SgOutboundRule,
  type SgRuleBase,
  type Topology,
} from '../../src/model/index.ts';
import {
  PORT_CHOICES,
  addressPool,
  documentArb,
  permissiveScenarioArb,
  permissiveTgwScenarioArb,
  queryArb,
  scenarioArb,
  tgwScenarioArb,
  tgwTopologyArb,
  topologyArb,
  type Scenario,
} from './generators.ts';

/**
 * Runs per property: modest, so the file stays well under 20 s on two cores. `PROPERTY_SCALE=20` multiplies
 * them for a soak run; `PROPERTY_SEED` replays one seed.
 */
const SCALE = Number(process.env.PROPERTY_SCALE ?? '1') || 1;
const SEED = process.env.PROPERTY_SEED === undefined ? {} : { seed: Number(process.env.PROPERTY_SEED) };
function runs(n: number): fc.Parameters<unknown> {
  return { numRuns: Math.round(n * SCALE), ...SEED };
}
const RUNS = runs(250);

/** Random topologies, and permissive ones where most queries get through (some only partly). */
const mixedScenarioArb = fc.oneof(scenarioArb, permissiveScenarioArb);

/** The same over one or two transit gateways (semantics.md 9): most queries cross one. */
const tgwMixedScenarioArb = fc.oneof(tgwScenarioArb, permissiveTgwScenarioArb);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** A fresh network: `diagnostics: []` skips validation and the memo, so only the engine is measured. */
function compileEngine(t: Topology): Network {
  return compile(t, { diagnostics: [] });
}

function traceOk(net: Network, q: TraceQuery): TraceResult | undefined {
  const r = trace(net, q);
  return r.ok ? r.value : undefined;
}

/** A seeded shuffle (mulberry32), so a failing case replays from its fast-check seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ------------------------------------------------------------------------------------ address helpers

const V6_MAX = (1n << 128n) - 1n;
const v4Arb = fc.integer({ min: 0, max: 0xffffffff });
const v6Arb = fc.bigInt({ min: 0n, max: V6_MAX });

/** A few seed addresses per family; CIDRs and probes are drawn near them, so routes nest and collide. */
const seedsArb = fc.record({
  v4: fc.tuple(
    v4Arb,
    v4Arb,
    v4Arb,
    fc.integer({ min: 0, max: 0xffff }).map((low) => (0x0a000000 + low) >>> 0),
  ),
  v6: fc.tuple(
    v6Arb,
    v6Arb,
    fc.bigInt({ min: 0n, max: (1n << 72n) - 1n }).map((low) => (0x26001f180001n << 80n) | low),
  ),
});
type Seeds = { v4: readonly number[]; v6: readonly bigint[] };

interface CidrSpec {
  v6: boolean;
  seed: number;
  prefix: number;
}
const cidrSpecArb: fc.Arbitrary<CidrSpec> = fc.record({
  v6: fc.boolean(),
  seed: fc.nat(3),
  prefix: fc.nat(128),
});

function cidrText(spec: CidrSpec, seeds: Seeds): string {
  if (spec.v6) return cidr6(seeds.v6[spec.seed % seeds.v6.length]!, spec.prefix % 129).text;
  return cidr4(seeds.v4[spec.seed % seeds.v4.length]!, spec.prefix % 33).text;
}

interface ProbeSpec {
  v6: boolean;
  seed: number;
  bits: number;
  noise4: number;
  noise6: bigint;
}
const probeArb: fc.Arbitrary<ProbeSpec> = fc.record({
  v6: fc.boolean(),
  seed: fc.nat(3),
  bits: fc.nat(128),
  noise4: v4Arb,
  noise6: v6Arb,
});

/** An address that keeps the seed's top bits and randomizes the last `bits` bits. */
function probeAddress(p: ProbeSpec, seeds: Seeds): IpAddress {
  if (p.v6) {
    const bits = BigInt(p.bits % 129);
    const low = bits === 0n ? 0n : (1n << bits) - 1n;
    return { family: 6, value: (seeds.v6[p.seed % seeds.v6.length]! & (V6_MAX ^ low)) | (p.noise6 & low) };
  }
  const bits = p.bits % 33;
  const low = bits === 0 ? 0 : bits === 32 ? 0xffffffff : (1 << bits) - 1;
  return { family: 4, value: ((seeds.v4[p.seed % seeds.v4.length]! & ~low) | (p.noise4 & low)) >>> 0 };
}

// ---------------------------------------------------------------------------------- whole traces

describe('indexed engine = naive reference', () => {
  it('gives deep-equal trace results (or the same query error) for generated topologies and queries', () => {
    fc.assert(
      fc.property(mixedScenarioArb, ({ topology, queries }) => {
        const net = compileEngine(topology);
        const naive = naiveLookups(net);
        for (const q of queries) expect(trace(net, q, naive)).toStrictEqual(trace(net, q));
      }),
      RUNS,
    );
  });
});

// ------------------------------------------------------------------------------------------ peering

/** Does `address` lie in a CIDR block (IPv4 or IPv6) of VPC `vpcId`? */
function inVpc(t: Topology, vpcId: string, address: string): boolean {
  const ip = parseIp(address);
  const vpc = (t.vpcs ?? []).find((v) => v.id === vpcId);
  if (!ip || !vpc) return false;
  return [...vpc.cidrBlocks, ...(vpc.ipv6CidrBlocks ?? [])].some((text) => {
    const c = parseCidr(text);
    return c.ok && cidrContains(c.value, ip);
  });
}

describe('VPC peering', () => {
  it('a connection crosses only active peerings, each time to an address of one of its two VPCs (no transit)', () => {
    fc.assert(
      fc.property(mixedScenarioArb, ({ topology, queries }) => {
        const peerings = new Map((topology.vpcPeeringConnections ?? []).map((p) => [p.id, p]));
        const net = compileEngine(topology);
        for (const q of queries) {
          const r = traceOk(net, q);
          if (!r) continue;
          const first = r.explanations[0];
          const context = `query ${JSON.stringify(q)}: ${r.verdict} ${first?.code ?? ''} at ${first?.componentId ?? ''}`;
          if (first?.code === 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR') {
            expect(peerings.has(first.componentId), context).toBe(true);
          }
          if (first?.code === 'BAD_STATE' && peerings.has(first.componentId)) {
            expect(peerings.get(first.componentId)!.status ?? 'active', context).not.toBe('active');
          }
          if (r.verdict !== 'REACHABLE' && r.verdict !== 'REACHABLE_PARTIAL') continue;
          const crossings = [
            ...r.forward.map((c) => ({ c, to: r.query.destinationAddress })),
            ...r.return.map((c) => ({ c, to: r.query.sourceAddress })),
          ].filter(({ c }) => c.component.type === 'vpc-peering-connection');
          for (const { c, to } of crossings) {
            const p = peerings.get(c.component.id);
            expect(p, context).toBeDefined();
            expect(p!.status ?? 'active', context).toBe('active');
            // (A NAT gateway in front of a peering sits in the client's VPC: the reply's address stays in it.)
            expect(inVpc(topology, p!.requesterVpcId, to) || inVpc(topology, p!.accepterVpcId, to), context).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------- longest-prefix match

interface RouteSpec {
  dest: CidrSpec;
  /** 0-1: a CIDR route; 2: a prefix-list route (list a or b). */
  viaList: number;
  list: boolean;
  target: string;
  propagated: boolean;
}
const routeSpecArb: fc.Arbitrary<RouteSpec> = fc.record({
  dest: cidrSpecArb,
  viaList: fc.nat(4),
  list: fc.boolean(),
  target: fc.constantFrom('igw-1', 'nat-1', 'eigw-1', 'vgw-1', 'pcx-gone', 'local'),
  propagated: fc.boolean(),
});

const lpmCaseArb = fc.record({
  seeds: seedsArb,
  routes: fc.array(routeSpecArb, { maxLength: 24 }),
  listA: fc.array(cidrSpecArb, { maxLength: 4 }),
  listB: fc.array(cidrSpecArb, { maxLength: 4 }),
  endpoint: fc.boolean(),
  probes: fc.array(probeArb, { minLength: 1, maxLength: 24 }),
});

function lpmTopology(c: LpmCase): Topology {
  const routes: Route[] = c.routes.map((r) => ({
    destination: r.viaList === 0 ? (r.list ? 'pl-a' : 'pl-b') : cidrText(r.dest, c.seeds),
    target: r.target,
    ...(r.propagated ? { propagated: true } : {}),
  }));
  return {
    vpcs: [{ id: 'vpc-1', cidrBlocks: ['10.0.0.0/16'], ipv6CidrBlocks: ['2600:1f18:1::/56'] }],
    subnets: [{ id: 'sn-1', vpcId: 'vpc-1', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' }],
    internetGateways: [{ id: 'igw-1', vpcId: 'vpc-1' }],
    egressOnlyInternetGateways: [{ id: 'eigw-1', vpcId: 'vpc-1' }],
    natGateways: [{ id: 'nat-1', subnetId: 'sn-1', privateIp: '10.0.1.5', publicIp: '3.3.3.3' }],
    prefixLists: [
      { id: 'pl-a', cidrs: c.listA.map((s) => cidrText(s, c.seeds)) },
      { id: 'pl-b', cidrs: c.listB.map((s) => cidrText(s, c.seeds)) },
    ],
    routeTables: [{ id: 'rtb-1', vpcId: 'vpc-1', routes }],
    ...(c.endpoint
      ? {
          vpcEndpoints: [
            { id: 'vpce-s3', vpcId: 'vpc-1', type: 'gateway' as const, service: 's3', routeTableIds: ['rtb-1'] },
          ],
        }
      : {}),
  };
}
type LpmCase = typeof lpmCaseArb extends fc.Arbitrary<infer T> ? T : never;

describe('longest-prefix match', () => {
  it('the bucketed lookup returns what a scan of every route returns, and that is a longest matching route', () => {
    fc.assert(
      fc.property(lpmCaseArb, (c) => {
        const net = compileEngine(lpmTopology(c));
        const rt = net.routeTables.get('rtb-1')!;
        const indexed = indexedLookups(net);
        const naive = naiveLookups(net);
        for (const p of c.probes) {
          const ip = probeAddress(p, c.seeds);
          const got = indexed.lookupRoute(rt, ip);
          expect(got).toBe(lookupRouteByScan(rt.routes, ip));
          expect(got).toBe(naive.lookupRoute(rt, ip));
          const containing = rt.routes.filter((r) => cidrContains(r.cidr, ip));
          if (containing.length === 0) {
            expect(got).toBeUndefined();
            continue;
          }
          expect(got).toBeDefined();
          // Same family (0.0.0.0/0 never matches IPv6, ::/0 never IPv4) and the route's block holds the address.
          expect(got!.cidr.family).toBe(ip.family);
          expect(cidrContains(got!.cidr, ip)).toBe(true);
          const longest = Math.max(...containing.map((r) => r.cidr.prefix));
          expect(got!.cidr.prefix).toBe(longest);
          // On an identical prefix: local, then static, then prefix list, then propagated (semantics.md 2.3).
          const best = Math.min(...containing.filter((r) => r.cidr.prefix === longest).map((r) => r.rank));
          expect(got!.rank).toBe(best);
        }
        // The all-zero address of each family matches only its own family's routes (0.0.0.0/0 vs ::).
        for (const zero of [
          { family: 4, value: 0 },
          { family: 6, value: 0n },
        ] as IpAddress[]) {
          const got = indexed.lookupRoute(rt, zero);
          expect(got === undefined || got.cidr.family === zero.family).toBe(true);
          expect(got).toBe(lookupRouteByScan(rt.routes, zero));
        }
      }),
      runs(500),
    );
  });
});

// ------------------------------------------------------------------------------------------- NACLs

interface NaclRuleSpec {
  ruleNumber: number;
  action: 'allow' | 'deny';
  protocol: string;
  ports: { a: number; b: number } | null;
  cidr: CidrSpec;
  icmpType: number | null;
  icmpCode: number | null;
}
const portArb = fc.oneof(
  fc.constantFrom(0, 1, 22, 443, 1023, 1024, 32767, 32768, 49151, 49152, 60999, 61000, 65535),
  fc.nat(65535),
);
const naclRuleSpecArb: fc.Arbitrary<NaclRuleSpec> = fc.record({
  ruleNumber: fc.integer({ min: 1, max: 32766 }),
  action: fc.constantFrom('allow' as const, 'deny' as const),
  protocol: fc.constantFrom('tcp', 'tcp', 'udp', 'icmp', 'icmpv6', 'all', 'all', '50', '6'),
  ports: fc.option(fc.record({ a: portArb, b: portArb }), { freq: 4 }),
  cidr: cidrSpecArb.map((c) => ({ ...c, prefix: c.v6 ? c.prefix : c.prefix % 33 })),
  icmpType: fc.option(fc.constantFrom(-1, 0, 3, 8, 128, 129), { freq: 2 }),
  icmpCode: fc.option(fc.constantFrom(-1, 0, 4), { freq: 2 }),
});

const naclCaseArb = fc.record({
  seeds: seedsArb,
  rules: fc.uniqueArray(naclRuleSpecArb, { maxLength: 14, selector: (r) => r.ruleNumber }),
  proto: fc.constantFrom(6, 6, 17, 1, 58, -1, 50),
  src: probeArb,
  dst: probeArb,
  v6: fc.boolean(),
  dport: fc.array(fc.record({ a: portArb, b: portArb }), { minLength: 1, maxLength: 3 }),
  icmpType: fc.constantFrom(0, 3, 8, 128, 129),
  icmpCode: fc.constantFrom(0, 4),
  extraPorts: fc.array(fc.nat(65535), { maxLength: 4 }),
});
type NaclCase = typeof naclCaseArb extends fc.Arbitrary<infer T> ? T : never;

function range(a: number, b: number): PortRange {
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

function naclRuleOf(r: NaclRuleSpec, seeds: Seeds): NaclRule {
  const icmp = r.protocol === 'icmp' || r.protocol === 'icmpv6';
  const ports = r.ports ? range(r.ports.a, r.ports.b) : undefined;
  return {
    ruleNumber: r.ruleNumber,
    protocol: r.protocol,
    ...(ports ? { ports: ports.from === ports.to ? `${ports.from}` : `${ports.from}-${ports.to}` } : {}),
    cidr: cidrText(r.cidr, seeds),
    action: r.action,
    ...(icmp && r.icmpType !== null ? { icmpType: r.icmpType } : {}),
    ...(icmp && r.icmpCode !== null ? { icmpCode: r.icmpCode } : {}),
  };
}

function naclPacket(c: NaclCase): Packet {
  const family = c.v6 ? 6 : 4;
  const ported = c.proto === 6 || c.proto === 17;
  let dport: PortSet = [];
  for (const r of c.dport) dport = portSetUnion(dport, [range(r.a, r.b)]);
  return {
    family,
    proto: c.proto,
    src: probeAddress({ ...c.src, v6: c.v6 }, c.seeds),
    dst: probeAddress({ ...c.dst, v6: c.v6 }, c.seeds),
    sport: [],
    dport: ported ? dport : [],
    icmpType: c.proto === 1 || c.proto === 58 ? c.icmpType : undefined,
    icmpCode: c.proto === 1 || c.proto === 58 ? c.icmpCode : undefined,
  };
}

/** Every range boundary of the rules and of the port set (and one past it), plus some random ports. */
function samplePorts(set: PortSet, rules: readonly NaclRule[], extra: readonly number[]): number[] {
  const out = new Set<number>(extra);
  for (const r of set) [r.from - 1, r.from, r.to, r.to + 1].forEach((p) => out.add(p));
  for (const r of rules) {
    if (r.ports === undefined) continue;
    const range = parsePortRange(r.ports);
    if (range)
      [range.from - 1, range.from, range.from + 1, range.to - 1, range.to, range.to + 1].forEach((p) => out.add(p));
  }
  return [...out].filter((p) => p >= 0 && p <= 65535);
}

describe('NACL evaluation', () => {
  it('agrees, port by port, with sorting the rules and taking the first match', () => {
    fc.assert(
      fc.property(naclCaseArb, (c) => {
        const rules = c.rules.map((r) => naclRuleOf(r, c.seeds));
        const acl: NetworkAcl = {
          id: 'acl-1',
          vpcId: 'vpc-1',
          subnetIds: ['sn-1'],
          inbound: rules,
          outbound: [...rules].reverse(),
        };
        const net = compileEngine({
          vpcs: [{ id: 'vpc-1', cidrBlocks: ['10.0.0.0/16'], ipv6CidrBlocks: ['2600:1f18:1::/56'] }],
          subnets: [{ id: 'sn-1', vpcId: 'vpc-1', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' }],
          networkAcls: [acl],
        });
        const nacl = net.nacls.get('acl-1')!;
        const naive = naiveLookups(net);
        const indexed = indexedLookups(net);
        const pkt = naclPacket(c);
        const ported = pkt.proto === 6 || pkt.proto === 17;
        for (const egress of [false, true]) {
          const out = evaluateNaclRules(egress ? nacl.outbound : nacl.inbound, egress, pkt);
          // The indexed lookups evaluate IPv4 over packed rules: the same outcome, decision for decision.
          expect(indexed.evaluateNacl(nacl, egress, pkt)).toStrictEqual(out);
          const asWritten = egress ? nacl.outboundAsWritten : nacl.inboundAsWritten;
          // allowed and denied split the port set exactly.
          const all: PortSet = ported ? pkt.dport : [{ from: 0, to: 0 }];
          expect(portSetUnion(out.allowed, out.denied)).toStrictEqual(all);
          expect(portSetSubtract(out.allowed, out.denied)).toStrictEqual(out.allowed);
          // The naive evaluator (sorts at every call, one representative port per piece) says the same.
          const ref = naive.evaluateNacl(nacl, egress, pkt);
          expect(ref.allowed).toStrictEqual(out.allowed);
          expect(ref.denied).toStrictEqual(out.denied);
          expect(ref.decisions.map((d) => [d.rule, portSetUnion([], d.ports)])).toStrictEqual(
            out.decisions.map((d) => [d.rule, portSetUnion([], d.ports)]),
          );
          const ports = ported ? samplePorts(pkt.dport, rules, c.extraPorts) : [0];
          for (const port of ports) {
            const inSet = ported ? portSetContains(pkt.dport, port) : true;
            const first = naclFirstMatch(asWritten, egress, pkt, port);
            if (!inSet) {
              expect(portSetContains(out.allowed, port) || portSetContains(out.denied, port)).toBe(false);
              continue;
            }
            // The `*` rules (32767) match every packet of their family, so a rule always decides.
            expect(first).toBeDefined();
            expect(portSetContains(out.allowed, port)).toBe(first!.action === 'allow');
            expect(portSetContains(out.denied, port)).toBe(first!.action === 'deny');
            const decided = out.decisions.find((d) => portSetContains(d.ports, port));
            expect(decided?.rule).toBe(first);
          }
        }
      }),
      runs(600),
    );
  });
});

// ---------------------------------------------------------------------------- security-group order

interface Outcome {
  verdict: TraceResult['verdict'] | `error:${string}`;
  blocking: string[];
  working?: PortRange[];
}

function outcome(net: Network, q: TraceQuery): Outcome {
  const r = trace(net, q);
  if (!r.ok) return { verdict: `error:${r.error.code}`, blocking: [] };
  const blocking = [...new Set(r.value.explanations.filter((e) => e.blocking).map((e) => e.code))].sort();
  return {
    verdict: r.value.verdict,
    blocking,
    ...(r.value.workingPortRanges ? { working: r.value.workingPortRanges } : {}),
  };
}

function shuffleSecurityGroups(t: Topology, seed: number): Topology {
  const copy = structuredClone(t);
  copy.securityGroups = shuffled(
    (copy.securityGroups ?? []).map((g, i) => {
      const out: SecurityGroup = { ...g };
      if (g.inbound) out.inbound = shuffled(g.inbound, seed + 2 * i);
      if (g.outbound) out.outbound = shuffled(g.outbound, seed + 2 * i + 1);
      return out;
    }),
    seed,
  );
  copy.instances = (copy.instances ?? []).map((inst, i) => ({
    ...inst,
    securityGroupIds: shuffled(inst.securityGroupIds, seed ^ (i + 1)),
  }));
  return copy;
}

describe('security groups', () => {
  it('give the same verdicts and blocking codes whatever the order of rules and groups', () => {
    fc.assert(
      fc.property(mixedScenarioArb, fc.integer(), ({ topology, queries }, seed) => {
        const before = compileEngine(topology);
        const after = compileEngine(shuffleSecurityGroups(topology, seed));
        for (const q of queries) expect(outcome(after, q)).toStrictEqual(outcome(before, q));
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------- monotonicity

const sgRuleBaseArb: fc.Arbitrary<SgRuleBase> = fc
  .record({
    protocol: fc.constantFrom('tcp', 'tcp', 'udp', 'icmp', 'icmpv6', 'all'),
    ports: fc.option(fc.constantFrom(...PORT_CHOICES), { freq: 4 }),
    icmpType: fc.option(fc.constantFrom(-1, 0, 8, 128), { freq: 2 }),
  })
  .map((r) => {
    const ported = r.protocol === 'tcp' || r.protocol === 'udp';
    const icmp = r.protocol === 'icmp' || r.protocol === 'icmpv6';
    return {
      protocol: r.protocol,
      ...(ported && r.ports !== null ? { ports: r.ports } : {}),
      ...(icmp && r.icmpType !== null ? { icmpType: r.icmpType } : {}),
    };
  });

type Addition =
  | { kind: 'sg'; group: string; egress: boolean; rule: SgRuleBase; peer: string }
  | { kind: 'nacl'; acl: string; egress: boolean; below: number; rule: SgRuleBase; cidr: string };

/** Security groups and NACLs the queries' traces evaluate: additions there can change an outcome. */
function onPaths(s: Scenario): { sgs: string[]; nacls: string[] } {
  const net = compileEngine(s.topology);
  const sgs = new Set<string>();
  const nacls = new Set<string>();
  for (const q of s.queries) {
    const r = traceOk(net, q);
    for (const c of r ? [...r.forward, ...r.return] : []) {
      for (const g of c.securityGroups ?? []) sgs.add(g);
      if (c.component.type === 'network-acl') nacls.add(c.component.id);
    }
  }
  return { sgs: [...sgs].sort(), nacls: [...nacls].sort() };
}

function additionArb(s: Scenario): fc.Arbitrary<Addition> {
  const t = s.topology;
  const path = onPaths(s);
  const allSgs = (t.securityGroups ?? []).map((g) => g.id);
  const allNacls = (t.networkAcls ?? []).map((a) => a.id);
  const sgs = path.sgs.length > 0 ? path.sgs : allSgs;
  // Implicit default NACLs (`<vpc>/acl-default`) are not in the document: nothing to add a rule to.
  const nacls = path.nacls.filter((id) => allNacls.includes(id));
  const hosts = addressPool(t).map((a) => (a.includes(':') ? `${a}/128` : `${a}/32`));
  const cidrs = [
    '10.0.0.0/8',
    ...(t.vpcs ?? []).flatMap((v) => [...v.cidrBlocks, ...(v.ipv6CidrBlocks ?? [])]),
    ...hosts,
  ];
  // Half the additions are broad (all traffic from anywhere), so that they often change the outcome.
  const broad = fc.constantFrom('0.0.0.0/0', '::/0');
  const rule = fc.oneof(fc.constant<SgRuleBase>({ protocol: 'all' }), sgRuleBaseArb);
  const cidr = fc.oneof(broad, fc.constantFrom(...cidrs));
  const sgAddition = fc.record({
    kind: fc.constant('sg' as const),
    group: fc.constantFrom(...sgs),
    egress: fc.boolean(),
    rule,
    peer: fc.oneof(cidr, fc.constantFrom(...allSgs, 'pl-s3')),
  });
  if (nacls.length === 0) return sgAddition;
  return fc.oneof(
    sgAddition,
    fc.record({
      kind: fc.constant('nacl' as const),
      acl: fc.constantFrom(...nacls),
      egress: fc.boolean(),
      below: fc.nat(),
      rule,
      cidr,
    }),
  );
}

/** AWS's default egress of a new group, written out, so that adding a rule keeps it (format.md 2). */
function defaultEgress(t: Topology, sg: SecurityGroup): SgOutboundRule[] {
  const v6 = (t.vpcs ?? []).some((v) => v.id === sg.vpcId && (v.ipv6CidrBlocks ?? []).length > 0);
  return [{ protocol: 'all', destination: '0.0.0.0/0' }, ...(v6 ? [{ protocol: 'all', destination: '::/0' }] : [])];
}

/** The topology with one more allow rule; undefined when the addition has nowhere to go. */
function withAddition(t: Topology, a: Addition): { topology: Topology; described: string } | undefined {
  const copy = structuredClone(t);
  if (a.kind === 'sg') {
    const sg = (copy.securityGroups ?? []).find((g) => g.id === a.group);
    if (!sg) return undefined;
    if (a.egress) sg.outbound = [...(sg.outbound ?? defaultEgress(copy, sg)), { ...a.rule, destination: a.peer }];
    else sg.inbound = [...(sg.inbound ?? []), { ...a.rule, source: a.peer }];
    return {
      topology: copy,
      described: `${sg.id} ${a.egress ? 'outbound' : 'inbound'} += ${JSON.stringify(a.rule)} ${a.peer}`,
    };
  }
  const acl = (copy.networkAcls ?? []).find((x) => x.id === a.acl);
  if (!acl) return undefined;
  const list = a.egress ? acl.outbound : acl.inbound;
  // Lower than every existing rule, so it is evaluated first.
  const lowest = Math.min(32767, ...list.map((r) => r.ruleNumber));
  if (lowest <= 1) return undefined;
  const ruleNumber = 1 + (a.below % (lowest - 1));
  const rule: NaclRule = { ruleNumber, ...a.rule, cidr: a.cidr, action: 'allow' };
  if (a.egress) acl.outbound = [rule, ...acl.outbound];
  else acl.inbound = [rule, ...acl.inbound];
  return { topology: copy, described: `${acl.id} ${a.egress ? 'outbound' : 'inbound'} += ${JSON.stringify(rule)}` };
}

const RANK: Record<string, number> = { REACHABLE: 2, REACHABLE_PARTIAL: 1 };

/** Adding allow rules (on the traces' paths mostly) never lowers a verdict, nor shrinks working ports. */
function checkMonotonicity(scenarios: fc.Arbitrary<Scenario>, parameters: fc.Parameters<unknown>): void {
  const arb = scenarios.chain((s) =>
    fc.array(additionArb(s), { minLength: 1, maxLength: 3 }).map((additions) => ({ ...s, additions })),
  );
  fc.assert(
    fc.property(arb, ({ topology, queries, additions }) => {
      const before = compileEngine(topology);
      for (const a of additions) {
        const changed = withAddition(topology, a);
        if (!changed) continue;
        const after = compileEngine(changed.topology);
        for (const q of queries) {
          const b = traceOk(before, q);
          if (!b || RANK[b.verdict] === undefined) continue;
          const r = traceOk(after, q);
          const context = `${changed.described}; query ${JSON.stringify(q)}: ${b.verdict} -> ${r?.verdict ?? 'error'}`;
          expect(r, context).toBeDefined();
          expect(RANK[r!.verdict] ?? 0, context).toBeGreaterThanOrEqual(RANK[b.verdict]!);
          if (b.verdict === 'REACHABLE_PARTIAL' && r!.verdict === 'REACHABLE_PARTIAL') {
            // The working client ports can only grow.
            expect(portSetSubtract(b.workingPortRanges ?? [], r!.workingPortRanges ?? []), context).toStrictEqual([]);
          }
        }
      }
    }),
    parameters,
  );
}

describe('monotonicity', () => {
  it('adding a security-group allow rule, or a NACL allow rule before every other rule, never removes reachability', () => {
    checkMonotonicity(mixedScenarioArb, RUNS);
  });
});

// --------------------------------------------------------------------------------- transit gateways

/** Addresses to look up in transit gateway tables: every VPC block's ends, every interface, some outside. */
function tgwProbes(net: Network): IpAddress[] {
  const out: IpAddress[] = [
    { family: 4, value: 0x08080808 },
    { family: 4, value: 0xc6336410 },
  ];
  for (const vpc of net.vpcList) {
    for (const c of [...vpc.cidrs4, ...vpc.cidrs6]) {
      out.push({ family: c.family, value: c.network } as IpAddress, { family: c.family, value: c.last } as IpAddress);
    }
    for (const d of vpc.devices) {
      if (d.kind === 'eni') for (const v of d.ips4) out.push({ family: 4, value: v });
      else out.push({ family: 4, value: d.ip4 });
    }
  }
  return out;
}

/** What a transit gateway route is, for comparing: the naive reference builds its propagated routes anew. */
function tgwRouteShape(r: ReturnType<Lookups['lookupTgwRoute']>): unknown {
  return r && { ref: r.ref, cidr: r.cidr.text, attachment: r.attachment?.id, blackhole: r.blackhole, rank: r.rank };
}

/** Explanation codes and additional details of a trace, and whether it crossed a transit gateway. */
function tgwTags(r: TraceResult): string[] {
  const comps = [...r.forward, ...r.return];
  const tags: string[] = [
    ...r.explanations.map((e) => e.code),
    ...comps.flatMap((c) => c.additionalDetails ?? []),
    ...comps.flatMap((c) => c.explanationCodes ?? []),
  ];
  if (comps.some((c) => c.component.type === 'transit-gateway-route-table')) tags.push(`${r.verdict} via TGW`);
  if (comps.some((c) => c.component.id === 'tgw-attach-peer' && c.action !== 'drop')) tags.push('across TGW peering');
  return tags;
}

describe('transit gateways', () => {
  it('indexed engine = naive reference: deep-equal traces, and the same attachment, association and route at every lookup', () => {
    fc.assert(
      fc.property(tgwMixedScenarioArb, ({ topology, queries }) => {
        const net = compileEngine(topology);
        const naive = naiveLookups(net);
        const indexed = indexedLookups(net);
        for (const q of queries) expect(trace(net, q, naive)).toStrictEqual(trace(net, q));
        for (const tgw of net.transitGateways.values()) {
          for (const vpc of net.vpcList)
            expect(indexed.tgwAttachmentOf(tgw, vpc) === naive.tgwAttachmentOf(tgw, vpc), `${tgw.id} ${vpc.id}`).toBe(
              true,
            );
          for (const att of net.tgwAttachments.values())
            expect(indexed.tgwRouteTableOf(att, tgw) === naive.tgwRouteTableOf(att, tgw), `${att.id} ${tgw.id}`).toBe(
              true,
            );
        }
        const probes = tgwProbes(net);
        for (const table of net.tgwRouteTables.values()) {
          for (const ip of probes) {
            const a = indexed.lookupTgwRoute(table, ip);
            const b = naive.lookupTgwRoute(table, ip);
            expect(tgwRouteShape(a), `${table.id} ${formatIp(ip)}`).toStrictEqual(tgwRouteShape(b));
            expect(a?.attachment === b?.attachment).toBe(true);
          }
        }
      }),
      runs(200),
    );
  });

  it('adding an allow rule never removes reachability across transit gateways either', () => {
    checkMonotonicity(tgwMixedScenarioArb, runs(100));
  });

  it('generated topologies with transit gateways are valid: validation reports no errors', () => {
    fc.assert(
      fc.property(tgwTopologyArb, (t) => {
        expect(validateTopology(t).filter((d) => d.severity !== 'warning')).toStrictEqual([]);
      }),
      runs(100),
    );
  });

  it('a fixed sample of the generated networks exercises the transit gateway rules (semantics.md 9)', () => {
    // Guards the generators: the properties above are only as good as the cases they meet.
    const seen = new Set<string>();
    let overlapping = 0;
    for (const { topology, queries } of fc.sample(tgwMixedScenarioArb, { seed: 20251122, numRuns: 150 })) {
      const net = compileEngine(topology);
      for (const q of queries) {
        const r = traceOk(net, q);
        if (r) for (const tag of tgwTags(r)) seen.add(tag);
      }
      // Two attachments with overlapping VPCs propagating into one table: the later one is skipped (9.2 rule 5).
      for (const table of topology.transitGatewayRouteTables ?? []) {
        const blocks = table.propagations.flatMap((id) => {
          const vpcId = (topology.transitGatewayAttachments ?? []).find((a) => a.id === id)?.vpcId;
          return (topology.vpcs ?? []).find((v) => v.id === vpcId)?.cidrBlocks ?? [];
        });
        const parsed = blocks.map((b) => parseCidr(b)).flatMap((c) => (c.ok ? [c.value] : []));
        if (parsed.some((a, i) => parsed.some((b, j) => j > i && cidrsOverlap(a, b)))) overlapping++;
      }
    }
    for (const tag of [
      'REACHABLE via TGW',
      'BLOCKED via TGW',
      'across TGW peering',
      'TGW_ROUTE_AZ_RESTRICTION',
      'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION',
      'SIM_TGW_BLACKHOLE_ROUTE',
      'BAD_STATE_ATTACHMENT',
      'NO_ROUTE_TO_DESTINATION',
      'AVAILABILITY_ZONE_CROSSED',
      'UNIDIRECTIONAL_PATH_ANALYSIS_ONLY',
    ])
      expect(seen, tag).toContain(tag);
    expect(overlapping).toBeGreaterThan(0);
  });
});

// -------------------------------------------------------------------------- determinism and purity

describe('determinism', () => {
  it('traces a deep-frozen topology twice with deep-equal, JSON-equal results and leaves it unchanged', () => {
    const arb = topologyArb.chain((t) =>
      fc.array(queryArb(t), { minLength: 1, maxLength: 6 }).map((queries) => ({ t, queries })),
    );
    fc.assert(
      fc.property(arb, ({ t, queries }) => {
        const frozen = deepFreeze(structuredClone(t));
        const snapshot = JSON.stringify(frozen);
        const first = compileEngine(frozen);
        const second = compileEngine(frozen);
        // compile(topology) validates too, and is memoized on the topology's identity.
        const validated = compile(frozen);
        // (=== rather than toBe: a failing toBe deep-compares two cyclic compiled graphs.)
        expect(compile(frozen) === validated).toBe(true);
        for (const q of queries) {
          const a = trace(first, q);
          const b = trace(second, q);
          const again = trace(first, q);
          expect(b).toStrictEqual(a);
          expect(again).toStrictEqual(a);
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
          // Plain JSON data: no Maps, bigints, undefined fields or class instances.
          expect(JSON.parse(JSON.stringify(a))).toStrictEqual(a);
          expect(JSON.stringify(trace(validated, q))).toBe(JSON.stringify(trace(compile(frozen), q)));
        }
        expect(JSON.stringify(frozen)).toBe(snapshot);
        expect(frozen).toStrictEqual(t);
      }),
      runs(100),
    );
  });
});

// ------------------------------------------------------------------------------------ serialization

describe('documents', () => {
  it('parse(serialize(doc)) gives back the document', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const text = serializeDocument(doc);
        const parsed = parseDocument(text);
        expect(parsed.diagnostics.filter((d) => d.severity === 'fatal')).toStrictEqual([]);
        expect(parsed.document).toStrictEqual(doc);
        expect(serializeDocument(parsed.document!)).toBe(text);
      }),
      runs(100),
    );
  });

  it('generated topologies are valid: validation reports no errors', () => {
    fc.assert(
      fc.property(topologyArb, (t) => {
        expect(validateTopology(t).filter((d) => d.severity !== 'warning')).toStrictEqual([]);
      }),
      runs(100),
    );
  });
});
