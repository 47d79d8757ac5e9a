// Narration of hand-built trace results: one numbered line per component, markers on the blockers,
// rule numbers as AWS shows them, translations as before -> after, and the verdict line.
import { describe, expect, it } from 'vitest';
import type { TraceResult } from '../../../src/engine/index.ts';
import {
  describeAclRule,
  describeQuestion,
  describeRoute,
  formatDiagnostic,
  describeSgRule,
  narrateTrace,
  narrateTraceLines,
} from '../../../src/cli/narrate.ts';
import { blockedByNaclOnReturn, blockedBySecurityGroup, partialEphemeral, reachableThroughNat } from './fixtures.ts';

/** The numbered component lines, without their numbers' padding. */
function steps(result: TraceResult): string[] {
  return narrateTrace(result)
    .filter((line) => /^\s*\d+\. /.test(line))
    .map((line) => line.trim());
}

function blockedSteps(result: TraceResult): string[] {
  return steps(result).filter((line) => line.includes('<-- BLOCKED'));
}

function verdictLine(result: TraceResult): string {
  const line = narrateTrace(result).find((l) => l.startsWith('Verdict: '));
  expect(line).toBeDefined();
  return line ?? '';
}

describe('narrateTrace', () => {
  it('opens with the question, naming the destination address and the service', () => {
    const [first] = narrateTrace(reachableThroughNat());
    expect(first).toBe('Can app1 reach internet (198.51.100.10) on tcp/443?');
  });

  it('numbers every component of both paths in one sequence', () => {
    const r = reachableThroughNat();
    const numbers = steps(r).map((line) => Number(line.split('.')[0]));
    const count = r.forward.length + r.return.length;
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it('marks the security group that blocked the request, and only it', () => {
    const r = blockedBySecurityGroup();
    const marked = blockedSteps(r);
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(/^7\. sg-app \(on eni-app1\)/);
    expect(marked[0]).toContain('ENI_SG_RULES_MISMATCH');
    expect(marked[0]).toContain('from 10.0.1.10');
  });

  it('numbers security-group rules from 1 and names the default outbound rule', () => {
    expect(steps(blockedBySecurityGroup())[2]).toBe(
      '3. sg-web (on eni-web) outbound rule 1 allows all traffic to 0.0.0.0/0',
    );
    expect(steps(reachableThroughNat())[1]).toContain('sg-app (on eni-app1) default outbound rule allows all traffic');
  });

  it('says a reply passed a security group by connection tracking', () => {
    expect(steps(blockedByNaclOnReturn())).toContain('12. sg-app (on eni-app1) allows the reply: connection tracking');
  });

  it('shows NACL rule numbers, and the implicit deny as rule * (32767) with the refused packet', () => {
    const lines = steps(blockedByNaclOnReturn());
    expect(lines).toContain('4. acl-def outbound rule 100 allows all traffic to 0.0.0.0/0');
    expect(lines).toContain('6. acl-app inbound rule 100 allows tcp 443 from 10.0.1.0/24');
    const marked = blockedSteps(blockedByNaclOnReturn());
    expect(marked).toEqual([
      '13. acl-app outbound rule * (32767) denies tcp 32768-60999 to 10.0.1.10   <-- BLOCKED (SUBNET_ACL_RESTRICTION)',
    ]);
  });

  it('shows routes as destination -> target', () => {
    expect(steps(reachableThroughNat())).toContain('3. rtb-priv: route 0.0.0.0/0 -> nat-a');
    expect(steps(reachableThroughNat())).toContain('5. rtb-pub: route 0.0.0.0/0 -> igw-a');
  });

  it('shows translations as before -> after, on both paths', () => {
    const lines = steps(reachableThroughNat());
    expect(lines).toContain('4. nat-a translates source 10.0.2.10 -> 10.0.1.5, source port 32768-60999 -> 1024-65535');
    expect(lines).toContain('6. igw-a translates source 10.0.1.5 -> 3.3.3.3');
    expect(lines).toContain('9. igw-a translates destination 3.3.3.3 -> 10.0.1.5');
    expect(lines.find((l) => l.startsWith('10. nat-a'))).toContain('destination 10.0.1.5 -> 10.0.2.10');
  });

  it('follows the translated header: the reply from the internet is addressed to the public address', () => {
    expect(steps(reachableThroughNat())).toContain(
      '8. internet sends the reply: tcp 198.51.100.10:443 -> 3.3.3.3:1024-65535',
    );
  });

  it('ends with the verdict and the primary explanation code', () => {
    expect(verdictLine(blockedBySecurityGroup())).toMatch(
      /^Verdict: BLOCKED — .*ENI_SG_RULES_MISMATCH at eni-app1, forward/,
    );
    expect(verdictLine(blockedByNaclOnReturn())).toContain('SUBNET_ACL_RESTRICTION at acl-app, return');
    expect(verdictLine(reachableThroughNat())).toMatch(/^Verdict: REACHABLE — /);
  });

  it('lists every explanation with its code and component', () => {
    const text = narrateTrace(blockedByNaclOnReturn());
    const i = text.indexOf('Explanations:');
    expect(i).toBeGreaterThan(0);
    expect(text[i + 1]).toContain('SUBNET_ACL_RESTRICTION at acl-app (return, outbound)');
  });

  it('says the return path was not traced when the request was blocked', () => {
    const text = narrateTrace(blockedBySecurityGroup());
    const i = text.findIndex((l) => l.startsWith('Return path'));
    expect(text[i + 1]).toContain('not traced');
  });

  it('says the return path was not checked for a one-way query', () => {
    const r = reachableThroughNat();
    const oneWay: TraceResult = { ...r, query: { ...r.query, oneWay: true }, return: [] };
    expect(narrateTrace(oneWay)).toContain('Return path: not checked (one-way query).');
    expect(narrateTrace(oneWay)[0]).toContain('(request only)');
  });

  describe('a partial result', () => {
    it('gives the verdict with the working client ports', () => {
      expect(verdictLine(partialEphemeral())).toMatch(/^Verdict: REACHABLE_PARTIAL — .*32768-40000/);
      expect(narrateTrace(partialEphemeral())).toContain('Client source ports whose replies get back: 32768-40000');
    });

    it('marks the NACL as partial and shows its decision per port range', () => {
      const text = narrateTrace(partialEphemeral());
      const i = text.findIndex((l) => l.includes('<-- PARTIAL'));
      expect(text[i]).toContain('acl-app');
      expect(text[i]).toContain('40001-60999');
      expect(text[i + 1]?.trim()).toBe('ports 32768-40000: rule 100 allows tcp 32768-40000 to 10.0.1.0/24');
      expect(text[i + 2]?.trim()).toBe('ports 40001-60999: rule * (32767) denies tcp 40001-60999 to 10.0.1.10');
      expect(blockedSteps(partialEphemeral())).toEqual([]);
    });

    it('lists the warnings that affected the trace', () => {
      const text = narrateTrace(partialEphemeral());
      expect(text.some((l) => l.includes('CFG_SUBNET_OVERLAP') && l.includes('sn-app-b'))).toBe(true);
    });
  });

  it('gives each line a tone: blocked for the marked component and the verdict', () => {
    const lines = narrateTraceLines(blockedBySecurityGroup());
    expect(lines.filter((l) => l.tone === 'blocked').map((l) => l.text.slice(0, 12))).toEqual([
      '  7. sg-app ',
      '  - ENI_SG_R',
      'Verdict: BLO',
    ]);
  });

  it('falls back to the component id, direction and action when the engine lists no codes', () => {
    const r = blockedBySecurityGroup();
    const withoutCodes: TraceResult = {
      ...r,
      forward: r.forward.map(({ explanationCodes: _, ...c }) => c),
      explanations: r.explanations.map((e) => ({ ...e, componentId: 'sg-app', componentType: 'security-group' })),
    };
    expect(blockedSteps(withoutCodes)).toHaveLength(1);
    expect(blockedSteps(withoutCodes)[0]).toMatch(/^7\. sg-app/);
  });

  it('marks every blocker, each on its own component', () => {
    const r = blockedByNaclOnReturn();
    const second = { ...r.explanations[0]!, pathDirection: 'forward' as const, direction: 'ingress' as const };
    const forward = r.forward.map((c) =>
      c.component.id === 'acl-app'
        ? { ...c, action: 'deny' as const, explanationCodes: ['SUBNET_ACL_RESTRICTION' as const] }
        : c,
    );
    const marked = blockedSteps({ ...r, forward, explanations: [second, ...r.explanations] });
    expect(marked.map((l) => l.split(' ')[0])).toEqual(['6.', '13.']);
  });

  it('introduces the components reached only past a blocker (what-if)', () => {
    const text = narrateTrace(blockedBySecurityGroup());
    const blocked = text.findIndex((l) => l.includes('<-- BLOCKED'));
    expect(text[blocked + 1]).toMatch(/^\s+\(blocked above; .*lifted\)$/);
    expect(text[blocked + 2]?.trim()).toMatch(/^8\. eni-app1/);
    const tones = narrateTraceLines(blockedBySecurityGroup());
    expect(tones.find((l) => l.text.trim().startsWith('9. app1'))?.tone).toBe('detail');
  });
});

describe('describe helpers', () => {
  it('describeQuestion names the protocol only when it has no port', () => {
    const q = reachableThroughNat().query;
    expect(describeQuestion({ ...q, protocol: 'icmp', proto: 1 })).toBe(
      'Can app1 reach internet (198.51.100.10) on icmp?',
    );
    expect(describeQuestion({ ...q, protocol: 'all', proto: -1 })).toContain('on all traffic?');
    expect(describeQuestion({ ...q, to: '198.51.100.10' })).toContain('reach 198.51.100.10 on');
  });

  it('describeSgRule: ports, all of a protocol, prefix-list and group peers', () => {
    expect(
      describeSgRule({
        sgId: 'sg-a',
        direction: 'ingress',
        ruleIndex: 2,
        peer: 'sg-b',
        protocol: 'tcp',
        portRange: { from: 22, to: 22 },
      }),
    ).toBe('inbound rule 3 allows tcp 22 from sg-b');
    expect(describeSgRule({ sgId: 'sg-a', direction: 'egress', ruleIndex: 0, peer: 'pl-s3', protocol: 'udp' })).toBe(
      'outbound rule 1 allows all udp to pl-s3',
    );
  });

  it('describeAclRule: explicit deny rules show the rule, ICMP rules their type', () => {
    const h = blockedByNaclOnReturn().forward[0]!;
    void h;
    const header = { family: 4 as const, proto: 6, src: ['10.0.1.10'], dst: ['10.0.2.10'], sport: [], dport: [] };
    expect(
      describeAclRule(
        {
          aclId: 'acl-x',
          ruleNumber: 90,
          egress: false,
          action: 'deny',
          cidr: '10.0.0.0/8',
          protocol: 'tcp',
          portRange: { from: 22, to: 22 },
        },
        header,
      ),
    ).toBe('rule 90 denies tcp 22 from 10.0.0.0/8');
    expect(
      describeAclRule(
        {
          aclId: 'acl-x',
          ruleNumber: 110,
          egress: true,
          action: 'allow',
          cidr: '0.0.0.0/0',
          protocol: 'icmp',
          icmpType: 0,
        },
        header,
      ),
    ).toBe('rule 110 allows icmp type 0 to 0.0.0.0/0');
  });

  it('describeRoute says when a route is a blackhole', () => {
    expect(
      describeRoute({
        routeTableId: 'rtb-a',
        destination: '0.0.0.0/0',
        target: 'nat-gone',
        targetType: 'unknown',
        origin: 'static',
        state: 'blackhole',
      }),
    ).toContain('route 0.0.0.0/0 -> nat-gone is a blackhole');
  });
});

describe('formatDiagnostic of an import diagnostic', () => {
  it('names the file once: in the place, not again at the start of the message', () => {
    expect(
      formatDiagnostic({
        code: 'IMPORT_AWS_DELETED',
        severity: 'warning',
        resourceId: 'i-1',
        path: 'a/instances.json#Reservations[0].Instances[1]',
        message: 'a/instances.json: instance i-1 is terminated; it is left out',
      }),
    ).toBe(
      'warning IMPORT_AWS_DELETED i-1 (at a/instances.json#Reservations[0].Instances[1]): instance i-1 is terminated; it is left out',
    );
  });
});
