// The canvas's containment tree (docs/editor.md layout convention): which box sits in which, in a
// stable order, with the text each box shows. Pure: reads the document, never its layout.
import type { Document } from '../../model/index.ts';
import type { CanvasNodeKind } from './types.ts';

/** The region a VPC without `region` is in (format.md 2). */
export const DEFAULT_REGION = 'us-east-1';

/** Layout key of the internet node. */
export const INTERNET_ID = 'internet';

/** Layout key of a region node. */
export function regionKey(region: string): string {
  return `region/${region}`;
}

/** Layout key of an availability-zone band. */
export function bandKey(vpcId: string, availabilityZone: string): string {
  return `${vpcId}/${availabilityZone}`;
}

/** Node id of an interface endpoint's network interface in one subnet (docs/format-extensions.md). */
export function endpointInterfaceKey(endpointId: string, subnetId: string): string {
  return `${endpointId}/${subnetId}`;
}

export interface CanvasItem {
  /** Node id and layout key. */
  id: string;
  kind: CanvasNodeKind;
  /** Undefined for boxes placed on the canvas itself (absolute positions). */
  parentId: string | undefined;
  depth: number;
  resourceId: string;
  label: string;
  detail?: string;
  note?: string;
  inactive?: boolean;
  region?: string;
  availabilityZone?: string;
  vpcId?: string;
  children: CanvasItem[];
}

export interface CanvasTree {
  roots: CanvasItem[];
  /** Parents before children (breadth first), the order React Flow needs. */
  ordered: CanvasItem[];
  byId: ReadonlyMap<string, CanvasItem>;
  /**
   * Resource id -> the nodes that show its diagnostics. Resources without a box of their own point at
   * the box that owns them: route tables, NACLs and security groups at their VPC, attachments and
   * TGW route tables at their transit gateway, an instance's primary interface at the instance.
   */
  owners: ReadonlyMap<string, readonly string[]>;
}

type ItemFields = Omit<CanvasItem, 'parentId' | 'depth' | 'children'>;

/** `10.0.0.0/16 +1` for a VPC with two CIDR blocks. */
function cidrSummary(blocks: readonly string[] | undefined): string | undefined {
  const first = blocks?.[0];
  if (first === undefined) return undefined;
  return blocks !== undefined && blocks.length > 1 ? `${first} +${blocks.length - 1}` : first;
}

