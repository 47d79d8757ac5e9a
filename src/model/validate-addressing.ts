/**
 * Addressing rules of semantics.md 1: VPC CIDR blocks, subnets, and the addresses of instances,
 * interfaces and NAT gateways. Reads the index, writes diagnostics; never changes the topology.
 */
import {
  cidrContains,
  cidrContainsCidr,
  cidrsOverlap,
  mustParseCidr,
  type Cidr,
  type Cidr4,
  type IpAddress,
} from '../lib/index.ts';
import {
  address,
  label,
  loc,
  type Index,
  type Loc,
  type Sink,
  type SubnetInfo,
  type VpcInfo,
} from './validate-context.ts';

/** VPC ranges AWS refuses outright (semantics.md 1.1 rule 4). */
/** Ranges AWS refuses for a VPC IPv4 block (semantics.md 1.1 rule 4). */
export const FORBIDDEN_VPC_RANGES: readonly Cidr[] = ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4'].map(
  mustParseCidr,
);
/** Used by some AWS services (Docker's default bridge), so AWS advises against it. */
const DOCKER_RANGE = mustParseCidr('172.17.0.0/16');

const R10 = mustParseCidr('10.0.0.0/8');
const R172 = mustParseCidr('172.16.0.0/12');
const R192 = mustParseCidr('192.168.0.0/16');
const R198_19 = mustParseCidr('198.19.0.0/16');
const R10_0_15 = mustParseCidr('10.0.0.0/15');
const R10_0_16 = mustParseCidr('10.0.0.0/16');
const R172_31 = mustParseCidr('172.31.0.0/16');

/** Ranges a public IPv4 or Elastic IP can never come from: RFC 1918, RFC 6598 and reserved blocks. */
export const NOT_PUBLIC_RANGES: readonly Cidr[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '0.0.0.0/8',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '224.0.0.0/4',
  '240.0.0.0/4',
].map(mustParseCidr);

type RangeClass = '10' | '172' | '192' | '198.19' | 'public';

/** The row of AWS's association-restriction table a block belongs to (100.64/10 counts as public). */
function rangeClass(c: Cidr4): RangeClass {
  if (cidrContainsCidr(R10, c)) return '10';
  if (cidrContainsCidr(R172, c)) return '172';
  if (cidrContainsCidr(R192, c)) return '192';
  if (cidrContainsCidr(R198_19, c)) return '198.19';
  return 'public';
}

const RFC1918: readonly RangeClass[] = ['10', '172', '192'];

/**
 * Why a secondary block may not join a VPC whose primary is `primary` (semantics.md 1.1 rule 5), or
 * undefined when it may. The table's rows are keyed by the range the VPC was created with, which is
 * also how an RFC 1918 primary keeps its own range after a public secondary was added.
 */
function secondaryRestriction(primary: Cidr4, earlier: readonly Cidr4[], added: Cidr4): string | undefined {
  const p = rangeClass(primary);
  const n = rangeClass(added);
  if (n === 'public') return undefined;
  if (cidrContainsCidr(R10_0_16, added) && earlier.some((c) => cidrContainsCidr(R10_0_15, c))) {
    return 'a block from 10.0.0.0/16 cannot be added when the VPC already has a block inside 10.0.0.0/15';
  }
  const primaryText = `the primary block ${primary.text}`;
  switch (p) {
    case '10':
    case '172':
    case '192':
      if (n === '198.19') return `198.19.0.0/16 cannot be added next to ${primaryText} (RFC 1918)`;
      if (n !== p) return `a block from another RFC 1918 range cannot be added next to ${primaryText}`;
      if (p === '172' && cidrContainsCidr(R172_31, added)) {
        return `a block from 172.31.0.0/16 cannot be added next to ${primaryText} from 172.16.0.0/12`;
      }
      return undefined;
    case '198.19':
      return RFC1918.includes(n)
        ? `an RFC 1918 block cannot be added next to ${primaryText} from 198.19.0.0/16`
        : undefined;
    case 'public':
      return `an RFC 1918 or 198.19.0.0/16 block cannot be added next to ${primaryText}, which is public or from 100.64.0.0/10`;
  }
}

