// Worked tests of semantics.md section 7 (egress-only internet gateway) and pipeline 12.7, on F4.
import { describe, expect, it } from 'vitest';
import { f4, IPV6_INTERNET_HOST, withoutResource, withoutRoute } from '../fixtures/index.ts';
import { component, expectBlocked, expectInOrder, expectReachable, ids, run } from './trace-helpers.ts';

const V6_ADDRESS = '2600:1f18:6:601::10';

describe('semantics.md 7: egress-only internet gateway', () => {
  it('T-EIGW-01: v6 -> 2001:db8:ffff::1 tcp/443 is REACHABLE through eigw-6 with the source unchanged', () => {
    const r = run(f4(), { from: 'v6', to: IPV6_INTERNET_HOST, protocol: 'tcp', port: 443 });
    expectReachable(r);
    expect(r.query).toMatchObject({ family: 6, sourceAddress: V6_ADDRESS, destinationAddress: IPV6_INTERNET_HOST });
    // Pipeline 12.7: SG out, NACL out (IPv6 rules), rtb-6 ::/0 -> eigw-6, eigw-6; reply: eigw-6, NACL in, SG state.
    expectInOrder(ids(r.forward), ['eni-v6', 'sg-6', 'acl-def-6', 'rtb-6', 'eigw-6']);
    expectInOrder(ids(r.return), ['eigw-6', 'acl-def-6', 'sg-6', 'eni-v6']);
    expect(ids(r.forward)).not.toContain('igw-6');
    expect(ids(r.return)).not.toContain('igw-6');
    expect(component(r.forward, 'rtb-6').routeTableRoute).toMatchObject({ destination: '::/0', target: 'eigw-6' });
    expect(component(r.forward, 'acl-def-6').aclRule).toMatchObject({ ruleNumber: 101, egress: true });
    expect(component(r.return, 'acl-def-6').aclRule).toMatchObject({ ruleNumber: 101, egress: false });
    // No translation anywhere: every recorded header keeps v6's address as the source (forward).
    for (const c of r.forward) {
      for (const h of [c.inboundHeader, c.outboundHeader]) {
        if (h) expect(h).toMatchObject({ family: 6, src: [V6_ADDRESS], dst: [IPV6_INTERNET_HOST] });
      }
    }
  });

  it('T-EIGW-02: with igw-6 attached, internet-initiated IPv6 enters via igw-6 and the reply hits eigw-6 without state (SIM_ASYMMETRIC_RETURN, return)', () => {
    const r = run(f4(), { from: IPV6_INTERNET_HOST, to: 'v6', protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'SIM_ASYMMETRIC_RETURN',
      componentId: 'eigw-6',
      componentType: 'egress-only-internet-gateway',
      pathDirection: 'return',
    });
    expect(r.query.destinationAddress).toBe(V6_ADDRESS);
    expectInOrder(ids(r.forward), ['igw-6', 'acl-def-6', 'sg-6', 'eni-v6']);
    expect(component(r.return, 'rtb-6').routeTableRoute).toMatchObject({ destination: '::/0', target: 'eigw-6' });
  });

  it('T-EIGW-02: with igw-6 removed, internet-initiated IPv6 is BLOCKED at eigw-6 on the forward path (SIM_EIGW_INBOUND_UNSOLICITED)', () => {
    const t = withoutResource(withoutRoute(f4(), 'rtb-6', '0.0.0.0/0'), 'igw-6');
    const r = run(t, { from: IPV6_INTERNET_HOST, to: 'v6', protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'SIM_EIGW_INBOUND_UNSOLICITED',
      componentId: 'eigw-6',
      componentType: 'egress-only-internet-gateway',
      pathDirection: 'forward',
    });
  });
});
