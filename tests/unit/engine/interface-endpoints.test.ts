// Interface VPC endpoints (PrivateLink, semantics.md 10.3): an interface per subnet with the endpoint's
// security groups, reached like any interface (routes, NACLs, its inbound rules), never initiating.
import { describe, expect, it } from 'vitest';
import { compile, trace, type TraceQuery, type TraceResult } from '../../../src/engine/index.ts';
import type { Topology } from '../../../src/model/index.ts';
import { f1, f2 } from './fixtures/index.ts';

function withSqsEndpoint(t: Topology): Topology {
  t.securityGroups!.push({
    id: 'sg-vpce',
    vpcId: 'vpc-a',
    inbound: [{ protocol: 'tcp', ports: '443', source: '10.0.0.0/8' }],
  });
  t.vpcEndpoints = [
    {
      id: 'vpce-sqs',
      vpcId: 'vpc-a',
      type: 'interface',
      service: 'com.amazonaws.us-east-1.sqs',
      subnetIds: ['sn-app-a', 'sn-app-b'],
      securityGroupIds: ['sg-vpce'],
    },
  ];
  return t;
}

function run(t: Topology, q: TraceQuery): TraceResult {
  const r = trace(compile(t), q);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('interface endpoints', () => {
  it('get an interface in each subnet, at the first free address, with the endpoint security groups', () => {
    const net = compile(withSqsEndpoint(f1()));
    const a = net.enis.get('vpce-sqs/sn-app-a')!;
    const b = net.enis.get('vpce-sqs/sn-app-b')!;
    expect(a.sgIdList).toEqual(['sg-vpce']);
    expect(a.interfaceEndpointId).toBe('vpce-sqs');
    // 10.0.2.4 is the first usable address of sn-app-a (the first four are reserved).
    expect([a.ips4[0], b.ips4[0]]).toEqual([(10 << 24) + (2 << 8) + 4, (10 << 24) + (3 << 8) + 4]);
    expect(net.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('are reached like any interface, and their inbound rules decide', () => {
    const t = withSqsEndpoint(f1());
    const ok = run(t, { from: 'web', to: 'vpce-sqs', port: 443 });
    expect(ok.verdict).toBe('REACHABLE');
    expect(ok.query.destinationAddress).toBe('10.0.2.4');
    expect(ok.forward.at(-1)?.component.id).toBe('vpce-sqs/sn-app-a');
    const blocked = run(t, { from: 'web', to: 'vpce-sqs', port: 80 });
    expect(blocked.explanations.find((e) => e.blocking)).toMatchObject({
      code: 'ENI_SG_RULES_MISMATCH',
      componentId: 'vpce-sqs/sn-app-a',
      direction: 'ingress',
    });
  });

  it('are reachable from a peered VPC, unlike a gateway endpoint', () => {
    const t = withSqsEndpoint(f2());
    // rtb-b already routes 10.0.0.0/16 to pcx-ab.
    expect(run(t, { from: 'peer1', to: '10.0.2.4', port: 443 }).verdict).toBe('REACHABLE');
  });

  it('cannot start a connection', () => {
    const r = trace(compile(withSqsEndpoint(f1())), { from: 'vpce-sqs', to: 'web', port: 443 });
    expect(r.ok ? r.value.verdict : r.error.code).toBe('QUERY_ENDPOINT_CANNOT_INITIATE');
  });
});
