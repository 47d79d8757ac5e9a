import { describe, expect, it } from 'vitest';
import type { NaclRule } from '../../../src/model/index.ts';
import { byId, codes, expectRule, f1, fullDocument, lint, variant, type RuleCase } from './fixtures.ts';

const rule = (ruleNumber: number, cidr = '0.0.0.0/0'): NaclRule => ({
  ruleNumber,
  protocol: 'tcp',
  ports: '443',
  cidr,
  action: 'allow',
});
const inbound = (rules: NaclRule[]) => () => variant(f1, (t) => (byId(t.networkAcls, 'acl-def').inbound = rules));
const customAcl =
  (subnetIds: string[], extra: { default?: boolean } = {}) =>
  () =>
    variant(f1, (t) =>
      t.networkAcls!.push({ id: 'acl-2', vpcId: 'vpc-a', subnetIds, inbound: [], outbound: [], ...extra }),
    );
const many = (n: number) => Array.from({ length: n }, (_, i) => rule(100 + i));

describe('network ACLs (semantics.md 3.1)', () => {
  const rows: RuleCase[] = [
    {
      name: 'rule number 0',
      code: 'CFG_NACL_RULE_NUMBER_RANGE',
      bad: inbound([rule(0)]),
      resourceId: 'acl-def',
      path: 'topology.networkAcls[0].inbound[0].ruleNumber',
      good: inbound([rule(1)]),
    },
    {
      name: 'rule number 32767 (the catch-all)',
      code: 'CFG_NACL_RULE_NUMBER_RANGE',
      bad: inbound([rule(32767)]),
      resourceId: 'acl-def',
      path: 'topology.networkAcls[0].inbound[0].ruleNumber',
      good: inbound([rule(32766)]),
    },
    {
      name: 'two inbound rules numbered 100',
      code: 'CFG_NACL_DUPLICATE_RULE_NUMBER',
      bad: inbound([rule(100), rule(110), rule(100, '10.0.0.0/8')]),
      resourceId: 'acl-def',
      path: 'topology.networkAcls[0].inbound[2].ruleNumber',
      // Inbound and outbound lists are independent: F1 has rule 100 in both.
      good: f1,
    },
    {
      name: '21 inbound rules (quota advice)',
      code: 'CFG_NACL_RULE_LIMIT',
      severity: 'warning',
      bad: inbound(many(21)),
      resourceId: 'acl-def',
      path: 'topology.networkAcls[0].inbound',
      good: inbound(many(20)),
    },
    {
      name: 'two default ACLs in one VPC',
      code: 'CFG_NACL_TWO_DEFAULT',
      bad: customAcl([], { default: true }),
      resourceId: 'acl-2',
      path: 'topology.networkAcls[1].default',
      good: customAcl([]),
    },
    {
      name: 'a subnet in two ACLs',
      code: 'CFG_NACL_SUBNET_TWICE',
      bad: () =>
        variant(customAcl(['sn-app-a']), (t) =>
          t.networkAcls!.push({
            id: 'acl-3',
            vpcId: 'vpc-a',
            subnetIds: ['sn-app-b', 'sn-app-a'],
            inbound: [],
            outbound: [],
          }),
        ),
      resourceId: 'acl-3',
      path: 'topology.networkAcls[2].subnetIds[1]',
      good: customAcl(['sn-app-a']),
    },
    {
      name: 'a subnet of another VPC',
      code: 'CFG_NACL_OTHER_VPC',
      bad: () => variant(fullDocument, (t) => (byId(t.networkAcls, 'acl-def').subnetIds = ['sn-b1'])),
      resourceId: 'acl-def',
      path: 'topology.networkAcls[0].subnetIds[0]',
      good: () => variant(fullDocument, (t) => (byId(t.networkAcls, 'acl-def').subnetIds = ['sn-pub-a'])),
    },
    {
      name: 'a prefix list in a rule',
      code: 'CFG_NACL_PREFIX_LIST',
      bad: inbound([rule(100, 'pl-s3')]),
      resourceId: 'acl-def',
      path: 'topology.networkAcls[0].inbound[0].cidr',
      good: inbound([rule(100, '52.216.0.0/15')]),
    },
  ];
  it.each(rows)('$name: $code', expectRule);

  it('reports outbound problems after inbound ones, each at its own path', () => {
    const doc = variant(f1, (t) => {
      const acl = byId(t.networkAcls, 'acl-def');
      acl.outbound = [rule(0)];
      acl.inbound = [rule(40000)];
    });
    expect(lint(doc).map((d) => d.path)).toEqual([
      'topology.networkAcls[0].inbound[0].ruleNumber',
      'topology.networkAcls[0].outbound[0].ruleNumber',
    ]);
  });
});

