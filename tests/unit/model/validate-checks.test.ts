import { describe, expect, it } from 'vitest';
import { loadDocument, validateDocument, validateTopology, type Check } from '../../../src/model/index.ts';
import { codes, f1, fullDocument, lint, variant, type RuleCase } from './fixtures.ts';

/** The full document with one check; a field given as undefined is left out. */
const withCheck = (patch: { [K in keyof Check]?: Check[K] | undefined }) => () =>
  variant(fullDocument, (_t, doc) => {
    const check: Record<string, unknown> = { name: 'q', from: 'web', to: 'internet', port: 443, expect: 'REACHABLE' };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete check[key];
      else check[key] = value;
    }
    doc.checks = [check as unknown as Check];
  });

describe('checks (format.md sections 3 and 5)', () => {
  const rows: Omit<RuleCase, 'resourceId'>[] = [
    {
      name: 'an endpoint that names nothing',
      code: 'CFG_CHECK_UNKNOWN_ENDPOINT',
      bad: withCheck({ to: 'nowhere' }),
      path: 'checks[0].to',
      good: withCheck({ to: 'peer1' }),
    },
    {
      name: 'an endpoint that names a subnet',
      code: 'CFG_CHECK_UNKNOWN_ENDPOINT',
      bad: withCheck({ from: 'sn-app-a' }),
      path: 'checks[0].from',
      good: withCheck({ from: 'app1' }),
    },
    {
      name: 'a tcp check without a port',
      code: 'CFG_CHECK_PORT_MISSING',
      bad: withCheck({ port: undefined }),
      path: 'checks[0].port',
      good: withCheck({ port: undefined, protocol: 'icmp' }),
    },
  ];
  it.each(rows)('$name: $code', (row) => {
    const bad = lint(row.bad());
    expect(bad).toContainEqual(expect.objectContaining({ code: row.code, severity: 'error', path: row.path }));
    expect(bad.find((d) => d.code === row.code)).not.toHaveProperty('resourceId');
    expect(codes(lint(row.good()))).not.toContain(row.code);
  });

  it.each([
    'internet',
    's3',
    'dynamodb',
    '10.0.1.10',
    '2001:db8::1',
    '203.0.113.50',
    'home-pc',
    'eni-fw',
    'web/eth0',
    'eni-peer1',
    'peer1',
  ])('accepts the endpoint %s', (to) => {
    expect(codes(lint(withCheck({ to })()))).toEqual([]);
  });

  it('accepts AWS service names, and an interface endpoint as a destination only', () => {
    const withEndpoint = (patch: Partial<Check>) =>
      variant(withCheck(patch), (t) => {
        t.vpcEndpoints!.push({
          id: 'vpce-sqs',
          vpcId: 'vpc-a',
          type: 'interface',
          service: 'com.amazonaws.us-east-1.sqs',
          subnetIds: ['sn-app-a'],
          securityGroupIds: ['sg-app'],
        });
      });
    expect(codes(lint(withCheck({ to: 'com.amazonaws.eu-west-1.s3' })()))).toEqual([]);
    expect(codes(lint(withEndpoint({ to: 'vpce-sqs' })))).toEqual([]);
    expect(codes(lint(withEndpoint({ to: 'vpce-sqs/sn-app-a' })))).toEqual([]);
    expect(codes(lint(withEndpoint({ from: 'vpce-sqs' })))).toEqual(['CFG_CHECK_UNKNOWN_ENDPOINT']);
    expect(codes(lint(withCheck({ to: 'com.amazonaws.eu-west-1.sqs' })()))).toEqual(['CFG_CHECK_UNKNOWN_ENDPOINT']);
  });

  it('validateDocument = validateTopology plus the checks', () => {
    const doc = withCheck({ to: 'nowhere', port: undefined })();
    expect(codes(validateTopology(doc.topology))).toEqual([]);
    expect(codes(validateDocument(doc))).toEqual(['CFG_CHECK_UNKNOWN_ENDPOINT', 'CFG_CHECK_PORT_MISSING']);
  });

  it('orders topology diagnostics before check diagnostics', () => {
    const doc = variant(f1, (t, d) => {
      t.instances![0]!.privateIp = '10.0.1.0';
      d.checks = [{ name: 'q', from: 'x', to: 'internet', port: 1, expect: 'BLOCKED' }];
    });
    expect(codes(validateDocument(doc))).toEqual(['CFG_IP_RESERVED', 'CFG_CHECK_UNKNOWN_ENDPOINT']);
  });
});

describe('loadDocument', () => {
  it('returns parse diagnostics only when parsing is fatal', () => {
    const r = loadDocument('{"format":"vpcsim/1","topology":{"subnets":[{"id":"s"}]}}');
    expect(r.document).toBeUndefined();
    expect(r.diagnostics.every((d) => d.severity === 'fatal')).toBe(true);
  });

  it('returns the document with parse warnings followed by validation diagnostics', () => {
    const doc = variant(f1, (t) => {
      t.securityGroups![2]!.inbound = [{ protocol: 'tcp', ports: '5432', source: 'sg-gone' }];
      t.instances![0]!.privateIp = '10.0.1.0';
    });
    const r = loadDocument(JSON.stringify(doc));
    expect(r.document).toEqual(doc);
    expect(codes(r.diagnostics)).toEqual(['CFG_SG_RULE_STALE_REFERENCE', 'CFG_IP_RESERVED']);
  });
});
