/**
 * Document builders for the model tests: a minimal valid document, the semantics.md fixtures F1 and
 * F4, and a document that uses every resource kind. Each call returns a fresh object to mutate.
 */
import { expect } from 'vitest';
import { loadDocument, type Diagnostic, type Document, type Topology } from '../../../src/model/index.ts';

/** The smallest valid document: one VPC, one subnet, one instance with one security group. */
export function minimalDocument(): Document {
  return {
    format: 'vpcsim/1',
    topology: {
      vpcs: [{ id: 'vpc-a', cidrBlocks: ['10.0.0.0/16'] }],
      subnets: [{ id: 'sn-a', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' }],
      securityGroups: [{ id: 'sg-a', vpcId: 'vpc-a' }],
      instances: [{ id: 'i-a', subnetId: 'sn-a', privateIp: '10.0.1.10', securityGroupIds: ['sg-a'] }],
    },
  };
}

const local = (destination: string) => ({ destination, target: 'local' });
const allowAll = (ruleNumber: number, cidr: string) => ({
  ruleNumber,
  protocol: 'all',
  cidr,
  action: 'allow' as const,
});

/** semantics.md F1: one VPC with public and private tiers, a NAT gateway and an internet gateway. */
export function f1(): Document {
  return {
    format: 'vpcsim/1',
    meta: { title: 'F1', tags: ['fixture'] },
    topology: {
      vpcs: [{ id: 'vpc-a', region: 'us-east-1', cidrBlocks: ['10.0.0.0/16'] }],
      subnets: [
        { id: 'sn-pub-a', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' },
        { id: 'sn-app-a', vpcId: 'vpc-a', availabilityZone: 'us-east-1a', cidrBlock: '10.0.2.0/24' },
        { id: 'sn-app-b', vpcId: 'vpc-a', availabilityZone: 'us-east-1b', cidrBlock: '10.0.3.0/24' },
        { id: 'sn-db-b', vpcId: 'vpc-a', availabilityZone: 'us-east-1b', cidrBlock: '10.0.4.0/24' },
      ],
      routeTables: [
        { id: 'rtb-main', vpcId: 'vpc-a', main: true, routes: [local('10.0.0.0/16')] },
        {
          id: 'rtb-pub',
          vpcId: 'vpc-a',
          subnetIds: ['sn-pub-a'],
          routes: [local('10.0.0.0/16'), { destination: '0.0.0.0/0', target: 'igw-a' }],
        },
        {
          id: 'rtb-priv',
          vpcId: 'vpc-a',
          subnetIds: ['sn-app-a', 'sn-app-b', 'sn-db-b'],
          routes: [local('10.0.0.0/16'), { destination: '0.0.0.0/0', target: 'nat-a' }],
        },
      ],
      networkAcls: [
        {
          id: 'acl-def',
          vpcId: 'vpc-a',
          default: true,
          inbound: [allowAll(100, '0.0.0.0/0')],
          outbound: [allowAll(100, '0.0.0.0/0')],
        },
      ],
      securityGroups: [
        { id: 'sg-web', vpcId: 'vpc-a', inbound: [{ protocol: 'tcp', ports: '443', source: '0.0.0.0/0' }] },
        { id: 'sg-app', vpcId: 'vpc-a', inbound: [{ protocol: 'tcp', ports: '443', source: 'sg-web' }] },
        { id: 'sg-db', vpcId: 'vpc-a', inbound: [{ protocol: 'tcp', ports: '5432', source: 'sg-app' }] },
      ],
      instances: [
        {
          id: 'web',
          subnetId: 'sn-pub-a',
          privateIp: '10.0.1.10',
          publicIp: '54.1.1.10',
          securityGroupIds: ['sg-web'],
        },
        { id: 'app1', subnetId: 'sn-app-a', privateIp: '10.0.2.10', securityGroupIds: ['sg-app'] },
        { id: 'app2', subnetId: 'sn-app-a', privateIp: '10.0.2.11', securityGroupIds: ['sg-app'] },
        { id: 'db', subnetId: 'sn-db-b', privateIp: '10.0.4.10', securityGroupIds: ['sg-db'] },
      ],
      internetGateways: [{ id: 'igw-a', vpcId: 'vpc-a' }],
      natGateways: [{ id: 'nat-a', subnetId: 'sn-pub-a', privateIp: '10.0.1.5', publicIp: '3.3.3.3' }],
    },
    checks: [
      {
        name: 'web reaches the internet',
        from: 'web',
        to: 'internet',
        protocol: 'tcp',
        port: 443,
        expect: 'REACHABLE',
      },
    ],
  };
}

/** semantics.md F4: a dual-stack VPC with an egress-only and an internet gateway. */
export function f4(): Document {
  return {
    format: 'vpcsim/1',
    topology: {
      vpcs: [{ id: 'vpc-6', cidrBlocks: ['10.6.0.0/16'], ipv6CidrBlocks: ['2600:1f18:6:600::/56'] }],
      subnets: [
        {
          id: 'sn-6a',
          vpcId: 'vpc-6',
          availabilityZone: 'us-east-1a',
          cidrBlock: '10.6.1.0/24',
          ipv6CidrBlock: '2600:1f18:6:601::/64',
        },
      ],
      routeTables: [
        {
          id: 'rtb-6',
          vpcId: 'vpc-6',
          main: true,
          routes: [
            local('10.6.0.0/16'),
            local('2600:1f18:6:600::/56'),
            { destination: '::/0', target: 'eigw-6' },
            { destination: '0.0.0.0/0', target: 'igw-6' },
          ],
        },
      ],
      networkAcls: [
        {
          id: 'acl-6',
          vpcId: 'vpc-6',
          default: true,
          inbound: [allowAll(100, '0.0.0.0/0'), allowAll(101, '::/0')],
          outbound: [allowAll(100, '0.0.0.0/0'), allowAll(101, '::/0')],
        },
      ],
      securityGroups: [
        {
          id: 'sg-6',
          vpcId: 'vpc-6',
          inbound: [{ protocol: 'tcp', ports: '443', source: '::/0' }],
          outbound: [
            { protocol: 'all', destination: '0.0.0.0/0' },
            { protocol: 'all', destination: '::/0' },
          ],
        },
      ],
      instances: [
        {
          id: 'v6',
          subnetId: 'sn-6a',
          privateIp: '10.6.1.10',
          ipv6Addresses: ['2600:1f18:6:601::10'],
          securityGroupIds: ['sg-6'],
        },
      ],
      internetGateways: [{ id: 'igw-6', vpcId: 'vpc-6' }],
      egressOnlyInternetGateways: [{ id: 'eigw-6', vpcId: 'vpc-6' }],
    },
  };
}

/** F1 plus F2's peering, a transit gateway, an endpoint, prefix lists, hosts, layout, checks and exam data. */
export function fullDocument(): Document {
  const doc = f1();
  const t = doc.topology;
  t.vpcs!.push({ id: 'vpc-b', name: 'Peer', region: 'us-east-1', cidrBlocks: ['10.1.0.0/16'] });
  t.subnets!.push(
    {
      id: 'sn-b1',
      vpcId: 'vpc-b',
      availabilityZone: 'us-east-1a',
      cidrBlock: '10.1.1.0/24',
      mapPublicIpOnLaunch: false,
    },
    { id: 'sn-b-tgw', vpcId: 'vpc-b', availabilityZone: 'us-east-1a', cidrBlock: '10.1.255.0/28' },
  );
  t.routeTables!.push({
    id: 'rtb-b',
    vpcId: 'vpc-b',
    main: true,
    subnetIds: ['sn-b1', 'sn-b-tgw'],
    routes: [
      local('10.1.0.0/16'),
      { destination: '10.0.0.0/16', target: 'pcx-ab' },
      { destination: '192.168.0.0/16', target: 'tgw-1' },
      { destination: '172.31.0.0/24', target: 'vgw-1', propagated: true },
    ],
  });
  byId(t.routeTables, 'rtb-priv').routes.push({ destination: '10.1.0.0/16', target: 'pcx-ab' });
  byId(t.securityGroups, 'sg-web').inbound!.push({
    protocol: 'tcp',
    ports: '22',
    source: 'pl-corp',
    description: 'admin from the office',
  });
  t.securityGroups!.push({
    id: 'sg-peer',
    name: 'peer',
    vpcId: 'vpc-b',
    inbound: [
      { protocol: 'tcp', ports: '443', source: '10.0.0.0/16' },
      { protocol: 'icmp', icmpType: 8, icmpCode: -1, source: '10.0.0.0/16' },
    ],
    outbound: [{ protocol: 'all', destination: '0.0.0.0/0' }],
  });
  t.instances!.push({
    id: 'peer1',
    subnetId: 'sn-b1',
    privateIp: '10.1.1.10',
    secondaryPrivateIps: ['10.1.1.11'],
    securityGroupIds: ['sg-peer'],
    os: 'windows',
    state: 'running',
    primaryInterfaceId: 'eni-peer1',
    sourceDestCheck: true,
  });
  t.networkInterfaces = [
    {
      id: 'eni-fw',
      subnetId: 'sn-pub-a',
      instanceId: 'web',
      privateIp: '10.0.1.20',
      publicIp: '54.1.1.40',
      securityGroupIds: ['sg-web'],
      sourceDestCheck: false,
      sourceNat: true,
    },
  ];
  t.vpcPeeringConnections = [{ id: 'pcx-ab', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-b', status: 'active' }];
  t.transitGateways = [{ id: 'tgw-1', securityGroupReferencingSupport: false }];
  t.transitGatewayAttachments = [
    {
      id: 'att-b',
      transitGatewayId: 'tgw-1',
      type: 'vpc',
      vpcId: 'vpc-b',
      subnetIds: ['sn-b-tgw'],
      applianceMode: false,
    },
  ];
  t.transitGatewayRouteTables = [
    {
      id: 'tgw-rtb',
      transitGatewayId: 'tgw-1',
      associations: ['att-b'],
      propagations: ['att-b'],
      routes: [
        { destination: '0.0.0.0/0', attachmentId: 'att-b' },
        { destination: '10.99.0.0/16', blackhole: true },
      ],
    },
  ];
  t.vpcEndpoints = [
    {
      id: 'vpce-s3',
      vpcId: 'vpc-a',
      type: 'gateway',
      service: 's3',
      prefixListId: 'pl-s3',
      routeTableIds: ['rtb-priv'],
    },
  ];
  t.prefixLists = [{ id: 'pl-corp', name: 'office', cidrs: ['198.51.100.0/24'] }];
  t.externalHosts = [{ id: 'home-pc', ip: '203.0.113.50' }];
  doc.layout = { 'vpc-a': { x: 0, y: 0, width: 800, height: 600 }, web: { x: 40, y: 60 } };
  doc.checks!.push({
    name: 'app reaches the peer',
    from: 'app1',
    to: 'peer1',
    port: 443,
    family: 4,
    toAddress: 'private',
    oneWay: false,
    expect: 'BLOCKED',
    blockedAt: 'acl-def',
    code: 'SUBNET_ACL_RESTRICTION',
    direction: 'return',
  });
  doc.exam = { question: 'Which route is missing?', answers: [1, 2] };
  return doc;
}

/** The element with `id`, or a thrown error (a broken fixture, not a test outcome). */
export function byId<T extends { id: string }>(list: T[] | undefined, id: string): T {
  const found = list?.find((x) => x.id === id);
  if (!found) throw new Error(`fixture has no ${id}`);
  return found;
}

/** Builds a variant of a fixture: `mutate` edits a fresh copy of its topology. */
export function variant(base: () => Document, mutate: (t: Topology, doc: Document) => void): Document {
  const doc = base();
  mutate(doc.topology, doc);
  return doc;
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** The diagnostics carrying `code`. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** One row of a rule table: a document that breaks the rule, where it is reported, and a near twin that keeps it. */
export interface RuleCase {
  readonly name: string;
  readonly code: string;
  readonly severity?: 'error' | 'warning';
  readonly bad: () => Document;
  readonly resourceId: string;
  readonly path: string;
  readonly good: () => Document;
}

/** Loads `doc` (parse, then validate) and fails when parsing was fatal: rule rows must be readable documents. */
export function lint(doc: Document): Diagnostic[] {
  const r = loadDocument(doc);
  const fatal = r.diagnostics.filter((d) => d.severity === 'fatal');
  expect(fatal).toEqual([]);
  return r.diagnostics;
}

/** Asserts the failing document reports `code` where expected and the passing one does not report it. */
export function expectRule(row: RuleCase): void {
  expect(lint(row.bad())).toContainEqual(
    expect.objectContaining({
      code: row.code,
      severity: row.severity ?? 'error',
      resourceId: row.resourceId,
      path: row.path,
    }),
  );
  expect(codes(lint(row.good()))).not.toContain(row.code);
}
