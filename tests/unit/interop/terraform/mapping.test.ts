// One mapping at a time: AWS provider attributes -> vpcsim fields, and the diagnostics of what does not fit.
import { describe, expect, it } from 'vitest';
import { mapTerraformResources, type TerraformResource } from '../../../../src/interop/terraform/index.ts';
import { base, byId, mapOk, tf, traceOk } from './helpers.ts';

const VPC = 'vpc-1';
const SUBNET = 'subnet-1';

describe('VPCs and subnets', () => {
  it('maps CIDR blocks, IPv6, the region of the ARN and extra CIDR associations', () => {
    const { t } = mapOk([
      ...base(),
      tf('aws_vpc', 'six', {
        id: 'vpc-6',
        cidr_block: '10.6.0.0/16',
        ipv6_cidr_block: '2600:1f18::/56',
        tags: { Name: 'six' },
      }),
      tf('aws_vpc_ipv4_cidr_block_association', 'x', {
        id: 'vpc-cidr-assoc-1',
        vpc_id: VPC,
        cidr_block: '100.64.0.0/16',
      }),
      tf('aws_vpc_ipv6_cidr_block_association', 'y', {
        id: 'vpc-cidr-assoc-2',
        vpc_id: 'vpc-6',
        ipv6_cidr_block: '2600:1f18:0:100::/56',
      }),
      tf('aws_subnet', 'six', {
        id: 'subnet-6',
        vpc_id: 'vpc-6',
        ipv6_cidr_block: '2600:1f18::/64',
        availability_zone: 'ap-south-1b',
      }),
    ]);
    expect(byId(t.vpcs, VPC)).toEqual({
      id: VPC,
      name: 'aws_vpc.main',
      region: 'eu-central-1',
      cidrBlocks: ['10.0.0.0/16', '100.64.0.0/16'],
    });
    expect(byId(t.vpcs, 'vpc-6')).toEqual({
      id: 'vpc-6',
      name: 'six',
      region: 'ap-south-1',
      cidrBlocks: ['10.6.0.0/16'],
      ipv6CidrBlocks: ['2600:1f18::/56', '2600:1f18:0:100::/56'],
    });
    expect(byId(t.subnets, 'subnet-6')).toEqual({
      id: 'subnet-6',
      name: 'aws_subnet.six',
      vpcId: 'vpc-6',
      availabilityZone: 'ap-south-1b',
      ipv6CidrBlock: '2600:1f18::/64',
    });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'a subnet of an unknown VPC',
      { vpc_id: 'vpc-404', cidr_block: '10.0.2.0/24', availability_zone: 'a' },
      ['IMPORT_TF_DANGLING_REFERENCE'],
    ],
    ['a subnet without CIDR blocks', { vpc_id: VPC, availability_zone: 'eu-central-1a' }, ['IMPORT_TF_FIELD_MISSING']],
    [
      'a malformed CIDR block',
      { vpc_id: VPC, cidr_block: '10.0.2/24', availability_zone: 'a' },
      ['IMPORT_TF_FIELD_VALUE', 'IMPORT_TF_FIELD_MISSING'],
    ],
    [
      'an IPv6 block as cidr_block',
      { vpc_id: VPC, cidr_block: '2600::/64', availability_zone: 'a' },
      ['IMPORT_TF_FIELD_VALUE', 'IMPORT_TF_FIELD_MISSING'],
    ],
    [
      'a number as cidr_block',
      { vpc_id: VPC, cidr_block: 10, availability_zone: 'a' },
      ['IMPORT_TF_FIELD_TYPE', 'IMPORT_TF_FIELD_MISSING'],
    ],
  ])('leaves out %s with an error naming its address', (_name, values, codes) => {
    const { t, r } = mapOk([...base(), tf('aws_subnet', 'bad', { id: 'subnet-bad', ...values })]);
    expect(t.subnets!.map((s) => s.id)).toEqual([SUBNET]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(codes);
    expect(r.diagnostics.every((d) => d.severity === 'error' && d.resourceId === 'aws_subnet.bad')).toBe(true);
    expect(r.diagnostics[0]!.path).toMatch(/^main\.tf\.json#aws_subnet\.bad/);
  });

  it('takes the region from the subnets when the VPC has no ARN, and an unknown zone as "unknown"', () => {
    const { t, codes } = mapOk([
      tf('aws_vpc', 'v', { id: 'vpc-9', cidr_block: '10.9.0.0/16' }),
      tf('aws_subnet', 's', {
        id: 'subnet-9',
        vpc_id: 'vpc-9',
        cidr_block: '10.9.0.0/24',
        availability_zone: 'sa-east-1c',
      }),
      tf('aws_subnet', 'u', { id: 'subnet-10', vpc_id: 'vpc-9', cidr_block: '10.9.1.0/24' }),
    ]);
    expect(byId(t.vpcs, 'vpc-9').region).toBe('sa-east-1');
    expect(byId(t.subnets, 'subnet-10').availabilityZone).toBe('unknown');
    expect(codes).toEqual(['IMPORT_TF_UNKNOWN_VALUE']);
  });

  it('maps aws_default_vpc and aws_default_subnet like their managed kin', () => {
    const { t } = mapOk([
      tf('aws_default_vpc', 'd', { id: 'vpc-d', cidr_block: '172.31.0.0/16', existing_default_vpc: true }),
      tf('aws_default_subnet', 'a', {
        id: 'subnet-d',
        vpc_id: 'vpc-d',
        cidr_block: '172.31.0.0/20',
        availability_zone: 'us-west-2a',
        map_public_ip_on_launch: true,
      }),
    ]);
    expect(byId(t.subnets, 'subnet-d')).toMatchObject({ vpcId: 'vpc-d', mapPublicIpOnLaunch: true });
    expect(byId(t.vpcs, 'vpc-d').region).toBe('us-west-2');
  });
});

describe('route tables and routes', () => {
  const targets = () => [
    ...base(),
    tf('aws_internet_gateway', 'igw', { id: 'igw-1', vpc_id: VPC }),
    tf('aws_egress_only_internet_gateway', 'eigw', { id: 'eigw-1', vpc_id: VPC }),
    tf('aws_nat_gateway', 'nat', { id: 'nat-1', subnet_id: SUBNET, public_ip: '3.3.3.3', private_ip: '10.0.1.5' }),
    tf('aws_ec2_transit_gateway', 'tgw', {
      id: 'tgw-1',
      default_route_table_association: 'disable',
      default_route_table_propagation: 'disable',
    }),
    tf('aws_vpc', 'peer', { id: 'vpc-2', cidr_block: '10.2.0.0/16' }),
    tf('aws_vpc_peering_connection', 'pcx', {
      id: 'pcx-1',
      vpc_id: VPC,
      peer_vpc_id: 'vpc-2',
      accept_status: 'active',
    }),
    tf('aws_network_interface', 'eni', {
      id: 'eni-1',
      subnet_id: SUBNET,
      private_ip: '10.0.1.9',
      security_groups: ['sg-1'],
    }),
    tf('aws_security_group', 'sg', { id: 'sg-1', vpc_id: VPC }),
    tf('aws_instance', 'nat_instance', {
      id: 'i-1',
      subnet_id: SUBNET,
      private_ip: '10.0.1.10',
      vpc_security_group_ids: ['sg-1'],
      source_dest_check: false,
    }),
  ];

  it.each<[string, Record<string, unknown>, { destination: string; target: string }]>([
    ['gateway_id', { cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' }, { destination: '0.0.0.0/0', target: 'igw-1' }],
    [
      'ipv6 + egress_only_gateway_id',
      { ipv6_cidr_block: '::/0', egress_only_gateway_id: 'eigw-1' },
      { destination: '::/0', target: 'eigw-1' },
    ],
    [
      'nat_gateway_id',
      { cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-1' },
      { destination: '0.0.0.0/0', target: 'nat-1' },
    ],
    [
      'transit_gateway_id',
      { cidr_block: '10.8.0.0/16', transit_gateway_id: 'tgw-1' },
      { destination: '10.8.0.0/16', target: 'tgw-1' },
    ],
    [
      'vpc_peering_connection_id',
      { cidr_block: '10.2.0.0/16', vpc_peering_connection_id: 'pcx-1' },
      { destination: '10.2.0.0/16', target: 'pcx-1' },
    ],
    [
      'network_interface_id',
      { cidr_block: '192.168.0.0/16', network_interface_id: 'eni-1' },
      { destination: '192.168.0.0/16', target: 'eni-1' },
    ],
    [
      'instance_id',
      { cidr_block: '172.16.0.0/12', instance_id: 'i-1' },
      { destination: '172.16.0.0/12', target: 'i-1' },
    ],
    [
      'an address instead of an id',
      { cidr_block: '0.0.0.0/0', gateway_id: 'aws_internet_gateway.igw.id' },
      { destination: '0.0.0.0/0', target: 'igw-1' },
    ],
  ])('maps an inline route with %s', (_name, route, expected) => {
    const { t, codes } = mapOk([
      ...targets(),
      tf('aws_route_table', 'rt', { id: 'rtb-1', vpc_id: VPC, route: [route] }),
    ]);
    expect(byId(t.routeTables, 'rtb-1').routes).toEqual([expected]);
    expect(codes).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a local gateway', { cidr_block: '0.0.0.0/0', local_gateway_id: 'lgw-1' }, 'IMPORT_TF_UNSUPPORTED_VALUE'],
    ['a carrier gateway', { cidr_block: '0.0.0.0/0', carrier_gateway_id: 'cagw-1' }, 'IMPORT_TF_UNSUPPORTED_VALUE'],
    [
      'a core network',
      { cidr_block: '0.0.0.0/0', core_network_arn: 'arn:aws:networkmanager::1:core-network/x' },
      'IMPORT_TF_UNSUPPORTED_VALUE',
    ],
    ['a virtual private gateway', { cidr_block: '0.0.0.0/0', gateway_id: 'vgw-1' }, 'IMPORT_TF_UNSUPPORTED_VALUE'],
    ['no target', { cidr_block: '0.0.0.0/0' }, 'IMPORT_TF_FIELD_MISSING'],
    ['no destination', { gateway_id: 'igw-1' }, 'IMPORT_TF_FIELD_MISSING'],
    [
      'an unknown prefix list',
      { destination_prefix_list_id: 'pl-404', gateway_id: 'igw-1' },
      'IMPORT_TF_DANGLING_REFERENCE',
    ],
  ])('leaves out a route to %s', (_name, route, code) => {
    const { t, r } = mapOk([...targets(), tf('aws_route_table', 'rt', { id: 'rtb-1', vpc_id: VPC, route: [route] })]);
    expect(byId(t.routeTables, 'rtb-1').routes).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([[code, 'aws_route_table.rt']]);
  });

  it('keeps a route to an unknown id as a blackhole, with an error', () => {
    const { t, r } = mapOk([
      ...targets(),
      tf('aws_route_table', 'rt', {
        id: 'rtb-1',
        vpc_id: VPC,
        route: [{ cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-gone' }],
      }),
    ]);
    expect(byId(t.routeTables, 'rtb-1').routes).toEqual([{ destination: '0.0.0.0/0', target: 'nat-gone' }]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.resourceId])).toEqual([
      ['IMPORT_TF_DANGLING_REFERENCE', 'error', 'aws_route_table.rt'],
    ]);
  });

  it('merges aws_route resources that the table already lists, and reports a conflicting one', () => {
    const { t, r } = mapOk([
      ...targets(),
      tf('aws_route_table', 'rt', {
        id: 'rtb-1',
        vpc_id: VPC,
        route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-1', nat_gateway_id: '' }],
      }),
      tf('aws_route', 'same', { route_table_id: 'rtb-1', destination_cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' }),
      tf('aws_route', 'other', {
        route_table_id: 'rtb-1',
        destination_cidr_block: '0.0.0.0/0',
        nat_gateway_id: 'nat-1',
      }),
      tf('aws_route', 'v6', {
        route_table_id: 'aws_route_table.rt.id',
        destination_ipv6_cidr_block: '::/0',
        egress_only_gateway_id: 'eigw-1',
      }),
      tf('aws_route', 'local', { route_table_id: 'rtb-1', destination_cidr_block: '10.0.0.0/16', gateway_id: 'local' }),
      tf('aws_route', 'lost', {
        route_table_id: 'rtb-404',
        destination_cidr_block: '10.7.0.0/16',
        gateway_id: 'igw-1',
      }),
    ]);
    expect(byId(t.routeTables, 'rtb-1').routes).toEqual([
      { destination: '0.0.0.0/0', target: 'igw-1' },
      { destination: '::/0', target: 'eigw-1' },
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_CONFLICT', 'aws_route.other'],
      ['IMPORT_TF_DANGLING_REFERENCE', 'aws_route.lost'],
    ]);
  });

  it('turns a gateway endpoint route into the endpoint route table list', () => {
    const { t } = mapOk([
      ...base(),
      tf('aws_vpc_endpoint', 's3', {
        id: 'vpce-1',
        vpc_id: VPC,
        vpc_endpoint_type: 'Gateway',
        service_name: 'com.amazonaws.eu-central-1.s3',
        prefix_list_id: 'pl-6da54004',
      }),
      tf('aws_route_table', 'rt', {
        id: 'rtb-1',
        vpc_id: VPC,
        route: [{ destination_prefix_list_id: 'pl-6da54004', gateway_id: 'vpce-1' }],
      }),
      tf('aws_route', 'to_s3', {
        route_table_id: 'rtb-1',
        destination_prefix_list_id: 'pl-6da54004',
        gateway_id: 'igw-x',
      }),
    ]);
    expect(byId(t.vpcEndpoints, 'vpce-1').routeTableIds).toEqual(['rtb-1']);
    expect(byId(t.routeTables, 'rtb-1').routes).toEqual([{ destination: 'pl-s3', target: 'igw-x' }]);
  });

  it('associates subnets and gateways, one table per subnet', () => {
    const { t, r } = mapOk([
      ...targets(),
      tf('aws_subnet', 'b', {
        id: 'subnet-2',
        vpc_id: VPC,
        cidr_block: '10.0.2.0/24',
        availability_zone: 'eu-central-1b',
      }),
      tf('aws_route_table', 'rt', { id: 'rtb-1', vpc_id: VPC }),
      tf('aws_route_table', 'edge', { id: 'rtb-2', vpc_id: VPC }),
      tf('aws_route_table_association', 'a', { id: 'rtbassoc-1', route_table_id: 'rtb-1', subnet_id: SUBNET }),
      tf('aws_route_table_association', 'b', { id: 'rtbassoc-2', route_table_id: 'rtb-1', subnet_id: 'subnet-2' }),
      tf('aws_route_table_association', 'again', { id: 'rtbassoc-3', route_table_id: 'rtb-2', subnet_id: SUBNET }),
      tf('aws_route_table_association', 'edge', {
        id: 'rtbassoc-4',
        route_table_id: 'rtb-2',
        gateway_id: 'igw-1',
        subnet_id: '',
      }),
      tf('aws_route_table_association', 'vgw', { id: 'rtbassoc-5', route_table_id: 'rtb-2', gateway_id: 'vgw-1' }),
      tf('aws_route_table_association', 'lost', { id: 'rtbassoc-6', route_table_id: 'rtb-404', subnet_id: SUBNET }),
    ]);
    expect(byId(t.routeTables, 'rtb-1').subnetIds).toEqual([SUBNET, 'subnet-2']);
    expect(byId(t.routeTables, 'rtb-2')).toMatchObject({ gatewayIds: ['igw-1'] });
    expect(byId(t.routeTables, 'rtb-2').subnetIds).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_CONFLICT', 'aws_route_table_association.again'],
      ['IMPORT_TF_UNSUPPORTED_VALUE', 'aws_route_table_association.vgw'],
      ['IMPORT_TF_DANGLING_REFERENCE', 'aws_route_table_association.lost'],
    ]);
  });

  it.each<[string, TerraformResource[], string | undefined]>([
    [
      'aws_default_route_table is the main table',
      [tf('aws_default_route_table', 'd', { id: 'rtb-d', default_route_table_id: 'rtb-d', vpc_id: VPC })],
      'rtb-d',
    ],
    [
      'an aws_main_route_table_association wins',
      [
        tf('aws_default_route_table', 'd', { id: 'rtb-d', default_route_table_id: 'rtb-d', vpc_id: VPC }),
        tf('aws_route_table', 'custom', { id: 'rtb-c', vpc_id: VPC }),
        tf('aws_main_route_table_association', 'm', { id: 'rtbassoc-m', vpc_id: VPC, route_table_id: 'rtb-c' }),
      ],
      'rtb-c',
    ],
    [
      'the table the VPC reports as main',
      [tf('aws_route_table', 'custom', { id: 'rtb-main', vpc_id: VPC })],
      'rtb-main',
    ],
    ['none: the implicit main table', [tf('aws_route_table', 'custom', { id: 'rtb-c', vpc_id: VPC })], undefined],
  ])('main table: %s', (name, tables, main) => {
    const vpc = name.startsWith('the table the VPC')
      ? tf('aws_vpc', 'main', { id: VPC, cidr_block: '10.0.0.0/16', main_route_table_id: 'rtb-main' })
      : base()[0]!;
    const { t } = mapOk([vpc, base()[1]!, ...tables]);
    expect(t.routeTables!.filter((x) => x.main === true).map((x) => x.id)).toEqual(main === undefined ? [] : [main]);
  });

  it("adds the VPC's unmanaged main table when a route or association names it", () => {
    const { t, r } = mapOk([
      tf('aws_vpc', 'main', {
        id: VPC,
        cidr_block: '10.0.0.0/16',
        main_route_table_id: 'rtb-m',
        default_route_table_id: 'rtb-m',
      }),
      base()[1]!,
      tf('aws_internet_gateway', 'igw', { id: 'igw-1', vpc_id: VPC }),
      tf('aws_route', 'r', { route_table_id: 'rtb-m', destination_cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' }),
      tf('aws_route_table_association', 'a', { route_table_id: 'rtb-m', subnet_id: SUBNET }),
    ]);
    expect(t.routeTables).toEqual([
      {
        id: 'rtb-m',
        vpcId: VPC,
        name: 'Main route table',
        routes: [{ destination: '0.0.0.0/0', target: 'igw-1' }],
        subnetIds: [SUBNET],
        main: true,
      },
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.resourceId])).toEqual([
      ['IMPORT_TF_DEFAULT_CREATED', 'warning', 'aws_vpc.main'],
    ]);
  });
});

describe('gateways, Elastic IPs and NAT', () => {
  it('attaches internet gateways by attribute or attachment resource', () => {
    const { t, r } = mapOk([
      ...base(),
      tf('aws_internet_gateway', 'a', { id: 'igw-a', vpc_id: '' }),
      tf('aws_internet_gateway_attachment', 'a', { internet_gateway_id: 'igw-a', vpc_id: VPC }),
      tf('aws_internet_gateway', 'loose', { id: 'igw-b' }),
      tf('aws_internet_gateway', 'lost', { id: 'igw-c', vpc_id: 'vpc-404' }),
      tf('aws_egress_only_internet_gateway', 'e', { id: 'eigw-a', vpc_id: 'aws_vpc.main.id' }),
    ]);
    expect(t.internetGateways!.map((g) => [g.id, g.vpcId])).toEqual([
      ['igw-a', VPC],
      ['igw-b', null],
      ['igw-c', null],
    ]);
    expect(byId(t.egressOnlyInternetGateways, 'eigw-a').vpcId).toBe(VPC);
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_DANGLING_REFERENCE', 'aws_internet_gateway.lost'],
    ]);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['its public_ip', { public_ip: '3.1.1.1', allocation_id: 'eipalloc-1' }, { publicIp: '3.1.1.1' }],
    ['the Elastic IP of allocation_id', { allocation_id: 'eipalloc-1' }, { publicIp: '52.1.1.1' }],
    [
      'private connectivity',
      { connectivity_type: 'private', private_ip: '10.0.1.7' },
      { connectivity: 'private', privateIp: '10.0.1.7' },
    ],
  ])('maps a NAT gateway with %s', (_name, values, expected) => {
    const { t } = mapOk([
      ...base(),
      tf('aws_eip', 'nat', {
        id: 'eipalloc-1',
        allocation_id: 'eipalloc-1',
        public_ip: '52.1.1.1',
        network_interface: 'eni-nat',
      }),
      tf('aws_nat_gateway', 'n', { id: 'nat-1', subnet_id: SUBNET, network_interface_id: 'eni-nat', ...values }),
    ]);
    expect(byId(t.natGateways, 'nat-1')).toEqual({
      id: 'nat-1',
      name: 'aws_nat_gateway.n',
      subnetId: SUBNET,
      ...expected,
    });
  });

  it('puts Elastic IPs on instances and interfaces (directly or by association)', () => {
    const { t, r } = mapOk([
      ...base(),
      tf('aws_security_group', 'sg', { id: 'sg-1', vpc_id: VPC }),
      tf('aws_instance', 'a', {
        id: 'i-a',
        subnet_id: SUBNET,
        private_ip: '10.0.1.10',
        public_ip: '',
        vpc_security_group_ids: ['sg-1'],
        primary_network_interface_id: 'eni-a',
      }),
      tf('aws_instance', 'b', {
        id: 'i-b',
        subnet_id: SUBNET,
        private_ip: '10.0.1.11',
        vpc_security_group_ids: ['sg-1'],
        primary_network_interface_id: 'eni-b',
      }),
      tf('aws_network_interface', 'c', {
        id: 'eni-c',
        subnet_id: SUBNET,
        private_ips: ['10.0.1.12'],
        security_groups: ['sg-1'],
      }),
      tf('aws_eip', 'a', { id: 'eipalloc-a', public_ip: '52.0.0.1', instance: 'i-a' }),
      tf('aws_eip', 'b', { id: 'eipalloc-b', public_ip: '52.0.0.2' }),
      tf('aws_eip_association', 'b', { allocation_id: 'eipalloc-b', network_interface_id: 'eni-b' }),
      tf('aws_eip', 'c', { id: 'eipalloc-c', public_ip: '52.0.0.3', network_interface: 'aws_network_interface.c.id' }),
      tf('aws_eip', 'secondary', {
        id: 'eipalloc-d',
        public_ip: '52.0.0.4',
        instance: 'i-b',
        associate_with_private_ip: '10.0.1.99',
      }),
      tf('aws_eip', 'lost', { id: 'eipalloc-e', public_ip: '52.0.0.5', instance: 'i-404' }),
    ]);
    expect(byId(t.instances, 'i-a').publicIp).toBe('52.0.0.1');
    expect(byId(t.instances, 'i-b').publicIp).toBe('52.0.0.2');
    expect(byId(t.networkInterfaces, 'eni-c').publicIp).toBe('52.0.0.3');
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_UNSUPPORTED_VALUE', 'aws_eip.secondary'],
      ['IMPORT_TF_DANGLING_REFERENCE', 'aws_eip.lost'],
    ]);
  });
});

describe('security groups', () => {
  const group = (ingress: unknown[], egress: unknown[] = []) => [
    ...base(),
    tf('aws_ec2_managed_prefix_list', 'pl', { id: 'pl-1', entry: [{ cidr: '192.0.2.0/24' }] }),
    tf('aws_security_group', 'other', { id: 'sg-2', vpc_id: VPC }),
    tf('aws_security_group', 'g', { id: 'sg-1', vpc_id: VPC, name: 'web', ingress, egress }),
  ];
  const rule = (over: Record<string, unknown>) => ({
    cidr_blocks: [],
    ipv6_cidr_blocks: [],
    prefix_list_ids: [],
    security_groups: [],
    self: false,
    from_port: 443,
    to_port: 443,
    protocol: 'tcp',
    description: '',
    ...over,
  });

  it('splits an AWS rule into one rule per peer', () => {
    const { t } = mapOk(
      group([
        rule({
          cidr_blocks: ['10.0.0.0/8', '172.16.0.0/12'],
          ipv6_cidr_blocks: ['::/0'],
          prefix_list_ids: ['pl-1'],
          security_groups: ['sg-2', '111122223333/sg-3'],
          self: true,
          description: 'https',
        }),
      ]),
    );
    expect(byId(t.securityGroups, 'sg-1').inbound!.map((x) => x.source)).toEqual([
      '10.0.0.0/8',
      '172.16.0.0/12',
      '::/0',
      'pl-1',
      'sg-2',
      'sg-3',
      'sg-1',
    ]);
    expect(byId(t.securityGroups, 'sg-1').inbound![0]).toEqual({
      protocol: 'tcp',
      ports: '443',
      source: '10.0.0.0/8',
      description: 'https',
    });
    expect(byId(t.securityGroups, 'sg-1').name).toBe('web');
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown> | undefined]>([
    ['-1', { protocol: '-1', from_port: 0, to_port: 0 }, { protocol: 'all' }],
    ['"6" with a range', { protocol: '6', from_port: 1024, to_port: 65535 }, { protocol: 'tcp', ports: '1024-65535' }],
    ['tcp on every port', { protocol: 'tcp', from_port: 0, to_port: 65535 }, { protocol: 'tcp' }],
    ['udp 53', { protocol: 'udp', from_port: 53, to_port: 53 }, { protocol: 'udp', ports: '53' }],
    ['icmp any', { protocol: 'icmp', from_port: -1, to_port: -1 }, { protocol: 'icmp' }],
    [
      'icmp echo request',
      { protocol: 'icmp', from_port: 8, to_port: 0 },
      { protocol: 'icmp', icmpType: 8, icmpCode: 0 },
    ],
    ['"58"', { protocol: '58', from_port: 128, to_port: -1 }, { protocol: 'icmpv6', icmpType: 128 }],
    ['"50" (ESP)', { protocol: '50', from_port: 0, to_port: 0 }, { protocol: '50' }],
    ['an unknown name', { protocol: 'esp', from_port: 0, to_port: 0 }, undefined],
    ['an inverted range', { protocol: 'tcp', from_port: 443, to_port: 80 }, undefined],
  ])('maps protocol %s', (_name, over, expected) => {
    const { t, codes } = mapOk(group([rule({ ...over, cidr_blocks: ['10.0.0.0/8'] })]));
    const inbound = byId(t.securityGroups, 'sg-1').inbound;
    if (expected === undefined) {
      expect(inbound).toEqual([]);
      expect(codes).toEqual(['IMPORT_TF_FIELD_VALUE']);
    } else {
      expect(inbound).toEqual([{ ...expected, source: '10.0.0.0/8' }]);
      expect(codes).toEqual([]);
    }
  });

  it('gives a group with no egress no outbound rules (Terraform removes the AWS default), and adds rule resources', () => {
    const { t } = mapOk([
      ...group([]),
      tf('aws_security_group', 'only_rules', { id: 'sg-3', vpc_id: VPC }),
      tf('aws_security_group_rule', 'e', {
        type: 'egress',
        security_group_id: 'sg-3',
        protocol: 'tcp',
        from_port: 5432,
        to_port: 5432,
        source_security_group_id: 'sg-2',
      }),
      tf('aws_security_group_rule', 'i', {
        type: 'ingress',
        security_group_id: 'aws_security_group.only_rules.id',
        protocol: '-1',
        from_port: 0,
        to_port: 0,
        self: true,
        cidr_blocks: ['10.1.0.0/16'],
      }),
      tf('aws_vpc_security_group_ingress_rule', 'v4', {
        security_group_id: 'sg-3',
        ip_protocol: 'tcp',
        from_port: 22,
        to_port: 22,
        cidr_ipv4: '203.0.113.0/24',
      }),
      tf('aws_vpc_security_group_ingress_rule', 'ref', {
        security_group_id: 'sg-3',
        ip_protocol: '-1',
        referenced_security_group_id: 'sg-2',
      }),
      tf('aws_vpc_security_group_egress_rule', 'v6', {
        security_group_id: 'sg-3',
        ip_protocol: '-1',
        cidr_ipv6: '::/0',
      }),
      tf('aws_vpc_security_group_egress_rule', 'pl', {
        security_group_id: 'sg-3',
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        prefix_list_id: 'pl-1',
      }),
    ]);
    expect(byId(t.securityGroups, 'sg-1').outbound).toEqual([]);
    expect(byId(t.securityGroups, 'sg-3')).toMatchObject({
      inbound: [
        { protocol: 'all', source: '10.1.0.0/16' },
        { protocol: 'all', source: 'sg-3' },
        { protocol: 'tcp', ports: '22', source: '203.0.113.0/24' },
        { protocol: 'all', source: 'sg-2' },
      ],
      outbound: [
        { protocol: 'tcp', ports: '5432', destination: 'sg-2' },
        { protocol: 'all', destination: '::/0' },
        { protocol: 'tcp', ports: '443', destination: 'pl-1' },
      ],
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a rule of an unknown group',
      {
        type: 'ingress',
        security_group_id: 'sg-404',
        protocol: 'tcp',
        from_port: 1,
        to_port: 1,
        cidr_blocks: ['10.0.0.0/8'],
      },
      'IMPORT_TF_DANGLING_REFERENCE',
    ],
    [
      'a rule of another type',
      {
        type: 'both',
        security_group_id: 'sg-1',
        protocol: 'tcp',
        from_port: 1,
        to_port: 1,
        cidr_blocks: ['10.0.0.0/8'],
      },
      'IMPORT_TF_FIELD_VALUE',
    ],
    [
      'a rule without a peer',
      { type: 'ingress', security_group_id: 'sg-1', protocol: 'tcp', from_port: 1, to_port: 1 },
      'IMPORT_TF_FIELD_MISSING',
    ],
    [
      'a rule for an unknown prefix list',
      {
        type: 'ingress',
        security_group_id: 'sg-1',
        protocol: 'tcp',
        from_port: 1,
        to_port: 1,
        prefix_list_ids: ['pl-404'],
      },
      'IMPORT_TF_DANGLING_REFERENCE',
    ],
  ])('reports %s', (_name, values, code) => {
    const { t, codes } = mapOk([...group([]), tf('aws_security_group_rule', 'r', values)]);
    expect(byId(t.securityGroups, 'sg-1').inbound).toEqual([]);
    expect(codes[0]).toBe(code);
  });

  it('keeps a rule naming a group outside the input (stale in AWS terms) and reports it', () => {
    const { t, r } = mapOk(group([rule({ security_groups: ['sg-elsewhere'] })]));
    expect(byId(t.securityGroups, 'sg-1').inbound).toEqual([{ protocol: 'tcp', ports: '443', source: 'sg-elsewhere' }]);
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_DANGLING_REFERENCE', 'aws_security_group.g'],
    ]);
  });

  it('maps aws_default_security_group and adds an unmanaged default group that instances use', () => {
    const { t, r } = mapOk([
      tf('aws_vpc', 'main', {
        id: VPC,
        cidr_block: '10.0.0.0/16',
        ipv6_cidr_block: '2600::/56',
        default_security_group_id: 'sg-d',
      }),
      base()[1]!,
      tf('aws_instance', 'i', {
        id: 'i-1',
        subnet_id: SUBNET,
        private_ip: '10.0.1.10',
        vpc_security_group_ids: ['sg-d'],
      }),
      tf('aws_vpc', 'two', { id: 'vpc-2', cidr_block: '10.2.0.0/16' }),
      tf('aws_default_security_group', 'two', { id: 'sg-2d', vpc_id: 'vpc-2', ingress: [], egress: [] }),
    ]);
    expect(byId(t.securityGroups, 'sg-d')).toEqual({
      id: 'sg-d',
      vpcId: VPC,
      name: 'default',
      inbound: [{ protocol: 'all', source: 'sg-d' }],
      outbound: [
        { protocol: 'all', destination: '0.0.0.0/0' },
        { protocol: 'all', destination: '::/0' },
      ],
    });
    expect(byId(t.securityGroups, 'sg-2d')).toMatchObject({ inbound: [], outbound: [] });
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([['IMPORT_TF_DEFAULT_CREATED', 'aws_vpc.main']]);
  });
});

describe('network ACLs', () => {
  const entry = (over: Record<string, unknown>) => ({
    rule_no: 100,
    action: 'allow',
    protocol: '-1',
    cidr_block: '0.0.0.0/0',
    ipv6_cidr_block: '',
    from_port: 0,
    to_port: 0,
    icmp_type: 0,
    icmp_code: 0,
    ...over,
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown> | undefined]>([
    ['all traffic', {}, { ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    [
      'tcp ephemeral ports',
      { protocol: '6', from_port: 1024, to_port: 65535 },
      { ruleNumber: 100, protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0', action: 'allow' },
    ],
    [
      'a deny of udp 53',
      { action: 'deny', protocol: 'udp', from_port: 53, to_port: 53 },
      { ruleNumber: 100, protocol: 'udp', ports: '53', cidr: '0.0.0.0/0', action: 'deny' },
    ],
    [
      'icmp echo',
      { protocol: '1', icmp_type: 8, icmp_code: 0 },
      { ruleNumber: 100, protocol: 'icmp', icmpType: 8, icmpCode: 0, cidr: '0.0.0.0/0', action: 'allow' },
    ],
    [
      'icmp any',
      { protocol: 'icmp', icmp_type: -1, icmp_code: -1 },
      { ruleNumber: 100, protocol: 'icmp', cidr: '0.0.0.0/0', action: 'allow' },
    ],
    [
      'an IPv6 block',
      { cidr_block: '', ipv6_cidr_block: '::/0' },
      { ruleNumber: 100, protocol: 'all', cidr: '::/0', action: 'allow' },
    ],
    ['GRE', { protocol: '47' }, { ruleNumber: 100, protocol: '47', cidr: '0.0.0.0/0', action: 'allow' }],
    ['a rule number out of range', { rule_no: 32767 }, undefined],
    ['an unknown action', { action: 'permit' }, undefined],
    ['no block', { cidr_block: '' }, undefined],
  ])('maps an entry with %s', (_name, over, expected) => {
    const { t, codes } = mapOk([
      ...base(),
      tf('aws_network_acl', 'n', { id: 'acl-1', vpc_id: VPC, ingress: [entry(over)], egress: [] }),
    ]);
    const acl = byId(t.networkAcls, 'acl-1');
    if (expected === undefined) {
      expect(acl.inbound).toEqual([]);
      expect(codes).toHaveLength(1);
    } else {
      expect(acl.inbound).toEqual([expected]);
      expect(codes).toEqual([]);
    }
  });

  it('adds rule resources, associates subnets by priority, and reports conflicts', () => {
    const { t, r } = mapOk([
      ...base(),
      tf('aws_subnet', 'b', {
        id: 'subnet-2',
        vpc_id: VPC,
        cidr_block: '10.0.2.0/24',
        availability_zone: 'eu-central-1b',
      }),
      tf('aws_default_network_acl', 'd', {
        id: 'acl-d',
        default_network_acl_id: 'acl-d',
        vpc_id: VPC,
        ingress: [entry({})],
        egress: [entry({})],
        subnet_ids: [SUBNET, 'subnet-2'],
      }),
      tf('aws_network_acl', 'n', {
        id: 'acl-1',
        vpc_id: VPC,
        ingress: [entry({ rule_no: 200 })],
        egress: [],
        subnet_ids: [],
      }),
      tf('aws_network_acl_rule', 'same', {
        network_acl_id: 'acl-1',
        rule_number: 200,
        egress: false,
        protocol: '-1',
        rule_action: 'allow',
        cidr_block: '0.0.0.0/0',
      }),
      tf('aws_network_acl_rule', 'clash', {
        network_acl_id: 'acl-1',
        rule_number: 200,
        egress: false,
        protocol: '-1',
        rule_action: 'deny',
        cidr_block: '0.0.0.0/0',
      }),
      tf('aws_network_acl_rule', 'out', {
        network_acl_id: 'aws_network_acl.n.id',
        rule_number: 100,
        egress: true,
        protocol: 'tcp',
        rule_action: 'allow',
        cidr_block: '10.0.0.0/8',
        from_port: 443,
        to_port: 443,
      }),
      tf('aws_network_acl_association', 'b', { network_acl_id: 'acl-1', subnet_id: 'subnet-2' }),
    ]);
    expect(byId(t.networkAcls, 'acl-d')).toMatchObject({ default: true, subnetIds: [SUBNET] });
    expect(byId(t.networkAcls, 'acl-1')).toMatchObject({
      subnetIds: ['subnet-2'],
      inbound: [{ ruleNumber: 200, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
      outbound: [{ ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '10.0.0.0/8', action: 'allow' }],
    });
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_CONFLICT', 'aws_network_acl_rule.clash'],
      ['IMPORT_TF_CONFLICT', 'aws_network_acl_association.b'],
    ]);
  });

  it("adds a rule to the VPC's unmanaged default NACL on top of AWS's allow-all rules", () => {
    const { t } = mapOk([
      tf('aws_vpc', 'main', { id: VPC, cidr_block: '10.0.0.0/16', default_network_acl_id: 'acl-d' }),
      base()[1]!,
      tf('aws_network_acl_rule', 'deny', {
        network_acl_id: 'aws_vpc.main.default_network_acl_id',
        rule_number: 50,
        egress: false,
        protocol: '6',
        rule_action: 'deny',
        cidr_block: '0.0.0.0/0',
        from_port: 22,
        to_port: 22,
      }),
    ]);
    expect(byId(t.networkAcls, 'acl-d')).toMatchObject({
      default: true,
      inbound: [
        { ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
        { ruleNumber: 50, protocol: 'tcp', ports: '22', cidr: '0.0.0.0/0', action: 'deny' },
      ],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
  });
});

describe('instances and network interfaces', () => {
  const net = () => [...base(), tf('aws_security_group', 'sg', { id: 'sg-1', vpc_id: VPC, name: 'app' })];
  const instance = (over: Record<string, unknown>) =>
    tf('aws_instance', 'i', {
      id: 'i-1',
      subnet_id: SUBNET,
      private_ip: '10.0.1.10',
      vpc_security_group_ids: ['sg-1'],
      ...over,
    });

  it.each<[string, string | undefined]>([
    ['running', undefined],
    ['pending', undefined],
    ['stopped', 'stopped'],
    ['stopping', 'stopped'],
    ['shutting-down', 'terminated'],
    ['terminated', 'terminated'],
  ])('maps instance_state %s', (state, expected) => {
    const { t } = mapOk([...net(), instance({ instance_state: state })]);
    expect(byId(t.instances, 'i-1').state).toBe(expected);
  });

  it('maps addresses, groups, the source/destination check and the primary interface id', () => {
    const { t } = mapOk([
      ...net(),
      instance({
        secondary_private_ips: ['10.0.1.11', '10.0.1.12'],
        public_ip: '3.4.5.6',
        associate_public_ip_address: true,
        ipv6_addresses: ['2600::10'],
        source_dest_check: false,
        primary_network_interface_id: 'eni-p',
        tags: { Name: 'app-1' },
      }),
    ]);
    expect(byId(t.instances, 'i-1')).toEqual({
      id: 'i-1',
      name: 'app-1',
      subnetId: SUBNET,
      privateIp: '10.0.1.10',
      secondaryPrivateIps: ['10.0.1.11', '10.0.1.12'],
      publicIp: '3.4.5.6',
      ipv6Addresses: ['2600::10'],
      securityGroupIds: ['sg-1'],
      sourceDestCheck: false,
      primaryInterfaceId: 'eni-p',
    });
  });

  it('finds groups by name (security_groups) and reports unknown ones', () => {
    const { t, r } = mapOk([...net(), instance({ vpc_security_group_ids: [], security_groups: ['app', 'nope'] })]);
    expect(byId(t.instances, 'i-1').securityGroupIds).toEqual(['sg-1']);
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_DANGLING_REFERENCE', 'aws_instance.i'],
    ]);
  });

  it('makes an aws_network_interface at device index 0 the primary interface of its instance', () => {
    const { t } = mapOk([
      ...net(),
      tf('aws_network_interface', 'p', {
        id: 'eni-p',
        subnet_id: SUBNET,
        private_ip_list: ['10.0.1.20', '10.0.1.21'],
        security_groups: ['sg-1'],
        source_dest_check: false,
      }),
      tf('aws_network_interface', 'x', {
        id: 'eni-x',
        subnet_id: SUBNET,
        private_ips: ['10.0.1.30'],
        security_groups: ['sg-1'],
      }),
      tf('aws_instance', 'i', { id: 'i-1', network_interface: [{ network_interface_id: 'eni-p', device_index: 0 }] }),
      tf('aws_network_interface_attachment', 'x', {
        instance_id: 'i-1',
        network_interface_id: 'eni-x',
        device_index: 1,
      }),
    ]);
    expect(byId(t.instances, 'i-1')).toEqual({
      id: 'i-1',
      name: 'aws_instance.i',
      subnetId: SUBNET,
      privateIp: '10.0.1.20',
      secondaryPrivateIps: ['10.0.1.21'],
      securityGroupIds: ['sg-1'],
      sourceDestCheck: false,
      primaryInterfaceId: 'eni-p',
    });
    expect(t.networkInterfaces).toEqual([
      {
        id: 'eni-x',
        name: 'aws_network_interface.x',
        subnetId: SUBNET,
        privateIp: '10.0.1.30',
        securityGroupIds: ['sg-1'],
        instanceId: 'i-1',
      },
    ]);
  });

  it('leaves out an instance of an unknown subnet', () => {
    const { t, r } = mapOk([...net(), instance({ subnet_id: 'subnet-404' })]);
    expect(t.instances).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_DANGLING_REFERENCE', 'aws_instance.i'],
    ]);
  });
});

describe('VPC peering', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>[], string | undefined]>([
    ['active', { accept_status: 'active' }, [], 'active'],
    ['pending', { accept_status: 'pending-acceptance' }, [], 'pending-acceptance'],
    [
      'pending, then accepted',
      { accept_status: 'pending-acceptance' },
      [{ vpc_peering_connection_id: 'pcx-1', accept_status: 'active' }],
      'active',
    ],
    ['planned with auto_accept', { auto_accept: true }, [], 'active'],
    ['planned without auto_accept', { auto_accept: false }, [], 'pending-acceptance'],
    [
      'planned, accepted by an accepter with auto_accept',
      {},
      [{ vpc_peering_connection_id: 'aws_vpc_peering_connection.p.id', auto_accept: true }],
      'active',
    ],
    ['deleting', { accept_status: 'deleting' }, [], 'deleted'],
  ])('maps status %s', (_name, values, accepters, status) => {
    const { t } = mapOk([
      ...base(),
      tf('aws_vpc', 'peer', { id: 'vpc-2', cidr_block: '10.2.0.0/16' }),
      tf('aws_vpc_peering_connection', 'p', { id: 'pcx-1', vpc_id: VPC, peer_vpc_id: 'vpc-2', ...values }),
      ...accepters.map((v) => tf('aws_vpc_peering_connection_accepter', 'a', { id: 'pcx-1', ...v })),
    ]);
    expect(byId(t.vpcPeeringConnections, 'pcx-1')).toEqual({
      id: 'pcx-1',
      name: 'aws_vpc_peering_connection.p',
      requesterVpcId: VPC,
      accepterVpcId: 'vpc-2',
      ...(status === undefined ? {} : { status }),
    });
  });

  it('stands an accepter in for a connection requested in another state, and drops a peering with an unknown VPC', () => {
    const { t, r } = mapOk([
      ...base(),
      tf('aws_vpc', 'peer', { id: 'vpc-2', cidr_block: '10.2.0.0/16' }),
      tf('aws_vpc_peering_connection_accepter', 'a', {
        id: 'pcx-9',
        vpc_peering_connection_id: 'pcx-9',
        vpc_id: 'vpc-2',
        peer_vpc_id: VPC,
        accept_status: 'active',
      }),
      tf('aws_vpc_peering_connection', 'lost', {
        id: 'pcx-8',
        vpc_id: VPC,
        peer_vpc_id: 'vpc-other-account',
        accept_status: 'active',
      }),
    ]);
    expect(t.vpcPeeringConnections).toEqual([
      {
        id: 'pcx-9',
        name: 'aws_vpc_peering_connection_accepter.a',
        requesterVpcId: VPC,
        accepterVpcId: 'vpc-2',
        status: 'active',
      },
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_DANGLING_REFERENCE', 'aws_vpc_peering_connection.lost'],
    ]);
  });
});

describe('transit gateways', () => {
  const hub = (
    tgw: Record<string, unknown>,
    attachment: Record<string, unknown>,
    more: ReturnType<typeof tf>[] = [],
  ) => [
    ...base(),
    tf('aws_ec2_transit_gateway', 'hub', {
      id: 'tgw-1',
      association_default_route_table_id: 'tgw-rtb-d',
      propagation_default_route_table_id: 'tgw-rtb-d',
      ...tgw,
    }),
    tf('aws_ec2_transit_gateway_vpc_attachment', 'a', {
      id: 'tgw-attach-1',
      transit_gateway_id: 'tgw-1',
      vpc_id: VPC,
      subnet_ids: [SUBNET],
      ...attachment,
    }),
    ...more,
  ];

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string[], string[]]>([
    ['defaults on', {}, {}, ['tgw-attach-1'], ['tgw-attach-1']],
    [
      'the attachment opts out of association',
      {},
      { transit_gateway_default_route_table_association: false },
      [],
      ['tgw-attach-1'],
    ],
    [
      'the attachment opts out of both',
      {},
      {
        transit_gateway_default_route_table_association: false,
        transit_gateway_default_route_table_propagation: false,
      },
      [],
      [],
    ],
    ['the gateway disables association', { default_route_table_association: 'disable' }, {}, [], ['tgw-attach-1']],
  ])('applies the default route table: %s', (_name, tgw, attachment, associations, propagations) => {
    const { t } = mapOk(hub(tgw, attachment));
    expect(byId(t.transitGatewayRouteTables, 'tgw-rtb-d')).toMatchObject({
      transitGatewayId: 'tgw-1',
      associations,
      propagations,
    });
  });

  it('maps gateway options, appliance mode and explicit links (an explicit association replaces the default)', () => {
    const { t, r } = mapOk(
      hub({ security_group_referencing_support: 'enable' }, { appliance_mode_support: 'enable' }, [
        tf('aws_ec2_transit_gateway_route_table', 'x', { id: 'tgw-rtb-x', transit_gateway_id: 'tgw-1' }),
        tf('aws_ec2_transit_gateway_route_table_association', 'x', {
          transit_gateway_attachment_id: 'tgw-attach-1',
          transit_gateway_route_table_id: 'tgw-rtb-x',
          replace_existing_association: true,
        }),
        tf('aws_ec2_transit_gateway_route_table_propagation', 'x', {
          transit_gateway_attachment_id: 'tgw-attach-1',
          transit_gateway_route_table_id: 'tgw-rtb-x',
        }),
        tf('aws_ec2_transit_gateway_route', 'static', {
          transit_gateway_route_table_id: 'tgw-rtb-x',
          destination_cidr_block: '0.0.0.0/0',
          transit_gateway_attachment_id: 'tgw-attach-1',
        }),
        tf('aws_ec2_transit_gateway_route', 'hole', {
          transit_gateway_route_table_id: 'tgw-rtb-x',
          destination_cidr_block: '10.99.0.0/16',
          blackhole: true,
        }),
        tf('aws_ec2_transit_gateway_route', 'gone', {
          transit_gateway_route_table_id: 'tgw-rtb-x',
          destination_cidr_block: '10.98.0.0/16',
          transit_gateway_attachment_id: 'tgw-attach-gone',
        }),
        tf('aws_ec2_transit_gateway_route', 'default_table', {
          transit_gateway_route_table_id: 'aws_ec2_transit_gateway.hub.association_default_route_table_id',
          destination_cidr_block: '10.97.0.0/16',
          blackhole: true,
        }),
      ]),
    );
    expect(byId(t.transitGateways, 'tgw-1')).toEqual({
      id: 'tgw-1',
      name: 'aws_ec2_transit_gateway.hub',
      defaultRouteTableAssociation: true,
      defaultRouteTablePropagation: true,
      securityGroupReferencingSupport: true,
      associationDefaultRouteTableId: 'tgw-rtb-d',
      propagationDefaultRouteTableId: 'tgw-rtb-d',
    });
    expect(byId(t.transitGatewayAttachments, 'tgw-attach-1').applianceMode).toBe(true);
    expect(byId(t.transitGatewayRouteTables, 'tgw-rtb-x')).toMatchObject({
      associations: ['tgw-attach-1'],
      propagations: ['tgw-attach-1'],
      routes: [
        { destination: '0.0.0.0/0', attachmentId: 'tgw-attach-1' },
        { destination: '10.99.0.0/16', blackhole: true },
        { destination: '10.98.0.0/16', blackhole: true },
      ],
    });
    expect(byId(t.transitGatewayRouteTables, 'tgw-rtb-d')).toMatchObject({
      associations: [],
      propagations: ['tgw-attach-1'],
      routes: [{ destination: '10.97.0.0/16', blackhole: true }],
    });
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_DANGLING_REFERENCE', 'aws_ec2_transit_gateway_route.gone'],
      ['IMPORT_TF_DEFAULT_CREATED', 'aws_ec2_transit_gateway.hub'],
    ]);
  });

  it('takes the default table from a reference to a table resource (no table is added)', () => {
    const { t, codes } = mapOk([
      ...base(),
      tf('aws_ec2_transit_gateway', 'hub', {
        association_default_route_table_id: 'aws_ec2_transit_gateway_route_table.d.id',
        propagation_default_route_table_id: 'aws_ec2_transit_gateway_route_table.d',
      }),
      tf('aws_ec2_transit_gateway_route_table', 'd', { transit_gateway_id: 'aws_ec2_transit_gateway.hub.id' }),
      tf('aws_ec2_transit_gateway_vpc_attachment', 'a', {
        transit_gateway_id: 'aws_ec2_transit_gateway.hub.id',
        vpc_id: VPC,
        subnet_ids: [SUBNET],
      }),
    ]);
    expect(t.transitGatewayRouteTables).toEqual([
      {
        id: 'aws_ec2_transit_gateway_route_table.d',
        transitGatewayId: 'aws_ec2_transit_gateway.hub',
        associations: ['aws_ec2_transit_gateway_vpc_attachment.a'],
        propagations: ['aws_ec2_transit_gateway_vpc_attachment.a'],
        routes: [],
      },
    ]);
    expect(codes).toEqual([]);
  });

  it('maps a peering attachment with its accepter, or says that acceptance is assumed', () => {
    const peers = [
      tf('aws_ec2_transit_gateway', 'a', {
        id: 'tgw-a',
        default_route_table_association: 'disable',
        default_route_table_propagation: 'disable',
      }),
      tf('aws_ec2_transit_gateway', 'b', {
        id: 'tgw-b',
        default_route_table_association: 'disable',
        default_route_table_propagation: 'disable',
      }),
      tf('aws_ec2_transit_gateway_peering_attachment', 'p', {
        id: 'tgw-attach-p',
        transit_gateway_id: 'tgw-a',
        peer_transit_gateway_id: 'tgw-b',
        peer_region: 'eu-west-1',
      }),
    ];
    const accepted = mapOk([
      ...peers,
      tf('aws_ec2_transit_gateway_peering_attachment_accepter', 'p', {
        id: 'tgw-attach-p',
        transit_gateway_attachment_id: 'tgw-attach-p',
        transit_gateway_id: 'tgw-b',
        peer_transit_gateway_id: 'tgw-a',
      }),
    ]);
    expect(accepted.t.transitGatewayAttachments).toEqual([
      {
        id: 'tgw-attach-p',
        name: 'aws_ec2_transit_gateway_peering_attachment.p',
        transitGatewayId: 'tgw-a',
        type: 'peering',
        peerTransitGatewayId: 'tgw-b',
      },
    ]);
    expect(accepted.codes).toEqual([]);
    expect(mapOk(peers).codes).toEqual(['IMPORT_TF_ASSUMED']);
    const pending = mapOk([
      peers[0]!,
      peers[1]!,
      tf('aws_ec2_transit_gateway_peering_attachment', 'p', {
        id: 'tgw-attach-p',
        transit_gateway_id: 'tgw-a',
        peer_transit_gateway_id: 'tgw-b',
        state: 'pendingAcceptance',
      }),
    ]);
    expect(byId(pending.t.transitGatewayAttachments, 'tgw-attach-p').state).toBe('pendingAcceptance');
    const onlyAccepter = mapOk([
      peers[0]!,
      peers[1]!,
      tf('aws_ec2_transit_gateway_peering_attachment_accepter', 'p', {
        id: 'tgw-attach-q',
        transit_gateway_attachment_id: 'tgw-attach-q',
        transit_gateway_id: 'tgw-b',
        peer_transit_gateway_id: 'tgw-a',
      }),
    ]);
    expect(byId(onlyAccepter.t.transitGatewayAttachments, 'tgw-attach-q')).toMatchObject({
      transitGatewayId: 'tgw-a',
      peerTransitGatewayId: 'tgw-b',
    });
  });
});

