/**
 * Maps the AWS provider's VPC-level resources: VPCs and their extra CIDR blocks, subnets, internet and
 * egress-only gateways, Elastic IPs, NAT gateways, VPC peering, VPC endpoints and managed prefix lists.
 */
import type {
  EgressOnlyInternetGateway,
  NatGateway,
  Subnet,
  Vpc,
  VpcEndpoint,
  VpcPeeringConnection,
} from '../../model/index.ts';
import { dangling, missing, nameOf, need, prefixListRef, pushUnique } from './common.ts';
import type { Entry, Eip, MapContext } from './context.ts';
import { defaultSgOf, routeTableFor, sgFor } from './defaults.ts';
import { Fields, regionOfArn } from './fields.ts';

/** aws_vpc, aws_default_vpc */
export function mapVpc(cx: MapContext, e: Entry, f: Fields): void {
  const cidr = f.cidr('cidr_block', 4);
  if (cidr === undefined) {
    missing(f, 'cidr_block', 'a VPC needs its primary IPv4 CIDR block; the VPC was left out');
    return;
  }
  const vpc: Vpc = { id: e.id, ...nameOf(e, f), cidrBlocks: [cidr] };
  const region = f.str('region') ?? regionOfArn(f.str('arn'));
  if (region !== undefined) vpc.region = region;
  const v6 = f.cidr('ipv6_cidr_block', 6);
  if (v6 !== undefined) vpc.ipv6CidrBlocks = [v6];
  if (!cx.claim('vpcs', vpc, e.address)) return;
  const defaults = {
    mainRouteTableId: f.ref('main_route_table_id'),
    defaultRouteTableId: f.ref('default_route_table_id'),
    defaultNetworkAclId: f.ref('default_network_acl_id'),
    defaultSecurityGroupId: f.ref('default_security_group_id'),
  };
  const d: Record<string, string> = {};
  for (const [key, id] of Object.entries(defaults)) {
    if (id === undefined) continue;
    d[key] = id;
    if (!cx.vpcByDefaultId.has(id)) cx.vpcByDefaultId.set(id, vpc.id);
  }
  cx.vpcDefaults.set(vpc.id, d);
}

/** aws_vpc_ipv4_cidr_block_association, aws_vpc_ipv6_cidr_block_association */
export function mapVpcCidr(cx: MapContext, e: Entry, f: Fields, family: 4 | 6): void {
  const vpcId = need(f, 'vpc_id', 'vpcs', 'the association names its VPC');
  if (vpcId === undefined) return;
  const key = family === 4 ? 'cidr_block' : 'ipv6_cidr_block';
  const cidr = f.cidr(key, family);
  if (cidr === undefined) {
    if (!f.present(key)) missing(f, key, 'the block is not added to the VPC');
    return;
  }
  const vpc = cx.items.vpcs.get(vpcId);
  if (!vpc) return;
  if (family === 4) vpc.cidrBlocks = pushUnique(vpc.cidrBlocks, cidr);
  else vpc.ipv6CidrBlocks = pushUnique(vpc.ipv6CidrBlocks, cidr);
}

/** aws_subnet, aws_default_subnet */
export function mapSubnet(cx: MapContext, e: Entry, f: Fields): void {
  const vpcId = need(f, 'vpc_id', 'vpcs', 'a subnet belongs to a VPC');
  if (vpcId === undefined) return;
  let zone = f.str('availability_zone') ?? f.str('availability_zone_id');
  if (zone === undefined) {
    zone = 'unknown';
    cx.report(
      'IMPORT_TF_UNKNOWN_VALUE',
      'warning',
      e.address,
      'availability_zone is not known (AWS picks it at apply); the subnet is in zone "unknown"',
      'availability_zone',
    );
  }
  const subnet: Subnet = { id: e.id, ...nameOf(e, f), vpcId, availabilityZone: zone };
  const v4 = f.cidr('cidr_block', 4);
  const v6 = f.cidr('ipv6_cidr_block', 6);
  if (v4 === undefined && v6 === undefined) {
    missing(f, 'cidr_block', 'a subnet needs an IPv4 or IPv6 CIDR block; the subnet was left out');
    return;
  }
  if (v4 !== undefined) subnet.cidrBlock = v4;
  if (v6 !== undefined) subnet.ipv6CidrBlock = v6;
  if (f.bool('map_public_ip_on_launch') === true) subnet.mapPublicIpOnLaunch = true;
  cx.claim('subnets', subnet, e.address);
}

