// Bad input never crashes the importer: truncated JSON, unknown files, missing and mistyped fields and
// dangling references each give a diagnostic naming the file, and what can be imported still loads.
import { describe, expect, it } from 'vitest';
import { importAws } from '../../../../src/interop/aws/index.ts';
import { guardDocument } from '../../../../src/interop/aws/guard.ts';
import { Reporter } from '../../../../src/interop/aws/report.ts';
import type { SourceFile } from '../../../../src/interop/index.ts';
import { baseFiles, codes, file, find, instanceItem, loaded, readFixture, reservations } from './helpers.ts';

describe('files', () => {
  it('reports truncated JSON with its file and goes on with the others', () => {
    const text = JSON.stringify({ Vpcs: [{ VpcId: 'vpc-01', CidrBlock: '10.0.0.0/16' }] }, null, 4);
    const r = importAws([...baseFiles(), { path: 'us-east-1/cut.json', text: text.slice(0, 40) }]);
    expect(codes(r)).toEqual(['IMPORT_JSON_SYNTAX']);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', path: 'us-east-1/cut.json' });
    expect(r.diagnostics[0]?.message).toMatch(/line \d+, column \d+/);
    expect(loaded(r).topology.vpcs).toHaveLength(1);
  });

  it.each<[string, string, string]>([
    [
      'an object with other keys',
      JSON.stringify({ VpnGateways: [], CustomerGateways: [] }),
      'IMPORT_AWS_UNRECOGNISED_FILE',
    ],
    ['an empty object', '{}', 'IMPORT_AWS_UNRECOGNISED_FILE'],
    ['a bare array', JSON.stringify([{ VpcId: 'vpc-01' }]), 'IMPORT_AWS_UNRECOGNISED_FILE'],
    ['a plain value', '42', 'IMPORT_AWS_UNRECOGNISED_FILE'],
    ['an empty file', '', 'IMPORT_JSON_SYNTAX'],
    ['a byte-order mark and garbage', '\ufeff{"Vpcs": [}', 'IMPORT_JSON_SYNTAX'],
  ])('reports %s', (_name, text, code) => {
    const r = importAws([...baseFiles(), { path: 'odd.json', text }]);
    expect(codes(r)).toEqual([code]);
    loaded(r);
  });

  it('accepts a byte-order mark', () => {
    const [vpcs, ...rest] = baseFiles();
    const r = importAws([{ path: vpcs!.path, text: `\ufeff${vpcs!.text}` }, ...rest]);
    expect(codes(r)).toEqual([]);
  });

  it('names the keys it ignores beside recognised ones, and ignores paging keys', () => {
    const r = importAws([
      file('vpcs.json', {
        Vpcs: [{ VpcId: 'vpc-01', CidrBlock: '10.0.0.0/16' }],
        NextToken: null,
        ResponseMetadata: {},
      }),
    ]);
    expect(codes(r)).toEqual(['IMPORT_AWS_UNKNOWN_KEY', 'IMPORT_AWS_REGION_ASSUMED']);
  });

  it('warns that a NextToken means more results were not saved', () => {
    const r = importAws(
      [file('vpcs.json', { Vpcs: [{ VpcId: 'vpc-01', CidrBlock: '10.0.0.0/16' }], NextToken: 'eyJ2IjoyfQ==' })],
      {
        defaultRegion: 'eu-central-1',
      },
    );
    expect(codes(r)).toEqual(['IMPORT_AWS_TRUNCATED_OUTPUT']);
    expect(find(loaded(r), 'vpcs', 'vpc-01').region).toBe('eu-central-1');
  });

  it.each<[string, SourceFile[]]>([
    ['no files', []],
    ['only unrecognised files', [file('x.json', { Foo: [] })]],
    ['only broken files', [{ path: 'a.json', text: '{"Vpcs": [' }]],
    ['only empty lists', [file('vpcs.json', { Vpcs: [] }), file('subnets.json', { Subnets: [] })]],
  ])('is IMPORT_NOTHING (fatal, no document) with %s', (_name, files) => {
    const r = importAws(files);
    expect(r.document).toBeUndefined();
    expect(codes(r, 'fatal')).toEqual(['IMPORT_NOTHING']);
  });
});

describe('callers that break the contract', () => {
  it('turns an exception into a fatal diagnostic instead of throwing', () => {
    const r = importAws([{ path: 'x.json', text: undefined as unknown as string }]);
    expect(r.document).toBeUndefined();
    expect(codes(r)).toEqual(['IMPORT_AWS_INTERNAL']);
  });
});

