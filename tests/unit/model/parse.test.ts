import { describe, expect, it } from 'vitest';
import { parseDocument, type Document } from '../../../src/model/index.ts';
import { byId, codes, f1, fullDocument, minimalDocument, variant, withCode } from './fixtures.ts';

/** A document as loose JSON, to put wrong values where the types would not allow them. */
type Loose = Record<string, unknown>;
function loose(doc: Document): Loose {
  return JSON.parse(JSON.stringify(doc)) as Loose;
}
function topo(doc: Loose): Record<string, Loose[]> {
  return doc['topology'] as Record<string, Loose[]>;
}
function at<T>(list: T[] | undefined, i: number): T {
  const x = list?.[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
}

describe('parseDocument: valid documents', () => {
  it.each([
    ['minimal', minimalDocument],
    ['F1', f1],
    ['every resource kind', fullDocument],
  ])('%s parses without diagnostics and deep-equals its input', (_name, build) => {
    const doc = build();
    const r = parseDocument(doc);
    expect(r.diagnostics).toEqual([]);
    expect(r.document).toEqual(doc);
  });

  it('reads JSON text, including a leading byte order mark', () => {
    const doc = f1();
    expect(parseDocument(JSON.stringify(doc)).document).toEqual(doc);
    expect(parseDocument(`\uFEFF${JSON.stringify(doc)}`).document).toEqual(doc);
  });

  it('returns a copy, never the input object', () => {
    const doc = f1();
    const r = parseDocument(doc);
    expect(r.document).not.toBe(doc);
    expect(r.document?.topology.vpcs).not.toBe(doc.topology.vpcs);
  });

  it('accepts an empty topology', () => {
    const r = parseDocument({ format: 'vpcsim/1', topology: {} });
    expect(r.diagnostics).toEqual([]);
    expect(r.document).toEqual({ format: 'vpcsim/1', topology: {} });
  });
});

describe('parseDocument: the document itself', () => {
  it('reports malformed JSON as CFG_JSON_SYNTAX with line and column', () => {
    const r = parseDocument('{\n  "format": "vpcsim/1",\n  "topology": { "vpcs": [ } \n}');
    expect(r.document).toBeUndefined();
    expect(codes(r.diagnostics)).toEqual(['CFG_JSON_SYNTAX']);
    expect(r.diagnostics[0]?.severity).toBe('fatal');
    expect(r.diagnostics[0]?.message).toContain('line 3, column 27');
  });

  it.each([
    ['an empty string', ''],
    ['a truncated object', '{"format": "vpcsim/1"'],
    ['a trailing comma', '{"format": "vpcsim/1",}'],
    ['single quotes', "{'format': 'vpcsim/1'}"],
    ['a comment', '// hi\n{}'],
  ])('reports %s as CFG_JSON_SYNTAX', (_name, text) => {
    expect(codes(parseDocument(text).diagnostics)).toEqual(['CFG_JSON_SYNTAX']);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a number', 42],
    ['a JSON array text', '[1, 2]'],
    ['a JSON string text', '"vpcsim/1"'],
    ['undefined', undefined],
    ['a Date', new Date(0)],
  ])('reports %s as a fatal CFG_FIELD_TYPE', (_name, input) => {
    const r = parseDocument(input);
    expect(r.document).toBeUndefined();
    expect(codes(r.diagnostics)).toEqual(['CFG_FIELD_TYPE']);
    expect(r.diagnostics[0]?.severity).toBe('fatal');
  });

  it.each([
    ['missing', { topology: {} }],
    ['another version', { format: 'vpcsim/2', topology: {} }],
    ['a number', { format: 1, topology: {} }],
  ])('reports a format that is %s as CFG_FORMAT_UNKNOWN', (_name, input) => {
    const r = parseDocument(input);
    expect(r.document).toBeUndefined();
    expect(codes(r.diagnostics)).toEqual(['CFG_FORMAT_UNKNOWN']);
    expect(r.diagnostics[0]?.severity).toBe('fatal');
  });

  it('names the unknown format value in the message', () => {
    expect(parseDocument({ format: 'vpcsim/9', topology: {} }).diagnostics[0]?.message).toContain('vpcsim/9');
  });

  it('requires topology', () => {
    const r = parseDocument({ format: 'vpcsim/1' });
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'CFG_FIELD_MISSING', path: 'topology', severity: 'fatal' }),
    ]);
  });
});

