// createResource / checkCreate: every request on every scenario leaves a loadable document with no new
// errors, defaults are AWS's, and refusals come with a reason.
import { describe, expect, it } from 'vitest';
import {
  availabilityZonesOf,
  checkCreate,
  createResource,
  defaultSecurityGroupOf,
  resourceKindOf,
  type CreateKind,
  type CreateRequest,
  type Document,
} from '../../../../src/model/index.ts';
import { clone, emptyDocument, errorKeys, expectLoadable, scenarios } from './fixtures.ts';

/** A broad set of requests against a document: every palette item into every container it fits. */
function requestsFor(doc: Document): CreateRequest[] {
  const t = doc.topology;
  const out: CreateRequest[] = [
    { kind: 'vpc' },
    { kind: 'vpc', region: 'eu-west-1', position: { x: 10, y: 20 } },
    { kind: 'transitGateway', position: { x: 5, y: 5 } },
    { kind: 'prefixList' },
    { kind: 'externalHost', position: { x: 400, y: 0 } },
  ];
  const vpcs = t.vpcs ?? [];
  for (const v of vpcs) {
    for (const az of availabilityZonesOf(doc, v.id)) {
      out.push({ kind: 'subnet', vpcId: v.id, availabilityZone: az, position: { x: 1, y: 2 } });
    }
    out.push(
      { kind: 'internetGateway', vpcId: v.id },
      { kind: 'egressOnlyInternetGateway', vpcId: v.id },
      { kind: 'routeTable', vpcId: v.id },
      { kind: 'networkAcl', vpcId: v.id },
      { kind: 'securityGroup', vpcId: v.id },
      { kind: 'vpcEndpoint', vpcId: v.id, type: 'gateway', service: 's3' },
      { kind: 'vpcEndpoint', vpcId: v.id, type: 'gateway', service: 'dynamodb' },
      { kind: 'vpcEndpoint', vpcId: v.id, type: 'interface', service: 'com.amazonaws.us-east-1.ec2' },
    );
    for (const w of vpcs) out.push({ kind: 'vpcPeeringConnection', requesterVpcId: v.id, accepterVpcId: w.id });
    for (const g of t.transitGateways ?? []) {
      out.push({ kind: 'transitGatewayAttachment', transitGatewayId: g.id, vpcId: v.id });
    }
  }
  for (const s of t.subnets ?? []) {
    out.push(
      { kind: 'instance', subnetId: s.id, position: { x: 3, y: 4 } },
      { kind: 'networkInterface', subnetId: s.id },
      { kind: 'natGateway', subnetId: s.id },
    );
  }
  return out;
}

describe('createResource on every scenario', () => {
  const accepted = new Map<CreateKind, number>();
  const refused = new Map<CreateKind, number>();

  it.each(scenarios)('%s: every request leaves a loadable document with no new errors', (_name, original) => {
    const before = errorKeys(original);
    for (const request of requestsFor(original)) {
      const doc = clone(original);
      const reason = checkCreate(doc, request);
      const outcome = createResource(doc, request);
      if (!outcome.ok) {
        expect(reason).toBeDefined();
        expect(outcome.reason).toBe(reason);
        expect(doc).toEqual(original);
        refused.set(request.kind, (refused.get(request.kind) ?? 0) + 1);
        continue;
      }
      expect(reason).toBeUndefined();
      expect(resourceKindOf(doc, outcome.id)).toBeDefined();
      expectLoadable(doc, before);
      accepted.set(request.kind, (accepted.get(request.kind) ?? 0) + 1);
    }
  });

  it.each(scenarios)('%s: a new transit gateway attaches every VPC with an IPv4 subnet', (_name, original) => {
    const before = errorKeys(original);
    for (const vpc of original.topology.vpcs ?? []) {
      const doc = clone(original);
      const tgw = createResource(doc, { kind: 'transitGateway' });
      if (!tgw.ok) throw new Error(tgw.reason);
      const outcome = createResource(doc, {
        kind: 'transitGatewayAttachment',
        transitGatewayId: tgw.id,
        vpcId: vpc.id,
      });
      const hasIpv4Subnet = (doc.topology.subnets ?? []).some((s) => s.vpcId === vpc.id && s.cidrBlock !== undefined);
      expect(outcome.ok).toBe(hasIpv4Subnet);
      if (outcome.ok) accepted.set('transitGatewayAttachment', (accepted.get('transitGatewayAttachment') ?? 0) + 1);
      expectLoadable(doc, before);
    }
  });

  it('accepted every kind somewhere', () => {
    const kinds: CreateKind[] = [
      'vpc',
      'subnet',
      'instance',
      'networkInterface',
      'natGateway',
      'internetGateway',
      'egressOnlyInternetGateway',
      'routeTable',
      'networkAcl',
      'securityGroup',
      'vpcPeeringConnection',
      'transitGateway',
      'transitGatewayAttachment',
      'vpcEndpoint',
      'prefixList',
      'externalHost',
    ];
    for (const kind of kinds) expect(accepted.get(kind) ?? 0, kind).toBeGreaterThan(0);
    // Peering a VPC with itself, a second internet gateway, NAT without IGW: all occur in the scenarios.
    expect(refused.get('vpcPeeringConnection') ?? 0).toBeGreaterThan(0);
    expect(refused.get('internetGateway') ?? 0).toBeGreaterThan(0);
  });
});

