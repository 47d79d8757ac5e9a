/**
 * Resolves the resources that hang off VPCs and subnets: VPC Regions, subnets, gateways, NACLs,
 * route tables and security groups (their routes and rules come later), peerings and endpoints.
 */
import type {
  EgressOnlyInternetGateway,
  InternetGateway,
  NetworkAcl,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
  VpcEndpoint,
  VpcPeeringConnection,
} from '../../model/index.ts';
import type { GatewayDraft } from './drafts.ts';
import type { Collection } from './merge.ts';
import { fromOrigin } from './resolve-context.ts';
import type { Ctx } from './resolve-types.ts';

const DEFAULT_REGION = 'us-east-1';

/** The Region of each VPC: its file's Region folder, else what the data says, else the default. */
export function resolveVpcs(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.vpcs.entries.values()) {
    const hint = st.vpcRegionHints.get(d.id);
    let region = origin.pathRegion ?? hint?.region;
    if (origin.pathRegion !== undefined && hint !== undefined && hint.region !== origin.pathRegion) {
      st.r.warning(
        'IMPORT_AWS_CONFLICT',
        { file: origin.file, path: origin.path, rid: d.id },
        `VPC ${d.id} is in a ${origin.pathRegion} folder (${origin.file}) but ${hint.file} places it in ${hint.region}; ${origin.pathRegion} was kept`,
      );
    }
    if (region === undefined) {
      region = st.defaultRegion ?? DEFAULT_REGION;
      if (st.defaultRegion === undefined) {
        st.r.warning(
          'IMPORT_AWS_REGION_ASSUMED',
          { file: origin.file, path: origin.path, rid: d.id },
          `${origin.file}: neither the path nor the data names the Region of VPC ${d.id}; ${region} was assumed`,
        );
      }
    }
    st.regions.add(region);
    const vpc: Vpc = { id: d.id, region, cidrBlocks: d.cidrBlocks };
    if (d.name !== undefined) vpc.name = d.name;
    if (d.ipv6CidrBlocks.length > 0) vpc.ipv6CidrBlocks = d.ipv6CidrBlocks;
    out.vpcs.push(vpc);
    rs.keep(d.id, 'vpcs');
  }
}

/** Subnets of kept VPCs. */
export function resolveSubnets(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.subnets.entries.values()) {
    const from = fromOrigin(origin, d.id, `subnet ${d.id}`);
    if (!rs.check(d.vpcId, 'vpcs', ['Vpcs'], from, 'the subnet is left out')) {
      rs.drop(d.id, `its VPC ${d.vpcId} is not in the import`);
      continue;
    }
    const subnet: Subnet = { ...d };
    out.subnets.push(subnet);
    rs.keep(d.id, 'subnets');
  }
}

function resolveGateways(
  cx: Ctx,
  drafts: Collection<GatewayDraft>,
  kind: 'internetGateways' | 'egressOnlyInternetGateways',
  list: InternetGateway[] | EgressOnlyInternetGateway[],
): void {
  const { rs } = cx;
  for (const { value: d, origin } of drafts.entries.values()) {
    const from = fromOrigin(origin, d.id, `${drafts.kind} ${d.id}`);
    if (d.vpcId !== null && !rs.check(d.vpcId, 'vpcs', ['Vpcs'], from, 'the gateway is left out')) {
      rs.drop(d.id, `its VPC ${d.vpcId} is not in the import`);
      continue;
    }
    list.push({ ...d });
    rs.keep(d.id, kind);
  }
}

/** Internet and egress-only gateways, attached to kept VPCs or detached. */
export function resolveInternetGateways(cx: Ctx): void {
  resolveGateways(cx, cx.st.internetGateways, 'internetGateways', cx.out.internetGateways);
  resolveGateways(
    cx,
    cx.st.egressOnlyInternetGateways,
    'egressOnlyInternetGateways',
    cx.out.egressOnlyInternetGateways,
  );
}

/** Route tables with their associations; routes are filled by resolveRoutes. */
export function resolveRouteTableShells(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.routeTables.entries.values()) {
    const from = fromOrigin(origin, d.id, `route table ${d.id}`);
    if (!rs.check(d.vpcId, 'vpcs', ['Vpcs'], from, 'the route table is left out')) {
      rs.drop(d.id, `its VPC ${d.vpcId} is not in the import`);
      continue;
    }
    const rt: RouteTable = { id: d.id, vpcId: d.vpcId, routes: [] };
    if (d.name !== undefined) rt.name = d.name;
    if (d.main) rt.main = true;
    const subnetIds = rs.filter(d.subnetIds, 'subnets', ['Subnets'], from, 'the association is left out');
    if (subnetIds.length > 0) rt.subnetIds = subnetIds;
    const gatewayIds = rs.filter(
      d.gatewayIds,
      'internetGateways',
      ['InternetGateways'],
      from,
      'the edge association is left out',
    );
    if (gatewayIds.length > 0) rt.gatewayIds = gatewayIds;
    out.routeTables.push(rt);
    cx.routeTables.set(d.id, rt);
    rs.keep(d.id, 'routeTables');
  }
}