/** aws_internet_gateway (vpc_id optional: detached until an attachment says otherwise) */
export function mapInternetGateway(cx: MapContext, e: Entry, f: Fields): void {
  const vpcId = f.ref('vpc_id');
  let attached: string | null = null;
  if (vpcId !== undefined) {
    if (cx.is('vpcs', vpcId)) attached = vpcId;
    else dangling(f, 'vpc_id', vpcId, 'vpcs', 'the gateway is imported detached');
  }
  cx.claim('internetGateways', { id: e.id, ...nameOf(e, f), vpcId: attached }, e.address);
}

/** aws_internet_gateway_attachment */
export function mapInternetGatewayAttachment(cx: MapContext, _e: Entry, f: Fields): void {
  const igwId = need(f, 'internet_gateway_id', 'internetGateways', 'the attachment names its gateway');
  const vpcId = need(f, 'vpc_id', 'vpcs', 'the attachment names its VPC');
  if (igwId === undefined || vpcId === undefined) return;
  const igw = cx.items.internetGateways.get(igwId);
  if (!igw) return;
  if (igw.vpcId !== null && igw.vpcId !== vpcId) {
    cx.report(
      'IMPORT_TF_CONFLICT',
      'error',
      f.address,
      `gateway ${igwId} is already attached to ${igw.vpcId}; a gateway attaches to one VPC, so this attachment was ignored`,
      'vpc_id',
    );
    return;
  }
  igw.vpcId = vpcId;
}

/** aws_egress_only_internet_gateway */
export function mapEgressOnlyGateway(cx: MapContext, e: Entry, f: Fields): void {
  const vpcId = f.ref('vpc_id');
  const eigw: EgressOnlyInternetGateway = { id: e.id, ...nameOf(e, f), vpcId: null };
  if (vpcId === undefined) missing(f, 'vpc_id', 'the gateway is imported detached');
  else if (cx.is('vpcs', vpcId)) eigw.vpcId = vpcId;
  else dangling(f, 'vpc_id', vpcId, 'vpcs', 'the gateway is imported detached');
  cx.claim('egressOnlyInternetGateways', eigw, e.address);
}

/** aws_eip: remembered by id and allocation id; applied to its instance or interface at the end. */
export function mapEip(cx: MapContext, e: Entry, f: Fields): void {
  const eip: Eip = { address: e.address };
  const ip = f.ip('public_ip', 4) ?? f.ip('address', 4);
  if (ip !== undefined) eip.publicIp = ip;
  const inst = f.ref('instance');
  if (inst !== undefined) eip.instanceId = inst;
  const eni = f.ref('network_interface');
  if (eni !== undefined) eip.networkInterfaceId = eni;
  const priv = f.ip('associate_with_private_ip', 4);
  if (priv !== undefined) eip.privateIp = priv;
  cx.eips.set(e.id, eip);
  const alloc = f.str('allocation_id');
  if (alloc !== undefined && !cx.eips.has(alloc)) cx.eips.set(alloc, eip);
}

/** aws_eip_association */
export function mapEipAssociation(cx: MapContext, e: Entry, f: Fields): void {
  const alloc = f.ref('allocation_id');
  const publicIp = f.ip('public_ip', 4);
  let eip = alloc === undefined ? undefined : cx.eips.get(alloc);
  if (eip === undefined && publicIp !== undefined) {
    eip = { address: e.address, publicIp };
    cx.eips.set(e.id, eip);
  }
  if (eip === undefined) {
    if (alloc === undefined) missing(f, 'allocation_id', 'the association names no Elastic IP; it was ignored');
    else
      cx.report(
        'IMPORT_TF_DANGLING_REFERENCE',
        'error',
        e.address,
        `allocation_id is ${alloc}, which is no Elastic IP of the input; the association was ignored`,
        'allocation_id',
      );
    return;
  }
  const inst = f.ref('instance_id');
  const eni = f.ref('network_interface_id');
  if (inst === undefined && eni === undefined) {
    missing(f, 'instance_id', 'the association names no instance or network interface; it was ignored');
    return;
  }
  if (inst !== undefined) eip.instanceId = inst;
  if (eni !== undefined) eip.networkInterfaceId = eni;
  const priv = f.ip('private_ip_address', 4);
  if (priv !== undefined) eip.privateIp = priv;
}

