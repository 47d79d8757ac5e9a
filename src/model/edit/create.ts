// Creating resources from the palette: why a request is refused (as AWS would refuse the API call),
// and the resource with AWS-like defaults. Mutates a draft; every reference it writes names a resource.
import { cidrsOverlap, parseCidrLoose, type Cidr } from '../../lib/index.ts';
import { KIND_LABEL } from '../parse-reader.ts';
import type {
  Document,
  SecurityGroup,
  SgOutboundRule,
  TransitGateway,
  TransitGatewayRouteTable,
  Vpc,
} from '../types.ts';
import { azBandLayoutKey, isZoneOfRegion, setLayoutPosition } from './layout.ts';
import {
  findSubnet,
  findVpc,
  freeId,
  nextFreeExternalIp,
  nextFreeIp,
  nextFreePublicIp,
  nextFreeSubnetCidr,
  nextFreeVpcCidr,
  resourceKindOf,
  uniqueId,
} from './next-free.ts';
import type { CreateOutcome, CreateRequest, Position } from './types.ts';

const DEFAULT_REGION = 'us-east-1';
/** `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-5`. */
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** Services with gateway endpoints (AWS offers no others). */
const GATEWAY_SERVICES = ['s3', 'dynamodb'];
/**
 * The placeholder range of a new prefix list: TEST-NET-2, which also holds the engine's generic
 * internet host (198.51.100.10), so a rule using the new list visibly matches "internet".
 */
const PREFIX_LIST_PLACEHOLDER = '198.51.100.0/24';
/** Peering statuses of a connection that is gone or never came up: it does not block a new one. */
const DEAD_PEERING = new Set(['rejected', 'deleted', 'failed', 'expired']);
const DEAD_ATTACHMENT = new Set(['deleted', 'deleting', 'failed', 'rejected']);

function regionOf(vpc: Vpc): string {
  return vpc.region ?? DEFAULT_REGION;
}

/** Why `id` cannot serve as a container of kind `expected`, or undefined when it can. */
function wrongContainer(
  doc: Document,
  id: string,
  expected: 'vpcs' | 'subnets' | 'transitGateways',
): string | undefined {
  const kind = resourceKindOf(doc, id);
  if (kind === expected) return undefined;
  if (kind === undefined) return `${KIND_LABEL[expected]} ${id} does not exist`;
  return `${id} is a ${KIND_LABEL[kind]}, not a ${KIND_LABEL[expected]}`;
}

/**
 * The availability zones a VPC offers on the canvas: those its subnets use, plus the region's
 * first two (`<region>a`, `<region>b`) so a new VPC has somewhere to drop a subnet.
 */
export function availabilityZonesOf(doc: Document, vpcId: string): string[] {
  const vpc = findVpc(doc, vpcId);
  if (!vpc) return [];
  const region = regionOf(vpc);
  const zones = new Set<string>();
  for (const s of doc.topology.subnets ?? []) if (s.vpcId === vpcId) zones.add(s.availabilityZone);
  zones.add(`${region}a`);
  zones.add(`${region}b`);
  return [...zones].sort();
}

/** The group AWS would attach by default: the VPC's group named `default`, else its first group. */
export function defaultSecurityGroupOf(doc: Document, vpcId: string): string | undefined {
  const groups = (doc.topology.securityGroups ?? []).filter((g) => g.vpcId === vpcId);
  return (groups.find((g) => g.name === 'default') ?? groups[0])?.id;
}

function allOutbound(doc: Document, vpcId: string): SgOutboundRule[] {
  const rules: SgOutboundRule[] = [{ protocol: 'all', destination: '0.0.0.0/0' }];
  // AWS adds the IPv6 rule to groups created in a VPC with an IPv6 block.
  if ((findVpc(doc, vpcId)?.ipv6CidrBlocks ?? []).length > 0) rules.push({ protocol: 'all', destination: '::/0' });
  return rules;
}

/** AWS's default group of a VPC: all traffic in from members of the group, all traffic out. */
function addDefaultSecurityGroup(draft: Document, vpcId: string): string {
  const id = freeId(draft, `${vpcId}-default`);
  const group: SecurityGroup = {
    id,
    name: 'default',
    vpcId,
    inbound: [{ protocol: 'all', source: id }],
    outbound: allOutbound(draft, vpcId),
  };
  (draft.topology.securityGroups ??= []).push(group);
  return id;
}

