// toFlow on every scenario and on small edited copies: nesting, fallback placement, the compatibility
// rule for VPC-relative subnets, route-derived subnet kinds, aggregated edges, badges and selection.
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Document } from '../../../../src/model/index.ts';
import { applySelection, toFlow } from '../../../../src/ui/canvas/to-flow.ts';
import type { CanvasNode } from '../../../../src/ui/canvas/types.ts';
import { bigDocument } from './big.ts';
import { absolute, node, overlaps, scenario, scenarioNames } from './helpers.ts';

const flowOf = (doc: Document, diagnostics: Diagnostic[] = [], selection: string[] = []) =>
  toFlow(doc, { diagnostics, selection });

function withoutLayout(doc: Document): Document {
  const { layout: _layout, ...rest } = doc;
  return rest;
}

/** The subnet's kind as format.md defines it: public when its route table routes to an internet gateway. */
function expectedKind(doc: Document, subnetId: string): 'public' | 'private' {
  const t = doc.topology;
  const subnet = t.subnets?.find((s) => s.id === subnetId);
  const tables = t.routeTables ?? [];
  const table =
    tables.find((r) => r.subnetIds?.includes(subnetId)) ?? tables.find((r) => r.vpcId === subnet?.vpcId && r.main);
  const igws = new Set((t.internetGateways ?? []).map((g) => g.id));
  return table?.routes.some((r) => igws.has(r.target)) ? 'public' : 'private';
}

describe.each(scenarioNames)('toFlow on scenarios/%s.json', (name) => {
  const doc = scenario(name);
  const { nodes, edges } = flowOf(doc);

  it('lists every parent before its children, and every parent exists', () => {
    const seen = new Set<string>();
    for (const n of nodes) {
      if (n.parentId !== undefined) expect(seen.has(n.parentId), `${n.id} before ${n.parentId}`).toBe(true);
      seen.add(n.id);
    }
  });

  it('has no duplicate node or edge ids, and every edge joins two nodes', () => {
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const edgeIds = edges.map((e) => e.id);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
    const set = new Set(ids);
    for (const e of edges) {
      expect(set.has(e.source), e.id).toBe(true);
      expect(set.has(e.target), e.id).toBe(true);
    }
  });

  it('draws a node for every VPC, subnet, instance and gateway', () => {
    const t = doc.topology;
    const ids = new Set(nodes.map((n) => n.id));
    for (const r of [
      ...(t.vpcs ?? []),
      ...(t.subnets ?? []),
      ...(t.instances ?? []),
      ...(t.natGateways ?? []),
      ...(t.internetGateways ?? []),
      ...(t.transitGateways ?? []),
      ...(t.vpcPeeringConnections ?? []),
      ...(t.externalHosts ?? []),
    ]) {
      expect(ids.has(r.id), r.id).toBe(true);
    }
  });

  it('aggregates route edges: at most one per (subnet, target), never more than subnets x targets', () => {
    const routes = edges.filter((e) => e.data?.kind === 'route');
    const pairs = new Set(routes.map((e) => `${e.source}->${e.target}`));
    expect(pairs.size).toBe(routes.length);
    const subnets = new Set(routes.map((e) => e.source)).size;
    const targets = new Set(routes.map((e) => e.target)).size;
    expect(routes.length).toBeLessThanOrEqual(subnets * targets);
    expect(routes.length).toBeLessThanOrEqual((doc.topology.subnets ?? []).length * Math.max(1, targets));
  });

  it('keeps every box with a layout entry where the entry says (compatibility rule included)', () => {
    const layout = doc.layout ?? {};
    for (const n of nodes) {
      const entry = layout[n.id];
      if (entry === undefined) continue;
      // The entry is relative to the parent, or to the grandparent when the parent is derived.
      const parent = n.parentId === undefined ? undefined : node(nodes, n.parentId);
      const frameOwner = parent?.data.derived ? parent.parentId : parent?.id;
      const origin = frameOwner === undefined ? { x: 0, y: 0 } : absolute(nodes, frameOwner);
      const abs = absolute(nodes, n.id);
      expect({ id: n.id, x: abs.x - origin.x, y: abs.y - origin.y }).toEqual({ id: n.id, x: entry.x, y: entry.y });
      if (entry.width !== undefined) expect(n.width).toBeGreaterThanOrEqual(entry.width);
      if (entry.height !== undefined) expect(n.height).toBeGreaterThanOrEqual(entry.height);
    }
  });

  it('grows containers to hold their children (edge gateways may straddle the top)', () => {
    for (const n of nodes) {
      if (n.parentId === undefined) continue;
      const parent = node(nodes, n.parentId);
      const straddles = ['internetGateway', 'egressOnlyInternetGateway', 'gatewayEndpoint'].includes(n.data.kind);
      if (!straddles) {
        expect(n.position.x, n.id).toBeGreaterThanOrEqual(0);
        expect(n.position.y, n.id).toBeGreaterThanOrEqual(0);
      }
      expect(n.position.x + (n.width ?? 0), n.id).toBeLessThanOrEqual(parent.width ?? 0);
      expect(n.position.y + (n.height ?? 0), n.id).toBeLessThanOrEqual(parent.height ?? 0);
    }
  });

  it('places every box without a layout: finite positions, siblings apart', () => {
    const bare = flowOf(withoutLayout(doc)).nodes;
    expect(bare.map((n) => n.id).sort()).toEqual(nodes.map((n) => n.id).sort());
    const children = new Map<string | undefined, CanvasNode[]>();
    for (const n of bare) {
      expect(Number.isFinite(n.position.x) && Number.isFinite(n.position.y), n.id).toBe(true);
      const list = children.get(n.parentId) ?? [];
      list.push(n);
      children.set(n.parentId, list);
    }
    for (const list of children.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i] as CanvasNode;
          const b = list[j] as CanvasNode;
          expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
    }
  });

  it('derives every subnet kind from its routes', () => {
    for (const s of doc.topology.subnets ?? []) {
      const kind = node(nodes, s.id).data.subnetKind;
      const expected = expectedKind(doc, s.id);
      if (expected === 'public') expect(kind, s.id).toBe('public');
      else expect(kind, s.id).not.toBe('public');
    }
  });
});

