// narrate on every path component of every scenario check: one non-empty sentence naming the
// component, stateful wording for a security group on the reply, stateless for a network ACL.
import { describe, expect, it } from 'vitest';
import type { PathComponent, TraceResult } from '../../../../src/engine/index.ts';
import { explanationsAt, narrate } from '../../../../src/ui/trace/narrate.ts';
import { loadScenario, scenarioNames } from './scenario-traces.ts';

const all: { scenario: string; check: string; component: PathComponent; result: TraceResult }[] = [];
for (const scenario of scenarioNames) {
  for (const t of loadScenario(scenario).traces) {
    for (const component of [...t.result.forward, ...t.result.return]) {
      all.push({ scenario, check: t.check, component, result: t.result });
    }
  }
}

describe('narrate', () => {
  it('has components of every kind to narrate', () => {
    const types = new Set(all.map((x) => x.component.component.type));
    for (const t of [
      'instance',
      'network-interface',
      'security-group',
      'network-acl',
      'route-table',
      'internet-gateway',
    ]) {
      expect(types.has(t as PathComponent['component']['type'])).toBe(true);
    }
    expect(all.length).toBeGreaterThan(500);
  });

  it('gives one sentence naming the component for every component of every scenario trace', () => {
    for (const { scenario, check, component, result } of all) {
      const text = narrate(component, result);
      const where = `${scenario} / ${check} / ${component.seq}`;
      expect(text.length, where).toBeGreaterThan(10);
      expect(text, where).toContain(component.component.id);
      expect(text.endsWith('.'), where).toBe(true);
      expect(text, where).not.toContain('undefined');
      expect(text.includes('\n'), where).toBe(false);
    }
  });

  it('calls a security group on the reply stateful and a network ACL stateless', () => {
    const sgReplies = all.filter(
      (x) =>
        x.component.direction === 'return' &&
        x.component.component.type === 'security-group' &&
        x.component.securityGroupRule?.viaConntrack === true,
    );
    const aclReplies = all.filter(
      (x) =>
        x.component.direction === 'return' &&
        x.component.component.type === 'network-acl' &&
        x.component.action === 'allow',
    );
    expect(sgReplies.length).toBeGreaterThan(0);
    expect(aclReplies.length).toBeGreaterThan(0);
    for (const x of sgReplies) {
      const text = narrate(x.component, x.result);
      expect(text).toMatch(/stateful/);
      expect(text).not.toMatch(/stateless/);
    }
    for (const x of aclReplies) {
      const text = narrate(x.component, x.result);
      expect(text).toMatch(/stateless/);
      expect(text).not.toMatch(/stateful/);
      if (x.component.aclRule && x.component.aclRule.ruleNumber !== 32767) {
        expect(text).toContain(`rule ${x.component.aclRule.ruleNumber}`);
      }
    }
  });

  it('explains a blocked stop with the explanation raised there', () => {
    const blocked = all.filter((x) => x.component.action === 'drop' || x.component.action === 'deny');
    expect(blocked.length).toBeGreaterThan(0);
    for (const x of blocked) {
      const found = explanationsAt(x.component, x.result);
      expect(found.length, `${x.scenario} / ${x.check}`).toBeGreaterThan(0);
      expect(found.map((e) => e.code)).toEqual(expect.arrayContaining([x.component.explanationCodes?.[0]]));
      const first = found.find((e) => e.blocking) ?? found[0];
      expect(narrate(x.component, x.result)).toContain(first?.message.replace(/\.\s*$/, '') ?? '');
    }
  });

  it('names the rewritten addresses at a NAT gateway', () => {
    const nat = all.find((x) => x.component.component.type === 'nat-gateway' && x.component.direction === 'forward');
    if (nat === undefined) throw new Error('no NAT gateway in the scenarios');
    const before = nat.component.inboundHeader?.src[0] ?? '';
    const after = nat.component.outboundHeader?.src[0] ?? '';
    const text = narrate(nat.component, nat.result);
    expect(text).toContain(before);
    expect(text).toContain(after);
  });

  it('marks stops past a blocker as hypothetical', () => {
    const x = all.find((y) => y.component.whatIf === true);
    if (x === undefined) throw new Error('no what-if stop');
    expect(narrate(x.component, x.result)).not.toBe(narrate({ ...x.component, whatIf: false }, x.result));
  });
});
