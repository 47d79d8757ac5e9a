// Terraform blocks for the addressing, routing and filtering part of a document: VPCs and their CIDRs,
// subnets, gateways, route tables and routes, network ACLs, security groups, prefix lists.
import { cidrContainsCidr, parseCidr, parsePortRange } from '../../lib/index.ts';
import type { NaclRule, NetworkAcl, Route, RouteTable, SecurityGroup, SgRuleBase } from '../../model/index.ts';
import type { ExportContext } from './context.ts';
import { attr, block, bool, list, num, object, ref, str, type HclExpr, type HclItem } from './hcl-writer.ts';

/** `tags = { Name = ... }` (and vpcsim's own facts Terraform has no argument for), or nothing. */
export function tagItems(name: string | undefined, extra: [string, string][] = []): HclItem[] {
  const entries: [string, HclExpr][] = [];
  if (name !== undefined && name !== '') entries.push(['Name', str(name)]);
  for (const [k, v] of extra) entries.push([k, str(v)]);
  return entries.length === 0 ? [] : [attr('tags', object(entries))];
}

/** Whether `text` is an IPv6 CIDR or address (the family decides the Terraform argument). */
export function isIpv6(text: string): boolean {
  return text.includes(':');
}

/** A slug of a CIDR or prefix list for helper names: `0.0.0.0/0` reads as `ipv4_default`. */
export function destinationPart(destination: string): string {
  if (destination === '0.0.0.0/0') return 'ipv4_default';
  if (destination === '::/0') return 'ipv6_default';
  return destination.replace(/^pl-/, '');
}

// --- VPCs, subnets, gateways -----------------------------------------------------------------------

export function emitVpcs(cx: ExportContext): void {
  for (const vpc of cx.t.vpcs ?? []) {
    const name = cx.nameOf(vpc.id);
    const region = cx.vpcRegion(vpc.id);
    const [primary, ...extra] = vpc.cidrBlocks;
    const [primary6, ...extra6] = vpc.ipv6CidrBlocks ?? [];
    if (primary === undefined) cx.note(`VPC ${vpc.id} has no IPv4 CIDR; AWS requires one, so its aws_vpc has none.`);
    cx.resource('aws_vpc', name, [
      ...cx.providerItems(region),
      ...(primary === undefined ? [] : [attr('cidr_block', str(primary))]),
      ...(primary6 === undefined ? [] : [attr('ipv6_cidr_block', str(primary6))]),
      ...tagItems(vpc.name),
    ]);
    extra.forEach((cidr, i) => {
      const n = cx.claimHelper('aws_vpc_ipv4_cidr_block_association', [name, 'cidr', String(i + 2)], name);
      cx.resource('aws_vpc_ipv4_cidr_block_association', n, [
        ...cx.providerItems(region),
        attr('vpc_id', cx.refTo(vpc.id)),
        attr('cidr_block', str(cidr)),
      ]);
      cx.cidrAssociations.push({ vpcId: vpc.id, cidr, address: `aws_vpc_ipv4_cidr_block_association.${n}` });
    });
    extra6.forEach((cidr, i) => {
      const n = cx.claimHelper('aws_vpc_ipv6_cidr_block_association', [name, 'ipv6', String(i + 2)], name);
      cx.resource('aws_vpc_ipv6_cidr_block_association', n, [
        ...cx.providerItems(region),
        attr('vpc_id', cx.refTo(vpc.id)),
        attr('ipv6_cidr_block', str(cidr)),
      ]);
      cx.cidrAssociations.push({ vpcId: vpc.id, cidr, address: `aws_vpc_ipv6_cidr_block_association.${n}` });
    });
  }
}

export function emitGateways(cx: ExportContext): void {
  for (const igw of cx.t.internetGateways ?? []) {
    cx.resource('aws_internet_gateway', cx.nameOf(igw.id), [
      ...cx.providerItems(cx.vpcRegion(igw.vpcId)),
      ...(igw.vpcId === null ? [] : [attr('vpc_id', cx.refTo(igw.vpcId))]),
      ...tagItems(igw.name),
    ]);
  }
  for (const eigw of cx.t.egressOnlyInternetGateways ?? []) {
    if (eigw.vpcId === null) continue;
    cx.resource('aws_egress_only_internet_gateway', cx.nameOf(eigw.id), [
      ...cx.providerItems(cx.vpcRegion(eigw.vpcId)),
      attr('vpc_id', cx.refTo(eigw.vpcId)),
      ...tagItems(eigw.name),
    ]);
  }
}