/** aws_nat_gateway */
export function mapNatGateway(cx: MapContext, e: Entry, f: Fields): void {
  const subnetId = need(f, 'subnet_id', 'subnets', 'a NAT gateway sits in a subnet');
  if (subnetId === undefined) return;
  const nat: NatGateway = { id: e.id, ...nameOf(e, f), subnetId };
  const conn = f.str('connectivity_type')?.toLowerCase();
  if (conn === 'private') nat.connectivity = 'private';
  else if (conn !== undefined && conn !== 'public')
    f.invalid('connectivity_type', `is "${conn}": expected public or private`);
  const priv = f.ip('private_ip', 4);
  if (priv !== undefined) nat.privateIp = priv;
  if (!cx.claim('natGateways', nat, e.address)) return;
  const eniId = f.str('network_interface_id');
  if (eniId !== undefined) cx.natInterfaces.add(eniId);
  if (nat.connectivity === 'private') return;
  const pub = f.ip('public_ip', 4);
  const alloc = f.ref('allocation_id');
  const eip = alloc === undefined ? undefined : cx.eips.get(alloc);
  if (eip !== undefined) cx.natEips.add(eip);
  if (pub !== undefined) nat.publicIp = pub;
  else if (eip?.publicIp !== undefined) nat.publicIp = eip.publicIp;
  else
    cx.addressGaps.push({
      kind: 'natGateways',
      id: nat.id,
      field: 'publicIp',
      ...(alloc === undefined ? {} : { eipId: alloc }),
    });
}

const PEERING_STATUS: Record<string, VpcPeeringConnection['status']> = {
  active: 'active',
  'pending-acceptance': 'pending-acceptance',
  rejected: 'rejected',
  deleted: 'deleted',
  deleting: 'deleted',
  failed: 'failed',
  expired: 'expired',
  provisioning: 'provisioning',
  'initiating-request': 'provisioning',
};

function peeringStatus(f: Fields): VpcPeeringConnection['status'] | undefined {
  const raw = f.str('accept_status');
  if (raw === undefined) return undefined;
  const status = Object.hasOwn(PEERING_STATUS, raw) ? PEERING_STATUS[raw] : undefined;
  if (status === undefined) {
    f.cx.report(
      'IMPORT_TF_UNSUPPORTED_VALUE',
      'warning',
      f.address,
      `accept_status "${raw}" is not a VPC peering status vpcsim knows; the connection is taken as active`,
      'accept_status',
    );
  }
  return status;
}

/** aws_vpc_peering_connection: vpc_id requests, peer_vpc_id accepts. */
export function mapVpcPeering(cx: MapContext, e: Entry, f: Fields): void {
  const requester = need(f, 'vpc_id', 'vpcs', 'a peering connection joins two VPCs');
  const accepter = need(f, 'peer_vpc_id', 'vpcs', 'a peering connection joins two VPCs');
  if (requester === undefined || accepter === undefined) return;
  const pcx: VpcPeeringConnection = { id: e.id, ...nameOf(e, f), requesterVpcId: requester, accepterVpcId: accepter };
  const status = peeringStatus(f);
  if (status !== undefined) pcx.status = status;
  // A plan does not know the status yet: AWS accepts at once only with auto_accept (or an accepter resource, below).
  else if (f.absent('accept_status')) pcx.status = f.bool('auto_accept') === true ? 'active' : 'pending-acceptance';
  cx.claim('vpcPeeringConnections', pcx, e.address);
}

/** aws_vpc_peering_connection_accepter: accepts a connection (or stands for one requested elsewhere). */
export function mapVpcPeeringAccepter(cx: MapContext, e: Entry, f: Fields): void {
  const pcxId = f.ref('vpc_peering_connection_id') ?? e.id;
  const status = peeringStatus(f);
  const accepted = status ?? (f.absent('accept_status') && f.bool('auto_accept') === true ? 'active' : undefined);
  const existing = cx.items.vpcPeeringConnections.get(pcxId);
  if (existing) {
    if (accepted !== undefined) existing.status = accepted;
    return;
  }
  const accepter = need(f, 'vpc_id', 'vpcs', 'a peering connection joins two VPCs');
  const requester = need(f, 'peer_vpc_id', 'vpcs', 'a peering connection joins two VPCs');
  if (requester === undefined || accepter === undefined) return;
  const pcx: VpcPeeringConnection = { id: pcxId, ...nameOf(e, f), requesterVpcId: requester, accepterVpcId: accepter };
  if (accepted !== undefined) pcx.status = accepted;
  cx.claim('vpcPeeringConnections', pcx, e.address);
}

