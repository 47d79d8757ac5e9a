// deleteResources: every resource of every scenario can be deleted, leaving a loadable document; the
// cascade, the blackholes and the cleaned lists follow AWS.
import { describe, expect, it } from 'vitest';
import {
  checksNaming,
  deleteResources,
  loadDocument,
  primaryInterfaceIdOf,
  type Document,
} from '../../../../src/model/index.ts';
import { clone, errorKeys, expectLoadable, resourceIds, scenarios } from './fixtures.ts';

/**
 * Errors a deletion may legitimately add, each the visible consequence of what was deleted: a check
 * naming a deleted endpoint (checks are never deleted); a public NAT gateway left without an internet
 * gateway (AWS refuses that detach; the simulator shows the consequence instead); a VPC route to a
 * transit gateway whose attachment for that VPC was deleted (AWS keeps it as a blackhole route).
 */
const CONSEQUENCES = ['CFG_CHECK_UNKNOWN_ENDPOINT', 'CFG_NAT_NO_IGW', 'CFG_ROUTE_TARGET_NOT_IN_VPC'];

function expectNoTrace(doc: Document, removed: readonly string[]): void {
  const ids = new Set(resourceIds(doc));
  for (const id of removed) expect(ids.has(id), id).toBe(false);
  for (const key of Object.keys(doc.layout ?? {})) {
    expect(removed.includes(key), key).toBe(false);
    expect(removed.includes(key.split('/')[0]!), key).toBe(false);
  }
}

describe('deleteResources on every scenario', () => {
  it.each(scenarios)('%s: deleting any one resource leaves a loadable document', (_name, original) => {
    const before = errorKeys(original);
    for (const id of resourceIds(original)) {
      const doc = clone(original);
      const removed = deleteResources(doc, [id]);
      expect(removed).toContain(id);
      expect(new Set(removed).size).toBe(removed.length);
      expectNoTrace(doc, removed);
      const fresh = expectLoadable(doc, before, CONSEQUENCES);
      const codes = new Set(fresh.map((d) => d.code));
      if (codes.has('CFG_CHECK_UNKNOWN_ENDPOINT')) expect(checksNaming(original, removed).length).toBeGreaterThan(0);
      if (codes.has('CFG_NAT_NO_IGW')) {
        expect(removed.some((r) => (original.topology.internetGateways ?? []).some((g) => g.id === r))).toBe(true);
      }
      if (codes.has('CFG_ROUTE_TARGET_NOT_IN_VPC')) {
        expect(removed.some((r) => (original.topology.transitGatewayAttachments ?? []).some((a) => a.id === r))).toBe(
          true,
        );
      }
    }
  });

  it.each(scenarios)('%s: deleting every zone band and then everything', (_name, original) => {
    const before = errorKeys(original);
    for (const s of original.topology.subnets ?? []) {
      const doc = clone(original);
      const removed = deleteResources(doc, [`${s.vpcId}/${s.availabilityZone}`]);
      expect(removed).toContain(s.id);
      expect(removed).toContain(`${s.vpcId}/${s.availabilityZone}`);
      expect(
        (doc.topology.subnets ?? []).some((x) => x.vpcId === s.vpcId && x.availabilityZone === s.availabilityZone),
      ).toBe(false);
      expectLoadable(doc, before, CONSEQUENCES);
    }
    const doc = clone(original);
    deleteResources(doc, resourceIds(original));
    expect(resourceIds(doc)).toEqual([]);
    expect(doc.layout ?? {}).toEqual({});
    expect(loadDocument(doc).diagnostics.filter((d) => d.severity === 'fatal')).toEqual([]);
  });
});

