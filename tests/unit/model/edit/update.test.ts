// The inspector's edit recipes on real scenarios: each change lands where it should, keeps every
// association AWS-shaped, and leaves a document that still loads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadDocument,
  locateResource,
  setAttachmentSubnets,
  setDefaultNacl,
  setEndpointType,
  setGatewayVpc,
  setInstanceSecurityGroups,
  setInterfaceSubnet,
  setMainRouteTable,
  setMeta,
  setNaclAssociation,
  setNaclRules,
  setNaclSubnets,
  setName,
  setPrefixListCidrs,
  setRouteTableAssociation,
  setRouteTableGateways,
  setRouteTableSubnets,
  setRoutes,
  setSecurityGroupMembers,
  setSgRules,
  setSubnetCidr,
  setSubnetIpv6Cidr,
  setTgwRouteTableAssociations,
  setTgwRouteTablePropagations,
  setTgwRoutes,
  setVpcCidrBlocks,
  setVpcIpv6CidrBlocks,
  updateResource,
  type Diagnostic,
  type Document,
} from '../../../../src/model/index.ts';

const scenarios = new URL('../../../../scenarios/', import.meta.url);
const cache = new Map<string, string>();
function scenario(name: string): Document {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`${name}.json`, scenarios), 'utf8');
    cache.set(name, text);
  }
  return structuredClone(JSON.parse(text) as Document);
}

const nat = () => scenario('public-private-nat');
const tgw = () => scenario('tgw-hub-spoke-isolated');

function diagnostics(doc: Document): Diagnostic[] {
  return loadDocument(JSON.parse(JSON.stringify(doc))).diagnostics;
}

/** Loads without fatal diagnostics, and (the scenarios start clean) without errors either. */
function expectClean(doc: Document): void {
  const found = diagnostics(doc).filter((d) => d.severity !== 'warning');
  expect(found.map((d) => `${d.code} ${d.resourceId ?? ''}`)).toEqual([]);
}

function expectLoadable(doc: Document): Diagnostic[] {
  const found = diagnostics(doc);
  expect(found.filter((d) => d.severity === 'fatal').map((d) => d.code)).toEqual([]);
  return found;
}

const routeTable = (doc: Document, id: string) => doc.topology.routeTables!.find((t) => t.id === id)!;
const acl = (doc: Document, id: string) => doc.topology.networkAcls!.find((t) => t.id === id)!;
const instance = (doc: Document, id: string) => doc.topology.instances!.find((i) => i.id === id)!;

describe('locateResource', () => {
  it('finds a resource and its kind by id', () => {
    const doc = nat();
    expect(locateResource(doc, 'nat-a')?.kind).toBe('natGateways');
    expect(locateResource(doc, 'subnet-app-a')?.kind).toBe('subnets');
    expect(locateResource(doc, 'nothing')).toBeUndefined();
  });
});

describe('simple fields', () => {
  it('setName renames and an empty name removes the field', () => {
    const doc = nat();
    expect(setName(doc, 'i-web', 'Front')).toBe(true);
    expect(instance(doc, 'i-web').name).toBe('Front');
    setName(doc, 'i-web', '');
    expect('name' in instance(doc, 'i-web')).toBe(false);
    expect(setName(doc, 'missing', 'x')).toBe(false);
    expectClean(doc);
  });

  it('setMeta sets and clears title and description', () => {
    const doc = nat();
    setMeta(doc, { title: 'New title' });
    expect(doc.meta?.title).toBe('New title');
    setMeta(doc, { description: '' });
    expect(doc.meta && 'description' in doc.meta).toBe(false);
    expectClean(doc);
    const bare: Document = { format: 'vpcsim/1', topology: {} };
    setMeta(bare, { title: 'x' });
    setMeta(bare, { title: undefined });
    expect('meta' in bare).toBe(false);
  });

  it('updateResource sets fields, removes undefined ones and never touches the id', () => {
    const doc = nat();
    expect(updateResource(doc, 'natGateways', 'nat-a', { state: 'deleted', privateIp: undefined })).toBe(true);
    const gw = doc.topology.natGateways![0]!;
    expect(gw.state).toBe('deleted');
    expect('privateIp' in gw).toBe(false);
    expect(updateResource(doc, 'natGateways', 'i-web', { state: 'failed' })).toBe(false);
    updateResource(doc, 'instances', 'i-app', { sourceDestCheck: false, state: 'stopped' });
    expect(instance(doc, 'i-app')).toMatchObject({ sourceDestCheck: false, state: 'stopped' });
    expectLoadable(doc);
  });
});

