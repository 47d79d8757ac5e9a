// Terraform blocks for what sits in or between the VPCs: instances and network interfaces with their
// public IPs, NAT gateways, peering connections, transit gateways and VPC endpoints.
import type { Instance, NetworkInterface } from '../../model/index.ts';
import type { ExportContext } from './context.ts';
import { destinationPart, tagItems } from './export-network.ts';
import { attr, bool, list, num, ref, str, type HclExpr, type HclItem } from './hcl-writer.ts';

// --- Instances and network interfaces --------------------------------------------------------------

/** vpcsim facts about an interface that no Terraform argument holds, kept as `vpcsim:` tags. */
function vpcsimTags(cx: ExportContext, kind: string, r: Instance | NetworkInterface, os?: string): [string, string][] {
  const tags: [string, string][] = [];
  if (os === 'windows') {
    tags.push(['vpcsim:os', 'windows']);
    cx.note(
      `Instance ${r.id} runs Windows (its client ports are 49152-65535); Terraform has no argument for an instance's OS, so it is kept only as the tag vpcsim:os.`,
    );
  }
  if (r.sourceNat === true) {
    tags.push(['vpcsim:source-nat', 'true']);
    cx.note(
      `${kind} ${r.id} forwards with source NAT (a NAT instance); that is software on the instance, so it is kept only as the tag vpcsim:source-nat.`,
    );
  }
  return tags;
}

function publicIp(cx: ExportContext, owner: string, publicAddress: string, region: string, target: HclItem[]): void {
  cx.resource('aws_eip', cx.claimHelper('aws_eip', [cx.nameOf(owner)], 'eip'), [
    ...cx.providerItems(region),
    attr('domain', str('vpc')),
    attr('address', str(publicAddress)),
    ...target,
  ]);
}

export function emitInstances(cx: ExportContext): void {
  for (const inst of cx.t.instances ?? []) {
    const name = cx.nameOf(inst.id);
    const region = cx.subnetRegion(inst.subnetId);
    const provider = cx.providerItems(region);
    const secondary = inst.secondaryPrivateIps ?? [];
    const ipv6 = inst.ipv6Addresses ?? [];
    // A subnet that maps public IPs on launch would give the instance one the document does not have.
    const mapsPublic = cx.t.subnets?.find((s) => s.id === inst.subnetId)?.mapPublicIpOnLaunch === true;
    cx.resource('aws_instance', name, [
      ...provider,
      attr('ami', ref('var.ami')),
      attr('instance_type', ref('var.instance_type')),
      attr('subnet_id', cx.refTo(inst.subnetId)),
      attr('private_ip', str(inst.privateIp)),
      ...(secondary.length === 0 ? [] : [attr('secondary_private_ips', list(secondary.map(str)))]),
      ...(ipv6.length === 0 ? [] : [attr('ipv6_addresses', list(ipv6.map(str)))]),
      attr('vpc_security_group_ids', list(inst.securityGroupIds.map((g) => cx.refTo(g)))),
      ...(mapsPublic && inst.publicIp === undefined ? [attr('associate_public_ip_address', bool(false))] : []),
      ...(inst.sourceDestCheck === false ? [attr('source_dest_check', bool(false))] : []),
      ...tagItems(inst.name, vpcsimTags(cx, 'Instance', inst, inst.os)),
    ]);
    if (inst.publicIp !== undefined) {
      publicIp(cx, inst.id, inst.publicIp, region, [attr('instance', cx.refTo(inst.id))]);
    }
    if (inst.state === 'stopped' || inst.state === 'terminated') {
      if (inst.state === 'terminated') {
        cx.note(`Instance ${inst.id} is terminated; Terraform cannot declare that, so it is exported as stopped.`);
      }
      cx.resource('aws_ec2_instance_state', cx.claimHelper('aws_ec2_instance_state', [name], name), [
        ...provider,
        attr('instance_id', cx.refTo(inst.id)),
        attr('state', str('stopped')),
      ]);
    }
  }
}

