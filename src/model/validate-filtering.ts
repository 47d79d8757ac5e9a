/**
 * Filtering rules of semantics.md 3 and 4: network ACLs (rule numbers, limits, associations) and
 * security groups (rules, attachment to interfaces). Reads the index, writes diagnostics.
 */
import type { NaclRule, SgRuleBase } from './types.ts';
import { loc, type Index, type Sink } from './validate-context.ts';

const MAX_NACL_RULES = 20;
const MAX_GROUPS_PER_INTERFACE = 5;
/** Protocols whose rules have ports: tcp and udp, by name or number. */
const PORTED_PROTOCOLS = new Set(['tcp', 'udp', '6', '17']);

function validateNetworkAcls(ix: Index, sink: Sink): void {
  const defaultByVpc = new Map<string, string>();
  const subnetAcl = new Map<string, string>();
  (ix.topology.networkAcls ?? []).forEach((acl, index) => {
    if (acl.default === true) {
      const prior = defaultByVpc.get(acl.vpcId);
      if (prior !== undefined) {
        sink.error(
          'CFG_NACL_TWO_DEFAULT',
          loc('networkAcls', index, acl.id, '.default', 0),
          `network ACL ${acl.id} is a second default ACL of VPC ${acl.vpcId} (the first is ${prior})`,
        );
      } else {
        defaultByVpc.set(acl.vpcId, acl.id);
      }
    }
    (acl.subnetIds ?? []).forEach((sid, k) => {
      const l = loc('networkAcls', index, acl.id, `.subnetIds[${k}]`, 1);
      const subnet = ix.subnets.get(sid)?.item;
      if (subnet && subnet.vpcId !== acl.vpcId) {
        sink.error(
          'CFG_NACL_OTHER_VPC',
          l,
          `network ACL ${acl.id} of VPC ${acl.vpcId} is associated with subnet ${sid} of VPC ${subnet.vpcId}`,
        );
      }
      const prior = subnetAcl.get(sid);
      if (prior !== undefined) {
        sink.error(
          'CFG_NACL_SUBNET_TWICE',
          l,
          `subnet ${sid} is associated with network ACL ${acl.id} and already with ${prior}: a subnet has exactly one network ACL`,
        );
      } else {
        subnetAcl.set(sid, acl.id);
      }
    });
    for (const [direction, rules, base] of [
      ['inbound', acl.inbound, 2],
      ['outbound', acl.outbound, 2 + 1_000_000],
    ] as const) {
      validateNaclRules(acl.id, index, direction, rules, base, sink);
    }
  });
}

function validateNaclRules(
  aclId: string,
  index: number,
  direction: 'inbound' | 'outbound',
  rules: readonly NaclRule[],
  base: number,
  sink: Sink,
): void {
  if (rules.length > MAX_NACL_RULES) {
    sink.warning(
      'CFG_NACL_RULE_LIMIT',
      loc('networkAcls', index, aclId, `.${direction}`, base),
      `network ACL ${aclId} has ${rules.length} ${direction} rules: the default quota is ${MAX_NACL_RULES} per direction (up to 40 on request)`,
    );
  }
  const numbers = new Map<number, number>();
  rules.forEach((rule, k) => {
    const at = (field: string) => loc('networkAcls', index, aclId, `.${direction}[${k}]${field}`, base + 1 + k);
    if (rule.ruleNumber < 1 || rule.ruleNumber > 32766) {
      sink.error(
        'CFG_NACL_RULE_NUMBER_RANGE',
        at('.ruleNumber'),
        `network ACL ${aclId} ${direction} rule number ${rule.ruleNumber} is outside 1-32766`,
      );
    }
    const prior = numbers.get(rule.ruleNumber);
    if (prior !== undefined) {
      sink.error(
        'CFG_NACL_DUPLICATE_RULE_NUMBER',
        at('.ruleNumber'),
        `network ACL ${aclId} has two ${direction} rules numbered ${rule.ruleNumber} (${direction}[${prior}] and ${direction}[${k}])`,
      );
    } else {
      numbers.set(rule.ruleNumber, k);
    }
    if (!rule.cidr.includes('/')) {
      sink.error(
        'CFG_NACL_PREFIX_LIST',
        at('.cidr'),
        `network ACL ${aclId} ${direction} rule ${rule.ruleNumber} uses prefix list ${rule.cidr}: a network ACL rule takes a CIDR block only`,
      );
    }
  });
}

