import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument, type Document } from '../../../src/model/index.ts';
import { f1, f4, fullDocument, minimalDocument } from './fixtures.ts';

/** A deep copy with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) out[key] = reversedKeys((value as Record<string, unknown>)[key]);
  return out;
}

describe('serializeDocument', () => {
  it.each([
    ['minimal', minimalDocument],
    ['F1', f1],
    ['F4', f4],
    ['every resource kind', fullDocument],
  ])('%s round-trips through parseDocument', (_name, build) => {
    const doc = build();
    const text = serializeDocument(doc);
    const back = parseDocument(text);
    expect(back.diagnostics).toEqual([]);
    expect(back.document).toEqual(doc);
    expect(serializeDocument(back.document!)).toBe(text);
  });

  it('writes 2-space JSON with a trailing newline, as JSON.stringify lays it out', () => {
    const text = serializeDocument(minimalDocument());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text.split('\n')[1]).toBe('  "format": "vpcsim/1",');
  });

  it('writes keys in a fixed order whatever order the document has them in', () => {
    const doc = fullDocument();
    const shuffled = reversedKeys(doc) as Document;
    // Exam data is opaque and layout is a map whose entry order is the author's: both are written as given.
    shuffled.exam = doc.exam;
    shuffled.layout = doc.layout!;
    expect(serializeDocument(shuffled)).toBe(serializeDocument(doc));
  });

  it('keeps layout entries in their order and orders their fields', () => {
    const doc = minimalDocument();
    doc.layout = { 'vpc-a': { height: 4, y: 0, x: 0, width: 3 }, 'sn-a': { y: 2, x: 1 } };
    const layout = (JSON.parse(serializeDocument(doc)) as { layout: Record<string, object> }).layout;
    expect(Object.keys(layout)).toEqual(['vpc-a', 'sn-a']);
    expect(Object.keys(layout['vpc-a']!)).toEqual(['x', 'y', 'width', 'height']);
  });

  it('puts the document fields, the topology arrays and the resource fields in format.md order', () => {
    const doc = reversedKeys(fullDocument()) as Document;
    doc.exam = { question: 'q' };
    const parsed = JSON.parse(serializeDocument(doc)) as Record<string, Record<string, unknown>>;
    expect(Object.keys(parsed)).toEqual(['format', 'meta', 'topology', 'layout', 'checks', 'exam']);
    expect(Object.keys(parsed['topology']!)).toEqual([
      'vpcs',
      'subnets',
      'routeTables',
      'networkAcls',
      'securityGroups',
      'instances',
      'networkInterfaces',
      'internetGateways',
      'natGateways',
      'vpcPeeringConnections',
      'transitGateways',
      'transitGatewayAttachments',
      'transitGatewayRouteTables',
      'vpcEndpoints',
      'prefixLists',
      'externalHosts',
    ]);
    const topology = parsed['topology'] as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(topology['routeTables']![3]!)).toEqual(['id', 'vpcId', 'main', 'subnetIds', 'routes']);
    expect(Object.keys((topology['routeTables']![3]!['routes'] as object[])[3]!)).toEqual([
      'destination',
      'target',
      'propagated',
    ]);
    expect(Object.keys(topology['instances']![4]!)).toEqual([
      'id',
      'subnetId',
      'privateIp',
      'secondaryPrivateIps',
      'securityGroupIds',
      'primaryInterfaceId',
      'os',
      'state',
      'sourceDestCheck',
    ]);
    expect(Object.keys((topology['networkAcls']![0]!['inbound'] as object[])[0]!)).toEqual([
      'ruleNumber',
      'protocol',
      'cidr',
      'action',
    ]);
    expect(Object.keys((topology['securityGroups']![0]!['inbound'] as object[])[1]!)).toEqual([
      'protocol',
      'ports',
      'source',
      'description',
    ]);
  });

  it('drops undefined fields', () => {
    const doc = minimalDocument();
    doc.topology.vpcs![0]!.name = undefined as unknown as string;
    (doc as unknown as Record<string, unknown>)['meta'] = undefined;
    const text = serializeDocument(doc);
    expect(text).not.toContain('name');
    expect(text).not.toContain('meta');
  });

  it('keeps fields it does not know, after the known ones', () => {
    const doc = minimalDocument();
    (doc.topology.vpcs![0] as unknown as Record<string, unknown>)['future'] = 1;
    const vpc = (JSON.parse(serializeDocument(doc)) as { topology: { vpcs: object[] } }).topology.vpcs[0]!;
    expect(Object.keys(vpc)).toEqual(['id', 'cidrBlocks', 'future']);
  });

  it('keeps a layout entry keyed "__proto__"', () => {
    const doc = minimalDocument();
    doc.layout = JSON.parse('{"__proto__": {"y": 2, "x": 1}}') as NonNullable<Document['layout']>;
    const text = serializeDocument(doc);
    expect(text).toContain('"__proto__": {\n      "x": 1,\n      "y": 2\n    }');
    expect(parseDocument(text).document).toEqual(doc);
  });

  it('round-trips generated names, metadata, layouts and exam data (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
    const position = fc.record(
      { x: coordinate, y: coordinate, width: coordinate, height: coordinate },
      { requiredKeys: ['x', 'y'] },
    );
    const layoutKey = fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'vpc-a', '0'));
    const arb = fc.record({
      names: fc.array(fc.option(text, { nil: undefined }), { minLength: 30, maxLength: 30 }),
      meta: fc.record(
        { title: text, description: text, tags: fc.array(text), source: text, difficulty: text },
        { requiredKeys: [] },
      ),
      layout: fc.dictionary(layoutKey, position, { maxKeys: 5 }),
      exam: fc.option(fc.jsonValue(), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, ({ names, meta, layout, exam }) => {
        const doc = fullDocument();
        const resources = Object.values(doc.topology).flat() as { name?: string }[];
        resources.forEach((r, i) => {
          const name = names[i % names.length];
          if (name === undefined) delete r.name;
          else r.name = name;
        });
        doc.meta = meta;
        doc.layout = layout;
        if (exam === undefined) delete doc.exam;
        else doc.exam = JSON.parse(JSON.stringify(exam)) as unknown;
        const back = parseDocument(serializeDocument(doc));
        expect(back.diagnostics).toEqual([]);
        expect(back.document).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  });
});
