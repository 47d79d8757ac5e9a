// lintNetwork (src/engine/lint.ts): the design warnings of issue 3, one failing and one passing case per
// code on the F1/F2 fixtures, document order, purity, and every bundled scenario linting cleanly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, lintNetwork, LINT_CODES, type LintCode } from '../../../src/engine/index.ts';
import { parseDocument, type Diagnostic, type Topology } from '../../../src/model/index.ts';
import {
  f1,
  f2,
  f3,
  instance,
  natGateway,
  securityGroup,
  setSgInbound,
  withInstance,
  withNacl,
  withoutRoute,
  withRoute,
  withRouteTable,
  withSubnet,
} from './fixtures/index.ts';

function lint(t: Topology): Diagnostic[] {
  return lintNetwork(compile(t, { diagnostics: [] }));
}

function codes(t: Topology): string[] {
  return lint(t).map((d) => d.code);
}

function findings(t: Topology, code: LintCode): Diagnostic[] {
  return lint(t).filter((d) => d.code === code);
}

/** F1 with a second public subnet and NAT gateway in us-east-1b serving the 1b private subnets. */
function f1TwoNats(): Topology {
  const t = f1();
  withSubnet(t, { id: 'sn-pub-b', vpcId: 'vpc-a', availabilityZone: 'us-east-1b', cidrBlock: '10.0.5.0/24' });
  t.routeTables!.find((r) => r.id === 'rtb-pub')!.subnetIds!.push('sn-pub-b');
  t.natGateways!.push({ id: 'nat-b', subnetId: 'sn-pub-b', privateIp: '10.0.5.5', publicIp: '3.3.3.4' });
  withRouteTable(t, {
    id: 'rtb-priv-b',
    vpcId: 'vpc-a',
    subnetIds: ['sn-app-b', 'sn-db-b'],
    routes: [{ destination: '0.0.0.0/0', target: 'nat-b' }],
  });
  return t;
}

describe('baseline', () => {
  it('F1 only has its single NAT gateway for two zones', () => {
    expect(codes(f1())).toEqual(['LINT_NAT_SINGLE_AZ']);
  });

  it('F1 with one NAT gateway per zone is clean; F2 adds nothing to F1', () => {
    expect(codes(f1TwoNats())).toEqual([]);
    expect(codes(f2())).toEqual(['LINT_NAT_SINGLE_AZ']);
  });

  it('every finding is a warning with a catalogued code, a resource, a path and a message', () => {
    const t = f1();
    natGateway(t, 'nat-a').state = 'deleted';
    instance(t, 'app1').publicIp = '54.1.1.11';
    for (const d of lint(t)) {
      expect(d.severity).toBe('warning');
      expect(Object.keys(LINT_CODES)).toContain(d.code);
      expect(d.resourceId).toBeTruthy();
      expect(d.path).toMatch(/^topology\./);
      expect(d.message.length).toBeGreaterThan(20);
    }
  });
});

describe('LINT_NAT_IN_PRIVATE_SUBNET', () => {
  it('flags a public NAT gateway in a subnet without a route to the internet gateway', () => {
    const t = f1();
    natGateway(t, 'nat-a').subnetId = 'sn-app-a';
    natGateway(t, 'nat-a').privateIp = '10.0.2.5';
    expect(findings(t, 'LINT_NAT_IN_PRIVATE_SUBNET')).toEqual([
      expect.objectContaining({ resourceId: 'nat-a', path: 'topology.natGateways[0]' }),
    ]);
  });

  it('is silent for a NAT gateway in a public subnet, and for a private NAT gateway anywhere', () => {
    expect(findings(f1(), 'LINT_NAT_IN_PRIVATE_SUBNET')).toEqual([]);
    const t = f1();
    Object.assign(natGateway(t, 'nat-a'), { subnetId: 'sn-app-a', privateIp: '10.0.2.5', connectivity: 'private' });
    delete natGateway(t, 'nat-a').publicIp;
    expect(findings(t, 'LINT_NAT_IN_PRIVATE_SUBNET')).toEqual([]);
  });
});