export function emitSubnets(cx: ExportContext): void {
  for (const s of cx.t.subnets ?? []) {
    // A subnet in a secondary CIDR can only be created once that CIDR is associated.
    const needs = cx.cidrAssociations.filter((a) => {
      const inner = s.cidrBlock ?? s.ipv6CidrBlock;
      if (a.vpcId !== s.vpcId || inner === undefined) return false;
      const outer = parseCidr(a.cidr);
      const sub = parseCidr(inner);
      return outer.ok && sub.ok && outer.value.family === sub.value.family && cidrContainsCidr(outer.value, sub.value);
    });
    cx.resource('aws_subnet', cx.nameOf(s.id), [
      ...cx.providerItems(cx.vpcRegion(s.vpcId)),
      attr('vpc_id', cx.refTo(s.vpcId)),
      attr('availability_zone', str(s.availabilityZone)),
      ...(s.cidrBlock === undefined ? [] : [attr('cidr_block', str(s.cidrBlock))]),
      ...(s.ipv6CidrBlock === undefined ? [] : [attr('ipv6_cidr_block', str(s.ipv6CidrBlock))]),
      ...(s.cidrBlock === undefined && s.ipv6CidrBlock !== undefined ? [attr('ipv6_native', bool(true))] : []),
      ...(s.mapPublicIpOnLaunch === true ? [attr('map_public_ip_on_launch', bool(true))] : []),
      ...tagItems(s.name),
      ...(needs.length === 0 ? [] : [attr('depends_on', list(needs.map((a) => ref(a.address))))]),
    ]);
  }
}

// --- Route tables ----------------------------------------------------------------------------------

/** The aws_route argument that names a target of the kind the document resource `target` is. */
const TARGET_ARGUMENT: Record<string, string> = {
  internetGateways: 'gateway_id',
  egressOnlyInternetGateways: 'egress_only_gateway_id',
  natGateways: 'nat_gateway_id',
  vpcPeeringConnections: 'vpc_peering_connection_id',
  transitGateways: 'transit_gateway_id',
  vpcEndpoints: 'vpc_endpoint_id',
  networkInterfaces: 'network_interface_id',
};

/** For a target that names nothing: the argument its AWS id prefix suggests (the route stays a blackhole). */
const PREFIX_ARGUMENT: [string, string][] = [
  ['nat-', 'nat_gateway_id'],
  ['eigw-', 'egress_only_gateway_id'],
  ['igw-', 'gateway_id'],
  ['pcx-', 'vpc_peering_connection_id'],
  ['tgw-', 'transit_gateway_id'],
  ['vpce-', 'vpc_endpoint_id'],
  ['eni-', 'network_interface_id'],
];

/** The `<target argument> = <reference>` of a route, or undefined for `local`. */
function routeTarget(cx: ExportContext, rt: RouteTable, route: Route): HclItem | undefined {
  const target = route.target;
  if (target === 'local') return undefined;
  const hit = cx.byId.get(target);
  if (hit && TARGET_ARGUMENT[hit.array] !== undefined) {
    const argument = TARGET_ARGUMENT[hit.array] ?? 'gateway_id';
    if (cx.addresses[target] === undefined) {
      cx.note(
        `Route ${route.destination} of route table ${rt.id} targets ${target}, which is not exported; the route keeps its id and stays a blackhole.`,
      );
    }
    return attr(argument, cx.refTo(target));
  }
  // An instance (or its primary interface) is reached through the primary network interface.
  const instance = cx.instanceOfTarget(target);
  if (instance !== undefined) return attr('network_interface_id', cx.refTo(instance, 'primary_network_interface_id'));
  const argument = PREFIX_ARGUMENT.find(([p]) => target.startsWith(p))?.[1] ?? 'gateway_id';
  if (hit === undefined) {
    cx.note(`Route ${route.destination} of route table ${rt.id} targets ${target}, which names nothing (a blackhole).`);
  } else {
    cx.note(`Route ${route.destination} of route table ${rt.id} targets ${target}, which cannot be a route target.`);
  }
  return attr(argument, str(target));
}