describe('parseDocument: fields', () => {
  type Case = [name: string, mutate: (d: Loose) => void, code: string, path: string];
  const cases: Case[] = [
    [
      'subnet without vpcId',
      (d) => delete at(topo(d)['subnets'], 0)['vpcId'],
      'CFG_FIELD_MISSING',
      'topology.subnets[0].vpcId',
    ],
    ['resource without id', (d) => delete at(topo(d)['vpcs'], 0)['id'], 'CFG_FIELD_MISSING', 'topology.vpcs[0].id'],
    [
      'route without target',
      (d) => delete at(at(topo(d)['routeTables'], 1)['routes'] as Loose[], 1)['target'],
      'CFG_FIELD_MISSING',
      'topology.routeTables[1].routes[1].target',
    ],
    [
      'NACL without outbound',
      (d) => delete at(topo(d)['networkAcls'], 0)['outbound'],
      'CFG_FIELD_MISSING',
      'topology.networkAcls[0].outbound',
    ],
    [
      'instance without securityGroupIds',
      (d) => delete at(topo(d)['instances'], 0)['securityGroupIds'],
      'CFG_FIELD_MISSING',
      'topology.instances[0].securityGroupIds',
    ],
    [
      'check without expect',
      (d) => delete at(d['checks'] as Loose[], 0)['expect'],
      'CFG_FIELD_MISSING',
      'checks[0].expect',
    ],
    ['id that is a number', (d) => (at(topo(d)['vpcs'], 0)['id'] = 7), 'CFG_FIELD_TYPE', 'topology.vpcs[0].id'],
    [
      'cidrBlocks that is a string',
      (d) => (at(topo(d)['vpcs'], 0)['cidrBlocks'] = '10.0.0.0/16'),
      'CFG_FIELD_TYPE',
      'topology.vpcs[0].cidrBlocks',
    ],
    [
      'topology array that is an object',
      (d) => (topo(d)['subnets'] = {} as Loose[]),
      'CFG_FIELD_TYPE',
      'topology.subnets',
    ],
    [
      'resource that is an array',
      (d) => (topo(d)['vpcs'] = [[]] as unknown as Loose[]),
      'CFG_FIELD_TYPE',
      'topology.vpcs[0]',
    ],
    [
      'resource that is null',
      (d) => (topo(d)['subnets'] = [null] as unknown as Loose[]),
      'CFG_FIELD_TYPE',
      'topology.subnets[0]',
    ],
    [
      'main that is a string',
      (d) => (at(topo(d)['routeTables'], 0)['main'] = 'yes'),
      'CFG_FIELD_TYPE',
      'topology.routeTables[0].main',
    ],
    [
      'ruleNumber that is a fraction',
      (d) => (at(at(topo(d)['networkAcls'], 0)['inbound'] as Loose[], 0)['ruleNumber'] = 1.5),
      'CFG_FIELD_TYPE',
      'topology.networkAcls[0].inbound[0].ruleNumber',
    ],
    [
      'ruleNumber that is a string',
      (d) => (at(at(topo(d)['networkAcls'], 0)['inbound'] as Loose[], 0)['ruleNumber'] = '100'),
      'CFG_FIELD_TYPE',
      'topology.networkAcls[0].inbound[0].ruleNumber',
    ],
    [
      'IGW vpcId that is a number',
      (d) => (at(topo(d)['internetGateways'], 0)['vpcId'] = 0),
      'CFG_FIELD_TYPE',
      'topology.internetGateways[0].vpcId',
    ],
    [
      'NAT connectivity foo',
      (d) => (at(topo(d)['natGateways'], 0)['connectivity'] = 'foo'),
      'CFG_FIELD_VALUE',
      'topology.natGateways[0].connectivity',
    ],
    [
      'NACL action permit',
      (d) => (at(at(topo(d)['networkAcls'], 0)['inbound'] as Loose[], 0)['action'] = 'permit'),
      'CFG_FIELD_VALUE',
      'topology.networkAcls[0].inbound[0].action',
    ],
    [
      'instance os beos',
      (d) => (at(topo(d)['instances'], 0)['os'] = 'beos'),
      'CFG_FIELD_VALUE',
      'topology.instances[0].os',
    ],
    ['empty id', (d) => (at(topo(d)['vpcs'], 0)['id'] = ''), 'CFG_FIELD_VALUE', 'topology.vpcs[0].id'],
    [
      'icmpType 256',
      (d) => (at(at(topo(d)['networkAcls'], 0)['inbound'] as Loose[], 0)['icmpType'] = 256),
      'CFG_FIELD_VALUE',
      'topology.networkAcls[0].inbound[0].icmpType',
    ],
    [
      'icmpCode -2',
      (d) => (at(at(topo(d)['securityGroups'], 0)['inbound'] as Loose[], 0)['icmpCode'] = -2),
      'CFG_FIELD_VALUE',
      'topology.securityGroups[0].inbound[0].icmpCode',
    ],
    [
      'IPv6 block in cidrBlocks',
      (d) => (at(topo(d)['vpcs'], 0)['cidrBlocks'] = ['2600::/56']),
      'CFG_FIELD_VALUE',
      'topology.vpcs[0].cidrBlocks[0]',
    ],
    [
      'IPv4 privateIp given as IPv6',
      (d) => (at(topo(d)['instances'], 0)['privateIp'] = '2600::1'),
      'CFG_FIELD_VALUE',
      'topology.instances[0].privateIp',
    ],
    [
      'check expect YES',
      (d) => (at(d['checks'] as Loose[], 0)['expect'] = 'YES'),
      'CFG_FIELD_VALUE',
      'checks[0].expect',
    ],
    ['check port 70000', (d) => (at(d['checks'] as Loose[], 0)['port'] = 70000), 'CFG_FIELD_VALUE', 'checks[0].port'],
    ['check port "443"', (d) => (at(d['checks'] as Loose[], 0)['port'] = '443'), 'CFG_FIELD_TYPE', 'checks[0].port'],
    ['check family 5', (d) => (at(d['checks'] as Loose[], 0)['family'] = 5), 'CFG_FIELD_VALUE', 'checks[0].family'],
    ['check family "4"', (d) => (at(d['checks'] as Loose[], 0)['family'] = '4'), 'CFG_FIELD_TYPE', 'checks[0].family'],
    [
      'check direction sideways',
      (d) => (at(d['checks'] as Loose[], 0)['direction'] = 'sideways'),
      'CFG_FIELD_VALUE',
      'checks[0].direction',
    ],
    [
      'check protocol ftp',
      (d) => (at(d['checks'] as Loose[], 0)['protocol'] = 'ftp'),
      'CFG_PROTOCOL',
      'checks[0].protocol',
    ],
    ['checks that is an object', (d) => (d['checks'] = {}), 'CFG_FIELD_TYPE', 'checks'],
    ['meta tags that are a string', (d) => (d['meta'] = { tags: 'nat' }), 'CFG_FIELD_TYPE', 'meta.tags'],
    ['layout that is an array', (d) => (d['layout'] = []), 'CFG_FIELD_TYPE', 'layout'],
    ['layout entry without y', (d) => (d['layout'] = { web: { x: 1 } }), 'CFG_FIELD_MISSING', 'layout["web"].y'],
    [
      'layout x that is a string',
      (d) => (d['layout'] = { web: { x: '1', y: 2 } }),
      'CFG_FIELD_TYPE',
      'layout["web"].x',
    ],
    [
      'protocol TCP',
      (d) => (at(at(topo(d)['networkAcls'], 0)['inbound'] as Loose[], 0)['protocol'] = 'TCP'),
      'CFG_PROTOCOL',
      'topology.networkAcls[0].inbound[0].protocol',
    ],
    [
      'protocol 256',
      (d) => (at(at(topo(d)['securityGroups'], 0)['inbound'] as Loose[], 0)['protocol'] = '256'),
      'CFG_PROTOCOL',
      'topology.securityGroups[0].inbound[0].protocol',
    ],
    [
      'protocol -1',
      (d) => (at(at(topo(d)['securityGroups'], 0)['inbound'] as Loose[], 0)['protocol'] = '-1'),
      'CFG_PROTOCOL',
      'topology.securityGroups[0].inbound[0].protocol',
    ],
    [
      'protocol as a number',
      (d) => (at(at(topo(d)['securityGroups'], 0)['inbound'] as Loose[], 0)['protocol'] = 6),
      'CFG_FIELD_TYPE',
      'topology.securityGroups[0].inbound[0].protocol',
    ],
    [
      'ports 443-80',
      (d) => (at(at(topo(d)['securityGroups'], 0)['inbound'] as Loose[], 0)['ports'] = '443-80'),
      'CFG_PORT_RANGE',
      'topology.securityGroups[0].inbound[0].ports',
    ],
    [
      'ports 70000',
      (d) => (at(at(topo(d)['securityGroups'], 0)['inbound'] as Loose[], 0)['ports'] = '70000'),
      'CFG_PORT_RANGE',
      'topology.securityGroups[0].inbound[0].ports',
    ],
    [
      'ports any',
      (d) => (at(at(topo(d)['securityGroups'], 0)['inbound'] as Loose[], 0)['ports'] = 'any'),
      'CFG_PORT_RANGE',
      'topology.securityGroups[0].inbound[0].ports',
    ],
  ];

  it.each(cases.map(([name, mutate, code, path]) => ({ name, mutate, code, path })))(
    '$name is fatal $code',
    ({ mutate, code, path }) => {
      const d = loose(f1());
      mutate(d);
      const r = parseDocument(d);
      expect(r.document).toBeUndefined();
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ code, path, severity: 'fatal' }));
    },
  );

  it('names the resource and path of a field problem', () => {
    const d = loose(f1());
    at(topo(d)['subnets'], 2)['cidrBlock'] = '10.0.0.0/33';
    const [diag] = parseDocument(d).diagnostics;
    expect(diag).toMatchObject({
      code: 'CFG_CIDR_SYNTAX',
      severity: 'fatal',
      resourceId: 'sn-app-b',
      path: 'topology.subnets[2].cidrBlock',
    });
    expect(diag?.message).toContain('10.0.0.0/33');
  });

  it('reports unknown fields as warnings and still returns the document without them', () => {
    const d = loose(f1());
    d['colour'] = 'blue';
    at(topo(d)['vpcs'], 0)['tenancy'] = 'default';
    topo(d)['loadBalancers'] = [];
    const r = parseDocument(d);
    expect(r.diagnostics.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['CFG_UNKNOWN_FIELD', 'warning', 'topology.vpcs[0].tenancy'],
      ['CFG_UNKNOWN_FIELD', 'warning', 'topology.loadBalancers'],
      ['CFG_UNKNOWN_FIELD', 'warning', 'colour'],
    ]);
    expect(r.document).toEqual(f1());
  });

  it('treats an undefined optional field as absent', () => {
    const doc = f1();
    const r = parseDocument({ ...doc, meta: undefined });
    expect(r.diagnostics).toEqual([]);
    expect(r.document).not.toHaveProperty('meta');
  });

  it('requires vpcId on a vpc attachment and the peer on a peering attachment', () => {
    const doc = variant(fullDocument, (t) => {
      delete at(t.transitGatewayAttachments, 0).vpcId;
      t.transitGatewayAttachments!.push({ id: 'att-p', transitGatewayId: 'tgw-1', type: 'peering' });
    });
    const r = parseDocument(doc);
    expect(r.diagnostics.map((x) => [x.code, x.path])).toEqual([
      ['CFG_FIELD_MISSING', 'topology.transitGatewayAttachments[0].vpcId'],
      ['CFG_FIELD_MISSING', 'topology.transitGatewayAttachments[1].peerTransitGatewayId'],
    ]);
  });

  it('requires a transit gateway route to name an attachment or be a blackhole, not both', () => {
    const missing = variant(fullDocument, (t) => {
      at(t.transitGatewayRouteTables, 0).routes.push({ destination: '10.50.0.0/16' });
    });
    expect(codes(parseDocument(missing).diagnostics)).toEqual(['CFG_FIELD_MISSING']);
    const both = variant(fullDocument, (t) => {
      at(t.transitGatewayRouteTables, 0).routes.push({
        destination: '10.50.0.0/16',
        attachmentId: 'att-b',
        blackhole: true,
      });
    });
    expect(codes(parseDocument(both).diagnostics)).toEqual(['CFG_FIELD_VALUE']);
  });

  it('reports every problem of a document, in document order', () => {
    const d = loose(f1());
    at(topo(d)['vpcs'], 0)['cidrBlocks'] = ['10.0.0.0/99'];
    at(topo(d)['subnets'], 1)['vpcId'] = 'vpc-nope';
    at(topo(d)['instances'], 3)['privateIp'] = '10.0.4.999';
    d['checks'] = [{ name: 1 }];
    const r = parseDocument(d);
    expect(r.diagnostics.map((x) => [x.code, x.path])).toEqual([
      ['CFG_CIDR_SYNTAX', 'topology.vpcs[0].cidrBlocks[0]'],
      ['CFG_DANGLING_REFERENCE', 'topology.subnets[1].vpcId'],
      ['CFG_IP_SYNTAX', 'topology.instances[3].privateIp'],
      ['CFG_FIELD_TYPE', 'checks[0].name'],
      ['CFG_FIELD_MISSING', 'checks[0].from'],
      ['CFG_FIELD_MISSING', 'checks[0].to'],
      ['CFG_FIELD_MISSING', 'checks[0].expect'],
    ]);
  });
});

