// The round trip of every scenario: document -> exportTerraform -> hcl2json -> hclJsonToResources ->
// mapTerraformResources -> document. Both networks must answer the same questions the same way: every
// instance to every other instance, to and from the internet, on TCP 443 and 22 (verdict and the code
// of the primary blocker). No difference is allowed: anything Terraform has no argument for travels as
// a `vpcsim:` tag, so a new difference fails the test.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { compile, trace, type Network } from '../../../../src/engine/index.ts';
import { exportTerraform, hclJsonToResources } from '../../../../src/interop/hcl/index.ts';
import { mapTerraformResources } from '../../../../src/interop/terraform/index.ts';
import { loadDocument, type Document } from '../../../../src/model/index.ts';
import { allKinds } from './fixtures.ts';

const SCENARIO_DIR = 'scenarios';
const PORTS = [443, 22];

/**
 * The import problems the round trip must give: a route to a resource the export left out (a NAT
 * gateway in a state Terraform cannot declare) names nothing, exactly as it named nothing working in
 * the original (a blackhole). As sorted `code resourceId` lines.
 */
function expectedProblems(doc: Document, addresses: Record<string, string>): string[] {
  const instanceTargets = new Set(
    (doc.topology.instances ?? []).flatMap((i) => [i.id, i.primaryInterfaceId ?? `${i.id}/eth0`]),
  );
  const out = new Set<string>();
  for (const rt of doc.topology.routeTables ?? []) {
    for (const r of rt.routes) {
      if (r.target === 'local' || addresses[r.target] !== undefined || instanceTargets.has(r.target)) continue;
      out.add(`IMPORT_TF_DANGLING_REFERENCE ${addresses[rt.id] ?? rt.id}`);
    }
  }
  return [...out].sort();
}

function outcome(network: Network, from: string, to: string, port: number): string {
  const r = trace(network, { from, to, protocol: 'tcp', port });
  if (!r.ok) return `error ${r.error.code}`;
  const first = r.value.explanations[0];
  return first === undefined ? r.value.verdict : `${r.value.verdict} ${first.code}`;
}

/** Every query of the comparison, as [from, to, port] in the original document's ids. */
function queries(doc: Document): [string, string, number][] {
  const ids = (doc.topology.instances ?? []).map((i) => i.id);
  const out: [string, string, number][] = [];
  for (const port of PORTS) {
    for (const a of ids) {
      for (const b of ids) if (a !== b) out.push([a, b, port]);
      out.push([a, 'internet', port], ['internet', a, port]);
    }
  }
  return out;
}

const files = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('round trip through Terraform HCL', () => {
  it('covers every scenario', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s answers the same questions after the round trip', async (file) => {
    const loaded = loadDocument(JSON.parse(readFileSync(`${SCENARIO_DIR}/${file}`, 'utf8')));
    const doc = loaded.document;
    if (!doc) throw new Error(`${file} does not load`);
    const exported = exportTerraform(doc);
    const resources = hclJsonToResources(await parse('main.tf', exported.text));
    const imported = mapTerraformResources(resources, 'main.tf');
    const back = imported.document;
    if (!back) throw new Error(`${file}: the mapper gave no document: ${JSON.stringify(imported.diagnostics)}`);
    // The mapper reads back every resource the exporter wrote; the only problems are the expected ones.
    const problems = imported.diagnostics
      .filter((d) => d.severity !== 'warning')
      .map((d) => `${d.code} ${d.resourceId ?? ''}`);
    expect([...new Set(problems)].sort()).toStrictEqual(expectedProblems(doc, exported.addresses));

    const before = compile(doc.topology);
    const after = compile(back.topology);
    const idAfter = (id: string): string => exported.addresses[id] ?? id;
    const differences: string[] = [];
    for (const [from, to, port] of queries(doc)) {
      const a = outcome(before, from, to, port);
      const b = outcome(after, idAfter(from), idAfter(to), port);
      if (a !== b) differences.push(`${from} -> ${to} :${port}  ${a} | ${b}`);
    }
    expect(differences).toStrictEqual([]);
  });
});

/**
 * The fixture with every resource kind, compared more strictly: both address families, the services and
 * the external host (by its address after the trip: external hosts are not AWS resources), and every
 * explanation code of each trace, not only the first.
 */
describe('round trip of every resource kind', () => {
  function outcomeAll(network: Network, from: string, to: string, port: number, family: 4 | 6): string {
    const r = trace(network, { from, to, protocol: 'tcp', port, family });
    if (!r.ok) return `error ${r.error.code}`;
    return [r.value.verdict, ...r.value.explanations.map((e) => e.code)].join(' ');
  }

  it('reads back every resource and answers the same questions', async () => {
    const doc = allKinds();
    const exported = exportTerraform(doc);
    const imported = mapTerraformResources(hclJsonToResources(await parse('main.tf', exported.text)), 'main.tf');
    const back = imported.document;
    if (!back) throw new Error(`the mapper gave no document: ${JSON.stringify(imported.diagnostics)}`);
    const lines = (severe: boolean): string[] =>
      [
        ...new Set(
          imported.diagnostics
            .filter((d) => (d.severity !== 'warning') === severe)
            .map((d) => `${d.code} ${d.resourceId ?? ''}`),
        ),
      ].sort();
    expect(lines(true)).toStrictEqual(expectedProblems(doc, exported.addresses));
    // Every resource the exporter writes is one the importer maps.
    expect(lines(false).filter((l) => l.startsWith('IMPORT_TF_UNSUPPORTED'))).toStrictEqual([]);

    // What only vpcsim knows (OS, source NAT) and what Terraform keeps in resources of its own (instance
    // state, default route tables) comes back as it was.
    const t = back.topology;
    const at = (id: string): string => exported.addresses[id] ?? id;
    const instance = (id: string) => t.instances?.find((i) => i.id === at(id));
    expect(instance('i-web')?.os).toBe('windows');
    expect(instance('i-fw')?.sourceNat).toBe(true);
    expect(instance('i-off')?.state).toBe('stopped');
    expect(t.transitGateways?.find((g) => g.id === at('tgw-main'))?.associationDefaultRouteTableId).toBe(
      at('tgw-rtb-main'),
    );
    expect(t.transitGatewayRouteTables?.find((r) => r.id === at('tgw-rtb-main'))?.routes).toContainEqual({
      destination: at('pl-corp'),
      attachmentId: at('tgw-attach-main'),
    });

    const hosts = new Map((doc.topology.externalHosts ?? []).map((h) => [h.id, h.ip]));
    const idAfter = (id: string): string => exported.addresses[id] ?? hosts.get(id) ?? id;
    const before = compile(doc.topology);
    const after = compile(back.topology);
    const ends = [...(doc.topology.instances ?? []).map((i) => i.id), 'internet', 's3', ...hosts.keys()];
    const differences: { query: string; before: string; after: string }[] = [];
    for (const family of [4, 6] as const) {
      for (const port of PORTS) {
        for (const from of ends) {
          for (const to of ends) {
            if (from === to) continue;
            const a = outcomeAll(before, from, to, port, family);
            const b = outcomeAll(after, idAfter(from), idAfter(to), port, family);
            if (a !== b) differences.push({ query: `${from} -> ${to} :${port}/${family}`, before: a, after: b });
          }
        }
      }
    }
    expect(differences).toStrictEqual([]);
  });
});
