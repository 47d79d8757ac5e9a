// Imports hand-written `terraform show -json` outputs (two states and a plan) and traces the networks
// they describe with the engine: the imported document must load and answer like the AWS network would.
import { describe, expect, it } from 'vitest';
import type { TraceQuery } from '../../../../src/engine/index.ts';
import { blocker, byId, codesOf, expectLoads, importFixture, traceOk } from './helpers.ts';

type Case = [string, TraceQuery, string, string?, string?];

describe('multi-VPC state with a transit gateway, peering and modules', () => {
  const r = importFixture('multi-vpc-tgw.state.json');
  const t = r.document!.topology;

  it('imports every modelled resource and loads without any model diagnostic', () => {
    expect(r.counts).toEqual({
      vpcs: 4,
      subnets: 11,
      routeTables: 5,
      networkAcls: 2,
      securityGroups: 8,
      instances: 7,
      internetGateways: 1,
      egressOnlyInternetGateways: 1,
      natGateways: 1,
      vpcPeeringConnections: 1,
      transitGateways: 1,
      transitGatewayAttachments: 3,
      transitGatewayRouteTables: 2,
      vpcEndpoints: 1,
    });
    expect(expectLoads(r.document!)).toEqual([]);
    expect(r.document!.format).toBe('vpcsim/1');
    expect(r.document!.meta?.title).toBe('Imported from Terraform');
    expect(r.document!.layout).toEqual({});
    expect(r.document!.checks).toEqual([]);
  });

  it('names what it did not model, never dropping it silently', () => {
    expect([...codesOf(r)].sort()).toEqual([
      'IMPORT_TF_DEFAULT_CREATED',
      'IMPORT_TF_DEFAULT_CREATED',
      'IMPORT_TF_OTHER_PROVIDERS',
      'IMPORT_TF_PREFIX_LIST_BUILTIN',
      'IMPORT_TF_UNSUPPORTED_RESOURCE',
      'IMPORT_TF_UNSUPPORTED_RESOURCE',
    ]);
    const unsupported = r.diagnostics.filter((d) => d.code === 'IMPORT_TF_UNSUPPORTED_RESOURCE');
    expect(unsupported.map((d) => [d.severity, d.resourceId, d.path])).toEqual([
      ['warning', 'aws_lb.public', 'tf/multi-vpc-tgw.state.json#aws_lb.public'],
      ['warning', 'aws_flow_log.shared', 'tf/multi-vpc-tgw.state.json#aws_flow_log.shared'],
    ]);
    // The S3 endpoint's list, which a security group rule names, is the built-in pl-s3.
    const builtin = r.diagnostics.filter((d) => d.code === 'IMPORT_TF_PREFIX_LIST_BUILTIN');
    expect(builtin.map((d) => [d.severity, d.resourceId])).toEqual([['warning', 'aws_vpc_endpoint.s3']]);
    expect(r.document!.meta?.description).toMatch(/2 data sources and 2 resources of other providers/);
  });

  it('keeps module resources (for_each and count) under their AWS ids, sorted by id', () => {
    const ids = t.subnets!.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(byId(t.subnets, 'subnet-0appprivateb0001')).toEqual({
      id: 'subnet-0appprivateb0001',
      name: 'spoke-app-private-b',
      vpcId: 'vpc-0spokeapp00000001',
      availabilityZone: 'us-east-1b',
      cidrBlock: '10.10.2.0/24',
    });
    expect(byId(t.vpcs, 'vpc-0shared0000000001')).toMatchObject({
      region: 'us-east-1',
      cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'],
      ipv6CidrBlocks: ['2600:1f18:abcd:1200::/56'],
    });
  });

  it('merges rule resources that the state repeats inline, one peer per rule', () => {
    expect(byId(t.securityGroups, 'sg-0web000000000001').outbound).toEqual([
      { protocol: 'tcp', ports: '5432', destination: 'sg-0db00000000000001' },
      { protocol: 'tcp', ports: '443', destination: '0.0.0.0/0' },
      { protocol: 'tcp', ports: '443', destination: '::/0' },
    ]);
    expect(byId(t.securityGroups, 'sg-0db00000000000001')).toMatchObject({
      inbound: [
        { protocol: 'tcp', ports: '5432', source: 'sg-0web000000000001' },
        { protocol: 'all', source: 'sg-0db00000000000001' },
      ],
      outbound: [],
    });
    expect(byId(t.securityGroups, 'sg-0bastion0000000001').inbound).toHaveLength(2);
    expect(byId(t.securityGroups, 'sg-0svc000000000001').outbound).toContainEqual({
      protocol: 'tcp',
      ports: '443',
      destination: 'pl-s3',
    });
    expect(byId(t.networkAcls, 'acl-0sharedprivate01').inbound.filter((x) => x.ruleNumber === 90)).toHaveLength(1);
    expect(byId(t.routeTables, 'rtb-0sharedprivate01').routes).toHaveLength(5);
  });

  it('associates attachments as AWS does: default tables unless opted out, explicit associations otherwise', () => {
    expect(byId(t.transitGatewayRouteTables, 'tgw-rtb-0hubdefault0001')).toMatchObject({
      associations: ['tgw-attach-0shared00001'],
      propagations: ['tgw-attach-0shared00001', 'tgw-attach-0app0000001', 'tgw-attach-0data000001'],
    });
    expect(byId(t.transitGatewayRouteTables, 'tgw-rtb-0spokes000001')).toMatchObject({
      associations: ['tgw-attach-0app0000001', 'tgw-attach-0data000001'],
      propagations: ['tgw-attach-0shared00001'],
      routes: [{ destination: '10.30.0.0/16', blackhole: true }],
    });
    expect(byId(t.routeTables, 'rtb-0legacy000000001').main).toBe(true);
    expect(byId(t.instances, 'i-0db00000000000001').state).toBe('stopped');
  });

  it.each<Case>([
    ['bastion reaches the internet', { from: 'i-0bastion000000001', to: 'internet', port: 443 }, 'REACHABLE'],
    ['an office reaches the bastion', { from: '203.0.113.25', to: 'i-0bastion000000001', port: 22 }, 'REACHABLE'],
    [
      'another address does not reach the bastion',
      { from: '192.0.2.25', to: 'i-0bastion000000001', port: 22 },
      'BLOCKED',
      'ENI_SG_RULES_MISMATCH',
      'eni-0bastionprim00001',
    ],
    [
      'the stopped database answers nothing',
      { from: 'i-0web0000000000001', to: 'i-0db00000000000001', port: 5432 },
      'BLOCKED',
      'SIM_INSTANCE_NOT_RUNNING',
      'i-0db00000000000001',
    ],
    [
      'a spoke reaches shared services',
      { from: 'i-0app00000000000001', to: 'i-0svc00000000000001', port: 443 },
      'REACHABLE',
    ],
    ['the other spoke too', { from: 'i-0data0000000000001', to: 'i-0svc00000000000001', port: 443 }, 'REACHABLE'],
    [
      'spokes are isolated from each other',
      { from: 'i-0app00000000000001', to: 'i-0data0000000000001', port: 443 },
      'BLOCKED',
      'NO_ROUTE_TO_DESTINATION',
      'tgw-rtb-0spokes000001',
    ],
    [
      'shared services reach the legacy VPC over peering',
      { from: 'i-0svc00000000000001', to: 'i-0legacy000000001', port: 22 },
      'REACHABLE',
    ],
    [
      'peering is not transitive',
      { from: 'i-0legacy000000001', to: 'i-0app00000000000001', port: 443 },
      'BLOCKED',
      'NO_ROUTE_TO_DESTINATION',
      'rtb-0legacy000000001',
    ],
    ['the S3 gateway endpoint carries S3 traffic', { from: 'i-0svc00000000000001', to: 's3', port: 443 }, 'REACHABLE'],
    [
      'the NAT gateway carries internet traffic',
      { from: 'i-0svc00000000000001', to: 'internet', port: 443 },
      'REACHABLE',
    ],
    [
      'IPv6 leaves through the internet gateway',
      { from: 'i-0web0000000000001', to: 'internet', port: 443, family: 6 },
      'REACHABLE',
    ],
    [
      'a separate NACL rule denies ping from one spoke',
      { from: 'i-0data0000000000001', to: 'i-0svc00000000000001', protocol: 'icmp' },
      'BLOCKED',
      'SUBNET_ACL_RESTRICTION',
      'acl-0sharedprivate01',
    ],
    [
      'the other spoke may ping',
      { from: 'i-0app00000000000001', to: 'i-0svc00000000000001', protocol: 'icmp' },
      'REACHABLE',
    ],
    [
      'a group reference lets the bastion in',
      { from: 'i-0bastion000000001', to: 'i-0web0000000000001', port: 22 },
      'REACHABLE',
    ],
    [
      'the web server is public through its Elastic IP',
      { from: 'internet', to: 'i-0web0000000000001', port: 443 },
      'REACHABLE',
    ],
  ])('%s', (_name, q, verdict, code, at) => {
    const result = traceOk(t, q);
    expect(result.verdict).toBe(verdict);
    if (code !== undefined) expect(blocker(result)).toEqual({ code, componentId: at });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(importFixture('multi-vpc-tgw.state.json'))).toBe(JSON.stringify(r));
  });
});