describe('parseDocument: ids and references', () => {
  it.each([
    [
      'two VPCs',
      (t: Loose) => ((t['vpcs'] as Loose[]).push({ id: 'vpc-a', cidrBlocks: ['10.9.0.0/16'] }), 'topology.vpcs[1].id'),
    ],
    [
      'a subnet and an instance',
      (t: Loose) => ((at(t['instances'] as Loose[], 0)['id'] = 'sn-pub-a'), 'topology.instances[0].id'),
    ],
    [
      'an interface and an implicit primary interface',
      (t: Loose) => (
        (t['networkInterfaces'] = [
          { id: 'web/eth0', subnetId: 'sn-pub-a', privateIp: '10.0.1.30', securityGroupIds: ['sg-web'] },
        ]),
        'topology.networkInterfaces[0].id'
      ),
    ],
    [
      'a primary interface id and a route table',
      (t: Loose) => (
        (at(t['instances'] as Loose[], 0)['primaryInterfaceId'] = 'rtb-main'),
        'topology.instances[0].primaryInterfaceId'
      ),
    ],
  ])('a duplicated id across %s is fatal CFG_DUPLICATE_ID', (_name, mutate) => {
    const d = loose(f1());
    const path = mutate(d['topology'] as Loose);
    const r = parseDocument(d);
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'CFG_DUPLICATE_ID', path, severity: 'fatal' }),
    );
  });

  type RefCase = [name: string, mutate: (t: Loose) => void, path: string];
  const dangling: RefCase[] = [
    ['subnet vpcId', (t) => (at(t['subnets'] as Loose[], 0)['vpcId'] = 'vpc-x'), 'topology.subnets[0].vpcId'],
    [
      'route table vpcId',
      (t) => (at(t['routeTables'] as Loose[], 0)['vpcId'] = 'vpc-x'),
      'topology.routeTables[0].vpcId',
    ],
    ['NACL vpcId', (t) => (at(t['networkAcls'] as Loose[], 0)['vpcId'] = 'vpc-x'), 'topology.networkAcls[0].vpcId'],
    ['SG vpcId', (t) => (at(t['securityGroups'] as Loose[], 0)['vpcId'] = 'vpc-x'), 'topology.securityGroups[0].vpcId'],
    [
      'IGW vpcId',
      (t) => (at(t['internetGateways'] as Loose[], 0)['vpcId'] = 'vpc-x'),
      'topology.internetGateways[0].vpcId',
    ],
    [
      'instance subnetId',
      (t) => (at(t['instances'] as Loose[], 0)['subnetId'] = 'sn-x'),
      'topology.instances[0].subnetId',
    ],
    [
      'instance security group',
      (t) => (at(t['instances'] as Loose[], 0)['securityGroupIds'] = ['sg-x']),
      'topology.instances[0].securityGroupIds[0]',
    ],
    [
      'route table subnet',
      (t) => (at(t['routeTables'] as Loose[], 1)['subnetIds'] = ['sn-x']),
      'topology.routeTables[1].subnetIds[0]',
    ],
    [
      'route table gateway',
      (t) => (at(t['routeTables'] as Loose[], 1)['gatewayIds'] = ['igw-x']),
      'topology.routeTables[1].gatewayIds[0]',
    ],
    [
      'NACL subnet',
      (t) => (at(t['networkAcls'] as Loose[], 0)['subnetIds'] = ['sn-x']),
      'topology.networkAcls[0].subnetIds[0]',
    ],
    [
      'NAT subnet',
      (t) => (at(t['natGateways'] as Loose[], 0)['subnetId'] = 'sn-x'),
      'topology.natGateways[0].subnetId',
    ],
    [
      'a reference of the wrong kind',
      (t) => (at(t['subnets'] as Loose[], 0)['vpcId'] = 'igw-a'),
      'topology.subnets[0].vpcId',
    ],
    [
      'route to an undefined prefix list',
      (t) =>
        (at(t['routeTables'] as Loose[], 1)['routes'] as Loose[]).push({ destination: 'pl-nope', target: 'igw-a' }),
      'topology.routeTables[1].routes[2].destination',
    ],
    [
      'SG peer naming an undefined prefix list',
      (t) => (at(t['securityGroups'] as Loose[], 0)['inbound'] = [{ protocol: 'tcp', ports: '22', source: 'pl-nope' }]),
      'topology.securityGroups[0].inbound[0].source',
    ],
    [
      'SG peer naming a subnet',
      (t) =>
        (at(t['securityGroups'] as Loose[], 0)['inbound'] = [{ protocol: 'tcp', ports: '22', source: 'sn-pub-a' }]),
      'topology.securityGroups[0].inbound[0].source',
    ],
  ];
  it.each(dangling)('a dangling %s is fatal CFG_DANGLING_REFERENCE', (_name, mutate, path) => {
    const d = loose(f1());
    mutate(d['topology'] as Loose);
    const r = parseDocument(d);
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'CFG_DANGLING_REFERENCE', path, severity: 'fatal' }),
    );
  });

  const fullDangling: RefCase[] = [
    [
      'network interface instanceId',
      (t) => (at(t['networkInterfaces'] as Loose[], 0)['instanceId'] = 'i-x'),
      'topology.networkInterfaces[0].instanceId',
    ],
    [
      'peering accepter',
      (t) => (at(t['vpcPeeringConnections'] as Loose[], 0)['accepterVpcId'] = 'vpc-x'),
      'topology.vpcPeeringConnections[0].accepterVpcId',
    ],
    [
      'attachment transit gateway',
      (t) => (at(t['transitGatewayAttachments'] as Loose[], 0)['transitGatewayId'] = 'tgw-x'),
      'topology.transitGatewayAttachments[0].transitGatewayId',
    ],
    [
      'attachment subnet',
      (t) => (at(t['transitGatewayAttachments'] as Loose[], 0)['subnetIds'] = ['sn-x']),
      'topology.transitGatewayAttachments[0].subnetIds[0]',
    ],
    [
      'TGW route table association',
      (t) => (at(t['transitGatewayRouteTables'] as Loose[], 0)['associations'] = ['att-x']),
      'topology.transitGatewayRouteTables[0].associations[0]',
    ],
    [
      'TGW route attachment',
      (t) => (at(at(t['transitGatewayRouteTables'] as Loose[], 0)['routes'] as Loose[], 0)['attachmentId'] = 'att-x'),
      'topology.transitGatewayRouteTables[0].routes[0].attachmentId',
    ],
    [
      'endpoint route table',
      (t) => (at(t['vpcEndpoints'] as Loose[], 0)['routeTableIds'] = ['rtb-x']),
      'topology.vpcEndpoints[0].routeTableIds[0]',
    ],
    [
      'endpoint prefix list',
      (t) => (at(t['vpcEndpoints'] as Loose[], 0)['prefixListId'] = 'pl-x'),
      'topology.vpcEndpoints[0].prefixListId',
    ],
    [
      'endpoint vpcId',
      (t) => (at(t['vpcEndpoints'] as Loose[], 0)['vpcId'] = 'vpc-x'),
      'topology.vpcEndpoints[0].vpcId',
    ],
  ];
  it.each(fullDangling)('a dangling %s is fatal CFG_DANGLING_REFERENCE', (_name, mutate, path) => {
    const d = loose(fullDocument());
    mutate(d['topology'] as Loose);
    const r = parseDocument(d);
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'CFG_DANGLING_REFERENCE', path, severity: 'fatal' }),
    );
  });

  it('accepts a route target that names nothing (a blackhole route)', () => {
    const doc = variant(f1, (t) =>
      byId(t.routeTables, 'rtb-priv').routes.push({ destination: '10.8.0.0/16', target: 'pcx-gone' }),
    );
    const r = parseDocument(doc);
    expect(r.diagnostics).toEqual([]);
    expect(r.document).toEqual(doc);
  });

  it('accepts a detached internet gateway (vpcId null)', () => {
    const doc = variant(f1, (t) => t.internetGateways!.push({ id: 'igw-spare', vpcId: null }));
    expect(parseDocument(doc).diagnostics).toEqual([]);
  });

  it('accepts the built-in prefix lists and defined ones as destinations and peers', () => {
    const doc = variant(fullDocument, (t) => {
      byId(t.routeTables, 'rtb-priv').routes.push({ destination: 'pl-dynamodb', target: 'vpce-s3' });
      byId(t.securityGroups, 'sg-app').outbound = [{ protocol: 'tcp', ports: '443', destination: 'pl-s3' }];
    });
    expect(parseDocument(doc).diagnostics).toEqual([]);
  });

  it('warns about a security group rule naming a group that does not exist (stale) and keeps the document', () => {
    const doc = variant(f1, (t) => {
      byId(t.securityGroups, 'sg-db').inbound = [{ protocol: 'tcp', ports: '5432', source: 'sg-deleted' }];
    });
    const r = parseDocument(doc);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'CFG_SG_RULE_STALE_REFERENCE',
        severity: 'warning',
        resourceId: 'sg-db',
        path: 'topology.securityGroups[2].inbound[0].source',
      }),
    ]);
    expect(r.document).toEqual(doc);
  });

  it('accepts a security group of another VPC as a peer (a peering reference)', () => {
    const doc = variant(fullDocument, (t) => {
      byId(t.securityGroups, 'sg-peer').inbound!.push({ protocol: 'tcp', ports: '443', source: 'sg-app' });
    });
    expect(parseDocument(doc).diagnostics).toEqual([]);
  });
});

