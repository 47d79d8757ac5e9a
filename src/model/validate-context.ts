/**
 * What the validator's rule files share: lookup maps built once from a topology (ids, parsed CIDRs,
 * interfaces), and a sink that returns diagnostics in document order whatever order the rules ran in.
 */
import { parseCidrLoose, parseIp, type Cidr, type Cidr4, type Cidr6, type IpAddress } from '../lib/index.ts';
import type { DiagnosticCode } from './codes.ts';
import type { Diagnostic } from './diagnostic.ts';
import { TOPOLOGY_FIELDS } from './fields.ts';
import { KIND_LABEL, type IdKind } from './parse-reader.ts';
import type {
  Instance,
  InterfaceFields,
  InternetGateway,
  NatGateway,
  NetworkInterface,
  RouteTable,
  SecurityGroup,
  Subnet,
  Topology,
  TopologyArrayName,
  TransitGatewayAttachment,
  Vpc,
  VpcEndpoint,
  VpcPeeringConnection,
} from './types.ts';

/** Where a diagnostic belongs, and its place in document order. */
export interface Loc {
  readonly rank: number;
  readonly index: number;
  /** Order inside the resource (e.g. the route index); fields before sub-elements use small numbers. */
  readonly sub: number;
  readonly rid: string | undefined;
  readonly path: string;
}

const RANK = new Map<string, number>(TOPOLOGY_FIELDS.map((name, i) => [name, i]));
export const CHECKS_RANK = TOPOLOGY_FIELDS.length;

/** A location inside `topology.<array>[index]`, e.g. `loc('subnets', 2, 'sn-a', '.cidrBlock')`. */
export function loc(array: TopologyArrayName, index: number, rid: string | undefined, suffix = '', sub = 0): Loc {
  return { rank: RANK.get(array) ?? 0, index, sub, rid, path: `topology.${array}[${index}]${suffix}` };
}

export class Sink {
  private readonly items: { readonly d: Diagnostic; readonly l: Loc; readonly seq: number }[] = [];

  add(code: DiagnosticCode, severity: 'error' | 'warning', l: Loc, message: string): void {
    const d: Diagnostic = { code, severity, path: l.path, message };
    if (l.rid !== undefined) d.resourceId = l.rid;
    this.items.push({ d, l, seq: this.items.length });
  }

  error(code: DiagnosticCode, l: Loc, message: string): void {
    this.add(code, 'error', l, message);
  }

  warning(code: DiagnosticCode, l: Loc, message: string): void {
    this.add(code, 'warning', l, message);
  }

  /** Document order: resource array, element, place inside the element, then emission order. */
  sorted(): Diagnostic[] {
    return [...this.items]
      .sort((a, b) => a.l.rank - b.l.rank || a.l.index - b.l.index || a.l.sub - b.l.sub || a.seq - b.seq)
      .map((x) => x.d);
  }
}

export interface Indexed<T> {
  readonly item: T;
  readonly index: number;
}

export interface VpcInfo extends Indexed<Vpc> {
  /** Parsed `cidrBlocks` by position (undefined where unreadable). */
  readonly v4: readonly (Cidr4 | undefined)[];
  readonly v6: readonly (Cidr6 | undefined)[];
  readonly region: string;
  /** Canonical text of every subnet CIDR (IPv4 and IPv6) of the VPC. */
  readonly subnetCidrs: Set<string>;
  /** Ids of internet gateways attached to the VPC, in document order. */
  readonly igwIds: string[];
}

export interface SubnetInfo extends Indexed<Subnet> {
  readonly v4: Cidr4 | undefined;
  readonly v6: Cidr6 | undefined;
  readonly vpc: VpcInfo | undefined;
}

/** An instance's primary interface or a standalone network interface. */
export interface InterfaceInfo {
  readonly id: string;
  readonly array: 'instances' | 'networkInterfaces';
  readonly index: number;
  /** The owning resource's id (the instance for a primary interface). */
  readonly rid: string;
  readonly fields: InterfaceFields;
  readonly subnet: SubnetInfo | undefined;
}

/** Lookup maps of one topology. A duplicated id keeps its first resource. */
export interface Index {
  readonly topology: Topology;
  readonly kinds: Map<string, IdKind>;
  readonly vpcs: Map<string, VpcInfo>;
  readonly subnets: Map<string, SubnetInfo>;
  readonly routeTables: Map<string, Indexed<RouteTable>>;
  readonly securityGroups: Map<string, Indexed<SecurityGroup>>;
  readonly instances: Map<string, Indexed<Instance>>;
  readonly networkInterfaces: Map<string, Indexed<NetworkInterface>>;
  readonly interfaces: Map<string, InterfaceInfo>;
  readonly internetGateways: Map<string, Indexed<InternetGateway>>;
  readonly egressOnlyInternetGateways: Map<string, Indexed<InternetGateway>>;
  readonly natGateways: Map<string, Indexed<NatGateway>>;
  readonly peerings: Map<string, Indexed<VpcPeeringConnection>>;
  readonly attachments: Map<string, Indexed<TransitGatewayAttachment>>;
  readonly endpoints: Map<string, Indexed<VpcEndpoint>>;
  /** Transit gateway id -> ids of VPCs with a vpc attachment to it. */
  readonly tgwVpcs: Map<string, Set<string>>;
}