describe('building a network from nothing', () => {
  it('stays loadable after every step and gets AWS-like defaults', () => {
    const doc = emptyDocument();
    const before = errorKeys(doc);
    const create = (request: CreateRequest): string => {
      const outcome = createResource(doc, request);
      if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
      expectLoadable(doc, before);
      return outcome.id;
    };
    const vpc = create({ kind: 'vpc', position: { x: 40, y: 60 } });
    expect(doc.topology.vpcs).toEqual([{ id: vpc, region: 'us-east-1', cidrBlocks: ['10.0.0.0/16'] }]);
    expect(doc.layout?.[vpc]).toEqual({ x: 40, y: 60 });
    // AWS's default group: all in from itself, all out.
    const sg = defaultSecurityGroupOf(doc, vpc)!;
    expect(doc.topology.securityGroups).toEqual([
      {
        id: sg,
        name: 'default',
        vpcId: vpc,
        inbound: [{ protocol: 'all', source: sg }],
        outbound: [{ protocol: 'all', destination: '0.0.0.0/0' }],
      },
    ]);
    const vpc2 = create({ kind: 'vpc' });
    expect(doc.topology.vpcs?.[1]?.cidrBlocks).toEqual(['10.1.0.0/16']);

    const subA = create({ kind: 'subnet', vpcId: vpc, availabilityZone: 'us-east-1a' });
    const subB = create({ kind: 'subnet', vpcId: vpc, availabilityZone: 'us-east-1b' });
    expect(doc.topology.subnets?.map((s) => s.cidrBlock)).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    // Implicit main table and default ACL: a new subnet is listed nowhere.
    expect(doc.topology.routeTables).toBeUndefined();
    expect(doc.topology.networkAcls).toBeUndefined();

    const i1 = create({ kind: 'instance', subnetId: subA });
    const i2 = create({ kind: 'instance', subnetId: subA });
    const inst = doc.topology.instances!;
    expect(inst.map((i) => i.privateIp)).toEqual(['10.0.0.4', '10.0.0.5']);
    expect(inst[0]).toEqual({ id: i1, subnetId: subA, privateIp: '10.0.0.4', securityGroupIds: [sg] });
    expect(inst[1]?.id).toBe(i2);
    expect(inst[0]?.publicIp).toBeUndefined();

    // A NAT gateway needs an internet gateway first, as in AWS.
    expect(checkCreate(doc, { kind: 'natGateway', subnetId: subA })).toContain('internet gateway');
    const igw = create({ kind: 'internetGateway', vpcId: vpc });
    expect(doc.topology.internetGateways).toEqual([{ id: igw, vpcId: vpc }]);
    expect(checkCreate(doc, { kind: 'internetGateway', vpcId: vpc })).toBeDefined();
    const nat = create({ kind: 'natGateway', subnetId: subA });
    const natGw = doc.topology.natGateways![0]!;
    expect(natGw).toMatchObject({ id: nat, subnetId: subA, connectivity: 'public', privateIp: '10.0.0.6' });
    expect(natGw.publicIp).toMatch(/^192\.0\.2\./);

    // mapPublicIpOnLaunch gives a public address, distinct from the NAT's Elastic IP.
    doc.topology.subnets![1]!.mapPublicIpOnLaunch = true;
    const pub = create({ kind: 'instance', subnetId: subB });
    const pubInst = doc.topology.instances!.find((i) => i.id === pub)!;
    expect(pubInst.publicIp).toMatch(/^192\.0\.2\./);
    expect(pubInst.publicIp).not.toBe(natGw.publicIp);

    const eigw = create({ kind: 'egressOnlyInternetGateway', vpcId: vpc });
    expect(doc.topology.egressOnlyInternetGateways).toEqual([{ id: eigw, vpcId: vpc }]);

    const rtb = create({ kind: 'routeTable', vpcId: vpc });
    expect(doc.topology.routeTables).toEqual([{ id: rtb, vpcId: vpc, routes: [] }]);
    const acl = create({ kind: 'networkAcl', vpcId: vpc });
    expect(doc.topology.networkAcls).toEqual([{ id: acl, vpcId: vpc, inbound: [], outbound: [] }]);
    const sg2 = create({ kind: 'securityGroup', vpcId: vpc });
    expect(doc.topology.securityGroups?.find((g) => g.id === sg2)).toEqual({
      id: sg2,
      vpcId: vpc,
      outbound: [{ protocol: 'all', destination: '0.0.0.0/0' }],
    });

    const pcx = create({ kind: 'vpcPeeringConnection', requesterVpcId: vpc, accepterVpcId: vpc2 });
    expect(doc.topology.vpcPeeringConnections).toEqual([
      { id: pcx, requesterVpcId: vpc, accepterVpcId: vpc2, status: 'active' },
    ]);
    expect(checkCreate(doc, { kind: 'vpcPeeringConnection', requesterVpcId: vpc2, accepterVpcId: vpc })).toContain(
      'already',
    );

    const tgw = create({ kind: 'transitGateway' });
    const gw = doc.topology.transitGateways![0]!;
    expect(gw.defaultRouteTableAssociation).toBe(true);
    expect(gw.defaultRouteTablePropagation).toBe(true);
    expect(gw.associationDefaultRouteTableId).toBe(gw.propagationDefaultRouteTableId);
    const table = doc.topology.transitGatewayRouteTables![0]!;
    expect(table).toEqual({
      id: gw.associationDefaultRouteTableId,
      transitGatewayId: tgw,
      associations: [],
      propagations: [],
      routes: [],
    });
    const att = create({ kind: 'transitGatewayAttachment', transitGatewayId: tgw, vpcId: vpc });
    // One subnet per zone: the first IPv4 subnet of each.
    expect(doc.topology.transitGatewayAttachments).toEqual([
      { id: att, transitGatewayId: tgw, type: 'vpc', vpcId: vpc, subnetIds: [subA, subB] },
    ]);
    expect(table.associations).toEqual([att]);
    expect(table.propagations).toEqual([att]);
    expect(checkCreate(doc, { kind: 'transitGatewayAttachment', transitGatewayId: tgw, vpcId: vpc })).toContain(
      'already',
    );
    // vpc2 has no subnet yet.
    expect(checkCreate(doc, { kind: 'transitGatewayAttachment', transitGatewayId: tgw, vpcId: vpc2 })).toBeDefined();

    const gwe = create({ kind: 'vpcEndpoint', vpcId: vpc, type: 'gateway', service: 's3' });
    expect(doc.topology.vpcEndpoints).toEqual([{ id: gwe, vpcId: vpc, type: 'gateway', service: 's3' }]);
    const ife = create({
      kind: 'vpcEndpoint',
      vpcId: vpc,
      type: 'interface',
      service: 'com.amazonaws.us-east-1.sqs',
      position: { x: 7, y: 8 },
    });
    expect(doc.topology.vpcEndpoints?.[1]).toEqual({
      id: ife,
      vpcId: vpc,
      type: 'interface',
      service: 'com.amazonaws.us-east-1.sqs',
      subnetIds: [subA],
      securityGroupIds: [sg],
    });
    // The endpoint's interface is drawn in its subnet under `<endpoint>/<subnet>`.
    expect(doc.layout?.[`${ife}/${subA}`]).toEqual({ x: 7, y: 8 });

    const pl = create({ kind: 'prefixList' });
    expect(doc.topology.prefixLists).toEqual([{ id: pl, cidrs: ['198.51.100.0/24'] }]);
    const host = create({ kind: 'externalHost' });
    expect(doc.topology.externalHosts?.[0]).toEqual({ id: host, ip: '203.0.113.10' });

    const eni = create({ kind: 'networkInterface', subnetId: subA });
    const used = new Set([
      ...doc.topology.instances!.map((i) => i.privateIp),
      ...doc.topology.natGateways!.map((n) => n.privateIp),
    ]);
    const eniIp = doc.topology.networkInterfaces?.find((n) => n.id === eni)?.privateIp;
    expect(used.has(eniIp!)).toBe(false);
  });

  it('creates the default security group for an instance when the VPC has none', () => {
    const doc: Document = {
      format: 'vpcsim/1',
      topology: {
        vpcs: [{ id: 'v', cidrBlocks: ['10.5.0.0/16'] }],
        subnets: [{ id: 's', vpcId: 'v', availabilityZone: 'us-east-1a', cidrBlock: '10.5.1.0/24' }],
      },
    };
    const outcome = createResource(doc, { kind: 'instance', subnetId: 's' });
    expect(outcome.ok).toBe(true);
    expect(doc.topology.securityGroups).toHaveLength(1);
    expect(doc.topology.instances?.[0]?.securityGroupIds).toEqual([doc.topology.securityGroups?.[0]?.id]);
    expectLoadable(doc, new Set());
  });

  it('prefers the group named default over the first group', () => {
    const doc: Document = {
      format: 'vpcsim/1',
      topology: {
        vpcs: [{ id: 'v', cidrBlocks: ['10.5.0.0/16'] }],
        subnets: [{ id: 's', vpcId: 'v', availabilityZone: 'us-east-1a', cidrBlock: '10.5.1.0/24' }],
        securityGroups: [
          { id: 'sg-web', vpcId: 'v' },
          { id: 'sg-d', name: 'default', vpcId: 'v' },
        ],
      },
    };
    createResource(doc, { kind: 'instance', subnetId: 's' });
    expect(doc.topology.instances?.[0]?.securityGroupIds).toEqual(['sg-d']);
  });

  it('adds the ::/0 outbound rule to groups of an IPv6 VPC', () => {
    const doc: Document = {
      format: 'vpcsim/1',
      topology: { vpcs: [{ id: 'v', cidrBlocks: ['10.5.0.0/16'], ipv6CidrBlocks: ['2600:1f18:1::/56'] }] },
    };
    createResource(doc, { kind: 'securityGroup', vpcId: 'v' });
    expect(doc.topology.securityGroups?.[0]?.outbound).toEqual([
      { protocol: 'all', destination: '0.0.0.0/0' },
      { protocol: 'all', destination: '::/0' },
    ]);
  });

  it('does not associate an attachment when the gateway disables the defaults', () => {
    const doc: Document = {
      format: 'vpcsim/1',
      topology: {
        vpcs: [{ id: 'v', cidrBlocks: ['10.5.0.0/16'] }],
        subnets: [{ id: 's', vpcId: 'v', availabilityZone: 'us-east-1a', cidrBlock: '10.5.1.0/24' }],
        transitGateways: [
          {
            id: 'tgw',
            defaultRouteTableAssociation: false,
            defaultRouteTablePropagation: true,
            associationDefaultRouteTableId: 'rt',
            propagationDefaultRouteTableId: 'rt',
          },
        ],
        transitGatewayRouteTables: [
          { id: 'rt', transitGatewayId: 'tgw', associations: [], propagations: [], routes: [] },
        ],
      },
    };
    const outcome = createResource(doc, { kind: 'transitGatewayAttachment', transitGatewayId: 'tgw', vpcId: 'v' });
    expect(outcome.ok).toBe(true);
    const rt = doc.topology.transitGatewayRouteTables![0]!;
    expect(rt.associations).toEqual([]);
    expect(rt.propagations).toEqual([outcome.ok ? outcome.id : '']);
  });
});

