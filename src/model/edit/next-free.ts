// What the next new resource gets: a free VPC or subnet block, a free private or public address, an
// unused id. Pure reads of a document (or an immer draft); never writes.
import {
  cidr4,
  cidrContains,
  cidrsOverlap,
  formatIpv4,
  mustParseCidr,
  parseCidrLoose,
  parseIp,
  type Cidr4,
} from '../../lib/index.ts';
import { BUILTIN_PREFIX_LIST_IDS, primaryInterfaceIdOf } from '../parse.ts';
import type { Document, Subnet, TopologyArrayName, Vpc } from '../types.ts';
import { TOPOLOGY_FIELDS } from '../fields.ts';

/** The range new VPCs are carved from, one `/16` at a time (AWS's console suggests 10.0.0.0/16). */
const VPC_POOL = mustParseCidr('10.0.0.0/8') as Cidr4;
const VPC_PREFIX = 16;
const SUBNET_PREFIX = 24;

function v4(text: string | undefined): Cidr4 | undefined {
  if (text === undefined) return undefined;
  const c = parseCidrLoose(text);
  return c?.family === 4 ? c : undefined;
}

/** The array a resource id sits in, or undefined (primary interfaces and derived keys are not resources). */
export function resourceKindOf(doc: Document, id: string): TopologyArrayName | undefined {
  for (const name of TOPOLOGY_FIELDS) {
    if ((doc.topology[name] ?? []).some((r) => r.id === id)) return name;
  }
  return undefined;
}

export function findVpc(doc: Document, id: string): Vpc | undefined {
  return (doc.topology.vpcs ?? []).find((v) => v.id === id);
}

export function findSubnet(doc: Document, id: string): Subnet | undefined {
  return (doc.topology.subnets ?? []).find((s) => s.id === id);
}

/**
 * Every string a new id must avoid: resource ids, implicit ids the engine derives (primary
 * interfaces, implicit main tables and default NACLs, interface-endpoint interfaces), built-in prefix
 * lists, layout keys, and names that point at nothing today: blackhole route targets, stale
 * security-group peers and check endpoints. Reusing one of those would silently revive a deleted
 * route or re-aim a check at a different resource.
 */
export function takenIds(doc: Document): Set<string> {
  const t = doc.topology;
  const taken = new Set<string>(['local', 'internet', 's3', 'dynamodb', ...BUILTIN_PREFIX_LIST_IDS]);
  for (const name of TOPOLOGY_FIELDS) for (const r of t[name] ?? []) taken.add(r.id);
  for (const i of t.instances ?? []) taken.add(primaryInterfaceIdOf(i));
  for (const v of t.vpcs ?? []) {
    taken.add(`${v.id}/rtb-main`);
    taken.add(`${v.id}/acl-default`);
  }
  for (const e of t.vpcEndpoints ?? []) for (const s of e.subnetIds ?? []) taken.add(`${e.id}/${s}`);
  for (const rt of t.routeTables ?? []) for (const r of rt.routes) taken.add(r.target);
  for (const rt of t.transitGatewayRouteTables ?? []) {
    for (const r of rt.routes) if (r.attachmentId !== undefined) taken.add(r.attachmentId);
  }
  for (const sg of t.securityGroups ?? []) {
    for (const r of sg.inbound ?? []) if (!r.source.includes('/')) taken.add(r.source);
    for (const r of sg.outbound ?? []) if (!r.destination.includes('/')) taken.add(r.destination);
  }
  for (const c of doc.checks ?? []) {
    taken.add(c.from);
    taken.add(c.to);
    if (c.blockedAt !== undefined) taken.add(c.blockedAt);
  }
  for (const key of Object.keys(doc.layout ?? {})) taken.add(key);
  return taken;
}