export function emitNetworkInterfaces(cx: ExportContext): void {
  const deviceIndex = new Map<string, number>();
  for (const eni of cx.t.networkInterfaces ?? []) {
    const name = cx.nameOf(eni.id);
    const region = cx.subnetRegion(eni.subnetId);
    const provider = cx.providerItems(region);
    const secondary = eni.secondaryPrivateIps ?? [];
    const ipv6 = eni.ipv6Addresses ?? [];
    // `private_ips` is a set: with secondary addresses, only the ordered list says which one is primary.
    const addressItems =
      secondary.length === 0
        ? [attr('private_ips', list([str(eni.privateIp)]))]
        : [
            attr('private_ip_list_enabled', bool(true)),
            attr('private_ip_list', list([eni.privateIp, ...secondary].map(str))),
          ];
    cx.resource('aws_network_interface', name, [
      ...provider,
      attr('subnet_id', cx.refTo(eni.subnetId)),
      ...addressItems,
      ...(ipv6.length === 0 ? [] : [attr('ipv6_addresses', list(ipv6.map(str)))]),
      attr('security_groups', list(eni.securityGroupIds.map((g) => cx.refTo(g)))),
      ...(eni.sourceDestCheck === false ? [attr('source_dest_check', bool(false))] : []),
      ...tagItems(eni.name, vpcsimTags(cx, 'Network interface', eni)),
    ]);
    if (eni.instanceId !== undefined) {
      const index = (deviceIndex.get(eni.instanceId) ?? 0) + 1;
      deviceIndex.set(eni.instanceId, index);
      cx.resource(
        'aws_network_interface_attachment',
        cx.claimHelper('aws_network_interface_attachment', [name], name),
        [
          ...provider,
          attr('instance_id', cx.refTo(eni.instanceId)),
          attr('network_interface_id', cx.refTo(eni.id)),
          attr('device_index', num(index)),
        ],
      );
    }
    if (eni.publicIp !== undefined) {
      publicIp(cx, eni.id, eni.publicIp, region, [
        attr('network_interface', cx.refTo(eni.id)),
        attr('associate_with_private_ip', str(eni.privateIp)),
      ]);
    }
  }
}

// --- NAT gateways ----------------------------------------------------------------------------------

export function emitNatGateways(cx: ExportContext): void {
  for (const nat of cx.t.natGateways ?? []) {
    if (cx.addresses[nat.id] === undefined) continue;
    const name = cx.nameOf(nat.id);
    const region = cx.subnetRegion(nat.subnetId);
    const provider = cx.providerItems(region);
    const isPrivate = nat.connectivity === 'private';
    let allocation: HclItem[] = [];
    if (!isPrivate && nat.publicIp !== undefined) {
      const eip = cx.claimHelper('aws_eip', [name.startsWith('nat') ? name : `nat_${name}`], 'nat');
      cx.resource('aws_eip', eip, [...provider, attr('domain', str('vpc')), attr('address', str(nat.publicIp))]);
      allocation = [attr('allocation_id', ref(`aws_eip.${eip}.id`))];
    } else if (!isPrivate) {
      cx.note(
        `NAT gateway ${nat.id} is public but has no public IP; AWS requires an Elastic IP, so it has no allocation_id.`,
      );
    }
    cx.resource('aws_nat_gateway', name, [
      ...provider,
      attr('subnet_id', cx.refTo(nat.subnetId)),
      attr('connectivity_type', str(isPrivate ? 'private' : 'public')),
      ...allocation,
      ...(nat.privateIp === undefined ? [] : [attr('private_ip', str(nat.privateIp))]),
      ...tagItems(nat.name),
    ]);
  }
}

// --- VPC peering -----------------------------------------------------------------------------------

export function emitPeerings(cx: ExportContext): void {
  for (const pcx of cx.t.vpcPeeringConnections ?? []) {
    if (cx.addresses[pcx.id] === undefined) continue;
    const name = cx.nameOf(pcx.id);
    const region = cx.vpcRegion(pcx.requesterVpcId);
    const peerRegion = cx.vpcRegion(pcx.accepterVpcId);
    const active = (pcx.status ?? 'active') === 'active';
    const crossRegion = peerRegion !== region;
    if (!active) {
      cx.note(
        `Peering connection ${pcx.id} is ${pcx.status ?? 'active'}; it is exported without being accepted, so it stays pending-acceptance.`,
      );
    }
    cx.resource('aws_vpc_peering_connection', name, [
      ...cx.providerItems(region),
      attr('vpc_id', cx.refTo(pcx.requesterVpcId)),
      attr('peer_vpc_id', cx.refTo(pcx.accepterVpcId)),
      ...(crossRegion ? [attr('peer_region', str(peerRegion))] : []),
      ...(active && !crossRegion ? [attr('auto_accept', bool(true))] : []),
      ...tagItems(pcx.name),
    ]);
    if (active && crossRegion) {
      // A cross-Region request is accepted from the accepter's Region.
      cx.resource(
        'aws_vpc_peering_connection_accepter',
        cx.claimHelper('aws_vpc_peering_connection_accepter', [name], name),
        [
          ...cx.providerItems(peerRegion),
          attr('vpc_peering_connection_id', cx.refTo(pcx.id)),
          attr('auto_accept', bool(true)),
          ...tagItems(pcx.name),
        ],
      );
    }
  }
}

