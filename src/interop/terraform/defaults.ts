/**
 * The resources AWS creates by itself (a VPC's main route table, default NACL and default security
 * group; a transit gateway's default route table) and the lookups that find them. Terraform often
 * leaves them unmanaged yet refers to them (`aws_vpc.main.main_route_table_id`), so a document
 * resource is made for one the first time something needs it, with AWS's initial contents.
 */
import type { NaclRule, SgOutboundRule } from '../../model/index.ts';
import type { MapContext } from './context.ts';

/** The VPC a reference stands for: the VPC itself (a plan resolves `aws_vpc.x.default_*_id` to it) or one of its default ids. */
export function vpcOfDefault(cx: MapContext, id: string): string | undefined {
  return cx.is('vpcs', id) ? id : cx.vpcByDefaultId.get(id);
}

/** A route table id, or the VPC main/default table a reference names (made on first use). */
export function routeTableFor(cx: MapContext, id: string): string | undefined {
  if (cx.is('routeTables', id)) return id;
  const vpc = vpcOfDefault(cx, id);
  if (vpc === undefined) return undefined;
  const known = cx.defaultRouteTableOfVpc.get(vpc);
  if (known !== undefined) return known;
  const d = cx.vpcDefaults.get(vpc);
  const rtId = d?.defaultRouteTableId ?? d?.mainRouteTableId ?? `${vpc}/rtb-main`;
  if (!cx.claim('routeTables', { id: rtId, vpcId: vpc, name: 'Main route table', routes: [] }, cx.addressOf(vpc))) {
    return undefined;
  }
  cx.defaultRouteTableOfVpc.set(vpc, rtId);
  created(cx, vpc, `its main route table ${rtId}`);
  return rtId;
}

/** AWS's rules of a default network ACL: allow everything (IPv6 too when the VPC has it). */
function defaultNaclRules(cx: MapContext, vpc: string): NaclRule[] {
  const rules: NaclRule[] = [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }];
  if ((cx.items.vpcs.get(vpc)?.ipv6CidrBlocks?.length ?? 0) > 0) {
    rules.push({ ruleNumber: 101, protocol: 'all', cidr: '::/0', action: 'allow' });
  }
  return rules;
}

/** A network ACL id, or the VPC default NACL a reference names (made on first use). */
export function naclFor(cx: MapContext, id: string): string | undefined {
  if (cx.is('networkAcls', id)) return id;
  const vpc = vpcOfDefault(cx, id);
  if (vpc === undefined) return undefined;
  const known = cx.defaultNaclOfVpc.get(vpc);
  if (known !== undefined) return known;
  const aclId = cx.vpcDefaults.get(vpc)?.defaultNetworkAclId ?? `${vpc}/acl-default`;
  const acl = {
    id: aclId,
    vpcId: vpc,
    name: 'Default network ACL',
    default: true,
    inbound: defaultNaclRules(cx, vpc),
    outbound: defaultNaclRules(cx, vpc),
  };
  if (!cx.claim('networkAcls', acl, cx.addressOf(vpc))) return undefined;
  for (const [side, rules] of [
    ['inbound', acl.inbound],
    ['outbound', acl.outbound],
  ] as const) {
    for (const r of rules) cx.seen.set(`${aclId}\u0000${side}\u0000${r.ruleNumber}`, JSON.stringify(r));
  }
  cx.defaultNaclOfVpc.set(vpc, aclId);
  created(cx, vpc, `its default network ACL ${aclId}`);
  return aclId;
}

/** A security group id, or the VPC default group a reference names (made on first use). */
export function sgFor(cx: MapContext, id: string): string | undefined {
  if (cx.is('securityGroups', id)) return id;
  const vpc = vpcOfDefault(cx, id);
  return vpc === undefined ? undefined : defaultSgOf(cx, vpc);
}

