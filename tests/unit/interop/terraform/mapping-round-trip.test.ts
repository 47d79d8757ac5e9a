// The mappings an exact round trip through the HCL exporter relies on: prefix list data sources looked
// up by name, aws_ec2_instance_state, transit gateway prefix list references and default route tables,
// and the `vpcsim:` tags that carry what no Terraform argument holds.
import { describe, expect, it } from 'vitest';
import type { TerraformResource } from '../../../../src/interop/terraform/index.ts';
import type { Instance, TransitGatewayRoute } from '../../../../src/model/index.ts';
import { base, blocker, byId, mapOk, tf, traceOk } from './helpers.ts';

const VPC = 'vpc-1';
const SUBNET = 'subnet-1';
const BUILTIN = 'IMPORT_TF_PREFIX_LIST_BUILTIN';

function data(type: string, name: string, values: Record<string, unknown>): TerraformResource {
  return { address: `data.${type}.${name}`, mode: 'data', type, name, values };
}

const openGroup = tf('aws_security_group', 'sg', {
  id: 'sg-1',
  vpc_id: VPC,
  ingress: [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['10.0.0.0/16'] }],
  egress: [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }],
});

function instance(name: string, id: string, ip: string, values: Record<string, unknown> = {}): TerraformResource {
  return tf('aws_instance', name, {
    id,
    subnet_id: SUBNET,
    private_ip: ip,
    vpc_security_group_ids: ['sg-1'],
    ...values,
  });
}

describe('prefix lists read by data sources', () => {
  /** A security group rule and a route that both use the list `ref` names. */
  const users = (ref: string): TerraformResource[] => [
    tf('aws_security_group', 'sg', { id: 'sg-1', vpc_id: VPC }),
    tf('aws_vpc_security_group_egress_rule', 'out', {
      security_group_id: 'sg-1',
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      prefix_list_id: ref,
    }),
    tf('aws_route_table', 'rt', { id: 'rtb-1', vpc_id: VPC }),
    tf('aws_internet_gateway', 'gw', { id: 'igw-1', vpc_id: VPC }),
    tf('aws_route', 'to', { route_table_id: 'rtb-1', destination_prefix_list_id: ref, gateway_id: 'igw-1' }),
  ];
  const MANAGED = 'aws_ec2_managed_prefix_list';
  const BY_ADDRESS = 'data.aws_ec2_managed_prefix_list.pl.id';
  const S3_STATE = { id: 'pl-6ea54007', name: 'com.amazonaws.eu-central-1.s3', entries: [{ cidr: '52.219.168.0/24' }] };
  const UNKNOWN = [
    'IMPORT_TF_UNKNOWN_VALUE',
    'IMPORT_TF_DANGLING_REFERENCE',
    'IMPORT_TF_FIELD_MISSING',
    'IMPORT_TF_DANGLING_REFERENCE',
  ];

  it.each<[string, string, Record<string, unknown>, string, string | undefined, string[]]>([
    [
      'an S3 list by name, without an id (read back from HCL)',
      MANAGED,
      { name: 'com.amazonaws.eu-central-1.s3' },
      BY_ADDRESS,
      'pl-s3',
      [BUILTIN],
    ],
    [
      'a DynamoDB list by name',
      MANAGED,
      { name: 'com.amazonaws.us-west-2.dynamodb' },
      BY_ADDRESS,
      'pl-dynamodb',
      [BUILTIN],
    ],
    [
      'an S3 list by a prefix-list-name filter',
      MANAGED,
      { filter: [{ name: 'prefix-list-name', values: ['com.amazonaws.eu-central-1.s3'] }] },
      BY_ADDRESS,
      'pl-s3',
      [BUILTIN],
    ],
    [
      'data.aws_prefix_list by name',
      'aws_prefix_list',
      { name: 'com.amazonaws.eu-central-1.dynamodb' },
      'data.aws_prefix_list.pl.id',
      'pl-dynamodb',
      [BUILTIN],
    ],
    ["AWS's S3 list in a state, named by its AWS id", MANAGED, S3_STATE, 'pl-6ea54007', 'pl-s3', [BUILTIN]],
    ["AWS's S3 list in a state, named by its address", MANAGED, S3_STATE, BY_ADDRESS, 'pl-s3', [BUILTIN]],
    [
      'another list in a state (a list of its own)',
      MANAGED,
      { id: 'pl-corp', name: 'corp', entries: [{ cidr: '192.0.2.0/24' }] },
      BY_ADDRESS,
      'pl-corp',
      [],
    ],
    ['another list by name, without an id', MANAGED, { name: 'corp' }, BY_ADDRESS, undefined, UNKNOWN],
    [
      'a list by another filter, without an id',
      MANAGED,
      { filter: [{ name: 'owner-id', values: ['111122223333'] }] },
      BY_ADDRESS,
      undefined,
      UNKNOWN,
    ],
  ])('%s', (_name, type, values, ref, expected, codes) => {
    const { t, codes: got } = mapOk([...base(), data(type, 'pl', values), ...users(ref)]);
    const destinations = expected === undefined ? [] : [expected];
    expect(byId(t.securityGroups, 'sg-1').outbound!.map((r) => r.destination)).toEqual(destinations);
    expect(byId(t.routeTables, 'rtb-1').routes.map((r) => r.destination)).toEqual(destinations);
    expect(got).toEqual(codes);
  });

  it('keeps the entries of a list of its own and adds no list for a built-in one', () => {
    const { t } = mapOk([
      ...base(),
      data(MANAGED, 'pl', { id: 'pl-corp', name: 'corp', entries: [{ cidr: '192.0.2.0/24' }] }),
      data(MANAGED, 's3', { name: 'com.amazonaws.eu-central-1.s3' }),
      ...users(BY_ADDRESS),
      tf('aws_vpc_security_group_ingress_rule', 's3', {
        security_group_id: 'sg-1',
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        prefix_list_id: 'data.aws_ec2_managed_prefix_list.s3.id',
      }),
    ]);
    expect(t.prefixLists).toEqual([{ id: 'pl-corp', cidrs: ['192.0.2.0/24'] }]);
    expect(byId(t.securityGroups, 'sg-1').inbound!.map((r) => r.source)).toEqual(['pl-s3']);
  });
});