function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, Indexed<T>> {
  const m = new Map<string, Indexed<T>>();
  (items ?? []).forEach((item, index) => {
    if (!m.has(item.id)) m.set(item.id, { item, index });
  });
  return m;
}

export function cidr4(text: string | undefined): Cidr4 | undefined {
  if (text === undefined) return undefined;
  const c = parseCidrLoose(text);
  return c?.family === 4 ? c : undefined;
}

export function cidr6(text: string | undefined): Cidr6 | undefined {
  if (text === undefined) return undefined;
  const c = parseCidrLoose(text);
  return c?.family === 6 ? c : undefined;
}

export function anyCidr(text: string): Cidr | undefined {
  return text.includes('/') ? parseCidrLoose(text) : undefined;
}

export function address(text: string | undefined): IpAddress | undefined {
  return text === undefined ? undefined : parseIp(text);
}

export function buildIndex(t: Topology): Index {
  const kinds = new Map<string, IdKind>();
  for (const name of TOPOLOGY_FIELDS) {
    for (const r of t[name] ?? []) if (!kinds.has(r.id)) kinds.set(r.id, name);
  }
  const vpcs = new Map<string, VpcInfo>();
  (t.vpcs ?? []).forEach((item, index) => {
    if (vpcs.has(item.id)) return;
    vpcs.set(item.id, {
      item,
      index,
      v4: item.cidrBlocks.map(cidr4),
      v6: (item.ipv6CidrBlocks ?? []).map(cidr6),
      region: item.region ?? 'us-east-1',
      subnetCidrs: new Set(),
      igwIds: [],
    });
  });
  const subnets = new Map<string, SubnetInfo>();
  (t.subnets ?? []).forEach((item, index) => {
    if (subnets.has(item.id)) return;
    const info: SubnetInfo = {
      item,
      index,
      v4: cidr4(item.cidrBlock),
      v6: cidr6(item.ipv6CidrBlock),
      vpc: vpcs.get(item.vpcId),
    };
    subnets.set(item.id, info);
    if (info.v4) info.vpc?.subnetCidrs.add(info.v4.text);
    if (info.v6) info.vpc?.subnetCidrs.add(info.v6.text);
  });
  const internetGateways = byId(t.internetGateways);
  for (const { item } of internetGateways.values()) {
    if (item.vpcId !== null) vpcs.get(item.vpcId)?.igwIds.push(item.id);
  }
  const instances = byId(t.instances);
  const networkInterfaces = byId(t.networkInterfaces);
  const interfaces = new Map<string, InterfaceInfo>();
  (t.instances ?? []).forEach((inst, index) => {
    const id = inst.primaryInterfaceId ?? `${inst.id}/eth0`;
    if (interfaces.has(id)) return;
    interfaces.set(id, {
      id,
      array: 'instances',
      index,
      rid: inst.id,
      fields: inst,
      subnet: subnets.get(inst.subnetId),
    });
    if (!kinds.has(id)) kinds.set(id, 'networkInterfaces');
  });
  (t.networkInterfaces ?? []).forEach((eni, index) => {
    if (interfaces.has(eni.id)) return;
    interfaces.set(eni.id, {
      id: eni.id,
      array: 'networkInterfaces',
      index,
      rid: eni.id,
      fields: eni,
      subnet: subnets.get(eni.subnetId),
    });
  });
  const attachments = byId(t.transitGatewayAttachments);
  const tgwVpcs = new Map<string, Set<string>>();
  for (const { item } of attachments.values()) {
    if (item.type !== 'vpc' || item.vpcId === undefined) continue;
    let set = tgwVpcs.get(item.transitGatewayId);
    if (!set) tgwVpcs.set(item.transitGatewayId, (set = new Set()));
    set.add(item.vpcId);
  }
  return {
    topology: t,
    kinds,
    vpcs,
    subnets,
    routeTables: byId(t.routeTables),
    securityGroups: byId(t.securityGroups),
    instances,
    networkInterfaces,
    interfaces,
    internetGateways,
    egressOnlyInternetGateways: byId(t.egressOnlyInternetGateways),
    natGateways: byId(t.natGateways),
    peerings: byId(t.vpcPeeringConnections),
    attachments,
    endpoints: byId(t.vpcEndpoints),
    tgwVpcs,
  };
}

/** `the subnet sn-a` style label of an id, for messages. */
export function label(ix: Index, id: string): string {
  const kind = ix.kinds.get(id);
  return kind === undefined ? id : `${KIND_LABEL[kind]} ${id}`;
}

/** The VPC an interface-like resource sits in, through its subnet. */
export function vpcOfSubnet(ix: Index, subnetId: string): string | undefined {
  return ix.subnets.get(subnetId)?.item.vpcId;
}
