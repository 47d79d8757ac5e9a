// Shared helpers of the Terraform importer tests: fixtures, compact resource builders, load and trace checks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { compile, trace, type TraceQuery, type TraceResult } from '../../../../src/engine/index.ts';
import type { Diagnostic, Document, Topology } from '../../../../src/model/index.ts';
import { loadDocument } from '../../../../src/model/index.ts';
import type { ImportResult } from '../../../../src/interop/types.ts';
import {
  importTerraform,
  mapTerraformResources,
  type TerraformResource,
} from '../../../../src/interop/terraform/index.ts';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/terraform/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

export function importFixture(name: string): ImportResult {
  return importTerraform({ path: `tf/${name}`, text: fixtureText(name) });
}

/** A managed resource at the root module: address `<type>.<name>`. */
export function tf(
  type: string,
  name: string,
  values: Record<string, unknown>,
  extra: Partial<TerraformResource> = {},
): TerraformResource {
  return { address: `${type}.${name}`, mode: 'managed', type, name, values, ...extra };
}

/** A small network most mapping tests start from: one VPC with one subnet. */
export function base(): TerraformResource[] {
  return [
    tf('aws_vpc', 'main', {
      id: 'vpc-1',
      cidr_block: '10.0.0.0/16',
      arn: 'arn:aws:ec2:eu-central-1:111122223333:vpc/vpc-1',
    }),
    tf('aws_subnet', 'a', {
      id: 'subnet-1',
      vpc_id: 'vpc-1',
      cidr_block: '10.0.1.0/24',
      availability_zone: 'eu-central-1a',
    }),
  ];
}

/** Maps resources and checks that the document loads without a fatal diagnostic. */
export function mapOk(resources: TerraformResource[]): {
  doc: Document;
  t: Topology;
  codes: string[];
  r: ImportResult;
} {
  const r = mapTerraformResources(resources, 'main.tf.json');
  expect(r.document, JSON.stringify(r.diagnostics)).toBeDefined();
  const doc = r.document!;
  expectLoads(doc);
  return { doc, t: doc.topology, codes: r.diagnostics.map((d) => d.code), r };
}

export function expectLoads(doc: Document): Diagnostic[] {
  const loaded = loadDocument(JSON.parse(JSON.stringify(doc)) as unknown);
  expect(loaded.diagnostics.filter((d) => d.severity === 'fatal')).toEqual([]);
  expect(loaded.document).toBeDefined();
  return loaded.diagnostics;
}

export function traceOk(t: Topology, q: TraceQuery): TraceResult {
  const r = trace(compile(t), q);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function blocker(r: TraceResult): { code: string; componentId: string } | undefined {
  const e = r.explanations.find((x) => x.blocking !== false);
  return e === undefined ? undefined : { code: e.code, componentId: e.componentId };
}

/** The diagnostics codes with their resource, for order-independent comparisons. */
export function codesOf(r: ImportResult): string[] {
  return r.diagnostics.map((d) => d.code);
}

export function byId<T extends { id: string }>(list: T[] | undefined, id: string): T {
  const hit = list?.find((x) => x.id === id);
  if (!hit) throw new Error(`no ${id}`);
  return hit;
}