describe('aws_ec2_instance_state', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, Instance['state'], string[]]>([
    ['stopped', {}, { instance_id: 'aws_instance.web.id', state: 'stopped' }, 'stopped', []],
    [
      'running, over the instance attribute',
      { instance_state: 'stopped' },
      { instance_id: 'i-1', state: 'running' },
      undefined,
      [],
    ],
    ['an unknown state', {}, { instance_id: 'i-1', state: 'hibernated' }, undefined, ['IMPORT_TF_FIELD_VALUE']],
    ['no state (a plan)', {}, { instance_id: 'i-1' }, undefined, ['IMPORT_TF_FIELD_MISSING']],
    [
      'an unknown instance',
      {},
      { instance_id: 'i-404', state: 'stopped' },
      undefined,
      ['IMPORT_TF_DANGLING_REFERENCE'],
    ],
    ['no instance', {}, { state: 'stopped' }, undefined, ['IMPORT_TF_FIELD_MISSING']],
  ])('maps %s', (_name, inst, values, state, codes) => {
    const { t, codes: got } = mapOk([
      ...base(),
      openGroup,
      instance('web', 'i-1', '10.0.1.10', inst),
      instance('client', 'i-2', '10.0.1.20'),
      tf('aws_ec2_instance_state', 'web', values),
    ]);
    expect(byId(t.instances, 'i-1').state).toBe(state);
    expect(got).toEqual(codes);
    const r = traceOk(t, { from: 'i-2', to: 'i-1', protocol: 'tcp', port: 22 });
    if (state === 'stopped') expect(blocker(r)?.code).toBe('SIM_INSTANCE_NOT_RUNNING');
    else expect(r.verdict).toBe('REACHABLE');
  });
});

