// What a set of opened or dropped files is taken for, and what each kind of set gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../../src/app/import/run-import.ts';

const VPCS = JSON.stringify({ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', OwnerId: '111122223333' }] });
const DOC = JSON.stringify({ format: 'vpcsim/1', topology: {} });
const STATE = readFileSync(new URL('../../../fixtures/terraform/multi-vpc-tgw.state.json', import.meta.url), 'utf8');

describe('runImport', () => {
  it('hands a vpcsim document back to be opened as it is', () => {
    expect(runImport([{ path: 'net.json', text: DOC }])).toEqual({ kind: 'vpcsim', path: 'net.json', text: DOC });
  });

  it('takes a damaged vpcsim document for one, so that its reader names the JSON error', () => {
    const text = '{ "format": "vpcsim/1", "topology": ';
    expect(runImport([{ path: 'broken.json', text }])).toMatchObject({ kind: 'vpcsim', path: 'broken.json' });
  });

  it('imports a Terraform state', () => {
    const outcome = runImport([{ path: 'tf.json', text: STATE }]);
    expect(outcome.kind).toBe('terraform');
    if (outcome.kind !== 'terraform') return;
    expect(outcome.result.document?.topology.vpcs?.length).toBeGreaterThan(1);
  });

  it('imports a raw terraform.tfstate', () => {
    const raw = JSON.stringify({
      version: 4,
      terraform_version: '1.9.5',
      serial: 3,
      lineage: 'a',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'aws_vpc',
          name: 'main',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [{ schema_version: 1, attributes: { id: 'vpc-0raw', cidr_block: '10.7.0.0/16' } }],
        },
      ],
    });
    const outcome = runImport([{ path: 'terraform.tfstate', text: raw }]);
    expect(outcome.kind).toBe('terraform');
    if (outcome.kind !== 'terraform') return;
    expect(outcome.result.document?.topology.vpcs).toMatchObject([{ id: 'vpc-0raw', cidrBlocks: ['10.7.0.0/16'] }]);
  });

  it('reports a damaged Terraform file as Terraform JSON that does not parse', () => {
    const outcome = runImport([{ path: 'tf.json', text: STATE.slice(0, 200) }]);
    expect(outcome.kind).toBe('terraform');
    if (outcome.kind !== 'terraform') return;
    expect(outcome.result.document).toBeUndefined();
    expect(outcome.result.diagnostics.map((d) => d.code)).toContain('IMPORT_JSON_SYNTAX');
  });

  it('imports anything else as AWS describe output, file by file', () => {
    const outcome = runImport([
      { path: 'us-west-2/vpcs.json', text: VPCS },
      { path: 'us-west-2/notes.json', text: '{"Hello": 1}' },
    ]);
    expect(outcome).toMatchObject({ kind: 'aws', files: 2 });
    if (outcome.kind !== 'aws') return;
    expect(outcome.result.document?.topology.vpcs).toMatchObject([{ id: 'vpc-1', region: 'us-west-2' }]);
  });

  it.each([
    ['a vpcsim document among other files', [DOC, VPCS]],
    ['two Terraform files', [STATE, STATE]],
    ['Terraform beside AWS output', [STATE, VPCS]],
  ])('refuses %s', (_name, texts) => {
    const outcome = runImport(texts.map((text, i) => ({ path: `f${i}.json`, text })));
    expect(outcome.kind).toBe('refused');
  });
});
