// The two-account, two-Region fixture tree (accounts/<id>/<region>/...): what is imported, merged and
// reported, and what the engine then answers about paths across the transit gateway, the peering and NAT.
import { describe, expect, it } from 'vitest';
import type { TraceQuery } from '../../../../src/engine/index.ts';
import { importAws } from '../../../../src/interop/aws/index.ts';
import type { Instance, NatGateway, TransitGatewayRouteTable, Vpc } from '../../../../src/model/index.ts';
import { about, blocker, codes, find, loaded, modelDiagnostics, readFixture, traceOk } from './helpers.ts';

const files = readFixture('multi-account');
const result = importAws(files);
const doc = loaded(result);
const t = doc.topology;

const HUB_WEB = 'i-0a11000000000000a';
const HUB_APP = 'i-0a11000000000000b';
const HUB_STOPPED = 'i-0a11000000000000c';
const SPOKE_APP = 'i-0b22000000000000a';
const EU_APP = 'i-0c33000000000000a';

describe('the multi-account fixture imports', () => {
  it('counts every modelled resource once', () => {
    expect(result.counts).toEqual({
      vpcs: 3,
      subnets: 7,
      routeTables: 6,
      networkAcls: 4,
      securityGroups: 5,
      instances: 5,
      networkInterfaces: 2,
      internetGateways: 1,
      egressOnlyInternetGateways: 1,
      natGateways: 2,
      vpcPeeringConnections: 1,
      transitGateways: 1,
      transitGatewayAttachments: 2,
      transitGatewayRouteTables: 1,
      vpcEndpoints: 1,
      prefixLists: 1,
    });
  });

  it('reports only warnings, each naming what is not modelled or left out', () => {
    expect(codes(result, 'fatal')).toEqual([]);
    expect(codes(result, 'error')).toEqual([]);
    expect(about(result, 'rtb-0a110000000000002')).toEqual(['IMPORT_AWS_UNSUPPORTED']); // the vgw route
    expect(about(result, 'tgw-attach-0a1100000000000f1')).toEqual(['IMPORT_AWS_UNSUPPORTED']); // the VPN, once
    expect(about(result, 'vpce-0a1100000000005e4')).toEqual(['IMPORT_AWS_DELETED']);
    expect(about(result, 'i-0a11000000000000d')).toEqual(['IMPORT_AWS_DELETED']); // terminated
    expect(about(result, 'eni-0a1100000000000e6')).toEqual(['IMPORT_AWS_UNSUPPORTED']); // the NLB
    expect(about(result, 'pl-63a5400a')).toEqual(['IMPORT_AWS_PREFIX_LIST_BUILTIN']);
    expect(about(result, 'sg-0a11000000000a0b2')).toEqual(['IMPORT_AWS_SG_PEER_OUTSIDE_IMPORT']);
    expect(about(result, 'tgw-rtb-0a1100000000000b7')).toEqual(['IMPORT_AWS_DEPENDENCY_LEFT_OUT']); // route to the VPN
    expect(codes(result)).toHaveLength(8);
  });

  it('loads without a single model error (only the stale reference to the other account)', () => {
    expect(modelDiagnostics(doc)).toEqual(['warning CFG_SG_RULE_STALE_REFERENCE']);
  });

  it('describes the accounts, Regions and files in meta', () => {
    expect(doc.format).toBe('vpcsim/1');
    expect(doc.meta?.title).toBe('Imported from AWS');
    expect(doc.meta?.description).toContain('111122223333, 444455556666');
    expect(doc.meta?.description).toContain('eu-west-1, us-east-1');
    expect(doc.meta?.description).toContain(`${files.length} files`);
    expect(doc.layout).toEqual({});
    expect(doc.checks).toEqual([]);
  });

  it('takes Regions from the folders and keeps associated CIDR blocks, primary first', () => {
    expect(t.vpcs).toEqual<Vpc[]>([
      {
        id: 'vpc-0a11aa11aa11aa111',
        region: 'us-east-1',
        cidrBlocks: ['10.10.0.0/16', '10.11.0.0/16'],
        name: 'hub',
        ipv6CidrBlocks: ['2600:1f18:1a2b:3c00::/56'],
      },
      { id: 'vpc-0b22bb22bb22bb222', region: 'us-east-1', cidrBlocks: ['10.20.0.0/16'], name: 'spoke' },
      {
        id: 'vpc-0c33cc33cc33cc333',
        region: 'eu-west-1',
        cidrBlocks: ['10.30.0.0/16'],
        name: 'eu-analytics',
        ipv6CidrBlocks: ['2a05:d018:abc:1200::/56'],
      },
    ]);
  });

  it('sorts every array by id', () => {
    for (const list of Object.values(t) as { id: string }[][]) {
      const ids = list.map((r) => r.id);
      expect(ids).toEqual([...ids].sort());
    }
  });

  it('merges the shared transit gateway, its attachment and the peering seen from both accounts', () => {
    expect(t.transitGateways).toHaveLength(1);
    expect(find(doc, 'transitGateways', 'tgw-0a11000000000007a')).toMatchObject({
      associationDefaultRouteTableId: 'tgw-rtb-0a1100000000000b7',
      securityGroupReferencingSupport: false,
    });
    expect(find(doc, 'transitGatewayAttachments', 'tgw-attach-0b2200000000000b1')).toEqual({
      id: 'tgw-attach-0b2200000000000b1',
      transitGatewayId: 'tgw-0a11000000000007a',
      type: 'vpc',
      name: 'spoke-attachment',
      vpcId: 'vpc-0b22bb22bb22bb222',
      subnetIds: ['subnet-0b2200000000000b2'],
    });
    expect(t.vpcPeeringConnections).toEqual([
      {
        id: 'pcx-0a11c330000000001',
        requesterVpcId: 'vpc-0a11aa11aa11aa111',
        accepterVpcId: 'vpc-0c33cc33cc33cc333',
        name: 'hub-to-eu',
      },
    ]);
  });

  it('builds the transit gateway route table from the wrapped per-table files', () => {
    expect(find(doc, 'transitGatewayRouteTables', 'tgw-rtb-0a1100000000000b7')).toEqual<TransitGatewayRouteTable>({
      id: 'tgw-rtb-0a1100000000000b7',
      transitGatewayId: 'tgw-0a11000000000007a',
      associations: ['tgw-attach-0a1100000000000a1', 'tgw-attach-0b2200000000000b1'],
      propagations: ['tgw-attach-0a1100000000000a1', 'tgw-attach-0b2200000000000b1'],
      // Propagated routes are the engine's to derive; the VPN route stays a blackhole.
      routes: [
        { destination: '0.0.0.0/0', attachmentId: 'tgw-attach-0a1100000000000a1' },
        { destination: '10.99.0.0/16', blackhole: true },
        { destination: '192.168.50.0/24', blackhole: true },
      ],
      name: 'shared-default',
    });
  });

  it('merges an instance interface printed by describe-instances and describe-network-interfaces', () => {
    expect(find(doc, 'instances', HUB_WEB)).toEqual<Instance>({
      id: HUB_WEB,
      subnetId: 'subnet-0a1100000000000a1',
      privateIp: '10.10.0.20',
      securityGroupIds: ['sg-0a11000000000a0b1'],
      name: 'hub-web-1',
      ipv6Addresses: ['2600:1f18:1a2b:3c00::20'],
      primaryInterfaceId: 'eni-0a1100000000000e1',
      // From describe-addresses: the interface showed no public IP yet.
      publicIp: '3.220.5.5',
    });
    expect(t.networkInterfaces?.map((e) => e.id)).toEqual(['eni-0a1100000000000e3', 'eni-0a1100000000000e6']);
    expect(find(doc, 'networkInterfaces', 'eni-0a1100000000000e3')).toMatchObject({ instanceId: HUB_APP });
  });

  it('feeds NAT gateway interfaces to their gateways and keeps the deleted one as deleted', () => {
    expect(t.natGateways).toEqual<NatGateway[]>([
      {
        id: 'nat-0a11000000000005a',
        subnetId: 'subnet-0a1100000000000a1',
        name: 'hub-nat-a',
        privateIp: '10.10.0.10',
        publicIp: '54.210.1.10',
      },
      {
        id: 'nat-0a11000000000005d',
        subnetId: 'subnet-0a1100000000000a1',
        name: 'hub-nat-old',
        privateIp: '10.10.0.99',
        publicIp: '54.210.1.99',
        state: 'deleted',
      },
    ]);
  });

  it('maps the stopped Windows instance and the S3 endpoint route table', () => {
    expect(find(doc, 'instances', HUB_STOPPED)).toMatchObject({ state: 'stopped', os: 'windows' });
    expect(t.vpcEndpoints).toEqual([
      {
        id: 'vpce-0a1100000000005e3',
        vpcId: 'vpc-0a11aa11aa11aa111',
        type: 'gateway',
        service: 'com.amazonaws.us-east-1.s3',
        name: 'hub-s3',
        routeTableIds: ['rtb-0a110000000000002'],
      },
    ]);
    // The endpoint's route is derived from routeTableIds, so the table does not list it again.
    const app = find(doc, 'routeTables', 'rtb-0a110000000000002');
    expect(app.routes.map((r) => r.destination)).not.toContain('pl-63a5400a');
    expect(app.routes).toContainEqual({
      destination: '172.16.0.0/12',
      target: 'vgw-0a11000000000009a',
      propagated: true,
    });
  });
});