function sample(): Document {
  return {
    format: 'vpcsim/1',
    topology: {
      vpcs: [
        { id: 'v1', cidrBlocks: ['10.0.0.0/16'] },
        { id: 'v2', cidrBlocks: ['10.1.0.0/16'] },
      ],
      subnets: [
        { id: 's1', vpcId: 'v1', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' },
        { id: 's2', vpcId: 'v1', availabilityZone: 'us-east-1b', cidrBlock: '10.0.2.0/24' },
        { id: 's3', vpcId: 'v2', availabilityZone: 'us-east-1a', cidrBlock: '10.1.1.0/24' },
      ],
      routeTables: [
        {
          id: 'rt1',
          vpcId: 'v1',
          subnetIds: ['s1', 's2'],
          routes: [
            { destination: '0.0.0.0/0', target: 'nat' },
            { destination: '10.1.0.0/16', target: 'pcx' },
            { destination: 'pl-x', target: 'tgw' },
          ],
        },
        { id: 'rt2', vpcId: 'v2', subnetIds: ['s3'], routes: [{ destination: '10.0.0.0/16', target: 'pcx' }] },
      ],
      networkAcls: [{ id: 'acl', vpcId: 'v1', subnetIds: ['s1'], inbound: [], outbound: [] }],
      securityGroups: [
        {
          id: 'sg1',
          vpcId: 'v1',
          inbound: [
            { protocol: 'all', source: 'sg2' },
            { protocol: 'tcp', ports: '22', source: 'pl-x' },
          ],
        },
        { id: 'sg2', vpcId: 'v2', inbound: [{ protocol: 'all', source: 'sg1' }] },
      ],
      instances: [
        { id: 'i1', subnetId: 's1', privateIp: '10.0.1.10', securityGroupIds: ['sg1'] },
        { id: 'i3', subnetId: 's3', privateIp: '10.1.1.10', securityGroupIds: ['sg2'] },
      ],
      networkInterfaces: [
        { id: 'eni', subnetId: 's2', instanceId: 'i1', privateIp: '10.0.2.10', securityGroupIds: ['sg1'] },
      ],
      internetGateways: [{ id: 'igw', vpcId: 'v1' }],
      natGateways: [{ id: 'nat', subnetId: 's1', privateIp: '10.0.1.20', publicIp: '192.0.2.10' }],
      vpcPeeringConnections: [{ id: 'pcx', requesterVpcId: 'v1', accepterVpcId: 'v2' }],
      transitGateways: [{ id: 'tgw', associationDefaultRouteTableId: 'trt', propagationDefaultRouteTableId: 'trt' }],
      transitGatewayAttachments: [
        { id: 'a1', transitGatewayId: 'tgw', type: 'vpc', vpcId: 'v1', subnetIds: ['s1', 's2'] },
        { id: 'a2', transitGatewayId: 'tgw', type: 'vpc', vpcId: 'v2', subnetIds: ['s3'] },
      ],
      transitGatewayRouteTables: [
        {
          id: 'trt',
          transitGatewayId: 'tgw',
          associations: ['a1', 'a2'],
          propagations: ['a1', 'a2'],
          routes: [{ destination: '10.1.0.0/16', attachmentId: 'a2' }],
        },
      ],
      vpcEndpoints: [
        { id: 'gwe', vpcId: 'v1', type: 'gateway', service: 's3', prefixListId: 'pl-x', routeTableIds: ['rt1'] },
        {
          id: 'ife',
          vpcId: 'v1',
          type: 'interface',
          service: 'sqs',
          subnetIds: ['s1', 's2'],
          securityGroupIds: ['sg1'],
        },
      ],
      prefixLists: [{ id: 'pl-x', cidrs: ['52.0.0.0/8'] }],
    },
    layout: {
      v1: { x: 0, y: 0 },
      'v1/us-east-1a': { x: 1, y: 1 },
      s1: { x: 2, y: 2 },
      i1: { x: 3, y: 3 },
      'ife/s1': { x: 4, y: 4 },
      'ife/s2': { x: 5, y: 5 },
      v2: { x: 6, y: 6 },
    },
    checks: [{ name: 'i1 to i3', from: 'i1', to: 'i3', port: 22, expect: 'REACHABLE' }],
  };
}

describe('what a deletion does to dependents', () => {
  it('deleting a VPC deletes what lives in it, its peerings and attachments, and its layout keys', () => {
    const doc = sample();
    const removed = deleteResources(doc, ['v1']);
    expect(removed).toEqual([
      'v1',
      's1',
      's2',
      'rt1',
      'acl',
      'sg1',
      'i1',
      'eni',
      'igw',
      'nat',
      'pcx',
      'a1',
      'gwe',
      'ife',
    ]);
    expect(doc.layout).toEqual({ v2: { x: 6, y: 6 } });
    // The peering route of the other side stays, as a blackhole.
    expect(doc.topology.routeTables).toEqual([
      { id: 'rt2', vpcId: 'v2', subnetIds: ['s3'], routes: [{ destination: '10.0.0.0/16', target: 'pcx' }] },
    ]);
    // sg2's rule that referenced sg1 is gone.
    expect(doc.topology.securityGroups).toEqual([{ id: 'sg2', vpcId: 'v2', inbound: [] }]);
    const trt = doc.topology.transitGatewayRouteTables![0]!;
    expect(trt.associations).toEqual(['a2']);
    expect(trt.propagations).toEqual(['a2']);
    // The check stays and names the deleted instance.
    expect(doc.checks).toHaveLength(1);
    expect(checksNaming(sample(), removed)).toEqual(['i1 to i3']);
    expectLoadable(doc, errorKeys(sample()), ['CFG_CHECK_UNKNOWN_ENDPOINT']);
  });

  it('deleting a subnet deletes its instances and NAT gateways and clears every list naming it', () => {
    const doc = sample();
    const removed = deleteResources(doc, ['s1']);
    expect(removed).toEqual(['s1', 'i1', 'nat']);
    expect(doc.topology.routeTables?.[0]?.subnetIds).toEqual(['s2']);
    expect(doc.topology.networkAcls?.[0]?.subnetIds).toEqual([]);
    expect(doc.topology.transitGatewayAttachments?.[0]?.subnetIds).toEqual(['s2']);
    expect(doc.topology.vpcEndpoints?.[1]?.subnetIds).toEqual(['s2']);
    // The interface stays, detached from the terminated instance.
    expect(doc.topology.networkInterfaces).toEqual([
      { id: 'eni', subnetId: 's2', privateIp: '10.0.2.10', securityGroupIds: ['sg1'] },
    ]);
    // The NAT route becomes a blackhole.
    expect(doc.topology.routeTables?.[0]?.routes[0]).toEqual({ destination: '0.0.0.0/0', target: 'nat' });
    expect(Object.keys(doc.layout ?? {})).toEqual(['v1', 'v1/us-east-1a', 'ife/s2', 'v2']);
  });

  it('deleting a security group removes it from interfaces, endpoints and other groups rules', () => {
    const doc = sample();
    expect(deleteResources(doc, ['sg1'])).toEqual(['sg1']);
    expect(doc.topology.instances?.[0]?.securityGroupIds).toEqual([]);
    expect(doc.topology.networkInterfaces?.[0]?.securityGroupIds).toEqual([]);
    expect(doc.topology.vpcEndpoints?.[1]?.securityGroupIds).toEqual([]);
    expect(doc.topology.securityGroups).toEqual([{ id: 'sg2', vpcId: 'v2', inbound: [] }]);
  });

  it('deleting a transit gateway attachment turns its static routes into blackholes', () => {
    const doc = sample();
    deleteResources(doc, ['a2']);
    expect(doc.topology.transitGatewayRouteTables?.[0]?.routes).toEqual([
      { destination: '10.1.0.0/16', blackhole: true },
    ]);
    expectLoadable(doc, errorKeys(sample()));
  });

  it('deleting a transit gateway deletes its attachments and tables; VPC routes to it stay', () => {
    const doc = sample();
    expect(deleteResources(doc, ['tgw'])).toEqual(['tgw', 'a1', 'a2', 'trt']);
    expect(doc.topology.routeTables?.[0]?.routes[2]).toEqual({ destination: 'pl-x', target: 'tgw' });
    expectLoadable(doc, errorKeys(sample()));
  });

  it('deleting a transit gateway route table clears the default table ids', () => {
    const doc = sample();
    deleteResources(doc, ['trt']);
    expect(doc.topology.transitGateways).toEqual([{ id: 'tgw' }]);
  });

  it('deleting a prefix list removes the routes and rules that used it, and the endpoint falls back', () => {
    const doc = sample();
    deleteResources(doc, ['pl-x']);
    expect(doc.topology.routeTables?.[0]?.routes.map((r) => r.destination)).toEqual(['0.0.0.0/0', '10.1.0.0/16']);
    expect(doc.topology.securityGroups?.[0]?.inbound).toEqual([{ protocol: 'all', source: 'sg2' }]);
    expect(doc.topology.vpcEndpoints?.[0]?.prefixListId).toBeUndefined();
    expectLoadable(doc, errorKeys(sample()));
  });

  it('deleting an internet gateway removes edge associations; its routes stay as blackholes', () => {
    const doc = sample();
    doc.topology.routeTables![0]!.routes.push({ destination: '192.0.2.0/24', target: 'igw' });
    deleteResources(doc, ['igw']);
    expect(doc.topology.routeTables?.[0]?.routes.at(-1)).toEqual({ destination: '192.0.2.0/24', target: 'igw' });
    // The public NAT gateway is now in a VPC without an internet gateway: reported, not hidden.
    const fresh = expectLoadable(doc, errorKeys(sample()), ['CFG_NAT_NO_IGW']);
    expect(fresh.map((d) => d.code)).toEqual(['CFG_NAT_NO_IGW']);
  });

  it('deleting a route table removes it from gateway endpoints', () => {
    const doc = sample();
    deleteResources(doc, ['rt1']);
    expect(doc.topology.vpcEndpoints?.[0]?.routeTableIds).toEqual([]);
  });

  it('a zone band key deletes the subnets of that zone only', () => {
    const doc = sample();
    expect(deleteResources(doc, ['v1/us-east-1a'])).toEqual(['s1', 'i1', 'nat', 'v1/us-east-1a']);
    expect(doc.topology.subnets?.map((s) => s.id)).toEqual(['s2', 's3']);
    expect(doc.layout?.['v1/us-east-1a']).toBeUndefined();
  });

  it('ignores unknown ids, primary interface ids and derived keys that are no band', () => {
    const doc = sample();
    const i1 = doc.topology.instances![0]!;
    expect(deleteResources(doc, ['nothing', primaryInterfaceIdOf(i1), 'internet', 'region/us-east-1'])).toEqual([]);
    expect(doc).toEqual(sample());
  });

  it('checksNaming finds checks by instance, primary interface and blockedAt', () => {
    const doc = sample();
    doc.checks!.push(
      { name: 'eth0', from: 'i3', to: 'i1/eth0', port: 22, expect: 'REACHABLE' },
      { name: 'blocked', from: 'i3', to: '10.0.1.10', port: 22, expect: 'BLOCKED', blockedAt: 'acl' },
      { name: 'unrelated', from: 'i3', to: 'internet', port: 443, expect: 'REACHABLE' },
    );
    expect(checksNaming(doc, ['i1', 'acl'])).toEqual(['i1 to i3', 'eth0', 'blocked']);
  });
});
