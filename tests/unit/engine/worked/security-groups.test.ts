// Worked tests of semantics.md section 4 (security groups: references, defaults, statefulness) on F1.
import { describe, expect, it } from 'vitest';
import { f1, INTERNET_CLIENT, INTERNET_SERVER, setSgOutbound } from '../fixtures/index.ts';
import { component, expectBlocked, expectReachable, run } from './trace-helpers.ts';

describe('semantics.md 4: security groups', () => {
  it("T-SG-01: web->app1 tcp/443 is REACHABLE through sg-app's rule that references sg-web", () => {
    const r = run(f1(), { from: 'web', to: 'app1', protocol: 'tcp', port: 443 });
    expectReachable(r);
    expect(component(r.forward, 'sg-app', 'ingress').securityGroupRule).toMatchObject({
      sgId: 'sg-app',
      direction: 'ingress',
      peer: 'sg-web',
      protocol: 'tcp',
      portRange: { from: 443, to: 443 },
    });
  });

  it('T-SG-02: web->app1 tcp/22 is BLOCKED at eni-app1 ingress (ENI_SG_RULES_MISMATCH, [sg-app])', () => {
    const r = run(f1(), { from: 'web', to: 'app1', protocol: 'tcp', port: 22 });
    const e = expectBlocked(r, {
      code: 'ENI_SG_RULES_MISMATCH',
      componentId: 'eni-app1',
      pathDirection: 'forward',
      direction: 'ingress',
    });
    expect(e.securityGroups).toEqual(['sg-app']);
  });

  it('T-SG-03: app1->app2 tcp/443 is BLOCKED at eni-app2 ingress: sharing sg-app allows nothing without a self-reference', () => {
    const r = run(f1(), { from: 'app1', to: 'app2', protocol: 'tcp', port: 443 });
    const e = expectBlocked(r, {
      code: 'ENI_SG_RULES_MISMATCH',
      componentId: 'eni-app2',
      pathDirection: 'forward',
      direction: 'ingress',
    });
    expect(e.securityGroups).toEqual(['sg-app']);
  });

  it('T-SG-04: sg-web without outbound rules blocks web->internet at eni-web egress (SG_HAS_NO_RULES)', () => {
    const t = setSgOutbound(f1(), 'sg-web', []);
    const r = run(t, { from: 'web', to: INTERNET_SERVER, protocol: 'tcp', port: 443 });
    const e = expectBlocked(r, {
      code: 'SG_HAS_NO_RULES',
      componentId: 'eni-web',
      pathDirection: 'forward',
      direction: 'egress',
    });
    expect(e.securityGroups).toEqual(['sg-web']);
  });

  it('T-SG-04: sg-web without outbound rules still answers internet clients: the reply leaves under connection state', () => {
    const t = setSgOutbound(f1(), 'sg-web', []);
    const r = run(t, { from: INTERNET_CLIENT, to: 'web', protocol: 'tcp', port: 443 });
    expectReachable(r);
    expect(component(r.return, 'sg-web').securityGroupRule).toMatchObject({ sgId: 'sg-web', viaConntrack: true });
  });
});
