// The JSON around the resources: state, plan and state-file shapes, bad input of every kind, and
// robustness (random damage never crashes the importer nor yields a document that does not load).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  importTerraform,
  mapTerraformResources,
  TERRAFORM_IMPORT_CODES,
} from '../../../../src/interop/terraform/index.ts';
import { IMPORT_COMMON_CODES } from '../../../../src/interop/codes.ts';
import { byId, expectLoads, fixtureText } from './helpers.ts';

const run = (value: unknown, path = 'in.json') =>
  importTerraform({ path, text: typeof value === 'string' ? value : JSON.stringify(value) });

const state = (resources: unknown[], children: unknown[] = []) => ({
  format_version: '1.0',
  terraform_version: '1.9.5',
  values: { root_module: { resources, child_modules: children } },
});
const res = (address: string, type: string, values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  address,
  mode: 'managed',
  type,
  name: address.split('.').pop()!.replace(/\[.*$/, ''),
  provider_name: 'registry.terraform.io/hashicorp/aws',
  schema_version: 0,
  values,
  sensitive_values: {},
  ...extra,
});
const VPC = res('aws_vpc.main', 'aws_vpc', { id: 'vpc-1', cidr_block: '10.0.0.0/16' });

describe('reading the JSON', () => {
  it.each<[string, string]>([
    ['truncated JSON', fixtureText('multi-vpc-tgw.state.json').slice(0, 5000)],
    ['an empty file', ''],
    ['a trailing comma', '{"format_version": "1.0",}'],
    ['HCL instead of JSON', 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n'],
  ])('reports %s as IMPORT_JSON_SYNTAX naming the file', (_name, text) => {
    const r = importTerraform({ path: 'plans/broken.json', text });
    expect(r.document).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['IMPORT_JSON_SYNTAX', 'fatal', 'plans/broken.json'],
    ]);
    expect(r.counts).toEqual({});
  });

  it.each<[string, unknown, string]>([
    ['an array', [1, 2], 'IMPORT_TF_NOT_TERRAFORM'],
    ['a number', 42, 'IMPORT_TF_NOT_TERRAFORM'],
    ['null', null, 'IMPORT_TF_NOT_TERRAFORM'],
    ['a vpcsim document', { format: 'vpcsim/1', topology: {} }, 'IMPORT_TF_NOT_TERRAFORM'],
    ['AWS describe output', { Vpcs: [{ VpcId: 'vpc-1' }] }, 'IMPORT_TF_NOT_TERRAFORM'],
    ['a future major format', { format_version: '2.0', values: { root_module: {} } }, 'IMPORT_TF_FORMAT_VERSION'],
    ['an empty state', { format_version: '1.0' }, 'IMPORT_NOTHING'],
    ['a state with only other providers', state([res('random_id.x', 'random_id', { id: 'x' })]), 'IMPORT_NOTHING'],
  ])('says what was expected for %s (fatal, no document)', (_name, value, code) => {
    const r = run(value);
    expect(r.document).toBeUndefined();
    const fatal = r.diagnostics.filter((d) => d.severity === 'fatal');
    expect(fatal.map((d) => d.code)).toEqual([code]);
    expect(fatal[0]!.path).toBe('in.json');
  });

  it('accepts a byte order mark, format version 0.x and an absent format version', () => {
    expect(importTerraform({ path: 'x.json', text: `\uFEFF${JSON.stringify(state([VPC]))}` }).counts).toEqual({
      vpcs: 1,
    });
    expect(run({ ...state([VPC]), format_version: '0.2' }).counts).toEqual({ vpcs: 1 });
    expect(run({ values: { root_module: { resources: [VPC] } } }).counts).toEqual({ vpcs: 1 });
  });

  it('walks child modules to any depth, in document order', () => {
    let child: Record<string, unknown> = {
      address: 'module.a.module.b.module.c',
      resources: [
        res('module.a.module.b.module.c.aws_vpc.deep', 'aws_vpc', { id: 'vpc-deep', cidr_block: '10.9.0.0/16' }),
      ],
    };
    child = { address: 'module.a.module.b', child_modules: [child] };
    child = {
      address: 'module.a',
      resources: [res('module.a.aws_vpc.mid', 'aws_vpc', { id: 'vpc-mid', cidr_block: '10.8.0.0/16' })],
      child_modules: [child],
    };
    const r = run(state([VPC], [child]));
    expect(r.counts).toEqual({ vpcs: 3 });
    expect(r.document!.topology.vpcs!.map((v) => v.id)).toEqual(['vpc-1', 'vpc-deep', 'vpc-mid']);
  });

  it('reads a raw terraform.tfstate (version 4) as well', () => {
    const r = run({
      version: 4,
      terraform_version: '1.9.5',
      serial: 12,
      lineage: 'c2b1',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'aws_vpc',
          name: 'main',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [{ schema_version: 1, attributes: { id: 'vpc-1', cidr_block: '10.0.0.0/16' } }],
        },
        {
          module: 'module.net',
          mode: 'managed',
          type: 'aws_subnet',
          name: 'private',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            {
              index_key: 'a',
              schema_version: 1,
              attributes: {
                id: 'subnet-a',
                vpc_id: 'vpc-1',
                cidr_block: '10.0.1.0/24',
                availability_zone: 'us-east-1a',
              },
            },
            {
              index_key: 'b',
              schema_version: 1,
              attributes: { vpc_id: 'vpc-1', cidr_block: '10.0.2.0/24', availability_zone: 'us-east-1b' },
            },
          ],
        },
      ],
    });
    expect(r.counts).toEqual({ vpcs: 1, subnets: 2 });
    expect(r.document!.topology.subnets!.map((s) => s.id)).toEqual(['module.net.aws_subnet.private["b"]', 'subnet-a']);
  });

  it.each<[string, unknown[], string[]]>([
    ['a resource that is not an object', ['aws_vpc.main'], ['IMPORT_TF_MALFORMED']],
    ['a resource without an address', [{ type: 'aws_vpc', name: 'x', values: {} }], ['IMPORT_TF_MALFORMED']],
    ['a resource with a strange mode', [{ ...VPC, address: 'aws_vpc.x', mode: 'ephemeral' }], ['IMPORT_TF_MALFORMED']],
    ['values that are not an object', [{ ...VPC, address: 'aws_vpc.x', values: [1] }], ['IMPORT_TF_MALFORMED']],
  ])('skips %s with an error and keeps the rest', (_name, extra, codes) => {
    const r = run(state([VPC, ...extra]));
    expect(r.counts).toEqual({ vpcs: 1 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(codes);
  });

  it('reports module entries of the wrong shape', () => {
    const r = run({
      format_version: '1.0',
      values: { root_module: { resources: { not: 'a list' }, child_modules: [7, { resources: [VPC] }] } },
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IMPORT_TF_MALFORMED', 'IMPORT_TF_MALFORMED']);
    expect(r.counts).toEqual({ vpcs: 1 });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a boolean CIDR', { cidr_block: true }, ['IMPORT_TF_FIELD_TYPE', 'IMPORT_TF_FIELD_MISSING']],
    ['tags that are a list', { cidr_block: '10.1.0.0/16', tags: ['Name', 'x'] }, []],
    ['an object as region', { cidr_block: '10.1.0.0/16', region: {} }, ['IMPORT_TF_FIELD_TYPE']],
  ])('never trusts attribute types: %s', (_name, values, codes) => {
    const r = run(state([res('aws_vpc.odd', 'aws_vpc', { id: 'vpc-odd', ...values })]));
    expect(r.diagnostics.filter((d) => d.code !== 'IMPORT_NOTHING').map((d) => d.code)).toEqual(codes);
  });

  it('never throws from mapTerraformResources, whatever it is given', () => {
    const r = mapTerraformResources('nonsense' as unknown as [], 'x');
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['fatal']);
    const r2 = mapTerraformResources(
      [null, 1, 'x', { address: 'a.b', type: 'aws_vpc', values: null }] as unknown as [],
      'x',
    );
    expect(r2.diagnostics.map((d) => d.code)).toEqual([
      'IMPORT_TF_MALFORMED',
      'IMPORT_TF_MALFORMED',
      'IMPORT_TF_MALFORMED',
      'IMPORT_TF_MALFORMED',
      'IMPORT_NOTHING',
    ]);
  });

  it('lists every code it emits in its catalogue', () => {
    const known = new Set([...Object.keys(TERRAFORM_IMPORT_CODES), ...Object.keys(IMPORT_COMMON_CODES)]);
    for (const name of ['multi-vpc-tgw.state.json', 'tgw-peering-regions.state.json', 'network.plan.json']) {
      for (const d of importTerraform({ path: name, text: fixtureText(name) }).diagnostics)
        expect(known).toContain(d.code);
    }
    expect(Object.keys(TERRAFORM_IMPORT_CODES).every((c) => c.startsWith('IMPORT_TF_'))).toBe(true);
  });
});

describe('plans', () => {
  const cfgRes = (address: string, expressions: Record<string, unknown>) => ({
    address,
    mode: 'managed',
    type: address.split('.')[0],
    name: address.split('.')[1],
    provider_config_key: 'aws',
    expressions,
    schema_version: 0,
  });
  const plan = (
    resources: unknown[],
    config: Record<string, unknown>,
    changes: unknown[] = [],
    children: unknown[] = [],
  ) => ({
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: { resources, child_modules: children } },
    resource_changes: changes,
    configuration: { root_module: config },
  });
  const change = (address: string, afterUnknown: Record<string, unknown>) => ({
    address,
    change: { actions: ['create'], after_unknown: afterUnknown },
  });
  const ref = (...references: string[]) => ({ references });

  it('resolves a count-indexed reference to the instance with the same index, and explicit indexes', () => {
    const resources = [
      res('aws_vpc.main', 'aws_vpc', { cidr_block: '10.0.0.0/16' }),
      res(
        'aws_subnet.s[0]',
        'aws_subnet',
        { cidr_block: '10.0.0.0/24', availability_zone: 'us-east-1a' },
        { index: 0 },
      ),
      res(
        'aws_subnet.s[1]',
        'aws_subnet',
        { cidr_block: '10.0.1.0/24', availability_zone: 'us-east-1b' },
        { index: 1 },
      ),
      res('aws_route_table.rt', 'aws_route_table', {}),
      res('aws_route_table_association.a[0]', 'aws_route_table_association', {}, { index: 0 }),
      res('aws_route_table_association.a[1]', 'aws_route_table_association', {}, { index: 1 }),
      res('aws_security_group.sg', 'aws_security_group', { name: 'x' }),
      res('aws_instance.i', 'aws_instance', { private_ip: '10.0.1.10' }),
    ];
    const config = {
      resources: [
        cfgRes('aws_vpc.main', { cidr_block: { constant_value: '10.0.0.0/16' } }),
        cfgRes('aws_subnet.s', { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main') }),
        cfgRes('aws_route_table.rt', { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main') }),
        cfgRes('aws_route_table_association.a', {
          subnet_id: ref('aws_subnet.s', 'count.index'),
          route_table_id: ref('aws_route_table.rt.id', 'aws_route_table.rt'),
        }),
        cfgRes('aws_security_group.sg', { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main') }),
        cfgRes('aws_instance.i', {
          subnet_id: ref('aws_subnet.s[1].id', 'aws_subnet.s[1]', 'aws_subnet.s'),
          vpc_security_group_ids: ref('aws_security_group.sg.id', 'aws_security_group.sg'),
        }),
      ],
    };
    const r = run(plan(resources, config));
    const t = r.document!.topology;
    expect(byId(t.routeTables, 'aws_route_table.rt').subnetIds).toEqual(['aws_subnet.s[0]', 'aws_subnet.s[1]']);
    expect(byId(t.instances, 'aws_instance.i')).toMatchObject({
      subnetId: 'aws_subnet.s[1]',
      securityGroupIds: ['aws_security_group.sg'],
    });
    expectLoads(r.document!);
  });

  it('follows module variables and outputs, and for_each keys with dots', () => {
    const child = {
      address: 'module.net["eu.west"]',
      resources: [
        res('module.net["eu.west"].aws_subnet.s', 'aws_subnet', {
          cidr_block: '10.0.0.0/24',
          availability_zone: 'eu-west-1a',
        }),
        res('module.net["eu.west"].aws_instance.i', 'aws_instance', { private_ip: '10.0.0.10' }),
      ],
    };
    const config = {
      resources: [
        cfgRes('aws_vpc.main', {}),
        cfgRes('aws_security_group.sg', { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main') }),
      ],
      module_calls: {
        net: {
          source: './net',
          for_each_expression: { constant_value: { 'eu.west': 1 } },
          expressions: {
            vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main'),
            sg: ref('aws_security_group.sg.id', 'aws_security_group.sg'),
          },
          module: {
            resources: [
              cfgRes('aws_subnet.s', { vpc_id: ref('var.vpc_id') }),
              cfgRes('aws_instance.i', {
                subnet_id: ref('aws_subnet.s.id', 'aws_subnet.s'),
                vpc_security_group_ids: ref('var.sg'),
              }),
            ],
            outputs: { subnet: { expression: ref('aws_subnet.s.id', 'aws_subnet.s') } },
          },
        },
      },
    };
    const resources = [
      res('aws_vpc.main', 'aws_vpc', { cidr_block: '10.0.0.0/16' }),
      res('aws_security_group.sg', 'aws_security_group', { name: 'sg' }),
      res('aws_network_interface.extra', 'aws_network_interface', { private_ips: ['10.0.0.20'] }),
    ];
    (config.resources as unknown[]).push(
      cfgRes('aws_network_interface.extra', {
        subnet_id: ref('module.net["eu.west"].subnet', 'module.net["eu.west"]'),
      }),
    );
    const r = run(plan(resources, config, [], [child]));
    const t = r.document!.topology;
    expect(byId(t.subnets, 'module.net["eu.west"].aws_subnet.s').vpcId).toBe('aws_vpc.main');
    expect(byId(t.instances, 'module.net["eu.west"].aws_instance.i')).toMatchObject({
      subnetId: 'module.net["eu.west"].aws_subnet.s',
      securityGroupIds: ['aws_security_group.sg'],
    });
    expect(byId(t.networkInterfaces, 'aws_network_interface.extra').subnetId).toBe(
      'module.net["eu.west"].aws_subnet.s',
    );
  });

  it('fills only the unknown elements of a partly known list, and leaves known values alone', () => {
    const resources = [
      res('aws_vpc.main', 'aws_vpc', { id: 'vpc-1', cidr_block: '10.0.0.0/16' }),
      res('aws_subnet.old', 'aws_subnet', {
        id: 'subnet-old',
        vpc_id: 'vpc-1',
        cidr_block: '10.0.0.0/24',
        availability_zone: 'us-east-1a',
      }),
      res('aws_subnet.new', 'aws_subnet', {
        vpc_id: 'vpc-1',
        cidr_block: '10.0.1.0/24',
        availability_zone: 'us-east-1b',
      }),
      res('aws_ec2_transit_gateway.t', 'aws_ec2_transit_gateway', {
        id: 'tgw-1',
        default_route_table_association: 'disable',
        default_route_table_propagation: 'disable',
      }),
      res('aws_ec2_transit_gateway_vpc_attachment.a', 'aws_ec2_transit_gateway_vpc_attachment', {
        vpc_id: 'vpc-1',
        transit_gateway_id: 'tgw-1',
        subnet_ids: ['subnet-old', null],
      }),
    ];
    const config = {
      resources: [
        cfgRes('aws_ec2_transit_gateway_vpc_attachment.a', {
          subnet_ids: ref('aws_subnet.old.id', 'aws_subnet.old', 'aws_subnet.new.id', 'aws_subnet.new'),
          vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main'),
        }),
      ],
    };
    const r = run(
      plan(resources, config, [
        change('aws_ec2_transit_gateway_vpc_attachment.a', { id: true, subnet_ids: [false, true] }),
      ]),
    );
    expect(
      byId(r.document!.topology.transitGatewayAttachments, 'aws_ec2_transit_gateway_vpc_attachment.a'),
    ).toMatchObject({
      vpcId: 'vpc-1',
      subnetIds: ['subnet-old', 'aws_subnet.new'],
    });
  });

  it('leaves a reference it cannot resolve unknown, and reports what the resource then lacks', () => {
    const resources = [
      res('aws_subnet.s', 'aws_subnet', { cidr_block: '10.0.0.0/24', availability_zone: 'us-east-1a' }),
    ];
    const config = { resources: [cfgRes('aws_subnet.s', { vpc_id: ref('local.vpc_id') })] };
    const r = run(plan(resources, config, [change('aws_subnet.s', { id: true, vpc_id: true })]));
    expect(r.document).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_FIELD_MISSING', 'aws_subnet.s'],
      ['IMPORT_NOTHING', undefined],
    ]);
  });

  it('copes with a configuration of the wrong shape', () => {
    const r = run({
      format_version: '1.2',
      planned_values: { root_module: { resources: [VPC] } },
      resource_changes: 'no',
      configuration: {
        root_module: { resources: [7, { address: 'aws_vpc.main', expressions: [] }], module_calls: { x: 3 } },
      },
      prior_state: { values: { root_module: { resources: 'no' } } },
    });
    expect(r.counts).toEqual({ vpcs: 1 });
  });
});

describe('robustness', () => {
  const fixtures = ['multi-vpc-tgw.state.json', 'tgw-peering-regions.state.json', 'network.plan.json'].map(
    (name) => JSON.parse(fixtureText(name)) as Record<string, unknown>,
  );
  /** Every resource `values` object of a parsed show-json document. */
  function valuesOf(doc: unknown): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    const walk = (m: unknown) => {
      if (typeof m !== 'object' || m === null) return;
      const mod = m as { resources?: { values?: Record<string, unknown> }[]; child_modules?: unknown[] };
      for (const r of mod.resources ?? []) if (r.values) out.push(r.values);
      for (const c of mod.child_modules ?? []) walk(c);
    };
    const d = doc as { values?: { root_module?: unknown }; planned_values?: { root_module?: unknown } };
    walk(d.values?.root_module);
    walk(d.planned_values?.root_module);
    return out;
  }

  it('never crashes on damaged attributes and always returns a loadable document', () => {
    const damage = fc.record({
      fixture: fc.nat(fixtures.length - 1),
      edits: fc.array(
        fc.record({
          resource: fc.nat(500),
          key: fc.oneof(
            fc.constantFrom(
              'id',
              'vpc_id',
              'subnet_id',
              'cidr_block',
              'route',
              'ingress',
              'egress',
              'security_groups',
              'subnet_ids',
              'private_ip',
              'transit_gateway_id',
              'route_table_id',
              'protocol',
              'vpc_security_group_ids',
              'network_interface_id',
              'instance',
              'allocation_id',
              'prefix_list_id',
              'peer_vpc_id',
              'attachment',
            ),
            fc.string(),
          ),
          value: fc.oneof(
            fc.jsonValue(),
            fc.constantFrom(
              'vpc-0shared0000000001',
              'sg-0web000000000001',
              'pl-404',
              '10.0.0.0/8',
              '::/0',
              'aws_vpc.shared',
              '__proto__',
              '',
              '-1',
              'igw-0shared000000001/x',
            ),
          ),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    });
    fc.assert(
      fc.property(damage, ({ fixture, edits }) => {
        const doc = structuredClone(fixtures[fixture]!);
        const all = valuesOf(doc);
        for (const e of edits) {
          const target = all[e.resource % all.length]!;
          Object.defineProperty(target, e.key, {
            value: e.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        const r = importTerraform({ path: 'damaged.json', text: JSON.stringify(doc) });
        expect(r.diagnostics.map((d) => d.code)).not.toContain('IMPORT_TF_INTERNAL');
        if (r.document) expectLoads(r.document);
      }),
      { numRuns: 150, seed: 20240611 },
    );
  });

  it('never crashes on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = importTerraform({ path: 'x.json', text: JSON.stringify(value) });
        expect(r.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('maps 20,000 resources in well under the time a person waits (linear work)', () => {
    const resources: unknown[] = [];
    for (let v = 0; v < 20; v++) {
      resources.push(res(`aws_vpc.v${v}`, 'aws_vpc', { id: `vpc-${v}`, cidr_block: `10.${v}.0.0/16` }));
      resources.push(
        res(`aws_security_group.v${v}`, 'aws_security_group', {
          id: `sg-${v}`,
          vpc_id: `vpc-${v}`,
          ingress: [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }],
          egress: [],
        }),
      );
      resources.push(
        res(`aws_route_table.v${v}`, 'aws_route_table', { id: `rtb-${v}`, vpc_id: `vpc-${v}`, route: [] }),
      );
      for (let s = 0; s < 100; s++) {
        resources.push(
          res(
            `aws_subnet.v${v}[${s}]`,
            'aws_subnet',
            {
              id: `subnet-${v}-${s}`,
              vpc_id: `vpc-${v}`,
              cidr_block: `10.${v}.${s}.0/24`,
              availability_zone: 'us-east-1a',
            },
            { index: s },
          ),
        );
        resources.push(
          res(
            `aws_route_table_association.v${v}[${s}]`,
            'aws_route_table_association',
            { route_table_id: `rtb-${v}`, subnet_id: `subnet-${v}-${s}` },
            { index: s },
          ),
        );
        for (let i = 0; i < 8; i++) {
          resources.push(
            res(
              `aws_instance.v${v}_${s}[${i}]`,
              'aws_instance',
              {
                id: `i-${v}-${s}-${i}`,
                subnet_id: `subnet-${v}-${s}`,
                private_ip: `10.${v}.${s}.${10 + i}`,
                vpc_security_group_ids: [`sg-${v}`],
              },
              { index: i },
            ),
          );
        }
      }
    }
    const text = JSON.stringify(state(resources));
    const r = importTerraform({ path: 'big.json', text });
    expect(r.counts).toMatchObject({ vpcs: 20, subnets: 2000, instances: 16000 });
    expect(r.diagnostics).toEqual([]);
  });
});
