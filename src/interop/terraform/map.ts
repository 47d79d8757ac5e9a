/**
 * mapTerraformResources: Terraform resource instances -> a vpcsim/1 document. Resources are indexed by
 * address, then mapped kind by kind in an order where everything a step looks up already exists, then
 * the facts that need the whole picture are settled (main tables, default associations, addresses).
 */
import type { Diagnostic } from '../../model/index.ts';
import type { ImportResult } from '../types.ts';
import {
  applyElasticIps,
  fillAddressGaps,
  mapInstance,
  mapInstanceState,
  mapInterfaceAttachment,
  mapNetworkInterface,
} from './map-compute.ts';
import { assemble } from './assemble.ts';
import { MapContext, type Entry } from './context.ts';
import { Fields, isRecord, own, regionOfZone } from './fields.ts';
import {
  mapNetworkAcl,
  mapNetworkAclAssociation,
  mapNetworkAclRule,
  mapSecurityGroup,
  mapSecurityGroupRules,
  mapSgRule,
  mapVpcSgRule,
} from './map-filtering.ts';
import {
  mapEgressOnlyGateway,
  mapEip,
  mapEipAssociation,
  mapEndpointAssociation,
  mapInternetGateway,
  mapInternetGatewayAttachment,
  mapNatGateway,
  mapPrefixList,
  mapPrefixListEntry,
  mapSubnet,
  mapVpc,
  mapVpcCidr,
  mapVpcEndpoint,
  mapVpcPeering,
  mapVpcPeeringAccepter,
  noteDataPrefixList,
  notePrefixAlias,
} from './map-network.ts';
import {
  mapMainRouteTableAssociation,
  mapRoute,
  mapRouteTable,
  mapRouteTableAssociation,
  mapRouteTableRoutes,
  settleMainTables,
} from './map-routing.ts';
import {
  mapPeeringAttachment,
  mapPeeringAttachmentAccepter,
  mapTgwDefaultTable,
  mapTgwPrefixListReference,
  mapTgwRoute,
  mapTgwRouteTable,
  mapTgwTableLink,
  mapTransitGateway,
  mapVpcAttachment,
  settleTransit,
} from './map-transit.ts';
import type { TerraformResource } from './resource.ts';

type Handler = (cx: MapContext, e: Entry, f: Fields) => void;

/**
 * The mapping steps in order. A type may have several steps (groups and tables are created before any
 * rule or route names them, so a reference to a VPC's default group never makes a second one).
 */