/** Reports pairs that overlap, by sorting: each overlapping block is reported against one earlier block. */
function overlaps<T>(
  items: readonly T[],
  cidrOf: (t: T) => Cidr,
  orderOf: (t: T) => number,
  report: (later: T, earlier: T) => void,
): void {
  const sorted = [...items].sort((a, b) => {
    const x = cidrOf(a).network;
    const y = cidrOf(b).network;
    return x < y ? -1 : x > y ? 1 : orderOf(a) - orderOf(b);
  });
  let widest: T | undefined;
  for (const cur of sorted) {
    if (widest !== undefined && cidrsOverlap(cidrOf(widest), cidrOf(cur))) {
      if (orderOf(cur) > orderOf(widest)) report(cur, widest);
      else report(widest, cur);
    }
    if (widest === undefined || cidrOf(cur).last > cidrOf(widest).last) widest = cur;
  }
}

function validateVpc(v: VpcInfo, sink: Sink): void {
  const { item: vpc, index } = v;
  const at = (suffix: string, sub: number): Loc => loc('vpcs', index, vpc.id, suffix, sub);
  if (vpc.cidrBlocks.length === 0) {
    sink.error(
      'CFG_VPC_CIDR_MISSING',
      at('.cidrBlocks', 0),
      `VPC ${vpc.id} has no IPv4 CIDR block: every VPC has a primary one`,
    );
  }
  const primary = v.v4[0];
  const earlier: Cidr4[] = [];
  v.v4.forEach((c, j) => {
    if (!c) return;
    const l = at(`.cidrBlocks[${j}]`, j);
    if (c.prefix < 16 || c.prefix > 28) {
      sink.error(
        'CFG_VPC_CIDR_SIZE',
        l,
        `VPC ${vpc.id} CIDR block ${c.text} is a /${c.prefix}: a VPC block must be /16 to /28`,
      );
    }
    const forbidden = FORBIDDEN_VPC_RANGES.find((r) => cidrsOverlap(r, c));
    if (forbidden) {
      sink.error(
        'CFG_VPC_CIDR_RESERVED_RANGE',
        l,
        `VPC ${vpc.id} CIDR block ${c.text} overlaps ${forbidden.text}, which AWS does not allow`,
      );
    } else if (cidrsOverlap(DOCKER_RANGE, c)) {
      sink.warning(
        'CFG_VPC_CIDR_RESERVED_RANGE',
        l,
        `VPC ${vpc.id} CIDR block ${c.text} overlaps 172.17.0.0/16, which some AWS services use; choose another range`,
      );
    }
    if (j > 0 && primary) {
      const why = secondaryRestriction(primary, earlier, c);
      if (why) sink.error('CFG_VPC_SECONDARY_CIDR_RESTRICTED', l, `VPC ${vpc.id} secondary block ${c.text}: ${why}`);
    }
    earlier.push(c);
  });
  for (const [family, list, key] of [
    [4, v.v4, 'cidrBlocks'],
    [6, v.v6, 'ipv6CidrBlocks'],
  ] as const) {
    const present = list.flatMap((c, j) => (c ? [{ c, j }] : []));
    overlaps(
      present,
      (x) => x.c,
      (x) => x.j,
      (later, first) =>
        sink.error(
          'CFG_VPC_CIDR_OVERLAP',
          at(`.${key}[${later.j}]`, later.j + (family === 6 ? 1000 : 0)),
          `VPC ${vpc.id} block ${later.c.text} overlaps its block ${first.c.text}`,
        ),
    );
    if (list.length > 5) {
      sink.warning(
        'CFG_VPC_CIDR_QUOTA',
        at(`.${key}`, family === 6 ? 1000 : 0),
        `VPC ${vpc.id} has ${list.length} IPv${family} CIDR blocks: the default quota is 5 (it can be raised)`,
      );
    }
  }
  v.v6.forEach((c, j) => {
    if (!c) return;
    if (c.prefix < 44 || c.prefix > 60 || c.prefix % 4 !== 0) {
      sink.error(
        'CFG_IPV6_PREFIX_LENGTH',
        at(`.ipv6CidrBlocks[${j}]`, 1000 + j),
        `VPC ${vpc.id} IPv6 block ${c.text} is a /${c.prefix}: a VPC IPv6 block is /44 to /60 in steps of 4 (Amazon-provided blocks are /56)`,
      );
    }
  });
}

