// Rule matching of the engine's lookups (src/engine/lookups.ts) on tiny inputs: route selection
// (semantics.md 2.3), NACL first match (3.2) and security-group matching (4.2). Every row is also
// checked against the naive reference lookups, which must agree.
import { describe, expect, it } from 'vitest';
import { parseIp, parsePortRange, type IpAddress, type PortSet } from '../../../src/lib/index.ts';
import {
  compile,
  indexedLookups,
  naiveLookups,
  protocolNumber,
  type Lookups,
  type Network,
  type Packet,
} from '../../../src/engine/index.ts';
import type { NaclRule, Route, SecurityGroup, Topology } from '../../../src/model/index.ts';
import { f1, instance, routeTable, withNacl, withSecurityGroup } from './fixtures/index.ts';

function ip(text: string): IpAddress {
  const a = parseIp(text);
  if (!a) throw new Error(`bad address ${text}`);
  return a;
}

/** Port set text: `"443"`, `"32768-49151,49152-60999"`, or `""` for the empty set. */
function ports(text: string): PortSet {
  if (text === '') return [];
  return text.split(',').map((p) => {
    const r = parsePortRange(p);
    if (!r) throw new Error(`bad ports ${p}`);
    return r;
  });
}

interface PacketSpec {
  proto: string;
  src: string;
  dst: string;
  /** Destination ports (tcp/udp only). */
  ports?: string;
  icmpType?: number;
  icmpCode?: number;
}

function packet(p: PacketSpec): Packet {
  const proto = protocolNumber(p.proto)!;
  const src = ip(p.src);
  return {
    family: src.family,
    proto,
    src,
    dst: ip(p.dst),
    sport: [],
    dport: p.ports !== undefined ? ports(p.ports) : [],
    icmpType: p.icmpType,
    icmpCode: p.icmpType !== undefined ? (p.icmpCode ?? 0) : undefined,
  };
}

function both(net: Network): [Lookups, Lookups] {
  return [indexedLookups(net), naiveLookups(net)];
}

// ------------------------------------------------------------------------------------- route tables

/** F1 (semantics.md 0.4) with extra routes in rtb-priv and, optionally, IPv6 and a prefix list. */
function routeNetwork(routes: Route[], extra: Partial<Topology> = {}): Network {
  const t = f1();
  t.vpcs![0]!.ipv6CidrBlocks = ['2600:1f18:a::/56'];
  t.egressOnlyInternetGateways = [{ id: 'eigw-a', vpcId: 'vpc-a' }];
  t.prefixLists = [{ id: 'pl-web', cidrs: ['93.184.216.0/24', '198.51.100.0/24'] }];
  routeTable(t, 'rtb-priv').routes.push(...routes);
  Object.assign(t, extra);
  return compile(t, { diagnostics: [] });
}

interface RouteRow {
  name: string;
  routes: Route[];
  dst: string;
  /** `null` = no route matches. */
  expected: { destination: string; target: string; origin?: string; state?: 'active' | 'blackhole' } | null;
}

