// Maps describe-security-groups items, splitting each permission into one rule per peer as the format requires.
import type { SgRuleBase } from '../../model/index.ts';
import type { SecurityGroupDraft, SgRuleDraft } from './drafts.ts';
import type { Rec } from './fields.ts';
import type { InputFile } from './recognise.ts';
import type { ImportState } from './state.ts';
import {
  badRuleValue,
  checkCidr,
  ICMP_PROTOCOLS,
  portsText,
  PORTED_PROTOCOLS,
  protocolOf,
  validPorts,
} from './values.ts';

/** Protocol and ports of one IpPermission, or undefined when unreadable. */
function permissionBase(perm: Rec): SgRuleBase | undefined {
  const protoText = perm.str('IpProtocol', 'the permission is left out');
  if (protoText === undefined) return undefined;
  const protocol = protocolOf(protoText);
  if (protocol === undefined) {
    badRuleValue(perm, 'IpProtocol', `has protocol ${JSON.stringify(protoText)}`);
    return undefined;
  }
  const base: SgRuleBase = { protocol };
  const from = perm.int('FromPort');
  const to = perm.int('ToPort');
  if (PORTED_PROTOCOLS.has(protocol)) {
    if (from !== undefined && to !== undefined && !(from === -1 && to === -1)) {
      if (!validPorts(from, to)) {
        badRuleValue(perm, 'FromPort', `has port range ${from}-${to}`);
        return undefined;
      }
      const ports = portsText(from, to);
      if (ports !== undefined) base.ports = ports;
    }
  } else if (ICMP_PROTOCOLS.has(protocol)) {
    // For ICMP, FromPort is the type and ToPort the code; -1 means any.
    if (from !== undefined && from >= 0 && from <= 255) {
      base.icmpType = from;
      if (to !== undefined && to >= 0 && to <= 255) base.icmpCode = to;
    }
  }
  return base;
}

/** The peers of one permission, one rule each. */
function permissionRules(perm: Rec, base: SgRuleBase, permPath: string): SgRuleDraft[] {
  const out: SgRuleDraft[] = [];
  const push = (peer: string, description: string | undefined, at: string) => {
    const rule: SgRuleBase = { ...base };
    if (description !== undefined) rule.description = description;
    out.push({ base: rule, peer, at });
  };
  perm.records('IpRanges').forEach((range, i) => {
    const raw = range.str('CidrIp', 'the peer is left out');
    const cidr = raw === undefined ? undefined : checkCidr(range, 'CidrIp', raw, 4, 'the peer is left out');
    if (cidr !== undefined) push(cidr, range.str('Description'), `${permPath}.IpRanges[${i}]`);
  });
  perm.records('Ipv6Ranges').forEach((range, i) => {
    const raw = range.str('CidrIpv6', 'the peer is left out');
    const cidr = raw === undefined ? undefined : checkCidr(range, 'CidrIpv6', raw, 6, 'the peer is left out');
    if (cidr !== undefined) push(cidr, range.str('Description'), `${permPath}.Ipv6Ranges[${i}]`);
  });
  perm.records('PrefixListIds').forEach((pl, i) => {
    const id = pl.str('PrefixListId', 'the peer is left out');
    if (id !== undefined) push(id, pl.str('Description'), `${permPath}.PrefixListIds[${i}]`);
  });
  perm.records('UserIdGroupPairs').forEach((pair, i) => {
    const id = pair.str('GroupId', 'the peer is left out');
    if (id === undefined) return;
    // A peer that is no group id would read as a CIDR or another resource in the format.
    if (!/^sg-[0-9a-zA-Z]+$/.test(id))
      badRuleValue(pair, 'GroupId', `names ${JSON.stringify(id)}, which is no group id`);
    else push(id, pair.str('Description'), `${permPath}.UserIdGroupPairs[${i}]`);
  });
  return out;
}

function permissions(rec: Rec, key: 'IpPermissions' | 'IpPermissionsEgress'): SgRuleDraft[] {
  const out: SgRuleDraft[] = [];
  rec.records(key).forEach((perm, i) => {
    perm.label = `${rec.label} ${key}[${i}]`;
    const base = permissionBase(perm);
    if (base) out.push(...permissionRules(perm, base, `${key}[${i}]`));
  });
  return out;
}

/** One item of describe-security-groups. */
export function mapSecurityGroup(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('GroupId', 'security group');
  if (id === undefined) return;
  const vpcId = rec.str('VpcId', 'the security group is left out');
  if (vpcId === undefined) return;
  const draft: SecurityGroupDraft = { id, vpcId, inbound: permissions(rec, 'IpPermissions'), outbound: [] };
  draft.outbound = permissions(rec, 'IpPermissionsEgress');
  const name = rec.name() ?? rec.str('GroupName');
  if (name !== undefined) draft.name = name;
  st.securityGroups.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
}
