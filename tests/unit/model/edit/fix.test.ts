// applyFix: each FixEdit kind changes exactly what it says, and every fix the engine suggests for the
// scenarios leaves the document loadable without new errors.
import { describe, expect, it } from 'vitest';
import { checkQuery, suggestFixes } from '../../../../src/engine/index.ts';
import { applyFix, type Document, type FixEdit } from '../../../../src/model/index.ts';
import { clone, errorKeys, expectLoadable, scenarios } from './fixtures.ts';

function base(): Document {
  return {
    format: 'vpcsim/1',
    topology: {
      vpcs: [
        { id: 'vpc-a', cidrBlocks: ['10.0.0.0/16'] },
        { id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] },
      ],
      subnets: [
        { id: 'sn-a', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' },
        { id: 'sn-a2', vpcId: 'vpc-a', availabilityZone: 'us-east-1b', cidrBlock: '10.0.2.0/24' },
        { id: 'sn-b', vpcId: 'vpc-b', availabilityZone: 'us-east-1a', cidrBlock: '10.1.1.0/24' },
      ],
      routeTables: [
        {
          id: 'rtb-a',
          vpcId: 'vpc-a',
          subnetIds: ['sn-a'],
          routes: [{ destination: '0.0.0.0/0', target: 'nat-gone' }],
        },
      ],
      networkAcls: [
        {
          id: 'acl-a',
          vpcId: 'vpc-a',
          default: true,
          inbound: [
            { ruleNumber: 100, protocol: 'tcp', ports: '22', cidr: '0.0.0.0/0', action: 'allow' },
            { ruleNumber: 200, protocol: 'all', cidr: '0.0.0.0/0', action: 'deny' },
          ],
          outbound: [],
        },
      ],
      securityGroups: [{ id: 'sg-a', vpcId: 'vpc-a' }],
      instances: [
        { id: 'i-a', subnetId: 'sn-a', privateIp: '10.0.1.10', securityGroupIds: ['sg-a'], state: 'stopped' },
      ],
      networkInterfaces: [{ id: 'eni-x', subnetId: 'sn-a', privateIp: '10.0.1.20', securityGroupIds: ['sg-a'] }],
      internetGateways: [{ id: 'igw-loose', vpcId: null }],
      vpcPeeringConnections: [
        { id: 'pcx-ab', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-b', status: 'pending-acceptance' },
      ],
      transitGateways: [{ id: 'tgw-1' }],
      transitGatewayAttachments: [
        { id: 'att-a', transitGatewayId: 'tgw-1', type: 'vpc', vpcId: 'vpc-a', subnetIds: ['sn-a'], state: 'pending' },
      ],
      transitGatewayRouteTables: [
        { id: 'tgw-rt-1', transitGatewayId: 'tgw-1', associations: [], propagations: [], routes: [] },
        {
          id: 'tgw-rt-2',
          transitGatewayId: 'tgw-1',
          associations: ['att-a'],
          propagations: [],
          routes: [{ destination: '10.9.0.0/16', blackhole: true }],
        },
      ],
    },
  };
}

function apply(edit: FixEdit, doc: Document = base()): Document {
  expect(applyFix(doc, edit)).toBe(true);
  return doc;
}

describe('applyFix', () => {
  it('addRoute adds a route, and re-aims one with the same destination', () => {
    const doc = apply({
      kind: 'addRoute',
      vpcId: 'vpc-a',
      routeTableId: 'rtb-a',
      destination: '10.1.0.0/16',
      target: 'pcx-ab',
    });
    apply(
      { kind: 'addRoute', vpcId: 'vpc-a', routeTableId: 'rtb-a', destination: '0.0.0.0/0', target: 'igw-loose' },
      doc,
    );
    expect(doc.topology.routeTables![0]!.routes).toEqual([
      { destination: '0.0.0.0/0', target: 'igw-loose' },
      { destination: '10.1.0.0/16', target: 'pcx-ab' },
    ]);
  });

  it('addRoute on an implicit main table writes out an explicit main table', () => {
    const doc = apply({
      kind: 'addRoute',
      vpcId: 'vpc-b',
      routeTableId: 'vpc-b/rtb-main',
      destination: '10.0.0.0/16',
      target: 'pcx-ab',
    });
    expect(doc.topology.routeTables?.find((r) => r.vpcId === 'vpc-b')).toEqual({
      id: 'rtb-main-vpc-b',
      vpcId: 'vpc-b',
      main: true,
      routes: [{ destination: '10.0.0.0/16', target: 'pcx-ab' }],
    });
  });

  it('replaceRoute re-aims an existing route and fails on a missing one', () => {
    const doc = apply({ kind: 'replaceRoute', routeTableId: 'rtb-a', destination: '0.0.0.0/0', target: 'igw-loose' });
    expect(doc.topology.routeTables![0]!.routes).toEqual([{ destination: '0.0.0.0/0', target: 'igw-loose' }]);
    expect(applyFix(base(), { kind: 'replaceRoute', routeTableId: 'rtb-a', destination: '::/0', target: 'x' })).toBe(
      false,
    );
  });

  it('addNaclRule inserts in rule-number order and refuses a taken number', () => {
    const rule = { ruleNumber: 150, protocol: 'tcp', ports: '443', cidr: '10.0.0.0/16', action: 'allow' } as const;
    const doc = apply({ kind: 'addNaclRule', aclId: 'acl-a', direction: 'inbound', rule });
    expect(doc.topology.networkAcls![0]!.inbound.map((r) => r.ruleNumber)).toEqual([100, 150, 200]);
    expect(applyFix(doc, { kind: 'addNaclRule', aclId: 'acl-a', direction: 'inbound', rule })).toBe(false);
    apply({ kind: 'addNaclRule', aclId: 'acl-a', direction: 'outbound', rule: { ...rule, ruleNumber: 10 } }, doc);
    expect(doc.topology.networkAcls![0]!.outbound).toEqual([{ ...rule, ruleNumber: 10 }]);
  });

  it('addSgRule appends inbound and outbound rules', () => {
    const doc = apply({
      kind: 'addSgRule',
      sgId: 'sg-a',
      direction: 'inbound',
      rule: { protocol: 'tcp', ports: '22', source: 'sg-a' },
    });
    apply(
      { kind: 'addSgRule', sgId: 'sg-a', direction: 'outbound', rule: { protocol: 'all', destination: '10.1.0.0/16' } },
      doc,
    );
    expect(doc.topology.securityGroups![0]).toEqual({
      id: 'sg-a',
      vpcId: 'vpc-a',
      inbound: [{ protocol: 'tcp', ports: '22', source: 'sg-a' }],
      outbound: [{ protocol: 'all', destination: '10.1.0.0/16' }],
    });
  });

  it('setPublicIp and setSourceDestCheck reach instances (also by primary interface id) and interfaces', () => {
    const doc = apply({ kind: 'setPublicIp', resourceId: 'i-a/eth0', publicIp: '192.0.2.10' });
    apply({ kind: 'setSourceDestCheck', resourceId: 'eni-x', sourceDestCheck: false }, doc);
    expect(doc.topology.instances![0]!.publicIp).toBe('192.0.2.10');
    expect(doc.topology.networkInterfaces![0]!.sourceDestCheck).toBe(false);
    expect(applyFix(doc, { kind: 'setPublicIp', resourceId: 'nobody', publicIp: '192.0.2.11' })).toBe(false);
  });

  it('createInternetGateway creates, attaches and routes; an id already taken gets a fresh one', () => {
    const doc = apply({
      kind: 'createInternetGateway',
      vpcId: 'vpc-b',
      internetGatewayId: 'igw-loose',
      routes: [{ routeTableId: 'vpc-b/rtb-main', destination: '0.0.0.0/0' }],
    });
    expect(doc.topology.internetGateways).toEqual([
      { id: 'igw-loose', vpcId: null },
      { id: 'igw-loose-1', vpcId: 'vpc-b' },
    ]);
    expect(doc.topology.routeTables?.find((r) => r.vpcId === 'vpc-b')?.routes).toEqual([
      { destination: '0.0.0.0/0', target: 'igw-loose-1' },
    ]);
  });

  it('attachInternetGateway attaches a detached gateway and routes to it', () => {
    const doc = apply({
      kind: 'attachInternetGateway',
      vpcId: 'vpc-a',
      internetGatewayId: 'igw-loose',
      routes: [{ routeTableId: 'rtb-a', destination: '0.0.0.0/0' }],
    });
    expect(doc.topology.internetGateways).toEqual([{ id: 'igw-loose', vpcId: 'vpc-a' }]);
    expect(doc.topology.routeTables![0]!.routes).toEqual([{ destination: '0.0.0.0/0', target: 'igw-loose' }]);
  });

  it('peering, instance and attachment state changes', () => {
    const doc = apply({ kind: 'setPeeringStatus', peeringId: 'pcx-ab', status: 'active' });
    apply({ kind: 'startInstance', instanceId: 'i-a' }, doc);
    apply({ kind: 'setAttachmentAvailable', attachmentId: 'att-a' }, doc);
    apply({ kind: 'setApplianceMode', attachmentId: 'att-a', applianceMode: true }, doc);
    apply({ kind: 'addAttachmentSubnet', attachmentId: 'att-a', subnetId: 'sn-a2' }, doc);
    const t = doc.topology;
    expect(t.vpcPeeringConnections![0]!.status).toBe('active');
    expect(t.instances![0]!.state).toBe('running');
    expect(t.transitGatewayAttachments![0]).toMatchObject({
      state: 'available',
      applianceMode: true,
      subnetIds: ['sn-a', 'sn-a2'],
    });
  });

  it('transit gateway tables: one association per attachment, propagations, static routes over blackholes', () => {
    const doc = apply({ kind: 'associateTgwRouteTable', tgwRouteTableId: 'tgw-rt-1', attachmentId: 'att-a' });
    apply({ kind: 'addTgwPropagation', tgwRouteTableId: 'tgw-rt-1', attachmentId: 'att-a' }, doc);
    apply({ kind: 'setTgwRoute', tgwRouteTableId: 'tgw-rt-2', destination: '10.9.0.0/16', attachmentId: 'att-a' }, doc);
    apply({ kind: 'setTgwRoute', tgwRouteTableId: 'tgw-rt-1', destination: '0.0.0.0/0', attachmentId: 'att-a' }, doc);
    const [rt1, rt2] = doc.topology.transitGatewayRouteTables!;
    expect(rt1).toMatchObject({
      associations: ['att-a'],
      propagations: ['att-a'],
      routes: [{ destination: '0.0.0.0/0', attachmentId: 'att-a' }],
    });
    expect(rt2).toMatchObject({ associations: [], routes: [{ destination: '10.9.0.0/16', attachmentId: 'att-a' }] });
    expect(rt2!.routes[0]!.blackhole).toBeUndefined();
  });

  it('returns false for edits naming resources the document lacks', () => {
    const edits: FixEdit[] = [
      { kind: 'addRoute', vpcId: 'vpc-z', routeTableId: 'vpc-z/rtb-main', destination: '0.0.0.0/0', target: 'x' },
      { kind: 'setPeeringStatus', peeringId: 'pcx-z', status: 'active' },
      { kind: 'startInstance', instanceId: 'i-z' },
      { kind: 'associateTgwRouteTable', tgwRouteTableId: 'tgw-rt-z', attachmentId: 'att-a' },
      { kind: 'createInternetGateway', vpcId: 'vpc-z', internetGatewayId: 'igw-z', routes: [] },
    ];
    for (const edit of edits) expect(applyFix(base(), edit)).toBe(false);
  });
});

describe('suggested fixes keep the scenarios loadable', () => {
  it.each(scenarios)('%s', (_name, doc) => {
    const before = errorKeys(doc);
    for (const check of doc.checks ?? []) {
      for (const s of suggestFixes(doc.topology, checkQuery(check))) {
        const copy = clone(doc);
        expect(applyFix(copy, s.edit)).toBe(true);
        expectLoadable(copy, before);
      }
    }
  });
});