describe('addressing', () => {
  it('setVpcCidrBlocks and setVpcIpv6CidrBlocks replace the lists', () => {
    const doc = nat();
    setVpcCidrBlocks(doc, 'vpc-main', ['10.0.0.0/16', '10.1.0.0/16']);
    setVpcIpv6CidrBlocks(doc, 'vpc-main', ['2600:1f18:1:2300::/56']);
    expect(doc.topology.vpcs![0]).toMatchObject({
      cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'],
      ipv6CidrBlocks: ['2600:1f18:1:2300::/56'],
    });
    expectClean(doc);
    setVpcIpv6CidrBlocks(doc, 'vpc-main', []);
    expect('ipv6CidrBlocks' in doc.topology.vpcs![0]!).toBe(false);
    expectClean(doc);
  });

  it('setSubnetCidr and setSubnetIpv6Cidr set and remove blocks', () => {
    const doc = nat();
    setVpcIpv6CidrBlocks(doc, 'vpc-main', ['2600:1f18:1:2300::/56']);
    setSubnetIpv6Cidr(doc, 'subnet-db-b', '2600:1f18:1:2301::/64');
    setSubnetCidr(doc, 'subnet-db-b', undefined);
    const subnet = doc.topology.subnets!.find((s) => s.id === 'subnet-db-b')!;
    expect(subnet.ipv6CidrBlock).toBe('2600:1f18:1:2301::/64');
    expect('cidrBlock' in subnet).toBe(false);
    // The database's IPv4 address is now outside any block: an error, not a fatal problem.
    expect(expectLoadable(doc).some((d) => d.code === 'CFG_IP_NOT_IN_SUBNET')).toBe(true);
    setSubnetCidr(doc, 'subnet-db-b', '10.0.21.0/24');
    expectClean(doc);
  });

  it('setInterfaceSubnet keeps a fitting address and otherwise takes the first free one', () => {
    const doc = nat();
    expect(setInterfaceSubnet(doc, 'i-app', 'subnet-db-b')).toBe(true);
    // 10.0.21.4 is the first address after the four AWS reserves.
    expect(instance(doc, 'i-app')).toMatchObject({ subnetId: 'subnet-db-b', privateIp: '10.0.21.4' });
    expectClean(doc);
    expect(setInterfaceSubnet(doc, 'i-db', 'subnet-app-a')).toBe(true);
    expect(instance(doc, 'i-db').privateIp).toBe('10.0.11.4');
    expectClean(doc);
  });

  it('setInterfaceSubnet refuses a subnet of another VPC', () => {
    const doc = tgw();
    const inst = doc.topology.instances![0]!;
    const foreign = doc.topology.subnets!.find(
      (s) => s.vpcId !== doc.topology.subnets!.find((x) => x.id === inst.subnetId)!.vpcId,
    )!;
    expect(setInterfaceSubnet(doc, inst.id, foreign.id)).toBe(false);
    expect(doc.topology.instances![0]!.subnetId).toBe(inst.subnetId);
  });
});