describe('state with transit gateways peered across regions, accepters and default resources', () => {
  const r = importFixture('tgw-peering-regions.state.json');
  const t = r.document!.topology;

  it('imports and loads', () => {
    expect(r.counts).toEqual({
      vpcs: 4,
      subnets: 6,
      routeTables: 3,
      securityGroups: 4,
      instances: 4,
      networkInterfaces: 1,
      internetGateways: 1,
      vpcPeeringConnections: 1,
      transitGateways: 2,
      transitGatewayAttachments: 3,
      transitGatewayRouteTables: 2,
      vpcEndpoints: 1,
      prefixLists: 1,
    });
    expect(expectLoads(r.document!)).toEqual([]);
    expect(codesOf(r)).toEqual(['IMPORT_TF_DEFAULT_CREATED']);
  });

  it('reads regions, accepters, attachments, the managed default table and interfaces', () => {
    expect(t.vpcs!.map((v) => [v.id, v.region])).toEqual([
      ['vpc-0default000000001', 'us-east-1'],
      ['vpc-0euw1ana000000001', 'eu-west-1'],
      ['vpc-0euw1rep000000001', 'eu-west-1'],
      ['vpc-0use1app000000001', 'us-east-1'],
    ]);
    expect(byId(t.vpcPeeringConnections, 'pcx-0repana000000001').status).toBe('active');
    expect(byId(t.internetGateways, 'igw-0euw100000000001').vpcId).toBe('vpc-0euw1rep000000001');
    expect(byId(t.transitGatewayAttachments, 'tgw-attach-0peer00000001')).toEqual({
      id: 'tgw-attach-0peer00000001',
      name: 'us-eu',
      transitGatewayId: 'tgw-0use100000000001',
      type: 'peering',
      peerTransitGatewayId: 'tgw-0euw100000000001',
    });
    expect(byId(t.transitGateways, 'tgw-0euw100000000001').associationDefaultRouteTableId).toBe(
      'tgw-rtb-0euw1default001',
    );
    expect(byId(t.transitGatewayRouteTables, 'tgw-rtb-0euw1default001').associations).toEqual([
      'tgw-attach-0peer00000001',
      'tgw-attach-0euw1vpc0001',
    ]);
    expect(byId(t.networkInterfaces, 'eni-0appliance0000001')).toMatchObject({
      instanceId: 'i-0appliance00000001',
      privateIp: '10.10.1.50',
      secondaryPrivateIps: ['10.10.1.51'],
      publicIp: '3.230.5.6',
      sourceDestCheck: false,
    });
    expect(byId(t.routeTables, 'rtb-0use1default0001').main).toBe(true);
    expect(byId(t.instances, 'i-0legacydefault0001').securityGroupIds).toEqual(['sg-0defaultvpc0000001']);
    expect(byId(t.prefixLists, 'pl-0partners000000001').cidrs).toEqual(['198.51.100.0/24', '192.0.2.0/24']);
  });

  it.each<Case>([
    [
      'across the transit gateway peering',
      { from: 'i-0appliance00000001', to: 'i-0rep000000000001', port: 8443 },
      'REACHABLE',
    ],
    ['and back', { from: 'i-0rep000000000001', to: 'i-0appliance00000001', port: 8443 }, 'REACHABLE'],
    [
      'over the accepted VPC peering',
      { from: 'i-0rep000000000001', to: 'i-0analytics000001', port: 5432 },
      'REACHABLE',
    ],
    [
      'not past it through the transit gateway',
      { from: 'i-0appliance00000001', to: 'i-0analytics000001', port: 5432 },
      'BLOCKED',
      'NO_ROUTE_TO_DESTINATION',
      'tgw-rtb-0use1main00001',
    ],
    ['a partner in the managed prefix list', { from: '198.51.100.7', to: 'i-0rep000000000001', port: 22 }, 'REACHABLE'],
    ['a partner added by a prefix list entry', { from: '192.0.2.9', to: 'i-0rep000000000001', port: 22 }, 'REACHABLE'],
    [
      'anyone else',
      { from: '203.0.113.9', to: 'i-0rep000000000001', port: 22 },
      'BLOCKED',
      'ENI_SG_RULES_MISMATCH',
      'eni-0repprim00000001',
    ],
  ])('%s', (_name, q, verdict, code, at) => {
    const result = traceOk(t, q);
    expect(result.verdict).toBe(verdict);
    if (code !== undefined) expect(blocker(result)).toEqual({ code, componentId: at });
  });
});