describe('fields', () => {
  it.each<[string, Record<string, unknown>, string[], boolean]>([
    ['a missing id', { CidrBlock: '10.0.0.0/16' }, ['IMPORT_AWS_FIELD_MISSING'], false],
    ['an id of the wrong type', { VpcId: 42, CidrBlock: '10.0.0.0/16' }, ['IMPORT_AWS_FIELD_TYPE'], false],
    ['no IPv4 block at all', { VpcId: 'vpc-01' }, ['IMPORT_AWS_FIELD_MISSING'], false],
    [
      'a malformed block',
      { VpcId: 'vpc-01', CidrBlock: '10.0.0.0/40' },
      ['IMPORT_AWS_FIELD_VALUE', 'IMPORT_AWS_FIELD_MISSING'],
      false,
    ],
    [
      'an IPv6 block as the IPv4 one',
      { VpcId: 'vpc-01', CidrBlock: '2600::/56' },
      ['IMPORT_AWS_FIELD_VALUE', 'IMPORT_AWS_FIELD_MISSING'],
      false,
    ],
    [
      'an association set of the wrong type',
      { VpcId: 'vpc-01', CidrBlock: '10.0.0.0/16', CidrBlockAssociationSet: 'x' },
      ['IMPORT_AWS_FIELD_TYPE'],
      true,
    ],
    [
      'a set element that is no object',
      { VpcId: 'vpc-01', CidrBlock: '10.0.0.0/16', CidrBlockAssociationSet: [null, 3] },
      ['IMPORT_AWS_FIELD_TYPE', 'IMPORT_AWS_FIELD_TYPE'],
      true,
    ],
    [
      'tags of the wrong shape are no name',
      { VpcId: 'vpc-01', CidrBlock: '10.0.0.0/16', Tags: [{ Key: 'Name' }, 'x'] },
      [],
      true,
    ],
  ])('a VPC with %s', (_name, item, expected, kept) => {
    const r = importAws([file('us-east-1/vpcs.json', { Vpcs: [item] })]);
    expect(codes(r).filter((c) => c !== 'IMPORT_NOTHING')).toEqual(expected);
    expect(r.document !== undefined).toBe(kept);
  });

  it('names the file, the resource and the field of a missing field', () => {
    const r = importAws([
      ...baseFiles(),
      file('more/subnets.json', {
        Subnets: [{ SubnetId: 'subnet-0b', CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1a' }],
      }),
    ]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'IMPORT_AWS_FIELD_MISSING',
        severity: 'error',
        resourceId: 'subnet-0b',
        path: 'more/subnets.json#Subnets[0].VpcId',
      }),
    ]);
  });

  it('ignores an optional field of the wrong type with a warning', () => {
    const r = importAws([
      ...baseFiles(),
      file('more/subnets.json', {
        Subnets: [
          {
            SubnetId: 'subnet-0b',
            VpcId: 'vpc-0000000000000000a',
            CidrBlock: '10.0.2.0/24',
            AvailabilityZone: 'us-east-1a',
            MapPublicIpOnLaunch: 'yes',
          },
        ],
      }),
    ]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'IMPORT_AWS_FIELD_TYPE', severity: 'warning' })]);
    expect(find(loaded(r), 'subnets', 'subnet-0b')).not.toHaveProperty('mapPublicIpOnLaunch');
  });

  it('reports a section that is not an array, and elements that are not objects', () => {
    const r = importAws([
      ...baseFiles(),
      file('a.json', { RouteTables: {} }),
      file('b.json', { NetworkAcls: [null, 'x'] }),
    ]);
    expect(codes(r)).toEqual(['IMPORT_AWS_FIELD_TYPE', 'IMPORT_AWS_FIELD_TYPE', 'IMPORT_AWS_FIELD_TYPE']);
    loaded(r);
  });

  it('treats hostile keys as plain data', () => {
    const text =
      '{"Vpcs": [{"VpcId": "vpc-01", "CidrBlock": "10.0.0.0/16", "__proto__": {"polluted": true}, "constructor": 1}]}';
    const r = importAws([{ path: 'eu-west-3/vpcs.json', text }]);
    expect(find(loaded(r), 'vpcs', 'vpc-01').region).toBe('eu-west-3');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('references', () => {
  it('leaves out a subnet of an unknown VPC, and what sits in it', () => {
    const r = importAws([
      ...baseFiles(),
      file('more/subnets.json', {
        Subnets: [
          { SubnetId: 'subnet-0b', VpcId: 'vpc-0nowhere', CidrBlock: '10.9.1.0/24', AvailabilityZone: 'us-east-1a' },
        ],
      }),
      reservations(instanceItem('i-01', '10.9.1.10', { SubnetId: 'subnet-0b', NetworkInterfaces: [] })),
    ]);
    const doc = loaded(r);
    expect(doc.topology.subnets?.map((s) => s.id)).toEqual(['subnet-0000000000000000a']);
    expect(doc.topology.instances).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.resourceId])).toEqual([
      ['IMPORT_AWS_UNKNOWN_REFERENCE', 'error', 'subnet-0b'],
      ['IMPORT_AWS_DEPENDENCY_LEFT_OUT', 'warning', 'i-01'],
    ]);
  });

  it('leaves out an interface in an unknown subnet (an error, since subnets were collected)', () => {
    const r = importAws([
      ...baseFiles(),
      file('network-interfaces.json', {
        NetworkInterfaces: [
          { NetworkInterfaceId: 'eni-0b', SubnetId: 'subnet-0nowhere', PrivateIpAddress: '10.0.9.9', Groups: [] },
        ],
      }),
    ]);
    expect(loaded(r).topology.networkInterfaces).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.resourceId])).toEqual([
      ['IMPORT_AWS_UNKNOWN_REFERENCE', 'error', 'eni-0b'],
    ]);
  });

  it('removes an unknown group from an instance and keeps the instance', () => {
    const item = instanceItem('i-01', '10.0.1.10');
    const eni = (item['NetworkInterfaces'] as Record<string, unknown>[])[0]!;
    eni['Groups'] = [{ GroupId: 'sg-0000000000000000a' }, { GroupId: 'sg-0gone' }];
    const r = importAws([...baseFiles(), reservations(item)]);
    expect(find(loaded(r), 'instances', 'i-01').securityGroupIds).toEqual(['sg-0000000000000000a']);
    expect(codes(r)).toEqual(['IMPORT_AWS_UNKNOWN_REFERENCE']);
  });

  it('warns instead when the referenced kind was not collected for that account and Region', () => {
    const r = importAws([
      file('accounts/111122223333/us-east-1/vpcs.json', { Vpcs: [{ VpcId: 'vpc-01', CidrBlock: '10.0.0.0/16' }] }),
      file('accounts/444455556666/us-east-1/subnets.json', {
        Subnets: [{ SubnetId: 'subnet-0b', VpcId: 'vpc-0b', CidrBlock: '10.9.1.0/24', AvailabilityZone: 'us-east-1a' }],
      }),
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['IMPORT_AWS_NOT_COLLECTED', 'warning']]);
  });

  it('lets the model guard leave out what the model refuses (two resources sharing an id)', () => {
    const r = importAws([
      file('vpcs.json', { Vpcs: [{ VpcId: 'x-01', CidrBlock: '10.0.0.0/16' }] }),
      file('subnets.json', {
        Subnets: [{ SubnetId: 'x-01', VpcId: 'x-01', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }],
      }),
    ]);
    const doc = loaded(r);
    expect(doc.topology.subnets).toBeUndefined();
    expect(r.counts).toMatchObject({ vpcs: 1, subnets: 0 });
    expect(codes(r, 'error')).toEqual(['IMPORT_AWS_DROPPED_BY_GUARD']);
  });

  it('guards against any dangling reference the importer could produce', () => {
    const rep = new Reporter();
    const doc = guardDocument(
      {
        format: 'vpcsim/1',
        topology: {
          vpcs: [{ id: 'vpc-1', cidrBlocks: ['10.0.0.0/16'] }],
          subnets: [{ id: 'subnet-1', vpcId: 'vpc-gone', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' }],
          instances: [{ id: 'i-1', subnetId: 'subnet-1', privateIp: '10.0.1.10', securityGroupIds: [] }],
        },
      },
      rep,
    );
    expect(doc?.topology.subnets).toBeUndefined();
    expect(doc?.topology.instances).toBeUndefined();
    expect(rep.diagnostics.map((d) => d.code)).toEqual(['IMPORT_AWS_DROPPED_BY_GUARD', 'IMPORT_AWS_DROPPED_BY_GUARD']);
  });
});

describe('robustness', () => {
  const fixture = readFixture('multi-account');
  const wrongTypes: unknown[] = [7, 'x', {}, [], true];

  // Every top-level field of the first item of every file, removed (null) and given a wrong type.
  const cases: [string, string, unknown][] = [];
  for (const f of fixture) {
    const body = JSON.parse(f.text) as Record<string, unknown>;
    const key = Object.keys(body)[0]!;
    const first = (body[key] as Record<string, unknown>[])[0];
    if (!first) continue;
    Object.keys(first).forEach((field, i) => {
      cases.push([f.path, field, null], [f.path, field, wrongTypes[i % wrongTypes.length]]);
    });
  }

  it(`never throws and always loads (${cases.length} mutations of the multi-account fixture)`, () => {
    for (const [path, field, value] of cases) {
      const files = fixture.map((f) => {
        if (f.path !== path) return f;
        const body = JSON.parse(f.text) as Record<string, Record<string, unknown>[]>;
        const key = Object.keys(body)[0]!;
        body[key]![0]![field] = value;
        return { path: f.path, text: JSON.stringify(body) };
      });
      const r = importAws(files);
      expect(codes(r, 'fatal')).toEqual([]);
      loaded(r);
    }
  });
});