describe('VPC endpoints and prefix lists', () => {
  it('maps gateway and interface endpoints and their association resources', () => {
    const { t, codes } = mapOk([
      ...base(),
      tf('aws_route_table', 'rt', { id: 'rtb-1', vpc_id: VPC }),
      tf('aws_route_table', 'rt2', { id: 'rtb-2', vpc_id: VPC }),
      tf('aws_security_group', 'sg', { id: 'sg-1', vpc_id: VPC }),
      tf('aws_vpc_endpoint', 'ddb', {
        id: 'vpce-g',
        vpc_id: VPC,
        vpc_endpoint_type: 'Gateway',
        service_name: 'com.amazonaws.eu-central-1.dynamodb',
        route_table_ids: ['rtb-1'],
        prefix_list_id: 'pl-66a5400f',
      }),
      tf('aws_vpc_endpoint_route_table_association', 'x', { vpc_endpoint_id: 'vpce-g', route_table_id: 'rtb-2' }),
      tf('aws_vpc_endpoint', 'sqs', {
        id: 'vpce-i',
        vpc_id: VPC,
        vpc_endpoint_type: 'Interface',
        service_name: 'com.amazonaws.eu-central-1.sqs',
        subnet_ids: [],
        security_group_ids: ['sg-1'],
      }),
      tf('aws_vpc_endpoint_subnet_association', 'x', { vpc_endpoint_id: 'vpce-i', subnet_id: SUBNET }),
      tf('aws_vpc_endpoint', 'gwlb', {
        id: 'vpce-l',
        vpc_id: VPC,
        vpc_endpoint_type: 'GatewayLoadBalancer',
        service_name: 'com.amazonaws.vpce.eu-central-1.vpce-svc-1',
      }),
      tf('aws_route', 'to_gwlb', {
        route_table_id: 'rtb-1',
        destination_cidr_block: '0.0.0.0/0',
        vpc_endpoint_id: 'vpce-l',
      }),
      tf('aws_security_group_rule', 'ddb', {
        type: 'egress',
        security_group_id: 'sg-1',
        protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        prefix_list_ids: ['pl-66a5400f'],
      }),
    ]);
    expect(t.vpcEndpoints).toEqual([
      {
        id: 'vpce-g',
        name: 'aws_vpc_endpoint.ddb',
        vpcId: VPC,
        type: 'gateway',
        service: 'com.amazonaws.eu-central-1.dynamodb',
        routeTableIds: ['rtb-1', 'rtb-2'],
      },
      {
        id: 'vpce-i',
        name: 'aws_vpc_endpoint.sqs',
        vpcId: VPC,
        type: 'interface',
        service: 'com.amazonaws.eu-central-1.sqs',
        securityGroupIds: ['sg-1'],
        subnetIds: [SUBNET],
      },
    ]);
    expect(byId(t.securityGroups, 'sg-1').outbound).toEqual([
      { protocol: 'tcp', ports: '443', destination: 'pl-dynamodb' },
    ]);
    expect(codes).toEqual([
      'IMPORT_TF_PREFIX_LIST_BUILTIN',
      'IMPORT_TF_UNSUPPORTED_RESOURCE',
      'IMPORT_TF_UNSUPPORTED_VALUE',
    ]);
  });

  it('uses prefix lists read by data sources: service lists as built-ins, others as lists of their own', () => {
    const { t } = mapOk([
      ...base(),
      tf('aws_security_group', 'sg', { id: 'sg-1', vpc_id: VPC }),
      {
        address: 'data.aws_prefix_list.s3',
        mode: 'data',
        type: 'aws_prefix_list',
        name: 's3',
        values: { id: 'pl-63a5400a', name: 'com.amazonaws.us-east-1.s3', cidr_blocks: ['52.216.0.0/15'] },
      },
      {
        address: 'data.aws_ec2_managed_prefix_list.corp',
        mode: 'data',
        type: 'aws_ec2_managed_prefix_list',
        name: 'corp',
        values: { id: 'pl-corp', name: 'corp', entries: [{ cidr: '192.0.2.0/24' }] },
      },
      tf('aws_vpc_security_group_egress_rule', 's3', {
        security_group_id: 'sg-1',
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        prefix_list_id: 'data.aws_prefix_list.s3.id',
      }),
      tf('aws_vpc_security_group_egress_rule', 'corp', {
        security_group_id: 'sg-1',
        ip_protocol: 'tcp',
        from_port: 22,
        to_port: 22,
        prefix_list_id: 'pl-corp',
      }),
    ]);
    expect(byId(t.securityGroups, 'sg-1').outbound!.map((x) => x.destination)).toEqual(['pl-s3', 'pl-corp']);
    expect(t.prefixLists).toEqual([{ id: 'pl-corp', cidrs: ['192.0.2.0/24'] }]);
  });
});

