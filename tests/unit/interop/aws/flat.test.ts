// A flat single-Region folder (vpcs.json, subnets.json, ... with no account or Region in the path): the
// Region comes from the data, and the engine answers the usual public / private questions.
import { describe, expect, it } from 'vitest';
import type { TraceQuery } from '../../../../src/engine/index.ts';
import { importAws } from '../../../../src/interop/aws/index.ts';
import { blocker, codes, find, loaded, modelDiagnostics, readFixture, traceOk } from './helpers.ts';

const files = readFixture('flat');
const result = importAws(files);
const doc = loaded(result);

const WEB = 'i-0f1a000000000a0e1';
const APP = 'i-0f1a000000000a0e2';

describe('a flat single-Region folder', () => {
  it('imports without diagnostics, and the model finds nothing to say either', () => {
    expect(codes(result)).toEqual([]);
    expect(modelDiagnostics(doc)).toEqual([]);
  });

  it('takes the Region from the subnets’ zones and leaves the NACLs implicit', () => {
    expect(find(doc, 'vpcs', 'vpc-0f1a2b3c4d5e6f701')).toMatchObject({ region: 'eu-west-2', name: 'shop' });
    expect(doc.topology.networkAcls).toBeUndefined();
    expect(result.counts).toMatchObject({ vpcs: 1, subnets: 2, instances: 2, natGateways: 1, networkAcls: 0 });
    expect(doc.meta?.description).toContain('Regions: eu-west-2');
    expect(doc.meta?.description).toContain('accounts: 777788889999');
  });

  it('keeps the public IP the instance interface shows', () => {
    expect(find(doc, 'instances', WEB)).toMatchObject({
      publicIp: '18.130.20.20',
      primaryInterfaceId: 'eni-0f1a000000000e001',
    });
  });

  it('prefers the Region the data gives over defaultRegion', () => {
    const moved = importAws(files, { defaultRegion: 'ap-southeast-3' });
    expect(find(loaded(moved), 'vpcs', 'vpc-0f1a2b3c4d5e6f701')).toMatchObject({ region: 'eu-west-2' });
  });

  it.each<[string, TraceQuery, string, string?]>([
    ['the internet to the web server on 443', { from: 'internet', to: WEB, port: 443 }, 'REACHABLE'],
    ['the admin network to the web server on SSH', { from: '192.0.2.7', to: WEB, port: 22 }, 'REACHABLE'],
    [
      'the internet to the web server on SSH',
      { from: 'internet', to: WEB, port: 22 },
      'BLOCKED',
      'ENI_SG_RULES_MISMATCH',
    ],
    ['the web tier to the app tier by group reference', { from: WEB, to: APP, port: 8080 }, 'REACHABLE'],
    ['the app tier to the internet through NAT', { from: APP, to: 'internet', port: 443 }, 'REACHABLE'],
    [
      'the internet to the private app server',
      { from: 'internet', to: APP, port: 8080 },
      'BLOCKED',
      'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
    ],
  ])('%s', (_name, q, verdict, code) => {
    const r = traceOk(doc.topology, q);
    expect(r.verdict).toBe(verdict);
    if (code !== undefined) expect(blocker(r)?.code).toBe(code);
  });
});