/** `base-n` with the smallest n >= 1 that collides with nothing in the document (e.g. `subnet-3`). */
export function uniqueId(doc: Document, base: string): string {
  const taken = takenIds(doc);
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** `candidate` itself when it is free, else `uniqueId(doc, candidate)`. */
export function freeId(doc: Document, candidate: string): string {
  return takenIds(doc).has(candidate) ? uniqueId(doc, candidate) : candidate;
}

/** The first `/16` of 10.0.0.0/8 that overlaps no VPC block, or undefined when all 256 are used. */
export function nextFreeVpcCidr(doc: Document): string | undefined {
  const used = (doc.topology.vpcs ?? []).flatMap((v) => v.cidrBlocks.map(v4)).filter((c) => c !== undefined);
  const step = 2 ** (32 - VPC_PREFIX);
  for (let net = VPC_POOL.network; net <= VPC_POOL.last; net += step) {
    const candidate = cidr4(net, VPC_PREFIX);
    if (!used.some((c) => cidrsOverlap(c, candidate))) return candidate.text;
  }
  return undefined;
}

/**
 * The first `/24` inside one of the VPC's IPv4 blocks that overlaps none of its subnets (a block
 * smaller than /24 offers itself whole), or undefined when the VPC is full or unknown.
 */
export function nextFreeSubnetCidr(doc: Document, vpcId: string): string | undefined {
  const vpc = findVpc(doc, vpcId);
  if (!vpc) return undefined;
  const used = (doc.topology.subnets ?? [])
    .filter((s) => s.vpcId === vpcId)
    .map((s) => v4(s.cidrBlock))
    .filter((c) => c !== undefined);
  for (const block of vpc.cidrBlocks.map(v4)) {
    if (!block) continue;
    const prefix = Math.max(SUBNET_PREFIX, block.prefix);
    const step = 2 ** (32 - prefix);
    for (let net = block.network; net <= block.last; net += step) {
      const candidate = cidr4(net, prefix);
      if (!used.some((c) => cidrsOverlap(c, candidate))) return candidate.text;
    }
  }
  return undefined;
}

/** First free address at or after AWS's four reserved ones, before the last (broadcast) address. */
function firstFree(block: Cidr4, used: ReadonlySet<number>): number | undefined {
  for (let v = block.network + 4; v < block.last; v++) if (!used.has(v)) return v;
  return undefined;
}

/**
 * IPv4 addresses in use inside one subnet, in the order the engine hands out implicit ones
 * (src/engine/compile.ts): written addresses of instances, interfaces and NAT gateways, then NAT
 * gateways without a `privateIp`, then interface-endpoint interfaces (docs/format-extensions.md),
 * then one interface per transit gateway attachment naming the subnet (AWS places one there; the
 * document does not say which address, so the first free one is kept for it).
 */
export function usedAddresses(doc: Document, subnetId: string): Set<number> {
  const t = doc.topology;
  const subnet = findSubnet(doc, subnetId);
  const used = new Set<number>();
  const block = v4(subnet?.cidrBlock);
  if (!subnet || !block) return used;
  // Addresses are unique per VPC, so an address of a sibling subnet written into this block counts too.
  const inVpc = new Set((t.subnets ?? []).filter((s) => s.vpcId === subnet.vpcId).map((s) => s.id));
  const add = (text: string | undefined) => {
    const a = text === undefined ? undefined : parseIp(text);
    if (a?.family === 4 && cidrContains(block, a)) used.add(a.value);
  };
  for (const list of [t.instances ?? [], t.networkInterfaces ?? []]) {
    for (const r of list) {
      if (!inVpc.has(r.subnetId)) continue;
      add(r.privateIp);
      for (const ip of r.secondaryPrivateIps ?? []) add(ip);
    }
  }
  for (const n of t.natGateways ?? []) if (inVpc.has(n.subnetId)) add(n.privateIp);
  const claim = () => {
    const v = firstFree(block, used);
    if (v !== undefined) used.add(v);
  };
  for (const n of t.natGateways ?? []) if (n.subnetId === subnetId && n.privateIp === undefined) claim();
  for (const e of t.vpcEndpoints ?? []) {
    if (e.type === 'interface' && e.vpcId === subnet.vpcId && (e.subnetIds ?? []).includes(subnetId)) claim();
  }
  for (const a of t.transitGatewayAttachments ?? []) if ((a.subnetIds ?? []).includes(subnetId)) claim();
  return used;
}

/** The first address of the subnet a new instance, interface or NAT gateway can take; undefined when full. */
export function nextFreeIp(doc: Document, subnetId: string): string | undefined {
  const block = v4(findSubnet(doc, subnetId)?.cidrBlock);
  if (!block) return undefined;
  const v = firstFree(block, usedAddresses(doc, subnetId));
  return v === undefined ? undefined : formatIpv4(v);
}

/** Every public IPv4 the document uses: instances, interfaces, NAT gateways and external hosts. */
function usedPublicIps(doc: Document): Set<string> {
  const t = doc.topology;
  const used = new Set<string>();
  for (const r of [...(t.instances ?? []), ...(t.networkInterfaces ?? []), ...(t.natGateways ?? [])]) {
    if (r.publicIp !== undefined) used.add(r.publicIp);
  }
  for (const h of t.externalHosts ?? []) used.add(h.ip);
  return used;
}

/**
 * Documentation ranges (RFC 5737) stand in for addresses AWS would hand out, so an invented address
 * never belongs to someone real: public IPs and Elastic IPs come from TEST-NET-1 (192.0.2.0/24),
 * external hosts from TEST-NET-3 (203.0.113.0/24). TEST-NET-2 is left to the engine's generic
 * internet host (198.51.100.10) and to the placeholder prefix list.
 */
const PUBLIC_POOL = mustParseCidr('192.0.2.0/24') as Cidr4;
const EXTERNAL_POOL = mustParseCidr('203.0.113.0/24') as Cidr4;

function nextFromPool(doc: Document, pool: Cidr4): string | undefined {
  const used = usedPublicIps(doc);
  for (let v = pool.network + 10; v < pool.last; v++) {
    const text = formatIpv4(v);
    if (!used.has(text)) return text;
  }
  return undefined;
}

/** A public IPv4 or Elastic IP no resource uses yet, from 192.0.2.0/24. */
export function nextFreePublicIp(doc: Document): string | undefined {
  return nextFromPool(doc, PUBLIC_POOL);
}

/** An address for a new external host that nothing uses yet, from 203.0.113.0/24. */
export function nextFreeExternalIp(doc: Document): string | undefined {
  return nextFromPool(doc, EXTERNAL_POOL);
}