// --- Transit gateways ------------------------------------------------------------------------------

const enable = (on: boolean): HclExpr => str(on ? 'enable' : 'disable');

export function emitTransitGateways(cx: ExportContext): void {
  for (const tgw of cx.t.transitGateways ?? []) {
    const name = cx.nameOf(tgw.id);
    const provider = cx.providerItems(cx.tgwRegion(tgw.id));
    const association = tgw.defaultRouteTableAssociation === true;
    const propagation = tgw.defaultRouteTablePropagation === true;
    cx.resource('aws_ec2_transit_gateway', name, [
      ...provider,
      // Every association and propagation is declared below; AWS's automatic ones would add others.
      attr('default_route_table_association', enable(association)),
      attr('default_route_table_propagation', enable(propagation)),
      ...(tgw.securityGroupReferencingSupport === true
        ? [attr('security_group_referencing_support', enable(true))]
        : []),
      ...tagItems(tgw.name),
    ]);
    const defaults: [boolean, string | undefined, string][] = [
      [association, tgw.associationDefaultRouteTableId, 'aws_ec2_transit_gateway_default_route_table_association'],
      [propagation, tgw.propagationDefaultRouteTableId, 'aws_ec2_transit_gateway_default_route_table_propagation'],
    ];
    for (const [on, table, type] of defaults) {
      if (!on || table === undefined) continue;
      cx.resource(type, cx.claimHelper(type, [name], name), [
        ...provider,
        attr('transit_gateway_id', cx.refTo(tgw.id)),
        attr('transit_gateway_route_table_id', cx.refTo(table)),
      ]);
    }
  }
  emitTgwAttachments(cx);
  emitTgwRouteTables(cx);
}

function emitTgwAttachments(cx: ExportContext): void {
  for (const a of cx.t.transitGatewayAttachments ?? []) {
    if (cx.addresses[a.id] === undefined) continue;
    const name = cx.nameOf(a.id);
    const region = cx.tgwRegion(a.transitGatewayId);
    const provider = cx.providerItems(region);
    if (a.type === 'vpc') {
      if (a.vpcId !== undefined && cx.vpcRegion(a.vpcId) !== region) {
        cx.note(
          `Transit gateway attachment ${a.id} joins a VPC of another Region than its transit gateway; AWS rejects that.`,
        );
      }
      cx.resource('aws_ec2_transit_gateway_vpc_attachment', name, [
        ...provider,
        attr('transit_gateway_id', cx.refTo(a.transitGatewayId)),
        ...(a.vpcId === undefined ? [] : [attr('vpc_id', cx.refTo(a.vpcId))]),
        attr('subnet_ids', list((a.subnetIds ?? []).map((s) => cx.refTo(s)))),
        ...(a.applianceMode === true ? [attr('appliance_mode_support', enable(true))] : []),
        attr('transit_gateway_default_route_table_association', bool(false)),
        attr('transit_gateway_default_route_table_propagation', bool(false)),
        ...tagItems(a.name),
      ]);
      continue;
    }
    const peer = a.peerTransitGatewayId;
    const peerRegion = peer === undefined ? region : cx.tgwRegion(peer);
    cx.resource('aws_ec2_transit_gateway_peering_attachment', name, [
      ...provider,
      attr('transit_gateway_id', cx.refTo(a.transitGatewayId)),
      ...(peer === undefined ? [] : [attr('peer_transit_gateway_id', cx.refTo(peer))]),
      attr('peer_region', str(peerRegion)),
      ...tagItems(a.name),
    ]);
    if (a.state === 'pendingAcceptance' || a.state === 'pending-acceptance') continue;
    const accepter = cx.claimHelper('aws_ec2_transit_gateway_peering_attachment_accepter', [name], name);
    cx.peeringAccepters.set(a.id, `aws_ec2_transit_gateway_peering_attachment_accepter.${accepter}`);
    cx.resource('aws_ec2_transit_gateway_peering_attachment_accepter', accepter, [
      ...cx.providerItems(peerRegion),
      attr('transit_gateway_attachment_id', cx.refTo(a.id)),
      ...tagItems(a.name),
    ]);
  }
}

