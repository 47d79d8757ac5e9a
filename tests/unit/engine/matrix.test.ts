// reachabilityMatrix: every cell agrees with a single trace of that pair, the diagonal is SELF, bad queries
// are ERROR cells, and the result is deterministic and plain data.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compile,
  matrixOfTopology,
  matrixSize,
  reachabilityMatrix,
  trace,
  type MatrixRequest,
  type MatrixResult,
  type Network,
} from '../../../src/engine/index.ts';
import { loadDocument, type Topology } from '../../../src/model/index.ts';

const SCENARIOS = new URL('../../../scenarios/', import.meta.url);

function scenario(name: string): Network {
  const loaded = loadDocument(JSON.parse(readFileSync(new URL(`${name}.json`, SCENARIOS), 'utf8')));
  if (!loaded.document) throw new Error(`${name} did not load`);
  return compile(loaded.document.topology);
}

function instanceIds(network: Network): string[] {
  return (network.topology.instances ?? []).map((i) => i.id);
}

/** Each cell, compared with what trace() says about the same pair. */
function expectCellsMatchTrace(network: Network, request: MatrixRequest, result: MatrixResult): void {
  for (const [r, from] of result.sources.entries()) {
    for (const [c, to] of result.destinations.entries()) {
      const cell = result.cells[r]?.[c];
      expect(cell, `${from} -> ${to}`).toBeDefined();
      expect(cell?.from).toBe(from);
      expect(cell?.to).toBe(to);
      if (from === to) {
        expect(cell?.verdict).toBe('SELF');
        continue;
      }
      const single = trace(network, {
        from,
        to,
        protocol: request.protocol,
        ...(request.port === undefined ? {} : { port: request.port }),
        ...(request.family === undefined ? {} : { family: request.family }),
      });
      if (!single.ok) {
        expect(cell?.verdict).toBe(single.error.code === 'QUERY_SAME_ENDPOINT' ? 'SELF' : 'ERROR');
        expect(cell?.code).toBe(single.error.code);
        continue;
      }
      expect(cell?.verdict, `${from} -> ${to}`).toBe(single.value.verdict);
      if (single.value.verdict !== 'REACHABLE') {
        const primary = single.value.explanations.find((e) => e.blocking) ?? single.value.explanations[0];
        expect(cell?.code).toBe(primary?.code);
        expect(cell?.componentId).toBe(primary?.componentId);
      } else {
        expect(cell?.code).toBeUndefined();
      }
    }
  }
}