describe('LINT_NAT_SINGLE_AZ', () => {
  it('flags one NAT gateway that is the default route of subnets in two zones', () => {
    expect(findings(f1(), 'LINT_NAT_SINGLE_AZ')).toEqual([
      expect.objectContaining({ resourceId: 'nat-a', path: 'topology.natGateways[0]' }),
    ]);
  });

  it('is silent with one NAT gateway per zone, and when the shared route is a blackhole', () => {
    expect(findings(f1TwoNats(), 'LINT_NAT_SINGLE_AZ')).toEqual([]);
    const t = f1();
    natGateway(t, 'nat-a').state = 'deleted';
    expect(findings(t, 'LINT_NAT_SINGLE_AZ')).toEqual([]);
  });
});

describe('LINT_ROUTE_BLACKHOLE', () => {
  it('flags routes to a deleted NAT gateway, a detached gateway, a stopped instance and a missing target', () => {
    const t = f1();
    natGateway(t, 'nat-a').state = 'deleted';
    t.internetGateways![0]!.vpcId = null;
    instance(t, 'app2').state = 'stopped';
    withRoute(t, 'rtb-main', '192.168.0.0/16', 'app2');
    withRoute(t, 'rtb-main', '172.16.0.0/12', 'pcx-gone');
    expect(findings(t, 'LINT_ROUTE_BLACKHOLE').map((d) => [d.resourceId, d.path])).toEqual([
      ['rtb-pub', 'topology.routeTables[0].routes[0]'],
      ['rtb-priv', 'topology.routeTables[1].routes[0]'],
      ['rtb-main', 'topology.routeTables[2].routes[0]'],
      ['rtb-main', 'topology.routeTables[2].routes[1]'],
    ]);
  });

  it('flags a route to a NAT gateway of another VPC', () => {
    const t = f2();
    withRoute(t, 'rtb-b', '0.0.0.0/0', 'nat-a');
    expect(findings(t, 'LINT_ROUTE_BLACKHOLE')).toEqual([expect.objectContaining({ resourceId: 'rtb-b' })]);
  });

  it('is silent when every target is usable', () => {
    expect(findings(f2(), 'LINT_ROUTE_BLACKHOLE')).toEqual([]);
  });
});

