// Worked test of semantics.md section 14: VPC service addresses are never filtered by SGs or NACLs.
import { describe, expect, it } from 'vitest';
import { f1, setSgOutbound, withNacl } from '../fixtures/index.ts';
import { componentTypes, expectBlocked, run } from './trace-helpers.ts';

describe('semantics.md 14: not filtered', () => {
  it('T-NF-01: app1 -> 10.0.0.2 udp/53 (Amazon DNS) is REACHABLE despite a deny-all NACL and no SG outbound rules', () => {
    const t = setSgOutbound(withNacl(f1(), 'acl-app', ['sn-app-a']), 'sg-app', []);
    const r = run(t, { from: 'app1', to: '10.0.0.2', protocol: 'udp', port: 53 });
    expect(r.verdict).toBe('REACHABLE');
    expect(r.explanations.filter((e) => e.blocking)).toEqual([]);
    const services = r.forward.filter((c) => c.component.type === 'vpc-service');
    expect(services).toHaveLength(1);
    expect(services[0]?.additionalDetails).toContain('NOT_FILTERED_BY_SG_OR_NACL');
    for (const path of [r.forward, r.return]) {
      expect(componentTypes(path)).not.toContain('security-group');
      expect(componentTypes(path)).not.toContain('network-acl');
    }
  });

  it('T-NF-01: the same setup to db udp/53 is BLOCKED at eni-app1 egress (SG_HAS_NO_RULES)', () => {
    const t = setSgOutbound(withNacl(f1(), 'acl-app', ['sn-app-a']), 'sg-app', []);
    const r = run(t, { from: 'app1', to: 'db', protocol: 'udp', port: 53 });
    const e = expectBlocked(r, {
      code: 'SG_HAS_NO_RULES',
      componentId: 'eni-app1',
      pathDirection: 'forward',
      direction: 'egress',
    });
    expect(e.securityGroups).toEqual(['sg-app']);
  });
});