function destinationItem(cx: ExportContext, destination: string, region: string): HclItem {
  if (destination.includes('/')) {
    return attr(isIpv6(destination) ? 'destination_ipv6_cidr_block' : 'destination_cidr_block', str(destination));
  }
  return attr('destination_prefix_list_id', cx.prefixListRef(destination, region));
}

export function emitRouteTables(cx: ExportContext): void {
  const mainOf = new Set<string>();
  for (const rt of cx.t.routeTables ?? []) {
    const name = cx.nameOf(rt.id);
    const region = cx.vpcRegion(rt.vpcId);
    const provider = cx.providerItems(region);
    const vpc = cx.t.vpcs?.find((v) => v.id === rt.vpcId);
    const vpcCidrs = new Set([...(vpc?.cidrBlocks ?? []), ...(vpc?.ipv6CidrBlocks ?? [])]);
    cx.resource('aws_route_table', name, [...provider, attr('vpc_id', cx.refTo(rt.vpcId)), ...tagItems(rt.name)]);
    for (const route of rt.routes) {
      const target = routeTarget(cx, rt, route);
      if (target === undefined) {
        if (!vpcCidrs.has(route.destination)) {
          cx.note(
            `Route ${route.destination} -> local of route table ${rt.id} is not a VPC CIDR; Terraform cannot declare it, so it is left out.`,
          );
        }
        continue;
      }
      if (route.propagated === true) {
        cx.note(
          `Route ${route.destination} of route table ${rt.id} is propagated; it is exported as a static route, which wins over a propagated one on an identical destination.`,
        );
      }
      const n = cx.claimHelper('aws_route', [name, destinationPart(route.destination)], name);
      cx.resource('aws_route', n, [
        ...provider,
        attr('route_table_id', cx.refTo(rt.id)),
        destinationItem(cx, route.destination, region),
        target,
      ]);
    }
    for (const sid of rt.subnetIds ?? []) {
      const n = cx.claimHelper('aws_route_table_association', [name, cx.nameOf(sid)], name);
      cx.resource('aws_route_table_association', n, [
        ...provider,
        attr('subnet_id', cx.refTo(sid)),
        attr('route_table_id', cx.refTo(rt.id)),
      ]);
    }
    for (const gid of rt.gatewayIds ?? []) {
      const n = cx.claimHelper('aws_route_table_association', [name, cx.nameOf(gid)], name);
      cx.resource('aws_route_table_association', n, [
        ...provider,
        attr('gateway_id', cx.refTo(gid)),
        attr('route_table_id', cx.refTo(rt.id)),
      ]);
    }
    if (rt.main === true) {
      if (mainOf.has(rt.vpcId)) {
        cx.note(`Route table ${rt.id} is a second main table of VPC ${rt.vpcId}; only the first one is made main.`);
        continue;
      }
      mainOf.add(rt.vpcId);
      cx.resource(
        'aws_main_route_table_association',
        cx.claimHelper('aws_main_route_table_association', [name], name),
        [...provider, attr('vpc_id', cx.refTo(rt.vpcId)), attr('route_table_id', cx.refTo(rt.id))],
      );
    }
  }
}

// --- Network ACLs ----------------------------------------------------------------------------------

/** A protocol of the document as AWS's NACL API spells it: a name for tcp/udp/icmp, otherwise a number. */
function naclProtocol(protocol: string): string {
  if (protocol === 'all') return '-1';
  if (protocol === 'icmpv6') return '58';
  return protocol;
}

function isPortProtocol(protocol: string): boolean {
  return ['tcp', 'udp', '6', '17'].includes(protocol);
}

function isIcmpProtocol(protocol: string): boolean {
  return ['icmp', 'icmpv6', '1', '58'].includes(protocol);
}

function portsOf(ports: string | undefined): { from: number; to: number } {
  return (ports === undefined ? undefined : parsePortRange(ports)) ?? { from: 0, to: 65535 };
}