describe('plan: new resources known by address, references resolved from the configuration', () => {
  const r = importFixture('network.plan.json');
  const t = r.document!.topology;

  it('imports the planned network (prior resources included, deleted ones not) and loads', () => {
    expect(r.counts).toEqual({
      vpcs: 2,
      subnets: 5,
      routeTables: 3,
      securityGroups: 4,
      instances: 4,
      internetGateways: 1,
      natGateways: 1,
      transitGateways: 1,
      transitGatewayAttachments: 2,
      transitGatewayRouteTables: 1,
    });
    expectLoads(r.document!);
    expect(t.instances!.map((i) => i.id)).not.toContain('i-0old00000000000001');
    expect(r.document!.meta?.description).toMatch(/^Terraform plan \(Terraform 1\.9\.5\)/);
  });

  it('gives new resources their address as id and resolves module, count and variable references', () => {
    expect(byId(t.subnets, 'module.network.aws_subnet.private[1]').vpcId).toBe('module.network.aws_vpc.this');
    expect(byId(t.routeTables, 'module.network.aws_route_table.public')).toMatchObject({
      routes: [{ destination: '0.0.0.0/0', target: 'module.network.aws_internet_gateway.this' }],
      subnetIds: ['module.network.aws_subnet.public[0]', 'module.network.aws_subnet.public[1]'],
    });
    expect(byId(t.routeTables, 'module.network.aws_route_table.private').routes).toEqual([
      { destination: '0.0.0.0/0', target: 'module.network.aws_nat_gateway.this' },
      // transit_gateway_id = var.tgw_id, set by the module call to aws_ec2_transit_gateway.main.id
      { destination: '10.90.0.0/16', target: 'aws_ec2_transit_gateway.main' },
    ]);
    // vpc_id and subnet_ids come from the module's outputs.
    expect(byId(t.transitGatewayAttachments, 'aws_ec2_transit_gateway_vpc_attachment.network')).toMatchObject({
      vpcId: 'module.network.aws_vpc.this',
      subnetIds: ['module.network.aws_subnet.private[0]', 'module.network.aws_subnet.private[1]'],
    });
    expect(byId(t.securityGroups, 'module.network.aws_security_group.web').inbound).toContainEqual({
      protocol: 'tcp',
      ports: '22',
      source: 'module.network.aws_security_group.bastion',
    });
    // aws_vpc.existing.main_route_table_id names the VPC's unmanaged main table.
    expect(byId(t.routeTables, 'rtb-0existingmain0001')).toMatchObject({ main: true, vpcId: 'vpc-0existing00000001' });
  });

  it('assumes the addresses AWS assigns at apply, and says so', () => {
    const assumed = r.diagnostics.filter((d) => d.code === 'IMPORT_TF_ASSUMED').map((d) => d.resourceId);
    expect(assumed).toEqual([
      'module.network.aws_instance.web[0]',
      'module.network.aws_instance.web[0]',
      'module.network.aws_instance.bastion',
      'module.network.aws_instance.app',
      'module.network.aws_nat_gateway.this',
    ]);
    expect(byId(t.instances, 'module.network.aws_instance.bastion')).toMatchObject({ privateIp: '10.0.1.10' });
    expect(byId(t.instances, 'module.network.aws_instance.web[0]').publicIp).toBeDefined();
    expect(byId(t.natGateways, 'module.network.aws_nat_gateway.this').publicIp).toBeDefined();
    // An instance launched without groups is in the VPC's default group.
    expect(byId(t.instances, 'module.network.aws_instance.app').securityGroupIds).toEqual([
      'module.network.aws_vpc.this:sg-default',
    ]);
  });

  it.each<Case>([
    [
      'the internet reaches the new web server',
      { from: 'internet', to: 'module.network.aws_instance.web[0]', port: 443 },
      'REACHABLE',
    ],
    [
      'the app reaches the internet through the new NAT',
      { from: 'module.network.aws_instance.app', to: 'internet', port: 443 },
      'REACHABLE',
    ],
    [
      'the app reaches the existing VPC through the new transit gateway',
      { from: 'module.network.aws_instance.app', to: 'i-0existingapp000001', port: 443 },
      'REACHABLE',
    ],
    [
      'the default group keeps others out of the app',
      { from: 'i-0existingapp000001', to: 'module.network.aws_instance.app', port: 443 },
      'BLOCKED',
      'ENI_SG_RULES_MISMATCH',
      'module.network.aws_instance.app/eth0',
    ],
    [
      'the bastion reaches the web server by group',
      { from: 'module.network.aws_instance.bastion', to: 'module.network.aws_instance.web[0]', port: 22 },
      'REACHABLE',
    ],
    [
      'the internet does not',
      { from: 'internet', to: 'module.network.aws_instance.web[0]', port: 22 },
      'BLOCKED',
      'ENI_SG_RULES_MISMATCH',
      'module.network.aws_instance.web[0]/eth0',
    ],
  ])('%s', (_name, q, verdict, code, at) => {
    const result = traceOk(t, q);
    expect(result.verdict).toBe(verdict);
    if (code !== undefined) expect(blocker(result)).toEqual({ code, componentId: at });
  });
});
