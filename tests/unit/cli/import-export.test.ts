// `vpcsim import aws|terraform` and `vpcsim export terraform` through run(): folders read recursively,
// the document on stdout or in -o, problems on stderr, and the exit codes of src/cli/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/model/index.ts';
import { run } from '../../../src/cli/run.ts';
import { json, runCli, smallDocument, tempFiles } from './helpers.ts';

const VPCS = {
  Vpcs: [
    {
      VpcId: 'vpc-0a1',
      OwnerId: '111122223333',
      CidrBlock: '10.0.0.0/16',
      State: 'available',
      CidrBlockAssociationSet: [
        { AssociationId: 'vpc-cidr-assoc-1', CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } },
      ],
      Tags: [{ Key: 'Name', Value: 'prod' }],
    },
  ],
};
const SUBNETS = {
  Subnets: [
    {
      SubnetId: 'subnet-0b1',
      VpcId: 'vpc-0a1',
      AvailabilityZone: 'eu-west-2a',
      CidrBlock: '10.0.1.0/24',
      MapPublicIpOnLaunch: false,
      OwnerId: '111122223333',
    },
  ],
};
/** A subnet of a VPC that is not in the import: inconsistent input, reported as an error. */
const ORPHAN_SUBNETS = {
  Subnets: [
    { SubnetId: 'subnet-0zz', VpcId: 'vpc-0missing', AvailabilityZone: 'eu-west-2b', CidrBlock: '10.9.1.0/24' },
  ],
};

const TERRAFORM_STATE = {
  format_version: '1.0',
  terraform_version: '1.9.5',
  values: {
    root_module: {
      resources: [
        {
          address: 'aws_vpc.main',
          mode: 'managed',
          type: 'aws_vpc',
          name: 'main',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          schema_version: 1,
          values: {
            id: 'vpc-0tf',
            arn: 'arn:aws:ec2:us-west-2:111122223333:vpc/vpc-0tf',
            cidr_block: '10.20.0.0/16',
            tags: { Name: 'tf-main' },
          },
          sensitive_values: {},
        },
      ],
    },
  },
};

function documentOf(text: string) {
  const loaded = loadDocument(JSON.parse(text));
  expect(loaded.diagnostics.filter((d) => d.severity === 'fatal')).toEqual([]);
  return loaded.document!;
}

describe('import aws', () => {
  it('reads a folder tree recursively and prints the document on stdout', async () => {
    const files = tempFiles({
      'eu-west-2/describe-vpcs.json': VPCS,
      'eu-west-2/sub/subnets.json': SUBNETS,
      'notes.txt': 'x',
    });
    const r = await runCli(['import', 'aws', files.dir]);
    expect(r.code).toBe(0);
    const doc = documentOf(r.stdout);
    expect(doc.topology.vpcs).toMatchObject([
      { id: 'vpc-0a1', name: 'prod', region: 'eu-west-2', cidrBlocks: ['10.0.0.0/16'] },
    ]);
    expect(doc.topology.subnets?.map((s) => s.id)).toEqual(['subnet-0b1']);
    expect(r.stderr).toMatch(/imported 1 VPC, 1 subnet.* from 2 files/);
  });

  it('writes -o and keeps stdout empty', async () => {
    const files = tempFiles({ 'vpcs.json': VPCS, 'subnets.json': SUBNETS });
    const out = files.path('network.json');
    const r = await runCli(['import', 'aws', files.path('vpcs.json'), files.path('subnets.json'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(documentOf(readFileSync(out, 'utf8')).topology.subnets).toHaveLength(1);
  });

  it('exits 1 on inconsistent input, still writing the document and naming the problem', async () => {
    const r = await runCli(['import', 'aws', 'vpcs.json', 'orphans.json'], {
      'vpcs.json': json(VPCS),
      'orphans.json': json(ORPHAN_SUBNETS),
    });
    expect(r.code).toBe(1);
    expect(documentOf(r.stdout).topology.vpcs).toHaveLength(1);
    expect(r.stderr).toContain('subnet-0zz');
  });

  it.each([
    ['truncated JSON', '{"Vpcs": [{"VpcId": "vpc-1", '],
    ['no known key', json({ Something: [] })],
  ])('exits 2 when nothing is usable: %s', async (_name, text) => {
    const r = await runCli(['import', 'aws', 'in.json'], { 'in.json': text });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('in.json');
  });

  it('exits 2 naming a missing path', async () => {
    const r = await runCli(['import', 'aws', 'nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read 'nowhere': no such file/);
  });

  it('exits 2 with a clear message for a file too large to read', async () => {
    let stderr = '';
    const tooLong = Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), {
      code: 'ERR_STRING_TOO_LONG',
    });
    const r = await run(['import', 'aws', 'huge.json'], {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      readFile: () => {
        throw tooLong;
      },
    });
    expect(r).toBe(2);
    expect(stderr).toMatch(/huge\.json.*too large to read/);
  });

  it('exits 2 for a folder without JSON files', async () => {
    const files = tempFiles({ 'readme.txt': 'nothing here' });
    const r = await runCli(['import', 'aws', files.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no \.json files/);
  });
});

describe('import terraform', () => {
  it('imports a state and prints the document', async () => {
    const r = await runCli(['import', 'terraform', 'state.json'], { 'state.json': json(TERRAFORM_STATE) });
    expect(r.code).toBe(0);
    expect(documentOf(r.stdout).topology.vpcs).toMatchObject([{ id: 'vpc-0tf', name: 'tf-main', region: 'us-west-2' }]);
  });

  it('exits 2 for JSON that is neither a state nor a plan', async () => {
    const r = await runCli(['import', 'terraform', 'x.json'], { 'x.json': json({ hello: 'world' }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('export terraform', () => {
  it('prints HCL that parses, with the resources of the document', async () => {
    const r = await runCli(['export', 'terraform', 'doc.json'], { 'doc.json': json(smallDocument()) });
    expect(r.code).toBe(0);
    const parsed = (await parse('main.tf', r.stdout)) as { resource?: Record<string, unknown> };
    expect(Object.keys(parsed.resource ?? {})).toEqual(
      expect.arrayContaining(['aws_vpc', 'aws_subnet', 'aws_internet_gateway', 'aws_instance', 'aws_security_group']),
    );
  });

  it('writes -o', async () => {
    const files = tempFiles({ 'doc.json': smallDocument() });
    const out = files.path('main.tf');
    const r = await runCli(['export', 'terraform', files.path('doc.json'), '-o', out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.stderr).toMatch(/wrote .*main\.tf/);
  });

  it('exits 2 for a document that cannot be read', async () => {
    const r = await runCli(['export', 'terraform', 'bad.json'], { 'bad.json': '{"format": "vpcsim/1", ' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