const STEPS: readonly (readonly [readonly string[], Handler])[] = [
  [['aws_vpc', 'aws_default_vpc'], mapVpc],
  [['aws_vpc_ipv4_cidr_block_association'], (cx, e, f) => mapVpcCidr(cx, e, f, 4)],
  [['aws_vpc_ipv6_cidr_block_association'], (cx, e, f) => mapVpcCidr(cx, e, f, 6)],
  [['aws_ec2_managed_prefix_list'], mapPrefixList],
  [['aws_ec2_managed_prefix_list_entry'], mapPrefixListEntry],
  [['aws_subnet', 'aws_default_subnet'], mapSubnet],
  [['aws_internet_gateway'], mapInternetGateway],
  [['aws_internet_gateway_attachment'], mapInternetGatewayAttachment],
  [['aws_egress_only_internet_gateway'], mapEgressOnlyGateway],
  [['aws_eip'], mapEip],
  [['aws_default_security_group'], (cx, e, f) => mapSecurityGroup(cx, e, f, true)],
  [['aws_security_group'], (cx, e, f) => mapSecurityGroup(cx, e, f, false)],
  [['aws_default_route_table'], (cx, e, f) => mapRouteTable(cx, e, f, true)],
  [['aws_route_table'], (cx, e, f) => mapRouteTable(cx, e, f, false)],
  [['aws_default_network_acl'], (cx, e, f) => mapNetworkAcl(cx, e, f, true)],
  [['aws_network_acl'], (cx, e, f) => mapNetworkAcl(cx, e, f, false)],
  [['aws_network_acl_rule'], mapNetworkAclRule],
  [['aws_network_acl_association'], mapNetworkAclAssociation],
  [['aws_default_security_group', 'aws_security_group'], mapSecurityGroupRules],
  [['aws_security_group_rule'], mapSgRule],
  [['aws_vpc_security_group_ingress_rule'], (cx, e, f) => mapVpcSgRule(cx, e, f, 'inbound')],
  [['aws_vpc_security_group_egress_rule'], (cx, e, f) => mapVpcSgRule(cx, e, f, 'outbound')],
  [['aws_vpc_endpoint'], mapVpcEndpoint],
  [['aws_vpc_endpoint_route_table_association'], (cx, e, f) => mapEndpointAssociation(cx, e, f, 'route_table_id')],
  [['aws_vpc_endpoint_subnet_association'], (cx, e, f) => mapEndpointAssociation(cx, e, f, 'subnet_id')],
  [
    ['aws_vpc_endpoint_security_group_association'],
    (cx, e, f) => mapEndpointAssociation(cx, e, f, 'security_group_id'),
  ],
  [['aws_vpc_peering_connection'], mapVpcPeering],
  [['aws_vpc_peering_connection_accepter'], mapVpcPeeringAccepter],
  [['aws_ec2_transit_gateway'], mapTransitGateway],
  [['aws_ec2_transit_gateway_route_table'], mapTgwRouteTable],
  [
    ['aws_ec2_transit_gateway_default_route_table_association'],
    (cx, e, f) => mapTgwDefaultTable(cx, e, f, 'association'),
  ],
  [
    ['aws_ec2_transit_gateway_default_route_table_propagation'],
    (cx, e, f) => mapTgwDefaultTable(cx, e, f, 'propagation'),
  ],
  [['aws_ec2_transit_gateway_vpc_attachment'], (cx, e, f) => mapVpcAttachment(cx, e, f, false)],
  [['aws_ec2_transit_gateway_vpc_attachment_accepter'], (cx, e, f) => mapVpcAttachment(cx, e, f, true)],
  [['aws_ec2_transit_gateway_peering_attachment'], mapPeeringAttachment],
  [['aws_ec2_transit_gateway_peering_attachment_accepter'], mapPeeringAttachmentAccepter],
  [['aws_ec2_transit_gateway_route'], mapTgwRoute],
  [['aws_ec2_transit_gateway_prefix_list_reference'], mapTgwPrefixListReference],
  [['aws_ec2_transit_gateway_route_table_association'], (cx, e, f) => mapTgwTableLink(cx, e, f, 'association')],
  [['aws_ec2_transit_gateway_route_table_propagation'], (cx, e, f) => mapTgwTableLink(cx, e, f, 'propagation')],
  [['aws_network_interface'], mapNetworkInterface],
  [['aws_instance'], mapInstance],
  [['aws_ec2_instance_state'], mapInstanceState],
  [['aws_network_interface_attachment'], mapInterfaceAttachment],
  [['aws_eip_association'], mapEipAssociation],
  [['aws_nat_gateway'], mapNatGateway],
  [['aws_default_route_table', 'aws_route_table'], mapRouteTableRoutes],
  [['aws_route'], mapRoute],
  [['aws_route_table_association'], mapRouteTableAssociation],
  [['aws_main_route_table_association'], mapMainRouteTableAssociation],
];

/** Every AWS resource type the importer maps. */
export const MAPPED_TYPES: ReadonlySet<string> = new Set(STEPS.flatMap(([types]) => types));

const DATA_PREFIX_LISTS = new Set(['aws_prefix_list', 'aws_ec2_managed_prefix_list']);

function settleNaclAssociations(cx: MapContext): void {
  for (const [subnet, { nacl }] of cx.subnetNacl) {
    const acl = cx.items.networkAcls.get(nacl);
    if (acl && cx.is('subnets', subnet)) (acl.subnetIds ??= []).push(subnet);
  }
}

/** A VPC without a region attribute takes the region of its subnets' zones. */
function settleRegions(cx: MapContext): void {
  for (const s of cx.items.subnets.values()) {
    const vpc = cx.items.vpcs.get(s.vpcId);
    if (!vpc || vpc.region !== undefined) continue;
    const region = regionOfZone(s.availabilityZone);
    if (region !== undefined) vpc.region = region;
  }
}