describe('what is not mapped', () => {
  it('counts data sources, warns once about other providers and once per other AWS resource', () => {
    const r = mapTerraformResources(
      [
        ...base(),
        {
          address: 'data.aws_region.current',
          mode: 'data',
          type: 'aws_region',
          name: 'current',
          values: { name: 'eu-central-1' },
        },
        tf('random_pet', 'p', { id: 'happy-cat' }),
        tf('google_compute_network', 'n', { id: 'projects/x/global/networks/n' }),
        tf('aws_vpn_gateway', 'vgw', { id: 'vgw-1', vpc_id: VPC }),
        tf('aws_lb', 'lb', { id: 'arn:aws:elasticloadbalancing:x' }),
        tf('aws_route_table', 'rt', {
          id: 'rtb-1',
          vpc_id: VPC,
          route: [{ cidr_block: '192.168.0.0/16', gateway_id: 'aws_vpn_gateway.vgw.id' }],
        }),
      ],
      'state.json',
    );
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.resourceId])).toEqual([
      ['IMPORT_TF_UNSUPPORTED_RESOURCE', 'warning', 'aws_vpn_gateway.vgw'],
      ['IMPORT_TF_UNSUPPORTED_RESOURCE', 'warning', 'aws_lb.lb'],
      ['IMPORT_TF_OTHER_PROVIDERS', 'warning', undefined],
      ['IMPORT_TF_UNSUPPORTED_VALUE', 'warning', 'aws_route_table.rt'],
    ]);
    expect(r.document!.meta!.description).toMatch(/1 data source and 2 resources of other providers/);
    expect(r.counts).toEqual({ vpcs: 1, subnets: 1, routeTables: 1 });
  });

  it('resolves references written as addresses (HCL round trip) and uses the address as id when values.id is absent', () => {
    const { t } = mapOk([
      tf('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
      tf('aws_subnet', 'a', { vpc_id: 'aws_vpc.main.id', cidr_block: '10.0.1.0/24', availability_zone: 'us-east-1a' }),
      tf('aws_internet_gateway', 'gw', { vpc_id: 'aws_vpc.main' }),
      tf('aws_route_table', 'rt', {
        vpc_id: 'aws_vpc.main.id',
        route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'aws_internet_gateway.gw.id' }],
      }),
      tf('aws_route_table_association', 'a', { subnet_id: 'aws_subnet.a.id', route_table_id: 'aws_route_table.rt.id' }),
      {
        address: 'module.m.aws_security_group.sg["web"]',
        mode: 'managed',
        type: 'aws_security_group',
        name: 'sg',
        index: 'web',
        values: {
          vpc_id: 'aws_vpc.main.id',
          ingress: [
            {
              protocol: 'tcp',
              from_port: 80,
              to_port: 80,
              security_groups: ['module.m.aws_security_group.sg["web"].id'],
            },
          ],
        },
      },
      tf('aws_instance', 'web', {
        subnet_id: 'aws_subnet.a.id',
        private_ip: '10.0.1.10',
        vpc_security_group_ids: ['module.m.aws_security_group.sg["web"].id'],
      }),
    ]);
    expect(byId(t.routeTables, 'aws_route_table.rt')).toEqual({
      id: 'aws_route_table.rt',
      vpcId: 'aws_vpc.main',
      routes: [{ destination: '0.0.0.0/0', target: 'aws_internet_gateway.gw' }],
      subnetIds: ['aws_subnet.a'],
    });
    const sg = 'module.m.aws_security_group.sg["web"]';
    expect(byId(t.securityGroups, sg).inbound).toEqual([{ protocol: 'tcp', ports: '80', source: sg }]);
    expect(byId(t.instances, 'aws_instance.web').securityGroupIds).toEqual([sg]);
    expect(traceOk(t, { from: 'internet', to: '10.0.1.10', port: 80 }).verdict).toBe('BLOCKED');
  });

  it('reports two resources with one id and one address listed twice', () => {
    const r = mapTerraformResources(
      [...base(), tf('aws_vpc', 'again', { id: VPC, cidr_block: '10.1.0.0/16' }), base()[1]!],
      'state.json',
    );
    expect(r.diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['IMPORT_TF_MALFORMED', 'aws_subnet.a'],
      ['IMPORT_TF_DUPLICATE_ID', 'aws_vpc.again'],
    ]);
    expect(r.counts).toEqual({ vpcs: 1, subnets: 1 });
  });
});
