/**
 * Maps security groups and network ACLs with their inline rules and the separate rule and association
 * resources. AWS rules that list several peers are split into one rule per peer (format.md section 2).
 */
import type { NaclRule, NetworkAcl, RuleAction, SecurityGroup } from '../../model/index.ts';
import {
  dangling,
  icmpFields,
  missing,
  nameOf,
  need,
  prefixListRef,
  protocolOf,
  ruleBase,
  type RuleBase,
} from './common.ts';
import type { Entry, MapContext } from './context.ts';
import { naclFor, ruleKey, sgFor, vpcOfDefault } from './defaults.ts';
import type { Fields } from './fields.ts';

/** aws_security_group, aws_default_security_group: the group itself; rules come in a later step. */
export function mapSecurityGroup(cx: MapContext, e: Entry, f: Fields, isDefault: boolean): void {
  const vpcId = need(f, 'vpc_id', 'vpcs', 'a security group belongs to a VPC');
  if (vpcId === undefined) return;
  const groupName = f.str('name');
  // Terraform removes AWS's default outbound rule, so the group has exactly the rules it lists: `outbound: []` when none.
  const sg: SecurityGroup = { id: e.id, ...nameOf(e, f, groupName), vpcId, inbound: [], outbound: [] };
  if (!cx.claim('securityGroups', sg, e.address)) return;
  if (groupName !== undefined) cx.sgByName.set(`${vpcId}\u0000${groupName}`, sg.id);
  if (isDefault || cx.vpcByDefaultId.get(sg.id) === vpcId || groupName === 'default') {
    if (!cx.defaultSgOfVpc.has(vpcId)) cx.defaultSgOfVpc.set(vpcId, sg.id);
  }
}

/** The inline `ingress` and `egress` blocks of a security group. */
export function mapSecurityGroupRules(cx: MapContext, e: Entry, f: Fields): void {
  const sg = cx.items.securityGroups.get(e.id);
  if (!sg || cx.addressOf(sg.id) !== e.address) return;
  for (const [key, side] of [
    ['ingress', 'inbound'],
    ['egress', 'outbound'],
  ] as const) {
    for (const b of f.blocks(key)) {
      const base = ruleBase(b, { protocol: 'protocol', from: 'from_port', to: 'to_port' });
      if (base === undefined) continue;
      const peers = [
        ...cidrPeers(b, 'cidr_blocks', 4),
        ...cidrPeers(b, 'ipv6_cidr_blocks', 6),
        ...plPeers(b, 'prefix_list_ids'),
        ...b.strs('security_groups').map((s) => sgPeer(cx, s)),
        ...(b.bool('self') === true ? [sg.id] : []),
      ];
      addRules(cx, sg, side, base, peers, b);
    }
  }
}

function cidrPeers(f: Fields, key: string, family: 4 | 6): string[] {
  const out: string[] = [];
  for (const c of f.list(key)) {
    const ok = f.checkCidr(key, c, family);
    if (ok !== undefined) out.push(ok);
  }
  return out;
}

function plPeers(f: Fields, key: string): string[] {
  const out: string[] = [];
  for (const raw of f.list(key)) {
    const id = f.cx.resolve(raw);
    const pl = prefixListRef(f.cx, id);
    if (pl === undefined) dangling(f, key, id, 'prefixLists', 'the rule for it was left out');
    else out.push(pl);
  }
  return out;
}