const routeRows: RouteRow[] = [
  {
    name: 'the longest prefix wins over the default route',
    routes: [{ destination: '93.184.0.0/16', target: 'igw-a' }],
    dst: '93.184.216.34',
    expected: { destination: '93.184.0.0/16', target: 'igw-a' },
  },
  {
    name: 'a /28 wins over a /16 and the default',
    routes: [
      { destination: '93.184.0.0/16', target: 'igw-a' },
      { destination: '93.184.216.32/28', target: 'pcx-x' },
    ],
    dst: '93.184.216.34',
    expected: { destination: '93.184.216.32/28', target: 'pcx-x' },
  },
  {
    name: 'outside the longer prefix, the shorter one still matches',
    routes: [{ destination: '93.184.216.32/28', target: 'pcx-x' }],
    dst: '93.184.216.77',
    expected: { destination: '0.0.0.0/0', target: 'nat-a' },
  },
  {
    name: 'the local route keeps VPC traffic inside although 10.0.0.0/8 goes elsewhere',
    routes: [{ destination: '10.0.0.0/8', target: 'pcx-x' }],
    dst: '10.0.4.10',
    expected: { destination: '10.0.0.0/16', target: 'local', origin: 'local' },
  },
  {
    name: 'a less specific route catches the rest of 10/8',
    routes: [{ destination: '10.0.0.0/8', target: 'pcx-x' }],
    dst: '10.9.0.1',
    expected: { destination: '10.0.0.0/8', target: 'pcx-x', origin: 'static' },
  },
  {
    name: 'static beats propagated on the identical prefix',
    routes: [
      { destination: '93.184.216.0/24', target: 'vgw-1', propagated: true },
      { destination: '93.184.216.0/24', target: 'igw-a' },
    ],
    dst: '93.184.216.34',
    expected: { destination: '93.184.216.0/24', target: 'igw-a', origin: 'static' },
  },
  {
    name: 'static beats propagated whatever the order in the table',
    routes: [
      { destination: '93.184.216.0/24', target: 'igw-a' },
      { destination: '93.184.216.0/24', target: 'vgw-1', propagated: true },
    ],
    dst: '93.184.216.34',
    expected: { destination: '93.184.216.0/24', target: 'igw-a', origin: 'static' },
  },
  {
    name: 'static beats a prefix-list route on the identical prefix',
    routes: [
      { destination: 'pl-web', target: 'pcx-x' },
      { destination: '93.184.216.0/24', target: 'igw-a' },
    ],
    dst: '93.184.216.34',
    expected: { destination: '93.184.216.0/24', target: 'igw-a', origin: 'static' },
  },
  {
    name: 'a prefix-list route beats a propagated one on the identical prefix',
    routes: [
      { destination: '93.184.216.0/24', target: 'vgw-1', propagated: true },
      { destination: 'pl-web', target: 'pcx-x' },
    ],
    dst: '93.184.216.34',
    expected: { destination: 'pl-web', target: 'pcx-x', origin: 'prefixList' },
  },
  {
    name: "a prefix-list route matches with its entry's prefix length (/24 beats a static /16)",
    routes: [
      { destination: '93.184.0.0/16', target: 'igw-a' },
      { destination: 'pl-web', target: 'pcx-x' },
    ],
    dst: '93.184.216.34',
    expected: { destination: 'pl-web', target: 'pcx-x', origin: 'prefixList' },
  },
  {
    name: 'a longer propagated prefix beats a shorter static one (longest prefix first)',
    routes: [
      { destination: '93.184.216.0/24', target: 'igw-a' },
      { destination: '93.184.216.0/25', target: 'vgw-1', propagated: true },
    ],
    dst: '93.184.216.34',
    expected: { destination: '93.184.216.0/25', target: 'vgw-1' },
  },
  {
    name: 'a blackhole route is still the best match (no fallback to the default)',
    routes: [{ destination: '93.184.0.0/16', target: 'nat-deleted' }],
    dst: '93.184.216.34',
    expected: { destination: '93.184.0.0/16', target: 'nat-deleted', state: 'blackhole' },
  },
  {
    name: 'the default route to an available NAT gateway of this VPC is active',
    routes: [],
    dst: '8.8.8.8',
    expected: { destination: '0.0.0.0/0', target: 'nat-a', state: 'active' },
  },
  {
    name: 'IPv6: ::/0 to the egress-only gateway',
    routes: [{ destination: '::/0', target: 'eigw-a' }],
    dst: '2001:db8:ffff::1',
    expected: { destination: '::/0', target: 'eigw-a' },
  },
  {
    name: 'IPv6: the VPC block is local',
    routes: [{ destination: '::/0', target: 'eigw-a' }],
    dst: '2600:1f18:a:1::10',
    expected: { destination: '2600:1f18:a::/56', target: 'local', origin: 'local' },
  },
  {
    name: '0.0.0.0/0 never matches IPv6 traffic',
    routes: [],
    dst: '2001:db8:ffff::1',
    expected: null,
  },
  {
    name: '0.0.0.0/0 never matches the IPv6 address :: (numerically zero)',
    routes: [],
    dst: '::',
    expected: null,
  },
  {
    name: '0.0.0.0/0 never matches an IPv4-mapped IPv6 address',
    routes: [],
    dst: '::ffff:8.8.8.8',
    expected: null,
  },
  {
    name: '::/0 never matches IPv4 traffic (IPv4 and IPv6 tables are independent)',
    routes: [{ destination: '::/0', target: 'eigw-a' }],
    dst: '8.8.8.8',
    expected: { destination: '0.0.0.0/0', target: 'nat-a' },
  },
  {
    name: 'a /32 host route',
    routes: [{ destination: '8.8.8.8/32', target: 'igw-a' }],
    dst: '8.8.8.8',
    expected: { destination: '8.8.8.8/32', target: 'igw-a' },
  },
];