describe('public-private-nat.json', () => {
  const doc = scenario('public-private-nat');
  const { nodes, edges } = flowOf(doc);

  it('nests region > VPC > AZ band > subnet > instance', () => {
    expect(node(nodes, 'i-app').parentId).toBe('subnet-app-a');
    expect(node(nodes, 'subnet-app-a').parentId).toBe('vpc-main/us-east-1a');
    expect(node(nodes, 'subnet-db-b').parentId).toBe('vpc-main/us-east-1b');
    expect(node(nodes, 'vpc-main/us-east-1a').parentId).toBe('vpc-main');
    expect(node(nodes, 'vpc-main').parentId).toBe('region/us-east-1');
    expect(node(nodes, 'igw-main').parentId).toBe('vpc-main');
    expect(node(nodes, 'region/us-east-1').parentId).toBeUndefined();
    expect(node(nodes, 'internet').parentId).toBeUndefined();
  });

  it('marks the public subnet public and the others private, as a class and a label', () => {
    expect(node(nodes, 'subnet-public-a').data.subnetKind).toBe('public');
    expect(node(nodes, 'subnet-public-a').className).toContain('vpcsim-subnet--public');
    expect(node(nodes, 'subnet-public-a').data.note).toBe('Public');
    for (const id of ['subnet-app-a', 'subnet-db-b']) {
      expect(node(nodes, id).data.subnetKind).toBe('private');
      expect(node(nodes, id).className).toContain('vpcsim-subnet--private');
    }
  });

  it('does not take the kind from a flag: mapPublicIpOnLaunch changes nothing', () => {
    const flagged = structuredClone(doc);
    for (const s of flagged.topology.subnets ?? []) s.mapPublicIpOnLaunch = true;
    expect(node(flowOf(flagged).nodes, 'subnet-app-a').data.subnetKind).toBe('private');
  });

  it('follows the main route table for subnets without an association', () => {
    const moved = structuredClone(doc);
    const tables = moved.topology.routeTables ?? [];
    for (const r of tables) {
      r.subnetIds = (r.subnetIds ?? []).filter((s) => s !== 'subnet-db-b');
      r.main = r.id === 'rtb-public';
    }
    expect(node(flowOf(moved).nodes, 'subnet-db-b').data.subnetKind).toBe('public');
  });

  it('draws one edge per subnet and target, labelled with the destinations', () => {
    const routes = edges.filter((e) => e.data?.kind === 'route');
    expect(routes.map((e) => [e.source, e.target, e.data?.label]).sort()).toEqual([
      ['subnet-app-a', 'nat-a', '0.0.0.0/0'],
      ['subnet-db-b', 'nat-a', '0.0.0.0/0'],
      ['subnet-public-a', 'igw-main', '0.0.0.0/0'],
    ]);
    expect(routes.every((e) => e.data?.resourceId !== undefined)).toBe(true);
    expect(edges.filter((e) => e.data?.kind === 'internet').map((e) => [e.source, e.target])).toEqual([
      ['igw-main', 'internet'],
    ]);
  });

  it('groups several routes to one target into one edge', () => {
    const more = structuredClone(doc);
    const rtb = more.topology.routeTables?.find((r) => r.id === 'rtb-private');
    rtb?.routes.push({ destination: '192.0.2.0/24', target: 'nat-a' });
    const routes = flowOf(more).edges.filter((e) => e.source === 'subnet-app-a');
    expect(routes).toHaveLength(1);
    expect(routes[0]?.data?.label).toBe('0.0.0.0/0, 192.0.2.0/24');
  });

  it('reads VPC-relative subnet coordinates when the AZ band has no entry (compatibility rule)', () => {
    const band = node(nodes, 'vpc-main/us-east-1b');
    expect(band.data.derived).toBe(true);
    const vpc = absolute(nodes, 'vpc-main');
    const subnet = absolute(nodes, 'subnet-db-b');
    expect({ x: subnet.x - vpc.x, y: subnet.y - vpc.y }).toEqual({ x: 460, y: 270 });
    // The band wraps its subnets, so the subnet sits inside it.
    const db = node(nodes, 'subnet-db-b');
    expect(db.position.x).toBeGreaterThanOrEqual(0);
    expect(db.position.y).toBeGreaterThanOrEqual(0);
    // Bands without entries read as columns: one top, one bottom.
    const a = node(nodes, 'vpc-main/us-east-1a');
    expect(a.position.y).toBe(band.position.y);
    expect((a.height ?? 0) + a.position.y).toBe((band.height ?? 0) + band.position.y);
    expect(a.position.x + (a.width ?? 0)).toBeLessThanOrEqual(band.position.x);
  });

  it('reads subnet coordinates relative to the band once the band has an entry', () => {
    const banded = structuredClone(doc);
    banded.layout = { ...banded.layout, 'vpc-main/us-east-1b': { x: 500, y: 60, width: 440, height: 300 } };
    const flow = flowOf(banded).nodes;
    const band = node(flow, 'vpc-main/us-east-1b');
    expect(band.data.derived).toBe(false);
    expect(band.position).toEqual({ x: 500, y: 60 });
    expect(node(flow, 'subnet-db-b').position).toEqual({ x: 460, y: 270 });
    expect(band.width).toBeGreaterThanOrEqual(460 + 420);
  });

  it('reads canvas-absolute VPC coordinates when the region has no entry', () => {
    expect(node(nodes, 'region/us-east-1').data.derived).toBe(true);
    expect(absolute(nodes, 'vpc-main')).toEqual({ x: 40, y: 40 });
  });

  it('counts diagnostics per node, owners included', () => {
    const diagnostics: Diagnostic[] = [
      { code: 'CFG_X', severity: 'error', resourceId: 'i-web', message: 'm' },
      { code: 'CFG_X', severity: 'warning', resourceId: 'i-web/eth0', message: 'm' },
      { code: 'CFG_X', severity: 'fatal', resourceId: 'rtb-private', message: 'm' },
      { code: 'CFG_X', severity: 'warning', resourceId: 'sg-db', message: 'm' },
      { code: 'CFG_X', severity: 'error', message: 'no resource' },
    ];
    const flow = flowOf(doc, diagnostics).nodes;
    expect(node(flow, 'i-web').data).toMatchObject({ errors: 1, warnings: 1 });
    expect(node(flow, 'vpc-main').data).toMatchObject({ errors: 1, warnings: 1 });
    expect(node(flow, 'i-app').data).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('marks the selected nodes and keeps the others as they are', () => {
    const flow = flowOf(doc, [], ['i-web', 'vpc-main/us-east-1a']);
    expect(flow.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['vpc-main/us-east-1a', 'i-web']);
    const reselected = applySelection(flow.nodes, ['i-web']);
    expect(reselected.find((n) => n.id === 'i-app')).toBe(flow.nodes.find((n) => n.id === 'i-app'));
    expect(reselected.find((n) => n.id === 'vpc-main/us-east-1a')?.selected).toBe(false);
  });

  it('has an internet node only when there is an internet gateway or an external host', () => {
    const closed = structuredClone(doc);
    closed.topology.internetGateways = [];
    expect(flowOf(closed).nodes.some((n) => n.id === 'internet')).toBe(false);
    closed.topology.externalHosts = [{ id: 'home', ip: '203.0.113.5' }];
    expect(flowOf(closed).nodes.some((n) => n.id === 'internet')).toBe(true);
  });
});

describe('blackholes', () => {
  it('draws a route to a deleted NAT gateway as a blackhole edge and lists it on the subnet', () => {
    const { nodes, edges } = flowOf(scenario('blackhole-deleted-nat'));
    const e = edges.find((x) => x.source === 'subnet-app-a' && x.target === 'nat-a');
    expect(e?.data?.blackhole).toBe(true);
    expect(e?.className).toContain('vpcsim-edge--blackhole');
    expect(node(nodes, 'subnet-app-a').data.blackholes).toEqual(['0.0.0.0/0 → nat-a']);
    expect(node(nodes, 'nat-a').data.inactive).toBe(true);
  });

  it('lists a route to an id that names nothing on the subnet, with no edge', () => {
    const doc = scenario('public-private-nat');
    const rtb = doc.topology.routeTables?.find((r) => r.id === 'rtb-private');
    if (rtb) rtb.routes = [{ destination: '0.0.0.0/0', target: 'nat-gone' }];
    const { nodes, edges } = flowOf(doc);
    expect(node(nodes, 'subnet-app-a').data.blackholes).toEqual(['0.0.0.0/0 → nat-gone']);
    expect(edges.some((e) => e.source === 'subnet-app-a')).toBe(false);
  });
});

describe('connections between VPCs', () => {
  it('draws VPC - peering - VPC, dashed when the peering is not active', () => {
    const { edges } = flowOf(scenario('peering-pending-and-sg-reference'));
    const peering = edges.filter((e) => e.data?.kind === 'peering');
    expect(peering.map((e) => [e.source, e.target]).sort()).toEqual([
      ['pcx-ab', 'vpc-b'],
      ['pcx-ad', 'vpc-d'],
      ['vpc-a', 'pcx-ab'],
      ['vpc-a', 'pcx-ad'],
    ]);
    const pending = peering.filter((e) => e.data?.inactive === true).map((e) => e.id);
    expect(pending.sort()).toEqual(['peering:pcx-ad:accepter', 'peering:pcx-ad:requester']);
  });

  it('draws one VPC - transit gateway edge per attachment, and TGW peering between gateways', () => {
    const doc = scenario('tgw-peering-cross-region');
    const { nodes, edges } = flowOf(doc);
    const attachments = edges.filter((e) => e.data?.kind === 'attachment');
    expect(attachments).toHaveLength(3);
    expect(edges.filter((e) => e.data?.kind === 'tgwPeering').map((e) => [e.source, e.target])).toEqual([
      ['tgw-use1', 'tgw-euw1'],
    ]);
    // A transit gateway sits in the region of the VPCs attached to it.
    expect(node(nodes, 'tgw-euw1').parentId).toBe('region/eu-west-1');
    expect(node(nodes, 'tgw-use1').parentId).toBe('region/us-east-1');
  });

  it('routes to a gateway endpoint through its prefix list', () => {
    const { edges } = flowOf(scenario('s3-gateway-endpoint'));
    const e = edges.find((x) => x.target === 'vpce-s3');
    expect(e?.source).toBe('subnet-private-a');
    expect(e?.data?.label).toBe('pl-s3');
  });

  it('colours an IPv6 egress-only subnet as such', () => {
    const { nodes } = flowOf(scenario('ipv6-egress-only'));
    const subnets = nodes.filter((n) => n.data.kind === 'subnet');
    expect(subnets.map((n) => n.data.subnetKind)).toContain('ipv6-egress');
  });
});

describe('resources whose container is missing', () => {
  it('draws them on the canvas instead of dropping them', () => {
    const doc = scenario('public-private-nat');
    doc.topology.instances?.push({
      id: 'i-lost',
      subnetId: 'subnet-gone',
      privateIp: '10.9.9.9',
      securityGroupIds: [],
    });
    doc.topology.internetGateways?.push({ id: 'igw-spare', vpcId: null });
    const { nodes } = flowOf(doc);
    expect(node(nodes, 'i-lost').parentId).toBeUndefined();
    expect(node(nodes, 'igw-spare').parentId).toBeUndefined();
    expect(node(nodes, 'igw-spare').data.inactive).toBe(true);
  });
});

describe('performance', () => {
  it('maps a 1,000-box document in well under a frame budget per call', () => {
    const doc = bigDocument(1000);
    const first = flowOf(doc);
    expect(first.nodes.length).toBeGreaterThanOrEqual(1000);
    const runs = 10;
    const start = performance.now();
    for (let i = 0; i < runs; i++) flowOf(doc, [], ['i-3-1-4']);
    const perCall = (performance.now() - start) / runs;
    // Generous for a slow CI machine; typically a few milliseconds.
    expect(perCall).toBeLessThan(100);
  });
});