function emitTgwRouteTables(cx: ExportContext): void {
  for (const trt of cx.t.transitGatewayRouteTables ?? []) {
    const name = cx.nameOf(trt.id);
    const region = cx.tgwRegion(trt.transitGatewayId);
    const provider = cx.providerItems(region);
    cx.resource('aws_ec2_transit_gateway_route_table', name, [
      ...provider,
      attr('transit_gateway_id', cx.refTo(trt.transitGatewayId)),
      ...tagItems(trt.name),
    ]);
    // On the accepter's side a peering attachment is usable once accepted.
    const after = (attachmentId: string | undefined): HclItem[] => {
      if (attachmentId === undefined) return [];
      const accepter = cx.peeringAccepters.get(attachmentId);
      const requesterTgw = cx.t.transitGatewayAttachments?.find((a) => a.id === attachmentId)?.transitGatewayId;
      return accepter === undefined || requesterTgw === trt.transitGatewayId
        ? []
        : [attr('depends_on', list([ref(accepter)]))];
    };
    const links: [string[], string, string][] = [
      [trt.associations, 'aws_ec2_transit_gateway_route_table_association', 'association'],
      [trt.propagations, 'aws_ec2_transit_gateway_route_table_propagation', 'propagation'],
    ];
    for (const [ids, type, what] of links) {
      for (const id of ids) {
        if (cx.addresses[id] === undefined) {
          cx.note(
            `The ${what} of ${id} in transit gateway route table ${trt.id} names no exported attachment; it is left out.`,
          );
          continue;
        }
        cx.resource(type, cx.claimHelper(type, [name, cx.nameOf(id)], name), [
          ...provider,
          attr('transit_gateway_attachment_id', cx.refTo(id)),
          attr('transit_gateway_route_table_id', cx.refTo(trt.id)),
          ...after(id),
        ]);
      }
    }
    for (const route of trt.routes) {
      const target =
        route.attachmentId === undefined || route.blackhole === true
          ? [attr('blackhole', bool(true))]
          : [attr('transit_gateway_attachment_id', cx.refTo(route.attachmentId))];
      if (!route.destination.includes('/')) {
        const type = 'aws_ec2_transit_gateway_prefix_list_reference';
        cx.resource(type, cx.claimHelper(type, [name, destinationPart(route.destination)], name), [
          ...provider,
          attr('prefix_list_id', cx.prefixListRef(route.destination, region)),
          attr('transit_gateway_route_table_id', cx.refTo(trt.id)),
          ...target,
          ...after(route.attachmentId),
        ]);
        continue;
      }
      const type = 'aws_ec2_transit_gateway_route';
      cx.resource(type, cx.claimHelper(type, [name, destinationPart(route.destination)], name), [
        ...provider,
        attr('destination_cidr_block', str(route.destination)),
        ...target,
        attr('transit_gateway_route_table_id', cx.refTo(trt.id)),
        ...after(route.attachmentId),
      ]);
    }
  }
}

// --- VPC endpoints ---------------------------------------------------------------------------------

export function emitVpcEndpoints(cx: ExportContext): void {
  for (const e of cx.t.vpcEndpoints ?? []) {
    const region = cx.vpcRegion(e.vpcId);
    const service = e.service.includes('.') ? e.service : `com.amazonaws.${region}.${e.service}`;
    if (e.prefixListId !== undefined && e.prefixListId !== `pl-${e.service.split('.').pop() ?? ''}`) {
      cx.note(
        `VPC endpoint ${e.id} names prefix list ${e.prefixListId}; AWS picks a gateway endpoint's prefix list from its service, so it is not exported.`,
      );
    }
    const ids = (key: string, list_: string[] | undefined): HclItem[] =>
      list_ === undefined || list_.length === 0 ? [] : [attr(key, list(list_.map((id) => cx.refTo(id))))];
    cx.resource('aws_vpc_endpoint', cx.nameOf(e.id), [
      ...cx.providerItems(region),
      attr('vpc_id', cx.refTo(e.vpcId)),
      attr('service_name', str(service)),
      attr('vpc_endpoint_type', str(e.type === 'gateway' ? 'Gateway' : 'Interface')),
      ...ids('route_table_ids', e.routeTableIds),
      ...ids('subnet_ids', e.subnetIds),
      ...ids('security_group_ids', e.securityGroupIds),
      ...tagItems(e.name),
    ]);
  }
}