function checkPorts(rule: SgRuleBase, sgId: string, l: ReturnType<typeof loc>, sink: Sink): void {
  if (rule.ports === undefined || PORTED_PROTOCOLS.has(rule.protocol)) return;
  const hint = rule.protocol === 'icmp' || rule.protocol === 'icmpv6' ? '; use icmpType and icmpCode' : '';
  sink.warning(
    'CFG_SG_RULE_PORTS_IGNORED',
    l,
    `security group ${sgId} rule for protocol ${rule.protocol} gives ports ${rule.ports}, which AWS ignores: the rule covers every port${hint}`,
  );
}

function validateSecurityGroups(ix: Index, sink: Sink): void {
  (ix.topology.securityGroups ?? []).forEach((sg, index) => {
    const region = ix.vpcs.get(sg.vpcId)?.region;
    const rules = [
      ...(sg.inbound ?? []).map((r, k) => ({ r, peer: r.source, path: `.inbound[${k}]`, sub: 1 + k })),
      ...(sg.outbound ?? []).map((r, k) => ({ r, peer: r.destination, path: `.outbound[${k}]`, sub: 1_000_000 + k })),
    ];
    for (const { r, peer, path, sub } of rules) {
      checkPorts(r, sg.id, loc('securityGroups', index, sg.id, `${path}.ports`, sub), sink);
      const other = ix.securityGroups.get(peer)?.item;
      const otherRegion = other && ix.vpcs.get(other.vpcId)?.region;
      if (other && region !== undefined && otherRegion !== undefined && otherRegion !== region) {
        sink.error(
          'CFG_SG_REF_CROSS_REGION',
          loc('securityGroups', index, sg.id, `${path}.${'source' in r ? 'source' : 'destination'}`, sub),
          `security group ${sg.id} (${region}) references ${peer} of a VPC in ${otherRegion}: references work only within one Region`,
        );
      }
    }
  });
}

/** Security groups on instances' primary interfaces and on network interfaces. */
function validateAttachments(ix: Index, sink: Sink): void {
  for (const info of ix.interfaces.values()) {
    const vpcId = info.subnet?.item.vpcId;
    const groups = info.fields.securityGroupIds;
    const what = info.array === 'instances' ? `instance ${info.rid}` : `network interface ${info.id}`;
    if (groups.length > MAX_GROUPS_PER_INTERFACE) {
      sink.warning(
        'CFG_SG_LIMIT',
        loc(info.array, info.index, info.rid, '.securityGroupIds', 5),
        `${what} has ${groups.length} security groups: the default quota is ${MAX_GROUPS_PER_INTERFACE} per interface (up to 16 on request)`,
      );
    }
    groups.forEach((id, k) => {
      const sg = ix.securityGroups.get(id)?.item;
      if (sg && vpcId !== undefined && sg.vpcId !== vpcId) {
        sink.error(
          'CFG_SG_ATTACH_OTHER_VPC',
          loc(info.array, info.index, info.rid, `.securityGroupIds[${k}]`, 5),
          `${what} in VPC ${vpcId} uses security group ${id} of VPC ${sg.vpcId}: a group attaches only to interfaces in its own VPC`,
        );
      }
    });
  }
}

export function validateFiltering(ix: Index, sink: Sink): void {
  validateNetworkAcls(ix, sink);
  validateSecurityGroups(ix, sink);
  validateAttachments(ix, sink);
}