describe('refusals', () => {
  const base = (): Document => ({
    format: 'vpcsim/1',
    topology: {
      vpcs: [
        { id: 'v1', cidrBlocks: ['10.0.0.0/16'] },
        { id: 'v2', cidrBlocks: ['10.0.128.0/17'] },
        { id: 'v3', region: 'eu-west-1', cidrBlocks: ['10.9.0.0/28'] },
      ],
      subnets: [
        { id: 's6', vpcId: 'v1', availabilityZone: 'us-east-1a', ipv6CidrBlock: '2600:1f18:1:1::/64' },
        { id: 's4', vpcId: 'v1', availabilityZone: 'us-east-1b', cidrBlock: '10.0.1.0/24' },
        { id: 'full', vpcId: 'v3', availabilityZone: 'eu-west-1a', cidrBlock: '10.9.0.0/28' },
      ],
      internetGateways: [{ id: 'igw', vpcId: 'v1' }],
      egressOnlyInternetGateways: [{ id: 'eigw', vpcId: 'v1' }],
      transitGateways: [{ id: 'tgw' }],
      transitGatewayAttachments: [
        { id: 'att', transitGatewayId: 'tgw', type: 'vpc', vpcId: 'v3', subnetIds: ['full'] },
      ],
    },
  });

  it.each<[string, CreateRequest, string]>([
    ['missing VPC', { kind: 'subnet', vpcId: 'nope', availabilityZone: 'us-east-1a' }, 'does not exist'],
    ['wrong kind of container', { kind: 'instance', subnetId: 'v1' }, 'not a subnet'],
    ['zone of another region', { kind: 'subnet', vpcId: 'v1', availabilityZone: 'eu-west-1a' }, 'not in region'],
    ['no free /24', { kind: 'subnet', vpcId: 'v3', availabilityZone: 'eu-west-1b' }, 'full'],
    ['IPv6-only subnet', { kind: 'instance', subnetId: 's6' }, 'IPv6-only'],
    ['NAT in an IPv6-only subnet', { kind: 'natGateway', subnetId: 's6' }, 'IPv6-only'],
    ['second internet gateway', { kind: 'internetGateway', vpcId: 'v1' }, 'already'],
    ['second egress-only gateway', { kind: 'egressOnlyInternetGateway', vpcId: 'v1' }, 'already'],
    ['self peering', { kind: 'vpcPeeringConnection', requesterVpcId: 'v1', accepterVpcId: 'v1' }, 'itself'],
    ['overlapping peering', { kind: 'vpcPeeringConnection', requesterVpcId: 'v1', accepterVpcId: 'v2' }, 'overlap'],
    [
      'attachment without IPv4 subnet',
      { kind: 'transitGatewayAttachment', transitGatewayId: 'tgw', vpcId: 'v2' },
      'IPv4',
    ],
    ['attachment twice', { kind: 'transitGatewayAttachment', transitGatewayId: 'tgw', vpcId: 'v3' }, 'already'],
    [
      'attachment to a VPC of another region',
      { kind: 'transitGatewayAttachment', transitGatewayId: 'tgw', vpcId: 'v1' },
      'regional',
    ],
    [
      'gateway endpoint for another service',
      { kind: 'vpcEndpoint', vpcId: 'v1', type: 'gateway', service: 'sqs' },
      'gateway',
    ],
    ['bad region', { kind: 'vpc', region: 'mars' }, 'region'],
  ])('%s', (_what, request, keyword) => {
    const doc = base();
    const reason = checkCreate(doc, request);
    expect(reason).toBeDefined();
    expect(reason).toContain(keyword);
    const outcome = createResource(doc, request);
    expect(outcome).toEqual({ ok: false, reason });
    expect(doc).toEqual(base());
  });

  it('refuses an instance in a full subnet', () => {
    const doc = base();
    // A /28 has 11 usable addresses; the attachment's interface takes one.
    for (let n = 0; n < 10; n++) expect(createResource(doc, { kind: 'instance', subnetId: 'full' }).ok).toBe(true);
    expect(checkCreate(doc, { kind: 'instance', subnetId: 'full' })).toContain('full');
    expectLoadable(doc, errorKeys(base()));
  });

  it('allows an egress-only gateway in a VPC without IPv6, as AWS does', () => {
    expect(checkCreate(base(), { kind: 'egressOnlyInternetGateway', vpcId: 'v2' })).toBeUndefined();
  });

  it('refuses a new VPC when 10.0.0.0/8 is used up', () => {
    const doc: Document = { format: 'vpcsim/1', topology: { vpcs: [] } };
    for (let n = 0; n < 256; n++) doc.topology.vpcs!.push({ id: `v${n}`, cidrBlocks: [`10.${n}.0.0/16`] });
    expect(checkCreate(doc, { kind: 'vpc' })).toBeDefined();
  });
});