/** The arguments of one NACL rule shared by aws_network_acl_rule and the blocks of aws_default_network_acl. */
function naclRuleItems(rule: NaclRule, inline: boolean): HclItem[] {
  const items: HclItem[] = [attr('protocol', str(naclProtocol(rule.protocol)))];
  items.push(attr(inline ? 'action' : 'rule_action', str(rule.action)));
  items.push(attr(isIpv6(rule.cidr) ? 'ipv6_cidr_block' : 'cidr_block', str(rule.cidr)));
  if (isPortProtocol(rule.protocol)) {
    const p = portsOf(rule.ports);
    items.push(attr('from_port', num(p.from)), attr('to_port', num(p.to)));
  } else if (inline) {
    // The inline blocks require ports; AWS ignores them for protocols without ports.
    items.push(attr('from_port', num(0)), attr('to_port', num(0)));
  }
  if (isIcmpProtocol(rule.protocol)) {
    items.push(attr('icmp_type', num(rule.icmpType ?? -1)), attr('icmp_code', num(rule.icmpCode ?? -1)));
  }
  return items;
}

function emitDefaultNacl(cx: ExportContext, acl: NetworkAcl, name: string, provider: HclItem[]): void {
  const vpcAddress = cx.addresses[acl.vpcId];
  const rules = (direction: 'ingress' | 'egress', list_: NaclRule[]): HclItem[] =>
    list_.map((r) => block(direction, [], [attr('rule_no', num(r.ruleNumber)), ...naclRuleItems(r, true)]));
  cx.resource('aws_default_network_acl', name, [
    ...provider,
    attr(
      'default_network_acl_id',
      vpcAddress === undefined ? str(acl.id) : ref(`${vpcAddress}.default_network_acl_id`),
    ),
    ...((acl.subnetIds ?? []).length === 0
      ? []
      : [attr('subnet_ids', list((acl.subnetIds ?? []).map((s) => cx.refTo(s))))]),
    ...rules('ingress', acl.inbound),
    ...rules('egress', acl.outbound),
    ...tagItems(acl.name),
  ]);
}

export function emitNetworkAcls(cx: ExportContext): void {
  for (const acl of cx.t.networkAcls ?? []) {
    const name = cx.nameOf(acl.id);
    const provider = cx.providerItems(cx.vpcRegion(acl.vpcId));
    if (cx.addresses[acl.id]?.startsWith('aws_default_network_acl.') === true) {
      emitDefaultNacl(cx, acl, name, provider);
      continue;
    }
    cx.resource('aws_network_acl', name, [...provider, attr('vpc_id', cx.refTo(acl.vpcId)), ...tagItems(acl.name)]);
    for (const [egress, rules] of [
      [false, acl.inbound],
      [true, acl.outbound],
    ] as const) {
      for (const rule of rules) {
        const n = cx.claimHelper('aws_network_acl_rule', [name, egress ? 'out' : 'in', String(rule.ruleNumber)], name);
        cx.resource('aws_network_acl_rule', n, [
          ...provider,
          attr('network_acl_id', cx.refTo(acl.id)),
          attr('rule_number', num(rule.ruleNumber)),
          attr('egress', bool(egress)),
          ...naclRuleItems(rule, false),
        ]);
      }
    }
    for (const sid of acl.subnetIds ?? []) {
      const n = cx.claimHelper('aws_network_acl_association', [name, cx.nameOf(sid)], name);
      cx.resource('aws_network_acl_association', n, [
        ...provider,
        attr('network_acl_id', cx.refTo(acl.id)),
        attr('subnet_id', cx.refTo(sid)),
      ]);
    }
  }
}

// --- Security groups -------------------------------------------------------------------------------

function sgProtocol(protocol: string): string {
  return protocol === 'all' ? '-1' : protocol;
}

/** The peer of a security group rule: a CIDR, a group, or a prefix list. */
function sgPeerItem(cx: ExportContext, sg: SecurityGroup, peer: string, region: string): HclItem {
  if (peer.includes('/')) return attr(isIpv6(peer) ? 'cidr_ipv6' : 'cidr_ipv4', str(peer));
  const hit = cx.byId.get(peer);
  if (hit?.array === 'securityGroups') return attr('referenced_security_group_id', cx.refTo(peer));
  if (hit?.array === 'prefixLists' || peer.startsWith('pl-')) {
    return attr('prefix_list_id', cx.prefixListRef(peer, region));
  }
  cx.note(
    `A rule of security group ${sg.id} names ${peer}, which is neither a group nor a prefix list; it is kept as a group id.`,
  );
  return attr('referenced_security_group_id', str(peer));
}

