// exportTerraform: a vpcsim document as one Terraform configuration (main.tf) for the AWS provider,
// with the Terraform address each resource became and notes on what Terraform cannot say exactly.
import type { Document } from '../../model/index.ts';
import { ExportContext } from './context.ts';
import {
  emitInstances,
  emitNatGateways,
  emitNetworkInterfaces,
  emitPeerings,
  emitTransitGateways,
  emitVpcEndpoints,
} from './export-compute.ts';
import {
  emitGateways,
  emitNetworkAcls,
  emitPrefixLists,
  emitRouteTables,
  emitSecurityGroups,
  emitSubnets,
  emitVpcs,
} from './export-network.ts';
import { attr, commentText, object, ref, renderBlock, str, type HclBlock } from './hcl-writer.ts';

export interface TerraformExport {
  /** The whole configuration: one main.tf text. */
  text: string;
  /** vpcsim resource id -> Terraform address it became (e.g. "i-web" -> "aws_instance.web"). */
  addresses: Record<string, string>;
  /** What could not be expressed exactly (e.g. external hosts), as short sentences naming the resource. */
  notes: string[];
}

/** The provider versions with every argument used here (security_group_referencing_support: 5.69). */
const AWS_PROVIDER_VERSION = '>= 5.69';

/** Peering states in which the connection no longer exists for AWS (routes to it are blackholes). */
const GONE_PEERING = ['rejected', 'deleted', 'failed', 'expired'];

/**
 * The Terraform configuration of a document: every resource the engine reads, with references between
 * them as Terraform references, names from the resources' ids (or names), one provider per Region.
 * Deterministic: the same document always gives the same text.
 */
export function exportTerraform(document: Document): TerraformExport {
  const cx = new ExportContext(document);
  claimAll(cx);
  emitVpcs(cx);
  emitGateways(cx);
  emitSubnets(cx);
  emitRouteTables(cx);
  emitNetworkAcls(cx);
  emitSecurityGroups(cx);
  emitPrefixLists(cx);
  emitInstances(cx);
  emitNetworkInterfaces(cx);
  emitNatGateways(cx);
  emitPeerings(cx);
  emitTransitGateways(cx);
  emitVpcEndpoints(cx);

  const blocks: HclBlock[] = [terraformBlock(), ...providerBlocks(cx)];
  if ((cx.t.instances ?? []).length > 0) blocks.push(...variableBlocks());
  blocks.push(...cx.dataBlocks(), ...cx.body);
  const text = [header(cx), ...blocks.map((b) => renderBlock(b))].join('\n');
  return { text, addresses: cx.addresses, notes: cx.notes };
}