export interface MapOptions {
  /** What the resources came from, for the document description, e.g. "state (Terraform 1.9.5)". */
  readonly source?: string;
  /** Diagnostics of reading the file, kept first. */
  readonly diagnostics?: readonly Diagnostic[];
}

function run(resources: readonly unknown[], origin: string, options: MapOptions): ImportResult {
  const cx = new MapContext(origin);
  cx.diagnostics.push(...(options.diagnostics ?? []));
  const buckets = new Map<string, Entry[]>();
  let data = 0;
  let others = 0;
  let mapped = 0;
  resources.forEach((raw, i) => {
    const address = isRecord(raw) ? own(raw, 'address') : undefined;
    const type = isRecord(raw) ? own(raw, 'type') : undefined;
    const values = isRecord(raw) ? own(raw, 'values') : undefined;
    const mode = isRecord(raw) ? own(raw, 'mode') : undefined;
    if (typeof address !== 'string' || address === '' || typeof type !== 'string' || !isRecord(values)) {
      cx.report(
        'IMPORT_TF_MALFORMED',
        'error',
        undefined,
        `resource ${i} has no address, type or values object; it was skipped`,
      );
      return;
    }
    if (cx.byAddress.has(address)) {
      cx.report('IMPORT_TF_MALFORMED', 'error', address, `${address} is listed twice; the second was skipped`);
      return;
    }
    const id = own(values, 'id');
    const entry: Entry = {
      res: raw as TerraformResource,
      address,
      id: typeof id === 'string' && id !== '' ? id : address,
      values,
    };
    cx.byAddress.set(address, entry);
    if (mode === 'data') {
      data++;
      if (DATA_PREFIX_LISTS.has(type)) noteDataPrefixList(cx, entry, new Fields(cx, address, values));
      return;
    }
    if (!type.startsWith('aws_')) {
      others++;
      return;
    }
    if (!MAPPED_TYPES.has(type)) {
      cx.unsupportedIds.add(entry.id);
      cx.report(
        'IMPORT_TF_UNSUPPORTED_RESOURCE',
        'warning',
        address,
        `${address} (${type}) is not part of what vpcsim models; it was ignored`,
      );
      return;
    }
    mapped++;
    const bucket = buckets.get(type);
    if (bucket) bucket.push(entry);
    else buckets.set(type, [entry]);
    if (type === 'aws_vpc_endpoint') notePrefixAlias(cx, new Fields(cx, address, values));
  });
  if (others > 0) {
    cx.report(
      'IMPORT_TF_OTHER_PROVIDERS',
      'warning',
      undefined,
      `${others} resource${others === 1 ? '' : 's'} of providers other than AWS ${others === 1 ? 'was' : 'were'} ignored`,
    );
  }
  for (const [types, handler] of STEPS) {
    for (const type of types) {
      for (const e of buckets.get(type) ?? []) handler(cx, e, new Fields(cx, e.address, e.values));
    }
  }
  applyElasticIps(cx);
  settleMainTables(cx);
  settleNaclAssociations(cx);
  settleTransit(cx);
  settleRegions(cx);
  fillAddressGaps(cx);
  const description =
    `${options.source ?? 'Terraform resources'} from ${origin}: ${mapped} AWS resource${mapped === 1 ? '' : 's'} mapped; ` +
    `${data} data source${data === 1 ? '' : 's'} and ${others} resource${others === 1 ? '' : 's'} of other providers ignored.`;
  return assemble(cx, description);
}

/** Maps resource instances (their values may hold other resources' addresses instead of ids) to a document. */
export function mapResources(resources: readonly unknown[], origin: string, options: MapOptions = {}): ImportResult {
  try {
    if (!Array.isArray(resources)) {
      return {
        document: undefined,
        diagnostics: [
          { code: 'IMPORT_TF_MALFORMED', severity: 'fatal', path: origin, message: 'the resources are not an array' },
        ],
        counts: {},
      };
    }
    return run(resources, origin, options);
  } catch (e) {
    // Only a defect of the importer gets here; the input is reported, never thrown back.
    return {
      document: undefined,
      diagnostics: [
        ...(options.diagnostics ?? []),
        {
          code: 'IMPORT_TF_INTERNAL',
          severity: 'fatal',
          path: origin,
          message: `the importer failed on ${origin}: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
      counts: {},
    };
  }
}