function sgRuleItems(rule: SgRuleBase): HclItem[] {
  const items: HclItem[] = [attr('ip_protocol', str(sgProtocol(rule.protocol)))];
  if (isPortProtocol(rule.protocol)) {
    const p = portsOf(rule.ports);
    items.push(attr('from_port', num(p.from)), attr('to_port', num(p.to)));
  } else if (isIcmpProtocol(rule.protocol)) {
    // For ICMP, AWS's from/to ports carry the type and the code (-1 = any).
    items.push(attr('from_port', num(rule.icmpType ?? -1)), attr('to_port', num(rule.icmpCode ?? -1)));
  }
  return items;
}

export function emitSecurityGroups(cx: ExportContext): void {
  for (const sg of cx.t.securityGroups ?? []) {
    const name = cx.nameOf(sg.id);
    const region = cx.vpcRegion(sg.vpcId);
    const provider = cx.providerItems(region);
    cx.resource('aws_security_group', name, [
      ...provider,
      attr('name', str(name)),
      attr('vpc_id', cx.refTo(sg.vpcId)),
      ...tagItems(sg.name),
    ]);
    const emitRule = (type: string, direction: string, index: string, items: HclItem[]): void => {
      cx.resource(type, cx.claimHelper(type, [name, direction, index], name), [
        ...provider,
        attr('security_group_id', cx.refTo(sg.id)),
        ...items,
      ]);
    };
    (sg.inbound ?? []).forEach((rule, i) => {
      emitRule('aws_vpc_security_group_ingress_rule', 'in', String(i + 1), [
        ...sgRuleItems(rule),
        sgPeerItem(cx, sg, rule.source, region),
        ...(rule.description === undefined ? [] : [attr('description', str(rule.description))]),
      ]);
    });
    const egressType = 'aws_vpc_security_group_egress_rule';
    if (sg.outbound === undefined) {
      // Terraform removes the allow-all egress rule AWS gives a new group, so vpcsim's default is spelled out.
      const vpc = cx.t.vpcs?.find((v) => v.id === sg.vpcId);
      emitRule(egressType, 'out', 'all_ipv4', [attr('ip_protocol', str('-1')), attr('cidr_ipv4', str('0.0.0.0/0'))]);
      if ((vpc?.ipv6CidrBlocks ?? []).length > 0) {
        emitRule(egressType, 'out', 'all_ipv6', [attr('ip_protocol', str('-1')), attr('cidr_ipv6', str('::/0'))]);
      }
      continue;
    }
    sg.outbound.forEach((rule, i) => {
      emitRule(egressType, 'out', String(i + 1), [
        ...sgRuleItems(rule),
        sgPeerItem(cx, sg, rule.destination, region),
        ...(rule.description === undefined ? [] : [attr('description', str(rule.description))]),
      ]);
    });
  }
}

// --- Prefix lists ----------------------------------------------------------------------------------

export function emitPrefixLists(cx: ExportContext): void {
  for (const pl of cx.t.prefixLists ?? []) {
    const name = cx.nameOf(pl.id);
    const regions = cx.prefixListRegions(pl.id);
    const region = regions[0] ?? cx.primaryRegion;
    if (regions.length > 1) {
      cx.note(
        `Prefix list ${pl.id} is used in several Regions (${regions.join(', ')}); a managed prefix list is regional, so it is declared in ${region} only.`,
      );
    }
    const family =
      pl.cidrs.some(isIpv6) && !pl.cidrs.every(isIpv6)
        ? 'mixed'
        : pl.cidrs.every(isIpv6) && pl.cidrs.length > 0
          ? 'IPv6'
          : 'IPv4';
    const kept = family === 'mixed' ? pl.cidrs.filter((c) => !isIpv6(c)) : pl.cidrs;
    if (family === 'mixed') {
      cx.note(
        `Prefix list ${pl.id} mixes IPv4 and IPv6 CIDRs; a managed prefix list holds one family, so only its IPv4 CIDRs are kept.`,
      );
    }
    cx.resource('aws_ec2_managed_prefix_list', name, [
      ...cx.providerItems(region),
      attr('name', str(name)),
      attr('address_family', str(family === 'IPv6' ? 'IPv6' : 'IPv4')),
      attr('max_entries', num(Math.max(1, kept.length))),
      ...kept.map((cidr) => block('entry', [], [attr('cidr', str(cidr))])),
      ...tagItems(pl.name),
    ]);
  }
}