describe('route tables', () => {
  it('setRoutes replaces the routes; a target naming nothing stays as a blackhole', () => {
    const doc = nat();
    setRoutes(doc, 'rtb-private', [
      { destination: '0.0.0.0/0', target: 'nat-a' },
      { destination: '192.168.0.0/16', target: 'nat-deleted' },
    ]);
    expect(routeTable(doc, 'rtb-private').routes).toHaveLength(2);
    expectClean(doc);
  });

  it('setRouteTableAssociation moves a subnet from its former table', () => {
    const doc = nat();
    setRouteTableAssociation(doc, 'subnet-app-a', 'rtb-public');
    expect(routeTable(doc, 'rtb-public').subnetIds).toEqual(['subnet-public-a', 'subnet-app-a']);
    expect(routeTable(doc, 'rtb-private').subnetIds).toEqual(['subnet-db-b']);
    expectClean(doc);
  });

  it('setRouteTableAssociation with undefined falls back to the main table', () => {
    const doc = nat();
    setRouteTableAssociation(doc, 'subnet-public-a', undefined);
    expect('subnetIds' in routeTable(doc, 'rtb-public')).toBe(false);
    expect(doc.topology.routeTables!.some((t) => (t.subnetIds ?? []).includes('subnet-public-a'))).toBe(false);
    expectClean(doc);
    setRouteTableAssociation(doc, 'subnet-public-a', 'rtb-nothing');
    expectClean(doc);
  });

  it('setRouteTableSubnets takes each listed subnet away from other tables', () => {
    const doc = nat();
    setRouteTableSubnets(doc, 'rtb-main', ['subnet-db-b', 'subnet-public-a']);
    expect(routeTable(doc, 'rtb-main').subnetIds).toEqual(['subnet-db-b', 'subnet-public-a']);
    expect(routeTable(doc, 'rtb-private').subnetIds).toEqual(['subnet-app-a']);
    expect('subnetIds' in routeTable(doc, 'rtb-public')).toBe(false);
    expectClean(doc);
  });

  it('setMainRouteTable leaves exactly one main table in the VPC', () => {
    const doc = nat();
    setMainRouteTable(doc, 'rtb-private');
    expect(doc.topology.routeTables!.filter((t) => t.main === true).map((t) => t.id)).toEqual(['rtb-private']);
    expectClean(doc);
  });

  it('setRouteTableGateways associates a gateway with one table only', () => {
    const doc = nat();
    setRoutes(doc, 'rtb-main', []);
    setRouteTableGateways(doc, 'rtb-main', ['igw-main']);
    setRouteTableGateways(doc, 'rtb-private', ['igw-main']);
    expect('gatewayIds' in routeTable(doc, 'rtb-main')).toBe(false);
    expect(routeTable(doc, 'rtb-private').gatewayIds).toEqual(['igw-main']);
    expectLoadable(doc);
  });
});