describe('parseDocument: CIDR and IP text', () => {
  type Case = [name: string, mutate: (t: Loose) => void, code: string, path: string];
  const cases: Case[] = [
    [
      'VPC block /33',
      (t) => (at(t['vpcs'] as Loose[], 0)['cidrBlocks'] = ['10.0.0.0/33']),
      'CFG_CIDR_SYNTAX',
      'topology.vpcs[0].cidrBlocks[0]',
    ],
    [
      'subnet block without prefix',
      (t) => (at(t['subnets'] as Loose[], 0)['cidrBlock'] = '10.0.1.0'),
      'CFG_CIDR_SYNTAX',
      'topology.subnets[0].cidrBlock',
    ],
    [
      'route destination 10.0.0/8',
      (t) =>
        (at(t['routeTables'] as Loose[], 1)['routes'] as Loose[]).push({ destination: '10.0.0/8', target: 'igw-a' }),
      'CFG_CIDR_SYNTAX',
      'topology.routeTables[1].routes[2].destination',
    ],
    [
      'NACL cidr of words',
      (t) => (at(at(t['networkAcls'] as Loose[], 0)['inbound'] as Loose[], 0)['cidr'] = 'anywhere'),
      'CFG_CIDR_SYNTAX',
      'topology.networkAcls[0].inbound[0].cidr',
    ],
    [
      'NACL cidr 300.0.0.0/8',
      (t) => (at(at(t['networkAcls'] as Loose[], 0)['inbound'] as Loose[], 0)['cidr'] = '300.0.0.0/8'),
      'CFG_CIDR_SYNTAX',
      'topology.networkAcls[0].inbound[0].cidr',
    ],
    [
      'SG peer 1.2.3.4/40',
      (t) => (at(at(t['securityGroups'] as Loose[], 0)['inbound'] as Loose[], 0)['source'] = '1.2.3.4/40'),
      'CFG_CIDR_SYNTAX',
      'topology.securityGroups[0].inbound[0].source',
    ],
    [
      'IPv6 block /129',
      (t) => (at(t['vpcs'] as Loose[], 0)['ipv6CidrBlocks'] = ['2600::/129']),
      'CFG_CIDR_SYNTAX',
      'topology.vpcs[0].ipv6CidrBlocks[0]',
    ],
    [
      'instance IP 10.0.1',
      (t) => (at(t['instances'] as Loose[], 0)['privateIp'] = '10.0.1'),
      'CFG_IP_SYNTAX',
      'topology.instances[0].privateIp',
    ],
    [
      'instance IP with a prefix',
      (t) => (at(t['instances'] as Loose[], 0)['privateIp'] = '10.0.1.10/32'),
      'CFG_IP_SYNTAX',
      'topology.instances[0].privateIp',
    ],
    [
      'instance public IP with leading zeros',
      (t) => (at(t['instances'] as Loose[], 0)['publicIp'] = '054.1.1.10'),
      'CFG_IP_SYNTAX',
      'topology.instances[0].publicIp',
    ],
    [
      'secondary IP',
      (t) => (at(t['instances'] as Loose[], 0)['secondaryPrivateIps'] = ['10.0.1.x']),
      'CFG_IP_SYNTAX',
      'topology.instances[0].secondaryPrivateIps[0]',
    ],
    [
      'IPv6 address',
      (t) => (at(t['instances'] as Loose[], 0)['ipv6Addresses'] = ['2600:::1']),
      'CFG_IP_SYNTAX',
      'topology.instances[0].ipv6Addresses[0]',
    ],
    [
      'NAT public IP',
      (t) => (at(t['natGateways'] as Loose[], 0)['publicIp'] = '3.3.3'),
      'CFG_IP_SYNTAX',
      'topology.natGateways[0].publicIp',
    ],
    [
      'external host',
      (t) => (t['externalHosts'] = [{ id: 'h', ip: 'example.com' }]),
      'CFG_IP_SYNTAX',
      'topology.externalHosts[0].ip',
    ],
    [
      'prefix list entry',
      (t) => (t['prefixLists'] = [{ id: 'pl-x', cidrs: ['1.2.3.0/24', 'x/24'] }]),
      'CFG_CIDR_SYNTAX',
      'topology.prefixLists[0].cidrs[1]',
    ],
  ];
  it.each(cases.map(([name, mutate, code, path]) => ({ name, mutate, code, path })))(
    '$name is fatal $code',
    ({ mutate, code, path }) => {
      const d = loose(f1());
      mutate(d['topology'] as Loose);
      const r = parseDocument(d);
      expect(r.document).toBeUndefined();
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ code, path, severity: 'fatal' }));
    },
  );

  it.each([
    [
      'a VPC block',
      (t: Loose) => (at(t['vpcs'] as Loose[], 0)['cidrBlocks'] = ['10.0.0.5/16']),
      'topology.vpcs[0].cidrBlocks[0]',
      '10.0.0.0/16',
    ],
    [
      'a subnet block',
      (t: Loose) => (at(t['subnets'] as Loose[], 0)['cidrBlock'] = '10.0.1.5/24'),
      'topology.subnets[0].cidrBlock',
      '10.0.1.0/24',
    ],
    [
      'a NACL rule',
      (t: Loose) => (at(at(t['networkAcls'] as Loose[], 0)['inbound'] as Loose[], 0)['cidr'] = '0.0.0.1/0'),
      'topology.networkAcls[0].inbound[0].cidr',
      '0.0.0.0/0',
    ],
    [
      'an IPv6 route',
      (t: Loose) =>
        (at(t['routeTables'] as Loose[], 1)['routes'] as Loose[]).push({ destination: '2600::1/56', target: 'igw-a' }),
      'topology.routeTables[1].routes[2].destination',
      '2600::/56',
    ],
  ])(
    'host bits in %s are an error naming the canonical block, and the document is kept as written',
    (_name, mutate, path, canonical) => {
      const d = loose(f1());
      mutate(d['topology'] as Loose);
      const r = parseDocument(d);
      const hostBits = withCode(r.diagnostics, 'CFG_CIDR_HOST_BITS');
      expect(hostBits).toEqual([expect.objectContaining({ severity: 'error', path })]);
      expect(hostBits[0]?.message).toContain(canonical);
      expect(r.document).toEqual(d);
    },
  );

  it('reads a prefix list id in a NACL rule (the validator reports it)', () => {
    const doc = variant(f1, (t) => (at(t.networkAcls, 0).inbound[0]!.cidr = 'pl-s3'));
    const r = parseDocument(doc);
    expect(r.diagnostics).toEqual([]);
    expect(r.document).toEqual(doc);
  });
});

