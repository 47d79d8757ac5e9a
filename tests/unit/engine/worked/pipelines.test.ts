// Worked tests of semantics.md section 12 (the order of checks on both paths), on F1. Pipelines 12.5
// to 12.8 are also asserted in the IGW, NAT and EIGW test files next to their T- tests.
import { describe, expect, it } from 'vitest';
import { f1, setSgInbound } from '../fixtures/index.ts';
import { component, componentTypes, expectBlocked, expectInOrder, expectReachable, ids, run } from './trace-helpers.ts';

describe('semantics.md 12: hop-by-hop pipelines', () => {
  it('T-PIPE-01: web -> app1 tcp/443 visits instance, ENI, SG, NACL, route table, NACL, SG, ENI, instance in that order both ways', () => {
    const r = run(f1(), { from: 'web', to: 'app1', protocol: 'tcp', port: 443 });
    expectReachable(r);

    expect(ids(r.forward)).toEqual([
      'web',
      'eni-web',
      'sg-web',
      'acl-def',
      'rtb-pub',
      'acl-def',
      'sg-app',
      'eni-app1',
      'app1',
    ]);
    expect(componentTypes(r.forward)).toEqual([
      'instance',
      'network-interface',
      'security-group',
      'network-acl',
      'route-table',
      'network-acl',
      'security-group',
      'network-interface',
      'instance',
    ]);
    const [, , sgWeb, aclOut, rtbPub, aclIn, sgApp] = r.forward;
    expect(sgWeb).toMatchObject({
      trafficDirection: 'egress',
      securityGroupRule: { sgId: 'sg-web', peer: '0.0.0.0/0' },
    });
    expect(aclOut).toMatchObject({
      trafficDirection: 'egress',
      aclRule: { aclId: 'acl-def', ruleNumber: 100, egress: true },
    });
    expect(rtbPub?.routeTableRoute).toMatchObject({
      routeTableId: 'rtb-pub',
      destination: '10.0.0.0/16',
      target: 'local',
    });
    expect(aclIn).toMatchObject({
      trafficDirection: 'ingress',
      aclRule: { aclId: 'acl-def', ruleNumber: 100, egress: false },
    });
    expect(sgApp).toMatchObject({
      trafficDirection: 'ingress',
      securityGroupRule: { sgId: 'sg-app', peer: 'sg-web', protocol: 'tcp', portRange: { from: 443, to: 443 } },
    });

    expect(ids(r.return)).toEqual([
      'app1',
      'eni-app1',
      'sg-app',
      'acl-def',
      'rtb-priv',
      'acl-def',
      'sg-web',
      'eni-web',
      'web',
    ]);
    const [, , sgAppBack, aclOutBack, rtbPriv, aclInBack, sgWebBack] = r.return;
    expect(sgAppBack).toMatchObject({
      trafficDirection: 'egress',
      securityGroupRule: { sgId: 'sg-app', viaConntrack: true },
    });
    expect(aclOutBack).toMatchObject({ trafficDirection: 'egress', aclRule: { ruleNumber: 100, egress: true } });
    expect(rtbPriv?.routeTableRoute).toMatchObject({
      routeTableId: 'rtb-priv',
      destination: '10.0.0.0/16',
      target: 'local',
    });
    expect(aclInBack).toMatchObject({ trafficDirection: 'ingress', aclRule: { ruleNumber: 100, egress: false } });
    expect(sgWebBack).toMatchObject({
      trafficDirection: 'ingress',
      securityGroupRule: { sgId: 'sg-web', viaConntrack: true },
    });

    expect(r.forward.every((c) => c.direction === 'forward')).toBe(true);
    expect(r.return.every((c) => c.direction === 'return')).toBe(true);
    // Sequence numbers count the components of each path in visiting order (RA's sequenceNumber).
    for (const path of [r.forward, r.return]) {
      const seqs = path.map((c) => c.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
  });

  it('T-PIPE-02: app1 -> db tcp/5432 crosses AZs a->b and is REACHABLE', () => {
    const r = run(f1(), { from: 'app1', to: 'db', protocol: 'tcp', port: 5432 });
    expectReachable(r);
    expectInOrder(ids(r.forward), [
      'app1',
      'eni-app1',
      'sg-app',
      'acl-def',
      'rtb-priv',
      'acl-def',
      'sg-db',
      'eni-db',
      'db',
    ]);
    expect(component(r.forward, 'sg-db').securityGroupRule).toMatchObject({
      peer: 'sg-app',
      portRange: { from: 5432, to: 5432 },
    });
  });

  it('T-PIPE-02: app1 -> db tcp/443 is BLOCKED at eni-db ingress (ENI_SG_RULES_MISMATCH)', () => {
    const r = run(f1(), { from: 'app1', to: 'db', protocol: 'tcp', port: 443 });
    const e = expectBlocked(r, {
      code: 'ENI_SG_RULES_MISMATCH',
      componentId: 'eni-db',
      pathDirection: 'forward',
      direction: 'ingress',
    });
    expect(e.securityGroups).toEqual(['sg-db']);
  });

  it('12.1 pipeline: same subnet app1 -> app2 is SG egress then SG ingress, and the reply passes both by connection state', () => {
    const t = setSgInbound(f1(), 'sg-app', [{ protocol: 'tcp', ports: '443', source: 'sg-app' }]);
    const r = run(t, { from: 'app1', to: 'app2', protocol: 'tcp', port: 443 });
    expectReachable(r);
    expectInOrder(ids(r.forward), ['app1', 'eni-app1', 'sg-app', 'sg-app', 'eni-app2', 'app2']);
    expectInOrder(ids(r.return), ['app2', 'eni-app2', 'sg-app', 'sg-app', 'eni-app1', 'app1']);
    const sgs = r.return.filter((c) => c.component.type === 'security-group');
    expect(sgs.map((c) => [c.trafficDirection, c.securityGroupRule?.viaConntrack])).toEqual([
      ['egress', true],
      ['ingress', true],
    ]);
  });
});