/** The VPC's default group, created (as AWS's default group) when the VPC has no group at all. */
export function ensureDefaultSecurityGroup(draft: Document, vpcId: string): string {
  return defaultSecurityGroupOf(draft, vpcId) ?? addDefaultSecurityGroup(draft, vpcId);
}

function hasAttachedInternetGateway(doc: Document, vpcId: string): boolean {
  return (doc.topology.internetGateways ?? []).some((g) => g.vpcId === vpcId);
}

function blocksOf(vpc: Vpc): Cidr[] {
  return [...vpc.cidrBlocks, ...(vpc.ipv6CidrBlocks ?? [])]
    .map((text) => parseCidrLoose(text))
    .filter((c) => c !== undefined);
}

/**
 * The region of a transit gateway, as far as the document tells: the region of the VPCs attached
 * to it (the format has no region field for transit gateways).
 */
export function transitGatewayRegion(doc: Document, tgwId: string): string | undefined {
  for (const a of doc.topology.transitGatewayAttachments ?? []) {
    if (a.transitGatewayId !== tgwId || a.type !== 'vpc' || a.vpcId === undefined) continue;
    const vpc = findVpc(doc, a.vpcId);
    if (vpc) return regionOf(vpc);
  }
  return undefined;
}

/** The first subnet with an IPv4 block in each availability zone of the VPC, in document order. */
function firstIpv4SubnetPerZone(doc: Document, vpcId: string): string[] {
  const byZone = new Map<string, string>();
  for (const s of doc.topology.subnets ?? []) {
    if (s.vpcId === vpcId && s.cidrBlock !== undefined && !byZone.has(s.availabilityZone)) {
      byZone.set(s.availabilityZone, s.id);
    }
  }
  return [...byZone.values()];
}

function checkRegion(region: string | undefined): string | undefined {
  if (region === undefined || REGION_PATTERN.test(region)) return undefined;
  return `${region} is not an AWS region name (such as us-east-1)`;
}

/** Why a subnet cannot hold a new address-taking resource, or undefined. */
function checkSubnetSlot(doc: Document, subnetId: string, what: string): string | undefined {
  const wrong = wrongContainer(doc, subnetId, 'subnets');
  if (wrong) return wrong;
  const subnet = findSubnet(doc, subnetId);
  if (subnet?.cidrBlock === undefined) return `subnet ${subnetId} is IPv6-only: a ${what} needs an IPv4 address`;
  if (nextFreeIp(doc, subnetId) === undefined) return `subnet ${subnetId} is full: no free IPv4 address left`;
  return undefined;
}

/**
 * Why AWS would refuse the request (a short sentence), or undefined when it can be created. Refusals
 * mirror the API's: a missing container, a second internet gateway on a VPC, a peering of
 * overlapping VPCs, a public NAT gateway in a VPC without an internet gateway, a full subnet.
 */
