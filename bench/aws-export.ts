// A generated AWS account export for the import benchmark: the describe-* JSON texts of one account and
// Region (VPCs on a transit gateway, three zones each, NAT gateways, endpoints, instances and their ENIs).
import type { SourceFile } from '../src/interop/index.ts';

export interface AwsExportOptions {
  /** Instances to generate (spread over the VPCs' private and public subnets). */
  readonly instances: number;
  /** VPCs; default one per 250 instances (at least one, at most 200). */
  readonly vpcs?: number;
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;
const TIME = '2024-03-01T10:22:33+00:00';
const TIME_Z = '2024-03-01T10:22:33.000Z';

type Json = Record<string, unknown>;

/** A deterministic AWS-looking id: `vpc-000000000000000a1`. */
function awsId(prefix: string, kind: number, n: number): string {
  return `${prefix}-${kind.toString(16).padStart(2, '0')}${n.toString(16).padStart(15, '0')}`;
}

function tags(name: string, extra: Json = {}): Json[] {
  return [{ Key: 'Name', Value: name }, ...Object.entries(extra).map(([Key, Value]) => ({ Key, Value }))];
}

function ip(v: number, third: number, fourth: number): string {
  return `10.${v}.${third}.${fourth}`;
}

interface VpcPlan {
  readonly index: number;
  readonly id: string;
  readonly igw: string;
  readonly tgwAttachment: string;
  readonly endpoint: string;
  readonly publicSubnets: string[];
  readonly privateSubnets: string[];
  readonly tgwSubnets: string[];
  readonly nats: string[];
  readonly natEnis: string[];
  readonly groups: { default: string; web: string; app: string; db: string };
  readonly tables: { main: string; public: string; private: string[]; tgw: string };
  readonly acls: { default: string; private: string };
}

function planVpc(v: number): VpcPlan {
  const sub = (k: number) => awsId('subnet', 0x10 + k, v);
  return {
    index: v,
    id: awsId('vpc', 1, v),
    igw: awsId('igw', 1, v),
    tgwAttachment: awsId('tgw-attach', 1, v),
    endpoint: awsId('vpce', 1, v),
    publicSubnets: ZONES.map((_z, k) => sub(k)),
    privateSubnets: ZONES.map((_z, k) => sub(3 + k)),
    tgwSubnets: ZONES.map((_z, k) => sub(6 + k)),
    nats: ZONES.map((_z, k) => awsId('nat', 0x10 + k, v)),
    natEnis: ZONES.map((_z, k) => awsId('eni', 0xe0 + k, v)),
    groups: {
      default: awsId('sg', 0x10, v),
      web: awsId('sg', 0x11, v),
      app: awsId('sg', 0x12, v),
      db: awsId('sg', 0x13, v),
    },
    tables: {
      main: awsId('rtb', 0x10, v),
      public: awsId('rtb', 0x11, v),
      private: ZONES.map((_z, k) => awsId('rtb', 0x12 + k, v)),
      tgw: awsId('rtb', 0x1f, v),
    },
    acls: { default: awsId('acl', 0x10, v), private: awsId('acl', 0x11, v) },
  };
}

const TGW = awsId('tgw', 1, 1);
const TGW_RTB = awsId('tgw-rtb', 1, 1);
const S3_LIST = 'pl-63a5400a';
const CORP_LIST = awsId('pl', 0xc0, 1);

function vpcJson(p: VpcPlan): Json {
  return {
    CidrBlock: `10.${p.index}.0.0/16`,
    DhcpOptionsId: awsId('dopt', 1, 1),
    State: 'available',
    VpcId: p.id,
    OwnerId: ACCOUNT,
    InstanceTenancy: 'default',
    CidrBlockAssociationSet: [
      {
        AssociationId: awsId('vpc-cidr-assoc', 1, p.index),
        CidrBlock: `10.${p.index}.0.0/16`,
        CidrBlockState: { State: 'associated' },
      },
    ],
    IsDefault: false,
    Tags: tags(`vpc-${p.index}`, { Environment: p.index % 2 === 0 ? 'prod' : 'staging' }),
  };
}

function subnetJson(p: VpcPlan, id: string, cidr: string, zone: number, name: string, isPublic: boolean): Json {
  return {
    AvailabilityZone: ZONES[zone],
    AvailabilityZoneId: `use1-az${zone + 1}`,
    AvailableIpAddressCount: 250,
    CidrBlock: cidr,
    DefaultForAz: false,
    MapPublicIpOnLaunch: isPublic,
    State: 'available',
    SubnetId: id,
    VpcId: p.id,
    OwnerId: ACCOUNT,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Tags: tags(name),
    SubnetArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${id}`,
    EnableDns64: false,
    Ipv6Native: false,
  };
}

function subnets(p: VpcPlan): Json[] {
  const out: Json[] = [];
  ZONES.forEach((_z, k) => {
    out.push(subnetJson(p, p.publicSubnets[k]!, ip(p.index, k, 0) + '/24', k, `public-${k}`, true));
    out.push(subnetJson(p, p.privateSubnets[k]!, ip(p.index, 16 * (k + 1), 0) + '/20', k, `private-${k}`, false));
    out.push(subnetJson(p, p.tgwSubnets[k]!, ip(p.index, 255, 16 * k) + '/28', k, `tgw-${k}`, false));
  });
  return out;
}

function route(dest: string, target: Json, origin = 'CreateRoute'): Json {
  const key = dest.startsWith('pl-') ? 'DestinationPrefixListId' : 'DestinationCidrBlock';
  return { [key]: dest, ...target, Origin: origin, State: 'active' };
}

function routeTable(p: VpcPlan, id: string, name: string, assoc: Json[], routes: Json[]): Json {
  return {
    Associations: assoc.map((a, i) => ({
      Main: false,
      RouteTableAssociationId: awsId('rtbassoc', i, parseInt(id.slice(-8), 16)),
      RouteTableId: id,
      AssociationState: { State: 'associated' },
      ...a,
    })),
    PropagatingVgws: [],
    RouteTableId: id,
    Routes: [route(`10.${p.index}.0.0/16`, { GatewayId: 'local' }, 'CreateRouteTable'), ...routes],
    Tags: tags(name),
    VpcId: p.id,
    OwnerId: ACCOUNT,
  };
}

function routeTables(p: VpcPlan): Json[] {
  return [
    routeTable(p, p.tables.main, 'main', [{ Main: true }], []),
    routeTable(
      p,
      p.tables.public,
      'public',
      p.publicSubnets.map((SubnetId) => ({ SubnetId })),
      [route('0.0.0.0/0', { GatewayId: p.igw }), route('10.0.0.0/8', { TransitGatewayId: TGW })],
    ),
    ...ZONES.map((_z, k) =>
      routeTable(
        p,
        p.tables.private[k]!,
        `private-${k}`,
        [{ SubnetId: p.privateSubnets[k] }],
        [
          route('0.0.0.0/0', { NatGatewayId: p.nats[k] }),
          route('10.0.0.0/8', { TransitGatewayId: TGW }),
          route(S3_LIST, { GatewayId: p.endpoint }),
        ],
      ),
    ),
    routeTable(
      p,
      p.tables.tgw,
      'tgw',
      p.tgwSubnets.map((SubnetId) => ({ SubnetId })),
      [],
    ),
  ];
}

function aclEntry(
  n: number,
  egress: boolean,
  protocol: string,
  cidr: string,
  action: string,
  ports?: [number, number],
): Json {
  return {
    CidrBlock: cidr,
    Egress: egress,
    Protocol: protocol,
    RuleAction: action,
    RuleNumber: n,
    ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
  };
}

function networkAcls(p: VpcPlan): Json[] {
  const deny = [aclEntry(32767, true, '-1', '0.0.0.0/0', 'deny'), aclEntry(32767, false, '-1', '0.0.0.0/0', 'deny')];
  const assoc = (acl: string, ids: string[]) =>
    ids.map((SubnetId, i) => ({ NetworkAclAssociationId: awsId('aclassoc', i, p.index), NetworkAclId: acl, SubnetId }));
  return [
    {
      Associations: assoc(p.acls.default, [...p.publicSubnets, ...p.tgwSubnets]),
      Entries: [
        aclEntry(100, true, '-1', '0.0.0.0/0', 'allow'),
        aclEntry(100, false, '-1', '0.0.0.0/0', 'allow'),
        ...deny,
      ],
      IsDefault: true,
      NetworkAclId: p.acls.default,
      Tags: [],
      VpcId: p.id,
      OwnerId: ACCOUNT,
    },
    {
      Associations: assoc(p.acls.private, p.privateSubnets),
      Entries: [
        aclEntry(50, false, '6', '0.0.0.0/0', 'deny', [22, 22]),
        aclEntry(60, false, '6', '0.0.0.0/0', 'deny', [3389, 3389]),
        aclEntry(100, false, '6', '10.0.0.0/8', 'allow', [0, 65535]),
        aclEntry(110, false, '17', '10.0.0.0/8', 'allow', [53, 53]),
        aclEntry(120, false, '6', '0.0.0.0/0', 'allow', [1024, 65535]),
        { ...aclEntry(130, false, '1', '10.0.0.0/8', 'allow'), IcmpTypeCode: { Type: -1, Code: -1 } },
        aclEntry(100, true, '-1', '0.0.0.0/0', 'allow'),
        ...deny,
      ],
      IsDefault: false,
      NetworkAclId: p.acls.private,
      Tags: tags('private'),
      VpcId: p.id,
      OwnerId: ACCOUNT,
    },
  ];
}

function permission(protocol: string, from: number, to: number, peers: Json): Json {
  return {
    FromPort: from,
    IpProtocol: protocol,
    ToPort: to,
    IpRanges: [],
    Ipv6Ranges: [],
    PrefixListIds: [],
    UserIdGroupPairs: [],
    ...peers,
  };
}

function allOut(): Json[] {
  return [
    { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
  ];
}

function securityGroups(p: VpcPlan): Json[] {
  const group = (id: string, name: string, inbound: Json[]): Json => ({
    Description: `${name} tier`,
    GroupName: name,
    IpPermissions: inbound,
    OwnerId: ACCOUNT,
    GroupId: id,
    IpPermissionsEgress: allOut(),
    Tags: tags(`${name}-sg`),
    VpcId: p.id,
  });
  const pair = (GroupId: string, Description: string) => ({ GroupId, UserId: ACCOUNT, Description });
  return [
    group(p.groups.default, 'default', [
      permission('-1', -1, -1, { UserIdGroupPairs: [pair(p.groups.default, 'self')] }),
    ]),
    group(p.groups.web, 'web', [
      permission('tcp', 443, 443, { IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTPS' }] }),
      permission('tcp', 80, 80, { IpRanges: [{ CidrIp: '0.0.0.0/0' }] }),
      permission('tcp', 22, 22, { PrefixListIds: [{ PrefixListId: CORP_LIST, Description: 'offices' }] }),
    ]),
    group(p.groups.app, 'app', [
      permission('tcp', 8080, 8080, {
        UserIdGroupPairs: [pair(p.groups.web, 'from web')],
        IpRanges: [{ CidrIp: '10.0.0.0/8', Description: 'other VPCs' }, { CidrIp: '172.16.0.0/12' }],
      }),
      permission('icmp', 8, -1, { IpRanges: [{ CidrIp: '10.0.0.0/8' }] }),
    ]),
    group(p.groups.db, 'db', [
      permission('tcp', 5432, 5432, { UserIdGroupPairs: [pair(p.groups.app, 'from app')] }),
      permission('tcp', 6379, 6380, { UserIdGroupPairs: [pair(p.groups.app, 'cache')] }),
    ]),
  ];
}

interface InstancePlan {
  readonly id: string;
  readonly eni: string;
  readonly extraEni: string | undefined;
  readonly vpc: VpcPlan;
  readonly zone: number;
  readonly subnet: string;
  readonly ip: string;
  readonly extraIp: string;
  readonly group: string;
  readonly state: 'running' | 'stopped' | 'pending' | 'terminated';
  readonly windows: boolean;
  readonly publicIp: string | undefined;
  readonly eip: boolean;
}

function planInstances(count: number, vpcs: VpcPlan[]): InstancePlan[] {
  const out: InstancePlan[] = [];
  const perSubnet = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const vpc = vpcs[i % vpcs.length]!;
    const zone = Math.floor(i / vpcs.length) % ZONES.length;
    const isPublic = i % 10 === 0;
    const subnet = isPublic ? vpc.publicSubnets[zone]! : vpc.privateSubnets[zone]!;
    // Two addresses per instance (room for a second interface), from .10 on.
    const n = perSubnet.get(subnet) ?? 10;
    perSubnet.set(subnet, n + 2);
    const base = isPublic ? zone : 16 * (zone + 1);
    const address = ip(vpc.index, base + Math.floor(n / 250), n % 250);
    const next = ip(vpc.index, base + Math.floor((n + 1) / 250), (n + 1) % 250);
    const state = i % 100 === 7 ? 'terminated' : i % 20 === 3 ? 'stopped' : i % 50 === 9 ? 'pending' : 'running';
    out.push({
      id: awsId('i', 1, i),
      eni: awsId('eni', 1, i),
      extraEni: i % 10 === 5 ? awsId('eni', 2, i) : undefined,
      vpc,
      zone,
      subnet,
      ip: address,
      extraIp: next,
      group: isPublic ? vpc.groups.web : i % 3 === 0 ? vpc.groups.db : vpc.groups.app,
      state,
      windows: i % 10 === 4,
      publicIp: isPublic && state === 'running' ? `54.${160 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}` : undefined,
      eip: isPublic && i % 20 === 0,
    });
  }
  return out;
}

function eniJson(inst: InstancePlan, eni: string, address: string, index: number, standalone: boolean): Json {
  const publicIp = index === 0 && !inst.eip ? inst.publicIp : undefined;
  const association = publicIp ? { Association: { IpOwnerId: 'amazon', PublicDnsName: '', PublicIp: publicIp } } : {};
  return {
    ...association,
    Attachment: {
      AttachTime: TIME,
      AttachmentId: awsId('eni-attach', index + 1, parseInt(inst.id.slice(-12), 16)),
      DeleteOnTermination: index === 0,
      DeviceIndex: index,
      NetworkCardIndex: 0,
      Status: 'attached',
      ...(standalone ? { InstanceId: inst.id, InstanceOwnerId: ACCOUNT } : {}),
    },
    ...(standalone ? { AvailabilityZone: ZONES[inst.zone] } : {}),
    Description: index === 0 ? '' : 'secondary interface',
    Groups: [{ GroupName: 'app', GroupId: inst.group }],
    InterfaceType: 'interface',
    Ipv6Addresses: [],
    MacAddress: '0e:00:00:00:00:01',
    NetworkInterfaceId: eni,
    OwnerId: ACCOUNT,
    PrivateDnsName: `ip-${address.replaceAll('.', '-')}.ec2.internal`,
    PrivateIpAddress: address,
    PrivateIpAddresses: [{ ...association, Primary: true, PrivateDnsName: '', PrivateIpAddress: address }],
    ...(standalone ? { RequesterManaged: false, TagSet: [] } : {}),
    SourceDestCheck: true,
    Status: 'in-use',
    SubnetId: inst.subnet,
    VpcId: inst.vpc.id,
  };
}

function instanceJson(inst: InstancePlan): Json {
  const stateCode = { running: 16, stopped: 80, pending: 0, terminated: 48 }[inst.state];
  const live = inst.state !== 'terminated';
  const enis = live
    ? [
        eniJson(inst, inst.eni, inst.ip, 0, false),
        ...(inst.extraEni ? [eniJson(inst, inst.extraEni, inst.extraIp, 1, false)] : []),
      ]
    : [];
  return {
    AmiLaunchIndex: 0,
    ImageId: inst.windows ? 'ami-0be0e902919675894' : 'ami-0c02fb55956c7d316',
    InstanceId: inst.id,
    InstanceType: 't3.medium',
    KeyName: 'ops',
    LaunchTime: TIME,
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: ZONES[inst.zone], GroupName: '', Tenancy: 'default' },
    ...(inst.windows ? { Platform: 'windows' } : {}),
    PrivateDnsName: live ? `ip-${inst.ip.replaceAll('.', '-')}.ec2.internal` : '',
    ...(live ? { PrivateIpAddress: inst.ip, SubnetId: inst.subnet, VpcId: inst.vpc.id } : {}),
    ProductCodes: [],
    PublicDnsName: '',
    ...(inst.publicIp ? { PublicIpAddress: inst.publicIp } : {}),
    State: { Code: stateCode, Name: inst.state },
    StateTransitionReason: '',
    Architecture: 'x86_64',
    BlockDeviceMappings: [
      {
        DeviceName: '/dev/xvda',
        Ebs: { AttachTime: TIME_Z, DeleteOnTermination: true, Status: 'attached', VolumeId: awsId('vol', 1, 1) },
      },
    ],
    ClientToken: '',
    EbsOptimized: false,
    EnaSupport: true,
    Hypervisor: 'xen',
    NetworkInterfaces: enis,
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    SecurityGroups: live ? [{ GroupName: 'app', GroupId: inst.group }] : [],
    SourceDestCheck: true,
    Tags: tags(`server-${inst.id.slice(-5)}`, { Team: 'platform', CostCenter: '1234' }),
    VirtualizationType: 'hvm',
    CpuOptions: { CoreCount: 1, ThreadsPerCore: 2 },
    MetadataOptions: { State: 'applied', HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' },
    PlatformDetails: inst.windows ? 'Windows' : 'Linux/UNIX',
    UsageOperation: 'RunInstances',
  };
}

function natGateways(p: VpcPlan): Json[] {
  return ZONES.map((_z, k) => ({
    CreateTime: TIME,
    NatGatewayAddresses: [
      {
        AllocationId: awsId('eipalloc', 0x10 + k, p.index),
        NetworkInterfaceId: p.natEnis[k],
        PrivateIp: ip(p.index, k, 5),
        PublicIp: `52.${p.index}.${k}.5`,
        AssociationId: awsId('eipassoc', 0x10 + k, p.index),
        IsPrimary: true,
        Status: 'succeeded',
      },
    ],
    NatGatewayId: p.nats[k],
    State: 'available',
    SubnetId: p.publicSubnets[k],
    VpcId: p.id,
    Tags: tags(`nat-${k}`),
    ConnectivityType: 'public',
  }));
}

function natEni(p: VpcPlan, k: number): Json {
  return {
    AvailabilityZone: ZONES[k],
    Description: `Interface for NAT Gateway ${p.nats[k]}`,
    Groups: [],
    InterfaceType: 'nat_gateway',
    Ipv6Addresses: [],
    NetworkInterfaceId: p.natEnis[k],
    OwnerId: ACCOUNT,
    PrivateIpAddress: ip(p.index, k, 5),
    PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip(p.index, k, 5) }],
    RequesterManaged: true,
    SourceDestCheck: false,
    Status: 'in-use',
    SubnetId: p.publicSubnets[k],
    TagSet: [],
    VpcId: p.id,
  };
}

function file(path: string, body: Json): SourceFile {
  return { path: `accounts/${ACCOUNT}/${REGION}/${path}`, text: JSON.stringify(body, null, 4) };
}

/**
 * The describe-* output of one account and Region as a collection script saves it (one file per call,
 * pretty-printed like the AWS CLI), deterministic for given options.
 */
export function generateAwsExport(options: AwsExportOptions): SourceFile[] {
  const vpcCount = Math.max(1, Math.min(200, options.vpcs ?? Math.ceil(options.instances / 250)));
  const vpcs = Array.from({ length: vpcCount }, (_x, v) => planVpc(v + 1));
  const instances = planInstances(options.instances, vpcs);
  const reservations: Json[] = [];
  for (let i = 0; i < instances.length; i += 10) {
    reservations.push({
      Groups: [],
      Instances: instances.slice(i, i + 10).map(instanceJson),
      OwnerId: ACCOUNT,
      ReservationId: awsId('r', 1, i),
    });
  }
  const interfaces: Json[] = [];
  for (const inst of instances) {
    if (inst.state === 'terminated') continue;
    interfaces.push(eniJson(inst, inst.eni, inst.ip, 0, true));
    if (inst.extraEni) interfaces.push(eniJson(inst, inst.extraEni, inst.extraIp, 1, true));
  }
  for (const p of vpcs) ZONES.forEach((_z, k) => interfaces.push(natEni(p, k)));
  const addresses: Json[] = [];
  for (const inst of instances) {
    if (!inst.eip || inst.state !== 'running') continue;
    addresses.push({
      InstanceId: inst.id,
      PublicIp: `34.${200 + (parseInt(inst.id.slice(-6), 16) >> 16)}.${(parseInt(inst.id.slice(-6), 16) >> 8) & 255}.${parseInt(inst.id.slice(-6), 16) & 255}`,
      AllocationId: awsId('eipalloc', 1, parseInt(inst.id.slice(-8), 16)),
      Domain: 'vpc',
      NetworkInterfaceId: inst.eni,
      NetworkInterfaceOwnerId: ACCOUNT,
      PrivateIpAddress: inst.ip,
      PublicIpv4Pool: 'amazon',
      NetworkBorderGroup: REGION,
    });
  }
  for (const p of vpcs) {
    ZONES.forEach((_z, k) =>
      addresses.push({
        PublicIp: `52.${p.index}.${k}.5`,
        AllocationId: awsId('eipalloc', 0x10 + k, p.index),
        Domain: 'vpc',
        NetworkInterfaceId: p.natEnis[k],
        PrivateIpAddress: ip(p.index, k, 5),
      }),
    );
  }
  const attachmentRef = (p: VpcPlan) => ({
    TransitGatewayAttachmentId: p.tgwAttachment,
    ResourceId: p.id,
    ResourceType: 'vpc',
  });
  return [
    file('vpcs.json', { Vpcs: vpcs.map(vpcJson) }),
    file('subnets.json', { Subnets: vpcs.flatMap(subnets) }),
    file('route-tables.json', { RouteTables: vpcs.flatMap(routeTables) }),
    file('network-acls.json', { NetworkAcls: vpcs.flatMap(networkAcls) }),
    file('security-groups.json', { SecurityGroups: vpcs.flatMap(securityGroups) }),
    file('instances.json', { Reservations: reservations }),
    file('network-interfaces.json', { NetworkInterfaces: interfaces }),
    file('addresses.json', { Addresses: addresses }),
    file('internet-gateways.json', {
      InternetGateways: vpcs.map((p) => ({
        Attachments: [{ State: 'available', VpcId: p.id }],
        InternetGatewayId: p.igw,
        OwnerId: ACCOUNT,
        Tags: tags(`igw-${p.index}`),
      })),
    }),
    file('nat-gateways.json', { NatGateways: vpcs.flatMap(natGateways) }),
    file('transit-gateways.json', {
      TransitGateways: [
        {
          TransitGatewayId: TGW,
          TransitGatewayArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:transit-gateway/${TGW}`,
          State: 'available',
          OwnerId: ACCOUNT,
          CreationTime: TIME,
          Options: {
            AmazonSideAsn: 64512,
            DefaultRouteTableAssociation: 'enable',
            AssociationDefaultRouteTableId: TGW_RTB,
            DefaultRouteTablePropagation: 'enable',
            PropagationDefaultRouteTableId: TGW_RTB,
            SecurityGroupReferencingSupport: 'disable',
          },
          Tags: tags('core'),
        },
      ],
    }),
    file('transit-gateway-attachments.json', {
      TransitGatewayAttachments: vpcs.map((p) => ({
        TransitGatewayAttachmentId: p.tgwAttachment,
        TransitGatewayId: TGW,
        TransitGatewayOwnerId: ACCOUNT,
        ResourceOwnerId: ACCOUNT,
        ResourceType: 'vpc',
        ResourceId: p.id,
        State: 'available',
        Association: { TransitGatewayRouteTableId: TGW_RTB, State: 'associated' },
        CreationTime: TIME,
        Tags: [],
      })),
    }),
    file('transit-gateway-vpc-attachments.json', {
      TransitGatewayVpcAttachments: vpcs.map((p) => ({
        TransitGatewayAttachmentId: p.tgwAttachment,
        TransitGatewayId: TGW,
        VpcId: p.id,
        VpcOwnerId: ACCOUNT,
        State: 'available',
        SubnetIds: p.tgwSubnets,
        CreationTime: TIME_Z,
        Options: { DnsSupport: 'enable', Ipv6Support: 'disable', ApplianceModeSupport: 'disable' },
        Tags: [],
      })),
    }),
    file('transit-gateway-route-tables.json', {
      TransitGatewayRouteTables: [
        {
          TransitGatewayRouteTableId: TGW_RTB,
          TransitGatewayId: TGW,
          State: 'available',
          CreationTime: TIME,
          Tags: [],
        },
      ],
    }),
    file('tgw-associations.json', {
      TransitGatewayAssociations: [
        {
          TransitGatewayRouteTableId: TGW_RTB,
          Associations: vpcs.map((p) => ({ ...attachmentRef(p), State: 'associated' })),
        },
      ],
    }),
    file('tgw-propagations.json', {
      TransitGatewayPropagations: [
        {
          TransitGatewayRouteTableId: TGW_RTB,
          TransitGatewayRouteTablePropagations: vpcs.map((p) => ({ ...attachmentRef(p), State: 'enabled' })),
        },
      ],
    }),
    file('tgw-routes.json', {
      TransitGatewayStaticRoutes: [
        {
          TransitGatewayRouteTableId: TGW_RTB,
          Routes: [
            ...vpcs.map((p) => ({
              DestinationCidrBlock: `10.${p.index}.0.0/16`,
              TransitGatewayAttachments: [attachmentRef(p)],
              Type: 'propagated',
              State: 'active',
            })),
            { DestinationCidrBlock: '10.250.0.0/16', Type: 'static', State: 'blackhole' },
          ],
          AdditionalRoutesAvailable: false,
        },
      ],
    }),
    file('vpc-endpoints.json', {
      VpcEndpoints: vpcs.map((p) => ({
        VpcEndpointId: p.endpoint,
        VpcEndpointType: 'Gateway',
        VpcId: p.id,
        ServiceName: `com.amazonaws.${REGION}.s3`,
        State: 'available',
        RouteTableIds: p.tables.private,
        SubnetIds: [],
        Groups: [],
        CreationTimestamp: TIME,
        Tags: [],
        OwnerId: ACCOUNT,
      })),
    }),
    file('prefix-lists.json', {
      PrefixLists: [
        { Cidrs: ['52.216.0.0/15', '3.5.0.0/19'], PrefixListId: S3_LIST, PrefixListName: `com.amazonaws.${REGION}.s3` },
      ],
    }),
    file('managed-prefix-lists.json', {
      PrefixLists: [
        {
          PrefixListId: CORP_LIST,
          AddressFamily: 'IPv4',
          State: 'create-complete',
          PrefixListName: 'corp-offices',
          MaxEntries: 10,
          Version: 1,
          OwnerId: ACCOUNT,
        },
      ],
    }),
    file('managed-prefix-list-entries.json', {
      ManagedPrefixListEntries: [
        {
          PrefixListId: CORP_LIST,
          Entries: [{ Cidr: '203.0.113.0/24', Description: 'HQ' }, { Cidr: '198.51.100.0/24' }],
        },
      ],
    }),
  ];
}