describe('reachabilityMatrix on public-private-nat', () => {
  const network = scenario('public-private-nat');
  const instances = instanceIds(network);

  it('gives, for instances x [instances, internet] on tcp/443, the verdicts single traces give', () => {
    const request: MatrixRequest = {
      sources: instances,
      destinations: [...instances, 'internet'],
      protocol: 'tcp',
      port: 443,
    };
    const result = reachabilityMatrix(network, request);
    expect(result.sources).toEqual(['i-web', 'i-app', 'i-db']);
    expect(result.destinations).toEqual(['i-web', 'i-app', 'i-db', 'internet']);
    expect(result.cells).toHaveLength(3);
    for (const row of result.cells) expect(row).toHaveLength(4);
    expectCellsMatchTrace(network, request, result);

    const at = (from: string, to: string) =>
      result.cells[result.sources.indexOf(from)]?.[result.destinations.indexOf(to)];
    // Known answers of the scenario: the web server and the app server reach the internet (IGW, NAT).
    expect(at('i-web', 'internet')?.verdict).toBe('REACHABLE');
    expect(at('i-app', 'internet')?.verdict).toBe('REACHABLE');
    expect(at('i-web', 'i-web')?.verdict).toBe('SELF');
    expect(at('i-web', 'i-web')?.code).toBeUndefined();
    // Each row's counts add up to the cells.
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(12);
    expect(result.counts.SELF).toBe(3);
  });

  it('names the primary blocker of a blocked pair (web cannot reach the database)', () => {
    const result = reachabilityMatrix(network, {
      sources: ['i-web', 'internet'],
      destinations: ['i-db', 'i-app'],
      protocol: 'tcp',
      port: 5432,
    });
    const webToDb = result.cells[0]?.[0];
    expect(webToDb?.verdict).toBe('BLOCKED');
    expect(webToDb?.code).toBe('ENI_SG_RULES_MISMATCH');
    expect(webToDb?.componentId).toBe('i-db/eth0');
    expect(result.cells[1]?.[1]?.code).toBe('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
  });

  it('agrees with the pinned checks of the scenario', () => {
    const checks = loadChecks('public-private-nat');
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) {
      const result = reachabilityMatrix(network, {
        sources: [check.from],
        destinations: [check.to],
        protocol: check.protocol ?? 'tcp',
        ...(check.port === undefined ? {} : { port: check.port }),
      });
      expect(result.cells[0]?.[0]?.verdict, check.name).toBe(check.expect);
    }
  });

  it('marks an instance and its own primary interface as SELF, not as an error', () => {
    const result = reachabilityMatrix(network, {
      sources: ['i-web'],
      destinations: ['i-web/eth0'],
      protocol: 'tcp',
      port: 443,
    });
    expect(result.cells[0]?.[0]?.verdict).toBe('SELF');
    expect(result.cells[0]?.[0]?.code).toBe('QUERY_SAME_ENDPOINT');
  });

  it('turns a bad query into ERROR cells with the query code', () => {
    const missingPort = reachabilityMatrix(network, { sources: ['i-web'], destinations: ['i-app'], protocol: 'tcp' });
    expect(missingPort.cells[0]?.[0]).toMatchObject({ verdict: 'ERROR', code: 'QUERY_PORT_REQUIRED' });
    const unknown = reachabilityMatrix(network, {
      sources: ['i-web', 'i-nope'],
      destinations: ['i-app'],
      protocol: 'tcp',
      port: 443,
    });
    expect(unknown.cells[1]?.[0]).toMatchObject({ verdict: 'ERROR', code: 'QUERY_UNKNOWN_ENDPOINT' });
    expect(unknown.cells[0]?.[0]?.verdict).not.toBe('ERROR');
    expect(unknown.counts.ERROR).toBe(1);
  });

  it('traces protocols without ports (icmp) and keeps the request in the result', () => {
    const result = reachabilityMatrix(network, {
      sources: ['i-web'],
      destinations: ['i-app'],
      protocol: 'icmp',
      family: 4,
    });
    expect(result.protocol).toBe('icmp');
    expect(result.family).toBe(4);
    expect(result.port).toBeUndefined();
    expectCellsMatchTrace(network, { sources: ['i-web'], destinations: ['i-app'], protocol: 'icmp' }, result);
  });

  it('drops duplicate ids and keeps the order given', () => {
    const result = reachabilityMatrix(network, {
      sources: ['i-db', 'i-web', 'i-db'],
      destinations: ['internet', 'i-web', 'internet'],
      protocol: 'tcp',
      port: 443,
    });
    expect(result.sources).toEqual(['i-db', 'i-web']);
    expect(result.destinations).toEqual(['internet', 'i-web']);
    expect(matrixSize({ sources: ['a', 'a', 'b'], destinations: ['c', 'd', 'e'] })).toBe(6);
  });

  it('handles empty selections', () => {
    const result = reachabilityMatrix(network, { sources: [], destinations: ['i-web'], protocol: 'tcp', port: 22 });
    expect(result.cells).toEqual([]);
    expect(Object.values(result.counts).every((n) => n === 0)).toBe(true);
  });
});

function loadChecks(name: string) {
  const loaded = loadDocument(JSON.parse(readFileSync(new URL(`${name}.json`, SCENARIOS), 'utf8')));
  return loaded.document?.checks ?? [];
}

describe('reachabilityMatrix on every scenario', () => {
  const names = readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

  it.each(names)('%s: endpoints x endpoints on tcp/443 matches single traces, deterministically', (name) => {
    const network = scenario(name);
    const topology: Topology = network.topology;
    const ends = [
      ...(topology.instances ?? []).map((i) => i.id),
      ...(topology.externalHosts ?? []).map((h) => h.id),
      'internet',
    ];
    const request: MatrixRequest = { sources: ends, destinations: ends, protocol: 'tcp', port: 443 };
    const before = JSON.stringify(topology);
    const first = reachabilityMatrix(network, request);
    expectCellsMatchTrace(network, request, first);
    const again = reachabilityMatrix(compile(JSON.parse(before) as Topology), request);
    expect(again).toEqual(first);
    // Plain data (it crosses a worker boundary) and the input is untouched.
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(JSON.stringify(topology)).toBe(before);
  });
});

describe('matrixOfTopology', () => {
  const raw = (
    JSON.parse(readFileSync(new URL('public-private-nat.json', SCENARIOS), 'utf8')) as { topology: Topology }
  ).topology;

  it('parses and compiles a topology as the editor holds it, giving the same cells', () => {
    const request: MatrixRequest = {
      sources: ['i-web', 'i-app'],
      destinations: ['internet'],
      protocol: 'tcp',
      port: 443,
    };
    const outcome = matrixOfTopology(raw, request);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.value).toEqual(reachabilityMatrix(scenario('public-private-nat'), request));
  });

  it('reports a topology that cannot be read as an error, not a matrix', () => {
    const broken = { ...raw, vpcs: 'nope' } as unknown as Topology;
    const outcome = matrixOfTopology(broken, {
      sources: ['i-web'],
      destinations: ['internet'],
      protocol: 'tcp',
      port: 1,
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.severity).toBe('fatal');
  });
});