/** Builds the containment tree of a document. Runs in linear time in the number of resources. */
export function buildCanvasTree(doc: Document): CanvasTree {
  const t = doc.topology;
  const byId = new Map<string, CanvasItem>();
  const roots: CanvasItem[] = [];
  const owners = new Map<string, string[]>();

  const own = (resourceId: string, nodeId: string): void => {
    const list = owners.get(resourceId);
    if (list === undefined) owners.set(resourceId, [nodeId]);
    else if (!list.includes(nodeId)) list.push(nodeId);
  };

  /** Adds an item under `parentId` (or at the root when the parent does not exist); skips duplicate ids. */
  const add = (fields: ItemFields, parentId: string | undefined): CanvasItem | undefined => {
    if (byId.has(fields.id)) return undefined;
    const parent = parentId === undefined ? undefined : byId.get(parentId);
    // Completes the fresh `fields` object in place: a spread here dominated the cost of toFlow.
    const item = fields as CanvasItem;
    item.parentId = parent?.id;
    item.depth = parent ? parent.depth + 1 : 0;
    item.children = [];
    byId.set(item.id, item);
    if (parent) parent.children.push(item);
    else roots.push(item);
    own(item.resourceId, item.id);
    return item;
  };

  const vpcs = t.vpcs ?? [];
  const vpcRegion = new Map<string, string>();
  for (const v of vpcs) vpcRegion.set(v.id, v.region ?? DEFAULT_REGION);

  // A transit gateway's region: the region its first VPC attachment's VPC is in (the format gives a
  // transit gateway no region); a `region` field, if an editor recipe writes one, wins.
  const tgwRegion = new Map<string, string>();
  for (const a of t.transitGatewayAttachments ?? []) {
    if (a.type !== 'vpc' || a.vpcId === undefined || tgwRegion.has(a.transitGatewayId)) continue;
    const region = vpcRegion.get(a.vpcId);
    if (region !== undefined) tgwRegion.set(a.transitGatewayId, region);
  }
  const regionOfTgw = (tgw: object & { id: string }): string => {
    const explicit = 'region' in tgw && typeof tgw.region === 'string' ? tgw.region : undefined;
    return explicit ?? tgwRegion.get(tgw.id) ?? DEFAULT_REGION;
  };

  const hasInternet =
    (t.internetGateways ?? []).length > 0 ||
    (t.egressOnlyInternetGateways ?? []).length > 0 ||
    (t.externalHosts ?? []).length > 0;
  if (hasInternet) add({ id: INTERNET_ID, kind: 'internet', resourceId: INTERNET_ID, label: 'Internet' }, undefined);

  // Regions in order of first appearance.
  const regions: string[] = [];
  for (const v of vpcs) {
    const r = vpcRegion.get(v.id) ?? DEFAULT_REGION;
    if (!regions.includes(r)) regions.push(r);
  }
  for (const g of t.transitGateways ?? []) {
    const r = regionOfTgw(g);
    if (!regions.includes(r)) regions.push(r);
  }
  for (const r of regions) {
    add({ id: regionKey(r), kind: 'region', resourceId: regionKey(r), label: r, region: r }, undefined);
  }

  for (const v of vpcs) {
    const region = vpcRegion.get(v.id) ?? DEFAULT_REGION;
    const ipv6 = v.ipv6CidrBlocks?.[0];
    add(
      {
        id: v.id,
        kind: 'vpc',
        resourceId: v.id,
        label: v.name ?? v.id,
        ...optional('detail', cidrSummary(v.cidrBlocks)),
        ...optional('note', ipv6),
        region,
        vpcId: v.id,
      },
      regionKey(region),
    );
  }

  // AZ bands, sorted by zone name inside each VPC, then subnets.
  const subnets = t.subnets ?? [];
  const zonesByVpc = new Map<string, Set<string>>();
  for (const s of subnets) {
    if (!byId.has(s.vpcId)) continue;
    let zones = zonesByVpc.get(s.vpcId);
    if (zones === undefined) zonesByVpc.set(s.vpcId, (zones = new Set()));
    zones.add(s.availabilityZone);
  }
  for (const [vpcId, zones] of zonesByVpc) {
    for (const az of [...zones].sort()) {
      const key = bandKey(vpcId, az);
      add({ id: key, kind: 'azBand', resourceId: key, label: az, availabilityZone: az, vpcId }, vpcId);
    }
  }
  const subnetVpc = new Map<string, string>();
  for (const s of subnets) {
    const parent = byId.has(s.vpcId) ? bandKey(s.vpcId, s.availabilityZone) : undefined;
    const item = add(
      {
        id: s.id,
        kind: 'subnet',
        resourceId: s.id,
        label: s.name ?? s.id,
        ...optional('detail', [s.cidrBlock, s.ipv6CidrBlock].filter((c) => c !== undefined).join(' · ') || undefined),
        availabilityZone: s.availabilityZone,
        vpcId: s.vpcId,
      },
      parent,
    );
    if (item) subnetVpc.set(s.id, s.vpcId);
  }

  // Gateways on the VPC's top edge; detached ones stand alone on the canvas.
  for (const g of t.internetGateways ?? []) {
    add(
      {
        id: g.id,
        kind: 'internetGateway',
        resourceId: g.id,
        label: g.name ?? g.id,
        ...(g.vpcId === null || !byId.has(g.vpcId) ? { note: 'detached', inactive: true } : {}),
      },
      g.vpcId ?? undefined,
    );
  }
  for (const g of t.egressOnlyInternetGateways ?? []) {
    add(
      {
        id: g.id,
        kind: 'egressOnlyInternetGateway',
        resourceId: g.id,
        label: g.name ?? g.id,
        ...(g.vpcId === null || !byId.has(g.vpcId) ? { note: 'detached', inactive: true } : {}),
      },
      g.vpcId ?? undefined,
    );
  }
  for (const e of t.vpcEndpoints ?? []) {
    if (e.type === 'gateway') {
      add({ id: e.id, kind: 'gatewayEndpoint', resourceId: e.id, label: e.name ?? e.id, detail: e.service }, e.vpcId);
      continue;
    }
    // An interface endpoint is drawn as its network interfaces, one per subnet; the endpoint itself
    // shows its diagnostics on them (or on its VPC when it has none).
    let drawn = false;
    for (const sid of e.subnetIds ?? []) {
      if (subnetVpc.get(sid) !== e.vpcId) continue;
      const item = add(
        {
          id: endpointInterfaceKey(e.id, sid),
          kind: 'endpointInterface',
          resourceId: e.id,
          label: e.name ?? e.id,
          detail: e.service.split('.').pop() ?? e.service,
          note: 'interface endpoint',
          vpcId: e.vpcId,
        },
        sid,
      );
      if (item) drawn = true;
    }
    if (!drawn && byId.has(e.vpcId)) own(e.id, e.vpcId);
  }

  for (const n of t.natGateways ?? []) {
    const state = n.state ?? 'available';
    const fact = n.connectivity === 'private' ? 'private NAT' : n.publicIp;
    add(
      {
        id: n.id,
        kind: 'natGateway',
        resourceId: n.id,
        label: n.name ?? n.id,
        ...optional('detail', fact ?? n.privateIp),
        ...(state !== 'available' ? { note: state, inactive: true } : {}),
        ...optional('vpcId', subnetVpc.get(n.subnetId)),
      },
      n.subnetId,
    );
  }
  for (const i of t.instances ?? []) {
    const state = i.state ?? 'running';
    const item = add(
      {
        id: i.id,
        kind: 'instance',
        resourceId: i.id,
        label: i.name ?? i.id,
        detail: i.privateIp,
        ...optional('note', state !== 'running' ? state : i.publicIp),
        ...(state !== 'running' ? { inactive: true } : {}),
        ...optional('vpcId', subnetVpc.get(i.subnetId)),
      },
      i.subnetId,
    );
    if (item) own(i.primaryInterfaceId ?? `${i.id}/eth0`, i.id);
  }
  for (const n of t.networkInterfaces ?? []) {
    add(
      {
        id: n.id,
        kind: 'networkInterface',
        resourceId: n.id,
        label: n.name ?? n.id,
        detail: n.privateIp,
        ...optional('note', n.publicIp),
        ...optional('vpcId', subnetVpc.get(n.subnetId)),
      },
      n.subnetId,
    );
  }

  for (const g of t.transitGateways ?? []) {
    const count = (t.transitGatewayAttachments ?? []).filter((a) => a.transitGatewayId === g.id).length;
    add(
      {
        id: g.id,
        kind: 'transitGateway',
        resourceId: g.id,
        label: g.name ?? g.id,
        detail: count === 1 ? '1 attachment' : `${count} attachments`,
      },
      regionKey(regionOfTgw(g)),
    );
  }
  for (const p of t.vpcPeeringConnections ?? []) {
    const status = p.status ?? 'active';
    // A peering across regions sits in the requester's region (docs/editor.md).
    const region = vpcRegion.get(p.requesterVpcId) ?? vpcRegion.get(p.accepterVpcId);
    add(
      {
        id: p.id,
        kind: 'peering',
        resourceId: p.id,
        label: p.name ?? p.id,
        detail: status,
        ...(status !== 'active' ? { inactive: true } : {}),
      },
      region === undefined ? undefined : regionKey(region),
    );
  }

  for (const h of t.externalHosts ?? []) {
    add({ id: h.id, kind: 'externalHost', resourceId: h.id, label: h.name ?? h.id, detail: h.ip }, undefined);
  }

  // Resources without a box of their own.
  for (const r of t.routeTables ?? []) if (byId.has(r.vpcId)) own(r.id, r.vpcId);
  for (const a of t.networkAcls ?? []) if (byId.has(a.vpcId)) own(a.id, a.vpcId);
  for (const g of t.securityGroups ?? []) if (byId.has(g.vpcId)) own(g.id, g.vpcId);
  for (const a of t.transitGatewayAttachments ?? []) if (byId.has(a.transitGatewayId)) own(a.id, a.transitGatewayId);
  for (const r of t.transitGatewayRouteTables ?? []) if (byId.has(r.transitGatewayId)) own(r.id, r.transitGatewayId);

  // Breadth first: every parent before its children. Bands are added before the edge gateways, so
  // inside a VPC the gateways come later and paint over the bands' top edge.
  const ordered: CanvasItem[] = [];
  let level: CanvasItem[] = roots;
  while (level.length > 0) {
    const next: CanvasItem[] = [];
    for (const item of level) {
      ordered.push(item);
      for (const child of item.children) next.push(child);
    }
    level = next;
  }

  return { roots, ordered, byId, owners };
}

/** `{ [key]: value }` when the value is defined, `{}` otherwise (exactOptionalPropertyTypes). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