describe('network ACLs', () => {
  function withSecondAcl(doc: Document): Document {
    doc.topology.networkAcls!.push({ id: 'acl-private', vpcId: 'vpc-main', inbound: [], outbound: [] });
    return doc;
  }

  it('setNaclAssociation moves a subnet; undefined returns it to the default NACL', () => {
    const doc = withSecondAcl(nat());
    setNaclAssociation(doc, 'subnet-app-a', 'acl-private');
    expect(acl(doc, 'acl-private').subnetIds).toEqual(['subnet-app-a']);
    setNaclAssociation(doc, 'subnet-db-b', 'acl-private');
    setNaclAssociation(doc, 'subnet-app-a', undefined);
    expect(acl(doc, 'acl-private').subnetIds).toEqual(['subnet-db-b']);
    expectClean(doc);
  });

  it('setNaclSubnets moves the listed subnets from other ACLs', () => {
    const doc = withSecondAcl(nat());
    setNaclSubnets(doc, 'acl-default', ['subnet-app-a']);
    setNaclSubnets(doc, 'acl-private', ['subnet-app-a', 'subnet-db-b']);
    expect('subnetIds' in acl(doc, 'acl-default')).toBe(false);
    expect(acl(doc, 'acl-private').subnetIds).toEqual(['subnet-app-a', 'subnet-db-b']);
    expectClean(doc);
  });

  it('setDefaultNacl leaves exactly one default ACL in the VPC', () => {
    const doc = withSecondAcl(nat());
    setDefaultNacl(doc, 'acl-private');
    expect(doc.topology.networkAcls!.filter((a) => a.default === true).map((a) => a.id)).toEqual(['acl-private']);
    expectClean(doc);
  });

  it('setNaclRules stores rules in rule-number order', () => {
    const doc = nat();
    setNaclRules(doc, 'acl-default', 'inbound', [
      { ruleNumber: 200, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' },
      { ruleNumber: 100, protocol: 'tcp', ports: '22', cidr: '0.0.0.0/0', action: 'deny' },
      { ruleNumber: 150, protocol: 'icmp', icmpType: 8, icmpCode: -1, cidr: '10.0.0.0/8', action: 'allow' },
    ]);
    expect(acl(doc, 'acl-default').inbound.map((r) => r.ruleNumber)).toEqual([100, 150, 200]);
    expect(acl(doc, 'acl-default').outbound).toHaveLength(1);
    expectClean(doc);
  });
});

describe('security groups', () => {
  it('setSgRules replaces rules; outbound undefined restores the default', () => {
    const doc = nat();
    setSgRules(doc, 'sg-web', 'inbound', [
      { protocol: 'tcp', ports: '80', source: '0.0.0.0/0' },
      { protocol: 'tcp', ports: '22', source: 'pl-s3' },
    ]);
    setSgRules(doc, 'sg-db', 'outbound', []);
    const sgs = doc.topology.securityGroups!;
    expect(sgs[0]!.inbound).toHaveLength(2);
    expect(sgs[2]!.outbound).toEqual([]);
    expectClean(doc);
    setSgRules(doc, 'sg-db', 'outbound', undefined);
    expect('outbound' in sgs[2]!).toBe(false);
    expectClean(doc);
  });

  it('setInstanceSecurityGroups replaces the groups without duplicates', () => {
    const doc = nat();
    setInstanceSecurityGroups(doc, 'i-app', ['sg-app', 'sg-db', 'sg-app']);
    expect(instance(doc, 'i-app').securityGroupIds).toEqual(['sg-app', 'sg-db']);
    expectClean(doc);
  });

  it('setSecurityGroupMembers attaches the group to exactly the listed instances', () => {
    const doc = nat();
    setSecurityGroupMembers(doc, 'sg-web', ['i-app', 'i-db']);
    expect(instance(doc, 'i-web').securityGroupIds).toEqual([]);
    expect(instance(doc, 'i-app').securityGroupIds).toEqual(['sg-app', 'sg-web']);
    expect(instance(doc, 'i-db').securityGroupIds).toEqual(['sg-db', 'sg-web']);
    expectLoadable(doc);
  });
});

describe('gateways and endpoints', () => {
  it('setGatewayVpc detaches and reattaches an internet gateway', () => {
    const doc = nat();
    setGatewayVpc(doc, 'igw-main', null);
    expect(doc.topology.internetGateways![0]!.vpcId).toBeNull();
    expectLoadable(doc);
    setGatewayVpc(doc, 'igw-main', 'vpc-main');
    expectClean(doc);
  });

  it('setEndpointType drops the fields of the other type', () => {
    const doc = scenario('s3-gateway-endpoint');
    const endpoint = doc.topology.vpcEndpoints![0]!;
    expect(endpoint.routeTableIds?.length).toBeGreaterThan(0);
    setEndpointType(doc, endpoint.id, 'interface');
    const after = doc.topology.vpcEndpoints![0]!;
    expect(after.type).toBe('interface');
    expect('routeTableIds' in after).toBe(false);
    expectLoadable(doc);
  });

  it('setPrefixListCidrs replaces the entries', () => {
    const doc = nat();
    doc.topology.prefixLists = [{ id: 'pl-office', cidrs: ['203.0.113.0/24'] }];
    setPrefixListCidrs(doc, 'pl-office', ['203.0.113.0/24', '2001:db8::/32']);
    expect(doc.topology.prefixLists[0]!.cidrs).toEqual(['203.0.113.0/24', '2001:db8::/32']);
    expectClean(doc);
  });
});

describe('transit gateways', () => {
  const tables = (doc: Document) => doc.topology.transitGatewayRouteTables!;

  it('setTgwRouteTableAssociations keeps one association per attachment', () => {
    const doc = tgw();
    setTgwRouteTableAssociations(doc, 'tgw-rtb-shared', ['tgw-attach-shared', 'tgw-attach-dev']);
    expect(tables(doc)[0]!.associations).toEqual(['tgw-attach-prod']);
    expect(tables(doc)[1]!.associations).toEqual(['tgw-attach-shared', 'tgw-attach-dev']);
    expectClean(doc);
  });

  it('setTgwRouteTablePropagations and setTgwRoutes replace their lists', () => {
    const doc = tgw();
    setTgwRouteTablePropagations(doc, 'tgw-rtb-spokes', ['tgw-attach-shared', 'tgw-attach-dev']);
    setTgwRoutes(doc, 'tgw-rtb-spokes', [
      { destination: '10.2.0.0/16', blackhole: true },
      { destination: '10.0.0.0/8', attachmentId: 'tgw-attach-shared' },
    ]);
    expect(tables(doc)[0]!.propagations).toEqual(['tgw-attach-shared', 'tgw-attach-dev']);
    expect(tables(doc)[0]!.routes).toHaveLength(2);
    expectClean(doc);
  });

  it('setAttachmentSubnets sets the list and an empty list removes it', () => {
    const doc = tgw();
    const attachment = doc.topology.transitGatewayAttachments![0]!;
    setAttachmentSubnets(doc, attachment.id, []);
    expect('subnetIds' in doc.topology.transitGatewayAttachments![0]!).toBe(false);
    expectLoadable(doc);
    setAttachmentSubnets(doc, attachment.id, ['subnet-dev-tgw']);
    expect(doc.topology.transitGatewayAttachments![0]!.subnetIds).toEqual(['subnet-dev-tgw']);
    expectClean(doc);
  });
});
