// Worked tests of semantics.md section 10 (gateway VPC endpoints and prefix lists), the first row of
// 12.9 (A -> gateway endpoint) and T-SG-07, on F5 (and F2 plus F5 for T-VPCE-03).
import { describe, expect, it } from 'vitest';
import { validateTopology } from '../../../../src/model/index.ts';
import type { Topology } from '../../../../src/model/index.ts';
import type { PathComponent, TraceResult } from '../../../../src/engine/index.ts';
import {
  DYNAMODB_ADDRESS,
  f2,
  f5,
  INTERNET_SERVER,
  S3_ADDRESS,
  setSgOutbound,
  withNacl,
  withRoute,
} from '../fixtures/index.ts';
import { component, expectBlocked, expectInOrder, expectReachable, ids, run, translations } from './trace-helpers.ts';

const APP1_TO_S3 = { from: 'app1', to: S3_ADDRESS, protocol: 'tcp', port: 443 } as const;

const errorCodes = (t: Topology): string[] =>
  validateTopology(t)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.resourceId ?? ''}`);

/** Ids of the components the packet really visited (not those reached only by assuming a blocker away). */
const realIds = (path: readonly PathComponent[]): string[] =>
  path.filter((c) => c.whatIf !== true).map((c) => c.component.id);

/** A gateway endpoint of vpc-a for `service`, associated with rtb-priv. */
function withGatewayEndpoint(t: Topology, id: string, service: string): Topology {
  t.vpcEndpoints = [
    ...(t.vpcEndpoints ?? []),
    { id, vpcId: 'vpc-a', type: 'gateway', service, routeTableIds: ['rtb-priv'] },
  ];
  return t;
}

/** F2 plus F5: the peered VPCs of F2, and vpce-s3 on rtb-priv. */
function f2WithF5(): Topology {
  return withGatewayEndpoint(f2(), 'vpce-s3', 's3');
}

/**
 * The facts of pipeline 12.9 row 1 for app1 through endpoint `vpceId` to `service`: SG out, NACL out,
 * rtb-priv's endpoint route, the endpoint, the service; the reply comes back through the endpoint,
 * the NACL inbound and sg-app's connection state. No NAT gateway and no internet gateway anywhere.
 */
function expectThroughEndpoint(r: TraceResult, vpceId: string, service: string, prefixListId: string): void {
  expectReachable(r);
  expectInOrder(ids(r.forward), ['eni-app1', 'sg-app', 'acl-def', 'rtb-priv', vpceId]);
  expect(component(r.forward, 'sg-app').trafficDirection).toBe('egress');
  expect(component(r.forward, 'acl-def').trafficDirection).toBe('egress');

  const route = component(r.forward, 'rtb-priv').routeTableRoute;
  expect(route).toMatchObject({
    routeTableId: 'rtb-priv',
    target: vpceId,
    targetType: 'vpc-endpoint',
    origin: 'gatewayEndpoint',
    state: 'active',
  });
  expect(route?.destination).toContain(prefixListId);

  expect(component(r.forward, vpceId).component.type).toBe('vpc-endpoint');
  const last = r.forward.at(-1);
  expect({ id: last?.component.id, type: last?.component.type }).toEqual({ id: service, type: 'aws-service' });

  for (const path of [r.forward, r.return]) {
    expect(ids(path)).not.toContain('nat-a');
    expect(ids(path)).not.toContain('igw-a');
  }
  // A gateway endpoint translates nothing: the service sees app1's private address.
  expect(translations(r.forward)).toEqual([]);

  expectInOrder(ids(r.return), [vpceId, 'acl-def', 'sg-app', 'eni-app1']);
  expect(component(r.return, vpceId).component.type).toBe('vpc-endpoint');
  expect(component(r.return, 'acl-def').trafficDirection).toBe('ingress');
  expect(component(r.return, 'sg-app').securityGroupRule).toMatchObject({ sgId: 'sg-app', viaConntrack: true });
}

describe('F5 itself', () => {
  it('F5 is a configuration AWS accepts (no error diagnostics), so no trace on it is INVALID_CONFIG', () => {
    expect(errorCodes(f5())).toEqual([]);
  });

  it('F2 plus F5, with 52.216.0.0/15->pcx-ab in rtb-b, is a configuration AWS accepts too', () => {
    expect(errorCodes(withRoute(f2WithF5(), 'rtb-b', '52.216.0.0/15', 'pcx-ab'))).toEqual([]);
  });
});

describe('semantics.md 10.2 and 12.9: gateway endpoints', () => {
  it('T-VPCE-01: app1 -> 52.216.10.10 tcp/443 is REACHABLE via vpce-s3: the pl-s3 route (/15) beats 0.0.0.0/0->nat-a, no NAT on the path', () => {
    const r = run(f5(), APP1_TO_S3);
    expectThroughEndpoint(r, 'vpce-s3', 's3', 'pl-s3');
    expect(r.query.destinationAddress).toBe(S3_ADDRESS);
  });

  it('T-VPCE-02: web -> 52.216.10.10 tcp/443 is REACHABLE via igw-a (rtb-pub is not associated with vpce-s3)', () => {
    const r = run(f5(), { from: 'web', to: S3_ADDRESS, protocol: 'tcp', port: 443 });
    expectReachable(r);
    expectInOrder(ids(r.forward), ['eni-web', 'sg-web', 'acl-def', 'rtb-pub', 'igw-a']);
    expect(component(r.forward, 'rtb-pub').routeTableRoute).toMatchObject({
      routeTableId: 'rtb-pub',
      destination: '0.0.0.0/0',
      target: 'igw-a',
      targetType: 'internet-gateway',
    });
    for (const path of [r.forward, r.return]) {
      expect(ids(path)).not.toContain('vpce-s3');
      expect(ids(path)).not.toContain('nat-a');
    }
    expectInOrder(ids(r.return), ['igw-a', 'acl-def', 'sg-web', 'eni-web']);
  });

  it('T-VPCE-03: F2 plus F5, peer1 -> 52.216.10.10 over 52.216.0.0/15->pcx-ab is BLOCKED at pcx-ab (PCX_REQUIRES_ADDRESS_IN_VPC_CIDR)', () => {
    const t = withRoute(f2WithF5(), 'rtb-b', '52.216.0.0/15', 'pcx-ab');
    const r = run(t, { from: 'peer1', to: S3_ADDRESS, protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      componentId: 'pcx-ab',
      componentType: 'vpc-peering-connection',
      pathDirection: 'forward',
    });
    expect(component(r.forward, 'rtb-b').routeTableRoute).toMatchObject({
      routeTableId: 'rtb-b',
      destination: '52.216.0.0/15',
      target: 'pcx-ab',
    });
    // No edge-to-edge: vpc-a's endpoint (or its NAT and internet gateways) never carries the packet.
    const real = realIds(r.forward);
    expect(real).not.toContain('vpce-s3');
    expect(real).not.toContain('nat-a');
    expect(real).not.toContain('igw-a');
    expect(real).not.toContain('s3');
  });

  it('T-VPCE-04: app1 -> 52.216.10.10 udp/53 is BLOCKED at vpce-s3 (VPCE_GATEWAY_PROTOCOL_RESTRICTION): TCP and ICMP echo only', () => {
    const r = run(f5(), { from: 'app1', to: S3_ADDRESS, protocol: 'udp', port: 53 });
    expectBlocked(r, {
      code: 'VPCE_GATEWAY_PROTOCOL_RESTRICTION',
      componentId: 'vpce-s3',
      componentType: 'vpc-endpoint',
      pathDirection: 'forward',
    });
    // The endpoint route still wins for UDP; the restriction is the endpoint's, not a routing failure.
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      target: 'vpce-s3',
      origin: 'gatewayEndpoint',
    });
    expect(realIds(r.forward)).not.toContain('nat-a');
  });

  it('10.2 rule 3: a static route with the exact CIDR 52.216.0.0/15 -> nat-a beats the endpoint route (static over prefix list)', () => {
    const t = withRoute(f5(), 'rtb-priv', '52.216.0.0/15', 'nat-a');
    const r = run(t, APP1_TO_S3);
    expectReachable(r);
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '52.216.0.0/15',
      target: 'nat-a',
      origin: 'static',
    });
    expectInOrder(ids(r.forward), ['eni-app1', 'rtb-priv', 'nat-a', 'rtb-pub', 'igw-a']);
    expect(ids(r.forward)).not.toContain('vpce-s3');
  });

  it('10.2 rule 6: an ICMP message other than echo (timestamp, type 13) is BLOCKED at vpce-s3', () => {
    const r = run(f5(), { from: 'app1', to: S3_ADDRESS, protocol: 'icmp', icmpType: 13, icmpCode: 0 });
    expectBlocked(r, {
      code: 'VPCE_GATEWAY_PROTOCOL_RESTRICTION',
      componentId: 'vpce-s3',
      componentType: 'vpc-endpoint',
      pathDirection: 'forward',
    });
  });

  it('10.2 rule 6: ICMP echo from app1 to 52.216.10.10 through vpce-s3 is REACHABLE', () => {
    const r = run(f5(), { from: 'app1', to: S3_ADDRESS, protocol: 'icmp' });
    expectThroughEndpoint(r, 'vpce-s3', 's3', 'pl-s3');
  });

  it('10.2 rule 4: a NACL on sn-app-a allowing outbound 0.0.0.0/0 but nothing inbound from the S3 ranges blocks the reply (return, ingress)', () => {
    const t = withNacl(f5(), 'acl-app', ['sn-app-a'], {
      inbound: [{ ruleNumber: 100, protocol: 'all', cidr: '10.0.0.0/16', action: 'allow' }],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
    expect(errorCodes(t)).toEqual([]);
    const r = run(t, APP1_TO_S3);
    const e = expectBlocked(r, {
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-app',
      componentType: 'network-acl',
      pathDirection: 'return',
      direction: 'ingress',
    });
    expect(e.aclRule).toMatchObject({ aclId: 'acl-app', ruleNumber: 32767, egress: false, action: 'deny' });
    // The request itself went out through the endpoint; only the reply dies.
    expect(component(r.forward, 'acl-app').aclRule).toMatchObject({ ruleNumber: 100, egress: true, action: 'allow' });
    expectInOrder(ids(r.forward), ['eni-app1', 'acl-app', 'rtb-priv', 'vpce-s3']);
    expect(r.forward.some((c) => c.whatIf === true)).toBe(false);
    expectInOrder(ids(r.return), ['vpce-s3', 'acl-app']);
  });
});

describe('format.md 3: the services as query endpoints', () => {
  it('to: s3 from app1 aims at 52.216.10.10 and goes through vpce-s3', () => {
    const r = run(f5(), { from: 'app1', to: 's3', protocol: 'tcp', port: 443 });
    expect(r.query.destinationAddress).toBe(S3_ADDRESS);
    expectThroughEndpoint(r, 'vpce-s3', 's3', 'pl-s3');
  });

  it('to: s3 from web goes through igw-a (the public endpoint), not vpce-s3', () => {
    const r = run(f5(), { from: 'web', to: 's3', protocol: 'tcp', port: 443 });
    expect(r.query.destinationAddress).toBe(S3_ADDRESS);
    expectReachable(r);
    expectInOrder(ids(r.forward), ['eni-web', 'rtb-pub', 'igw-a']);
    expect(ids(r.forward)).not.toContain('vpce-s3');
    expect(ids(r.return)).not.toContain('vpce-s3');
  });

  it('10.2 rule 7: from: s3 to app1 is BLOCKED at vpce-s3 (VPCE_INTRA_VPC_TRAFFIC): the endpoint cannot initiate', () => {
    const r = run(f5(), { from: 's3', to: 'app1', protocol: 'tcp', port: 22 });
    expectBlocked(r, { code: 'VPCE_INTRA_VPC_TRAFFIC', componentId: 'vpce-s3', pathDirection: 'forward' });
    expect(ids(r.forward)).toEqual(['s3', 'vpce-s3']);
    expect(r.return).toEqual([]);
  });

  it('from: dynamodb into a VPC without its endpoint has no path at all (NO_PATH at the service)', () => {
    const r = run(f5(), { from: 'dynamodb', to: 'web', protocol: 'tcp', port: 443 });
    expectBlocked(r, { code: 'NO_PATH', componentId: 'dynamodb', pathDirection: 'forward' });
    expect(ids(r.forward)).toEqual(['dynamodb']);
  });
});

describe('semantics.md 10.2: a DynamoDB gateway endpoint works the same', () => {
  const f5WithDynamoDb = (): Topology => withGatewayEndpoint(f5(), 'vpce-ddb', 'dynamodb');

  it('F5 plus a DynamoDB gateway endpoint on rtb-priv has no error diagnostics', () => {
    expect(errorCodes(f5WithDynamoDb())).toEqual([]);
  });

  it('app1 -> 52.94.0.10 tcp/443 is REACHABLE via vpce-ddb on the pl-dynamodb route', () => {
    const r = run(f5WithDynamoDb(), { from: 'app1', to: DYNAMODB_ADDRESS, protocol: 'tcp', port: 443 });
    expectThroughEndpoint(r, 'vpce-ddb', 'dynamodb', 'pl-dynamodb');
    expect(ids(r.forward)).not.toContain('vpce-s3');
  });

  it('to: dynamodb from app1 aims at 52.94.0.10 and goes through vpce-ddb', () => {
    const r = run(f5WithDynamoDb(), { from: 'app1', to: 'dynamodb', protocol: 'tcp', port: 443 });
    expect(r.query.destinationAddress).toBe(DYNAMODB_ADDRESS);
    expectThroughEndpoint(r, 'vpce-ddb', 'dynamodb', 'pl-dynamodb');
  });

  it('app1 -> 52.94.0.10 udp/53 is BLOCKED at vpce-ddb (VPCE_GATEWAY_PROTOCOL_RESTRICTION)', () => {
    const r = run(f5WithDynamoDb(), { from: 'app1', to: DYNAMODB_ADDRESS, protocol: 'udp', port: 53 });
    expectBlocked(r, {
      code: 'VPCE_GATEWAY_PROTOCOL_RESTRICTION',
      componentId: 'vpce-ddb',
      componentType: 'vpc-endpoint',
      pathDirection: 'forward',
    });
  });

  it('without the DynamoDB endpoint, app1 -> 52.94.0.10 leaves through nat-a and igw-a (F5 covers S3 only)', () => {
    const r = run(f5(), { from: 'app1', to: DYNAMODB_ADDRESS, protocol: 'tcp', port: 443 });
    expectReachable(r);
    expectInOrder(ids(r.forward), ['eni-app1', 'rtb-priv', 'nat-a', 'rtb-pub', 'igw-a']);
    expect(ids(r.forward)).not.toContain('vpce-s3');
  });
});

describe('semantics.md 4.2: prefix lists in security-group rules', () => {
  const onlyS3Outbound = (): Topology =>
    setSgOutbound(f5(), 'sg-app', [{ protocol: 'tcp', ports: '443', destination: 'pl-s3' }]);

  it('T-SG-07: with sg-app outbound only tcp/443 to pl-s3, app1 -> 52.216.10.10 tcp/443 is REACHABLE', () => {
    const t = onlyS3Outbound();
    expect(errorCodes(t)).toEqual([]);
    const r = run(t, APP1_TO_S3);
    expectReachable(r);
    expect(component(r.forward, 'sg-app', 'egress').securityGroupRule).toMatchObject({
      sgId: 'sg-app',
      direction: 'egress',
      peer: 'pl-s3',
      ruleIndex: 0,
    });
    expectInOrder(ids(r.forward), ['eni-app1', 'sg-app', 'rtb-priv', 'vpce-s3']);
  });

  it('T-SG-07: with the same rule, app1 -> internet server tcp/443 is BLOCKED at eni-app1 egress (ENI_SG_RULES_MISMATCH)', () => {
    const r = run(onlyS3Outbound(), { from: 'app1', to: INTERNET_SERVER, protocol: 'tcp', port: 443 });
    const e = expectBlocked(r, {
      code: 'ENI_SG_RULES_MISMATCH',
      componentId: 'eni-app1',
      pathDirection: 'forward',
      direction: 'egress',
    });
    expect(e.securityGroups).toEqual(['sg-app']);
  });
});