function validateSubnet(s: SubnetInfo, sink: Sink): void {
  const { item: subnet, index } = s;
  const at = (suffix: string): Loc => loc('subnets', index, subnet.id, suffix, suffix === '.cidrBlock' ? 1 : 2);
  if (subnet.cidrBlock === undefined && subnet.ipv6CidrBlock === undefined) {
    sink.error('CFG_SUBNET_NO_CIDR', at(''), `subnet ${subnet.id} has neither an IPv4 nor an IPv6 CIDR block`);
  }
  const vpc = s.vpc;
  if (s.v4) {
    const c = s.v4;
    if (c.prefix < 16 || c.prefix > 28) {
      sink.error(
        'CFG_SUBNET_SIZE',
        at('.cidrBlock'),
        `subnet ${subnet.id} block ${c.text} is a /${c.prefix}: a subnet IPv4 block must be /16 to /28`,
      );
    }
    if (vpc && !vpc.v4.some((b) => b !== undefined && cidrContainsCidr(b, c))) {
      const straddles = vpc.v4.filter((b) => b !== undefined && cidrsOverlap(b, c)).length > 1;
      sink.error(
        'CFG_SUBNET_NOT_IN_VPC_CIDR',
        at('.cidrBlock'),
        `subnet ${subnet.id} block ${c.text} is not inside one IPv4 block of VPC ${vpc.item.id} (${vpc.item.cidrBlocks.join(', ') || 'none'})${straddles ? ': a subnet cannot span two VPC blocks' : ''}`,
      );
    }
  }
  if (s.v6) {
    const c = s.v6;
    if (vpc && vpc.v6.length === 0) {
      sink.error(
        'CFG_SUBNET_IPV6_WITHOUT_VPC_IPV6',
        at('.ipv6CidrBlock'),
        `subnet ${subnet.id} has IPv6 block ${c.text} but VPC ${vpc.item.id} has no IPv6 block`,
      );
    } else if (vpc && !vpc.v6.some((b) => b !== undefined && cidrContainsCidr(b, c))) {
      sink.error(
        'CFG_SUBNET_NOT_IN_VPC_CIDR',
        at('.ipv6CidrBlock'),
        `subnet ${subnet.id} IPv6 block ${c.text} is not inside one IPv6 block of VPC ${vpc.item.id} (${(vpc.item.ipv6CidrBlocks ?? []).join(', ')})`,
      );
    }
    if (c.prefix < 44 || c.prefix > 64 || c.prefix % 4 !== 0) {
      sink.error(
        'CFG_IPV6_PREFIX_LENGTH',
        at('.ipv6CidrBlock'),
        `subnet ${subnet.id} IPv6 block ${c.text} is a /${c.prefix}: a subnet IPv6 block is /44 to /64 in steps of 4`,
      );
    }
  }
}

function validateSubnetOverlaps(ix: Index, sink: Sink): void {
  const perVpc = new Map<string, SubnetInfo[]>();
  for (const s of ix.subnets.values()) {
    if (!s.vpc) continue;
    let list = perVpc.get(s.item.vpcId);
    if (!list) perVpc.set(s.item.vpcId, (list = []));
    list.push(s);
  }
  for (const list of perVpc.values()) {
    for (const family of [4, 6] as const) {
      const key = family === 4 ? '.cidrBlock' : '.ipv6CidrBlock';
      const withBlock = list.filter((s) => (family === 4 ? s.v4 : s.v6) !== undefined);
      const cidrOf = (s: SubnetInfo): Cidr => (family === 4 ? s.v4 : s.v6)!;
      overlaps(
        withBlock,
        cidrOf,
        (s) => s.index,
        (later, first) =>
          sink.error(
            'CFG_SUBNET_OVERLAP',
            loc('subnets', later.index, later.item.id, key, family === 4 ? 1 : 2),
            `subnet ${later.item.id} block ${cidrOf(later).text} overlaps subnet ${first.item.id} (${cidrOf(first).text}) in VPC ${later.item.vpcId}`,
          ),
      );
    }
  }
}