export function checkCreate(doc: Document, request: CreateRequest): string | undefined {
  switch (request.kind) {
    case 'vpc':
      return (
        checkRegion(request.region) ??
        (nextFreeVpcCidr(doc) === undefined ? 'every /16 of 10.0.0.0/8 is taken by a VPC' : undefined)
      );
    case 'subnet': {
      const wrong = wrongContainer(doc, request.vpcId, 'vpcs');
      if (wrong) return wrong;
      const region = regionOf(findVpc(doc, request.vpcId)!);
      if (!isZoneOfRegion(request.availabilityZone, region)) {
        return `availability zone ${request.availabilityZone} is not in region ${region} of VPC ${request.vpcId}`;
      }
      if (nextFreeSubnetCidr(doc, request.vpcId) === undefined) {
        return `VPC ${request.vpcId} is full: no free /24 left in its CIDR blocks`;
      }
      return undefined;
    }
    case 'instance':
      return checkSubnetSlot(doc, request.subnetId, 'instance');
    case 'networkInterface':
      return checkSubnetSlot(doc, request.subnetId, 'network interface');
    case 'natGateway': {
      const slot = checkSubnetSlot(doc, request.subnetId, 'NAT gateway');
      if (slot) return slot;
      const vpcId = findSubnet(doc, request.subnetId)!.vpcId;
      // AWS: "Network vpc-... has no Internet gateway attached" (CreateNatGateway, public connectivity).
      if (!hasAttachedInternetGateway(doc, vpcId)) {
        return `VPC ${vpcId} has no internet gateway: a public NAT gateway needs one`;
      }
      if (nextFreePublicIp(doc) === undefined) return 'no free Elastic IP left in the address pool';
      return undefined;
    }
    case 'internetGateway': {
      const wrong = wrongContainer(doc, request.vpcId, 'vpcs');
      if (wrong) return wrong;
      const prior = (doc.topology.internetGateways ?? []).find((g) => g.vpcId === request.vpcId);
      return prior ? `VPC ${request.vpcId} already has internet gateway ${prior.id}: one per VPC` : undefined;
    }
    case 'egressOnlyInternetGateway': {
      // AWS creates one even in a VPC without IPv6; it simply carries nothing until IPv6 is added.
      const wrong = wrongContainer(doc, request.vpcId, 'vpcs');
      if (wrong) return wrong;
      const prior = (doc.topology.egressOnlyInternetGateways ?? []).find((g) => g.vpcId === request.vpcId);
      return prior ? `VPC ${request.vpcId} already has egress-only internet gateway ${prior.id}` : undefined;
    }
    case 'routeTable':
    case 'networkAcl':
    case 'securityGroup':
      return wrongContainer(doc, request.vpcId, 'vpcs');
    case 'vpcPeeringConnection': {
      const { requesterVpcId: a, accepterVpcId: b } = request;
      const wrong = wrongContainer(doc, a, 'vpcs') ?? wrongContainer(doc, b, 'vpcs');
      if (wrong) return wrong;
      if (a === b) return `a VPC cannot be peered with itself`;
      const prior = (doc.topology.vpcPeeringConnections ?? []).find(
        (p) =>
          !DEAD_PEERING.has(p.status ?? 'active') &&
          ((p.requesterVpcId === a && p.accepterVpcId === b) || (p.requesterVpcId === b && p.accepterVpcId === a)),
      );
      if (prior) return `${a} and ${b} are already peered by ${prior.id}`;
      const blocksB = blocksOf(findVpc(doc, b)!);
      for (const x of blocksOf(findVpc(doc, a)!)) {
        const y = blocksB.find((c) => cidrsOverlap(x, c));
        if (y) return `${a} block ${x.text} overlaps ${b} block ${y.text}: peered VPCs may not overlap`;
      }
      return undefined;
    }
    case 'transitGateway':
      return checkRegion(request.region);
    case 'transitGatewayAttachment': {
      const { transitGatewayId: tgwId, vpcId } = request;
      const wrong = wrongContainer(doc, tgwId, 'transitGateways') ?? wrongContainer(doc, vpcId, 'vpcs');
      if (wrong) return wrong;
      const prior = (doc.topology.transitGatewayAttachments ?? []).find(
        (a) =>
          a.transitGatewayId === tgwId &&
          a.type === 'vpc' &&
          a.vpcId === vpcId &&
          !DEAD_ATTACHMENT.has(a.state ?? 'available'),
      );
      if (prior) return `VPC ${vpcId} is already attached to ${tgwId} by ${prior.id}`;
      if (firstIpv4SubnetPerZone(doc, vpcId).length === 0) {
        return `VPC ${vpcId} has no subnet with an IPv4 block: an attachment needs one`;
      }
      const tgwRegion = transitGatewayRegion(doc, tgwId);
      const vpcRegion = regionOf(findVpc(doc, vpcId)!);
      if (tgwRegion !== undefined && tgwRegion !== vpcRegion) {
        return `transit gateway ${tgwId} is in ${tgwRegion} and VPC ${vpcId} in ${vpcRegion}: a transit gateway is regional`;
      }
      return undefined;
    }
    case 'vpcEndpoint': {
      const wrong = wrongContainer(doc, request.vpcId, 'vpcs');
      if (wrong) return wrong;
      if (request.service.trim() === '') return 'an endpoint needs a service name';
      if (request.type === 'gateway' && !GATEWAY_SERVICES.includes(request.service)) {
        return `gateway endpoints exist only for ${GATEWAY_SERVICES.join(' and ')}, not ${request.service}`;
      }
      return undefined;
    }
    case 'prefixList':
      return undefined;
    case 'externalHost':
      return nextFreeExternalIp(doc) === undefined ? 'no free address left for an external host' : undefined;
  }
}

function place(draft: Document, key: string, position: Position | undefined): void {
  if (position) setLayoutPosition(draft, key, position);
}