/** Reads a gateway endpoint's prefix list early, so rules and routes naming it can use the built-in list. */
export function notePrefixAlias(cx: MapContext, f: Fields): void {
  const pl = f.str('prefix_list_id');
  const service = /\.(s3|dynamodb)$/.exec(f.str('service_name') ?? '')?.[1];
  if (pl !== undefined && (service === 's3' || service === 'dynamodb') && !cx.prefixAlias.has(pl)) {
    setAlias(cx, pl, service, f.address);
  }
}

/** `com.amazonaws.<region>.s3` (`cn.com.amazonaws.` in China), the name of AWS's list of a service -> `s3`. */
function serviceOfListName(name: string | undefined): 's3' | 'dynamodb' | undefined {
  const m = /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.(s3|dynamodb)$/.exec(name ?? '');
  return m?.[1] === 's3' || m?.[1] === 'dynamodb' ? m[1] : undefined;
}

function setAlias(cx: MapContext, id: string, service: 's3' | 'dynamodb', address: string): void {
  cx.prefixAlias.set(id, `pl-${service}`);
  cx.prefixAliasSource.set(id, { address, reported: false });
}

/**
 * The AWS service a prefix list data source looks up: by `name`, or by a `filter` on `prefix-list-name`
 * whose values all name one service's list (in any Region).
 */
function serviceOfDataList(f: Fields): 's3' | 'dynamodb' | undefined {
  const byName = serviceOfListName(f.str('name'));
  if (byName !== undefined || f.present('name')) return byName;
  for (const b of f.blocks('filter')) {
    if (b.str('name') !== 'prefix-list-name') continue;
    const services = new Set(b.strs('values').map(serviceOfListName));
    const only = services.size === 1 ? [...services][0] : undefined;
    if (only !== undefined) return only;
  }
  return undefined;
}

/**
 * data.aws_prefix_list, data.aws_ec2_managed_prefix_list: AWS's S3 and DynamoDB lists become the built-in
 * ones (recognised by name, with or without an id: a configuration read back from HCL has no id);
 * another list with an id is usable by it; another list without an id cannot be known offline.
 */
export function noteDataPrefixList(cx: MapContext, e: Entry, f: Fields): void {
  const service = serviceOfDataList(f);
  if (service !== undefined) {
    setAlias(cx, e.id, service, e.address);
    return;
  }
  if (e.id === e.address) {
    cx.report(
      'IMPORT_TF_UNKNOWN_VALUE',
      'warning',
      e.address,
      `${e.address} has no id and does not name AWS's S3 or DynamoDB list, so the list it reads from AWS is not known; rules and routes that use it are left out`,
      'id',
    );
    return;
  }
  const cidrs: string[] = [];
  for (const c of f.strs('cidr_blocks')) if (f.checkCidr('cidr_blocks', c, undefined) !== undefined) cidrs.push(c);
  for (const b of f.blocks('entries')) {
    const c = b.str('cidr');
    if (c !== undefined && b.checkCidr('cidr', c, undefined) !== undefined) cidrs.push(c);
  }
  cx.dataPrefixLists.set(e.id, { address: e.address, cidrs });
}

const ENDPOINT_TYPES: Record<string, VpcEndpoint['type']> = { gateway: 'gateway', interface: 'interface' };