describe('parseDocument: hostile input never throws', () => {
  const long = 'x'.repeat(200_000);
  const hostile: [string, unknown][] = [
    ['a very long string', long],
    ['a very long id', { format: 'vpcsim/1', topology: { vpcs: [{ id: long, cidrBlocks: [long] }] } }],
    [
      'unicode ids and names',
      {
        format: 'vpcsim/1',
        topology: { vpcs: [{ id: 'vpc-\u{1F600}\u0000\u202E', name: '\uD800', cidrBlocks: ['１０.0.0.0/16'] }] },
      },
    ],
    ['a __proto__ key at the top', JSON.parse('{"format":"vpcsim/1","topology":{},"__proto__":{"polluted":true}}')],
    [
      'a __proto__ key in a resource',
      JSON.parse(
        '{"format":"vpcsim/1","topology":{"vpcs":[{"id":"v","cidrBlocks":["10.0.0.0/16"],"__proto__":{"x":1}}]}}',
      ),
    ],
    [
      '__proto__ as an id',
      {
        format: 'vpcsim/1',
        topology: {
          vpcs: [{ id: '__proto__', cidrBlocks: ['10.0.0.0/16'] }],
          subnets: [{ id: 'constructor', vpcId: '__proto__', availabilityZone: 'a', cidrBlock: '10.0.0.0/24' }],
        },
      },
    ],
    ['arrays where objects are expected', { format: 'vpcsim/1', topology: [], layout: [[]], meta: [] }],
    [
      'objects where arrays are expected',
      { format: 'vpcsim/1', topology: { vpcs: { 0: { id: 'v' } } }, checks: { length: 2 } },
    ],
    [
      'nulls everywhere',
      {
        format: 'vpcsim/1',
        topology: { vpcs: [null], subnets: null, routeTables: [{ id: null, vpcId: null, routes: [null] }] },
        layout: null,
      },
    ],
    [
      'huge numbers',
      {
        format: 'vpcsim/1',
        topology: {
          networkAcls: [
            {
              id: 'a',
              vpcId: 'v',
              inbound: [
                {
                  ruleNumber: 1e308,
                  protocol: 'all',
                  cidr: '0.0.0.0/0',
                  action: 'allow',
                  icmpType: Number.MAX_SAFE_INTEGER * 4,
                },
              ],
              outbound: [],
            },
          ],
        },
        checks: [{ name: 'n', from: 'a', to: 'b', expect: 'BLOCKED', port: Infinity }],
      },
    ],
    ['NaN coordinates', { format: 'vpcsim/1', topology: {}, layout: { v: { x: Number.NaN, y: 0 } } }],
    [
      'deeply nested exam data',
      { format: 'vpcsim/1', topology: {}, exam: JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) as unknown },
    ],
    ['deeply nested JSON text', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    [
      'a throwing getter',
      {
        format: 'vpcsim/1',
        get topology(): never {
          throw new Error('boom');
        },
      },
    ],
    ['a function', () => 1],
    ['a symbol-keyed object', { format: 'vpcsim/1', topology: {}, [Symbol('x')]: 1 }],
    ['a bigint field', { format: 'vpcsim/1', topology: { vpcs: [{ id: 'v', cidrBlocks: [], region: 10n }] } }],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { format: 'vpcsim/1', topology: {} })],
    ['malformed JSON with unicode', '{"format": "vpcsim/1", "topology": {"vpcs": [{"id": "\u00e9\u{1F600}"} ]]}'],
    ['a lone surrogate in JSON text', '{"format": "vpcsim/1", "topology": {"vpcs": "\\ud800"}}'],
  ];

  it.each(hostile)('%s', (_name, input) => {
    let r: ReturnType<typeof parseDocument> | undefined;
    expect(() => (r = parseDocument(input))).not.toThrow();
    expect(Array.isArray(r?.diagnostics)).toBe(true);
    for (const d of r?.diagnostics ?? []) {
      expect(typeof d.code).toBe('string');
      expect(typeof d.message).toBe('string');
      expect(d.message.length).toBeLessThan(1000);
    }
  });

  it('does not pollute Object.prototype', () => {
    parseDocument(
      JSON.parse(
        '{"format":"vpcsim/1","topology":{},"layout":{"__proto__":{"x":1,"y":2}},"__proto__":{"polluted":true}}',
      ),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('keeps a layout entry keyed "__proto__" as an ordinary entry', () => {
    const input = JSON.parse('{"format":"vpcsim/1","topology":{},"layout":{"__proto__":{"x":1,"y":2}}}') as unknown;
    const r = parseDocument(input);
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.document?.layout ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(r.document?.layout)).toBe(Object.prototype);
  });

  it('reports a throwing getter as a fatal diagnostic', () => {
    const r = parseDocument({
      format: 'vpcsim/1',
      get topology(): never {
        throw new Error('boom');
      },
    });
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'CFG_INTERNAL', severity: 'fatal' })]);
  });

  it('keeps messages short for very long values', () => {
    const r = parseDocument({ format: 'vpcsim/1', topology: { vpcs: [{ id: 'v', cidrBlocks: [long] }] } });
    expect(codes(r.diagnostics)).toEqual(['CFG_CIDR_SYNTAX']);
    expect(r.diagnostics[0]!.message.length).toBeLessThan(300);
  });
});
