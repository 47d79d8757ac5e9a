// autoLayout (elkjs, in node) and fallbackLayout: an entry for every node key, existing entries kept
// with onlyMissing, and layouts that to-flow draws without overlaps.
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/model/index.ts';
import { autoLayout, fallbackLayout } from '../../../../src/ui/canvas/auto-layout.ts';
import { toFlow } from '../../../../src/ui/canvas/to-flow.ts';
import type { CanvasNode } from '../../../../src/ui/canvas/types.ts';
import { absolute, overlaps, scenario } from './helpers.ts';

const nodesOf = (doc: Document) => toFlow(doc, { diagnostics: [], selection: [] }).nodes;

function siblingsApart(nodes: readonly CanvasNode[]): void {
  const groups = new Map<string | undefined, CanvasNode[]>();
  for (const n of nodes) groups.set(n.parentId, [...(groups.get(n.parentId) ?? []), n]);
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as CanvasNode;
        const b = list[j] as CanvasNode;
        expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  }
}

describe('autoLayout', () => {
  it.each(['public-private-nat', 'tgw-peering-cross-region', 'peering-triangle-no-transit', 'bastion-host'])(
    'gives every node key of %s an entry, and the result draws without overlaps',
    async (name) => {
      const doc = scenario(name);
      const layout = await autoLayout(doc, { onlyMissing: false });
      const nodes = nodesOf(doc);
      expect(Object.keys(layout).sort()).toEqual(nodes.map((n) => n.id).sort());
      for (const entry of Object.values(layout)) {
        expect(Number.isInteger(entry.x) && Number.isInteger(entry.y)).toBe(true);
      }
      const laidOut = nodesOf({ ...doc, layout });
      expect(laidOut.some((n) => n.data.derived)).toBe(false);
      siblingsApart(laidOut);
    },
  );

  it('keeps every existing entry with onlyMissing and adds the missing ones', async () => {
    const doc = scenario('public-private-nat');
    doc.topology.instances?.push({
      id: 'i-new',
      subnetId: 'subnet-db-b',
      privateIp: '10.0.21.20',
      securityGroupIds: [],
    });
    const before = structuredClone(doc.layout ?? {});
    const layout = await autoLayout(doc, { onlyMissing: true });
    for (const [key, entry] of Object.entries(before)) expect(layout[key]).toEqual(entry);
    expect(layout['i-new']).toBeDefined();
    expect(layout.internet).toBeDefined();
    // Derived containers stay derived: their subnets' entries keep their meaning.
    expect(layout['vpc-main/us-east-1a']).toBeUndefined();
    expect(layout['region/us-east-1']).toBeUndefined();
    const drawn = nodesOf({ ...doc, layout });
    siblingsApart(drawn.filter((n) => n.parentId === 'subnet-db-b'));
    expect(absolute(drawn, 'i-db')).toEqual(absolute(nodesOf(doc), 'i-db'));
  });

  it('writes entries under a derived container in its parent frame', async () => {
    const doc = scenario('public-private-nat');
    doc.topology.subnets?.push({
      id: 'subnet-new-b',
      vpcId: 'vpc-main',
      availabilityZone: 'us-east-1b',
      cidrBlock: '10.0.22.0/24',
    });
    const layout = await autoLayout(doc, { onlyMissing: true });
    const before = nodesOf(doc);
    const after = nodesOf({ ...doc, layout });
    // Where the fallback grid drew it is where the written entry puts it.
    expect(absolute(after, 'subnet-new-b')).toEqual(absolute(before, 'subnet-new-b'));
  });

  it('arranges a document without any layout with elk, regions included', async () => {
    const doc = scenario('tgw-hub-spoke-isolated');
    delete doc.layout;
    const layout = await autoLayout(doc, { onlyMissing: true });
    expect(Object.keys(layout).sort()).toEqual(
      nodesOf(doc)
        .map((n) => n.id)
        .sort(),
    );
    siblingsApart(nodesOf({ ...doc, layout }));
  });
});

describe('fallbackLayout', () => {
  it.each(['public-private-nat', 'tgw-peering-cross-region', 'nacl-deny-rule-order'])(
    'writes down exactly what to-flow draws for %s, containers included',
    (name) => {
      const doc = scenario(name);
      const layout = fallbackLayout(doc);
      const before = nodesOf(doc);
      const after = nodesOf({ ...doc, layout });
      expect(Object.keys(layout).sort()).toEqual(before.map((n) => n.id).sort());
      for (const n of before) expect(absolute(after, n.id), n.id).toEqual(absolute(before, n.id));
    },
  );
});