describe('route selection (semantics.md 2.3)', () => {
  it.each(routeRows)('$name', ({ routes, dst, expected }) => {
    const net = routeNetwork(routes);
    const rt = net.routeTables.get('rtb-priv')!;
    for (const lk of both(net)) {
      const got = lk.lookupRoute(rt, ip(dst));
      if (expected === null) {
        expect(got).toBeUndefined();
        continue;
      }
      expect(got).toMatchObject({
        destination: expected.destination,
        target: expected.target,
        ...(expected.origin !== undefined ? { origin: expected.origin } : {}),
        ...(expected.state !== undefined ? { state: expected.state } : {}),
      });
    }
  });

  it('T-RT-02: F1 plus propagated 172.31.0.0/24->vgw-1 and static 172.31.0.0/24->nat-a: nat-a is chosen; plus propagated 172.31.0.0/25->vgw-1: vgw-1 is chosen for 172.31.0.9', () => {
    const t = f1();
    routeTable(t, 'rtb-priv').routes.push(
      { destination: '172.31.0.0/24', target: 'vgw-1', propagated: true },
      { destination: '172.31.0.0/24', target: 'nat-a' },
    );
    const net = compile(t, { diagnostics: [] });
    for (const lk of both(net)) {
      expect(lk.lookupRoute(net.routeTables.get('rtb-priv')!, ip('172.31.0.9'))).toMatchObject({
        destination: '172.31.0.0/24',
        target: 'nat-a',
        origin: 'static',
        state: 'active',
      });
    }

    routeTable(t, 'rtb-priv').routes.push({ destination: '172.31.0.0/25', target: 'vgw-1', propagated: true });
    const net2 = compile(t, { diagnostics: [] });
    for (const lk of both(net2)) {
      expect(lk.lookupRoute(net2.routeTables.get('rtb-priv')!, ip('172.31.0.9'))).toMatchObject({
        destination: '172.31.0.0/25',
        target: 'vgw-1',
      });
    }
  });

  it('gateway-endpoint routes expand the service prefix list, one entry per CIDR', () => {
    const net = routeNetwork([], {
      vpcEndpoints: [{ id: 'vpce-s3', vpcId: 'vpc-a', type: 'gateway', service: 's3', routeTableIds: ['rtb-priv'] }],
    });
    const rt = net.routeTables.get('rtb-priv')!;
    for (const lk of both(net)) {
      expect(lk.lookupRoute(rt, ip('52.216.10.10'))).toMatchObject({ target: 'vpce-s3', origin: 'gatewayEndpoint' });
      expect(lk.lookupRoute(rt, ip('3.5.1.1'))).toMatchObject({ target: 'vpce-s3', origin: 'gatewayEndpoint' });
      expect(lk.lookupRoute(rt, ip('52.218.0.1'))).toMatchObject({ target: 'nat-a' });
    }
  });
});

// ---------------------------------------------------------------------------------------------- NACLs

interface NaclRow {
  name: string;
  rules: NaclRule[];
  egress?: boolean;
  pkt: PacketSpec;
  /** Allowed destination ports (`"*"` = allowed, `""` = denied, for protocols without ports). */
  allowed: string;
  /** Which rule decided which ports, in rule order: [ports, ruleNumber]. */
  decisions: [string, number][];
}