describe('aws_ec2_transit_gateway_prefix_list_reference', () => {
  const hub = (): TerraformResource[] => [
    ...base(),
    tf('aws_ec2_transit_gateway', 'hub', {
      id: 'tgw-1',
      default_route_table_association: 'disable',
      default_route_table_propagation: 'disable',
    }),
    tf('aws_ec2_transit_gateway_route_table', 'rt', { id: 'tgw-rtb-1', transit_gateway_id: 'tgw-1' }),
    tf('aws_ec2_transit_gateway_vpc_attachment', 'a', {
      id: 'tgw-attach-1',
      transit_gateway_id: 'tgw-1',
      vpc_id: VPC,
      subnet_ids: [SUBNET],
    }),
    tf('aws_ec2_managed_prefix_list', 'corp', {
      id: 'pl-corp',
      name: 'corp',
      address_family: 'IPv4',
      max_entries: 1,
      entry: [{ cidr: '192.0.2.0/24' }],
    }),
    data('aws_ec2_managed_prefix_list', 's3', { name: 'com.amazonaws.eu-central-1.s3' }),
  ];
  const reference = (name: string, values: Record<string, unknown>): TerraformResource =>
    tf('aws_ec2_transit_gateway_prefix_list_reference', name, {
      transit_gateway_route_table_id: 'tgw-rtb-1',
      ...values,
    });

  it.each<[string, Record<string, unknown>, TransitGatewayRoute[], string[]]>([
    [
      'a route to an attachment',
      { prefix_list_id: 'aws_ec2_managed_prefix_list.corp.id', transit_gateway_attachment_id: 'tgw-attach-1' },
      [{ destination: 'pl-corp', attachmentId: 'tgw-attach-1' }],
      [],
    ],
    ['a blackhole', { prefix_list_id: 'pl-corp', blackhole: true }, [{ destination: 'pl-corp', blackhole: true }], []],
    [
      "a route to AWS's S3 list looked up by name",
      { prefix_list_id: 'data.aws_ec2_managed_prefix_list.s3.id', transit_gateway_attachment_id: 'tgw-attach-1' },
      [{ destination: 'pl-s3', attachmentId: 'tgw-attach-1' }],
      [BUILTIN],
    ],
    [
      'a route to an unknown attachment (a blackhole)',
      { prefix_list_id: 'pl-corp', transit_gateway_attachment_id: 'tgw-attach-404' },
      [{ destination: 'pl-corp', blackhole: true }],
      ['IMPORT_TF_DANGLING_REFERENCE'],
    ],
    ['a route with neither attachment nor blackhole', { prefix_list_id: 'pl-corp' }, [], ['IMPORT_TF_FIELD_MISSING']],
    [
      'a route to an unknown prefix list',
      { prefix_list_id: 'pl-404', transit_gateway_attachment_id: 'tgw-attach-1' },
      [],
      ['IMPORT_TF_DANGLING_REFERENCE'],
    ],
    [
      'a route without a prefix list',
      { transit_gateway_attachment_id: 'tgw-attach-1' },
      [],
      ['IMPORT_TF_FIELD_MISSING'],
    ],
    [
      'a route in an unknown table',
      { transit_gateway_route_table_id: 'tgw-rtb-404', prefix_list_id: 'pl-corp', blackhole: true },
      [],
      ['IMPORT_TF_DANGLING_REFERENCE'],
    ],
  ])('maps %s', (_name, values, routes, codes) => {
    const { t, codes: got } = mapOk([...hub(), reference('ref', values)]);
    expect(byId(t.transitGatewayRouteTables, 'tgw-rtb-1').routes).toEqual(routes);
    expect(got).toEqual(codes);
  });

  it('keeps one route per prefix list: a repeat merges, a different one is a conflict', () => {
    const { t, codes } = mapOk([
      ...hub(),
      reference('a', { prefix_list_id: 'pl-corp', transit_gateway_attachment_id: 'tgw-attach-1' }),
      reference('b', { prefix_list_id: 'pl-corp', transit_gateway_attachment_id: 'tgw-attach-1' }),
      reference('c', { prefix_list_id: 'pl-corp', blackhole: true }),
    ]);
    expect(byId(t.transitGatewayRouteTables, 'tgw-rtb-1').routes).toEqual([
      { destination: 'pl-corp', attachmentId: 'tgw-attach-1' },
    ]);
    expect(codes).toEqual(['IMPORT_TF_CONFLICT']);
  });
});