/** Decides which document resources become Terraform resources, and their names, before any is written. */
function claimAll(cx: ExportContext): void {
  const t = cx.t;
  for (const v of t.vpcs ?? []) cx.claim('aws_vpc', 'vpcs', v, 'vpc');
  for (const g of t.internetGateways ?? []) cx.claim('aws_internet_gateway', 'internetGateways', g, 'igw');
  for (const g of t.egressOnlyInternetGateways ?? []) {
    if (g.vpcId === null) {
      cx.note(`Egress-only internet gateway ${g.id} is detached; Terraform needs its VPC, so it is left out.`);
      continue;
    }
    cx.claim('aws_egress_only_internet_gateway', 'egressOnlyInternetGateways', g, 'eigw');
  }
  for (const s of t.subnets ?? []) cx.claim('aws_subnet', 'subnets', s, 'subnet');
  for (const rt of t.routeTables ?? []) cx.claim('aws_route_table', 'routeTables', rt, 'rtb');
  const defaultAcl = new Set<string>();
  for (const acl of t.networkAcls ?? []) {
    if (acl.default === true && !defaultAcl.has(acl.vpcId)) {
      defaultAcl.add(acl.vpcId);
      cx.claim('aws_default_network_acl', 'networkAcls', acl, 'acl');
      continue;
    }
    if (acl.default === true) {
      cx.note(`Network ACL ${acl.id} is a second default ACL of VPC ${acl.vpcId}; it is exported as an ordinary one.`);
    }
    cx.claim('aws_network_acl', 'networkAcls', acl, 'acl');
  }
  for (const sg of t.securityGroups ?? []) cx.claim('aws_security_group', 'securityGroups', sg, 'sg');
  for (const pl of t.prefixLists ?? []) cx.claim('aws_ec2_managed_prefix_list', 'prefixLists', pl, 'pl');
  for (const i of t.instances ?? []) cx.claim('aws_instance', 'instances', i, 'instance');
  for (const e of t.networkInterfaces ?? []) cx.claim('aws_network_interface', 'networkInterfaces', e, 'eni');
  for (const n of t.natGateways ?? []) {
    const state = n.state ?? 'available';
    if (state !== 'available') {
      cx.note(
        `NAT gateway ${n.id} is ${state}; Terraform declares only working gateways, so it is left out and routes to it keep its id (blackholes).`,
      );
      continue;
    }
    cx.claim('aws_nat_gateway', 'natGateways', n, 'nat');
  }
  for (const p of t.vpcPeeringConnections ?? []) {
    if (GONE_PEERING.includes(p.status ?? 'active')) {
      cx.note(
        `Peering connection ${p.id} is ${p.status ?? 'active'}; Terraform cannot declare that, so it is left out and routes to it keep its id (blackholes).`,
      );
      continue;
    }
    cx.claim('aws_vpc_peering_connection', 'vpcPeeringConnections', p, 'pcx');
  }
  for (const g of t.transitGateways ?? []) cx.claim('aws_ec2_transit_gateway', 'transitGateways', g, 'tgw');
  for (const a of t.transitGatewayAttachments ?? []) {
    const state = a.state ?? 'available';
    const pending = a.type === 'peering' && (state === 'pendingAcceptance' || state === 'pending-acceptance');
    if (state !== 'available' && !pending) {
      cx.note(
        `Transit gateway attachment ${a.id} is ${state}; Terraform cannot declare that, so it is left out and routes to it keep its id.`,
      );
      continue;
    }
    const type =
      a.type === 'vpc' ? 'aws_ec2_transit_gateway_vpc_attachment' : 'aws_ec2_transit_gateway_peering_attachment';
    cx.claim(type, 'transitGatewayAttachments', a, 'attachment');
  }
  for (const rt of t.transitGatewayRouteTables ?? []) {
    cx.claim('aws_ec2_transit_gateway_route_table', 'transitGatewayRouteTables', rt, 'tgw_rtb');
  }
  for (const e of t.vpcEndpoints ?? []) cx.claim('aws_vpc_endpoint', 'vpcEndpoints', e, 'vpce');
  for (const h of t.externalHosts ?? []) {
    cx.note(`External host ${h.id} (${h.ip}) is a machine on the internet, not an AWS resource; it is left out.`);
  }
}

function header(cx: ExportContext): string {
  const title = cx.document.meta?.title;
  const lines = [
    `# Generated by vpcsim from ${title === undefined ? 'an untitled document' : `"${commentText(title)}"`}.`,
  ];
  if ((cx.t.instances ?? []).length > 0) {
    lines.push('# Instances use var.ami and var.instance_type; vpcsim does not model images or sizes.');
  }
  if (cx.notes.length > 0) {
    lines.push('#', '# Not expressed exactly:');
    for (const note of cx.notes) lines.push(`# - ${commentText(note)}`);
  }
  return `${lines.join('\n')}\n`;
}

function terraformBlock(): HclBlock {
  return {
    type: 'terraform',
    labels: [],
    body: [
      {
        kind: 'block',
        block: {
          type: 'required_providers',
          labels: [],
          body: [
            attr(
              'aws',
              object([
                ['source', str('hashicorp/aws')],
                ['version', str(AWS_PROVIDER_VERSION)],
              ]),
            ),
          ],
        },
      },
    ],
  };
}

function providerBlocks(cx: ExportContext): HclBlock[] {
  return cx.regions.map((region) => ({
    type: 'provider',
    labels: ['aws'],
    body: [
      ...(region === cx.primaryRegion ? [] : [attr('alias', str(cx.providerAlias(region)))]),
      attr('region', str(region)),
    ],
  }));
}

function variableBlocks(): HclBlock[] {
  const variable = (name: string, description: string, value: string): HclBlock => ({
    type: 'variable',
    labels: [name],
    body: [attr('description', str(description)), attr('type', ref('string')), attr('default', str(value))],
  });
  return [
    variable('ami', 'AMI of every instance (vpcsim does not model images).', 'ami-00000000000000000'),
    variable('instance_type', 'Instance type of every instance.', 't3.micro'),
  ];
}
