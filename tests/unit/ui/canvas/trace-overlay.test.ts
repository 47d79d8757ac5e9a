// traceOverlay on every check of every scenario: each stop sits on a node toFlow draws, stops keep the
// path's order, walked edges join consecutive distinct nodes, and a blocked trace marks its blocker.
import { describe, expect, it } from 'vitest';
import { toFlow } from '../../../../src/ui/canvas/to-flow.ts';
import { traceOverlay } from '../../../../src/ui/canvas/trace-overlay.ts';
import { loadScenario, scenarioNames } from '../trace/scenario-traces.ts';

describe.each(scenarioNames)('traceOverlay on scenarios/%s.json', (name) => {
  const { document, traces } = loadScenario(name);
  const nodeIds = new Set(toFlow(document, { diagnostics: [], selection: [] }).nodes.map((n) => n.id));

  it('has traces to map', () => {
    expect(traces.length).toBeGreaterThan(0);
  });

  it.each(traces.map((t) => [t.check, t.result] as const))('%s', (_check, result) => {
    const overlay = traceOverlay(document, result);
    const components = [...result.forward, ...result.return];
    expect(overlay.stops).toHaveLength(components.length);
    overlay.stops.forEach((stop, i) => {
      expect(stop.index).toBe(i);
      expect(stop.component).toBe(components[i]);
      expect(stop.seq).toBe(components[i]?.seq);
      expect(stop.nodeId, `${stop.componentType} ${stop.componentId}`).toBeDefined();
      expect(nodeIds.has(stop.nodeId ?? ''), `${stop.componentId} -> ${stop.nodeId}`).toBe(true);
    });
    // Request stops come before reply stops.
    const firstReply = overlay.stops.findIndex((s) => s.direction === 'return');
    if (firstReply >= 0) expect(overlay.stops.slice(firstReply).every((s) => s.direction === 'return')).toBe(true);

    for (const [edges, direction] of [
      [overlay.request, 'forward'],
      [overlay.reply, 'return'],
    ] as const) {
      for (const e of edges) {
        expect(e.direction).toBe(direction);
        expect(e.source).not.toBe(e.target);
        expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
        const to = overlay.stops[e.toStop];
        const from = overlay.stops[e.toStop - 1];
        expect(to?.nodeId).toBe(e.target);
        expect(from?.nodeId).toBe(e.source);
      }
      expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    }

    const primary = result.explanations.find((e) => e.blocking);
    if (result.verdict === 'BLOCKED' && primary !== undefined) {
      expect(overlay.blocker).toBeDefined();
      const blocker = overlay.stops[overlay.blocker ?? -1];
      expect(blocker?.blocked).toBe(true);
      expect(blocker?.code).toBe(primary.code);
      expect(blocker?.direction).toBe(primary.pathDirection);
      // Stops past the blocker are hypothetical.
      expect(overlay.stops.slice((overlay.blocker ?? 0) + 1).every((s) => s.whatIf || s.blocked)).toBe(true);
    }
    if (result.verdict === 'REACHABLE') {
      expect(overlay.blocker).toBeUndefined();
      expect(overlay.stops.some((s) => s.blocked)).toBe(false);
    }
  });
});

describe('traceOverlay placement', () => {
  const { document, traces } = loadScenario('public-private-nat');
  const find = (check: string) => {
    const t = traces.find((x) => x.check.includes(check));
    if (t === undefined) throw new Error(`no check ${check}`);
    return traceOverlay(document, t.result);
  };

  it('puts interfaces and security groups on the instance, NACLs and route tables on the subnet', () => {
    const overlay = find('web tier calls the app tier');
    const at = (type: string, direction = 'forward') =>
      overlay.stops.filter((s) => s.componentType === type && s.direction === direction).map((s) => s.nodeId);
    expect(at('network-interface')).toEqual(['i-web', 'i-app']);
    expect(at('security-group')).toEqual(['i-web', 'i-app']);
    expect(at('network-acl')).toEqual(['subnet-public-a', 'subnet-app-a']);
    expect(at('route-table')).toEqual(['subnet-public-a']);
    expect(overlay.requestNodes).toEqual(['i-web', 'subnet-public-a', 'subnet-app-a', 'i-app']);
    expect(overlay.request.map((e) => [e.source, e.target])).toEqual([
      ['i-web', 'subnet-public-a'],
      ['subnet-public-a', 'subnet-app-a'],
      ['subnet-app-a', 'i-app'],
    ]);
    expect(overlay.reply.map((e) => [e.source, e.target])).toEqual([
      ['i-app', 'subnet-app-a'],
      ['subnet-app-a', 'subnet-public-a'],
      ['subnet-public-a', 'i-web'],
    ]);
  });

  it('walks the NAT gateway and the internet gateway to the internet', () => {
    const overlay = find('through the NAT gateway');
    expect(overlay.requestNodes).toEqual(['i-app', 'subnet-app-a', 'subnet-public-a', 'nat-a', 'igw-main', 'internet']);
  });

  it('marks a security group that denies as the blocker with its code', () => {
    const overlay = find('cannot skip the app tier');
    const blocker = overlay.stops[overlay.blocker ?? -1];
    expect(blocker?.componentType).toBe('security-group');
    expect(blocker?.nodeId).toBe('i-db');
    expect(blocker?.code).toBe('ENI_SG_RULES_MISMATCH');
    expect(overlay.request.at(-1)?.whatIf).toBe(false);
  });

  it('puts transit gateway attachments and route tables on the transit gateway', () => {
    const tgw = loadScenario('tgw-hub-spoke-isolated');
    const t = tgw.traces[0];
    if (t === undefined) throw new Error('no trace');
    const overlay = traceOverlay(tgw.document, t.result);
    const tgwStops = overlay.stops.filter((s) => s.componentType.startsWith('transit-gateway'));
    expect(tgwStops.length).toBeGreaterThan(0);
    const tgwIds = new Set((tgw.document.topology.transitGateways ?? []).map((g) => g.id));
    for (const s of tgwStops) expect(tgwIds.has(s.nodeId ?? '')).toBe(true);
  });

  it('puts the AWS service on the gateway endpoint', () => {
    const s3 = loadScenario('s3-gateway-endpoint');
    const t = s3.traces.find((x) => x.result.forward.some((c) => c.component.type === 'aws-service'));
    if (t === undefined) throw new Error('no trace to s3');
    const overlay = traceOverlay(s3.document, t.result);
    for (const s of overlay.stops.filter((x) => x.componentType === 'aws-service')) expect(s.nodeId).toBe('vpce-s3');
  });
});