/** The five addresses AWS keeps in every subnet block: network, router, DNS, future use, last. */
const RESERVED_ROLES = [
  'the network address',
  'the VPC router',
  'reserved for the Amazon DNS server',
  'reserved for future use',
];

function reservedRole(block: Cidr, a: IpAddress): string | undefined {
  if (block.family === 4 && a.family === 4) {
    const offset = a.value - block.network;
    if (offset >= 0 && offset < 4) return RESERVED_ROLES[offset];
    return a.value === block.last ? 'the last address of the block' : undefined;
  }
  if (block.family === 6 && a.family === 6) {
    const offset = a.value - block.network;
    if (offset >= 0n && offset < 4n) return RESERVED_ROLES[Number(offset)];
    return a.value === block.last ? 'the last address of the block' : undefined;
  }
  return undefined;
}

/**
 * Where an address is written. Kept instead of a ready-made location and message because at 20,000
 * instances building strings for addresses that turn out fine is most of the cost.
 */
interface Site {
  readonly array: 'instances' | 'networkInterfaces' | 'natGateways';
  readonly index: number;
  readonly rid: string;
  readonly suffix: string;
  readonly sub: number;
}

const OWNER: { readonly [K in Site['array']]: string } = {
  instances: 'instance',
  networkInterfaces: 'network interface',
  natGateways: 'NAT gateway',
};

function siteLoc(s: Site): Loc {
  return loc(s.array, s.index, s.rid, s.suffix, s.sub);
}

function owner(s: Site): string {
  return `${OWNER[s.array]} ${s.rid}`;
}

function describeSite(s: Site): string {
  return `${owner(s)} (topology.${s.array}[${s.index}]${s.suffix})`;
}

class AddressBook {
  private readonly privateByVpc = new Map<string, Map<number | bigint, Site>>();
  private readonly publicIps = new Map<number, Site>();

  /** Records a private address; returns the earlier user when the address is taken in this VPC. */
  claimPrivate(vpcId: string, a: IpAddress, site: Site): Site | undefined {
    let m = this.privateByVpc.get(vpcId);
    if (!m) this.privateByVpc.set(vpcId, (m = new Map<number | bigint, Site>()));
    const prior = m.get(a.value);
    if (prior) return prior;
    m.set(a.value, site);
    return undefined;
  }

  claimPublic(a: IpAddress, site: Site): Site | undefined {
    if (a.family !== 4) return undefined;
    const prior = this.publicIps.get(a.value);
    if (prior) return prior;
    this.publicIps.set(a.value, site);
    return undefined;
  }
}

/** Checks one private address against its subnet (inside, not reserved) and the VPC's other users. */
function checkPrivateAddress(
  text: string,
  family: 4 | 6,
  subnet: SubnetInfo | undefined,
  book: AddressBook,
  site: Site,
  sink: Sink,
): void {
  const a = address(text);
  if (!a || a.family !== family || !subnet) return;
  const block = family === 4 ? subnet.v4 : subnet.v6;
  if (!block) {
    sink.error(
      'CFG_IP_NOT_IN_SUBNET',
      siteLoc(site),
      `${owner(site)} address ${text} is IPv${family} but subnet ${subnet.item.id} has no IPv${family} CIDR block`,
    );
  } else if (!cidrContains(block, a)) {
    sink.error(
      'CFG_IP_NOT_IN_SUBNET',
      siteLoc(site),
      `${owner(site)} address ${text} is outside subnet ${subnet.item.id} (${block.text})`,
    );
  } else {
    const role = reservedRole(block, a);
    if (role) {
      sink.error(
        'CFG_IP_RESERVED',
        siteLoc(site),
        `${owner(site)} address ${text} is ${role} of subnet ${subnet.item.id} (${block.text}): AWS reserves the first four and the last address`,
      );
    }
  }
  const prior = book.claimPrivate(subnet.item.vpcId, a, site);
  if (prior) {
    sink.error(
      'CFG_IP_IN_USE',
      siteLoc(site),
      `${owner(site)} address ${text} is already used by ${describeSite(prior)} in VPC ${subnet.item.vpcId}`,
    );
  }
}