describe('transit gateway default route tables', () => {
  const gateway = (association: string, propagation: string): TerraformResource[] => [
    ...base(),
    tf('aws_ec2_transit_gateway', 'hub', {
      id: 'tgw-1',
      default_route_table_association: association,
      default_route_table_propagation: propagation,
    }),
    tf('aws_ec2_transit_gateway', 'other', {
      id: 'tgw-2',
      default_route_table_association: 'disable',
      default_route_table_propagation: 'disable',
    }),
    tf('aws_ec2_transit_gateway_route_table', 'x', { id: 'tgw-rtb-x', transit_gateway_id: 'tgw-1' }),
    tf('aws_ec2_transit_gateway_route_table', 'y', { id: 'tgw-rtb-y', transit_gateway_id: 'tgw-1' }),
    tf('aws_ec2_transit_gateway_route_table', 'z', { id: 'tgw-rtb-z', transit_gateway_id: 'tgw-2' }),
    tf('aws_ec2_transit_gateway_vpc_attachment', 'a', {
      id: 'tgw-attach-1',
      transit_gateway_id: 'tgw-1',
      vpc_id: VPC,
      subnet_ids: [SUBNET],
    }),
  ];
  const defaultTable = (which: string, name: string, values: Record<string, unknown>): TerraformResource =>
    tf(`aws_ec2_transit_gateway_default_route_table_${which}`, name, values);

  it.each<['association' | 'propagation', string[], string[]]>([
    ['association', ['tgw-attach-1'], []],
    ['propagation', [], ['tgw-attach-1']],
  ])(
    'aws_ec2_transit_gateway_default_route_table_%s names the default table that attachments get',
    (which, associations, propagations) => {
      const { t, codes } = mapOk([
        ...gateway(which === 'association' ? 'enable' : 'disable', which === 'propagation' ? 'enable' : 'disable'),
        defaultTable(which, 'x', {
          transit_gateway_id: 'aws_ec2_transit_gateway.hub.id',
          transit_gateway_route_table_id: 'aws_ec2_transit_gateway_route_table.x.id',
        }),
      ]);
      const tgw = byId(t.transitGateways, 'tgw-1');
      expect(which === 'association' ? tgw.associationDefaultRouteTableId : tgw.propagationDefaultRouteTableId).toBe(
        'tgw-rtb-x',
      );
      expect(byId(t.transitGatewayRouteTables, 'tgw-rtb-x')).toMatchObject({ associations, propagations });
      // The table named is the default one: AWS's own default table is not added.
      expect(t.transitGatewayRouteTables!.map((r) => r.id)).toEqual(['tgw-rtb-x', 'tgw-rtb-y', 'tgw-rtb-z']);
      expect(codes).toEqual([]);
    },
  );

  it.each<[string, TerraformResource[], string | undefined, string[]]>([
    [
      'a table of another transit gateway',
      [defaultTable('association', 'x', { transit_gateway_id: 'tgw-1', transit_gateway_route_table_id: 'tgw-rtb-z' })],
      undefined,
      ['IMPORT_TF_FIELD_VALUE'],
    ],
    [
      'an unknown table',
      [
        defaultTable('association', 'x', {
          transit_gateway_id: 'tgw-1',
          transit_gateway_route_table_id: 'tgw-rtb-404',
        }),
      ],
      undefined,
      ['IMPORT_TF_DANGLING_REFERENCE'],
    ],
    [
      'an unknown transit gateway',
      [
        defaultTable('association', 'x', {
          transit_gateway_id: 'tgw-404',
          transit_gateway_route_table_id: 'tgw-rtb-x',
        }),
      ],
      undefined,
      ['IMPORT_TF_DANGLING_REFERENCE'],
    ],
    [
      'two tables for one transit gateway (the first stays)',
      [
        defaultTable('association', 'x', { transit_gateway_id: 'tgw-1', transit_gateway_route_table_id: 'tgw-rtb-x' }),
        defaultTable('association', 'y', { transit_gateway_id: 'tgw-1', transit_gateway_route_table_id: 'tgw-rtb-y' }),
      ],
      'tgw-rtb-x',
      ['IMPORT_TF_CONFLICT'],
    ],
  ])('reports %s', (_name, resources, table, codes) => {
    const { t, codes: got } = mapOk([...gateway('disable', 'disable'), ...resources]);
    expect(byId(t.transitGateways, 'tgw-1').associationDefaultRouteTableId).toBe(table);
    expect(got).toEqual(codes);
  });
});

