// Maps describe-network-acls items: entries become numbered rules; the implicit deny-all rules stay implicit.
import type { NaclRule } from '../../model/index.ts';
import type { NaclDraft } from './drafts.ts';
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

/** One NACL entry, or undefined when it is an implicit deny or cannot be read. */
function naclRule(rec: Rec): { egress: boolean; rule: NaclRule } | undefined {
  const ruleNumber = rec.int('RuleNumber', 'the rule is left out');
  // 32767 (IPv4) and 32768 (IPv6) are the implicit deny-all rules the format leaves implicit.
  if (ruleNumber === undefined || ruleNumber === 32767 || ruleNumber === 32768) return undefined;
  rec.label = `${rec.label} rule ${ruleNumber}`;
  if (ruleNumber < 1 || ruleNumber > 32766) {
    badRuleValue(rec, 'RuleNumber', `has rule number ${ruleNumber}, outside 1-32766`);
    return undefined;
  }
  const protoText = rec.str('Protocol', 'the rule is left out');
  const action = rec.str('RuleAction', 'the rule is left out');
  const egress = rec.bool('Egress');
  if (protoText === undefined || action === undefined) return undefined;
  if (egress === undefined) {
    rec.r.error(
      'IMPORT_AWS_FIELD_MISSING',
      rec.at('Egress'),
      `${rec.file}: ${rec.label} has no Egress flag; the rule is left out`,
    );
    return undefined;
  }
  const protocol = protocolOf(protoText);
  if (protocol === undefined) {
    badRuleValue(rec, 'Protocol', `has protocol ${JSON.stringify(protoText)}`);
    return undefined;
  }
  if (action !== 'allow' && action !== 'deny') {
    badRuleValue(rec, 'RuleAction', `has action ${JSON.stringify(action)}`);
    return undefined;
  }
  const v4 = rec.str('CidrBlock');
  const v6 = rec.str('Ipv6CidrBlock');
  const raw = v4 ?? v6;
  const key = v4 !== undefined ? 'CidrBlock' : 'Ipv6CidrBlock';
  if (raw === undefined) {
    rec.r.error(
      'IMPORT_AWS_FIELD_MISSING',
      rec.at('CidrBlock'),
      `${rec.file}: ${rec.label} has no CidrBlock or Ipv6CidrBlock; the rule is left out`,
    );
    return undefined;
  }
  const cidr = checkCidr(rec, key, raw, v4 !== undefined ? 4 : 6, 'the rule is left out');
  if (cidr === undefined) return undefined;
  const rule: NaclRule = { ruleNumber, protocol, cidr, action };
  if (PORTED_PROTOCOLS.has(protocol)) {
    const range = rec.obj('PortRange');
    const from = range?.int('From');
    const to = range?.int('To');
    if (from !== undefined && to !== undefined) {
      if (!validPorts(from, to)) {
        badRuleValue(rec, 'PortRange', `has port range ${from}-${to}`);
        return undefined;
      }
      const ports = portsText(from, to);
      if (ports !== undefined) rule.ports = ports;
    }
  } else if (ICMP_PROTOCOLS.has(protocol)) {
    const tc = rec.obj('IcmpTypeCode');
    const type = tc?.int('Type');
    const code = tc?.int('Code');
    if (type !== undefined && type >= 0 && type <= 255) {
      rule.icmpType = type;
      if (code !== undefined && code >= 0 && code <= 255) rule.icmpCode = code;
    }
  }
  return { egress, rule };
}

/** One item of describe-network-acls. */
export function mapNetworkAcl(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('NetworkAclId', 'network ACL');
  if (id === undefined) return;
  const vpcId = rec.str('VpcId', 'the network ACL is left out');
  if (vpcId === undefined) return;
  const draft: NaclDraft = {
    id,
    vpcId,
    default: rec.bool('IsDefault') === true,
    subnetIds: [],
    inbound: [],
    outbound: [],
  };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  for (const a of rec.records('Associations')) {
    const subnetId = a.str('SubnetId');
    if (subnetId !== undefined && !draft.subnetIds.includes(subnetId)) draft.subnetIds.push(subnetId);
  }
  draft.subnetIds.sort();
  for (const entry of rec.records('Entries')) {
    entry.label = `network ACL ${id} entry`;
    const read = naclRule(entry);
    if (read) (read.egress ? draft.outbound : draft.inbound).push(read.rule);
  }
  const byNumber = (a: NaclRule, b: NaclRule) => a.ruleNumber - b.ruleNumber;
  draft.inbound.sort(byNumber);
  draft.outbound.sort(byNumber);
  st.networkAcls.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
}