function checkPublicAddress(text: string | undefined, book: AddressBook, site: Site, sink: Sink): void {
  const a = address(text);
  if (!a || text === undefined) return;
  const range = NOT_PUBLIC_RANGES.find((r) => cidrContains(r, a));
  if (range) {
    sink.error(
      'CFG_PUBLIC_IP_NOT_PUBLIC',
      siteLoc(site),
      `${owner(site)} public address ${text} lies in ${range.text}, which is never a public IPv4 or Elastic IP address`,
    );
  }
  const prior = book.claimPublic(a, site);
  if (prior) {
    sink.error(
      'CFG_IP_IN_USE',
      siteLoc(site),
      `${owner(site)} public address ${text} is already used by ${describeSite(prior)}`,
    );
  }
}

function validateAddresses(ix: Index, sink: Sink): void {
  const book = new AddressBook();
  const t = ix.topology;
  const interfaceLists = [
    ['instances', t.instances ?? []],
    ['networkInterfaces', t.networkInterfaces ?? []],
  ] as const;
  for (const [array, list] of interfaceLists) {
    list.forEach((r, index) => {
      // A terminated instance has released its addresses.
      if (array === 'instances' && 'state' in r && r.state === 'terminated') return;
      const subnet = ix.subnets.get(r.subnetId);
      const site = (suffix: string, sub: number): Site => ({ array, index, rid: r.id, suffix, sub });
      checkPrivateAddress(r.privateIp, 4, subnet, book, site('.privateIp', 1), sink);
      (r.secondaryPrivateIps ?? []).forEach((ip, j) =>
        checkPrivateAddress(ip, 4, subnet, book, site(`.secondaryPrivateIps[${j}]`, 2), sink),
      );
      if (r.publicIp !== undefined) checkPublicAddress(r.publicIp, book, site('.publicIp', 3), sink);
      (r.ipv6Addresses ?? []).forEach((ip, j) =>
        checkPrivateAddress(ip, 6, subnet, book, site(`.ipv6Addresses[${j}]`, 4), sink),
      );
    });
  }
  (t.natGateways ?? []).forEach((nat, index) => {
    if (nat.state === 'deleted' || nat.state === 'failed') return;
    const site = (suffix: string, sub: number): Site => ({ array: 'natGateways', index, rid: nat.id, suffix, sub });
    if (nat.privateIp !== undefined) {
      checkPrivateAddress(nat.privateIp, 4, ix.subnets.get(nat.subnetId), book, site('.privateIp', 1), sink);
    }
    checkPublicAddress(nat.publicIp, book, site('.publicIp', 2), sink);
  });
}

/** Network interfaces attached to an instance must be in the instance's Availability Zone. */
function validateEniPlacement(ix: Index, sink: Sink): void {
  (ix.topology.networkInterfaces ?? []).forEach((eni, index) => {
    if (eni.instanceId === undefined) return;
    const inst = ix.instances.get(eni.instanceId)?.item;
    const instAz = inst && ix.subnets.get(inst.subnetId)?.item.availabilityZone;
    const eniAz = ix.subnets.get(eni.subnetId)?.item.availabilityZone;
    if (instAz !== undefined && eniAz !== undefined && instAz !== eniAz) {
      sink.error(
        'CFG_ENI_ATTACH_OTHER_AZ',
        loc('networkInterfaces', index, eni.id, '.instanceId', 0),
        `network interface ${eni.id} is in ${eniAz} but ${label(ix, eni.instanceId)} is in ${instAz}: both must be in one Availability Zone`,
      );
    }
  });
}

export function validateAddressing(ix: Index, sink: Sink): void {
  for (const v of ix.vpcs.values()) validateVpc(v, sink);
  for (const s of ix.subnets.values()) validateSubnet(s, sink);
  validateSubnetOverlaps(ix, sink);
  validateAddresses(ix, sink);
  validateEniPlacement(ix, sink);
}
