// The benchmark's generated export imports cleanly: the numbers `npm run bench` prints are about a
// realistic, consistent account, not about error paths.
import { describe, expect, it } from 'vitest';
import { generateAwsExport } from '../../../../bench/aws-export.ts';
import { importAws } from '../../../../src/interop/aws/index.ts';
import { codes, loaded, modelDiagnostics, traceOk } from './helpers.ts';

describe('generateAwsExport', () => {
  const files = generateAwsExport({ instances: 300, vpcs: 3 });
  const result = importAws(files);

  it('is deterministic', () => {
    expect(generateAwsExport({ instances: 300, vpcs: 3 })).toEqual(files);
  });

  it('imports every instance that is not terminated, with only lifecycle warnings', () => {
    const doc = loaded(result);
    expect(result.counts).toMatchObject({
      vpcs: 3,
      subnets: 27,
      instances: 297,
      natGateways: 9,
      transitGatewayAttachments: 3,
    });
    expect(new Set(codes(result))).toEqual(
      new Set(['IMPORT_AWS_DELETED', 'IMPORT_AWS_STATE_MAPPED', 'IMPORT_AWS_PREFIX_LIST_BUILTIN']),
    );
    expect(modelDiagnostics(doc)).toEqual([]);
  });

  it('is a network the engine can walk across the transit gateway and out through NAT', () => {
    const t = loaded(result).topology;
    const running = (t.instances ?? []).filter((i) => i.state === undefined);
    const inVpc = (n: number) =>
      running.find((i) => i.subnetId.startsWith('subnet-13') && i.privateIp.startsWith(`10.${n}.`))!;
    expect(traceOk(t, { from: inVpc(1).id, to: inVpc(2).id, port: 8080 }).verdict).toBe('REACHABLE');
    expect(traceOk(t, { from: inVpc(1).id, to: 'internet', port: 443 }).verdict).toBe('REACHABLE');
  });
});
