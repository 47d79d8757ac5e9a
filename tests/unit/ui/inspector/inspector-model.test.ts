// The inspector's lookups on real scenarios: selection ids, route target offers, blackholes,
// implicit associations and defaults.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/model/index.ts';
import {
  blackholeReason,
  defaultNacl,
  effectiveOutbound,
  explicitRouteTable,
  interfacesInVpc,
  mainRouteTable,
  nextRuleNumber,
  privateAddressesInVpc,
  resolveSelection,
  routeTargetOptions,
  subnetsByZone,
  withProtocol,
} from '../../../../src/ui/inspector/inspector-model.ts';

const scenarios = new URL('../../../../scenarios/', import.meta.url);
function scenario(name: string): Document {
  return JSON.parse(readFileSync(new URL(`${name}.json`, scenarios), 'utf8')) as Document;
}

describe('resolveSelection', () => {
  const doc = scenario('public-private-nat');
  it.each([
    ['subnet-app-a', 'resource'],
    ['i-web/eth0', 'resource'],
    ['vpc-main/us-east-1a', 'az'],
    ['vpc-main/rtb-main', 'resource'],
    ['vpc-main/acl-default', 'resource'],
    ['region/us-east-1', 'region'],
    ['internet', 'internet'],
    ['nothing-here', 'unknown'],
    ['nothing/us-east-1a', 'unknown'],
  ])('%s is a %s', (id, kind) => {
    expect(resolveSelection(doc, id).kind).toBe(kind);
  });

  it('names the implicit main table and default NACL only when the VPC has no explicit one', () => {
    const bare = scenario('public-private-nat');
    delete bare.topology.routeTables![0]!.main;
    bare.topology.networkAcls = [];
    expect(resolveSelection(bare, 'vpc-main/rtb-main').kind).toBe('implicit');
    expect(resolveSelection(bare, 'vpc-main/acl-default').kind).toBe('implicit');
    const main = resolveSelection(doc, 'vpc-main/rtb-main');
    expect(main.kind === 'resource' && main.located.resource.id).toBe('rtb-main');
  });

  it('maps a primary interface to its instance and an AZ key to its VPC and zone', () => {
    const eth0 = resolveSelection(doc, 'i-web/eth0');
    expect(eth0.kind === 'resource' && eth0.located.resource.id).toBe('i-web');
    const az = resolveSelection(doc, 'vpc-main/us-east-1b');
    expect(az.kind === 'az' && [az.vpc.id, az.availabilityZone]).toEqual(['vpc-main', 'us-east-1b']);
  });
});

describe('routeTargetOptions', () => {
  it('offers local, the VPC gateways, NAT gateways and instances of the VPC', () => {
    const ids = routeTargetOptions(scenario('public-private-nat'), 'vpc-main').map((o) => o.id);
    expect(ids).toEqual(['local', 'igw-main', 'nat-a', 'i-web', 'i-app', 'i-db']);
  });

  it('offers a transit gateway only to VPCs attached to it', () => {
    const doc = scenario('tgw-hub-spoke-isolated');
    expect(routeTargetOptions(doc, 'vpc-dev').map((o) => o.id)).toContain('tgw-hub');
    doc.topology.transitGatewayAttachments = doc.topology.transitGatewayAttachments!.filter(
      (a) => a.vpcId !== 'vpc-dev',
    );
    expect(routeTargetOptions(doc, 'vpc-dev').map((o) => o.id)).not.toContain('tgw-hub');
  });

  it('offers gateway endpoints and peering connections of the VPC', () => {
    const endpointDoc = scenario('s3-gateway-endpoint');
    const endpoint = endpointDoc.topology.vpcEndpoints![0]!;
    expect(routeTargetOptions(endpointDoc, endpoint.vpcId).map((o) => o.id)).toContain(endpoint.id);
    const peeringDoc = scenario('peering-route-one-side');
    const peering = peeringDoc.topology.vpcPeeringConnections![0]!;
    for (const vpc of [peering.requesterVpcId, peering.accepterVpcId]) {
      expect(routeTargetOptions(peeringDoc, vpc).map((o) => o.id)).toContain(peering.id);
    }
  });
});