/** aws_vpc_endpoint (Gateway and Interface; other types are not modelled) */
export function mapVpcEndpoint(cx: MapContext, e: Entry, f: Fields): void {
  const raw = f.str('vpc_endpoint_type') ?? 'Gateway';
  const type = Object.hasOwn(ENDPOINT_TYPES, raw.toLowerCase()) ? ENDPOINT_TYPES[raw.toLowerCase()] : undefined;
  if (type === undefined) {
    cx.unsupportedIds.add(e.id);
    cx.report(
      'IMPORT_TF_UNSUPPORTED_RESOURCE',
      'warning',
      e.address,
      `${e.address} is a ${raw} VPC endpoint, which vpcsim does not model; it was ignored`,
      'vpc_endpoint_type',
    );
    return;
  }
  const vpcId = need(f, 'vpc_id', 'vpcs', 'an endpoint belongs to a VPC');
  const service = f.str('service_name');
  if (vpcId === undefined) return;
  if (service === undefined) {
    missing(f, 'service_name', 'an endpoint names its service; the endpoint was left out');
    return;
  }
  const ep: VpcEndpoint = { id: e.id, ...nameOf(e, f), vpcId, type, service };
  if (type === 'gateway') {
    const tables: string[] = [];
    for (const id of f.refs('route_table_ids')) {
      const rt = routeTableFor(cx, id);
      if (rt === undefined) dangling(f, 'route_table_ids', id, 'routeTables', 'the table was left out of the endpoint');
      else tables.push(rt);
    }
    if (tables.length > 0) ep.routeTableIds = tables;
    const pl = f.str('prefix_list_id');
    // A service's own list is the built-in one (the engine knows its ranges); any other id must be a known list.
    if (pl !== undefined && !cx.prefixAlias.has(pl)) {
      const ref = prefixListRef(cx, pl);
      if (ref !== undefined) ep.prefixListId = ref;
    }
  } else {
    const subnets = f.refs('subnet_ids');
    if (subnets.length > 0) ep.subnetIds = subnets;
    const groups: string[] = [];
    for (const id of f.refs('security_group_ids')) groups.push(sgFor(cx, id) ?? id);
    if (groups.length === 0) {
      // AWS gives an interface endpoint without groups the VPC's default group.
      const sg = defaultSgOf(cx, vpcId);
      if (sg !== undefined) groups.push(sg);
    }
    ep.securityGroupIds = groups;
  }
  cx.claim('vpcEndpoints', ep, e.address);
}

/** aws_vpc_endpoint_route_table_association, _subnet_association, _security_group_association */
export function mapEndpointAssociation(
  cx: MapContext,
  _e: Entry,
  f: Fields,
  what: 'route_table_id' | 'subnet_id' | 'security_group_id',
): void {
  const epId = need(f, 'vpc_endpoint_id', 'vpcEndpoints', 'the association names its endpoint');
  const raw = f.ref(what);
  if (epId === undefined) return;
  const ep = cx.items.vpcEndpoints.get(epId);
  if (!ep) return;
  if (raw === undefined) {
    missing(f, what, 'the association was ignored');
    return;
  }
  if (what === 'route_table_id') {
    const rt = routeTableFor(cx, raw);
    if (rt === undefined) dangling(f, what, raw, 'routeTables', 'the association was ignored');
    else ep.routeTableIds = pushUnique(ep.routeTableIds, rt);
  } else if (what === 'subnet_id') {
    ep.subnetIds = pushUnique(ep.subnetIds, raw);
  } else {
    ep.securityGroupIds = pushUnique(ep.securityGroupIds, sgFor(cx, raw) ?? raw);
  }
}

/** aws_ec2_managed_prefix_list */
export function mapPrefixList(cx: MapContext, e: Entry, f: Fields): void {
  const cidrs: string[] = [];
  for (const b of f.blocks('entry')) {
    const c = b.str('cidr');
    if (c === undefined) missing(b, 'cidr', 'the entry was left out');
    else if (b.checkCidr('cidr', c, undefined) !== undefined && cx.firstRule(e.id, c)) cidrs.push(c);
  }
  cx.claim('prefixLists', { id: e.id, ...nameOf(e, f, f.str('name')), cidrs }, e.address);
}

/** aws_ec2_managed_prefix_list_entry */
export function mapPrefixListEntry(cx: MapContext, _e: Entry, f: Fields): void {
  const plId = need(f, 'prefix_list_id', 'prefixLists', 'the entry names its prefix list');
  const c = f.str('cidr');
  if (plId === undefined) return;
  if (c === undefined) {
    missing(f, 'cidr', 'the entry was left out');
    return;
  }
  const pl = cx.items.prefixLists.get(plId);
  if (pl && f.checkCidr('cidr', c, undefined) !== undefined && cx.firstRule(plId, c)) pl.cidrs.push(c);
}