describe('vpcsim: tags', () => {
  it.each<[string, Record<string, unknown>, Partial<Instance>, string[]]>([
    ['vpcsim:os = windows', { tags: { Name: 'web', 'vpcsim:os': 'windows' } }, { os: 'windows' }, []],
    ['vpcsim:os = linux', { tags: { 'vpcsim:os': 'linux' } }, { os: 'linux' }, []],
    ['vpcsim:source-nat = true', { tags: { 'vpcsim:source-nat': 'true' } }, { sourceNat: true }, []],
    ['vpcsim:source-nat = false', { tags: { 'vpcsim:source-nat': 'false' } }, {}, []],
    ["a provider's default tag (tags_all)", { tags_all: { 'vpcsim:os': 'windows' } }, { os: 'windows' }, []],
    [
      'tags over tags_all',
      { tags: { 'vpcsim:os': 'linux' }, tags_all: { 'vpcsim:os': 'windows' } },
      { os: 'linux' },
      [],
    ],
    ['an unknown OS', { tags: { 'vpcsim:os': 'bsd' } }, {}, ['IMPORT_TF_UNSUPPORTED_VALUE']],
    ['an unknown source NAT value', { tags: { 'vpcsim:source-nat': 'yes' } }, {}, ['IMPORT_TF_UNSUPPORTED_VALUE']],
    ['an unknown vpcsim: tag', { tags: { 'vpcsim:colour': 'blue' } }, {}, ['IMPORT_TF_UNSUPPORTED_VALUE']],
  ])('reads %s on an instance', (_name, values, fields, codes) => {
    const { t, codes: got } = mapOk([...base(), openGroup, instance('web', 'i-1', '10.0.1.10', values)]);
    const inst = byId(t.instances, 'i-1');
    expect({ os: inst.os, sourceNat: inst.sourceNat }).toEqual({ os: undefined, sourceNat: undefined, ...fields });
    expect(got).toEqual(codes);
  });

  const eni = (tags: Record<string, string>, attachment: Record<string, unknown>[] = []): TerraformResource =>
    tf('aws_network_interface', 'x', {
      id: 'eni-1',
      subnet_id: SUBNET,
      private_ips: ['10.0.1.30'],
      security_groups: ['sg-1'],
      source_dest_check: false,
      tags,
      attachment,
    });

  it.each<[string, TerraformResource[], { instance?: boolean; eni?: boolean }, string[]]>([
    ['on an interface', [eni({ 'vpcsim:source-nat': 'true' })], { eni: true }, []],
    [
      "on an instance's primary interface (absorbed by the instance)",
      [
        eni({ 'vpcsim:source-nat': 'true' }, [{ instance: 'i-1', device_index: 0 }]),
        tf('aws_instance', 'web', {
          id: 'i-1',
          vpc_security_group_ids: ['sg-1'],
          primary_network_interface_id: 'eni-1',
        }),
      ],
      { instance: true },
      [],
    ],
    ['vpcsim:os on an interface', [eni({ 'vpcsim:os': 'windows' })], {}, ['IMPORT_TF_UNSUPPORTED_VALUE']],
  ])('reads vpcsim:source-nat %s', (_name, resources, sourceNat, codes) => {
    const { t, codes: got } = mapOk([...base(), openGroup, ...resources]);
    if (sourceNat.instance === true) expect(byId(t.instances, 'i-1').sourceNat).toBe(true);
    else expect(byId(t.networkInterfaces, 'eni-1').sourceNat).toBe(sourceNat.eni);
    expect(got).toEqual(codes);
  });
});