describe('blackholeReason', () => {
  it('names targets that forward nothing', () => {
    const doc = scenario('public-private-nat');
    expect(blackholeReason(doc, 'local')).toBeUndefined();
    expect(blackholeReason(doc, 'nat-a')).toBeUndefined();
    expect(blackholeReason(doc, 'i-web/eth0')).toBeUndefined();
    expect(blackholeReason(doc, 'nat-gone')).toBeDefined();
    doc.topology.natGateways![0]!.state = 'deleted';
    doc.topology.instances![0]!.state = 'stopped';
    doc.topology.internetGateways![0]!.vpcId = null;
    expect(blackholeReason(doc, 'nat-a')).toBeDefined();
    expect(blackholeReason(doc, 'i-web')).toBeDefined();
    expect(blackholeReason(doc, 'i-web/eth0')).toBeDefined();
    expect(blackholeReason(doc, 'igw-main')).toBeDefined();
  });
});

describe('associations and defaults', () => {
  it('knows explicit and implicit route tables and NACLs', () => {
    const doc = scenario('public-private-nat');
    expect(explicitRouteTable(doc, 'subnet-app-a')?.id).toBe('rtb-private');
    const main = mainRouteTable(doc, 'vpc-main');
    expect(typeof main === 'string' ? main : main.id).toBe('rtb-main');
    delete doc.topology.routeTables![0]!.main;
    expect(mainRouteTable(doc, 'vpc-main')).toBe('vpc-main/rtb-main');
    const dflt = defaultNacl(doc, 'vpc-main');
    expect(typeof dflt === 'string' ? dflt : dflt.id).toBe('acl-default');
  });

  it('gives an omitted outbound list AWS’s default, with ::/0 when the VPC has IPv6', () => {
    const doc = scenario('public-private-nat');
    const sg = { id: 'sg-x', vpcId: 'vpc-main' };
    expect(effectiveOutbound(doc, sg)).toEqual({
      rules: [{ protocol: 'all', destination: '0.0.0.0/0' }],
      implicit: true,
    });
    doc.topology.vpcs![0]!.ipv6CidrBlocks = ['2600:1f18:1:2300::/56'];
    expect(effectiveOutbound(doc, sg).rules.map((r) => r.destination)).toEqual(['0.0.0.0/0', '::/0']);
    expect(effectiveOutbound(doc, { ...sg, outbound: [] })).toEqual({ rules: [], implicit: false });
  });

  it('groups subnets by zone and lists addresses in use', () => {
    const doc = scenario('public-private-nat');
    expect(subnetsByZone(doc, 'vpc-main').map(([zone, list]) => [zone, list.length])).toEqual([
      ['us-east-1a', 2],
      ['us-east-1b', 1],
    ]);
    expect([...privateAddressesInVpc(doc, 'vpc-main')].sort()).toEqual([
      '10.0.1.10',
      '10.0.1.5',
      '10.0.11.10',
      '10.0.21.10',
    ]);
    expect(interfacesInVpc(doc, 'vpc-main').map((i) => i.id)).toEqual(['i-web', 'i-app', 'i-db']);
  });
});

describe('rules', () => {
  it.each([
    [[], 100],
    [[100], 200],
    [[100, 150], 200],
    [[32700], 1],
    [[1, 32700], 2],
  ])('after %j the next rule number is %i', (numbers, next) => {
    expect(nextRuleNumber(numbers.map((ruleNumber) => ({ ruleNumber })))).toBe(next);
  });

  it('drops the fields a new protocol does not use', () => {
    expect(withProtocol({ protocol: 'tcp', ports: '443', cidr: 'x' }, 'icmp')).toEqual({ protocol: 'icmp', cidr: 'x' });
    expect(withProtocol({ protocol: 'icmp', icmpType: 8, cidr: 'x' }, 'udp')).toEqual({ protocol: 'udp', cidr: 'x' });
    expect(withProtocol({ protocol: 'tcp', ports: '22' }, '17')).toEqual({ protocol: '17', ports: '22' });
  });
});
