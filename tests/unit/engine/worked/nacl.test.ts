// Worked tests of semantics.md section 3 (network ACLs: order, statelessness, ephemeral ports).
import { describe, expect, it } from 'vitest';
import type { NaclRule } from '../../../../src/model/index.ts';
import { addNaclRule, f1, f4, IPV6_INTERNET_HOST, networkAcl, setSgInbound, withNacl } from '../fixtures/index.ts';
import { component, componentTypes, expectBlocked, expectReachable, LINUX_EPHEMERAL, run } from './trace-helpers.ts';

const WEB_TO_APP1 = { from: 'web', to: 'app1', protocol: 'tcp', port: 443 } as const;

/** T-NACL-02's NACL on sn-app-a: 443 in from the web subnet, 443 out anywhere, nothing for replies. */
function f1WithAppNacl(extraOutbound?: NaclRule) {
  const t = withNacl(f1(), 'acl-app', ['sn-app-a'], {
    inbound: [{ ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '10.0.1.0/24', action: 'allow' }],
    outbound: [{ ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' }],
  });
  return extraOutbound ? addNaclRule(t, 'acl-app', 'outbound', extraOutbound) : t;
}

describe('semantics.md 3: network ACLs', () => {
  it('T-NACL-01: a new custom NACL (no rules) on sn-app-a denies web->app1 inbound at rule 32767', () => {
    const t = withNacl(f1(), 'acl-app', ['sn-app-a']);
    const r = run(t, WEB_TO_APP1);
    const e = expectBlocked(r, {
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-app',
      componentType: 'network-acl',
      pathDirection: 'forward',
      direction: 'ingress',
    });
    expect(e.aclRule).toMatchObject({ aclId: 'acl-app', ruleNumber: 32767, egress: false, action: 'deny' });
  });

  it('T-NACL-02: a NACL that opens 443 but not the ephemeral ports blocks the reply outbound on the return path', () => {
    const r = run(f1WithAppNacl(), WEB_TO_APP1);
    const e = expectBlocked(r, {
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-app',
      componentType: 'network-acl',
      pathDirection: 'return',
      direction: 'egress',
    });
    expect(e.aclRule).toMatchObject({ aclId: 'acl-app', ruleNumber: 32767, egress: true, action: 'deny' });
    // The forward leg passed the inbound rule 100.
    expect(component(r.forward, 'acl-app').aclRule).toMatchObject({ ruleNumber: 100, egress: false, action: 'allow' });
  });

  it('T-NACL-02: adding outbound 110 allow tcp 32768-65535 to 10.0.1.0/24 makes it REACHABLE', () => {
    const r = run(
      f1WithAppNacl({ ruleNumber: 110, protocol: 'tcp', ports: '32768-65535', cidr: '10.0.1.0/24', action: 'allow' }),
      WEB_TO_APP1,
    );
    expectReachable(r);
    expect(component(r.return, 'acl-app').aclRule).toMatchObject({ ruleNumber: 110, egress: true, action: 'allow' });
  });

  it('T-NACL-03: outbound 110 covering only 49152-65535 gives REACHABLE_PARTIAL, working 49152-60999, failing 32768-49151', () => {
    const r = run(
      f1WithAppNacl({ ruleNumber: 110, protocol: 'tcp', ports: '49152-65535', cidr: '10.0.1.0/24', action: 'allow' }),
      WEB_TO_APP1,
    );
    expect(r.verdict).toBe('REACHABLE_PARTIAL');
    expect(r.workingPortRanges).toEqual([{ from: 49152, to: LINUX_EPHEMERAL.to }]);
    expect(r.explanations.filter((e) => e.blocking)).toEqual([]);
    const partial = r.explanations.find((e) => e.code === 'SIM_EPHEMERAL_PARTIAL');
    expect(partial).toMatchObject({
      code: 'SIM_EPHEMERAL_PARTIAL',
      blocking: false,
      componentId: 'acl-app',
      pathDirection: 'return',
      direction: 'egress',
      portRanges: [{ from: LINUX_EPHEMERAL.from, to: 49151 }],
    });
  });

  it('T-NACL-04: deny rule 90 before allow-all rule 100 blocks web->app1 inbound (first match wins)', () => {
    const t = withNacl(f1(), 'acl-app', ['sn-app-a'], {
      inbound: [
        { ruleNumber: 90, protocol: 'tcp', ports: '443', cidr: '10.0.1.10/32', action: 'deny' },
        { ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
      ],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
    const e = expectBlocked(run(t, WEB_TO_APP1), {
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-app',
      pathDirection: 'forward',
      direction: 'ingress',
    });
    expect(e.aclRule).toMatchObject({ ruleNumber: 90, egress: false, action: 'deny', cidr: '10.0.1.10/32' });
  });

  it('T-NACL-04: with the deny renumbered to 110, rule 100 matches first and it is REACHABLE', () => {
    const t = withNacl(f1(), 'acl-app', ['sn-app-a'], {
      inbound: [
        { ruleNumber: 110, protocol: 'tcp', ports: '443', cidr: '10.0.1.10/32', action: 'deny' },
        { ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
      ],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
    const r = run(t, WEB_TO_APP1);
    expectReachable(r);
    expect(component(r.forward, 'acl-app').aclRule).toMatchObject({ ruleNumber: 100, action: 'allow' });
  });

  it('T-NACL-05: a deny-all NACL on sn-app-a does not affect app1->app2 inside the subnet', () => {
    const t = withNacl(f1(), 'acl-app', ['sn-app-a']);
    // "SG allows": sg-app admits 443 from its own members.
    setSgInbound(t, 'sg-app', [{ protocol: 'tcp', ports: '443', source: 'sg-app' }]);
    const r = run(t, { from: 'app1', to: 'app2', protocol: 'tcp', port: 443 });
    expectReachable(r);
    expect([...componentTypes(r.forward), ...componentTypes(r.return)]).not.toContain('network-acl');
  });

  it('T-NACL-06: F4 with no inbound IPv6 rule 101 blocks the IPv6 reply at the default NACL (return, ingress, 32767)', () => {
    const t = f4();
    const acl = networkAcl(t, 'acl-def-6');
    // Edited before the IPv6 CIDR was associated: AWS never added rule 101 inbound.
    acl.inbound = acl.inbound.filter((rule) => rule.ruleNumber !== 101);
    const r = run(t, { from: 'v6', to: IPV6_INTERNET_HOST, protocol: 'tcp', port: 443 });
    const e = expectBlocked(r, {
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-def-6',
      componentType: 'network-acl',
      pathDirection: 'return',
      direction: 'ingress',
    });
    // The IPv4 rule 100 never matches an IPv6 packet; the IPv6 `*` rule denies.
    expect(e.aclRule).toMatchObject({ ruleNumber: 32767, egress: false, action: 'deny', cidr: '::/0' });
  });
});