describe('LINT_NACL_RULE_SHADOWED', () => {
  it('flags a rule behind an earlier all-protocol rule with a wider CIDR', () => {
    const t = withNacl(f1(), 'acl-app', ['sn-app-a'], {
      inbound: [
        { ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
        { ruleNumber: 110, protocol: 'tcp', ports: '22', cidr: '10.0.0.0/8', action: 'deny' },
      ],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
    expect(findings(t, 'LINT_NACL_RULE_SHADOWED')).toEqual([
      expect.objectContaining({ resourceId: 'acl-app', path: 'topology.networkAcls[1].inbound[1]' }),
    ]);
  });

  it('flags a rule whose port range and CIDR lie inside an earlier rule of the same protocol', () => {
    const t = withNacl(f1(), 'acl-app', ['sn-app-a'], {
      outbound: [
        { ruleNumber: 200, protocol: 'tcp', ports: '8080', cidr: '10.0.1.0/24', action: 'deny' },
        { ruleNumber: 100, protocol: 'tcp', ports: '1024-65535', cidr: '10.0.0.0/16', action: 'allow' },
        { ruleNumber: 300, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
      ],
      inbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
    expect(findings(t, 'LINT_NACL_RULE_SHADOWED').map((d) => d.path)).toEqual(['topology.networkAcls[1].outbound[0]']);
  });

  it('is silent when the earlier rule is narrower, on another protocol or ports, or comes later', () => {
    const t = withNacl(f1(), 'acl-app', ['sn-app-a'], {
      inbound: [
        { ruleNumber: 90, protocol: 'tcp', ports: '443', cidr: '10.0.1.10/32', action: 'deny' },
        { ruleNumber: 95, protocol: 'udp', ports: '0-65535', cidr: '0.0.0.0/0', action: 'deny' },
        { ruleNumber: 96, protocol: 'tcp', ports: '1024-2048', cidr: '0.0.0.0/0', action: 'deny' },
        { ruleNumber: 97, protocol: 'tcp', ports: '2000-3000', cidr: '0.0.0.0/0', action: 'allow' },
        { ruleNumber: 98, protocol: 'icmp', icmpType: 8, icmpCode: -1, cidr: '0.0.0.0/0', action: 'allow' },
        { ruleNumber: 99, protocol: 'icmp', icmpType: 0, icmpCode: -1, cidr: '0.0.0.0/0', action: 'allow' },
        { ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
      ],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
    expect(findings(t, 'LINT_NACL_RULE_SHADOWED')).toEqual([]);
  });
});

describe('LINT_PUBLIC_IP_NO_IGW_ROUTE', () => {
  it('flags an instance with a public IP in a subnet without a route to the internet gateway', () => {
    const t = f1();
    instance(t, 'app1').publicIp = '54.1.1.11';
    expect(findings(t, 'LINT_PUBLIC_IP_NO_IGW_ROUTE')).toEqual([
      expect.objectContaining({ resourceId: 'app1', path: 'topology.instances[1]' }),
    ]);
  });

  it('is silent for the public web server', () => {
    expect(findings(f1(), 'LINT_PUBLIC_IP_NO_IGW_ROUTE')).toEqual([]);
  });
});

describe('LINT_PUBLIC_SUBNET_NO_PUBLIC_IP', () => {
  it('flags an instance without a public IP in a subnet whose default route is the internet gateway', () => {
    const t = f1();
    delete instance(t, 'web').publicIp;
    expect(findings(t, 'LINT_PUBLIC_SUBNET_NO_PUBLIC_IP')).toEqual([
      expect.objectContaining({ resourceId: 'web', path: 'topology.instances[0]' }),
    ]);
  });

  it('is silent for private instances behind the NAT gateway and for a public instance', () => {
    const t = withInstance(f1(), {
      id: 'web2',
      subnetId: 'sn-pub-a',
      privateIp: '10.0.1.11',
      publicIp: '54.1.1.12',
      securityGroupIds: ['sg-web'],
    });
    expect(findings(t, 'LINT_PUBLIC_SUBNET_NO_PUBLIC_IP')).toEqual([]);
  });
});

describe('LINT_TGW_ATTACHMENT_NO_ASSOCIATION', () => {
  it('flags an attachment that no route table of its transit gateway is associated with', () => {
    const t = f3();
    const table = t.transitGatewayRouteTables!.find((r) => r.id === 'tgw-rtb-def')!;
    table.associations = table.associations.filter((a) => a !== 'att-x');
    expect(findings(t, 'LINT_TGW_ATTACHMENT_NO_ASSOCIATION')).toEqual([
      expect.objectContaining({ resourceId: 'att-x', path: 'topology.transitGatewayAttachments[0]' }),
    ]);
  });

  it('is silent when every attachment is associated', () => {
    expect(findings(f3(), 'LINT_TGW_ATTACHMENT_NO_ASSOCIATION')).toEqual([]);
  });
});

describe('LINT_PEERING_ROUTE_ONE_SIDE', () => {
  it('flags an active peering routed from vpc-a but not back from vpc-b', () => {
    const t = withoutRoute(f2(), 'rtb-b', '10.0.0.0/16');
    expect(findings(t, 'LINT_PEERING_ROUTE_ONE_SIDE')).toEqual([
      expect.objectContaining({ resourceId: 'pcx-ab', path: 'topology.vpcPeeringConnections[0]' }),
    ]);
  });

  it('is silent with routes on both sides, and for a peering that is not active', () => {
    expect(findings(f2(), 'LINT_PEERING_ROUTE_ONE_SIDE')).toEqual([]);
    const t = withoutRoute(f2(), 'rtb-b', '10.0.0.0/16');
    t.vpcPeeringConnections![0]!.status = 'pending-acceptance';
    expect(findings(t, 'LINT_PEERING_ROUTE_ONE_SIDE')).toEqual([]);
  });
});

describe('LINT_VPC_CIDR_OVERLAP_CONNECTED', () => {
  function withVpcD(t: Topology): Topology {
    t.vpcs!.push({ id: 'vpc-d', cidrBlocks: ['10.0.128.0/17'] });
    return t;
  }

  it('flags overlapping VPCs joined by a peering', () => {
    const t = withVpcD(f2());
    t.vpcPeeringConnections!.push({ id: 'pcx-ad', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-d' });
    expect(findings(t, 'LINT_VPC_CIDR_OVERLAP_CONNECTED')).toEqual([
      expect.objectContaining({ resourceId: 'vpc-d', path: 'topology.vpcs[3]' }),
    ]);
  });

  it('flags overlapping VPCs attached to one transit gateway', () => {
    const t = withVpcD(f2());
    t.transitGateways = [{ id: 'tgw-1' }];
    t.transitGatewayAttachments = [
      { id: 'tgw-att-a', transitGatewayId: 'tgw-1', type: 'vpc', vpcId: 'vpc-a', subnetIds: ['sn-app-a'] },
      { id: 'tgw-att-d', transitGatewayId: 'tgw-1', type: 'vpc', vpcId: 'vpc-d', subnetIds: [] },
    ];
    expect(findings(t, 'LINT_VPC_CIDR_OVERLAP_CONNECTED')).toEqual([expect.objectContaining({ resourceId: 'vpc-d' })]);
  });

  it('is silent for an overlapping VPC that is not connected, and for connected distinct VPCs', () => {
    expect(findings(withVpcD(f2()), 'LINT_VPC_CIDR_OVERLAP_CONNECTED')).toEqual([]);
    expect(findings(f2(), 'LINT_VPC_CIDR_OVERLAP_CONNECTED')).toEqual([]);
  });
});

describe('LINT_NACL_NO_EPHEMERAL_RETURN', () => {
  /** T-NACL-02: inbound 443 from the web tier, outbound 443 only. */
  function tNacl02(): Topology {
    return withNacl(f1(), 'acl-app', ['sn-app-a'], {
      inbound: [{ ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '10.0.1.0/24', action: 'allow' }],
      outbound: [{ ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' }],
    });
  }

  it('flags inbound requests without outbound replies, and outbound requests without inbound replies', () => {
    expect(findings(tNacl02(), 'LINT_NACL_NO_EPHEMERAL_RETURN').map((d) => [d.resourceId, d.path])).toEqual([
      ['acl-app', 'topology.networkAcls[1].inbound[0]'],
      ['acl-app', 'topology.networkAcls[1].outbound[0]'],
    ]);
  });

  it('flags a return rule that covers only the Windows range', () => {
    const t = tNacl02();
    t.networkAcls![1]!.outbound.push({
      ruleNumber: 110,
      protocol: 'tcp',
      ports: '49152-65535',
      cidr: '10.0.1.0/24',
      action: 'allow',
    });
    t.networkAcls![1]!.inbound.push({
      ruleNumber: 110,
      protocol: 'tcp',
      ports: '1024-65535',
      cidr: '0.0.0.0/0',
      action: 'allow',
    });
    expect(findings(t, 'LINT_NACL_NO_EPHEMERAL_RETURN').map((d) => d.path)).toEqual([
      'topology.networkAcls[1].inbound[0]',
    ]);
  });

  it('is silent once both directions allow the ephemeral ports, and for the default NACL', () => {
    const t = tNacl02();
    t.networkAcls![1]!.outbound.push({
      ruleNumber: 110,
      protocol: 'tcp',
      ports: '32768-65535',
      cidr: '10.0.1.0/24',
      action: 'allow',
    });
    t.networkAcls![1]!.inbound.push({
      ruleNumber: 110,
      protocol: 'tcp',
      ports: '1024-65535',
      cidr: '0.0.0.0/0',
      action: 'allow',
    });
    expect(findings(t, 'LINT_NACL_NO_EPHEMERAL_RETURN')).toEqual([]);
    const d = f1();
    d.networkAcls![0]!.outbound = [
      { ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' },
    ];
    expect(findings(d, 'LINT_NACL_NO_EPHEMERAL_RETURN')).toEqual([]);
  });
});

describe('LINT_SG_REFERENCE_CANNOT_MATCH', () => {
  it('is silent for a reference across an active same-region peering (T-SG-06)', () => {
    const t = setSgInbound(f2(), 'sg-peer', [{ protocol: 'tcp', ports: '443', source: 'sg-app' }]);
    expect(findings(t, 'LINT_SG_REFERENCE_CANNOT_MATCH')).toEqual([]);
  });

  it('flags a reference across a cross-region peering', () => {
    const t = setSgInbound(f2(), 'sg-peer', [{ protocol: 'tcp', ports: '443', source: 'sg-app' }]);
    t.vpcs![1]!.region = 'us-west-2';
    expect(findings(t, 'LINT_SG_REFERENCE_CANNOT_MATCH')).toEqual([
      expect.objectContaining({ resourceId: 'sg-peer', path: 'topology.securityGroups[3].inbound[0]' }),
    ]);
  });

  it('flags a reference to a group in a VPC with no peering, or a peering that is not active', () => {
    const t = setSgInbound(f2(), 'sg-c', [{ protocol: 'tcp', ports: '443', source: 'sg-app' }]);
    securityGroup(t, 'sg-peer').outbound = [{ protocol: 'tcp', ports: '5432', destination: 'sg-db' }];
    t.vpcPeeringConnections![0]!.status = 'pending-acceptance';
    expect(findings(t, 'LINT_SG_REFERENCE_CANNOT_MATCH').map((d) => [d.resourceId, d.path])).toEqual([
      ['sg-peer', 'topology.securityGroups[3].outbound[0]'],
      ['sg-c', 'topology.securityGroups[4].inbound[0]'],
    ]);
  });
});

describe('LINT_SG_REFERENCE_CANNOT_MATCH across a transit gateway (semantics.md 4.2, 9.5)', () => {
  const refY = () => setSgInbound(f3(), 'sg-y', [{ protocol: 'tcp', ports: '443', source: 'sg-x' }]);

  it('flags an inbound reference across tgw-1 while its security-group referencing support is off', () => {
    expect(findings(refY(), 'LINT_SG_REFERENCE_CANNOT_MATCH').map((d) => d.resourceId)).toEqual(['sg-y']);
  });

  it('is silent for the inbound reference once tgw-1 has referencing support', () => {
    const t = refY();
    t.transitGateways![0]!.securityGroupReferencingSupport = true;
    expect(findings(t, 'LINT_SG_REFERENCE_CANNOT_MATCH')).toEqual([]);
  });

  it('flags an outbound reference across tgw-1 even with support: references work inbound only', () => {
    const t = f3();
    t.transitGateways![0]!.securityGroupReferencingSupport = true;
    securityGroup(t, 'sg-x').outbound = [{ protocol: 'tcp', ports: '443', destination: 'sg-y' }];
    expect(findings(t, 'LINT_SG_REFERENCE_CANNOT_MATCH').map((d) => d.path)).toEqual([
      'topology.securityGroups[0].outbound[0]',
    ]);
  });
});

describe('order and purity', () => {
  it('orders findings by the document order of their resources, whatever the rule', () => {
    const t = withoutRoute(f2(), 'rtb-b', '10.0.0.0/16');
    instance(t, 'app1').publicIp = '54.1.1.11';
    natGateway(t, 'nat-a').subnetId = 'sn-app-a';
    natGateway(t, 'nat-a').privateIp = '10.0.2.5';
    t.networkAcls![0]!.inbound.push({ ruleNumber: 200, protocol: 'tcp', cidr: '0.0.0.0/0', action: 'deny' });
    expect(lint(t).map((d) => d.resourceId)).toEqual(['nat-a', 'nat-a', 'acl-def', 'app1', 'pcx-ab']);
  });

  it('does not mutate the topology and gives the same answer twice', () => {
    const t = withoutRoute(f2(), 'rtb-b', '10.0.0.0/16');
    const before = structuredClone(t);
    const first = lint(t);
    expect(lint(t)).toEqual(first);
    expect(t).toEqual(before);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});

describe('bundled scenarios', () => {
  const dir = join(import.meta.dirname, '../../../scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it.each(files)('%s lints without crashing', (file) => {
    const parsed = parseDocument(JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown);
    expect(parsed.document).toBeDefined();
    const diagnostics = lintNetwork(compile(parsed.document!.topology));
    for (const d of diagnostics) {
      expect(d.severity).toBe('warning');
      expect(Object.keys(LINT_CODES)).toContain(d.code);
    }
  });
});