describe('the engine on the imported network', () => {
  it.each<[string, TraceQuery, string, string?, string?]>([
    ['hub app to spoke app across the transit gateway', { from: HUB_APP, to: SPOKE_APP, port: 443 }, 'REACHABLE'],
    ['spoke app to hub app across the transit gateway', { from: SPOKE_APP, to: HUB_APP, port: 443 }, 'REACHABLE'],
    ['hub app to eu app across the inter-Region peering', { from: HUB_APP, to: EU_APP, port: 443 }, 'REACHABLE'],
    ['hub app to the internet through the NAT gateway', { from: HUB_APP, to: 'internet', port: 443 }, 'REACHABLE'],
    [
      'spoke app to the internet through the hub (centralised egress)',
      { from: SPOKE_APP, to: 'internet', port: 443 },
      'REACHABLE',
    ],
    ['the internet to the web server on its Elastic IP', { from: 'internet', to: HUB_WEB, port: 443 }, 'REACHABLE'],
    ['the web server to the internet over IPv6', { from: HUB_WEB, to: 'internet', port: 443, family: 6 }, 'REACHABLE'],
    ['SSH from an office in the managed prefix list', { from: '203.0.113.9', to: HUB_WEB, port: 22 }, 'REACHABLE'],
    ['hub app to S3 through the gateway endpoint', { from: HUB_APP, to: 's3', port: 443 }, 'REACHABLE'],
    [
      'SSH from outside the prefix list',
      { from: '192.0.2.50', to: HUB_WEB, port: 22 },
      'BLOCKED',
      'ENI_SG_RULES_MISMATCH',
      'eni-0a1100000000000e1',
    ],
    [
      'the stopped instance',
      { from: HUB_APP, to: HUB_STOPPED, port: 443 },
      'BLOCKED',
      'SIM_INSTANCE_NOT_RUNNING',
      HUB_STOPPED,
    ],
    [
      'the blackhole route to the deleted NAT gateway',
      { from: HUB_APP, to: '192.168.1.10', port: 443 },
      'BLOCKED',
      'BAD_STATE_ROUTE',
      'rtb-0a110000000000002',
    ],
    [
      'the propagated VPN route vpcsim does not follow',
      { from: HUB_APP, to: '172.16.5.5', port: 443 },
      'BLOCKED',
      'BAD_STATE_ROUTE',
      'rtb-0a110000000000002',
    ],
    [
      'the transit gateway blackhole route',
      { from: HUB_APP, to: '10.99.1.1', port: 443 },
      'BLOCKED',
      'SIM_TGW_BLACKHOLE_ROUTE',
      'tgw-rtb-0a1100000000000b7',
    ],
    [
      'the static route to the VPN attachment, kept as a blackhole',
      { from: SPOKE_APP, to: '192.168.50.7', port: 443 },
      'BLOCKED',
      'SIM_TGW_BLACKHOLE_ROUTE',
      'tgw-rtb-0a1100000000000b7',
    ],
    [
      'the internet to a private instance',
      { from: 'internet', to: HUB_APP, port: 443 },
      'BLOCKED',
      'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
      'igw-0a11000000000001a',
    ],
  ])('%s', (_name, q, verdict, code, at) => {
    const r = traceOk(t, q);
    expect(r.verdict).toBe(verdict);
    if (code !== undefined) expect(blocker(r)).toMatchObject({ code, componentId: at, pathDirection: 'forward' });
  });

  it('sends S3 traffic through the endpoint, not the NAT gateway', () => {
    const ids = traceOk(t, { from: HUB_APP, to: 's3', port: 443 }).forward.map((c) => c.component.id);
    expect(ids).toContain('vpce-0a1100000000005e3');
    expect(ids).not.toContain('nat-0a11000000000005a');
  });

  it('does not depend on the order the files come in', () => {
    const again = importAws([...files].reverse());
    expect(again.document).toEqual(doc);
    expect(again.diagnostics).toEqual(result.diagnostics);
  });
});