/** The subnet an interface endpoint starts in: the VPC's first IPv4 subnet with a free address. */
function endpointSubnet(doc: Document, vpcId: string): string | undefined {
  return (doc.topology.subnets ?? []).find(
    (s) => s.vpcId === vpcId && s.cidrBlock !== undefined && nextFreeIp(doc, s.id) !== undefined,
  )?.id;
}

/**
 * Creates what the request asks for with the defaults AWS would give (docs/editor.md), after
 * `checkCreate`. Writes the layout entry when the request carries a position. Choices beyond AWS:
 * a new peering connection is `active` at once (a design tool has nobody to accept it), and invented
 * public addresses come from documentation ranges (next-free.ts).
 */
export function createResource(draft: Document, request: CreateRequest): CreateOutcome {
  const reason = checkCreate(draft, request);
  if (reason !== undefined) return { ok: false, reason };
  const t = draft.topology;
  switch (request.kind) {
    case 'vpc': {
      const id = uniqueId(draft, 'vpc');
      (t.vpcs ??= []).push({ id, region: request.region ?? DEFAULT_REGION, cidrBlocks: [nextFreeVpcCidr(draft)!] });
      addDefaultSecurityGroup(draft, id);
      place(draft, id, request.position);
      return { ok: true, id };
    }
    case 'subnet': {
      const id = uniqueId(draft, 'subnet');
      const cidrBlock = nextFreeSubnetCidr(draft, request.vpcId)!;
      (t.subnets ??= []).push({ id, vpcId: request.vpcId, availabilityZone: request.availabilityZone, cidrBlock });
      // The subnet's position is relative to its zone band; the band itself is placed by auto-layout.
      place(draft, id, request.position);
      return { ok: true, id };
    }
    case 'instance':
    case 'networkInterface': {
      const subnet = findSubnet(draft, request.subnetId)!;
      const id = uniqueId(draft, request.kind === 'instance' ? 'i' : 'eni');
      const privateIp = nextFreeIp(draft, subnet.id)!;
      const securityGroupIds = [ensureDefaultSecurityGroup(draft, subnet.vpcId)];
      if (request.kind === 'instance') {
        // With mapPublicIpOnLaunch AWS gives the instance a public IPv4; here one from 192.0.2.0/24.
        const publicIp = subnet.mapPublicIpOnLaunch === true ? nextFreePublicIp(draft) : undefined;
        (t.instances ??= []).push({
          id,
          subnetId: subnet.id,
          privateIp,
          ...(publicIp === undefined ? {} : { publicIp }),
          securityGroupIds,
        });
      } else {
        (t.networkInterfaces ??= []).push({ id, subnetId: subnet.id, privateIp, securityGroupIds });
      }
      place(draft, id, request.position);
      return { ok: true, id };
    }
    case 'natGateway': {
      const id = uniqueId(draft, 'nat');
      const privateIp = nextFreeIp(draft, request.subnetId)!;
      // The Elastic IP AWS would allocate, from 192.0.2.0/24.
      const publicIp = nextFreePublicIp(draft)!;
      (t.natGateways ??= []).push({ id, subnetId: request.subnetId, connectivity: 'public', privateIp, publicIp });
      place(draft, id, request.position);
      return { ok: true, id };
    }
    case 'internetGateway': {
      const id = uniqueId(draft, 'igw');
      (t.internetGateways ??= []).push({ id, vpcId: request.vpcId });
      place(draft, id, request.position);
      return { ok: true, id };
    }
    case 'egressOnlyInternetGateway': {
      const id = uniqueId(draft, 'eigw');
      (t.egressOnlyInternetGateways ??= []).push({ id, vpcId: request.vpcId });
      place(draft, id, request.position);
      return { ok: true, id };
    }
    case 'routeTable': {
      // Not main and without routes: the implicit local routes are all it has, as in AWS.
      const id = uniqueId(draft, 'rtb');
      (t.routeTables ??= []).push({ id, vpcId: request.vpcId, routes: [] });
      return { ok: true, id };
    }
    case 'networkAcl': {
      // A custom NACL starts with no rules: only the implicit deny, as in AWS.
      const id = uniqueId(draft, 'acl');
      (t.networkAcls ??= []).push({ id, vpcId: request.vpcId, inbound: [], outbound: [] });
      return { ok: true, id };
    }
    case 'securityGroup': {
      const id = uniqueId(draft, 'sg');
      (t.securityGroups ??= []).push({ id, vpcId: request.vpcId, outbound: allOutbound(draft, request.vpcId) });
      return { ok: true, id };
    }
    case 'vpcPeeringConnection': {
      const id = uniqueId(draft, 'pcx');
      (t.vpcPeeringConnections ??= []).push({
        id,
        requesterVpcId: request.requesterVpcId,
        accepterVpcId: request.accepterVpcId,
        status: 'active',
      });
      place(draft, id, request.position);
      return { ok: true, id };
    }
    case 'transitGateway': {
      // AWS's defaults (semantics.md 9.1): default association and propagation on, into one table.
      const id = uniqueId(draft, 'tgw');
      const rtbId = freeId(draft, `${id}-rtb-default`);
      const tgw: TransitGateway = {
        id,
        defaultRouteTableAssociation: true,
        defaultRouteTablePropagation: true,
        associationDefaultRouteTableId: rtbId,
        propagationDefaultRouteTableId: rtbId,
      };
      const table: TransitGatewayRouteTable = {
        id: rtbId,
        transitGatewayId: id,
        associations: [],
        propagations: [],
        routes: [],
      };
      (t.transitGateways ??= []).push(tgw);
      (t.transitGatewayRouteTables ??= []).push(table);
      place(draft, id, request.position);
      return { ok: true, id };
    }
    case 'transitGatewayAttachment': {
      const id = uniqueId(draft, 'tgw-attach');
      (t.transitGatewayAttachments ??= []).push({
        id,
        transitGatewayId: request.transitGatewayId,
        type: 'vpc',
        vpcId: request.vpcId,
        subnetIds: firstIpv4SubnetPerZone(draft, request.vpcId),
      });
      applyDefaultTables(draft, request.transitGatewayId, id);
      return { ok: true, id };
    }
    case 'vpcEndpoint': {
      const id = uniqueId(draft, 'vpce');
      if (request.type === 'gateway') {
        // No route tables yet: the user picks them, as in the console.
        (t.vpcEndpoints ??= []).push({ id, vpcId: request.vpcId, type: 'gateway', service: request.service });
        place(draft, id, request.position);
        return { ok: true, id };
      }
      const subnetId = endpointSubnet(draft, request.vpcId);
      // Without groups, AWS attaches the VPC's default security group to the endpoint's interfaces.
      const securityGroupIds = [ensureDefaultSecurityGroup(draft, request.vpcId)];
      (t.vpcEndpoints ??= []).push({
        id,
        vpcId: request.vpcId,
        type: 'interface',
        service: request.service,
        subnetIds: subnetId === undefined ? [] : [subnetId],
        securityGroupIds,
      });
      place(draft, subnetId === undefined ? id : `${id}/${subnetId}`, request.position);
      return { ok: true, id };
    }
    case 'prefixList': {
      const id = uniqueId(draft, 'pl');
      (t.prefixLists ??= []).push({ id, cidrs: [PREFIX_LIST_PLACEHOLDER] });
      return { ok: true, id };
    }
    case 'externalHost': {
      const id = uniqueId(draft, 'host');
      (t.externalHosts ??= []).push({ id, ip: nextFreeExternalIp(draft)! });
      place(draft, id, request.position);
      return { ok: true, id };
    }
  }
}

/**
 * AWS's DefaultRouteTableAssociation / Propagation: a new attachment is associated with and
 * propagates into the transit gateway's default tables when its options say so (absent = enabled).
 */
function applyDefaultTables(draft: Document, tgwId: string, attachmentId: string): void {
  const tgw = (draft.topology.transitGateways ?? []).find((g) => g.id === tgwId);
  if (!tgw) return;
  const tables = draft.topology.transitGatewayRouteTables ?? [];
  const own = (id: string | undefined) =>
    id === undefined ? undefined : tables.find((rt) => rt.id === id && rt.transitGatewayId === tgwId);
  if (tgw.defaultRouteTableAssociation !== false)
    own(tgw.associationDefaultRouteTableId)?.associations.push(attachmentId);
  if (tgw.defaultRouteTablePropagation !== false)
    own(tgw.propagationDefaultRouteTableId)?.propagations.push(attachmentId);
}

/** The layout key of the zone band a subnet sits in, for callers that place bands themselves. */
export function subnetBandKey(doc: Document, subnetId: string): string | undefined {
  const s = findSubnet(doc, subnetId);
  return s ? azBandLayoutKey(s.vpcId, s.availabilityZone) : undefined;
}
