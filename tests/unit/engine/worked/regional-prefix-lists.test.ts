// Semantics.md 10.1 and 10.2 rule 3: managed prefix lists are regional. `pl-s3` in a VPC of
// eu-west-1 holds eu-west-1's S3 ranges, so the gateway endpoint carries traffic to S3 of its own
// region only; S3 of another region still goes out through the NAT gateway and the internet gateway.
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../../src/model/index.ts';
import { validateTopology } from '../../../../src/model/index.ts';
import { serviceAddress, serviceRanges, GATEWAY_SERVICES } from '../../../../src/engine/builtins.ts';
import { cidrContains, cidrsOverlap, formatIp } from '../../../../src/lib/index.ts';
import { f5, setSgOutbound } from '../fixtures/index.ts';
import { component, expectBlocked, expectInOrder, expectReachable, ids, run } from './trace-helpers.ts';

/** F5 moved to `region`: the VPC, and its subnets' availability zones. */
function f5In(region: string): Topology {
  const t = f5();
  for (const v of t.vpcs ?? []) v.region = region;
  for (const s of t.subnets ?? []) s.availabilityZone = region + s.availabilityZone.slice(-1);
  return t;
}

describe('regional built-in prefix lists (semantics.md 10.1, 10.2 rule 3)', () => {
  it('every region has its own service ranges, disjoint from every other region and service', () => {
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1', 'xx-test-9'];
    const all = regions.flatMap((r) => GATEWAY_SERVICES.flatMap((s) => serviceRanges(s, r).map((c) => ({ r, s, c }))));
    for (const a of all)
      for (const b of all) if (a !== b && (a.r !== b.r || a.s !== b.s)) expect(cidrsOverlap(a.c, b.c)).toBe(false);
    // The address a query aims at lies in its region's list.
    for (const r of regions)
      for (const s of GATEWAY_SERVICES)
        expect(serviceRanges(s, r).some((c) => cidrContains(c, serviceAddress(s, r)))).toBe(true);
  });

  it('the F5 network moved to eu-west-1 is still a configuration AWS accepts', () => {
    expect(validateTopology(f5In('eu-west-1')).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('to: s3 from a eu-west-1 VPC aims at S3 of eu-west-1 and goes through vpce-s3 on the eu-west-1 ranges', () => {
    const r = run(f5In('eu-west-1'), { from: 'app1', to: 's3', protocol: 'tcp', port: 443 });
    expect(r.query.destinationAddress).toBe(formatIp(serviceAddress('s3', 'eu-west-1')));
    expectReachable(r);
    expectInOrder(ids(r.forward), ['rtb-priv', 'vpce-s3']);
    const route = component(r.forward, 'rtb-priv').routeTableRoute;
    expect(route).toMatchObject({ target: 'vpce-s3', origin: 'gatewayEndpoint' });
    expect(ids(r.forward)).not.toContain('nat-a');
  });

  it('S3 of us-east-1 from the eu-west-1 VPC is not on its pl-s3: it goes through nat-a and igw-a', () => {
    const r = run(f5In('eu-west-1'), { from: 'app1', to: 'com.amazonaws.us-east-1.s3', protocol: 'tcp', port: 443 });
    expect(r.query.destinationAddress).toBe('52.216.10.10');
    expectReachable(r);
    expectInOrder(ids(r.forward), ['rtb-priv', 'nat-a', 'igw-a']);
    expect(ids(r.forward)).not.toContain('vpce-s3');
  });

  it('the same the other way: S3 of eu-west-1 from the us-east-1 VPC goes through the NAT gateway', () => {
    const r = run(f5(), { from: 'app1', to: 'com.amazonaws.eu-west-1.s3', protocol: 'tcp', port: 443 });
    expectReachable(r);
    expectInOrder(ids(r.forward), ['rtb-priv', 'nat-a', 'igw-a']);
    expect(ids(r.forward)).not.toContain('vpce-s3');
  });

  it('a security-group rule to pl-s3 matches the ranges of its own region only', () => {
    const t = setSgOutbound(f5In('eu-west-1'), 'sg-app', [{ protocol: 'tcp', ports: '443', destination: 'pl-s3' }]);
    expectReachable(run(t, { from: 'app1', to: 's3', protocol: 'tcp', port: 443 }));
    const other = run(t, { from: 'app1', to: 'com.amazonaws.us-east-1.s3', protocol: 'tcp', port: 443 });
    expectBlocked(other, { code: 'ENI_SG_RULES_MISMATCH', componentId: 'eni-app1', pathDirection: 'forward' });
  });
});