describe('security groups (semantics.md 4.1)', () => {
  const sgWebRule = (patch: Record<string, unknown>) => () =>
    variant(f1, (t) => Object.assign(byId(t.securityGroups, 'sg-web').inbound![0]!, patch));
  const rows: RuleCase[] = [
    {
      name: 'a group of another VPC on an instance',
      code: 'CFG_SG_ATTACH_OTHER_VPC',
      bad: () => variant(fullDocument, (t) => byId(t.instances, 'peer1').securityGroupIds.push('sg-web')),
      resourceId: 'peer1',
      path: 'topology.instances[4].securityGroupIds[1]',
      good: fullDocument,
    },
    {
      name: 'a group of another VPC on a network interface',
      code: 'CFG_SG_ATTACH_OTHER_VPC',
      bad: () => variant(fullDocument, (t) => (byId(t.networkInterfaces, 'eni-fw').securityGroupIds = ['sg-peer'])),
      resourceId: 'eni-fw',
      path: 'topology.networkInterfaces[0].securityGroupIds[0]',
      good: fullDocument,
    },
    {
      name: 'six groups on one interface (quota advice)',
      code: 'CFG_SG_LIMIT',
      severity: 'warning',
      bad: () =>
        variant(f1, (t) => {
          for (const id of ['sg-4', 'sg-5', 'sg-6']) t.securityGroups!.push({ id, vpcId: 'vpc-a' });
          byId(t.instances, 'db').securityGroupIds = ['sg-web', 'sg-app', 'sg-db', 'sg-4', 'sg-5', 'sg-6'];
        }),
      resourceId: 'db',
      path: 'topology.instances[3].securityGroupIds',
      good: () =>
        variant(f1, (t) => {
          for (const id of ['sg-4', 'sg-5']) t.securityGroups!.push({ id, vpcId: 'vpc-a' });
          byId(t.instances, 'db').securityGroupIds = ['sg-web', 'sg-app', 'sg-db', 'sg-4', 'sg-5'];
        }),
    },
    {
      name: 'ports on an all-traffic rule',
      code: 'CFG_SG_RULE_PORTS_IGNORED',
      severity: 'warning',
      bad: sgWebRule({ protocol: 'all' }),
      resourceId: 'sg-web',
      path: 'topology.securityGroups[0].inbound[0].ports',
      good: sgWebRule({ protocol: '6' }),
    },
    {
      name: 'ports on a GRE rule',
      code: 'CFG_SG_RULE_PORTS_IGNORED',
      severity: 'warning',
      bad: sgWebRule({ protocol: '47' }),
      resourceId: 'sg-web',
      path: 'topology.securityGroups[0].inbound[0].ports',
      good: sgWebRule({ protocol: 'udp' }),
    },
    {
      name: 'ports on an ICMP rule',
      code: 'CFG_SG_RULE_PORTS_IGNORED',
      severity: 'warning',
      bad: sgWebRule({ protocol: 'icmp' }),
      resourceId: 'sg-web',
      path: 'topology.securityGroups[0].inbound[0].ports',
      good: () =>
        variant(
          f1,
          (t) =>
            (byId(t.securityGroups, 'sg-web').inbound![0] = { protocol: 'icmp', icmpType: 8, source: '0.0.0.0/0' }),
        ),
    },
    {
      name: 'a reference to a group in another Region',
      code: 'CFG_SG_REF_CROSS_REGION',
      bad: () =>
        variant(fullDocument, (t) => {
          byId(t.vpcs, 'vpc-b').region = 'eu-west-1';
          byId(t.securityGroups, 'sg-peer').inbound!.push({ protocol: 'tcp', ports: '443', source: 'sg-app' });
        }),
      resourceId: 'sg-peer',
      path: 'topology.securityGroups[3].inbound[2].source',
      good: () =>
        variant(fullDocument, (t) =>
          byId(t.securityGroups, 'sg-peer').inbound!.push({ protocol: 'tcp', ports: '443', source: 'sg-app' }),
        ),
    },
  ];
  it.each(rows)('$name: $code', expectRule);

  it('counts the default region as us-east-1', () => {
    const doc = variant(fullDocument, (t) => {
      delete byId(t.vpcs, 'vpc-a').region;
      byId(t.securityGroups, 'sg-peer').outbound!.push({ protocol: 'tcp', ports: '443', destination: 'sg-app' });
    });
    expect(codes(lint(doc))).toEqual([]);
  });
});