/** Network ACLs of kept VPCs with their kept subnets. */
export function resolveNetworkAcls(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.networkAcls.entries.values()) {
    const from = fromOrigin(origin, d.id, `network ACL ${d.id}`);
    if (!rs.check(d.vpcId, 'vpcs', ['Vpcs'], from, 'the network ACL is left out')) {
      rs.drop(d.id, `its VPC ${d.vpcId} is not in the import`);
      continue;
    }
    const acl: NetworkAcl = { id: d.id, vpcId: d.vpcId, inbound: d.inbound, outbound: d.outbound };
    if (d.name !== undefined) acl.name = d.name;
    if (d.default) acl.default = true;
    const subnetIds = rs.filter(d.subnetIds, 'subnets', ['Subnets'], from, 'the association is left out');
    if (subnetIds.length > 0) acl.subnetIds = subnetIds;
    out.networkAcls.push(acl);
    rs.keep(d.id, 'networkAcls');
  }
}

/** Security groups without their rules (a rule may name any group, so all are kept first). */
export function resolveSecurityGroupShells(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.securityGroups.entries.values()) {
    const from = fromOrigin(origin, d.id, `security group ${d.id}`);
    if (!rs.check(d.vpcId, 'vpcs', ['Vpcs'], from, 'the security group is left out')) {
      rs.drop(d.id, `its VPC ${d.vpcId} is not in the import`);
      continue;
    }
    const sg: SecurityGroup = { id: d.id, vpcId: d.vpcId, inbound: [], outbound: [] };
    if (d.name !== undefined) sg.name = d.name;
    out.securityGroups.push(sg);
    cx.securityGroups.set(d.id, sg);
    rs.keep(d.id, 'securityGroups');
  }
}

/** AWS peering status codes the format has no word for, and the nearest one. */
const PEERING_STATUS: Readonly<Record<string, VpcPeeringConnection['status']>> = {
  active: 'active',
  'pending-acceptance': 'pending-acceptance',
  rejected: 'rejected',
  deleted: 'deleted',
  failed: 'failed',
  expired: 'expired',
  provisioning: 'provisioning',
  'initiating-request': 'provisioning',
  deleting: 'deleted',
};

/** Peerings whose two VPCs are both kept, with statuses mapped to the format's. */
export function resolvePeerings(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.peerings.entries.values()) {
    const where = { file: origin.file, path: origin.path, rid: d.id };
    const missing = [d.requesterVpcId, d.accepterVpcId].filter((v) => !rs.has(v, 'vpcs'));
    if (missing.length > 0) {
      const gone = missing.filter((v) => st.leftOut.has(v));
      st.r.warning(
        gone.length > 0 ? 'IMPORT_AWS_DEPENDENCY_LEFT_OUT' : 'IMPORT_AWS_PEER_OUTSIDE_IMPORT',
        where,
        `${origin.file}: VPC peering connection ${d.id} joins ${d.requesterVpcId} and ${d.accepterVpcId}, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not in the import (another account or Region not collected?); the peering is left out and routes to it stop there`,
      );
      rs.drop(d.id, `VPC ${missing.join(' and ')} of the peering is not in the import`);
      continue;
    }
    const status = PEERING_STATUS[d.status];
    const pcx: VpcPeeringConnection = { id: d.id, requesterVpcId: d.requesterVpcId, accepterVpcId: d.accepterVpcId };
    if (d.name !== undefined) pcx.name = d.name;
    if (status === undefined) {
      st.r.warning(
        'IMPORT_AWS_FIELD_VALUE',
        where,
        `${origin.file}: VPC peering connection ${d.id} has status ${JSON.stringify(d.status)}; it is treated as failed`,
      );
      pcx.status = 'failed';
    } else {
      if (status !== d.status) {
        st.r.warning(
          'IMPORT_AWS_STATE_MAPPED',
          where,
          `${origin.file}: VPC peering connection ${d.id} is ${d.status}; it is imported as ${status}`,
        );
      }
      if (status !== 'active') pcx.status = status;
    }
    out.vpcPeeringConnections.push(pcx);
    rs.keep(d.id, 'vpcPeeringConnections');
  }
}

/** Endpoints: VPC, subnets, route tables and groups checked; gateway routes added by resolveRoutes. */
export function resolveEndpoints(cx: Ctx): void {
  const { st, rs, out } = cx;
  for (const { value: d, origin } of st.endpoints.entries.values()) {
    const from = fromOrigin(origin, d.id, `VPC endpoint ${d.id}`);
    if (!rs.check(d.vpcId, 'vpcs', ['Vpcs'], from, 'the endpoint is left out')) {
      rs.drop(d.id, `its VPC ${d.vpcId} is not in the import`);
      continue;
    }
    const e: VpcEndpoint = { id: d.id, vpcId: d.vpcId, type: d.type, service: d.service };
    if (d.name !== undefined) e.name = d.name;
    if (d.type === 'gateway') {
      const tables = rs.filter(
        d.routeTableIds,
        'routeTables',
        ['RouteTables'],
        from,
        'the route table is dropped from the endpoint',
      );
      e.routeTableIds = tables;
    } else {
      e.subnetIds = rs.filter(d.subnetIds, 'subnets', ['Subnets'], from, 'the subnet is dropped from the endpoint');
      e.securityGroupIds = rs.filter(
        d.securityGroupIds,
        'securityGroups',
        ['SecurityGroups'],
        from,
        'the group is dropped from the endpoint',
      );
    }
    out.vpcEndpoints.push(e);
    cx.endpoints.set(d.id, e);
    rs.keep(d.id, 'vpcEndpoints');
  }
}
