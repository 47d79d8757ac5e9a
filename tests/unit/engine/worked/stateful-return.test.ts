// Worked tests of semantics.md section 11 (request/response model: stateless NACLs, stateful SGs), on F1.
import { describe, expect, it } from 'vitest';
import { addNaclRule, addSgInbound, f1, setSgOutbound, withNacl } from '../fixtures/index.ts';
import type { Topology } from '../../../../src/model/index.ts';
import { component, expectBlocked, expectReachable, run } from './trace-helpers.ts';

/** T-RET-01: ICMP from sg-web admitted by sg-app; a NACL on sn-app-a that passes only echo requests. */
function f1WithIcmpNacl(): Topology {
  const t = f1();
  addSgInbound(t, 'sg-app', { protocol: 'icmp', source: 'sg-web' });
  return withNacl(t, 'acl-app', ['sn-app-a'], {
    inbound: [{ ruleNumber: 100, protocol: 'icmp', icmpType: 8, cidr: '10.0.1.0/24', action: 'allow' }],
    outbound: [{ ruleNumber: 100, protocol: 'icmp', icmpType: 8, cidr: '0.0.0.0/0', action: 'allow' }],
  });
}

const WEB_PINGS_APP1 = { from: 'web', to: 'app1', protocol: 'icmp', icmpType: 8, icmpCode: 0 } as const;

describe('semantics.md 11: stateful request/response', () => {
  it('T-RET-01: the echo reply (type 0) is not an echo request, so the NACL drops it outbound on the return path', () => {
    const r = run(f1WithIcmpNacl(), WEB_PINGS_APP1);
    const e = expectBlocked(r, {
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-app',
      componentType: 'network-acl',
      pathDirection: 'return',
      direction: 'egress',
    });
    expect(e.aclRule).toMatchObject({ ruleNumber: 32767, egress: true, action: 'deny' });
    expect(component(r.forward, 'acl-app').aclRule).toMatchObject({ ruleNumber: 100, action: 'allow' });
  });

  it('T-RET-01: adding outbound 110 allow icmp type 0 to 10.0.1.0/24 makes it REACHABLE with no SG change (conntrack)', () => {
    const t = addNaclRule(f1WithIcmpNacl(), 'acl-app', 'outbound', {
      ruleNumber: 110,
      protocol: 'icmp',
      icmpType: 0,
      cidr: '10.0.1.0/24',
      action: 'allow',
    });
    const r = run(t, WEB_PINGS_APP1);
    expectReachable(r);
    expect(component(r.return, 'acl-app').aclRule).toMatchObject({ ruleNumber: 110, egress: true, action: 'allow' });
    // sg-web admits only tcp/443 inbound; the echo reply enters by connection state.
    expect(component(r.return, 'sg-web').securityGroupRule).toMatchObject({ viaConntrack: true });
    expect(component(r.return, 'sg-app').securityGroupRule).toMatchObject({ viaConntrack: true });
  });

  it('T-RET-03: sg-app without outbound rules still answers web: REACHABLE, and the return path shows sg-app viaConntrack', () => {
    const t = setSgOutbound(f1(), 'sg-app', []);
    const r = run(t, { from: 'web', to: 'app1', protocol: 'tcp', port: 443 });
    expectReachable(r);
    const sg = component(r.return, 'sg-app');
    expect(sg.trafficDirection).toBe('egress');
    expect(sg.securityGroupRule).toMatchObject({ sgId: 'sg-app', viaConntrack: true });
  });
});