/** The VPC's default security group: members reach each other, all outbound traffic allowed. */
export function defaultSgOf(cx: MapContext, vpc: string): string | undefined {
  const known = cx.defaultSgOfVpc.get(vpc);
  if (known !== undefined) return known;
  if (!cx.is('vpcs', vpc)) return undefined;
  // Not `<vpc>/...` as elsewhere: a security group id is also a rule peer, where a slash means a CIDR block.
  const sgId = cx.vpcDefaults.get(vpc)?.defaultSecurityGroupId ?? `${vpc.replaceAll('/', '_')}:sg-default`;
  const outbound: SgOutboundRule[] = [{ protocol: 'all', destination: '0.0.0.0/0' }];
  if ((cx.items.vpcs.get(vpc)?.ipv6CidrBlocks?.length ?? 0) > 0)
    outbound.push({ protocol: 'all', destination: '::/0' });
  const sg = { id: sgId, vpcId: vpc, name: 'default', inbound: [{ protocol: 'all', source: sgId }], outbound };
  if (!cx.claim('securityGroups', sg, cx.addressOf(vpc))) return undefined;
  cx.firstRule(sgId, ruleKey('inbound', { protocol: 'all' }, sgId));
  for (const r of outbound) cx.firstRule(sgId, ruleKey('outbound', { protocol: 'all' }, r.destination));
  cx.defaultSgOfVpc.set(vpc, sgId);
  cx.sgByName.set(`${vpc}\u0000default`, sgId);
  created(cx, vpc, `its default security group ${sgId}`);
  return sgId;
}

/** The key that makes two security group rules the same rule. */
export function ruleKey(
  side: 'inbound' | 'outbound',
  base: { protocol: string; ports?: string; icmpType?: number; icmpCode?: number },
  peer: string,
): string {
  return JSON.stringify([side, base.protocol, base.ports ?? '', base.icmpType ?? -1, base.icmpCode ?? -1, peer]);
}

/**
 * A transit gateway route table id, or a transit gateway's default table that a reference names (a
 * plan resolves `aws_ec2_transit_gateway.x.association_default_route_table_id` to the gateway).
 */
export function tgwTableFor(cx: MapContext, id: string): string | undefined {
  if (cx.is('transitGatewayRouteTables', id)) return id;
  if (cx.is('transitGateways', id)) return defaultTgwTable(cx, id, 'association');
  const tgw = cx.tgwByDefaultTableId.get(id);
  if (tgw === undefined) return undefined;
  const d = cx.tgwDefaults.get(tgw);
  return defaultTgwTable(cx, tgw, d?.associationTableId === id ? 'association' : 'propagation');
}

/**
 * The default association or propagation table of a transit gateway (AWS creates one table for both
 * when either option is enabled), made on first use. Undefined when the option is off and no id is known.
 */
export function defaultTgwTable(cx: MapContext, tgw: string, which: 'association' | 'propagation'): string | undefined {
  const d = cx.tgwDefaults.get(tgw);
  if (d === undefined) return undefined;
  let id = which === 'association' ? d.associationTableId : d.propagationTableId;
  if (id === undefined) {
    if (!(which === 'association' ? d.association : d.propagation)) return undefined;
    id = (which === 'association' ? d.propagationTableId : d.associationTableId) ?? `${tgw}/tgw-rtb-default`;
    if (which === 'association') d.associationTableId = id;
    else d.propagationTableId = id;
    cx.tgwByDefaultTableId.set(id, tgw);
  }
  if (cx.is('transitGatewayRouteTables', id)) return id;
  const table = {
    id,
    transitGatewayId: tgw,
    name: 'Default route table',
    associations: [],
    propagations: [],
    routes: [],
  };
  if (!cx.claim('transitGatewayRouteTables', table, cx.addressOf(tgw))) return undefined;
  created(cx, tgw, `its default route table ${id}`);
  return id;
}

function created(cx: MapContext, ownerId: string, what: string): void {
  const address = cx.addressOf(ownerId);
  cx.report(
    'IMPORT_TF_DEFAULT_CREATED',
    'warning',
    address,
    `${address} has ${what}, which AWS created and Terraform does not manage; it was added with AWS's initial settings`,
  );
}
