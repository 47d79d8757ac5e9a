// selectAnalysis: diagnostics, network and check outcomes, memoized on topology and checks identity.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/index.ts';
import {
  createEditorStore,
  createResource,
  edit,
  moveNodes,
  selectAnalysis,
  selectDiagnosticsByResource,
} from '../../../src/store/index.ts';

function scenario(name: string): Document {
  const path = fileURLToPath(new URL(`../../../scenarios/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Document;
}

describe('selectAnalysis', () => {
  it('compiles the network and runs every check of a scenario', () => {
    const s = createEditorStore({ document: scenario('public-private-nat'), source: { kind: 'new' } });
    const a = selectAnalysis(s.getState());
    expect(a.fatal).toBe(false);
    expect(a.network).toBeDefined();
    expect(a.checks).toHaveLength(s.getState().document.checks?.length ?? 0);
    expect(a.checks.every((c) => c.passed)).toBe(true);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('returns the same object when only the layout changes', () => {
    const s = createEditorStore({ document: scenario('public-private-nat'), source: { kind: 'new' } });
    const first = selectAnalysis(s.getState());
    moveNodes(s, { 'vpc-main': { x: 999, y: 999 } });
    expect(s.getState().past).toHaveLength(1);
    expect(selectAnalysis(s.getState()) === first).toBe(true);
    expect(selectDiagnosticsByResource(s.getState()) === selectDiagnosticsByResource(s.getState())).toBe(true);
  });

  it('recomputes when the topology or the checks change, and reuses the network for checks alone', () => {
    const s = createEditorStore({ document: scenario('public-private-nat'), source: { kind: 'new' } });
    const first = selectAnalysis(s.getState());
    edit(s, 'Drop checks', (draft) => {
      draft.checks = [];
    });
    const second = selectAnalysis(s.getState());
    expect(second === first).toBe(false);
    expect(second.checks).toEqual([]);
    // Identity compared as booleans: a failing diff of two compiled networks is huge.
    expect(second.network === first.network).toBe(true);
    createResource(s, { kind: 'securityGroup', vpcId: 'vpc-main' });
    const third = selectAnalysis(s.getState());
    expect(third === second).toBe(false);
    expect(third.network === first.network).toBe(false);
  });

  it('reports a fatal document without compiling it', () => {
    const doc = scenario('default-vpc');
    doc.topology.subnets![0]!.vpcId = 'nothing';
    const s = createEditorStore({ document: doc, source: { kind: 'new' } });
    const a = selectAnalysis(s.getState());
    expect(a.fatal).toBe(true);
    expect(a.network).toBeUndefined();
    expect(a.checks).toEqual([]);
    expect(a.diagnostics.some((d) => d.code === 'CFG_DANGLING_REFERENCE')).toBe(true);
  });

  it('adds the design lint and groups diagnostics by resource', () => {
    const doc = scenario('public-private-nat');
    // A peering across overlapping blocks: a validation error on the peering.
    doc.topology.vpcs!.push({ id: 'vpc-twin', cidrBlocks: ['10.0.0.0/16'] });
    doc.topology.vpcPeeringConnections = [{ id: 'pcx-twin', requesterVpcId: 'vpc-main', accepterVpcId: 'vpc-twin' }];
    const s = createEditorStore({ document: doc, source: { kind: 'new' } });
    const byResource = selectDiagnosticsByResource(s.getState());
    expect(byResource.get('pcx-twin')?.map((d) => d.code)).toContain('CFG_PEERING_CIDR_OVERLAP');
    const all = selectAnalysis(s.getState()).diagnostics;
    expect(all.some((d) => d.code.startsWith('LINT_'))).toBe(true);
  });
});