const allowAll4: NaclRule = { ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' };
const TCP_443 = { proto: 'tcp', src: '10.0.1.10', dst: '10.0.2.10', ports: '443' } as const;

const naclRows: NaclRow[] = [
  {
    name: 'first match wins: a deny at 90 beats an allow at 100 (T-NACL-04)',
    rules: [{ ruleNumber: 90, protocol: 'tcp', ports: '443', cidr: '10.0.1.10/32', action: 'deny' }, allowAll4],
    pkt: TCP_443,
    allowed: '',
    decisions: [['443', 90]],
  },
  {
    name: 'rules are evaluated by number, not by their order in the document',
    rules: [allowAll4, { ruleNumber: 90, protocol: 'tcp', ports: '443', cidr: '10.0.1.10/32', action: 'deny' }],
    pkt: TCP_443,
    allowed: '',
    decisions: [['443', 90]],
  },
  {
    name: 'a rule whose CIDR does not hold the source is skipped',
    rules: [{ ruleNumber: 90, protocol: 'tcp', ports: '443', cidr: '10.0.1.10/32', action: 'deny' }, allowAll4],
    pkt: { ...TCP_443, src: '10.0.1.11' },
    allowed: '443',
    decisions: [['443', 100]],
  },
  {
    name: 'outbound rules match the destination address',
    rules: [{ ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '10.0.2.0/24', action: 'allow' }],
    egress: true,
    pkt: TCP_443,
    allowed: '443',
    decisions: [['443', 100]],
  },
  {
    name: 'inbound rules match the source address, not the destination',
    rules: [{ ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '10.0.2.0/24', action: 'allow' }],
    pkt: TCP_443,
    allowed: '',
    decisions: [['443', 32767]],
  },
  {
    name: 'no rule matches: the * rule (32767) denies',
    rules: [],
    pkt: TCP_443,
    allowed: '',
    decisions: [['443', 32767]],
  },
  {
    name: 'a port range matches at both ends',
    rules: [{ ruleNumber: 100, protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: { ...TCP_443, ports: '1023-1024,65535' },
    allowed: '1024,65535',
    decisions: [
      ['1024,65535', 100],
      ['1023', 32767],
    ],
  },
  {
    name: 'part of an ephemeral range passes (T-NACL-03): 49152-60999 allowed, 32768-49151 denied',
    rules: [
      { ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' },
      { ruleNumber: 110, protocol: 'tcp', ports: '49152-65535', cidr: '10.0.1.0/24', action: 'allow' },
    ],
    egress: true,
    pkt: { proto: 'tcp', src: '10.0.2.10', dst: '10.0.1.10', ports: '32768-60999' },
    allowed: '49152-60999',
    decisions: [
      ['49152-60999', 110],
      ['32768-49151', 32767],
    ],
  },
  {
    name: 'a deny in the middle of a port set splits it',
    rules: [
      { ruleNumber: 50, protocol: 'tcp', ports: '40000-40010', cidr: '0.0.0.0/0', action: 'deny' },
      { ruleNumber: 60, protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0', action: 'allow' },
    ],
    pkt: { ...TCP_443, ports: '32768-60999' },
    allowed: '32768-39999,40011-60999',
    decisions: [
      ['40000-40010', 50],
      ['32768-39999,40011-60999', 60],
    ],
  },
  {
    name: 'a udp rule does not match tcp',
    rules: [{ ruleNumber: 100, protocol: 'udp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: TCP_443,
    allowed: '',
    decisions: [['443', 32767]],
  },
  {
    name: 'protocol all matches tcp and ignores ports',
    rules: [{ ruleNumber: 100, protocol: 'all', ports: '22', cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: TCP_443,
    allowed: '443',
    decisions: [['443', 100]],
  },
  {
    name: 'protocol all matches a protocol without ports (50, ESP)',
    rules: [allowAll4],
    pkt: { proto: '50', src: '10.0.1.10', dst: '10.0.2.10' },
    allowed: '*',
    decisions: [['*', 100]],
  },
  {
    name: 'a protocol-number rule matches only that protocol',
    rules: [{ ruleNumber: 100, protocol: '50', cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: { proto: '51', src: '10.0.1.10', dst: '10.0.2.10' },
    allowed: '',
    decisions: [['*', 32767]],
  },
  {
    name: 'ICMP: a type 8 rule allows echo requests',
    rules: [{ ruleNumber: 100, protocol: 'icmp', icmpType: 8, cidr: '10.0.1.0/24', action: 'allow' }],
    pkt: { proto: 'icmp', src: '10.0.1.10', dst: '10.0.2.10', icmpType: 8 },
    allowed: '*',
    decisions: [['*', 100]],
  },
  {
    name: 'ICMP: a type 8 rule does not allow echo replies (type 0, T-RET-01)',
    rules: [{ ruleNumber: 100, protocol: 'icmp', icmpType: 8, cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: { proto: 'icmp', src: '10.0.1.10', dst: '10.0.2.10', icmpType: 0 },
    allowed: '',
    decisions: [['*', 32767]],
  },
  {
    name: 'ICMP: type 3 code 4 matches 3/4 (path MTU discovery)',
    rules: [{ ruleNumber: 100, protocol: 'icmp', icmpType: 3, icmpCode: 4, cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: { proto: 'icmp', src: '10.0.1.10', dst: '10.0.2.10', icmpType: 3, icmpCode: 4 },
    allowed: '*',
    decisions: [['*', 100]],
  },
  {
    name: 'ICMP: type 3 code 4 does not match 3/1',
    rules: [{ ruleNumber: 100, protocol: 'icmp', icmpType: 3, icmpCode: 4, cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: { proto: 'icmp', src: '10.0.1.10', dst: '10.0.2.10', icmpType: 3, icmpCode: 1 },
    allowed: '',
    decisions: [['*', 32767]],
  },
  {
    name: 'ICMP: type -1 and code -1 match any type and code',
    rules: [{ ruleNumber: 100, protocol: 'icmp', icmpType: -1, icmpCode: -1, cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: { proto: 'icmp', src: '10.0.1.10', dst: '10.0.2.10', icmpType: 11, icmpCode: 1 },
    allowed: '*',
    decisions: [['*', 100]],
  },
  {
    name: 'ICMP: a rule without type and code matches any',
    rules: [{ ruleNumber: 100, protocol: 'icmp', cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: { proto: 'icmp', src: '10.0.1.10', dst: '10.0.2.10', icmpType: 0 },
    allowed: '*',
    decisions: [['*', 100]],
  },
  {
    name: 'an icmp rule does not match tcp',
    rules: [{ ruleNumber: 100, protocol: 'icmp', cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: TCP_443,
    allowed: '',
    decisions: [['443', 32767]],
  },
  {
    name: 'IPv4 rules never match IPv6 packets: the IPv6 * rule denies',
    rules: [allowAll4],
    pkt: { proto: 'tcp', src: '2001:db8::1', dst: '2600:1f18:a:1::10', ports: '443' },
    allowed: '',
    decisions: [['443', 32767]],
  },
  {
    name: 'an IPv6 rule (::/0) matches IPv6 packets',
    rules: [allowAll4, { ruleNumber: 101, protocol: 'all', cidr: '::/0', action: 'allow' }],
    pkt: { proto: 'tcp', src: '2001:db8::1', dst: '2600:1f18:a:1::10', ports: '443' },
    allowed: '443',
    decisions: [['443', 101]],
  },
  {
    name: 'an IPv6 rule never matches IPv4 packets',
    rules: [{ ruleNumber: 100, protocol: 'all', cidr: '::/0', action: 'allow' }],
    pkt: TCP_443,
    allowed: '',
    decisions: [['443', 32767]],
  },
  {
    name: 'an icmpv6 rule on an IPv4 CIDR never matches (ICMPv6 packets are IPv6)',
    rules: [{ ruleNumber: 100, protocol: 'icmpv6', cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: { proto: 'icmpv6', src: '2001:db8::1', dst: '2600:1f18:a:1::10', icmpType: 128 },
    allowed: '',
    decisions: [['*', 32767]],
  },
  {
    name: 'an icmpv6 rule on ::/0 matches echo requests',
    rules: [{ ruleNumber: 100, protocol: 'icmpv6', icmpType: 128, cidr: '::/0', action: 'allow' }],
    pkt: { proto: 'icmpv6', src: '2001:db8::1', dst: '2600:1f18:a:1::10', icmpType: 128 },
    allowed: '*',
    decisions: [['*', 100]],
  },
  {
    name: 'rule 32766 is still evaluated before the * rule',
    rules: [{ ruleNumber: 32766, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    pkt: TCP_443,
    allowed: '443',
    decisions: [['443', 32766]],
  },
];

describe('NACL matching (semantics.md 3.2)', () => {
  it.each(naclRows)('$name', ({ rules, egress = false, pkt, allowed, decisions }) => {
    const t = withNacl(f1(), 'acl-x', ['sn-app-a'], { inbound: rules, outbound: rules });
    t.vpcs![0]!.ipv6CidrBlocks = ['2600:1f18:a::/56'];
    const net = compile(t, { diagnostics: [] });
    const nacl = net.nacls.get('acl-x')!;
    const p = packet(pkt);
    const unit = (s: string): PortSet => (s === '*' ? [{ from: 0, to: 0 }] : ports(s));
    for (const lk of both(net)) {
      const out = lk.evaluateNacl(nacl, egress, p);
      expect(out.allowed).toStrictEqual(unit(allowed));
      expect(out.decisions.map((d) => [d.ports, d.rule.ruleNumber])).toStrictEqual(
        decisions.map(([ps, n]) => [unit(ps), n]),
      );
      const all = p.dport.length > 0 ? p.dport : unit('*');
      expect(out.denied.length + out.allowed.length).toBeGreaterThan(0);
      expect([...out.allowed, ...out.denied].reduce((n, r) => n + r.to - r.from + 1, 0)).toBe(
        all.reduce((n, r) => n + r.to - r.from + 1, 0),
      );
    }
  });

  it('the * rules are implicit, deny, and numbered 32767 for both families', () => {
    const net = compile(withNacl(f1(), 'acl-x', ['sn-app-a']), { diagnostics: [] });
    const nacl = net.nacls.get('acl-x')!;
    for (const list of [nacl.inbound, nacl.outbound]) {
      expect(list.map((r) => [r.ruleNumber, r.action, r.cidrText, r.implicit])).toStrictEqual([
        [32767, 'deny', '0.0.0.0/0', true],
        [32767, 'deny', '::/0', true],
      ]);
    }
  });
});

// ------------------------------------------------------------------------------------ security groups

/** F1 plus two groups on app1 and a secondary address on web. */
function sgNetwork(groups: SecurityGroup[], app1Groups: string[]): Network {
  let t = f1();
  for (const g of groups) t = withSecurityGroup(t, g);
  instance(t, 'app1').securityGroupIds = app1Groups;
  instance(t, 'web').secondaryPrivateIps = ['10.0.1.11'];
  t.prefixLists = [{ id: 'pl-partners', cidrs: ['198.51.100.0/24', '2001:db8:ffff::/48'] }];
  return compile(t, { diagnostics: [] });
}

const sgSsh: SecurityGroup = {
  id: 'sg-ssh',
  vpcId: 'vpc-a',
  inbound: [{ protocol: 'tcp', ports: '22', source: '10.0.0.0/16' }],
};
const sgHttps: SecurityGroup = {
  id: 'sg-https',
  vpcId: 'vpc-a',
  inbound: [{ protocol: 'tcp', ports: '443', source: '0.0.0.0/0' }],
};
const sgFromWeb: SecurityGroup = {
  id: 'sg-from-web',
  vpcId: 'vpc-a',
  inbound: [{ protocol: 'all', source: 'sg-web' }],
};
const sgPartners: SecurityGroup = {
  id: 'sg-partners',
  vpcId: 'vpc-a',
  inbound: [{ protocol: 'tcp', ports: '443', source: 'pl-partners' }],
  outbound: [{ protocol: 'tcp', ports: '443', destination: 'pl-s3' }],
};
const sgEmpty: SecurityGroup = { id: 'sg-empty', vpcId: 'vpc-a', outbound: [] };
const sgDefaultOut: SecurityGroup = { id: 'sg-default-out', vpcId: 'vpc-a' };
const sgIcmp: SecurityGroup = {
  id: 'sg-icmp',
  vpcId: 'vpc-a',
  inbound: [
    { protocol: 'icmp', icmpType: 8, source: '0.0.0.0/0' },
    { protocol: 'tcp', ports: '1000-2000', source: '::/0' },
  ],
};

interface SgRow {
  name: string;
  groups: SecurityGroup[];
  egress?: boolean;
  pkt: PacketSpec;
  refsPreserved?: boolean;
  /** The group and rule index that allow the packet, or null when none does. */
  expected: { sg: string; index: number; implicit?: boolean } | null;
}

const TO_APP1 = (src: string, proto = 'tcp', p = '443'): PacketSpec => ({ proto, src, dst: '10.0.2.10', ports: p });
const FROM_APP1 = (dst: string, p = '443'): PacketSpec => ({ proto: 'tcp', src: '10.0.2.10', dst, ports: p });

const sgRows: SgRow[] = [
  {
    name: 'union of groups: the second group allows what the first does not',
    groups: [sgSsh, sgHttps],
    pkt: TO_APP1('8.8.8.8'),
    expected: { sg: 'sg-https', index: 0 },
  },
  {
    name: 'union of groups: the first group allows its own traffic',
    groups: [sgSsh, sgHttps],
    pkt: TO_APP1('10.0.1.10', 'tcp', '22'),
    expected: { sg: 'sg-ssh', index: 0 },
  },
  {
    name: 'union of groups: traffic neither group allows is denied',
    groups: [sgSsh, sgHttps],
    pkt: TO_APP1('8.8.8.8', 'tcp', '22'),
    expected: null,
  },
  {
    name: 'a port outside the rule range is denied',
    groups: [sgIcmp],
    pkt: { proto: 'tcp', src: '2001:db8::1', dst: '2600:1f18:a:1::10', ports: '2001' },
    expected: null,
  },
  {
    name: 'a port range matches at its ends',
    groups: [sgIcmp],
    pkt: { proto: 'tcp', src: '2001:db8::1', dst: '2600:1f18:a:1::10', ports: '2000' },
    expected: { sg: 'sg-icmp', index: 1 },
  },
  {
    name: 'an IPv6 peer never matches an IPv4 packet',
    groups: [sgIcmp],
    pkt: TO_APP1('8.8.8.8', 'tcp', '1500'),
    expected: null,
  },
  {
    name: 'ICMP: a type 8 rule allows echo requests',
    groups: [sgIcmp],
    pkt: { proto: 'icmp', src: '8.8.8.8', dst: '10.0.2.10', icmpType: 8 },
    expected: { sg: 'sg-icmp', index: 0 },
  },
  {
    name: 'ICMP: a type 8 rule does not allow type 3',
    groups: [sgIcmp],
    pkt: { proto: 'icmp', src: '8.8.8.8', dst: '10.0.2.10', icmpType: 3 },
    expected: null,
  },
  {
    name: "sg reference: a member's primary private IP matches",
    groups: [sgFromWeb],
    pkt: TO_APP1('10.0.1.10'),
    expected: { sg: 'sg-from-web', index: 0 },
  },
  {
    name: "sg reference: a member's secondary private IP matches (semantics.md 4.2, 15.1)",
    groups: [sgFromWeb],
    pkt: TO_APP1('10.0.1.11'),
    expected: { sg: 'sg-from-web', index: 0 },
  },
  {
    name: 'sg reference: an address no member holds does not match',
    groups: [sgFromWeb],
    pkt: TO_APP1('10.0.1.12'),
    expected: null,
  },
  {
    name: "sg reference: a member's public IP does not match",
    groups: [sgFromWeb],
    pkt: TO_APP1('54.1.1.10'),
    expected: null,
  },
  {
    name: 'sg reference: a non-member (app2 is in sg-app only) does not match',
    groups: [sgFromWeb],
    pkt: TO_APP1('10.0.2.11'),
    expected: null,
  },
  {
    name: 'sg reference: no match once a NAT or middlebox rewrote the sender',
    groups: [sgFromWeb],
    pkt: TO_APP1('10.0.1.10'),
    refsPreserved: false,
    expected: null,
  },
  {
    name: 'prefix list peer (inbound): an address in the list matches',
    groups: [sgPartners],
    pkt: TO_APP1('198.51.100.7'),
    expected: { sg: 'sg-partners', index: 0 },
  },
  {
    name: 'prefix list peer (inbound): an address outside the list does not match',
    groups: [sgPartners],
    pkt: TO_APP1('93.184.216.34'),
    expected: null,
  },
  {
    name: 'prefix list peer (inbound): the IPv6 entry matches IPv6',
    groups: [sgPartners],
    pkt: { proto: 'tcp', src: '2001:db8:ffff::9', dst: '2600:1f18:a:1::10', ports: '443' },
    expected: { sg: 'sg-partners', index: 0 },
  },
  {
    name: 'built-in prefix list pl-s3 (outbound) matches an S3 address',
    groups: [sgPartners],
    egress: true,
    pkt: FROM_APP1('52.216.10.10'),
    expected: { sg: 'sg-partners', index: 0 },
  },
  {
    name: 'built-in prefix list pl-s3 (outbound) does not match another internet address',
    groups: [sgPartners],
    egress: true,
    pkt: FROM_APP1('93.184.216.34'),
    expected: null,
  },
  {
    name: 'no inbound rules: nothing is allowed in',
    groups: [sgEmpty],
    pkt: TO_APP1('10.0.1.10'),
    expected: null,
  },
  {
    name: 'outbound: [] means no outbound rules',
    groups: [sgEmpty],
    egress: true,
    pkt: FROM_APP1('93.184.216.34'),
    expected: null,
  },
  {
    name: "outbound omitted: AWS's default rule allows everything to 0.0.0.0/0",
    groups: [sgDefaultOut],
    egress: true,
    pkt: FROM_APP1('93.184.216.34', '5432'),
    expected: { sg: 'sg-default-out', index: -1, implicit: true },
  },
];

describe('security-group matching (semantics.md 4.2)', () => {
  it.each(sgRows)('$name', ({ groups, egress = false, pkt, refsPreserved = true, expected }) => {
    const net = sgNetwork(
      groups,
      groups.map((g) => g.id),
    );
    const eni = net.instances.get('app1')!.primaryEni;
    for (const lk of both(net)) {
      const m = lk.matchSecurityGroups(eni, egress, packet(pkt), refsPreserved ? eni.vpc : undefined);
      if (expected === null) {
        expect(m).toBeUndefined();
        continue;
      }
      expect({ sg: m?.sg.id, index: m?.index, implicit: m?.implicit }).toStrictEqual({
        sg: expected.sg,
        index: expected.index,
        implicit: expected.implicit ?? false,
      });
    }
  });

  it('an interface without security groups allows nothing', () => {
    const net = sgNetwork([], []);
    const eni = net.instances.get('app1')!.primaryEni;
    for (const lk of both(net)) {
      expect(lk.matchSecurityGroups(eni, false, packet(TO_APP1('10.0.1.10')), eni.vpc)).toBeUndefined();
      expect(lk.matchSecurityGroups(eni, true, packet(FROM_APP1('10.0.1.10')), eni.vpc)).toBeUndefined();
    }
  });
});

// ------------------------------------------------------------------------------------------ devices

describe('devices by address', () => {
  it('finds interfaces by primary and secondary IPs, NAT gateways by private IP, owners of public IPs', () => {
    const t = f1();
    instance(t, 'web').secondaryPrivateIps = ['10.0.1.11'];
    const net = compile(t, { diagnostics: [] });
    const vpc = net.vpcs.get('vpc-a')!;
    for (const lk of both(net)) {
      expect(lk.deviceAt(vpc, ip('10.0.1.10'))?.id).toBe('eni-web');
      expect(lk.deviceAt(vpc, ip('10.0.1.11'))?.id).toBe('eni-web');
      expect(lk.deviceAt(vpc, ip('10.0.1.5'))?.id).toBe('nat-a');
      expect(lk.deviceAt(vpc, ip('10.0.1.12'))).toBeUndefined();
      expect(lk.publicIpOwner(ip('54.1.1.10').value as number)?.device.id).toBe('eni-web');
      expect(lk.publicIpOwner(ip('3.3.3.3').value as number)?.device.id).toBe('nat-a');
      expect(lk.publicIpOwner(ip('54.1.1.99').value as number)).toBeUndefined();
    }
  });
});