/** A security group peer: `<account>/sg-...` (a group of another account) is just the group id. */
function sgPeer(cx: MapContext, raw: string): string {
  const id = cx.resolve(raw.replace(/^\d{12}\//, ''));
  return sgFor(cx, id) ?? id;
}

function addRules(
  cx: MapContext,
  sg: SecurityGroup,
  side: 'inbound' | 'outbound',
  base: RuleBase,
  peers: string[],
  f: Fields,
): void {
  if (peers.length === 0) {
    cx.report(
      'IMPORT_TF_FIELD_MISSING',
      'error',
      f.address,
      `the ${side} rule of ${sg.id} names no usable peer (CIDR block, prefix list or security group); it was left out`,
      f.prefix.replace(/\.$/, '') || undefined,
    );
    return;
  }
  const description = f.str('description');
  for (const peer of peers) {
    if (!cx.firstRule(sg.id, ruleKey(side, base, peer))) continue;
    const extra = description === undefined ? {} : { description };
    if (side === 'inbound') (sg.inbound ??= []).push({ ...base, source: peer, ...extra });
    else (sg.outbound ??= []).push({ ...base, destination: peer, ...extra });
  }
}

function groupOf(cx: MapContext, f: Fields): SecurityGroup | undefined {
  const raw = f.ref('security_group_id');
  if (raw === undefined) {
    missing(f, 'security_group_id', 'the rule names no group; it was left out');
    return undefined;
  }
  const id = sgFor(cx, raw);
  if (id === undefined) {
    dangling(f, 'security_group_id', raw, 'securityGroups', 'the rule was left out');
    return undefined;
  }
  return cx.items.securityGroups.get(id);
}

/** aws_security_group_rule */
export function mapSgRule(cx: MapContext, _e: Entry, f: Fields): void {
  const sg = groupOf(cx, f);
  if (!sg) return;
  const type = f.str('type');
  if (type !== 'ingress' && type !== 'egress') {
    f.invalid(
      'type',
      `is ${type === undefined ? 'missing' : `"${type}"`}: expected ingress or egress; the rule was left out`,
    );
    return;
  }
  const base = ruleBase(f, { protocol: 'protocol', from: 'from_port', to: 'to_port' });
  if (base === undefined) return;
  const source = f.str('source_security_group_id');
  const peers = [
    ...cidrPeers(f, 'cidr_blocks', 4),
    ...cidrPeers(f, 'ipv6_cidr_blocks', 6),
    ...plPeers(f, 'prefix_list_ids'),
    ...(source === undefined ? [] : [sgPeer(cx, source)]),
    ...(f.bool('self') === true ? [sg.id] : []),
  ];
  addRules(cx, sg, type === 'ingress' ? 'inbound' : 'outbound', base, peers, f);
}

/** aws_vpc_security_group_ingress_rule, aws_vpc_security_group_egress_rule: one peer each. */
export function mapVpcSgRule(cx: MapContext, _e: Entry, f: Fields, side: 'inbound' | 'outbound'): void {
  const sg = groupOf(cx, f);
  if (!sg) return;
  const base = ruleBase(f, { protocol: 'ip_protocol', from: 'from_port', to: 'to_port' });
  if (base === undefined) return;
  const ref = f.str('referenced_security_group_id');
  const peers = [
    ...cidrPeers(f, 'cidr_ipv4', 4),
    ...cidrPeers(f, 'cidr_ipv6', 6),
    ...plPeers(f, 'prefix_list_id'),
    ...(ref === undefined ? [] : [sgPeer(cx, ref)]),
  ];
  addRules(cx, sg, side, base, peers, f);
}

/** aws_network_acl, aws_default_network_acl, with inline rules and subnet_ids. */
export function mapNetworkAcl(cx: MapContext, e: Entry, f: Fields, isDefault: boolean): void {
  let vpcId = f.ref('vpc_id');
  if (vpcId === undefined && isDefault) {
    const ref = f.ref('default_network_acl_id');
    if (ref !== undefined) vpcId = vpcOfDefault(cx, ref);
  }
  if (vpcId === undefined) {
    missing(f, 'vpc_id', 'a network ACL belongs to a VPC; the ACL was left out');
    return;
  }
  if (!cx.is('vpcs', vpcId)) {
    dangling(f, 'vpc_id', vpcId, 'vpcs', 'the ACL was left out');
    return;
  }
  if (isDefault && cx.defaultNaclOfVpc.has(vpcId)) {
    cx.report(
      'IMPORT_TF_CONFLICT',
      'error',
      e.address,
      `VPC ${vpcId} already has its default network ACL ${cx.defaultNaclOfVpc.get(vpcId) ?? ''}; this one was left out`,
    );
    return;
  }
  const acl: NetworkAcl = { id: e.id, ...nameOf(e, f), vpcId, inbound: [], outbound: [] };
  if (isDefault) acl.default = true;
  if (!cx.claim('networkAcls', acl, e.address)) return;
  if (isDefault) cx.defaultNaclOfVpc.set(vpcId, acl.id);
  for (const [key, side] of [
    ['ingress', 'inbound'],
    ['egress', 'outbound'],
  ] as const) {
    for (const b of f.blocks(key)) addNaclRule(cx, acl, side, b, { number: 'rule_no', action: 'action' });
  }
  for (const s of f.refs('subnet_ids')) associateNacl(cx, f, 'subnet_ids', s, acl.id, isDefault ? 1 : 2);
}

function addNaclRule(
  cx: MapContext,
  acl: NetworkAcl,
  side: 'inbound' | 'outbound',
  f: Fields,
  keys: { number: string; action: string },
): void {
  const ruleNumber = f.int(keys.number);
  if (ruleNumber === undefined || ruleNumber < 1 || ruleNumber > 32766) {
    if (ruleNumber === undefined) missing(f, keys.number, 'the rule was left out');
    else f.invalid(keys.number, `is ${ruleNumber}: rule numbers are 1-32766; the rule was left out`);
    return;
  }
  const action = f.str(keys.action)?.toLowerCase();
  if (action !== 'allow' && action !== 'deny') {
    f.invalid(
      keys.action,
      `is ${action === undefined ? 'missing' : `"${action}"`}: expected allow or deny; the rule was left out`,
    );
    return;
  }
  const cidr = f.cidr('cidr_block', 4) ?? f.cidr('ipv6_cidr_block', 6);
  if (cidr === undefined) {
    missing(f, 'cidr_block', 'a network ACL rule needs cidr_block or ipv6_cidr_block; the rule was left out');
    return;
  }
  const raw = f.text('protocol');
  const protocol = raw === undefined ? undefined : protocolOf(raw);
  if (protocol === undefined) {
    f.invalid(
      'protocol',
      `is ${raw === undefined ? 'missing' : `"${raw}"`}: expected tcp, udp, icmp, -1 or a protocol number; the rule was left out`,
    );
    return;
  }
  let base: RuleBase | undefined = { protocol };
  if (protocol === 'tcp' || protocol === 'udp') {
    base = ruleBase(f, { protocol: 'protocol', from: 'from_port', to: 'to_port' });
  } else if (protocol === 'icmp' || protocol === 'icmpv6') {
    const icmp = icmpFields(f, 'icmp_type', f.int('icmp_type'), 'icmp_code', f.int('icmp_code'));
    base = icmp === undefined ? undefined : { protocol, ...icmp };
  }
  if (base === undefined) return;
  const rule: NaclRule = { ruleNumber, ...base, cidr, action: action satisfies RuleAction };
  const key = `${acl.id}\u0000${side}\u0000${ruleNumber}`;
  const text = JSON.stringify(rule);
  const prior = cx.seen.get(key);
  if (prior !== undefined) {
    if (prior !== text) {
      cx.report(
        'IMPORT_TF_CONFLICT',
        'error',
        f.address,
        `${acl.id} already has ${side} rule ${ruleNumber} with other settings; a rule number is used once per direction, so this one was ignored`,
        f.prefix + keys.number,
      );
    }
    return;
  }
  cx.seen.set(key, text);
  (side === 'inbound' ? acl.inbound : acl.outbound).push(rule);
}

function aclOf(cx: MapContext, f: Fields): NetworkAcl | undefined {
  const raw = f.ref('network_acl_id');
  if (raw === undefined) {
    missing(f, 'network_acl_id', 'it was ignored');
    return undefined;
  }
  const id = naclFor(cx, raw);
  if (id === undefined) {
    dangling(f, 'network_acl_id', raw, 'networkAcls', 'it was ignored');
    return undefined;
  }
  return cx.items.networkAcls.get(id);
}

/** aws_network_acl_rule */
export function mapNetworkAclRule(cx: MapContext, _e: Entry, f: Fields): void {
  const acl = aclOf(cx, f);
  if (acl)
    addNaclRule(cx, acl, f.bool('egress') === true ? 'outbound' : 'inbound', f, {
      number: 'rule_number',
      action: 'rule_action',
    });
}

/** aws_network_acl_association */
export function mapNetworkAclAssociation(cx: MapContext, _e: Entry, f: Fields): void {
  const acl = aclOf(cx, f);
  const subnet = f.ref('subnet_id');
  if (!acl) return;
  if (subnet === undefined) missing(f, 'subnet_id', 'the association was ignored');
  else associateNacl(cx, f, 'subnet_id', subnet, acl.id, 3);
}

/** A subnet has one NACL: an explicit association beats a NACL's subnet_ids, which beats the default NACL's list. */
function associateNacl(cx: MapContext, f: Fields, key: string, subnet: string, nacl: string, priority: number): void {
  if (!cx.is('subnets', subnet)) {
    dangling(f, key, subnet, 'subnets', 'the association was ignored');
    return;
  }
  const prior = cx.subnetNacl.get(subnet);
  if (prior !== undefined && prior.nacl !== nacl) {
    cx.report(
      'IMPORT_TF_CONFLICT',
      'error',
      f.address,
      `subnet ${subnet} is also associated with ${prior.nacl} (${prior.address}); a subnet has one network ACL, so ${priority > prior.priority ? 'this association wins' : 'this association was ignored'}`,
      f.prefix + key,
    );
  }
  if (prior === undefined || priority > prior.priority)
    cx.subnetNacl.set(subnet, { nacl, priority, address: f.address });
}
