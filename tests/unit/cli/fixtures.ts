// Hand-built trace results for narration tests (F1 of semantics.md 0.4), so that the CLI tests do not
// depend on the engine. Each builder returns a fresh object.
import type {
  AclRuleRef,
  ComponentType,
  Explanation,
  PacketHeader,
  PathComponent,
  PathDirection,
  ResolvedQuery,
  TraceResult,
} from '../../../src/engine/index.ts';

const LINUX_EPHEMERAL = [{ from: 32768, to: 60999 }];

type Extra = Omit<PathComponent, 'seq' | 'direction' | 'component' | 'action'>;

function comp(
  direction: PathDirection,
  id: string,
  type: ComponentType,
  action: PathComponent['action'],
  extra: Extra = {},
): PathComponent {
  return { seq: 0, direction, component: { id, type }, action, ...extra };
}

/** Numbers the components the way the engine does (per direction, from 1). */
function numbered(path: PathComponent[]): PathComponent[] {
  return path.map((c, i) => ({ ...c, seq: i + 1 }));
}

function query(partial: Partial<ResolvedQuery> & Pick<ResolvedQuery, 'from' | 'to'>): ResolvedQuery {
  return {
    family: 4,
    protocol: 'tcp',
    proto: 6,
    port: 443,
    sourceAddress: '10.0.1.10',
    destinationAddress: '10.0.2.10',
    sourcePorts: LINUX_EPHEMERAL,
    oneWay: false,
    ...partial,
  };
}

function acl(
  aclId: string,
  ruleNumber: number,
  egress: boolean,
  action: 'allow' | 'deny',
  protocol = 'all',
  cidr = '0.0.0.0/0',
): AclRuleRef {
  return { aclId, ruleNumber, egress, action, cidr, protocol };
}

/** The start of web -> app1: instance, interface, sg-web outbound rule 1, acl-def outbound, rtb-pub local. */
function webToApp1Forward(): PathComponent[] {
  return [
    comp('forward', 'web', 'instance', 'send'),
    comp('forward', 'eni-web', 'network-interface', 'send', { attachedTo: 'web' }),
    comp('forward', 'sg-web', 'security-group', 'allow', {
      trafficDirection: 'egress',
      attachedTo: 'eni-web',
      securityGroups: ['sg-web'],
      securityGroupRule: { sgId: 'sg-web', direction: 'egress', ruleIndex: 0, peer: '0.0.0.0/0', protocol: 'all' },
    }),
    comp('forward', 'acl-def', 'network-acl', 'allow', {
      trafficDirection: 'egress',
      aclRule: acl('acl-def', 100, true, 'allow'),
    }),
    comp('forward', 'rtb-pub', 'route-table', 'route', {
      routeTableRoute: {
        routeTableId: 'rtb-pub',
        destination: '10.0.0.0/16',
        target: 'local',
        targetType: 'local',
        origin: 'local',
        state: 'active',
        implicit: true,
      },
    }),
  ];
}

/** T-PIPE-02-like: web -> app1 tcp/443 where sg-app has no matching inbound rule; the walk continues what-if. */
export function blockedBySecurityGroup(): TraceResult {
  const explanation: Explanation = {
    code: 'ENI_SG_RULES_MISMATCH',
    pathDirection: 'forward',
    direction: 'ingress',
    // Like Reachability Analyzer, the engine names the interface; the group lists the code.
    componentId: 'eni-app1',
    componentType: 'network-interface',
    message: 'No inbound rule of sg-app allows tcp 443 from 10.0.1.10.',
    securityGroups: ['sg-app'],
    blocking: true,
  };
  return {
    query: query({ from: 'web', to: 'app1' }),
    verdict: 'BLOCKED',
    forward: numbered([
      ...webToApp1Forward(),
      comp('forward', 'acl-def', 'network-acl', 'allow', {
        trafficDirection: 'ingress',
        aclRule: acl('acl-def', 100, false, 'allow'),
      }),
      comp('forward', 'sg-app', 'security-group', 'deny', {
        trafficDirection: 'ingress',
        attachedTo: 'eni-app1',
        securityGroups: ['sg-app'],
        explanationCodes: ['ENI_SG_RULES_MISMATCH'],
      }),
      // The walk goes on past the blocker (what-if), as Reachability Analyzer's blocked path does.
      comp('forward', 'eni-app1', 'network-interface', 'deliver', { attachedTo: 'app1', whatIf: true }),
      comp('forward', 'app1', 'instance', 'deliver', { whatIf: true }),
    ]),
    return: [],
    explanations: [explanation],
    warnings: [],
  };
}

/** T-NACL-02: acl-app admits 443 in, but its outbound list has nothing for the reply (rule 32767). */
export function blockedByNaclOnReturn(): TraceResult {
  const explanation: Explanation = {
    code: 'SUBNET_ACL_RESTRICTION',
    pathDirection: 'return',
    direction: 'egress',
    componentId: 'acl-app',
    componentType: 'network-acl',
    message: 'acl-app has no outbound rule for the reply to 10.0.1.10 on ports 32768-60999; rule * denies it.',
    aclRule: acl('acl-app', 32767, true, 'deny'),
    blocking: true,
  };
  return {
    query: query({ from: 'web', to: 'app1' }),
    verdict: 'BLOCKED',
    forward: numbered([
      ...webToApp1Forward(),
      comp('forward', 'acl-app', 'network-acl', 'allow', {
        trafficDirection: 'ingress',
        aclRule: { ...acl('acl-app', 100, false, 'allow', 'tcp', '10.0.1.0/24'), portRange: { from: 443, to: 443 } },
      }),
      comp('forward', 'sg-app', 'security-group', 'allow', {
        trafficDirection: 'ingress',
        attachedTo: 'eni-app1',
        securityGroups: ['sg-app'],
        securityGroupRule: {
          sgId: 'sg-app',
          direction: 'ingress',
          ruleIndex: 0,
          peer: 'sg-web',
          protocol: 'tcp',
          portRange: { from: 443, to: 443 },
        },
      }),
      comp('forward', 'eni-app1', 'network-interface', 'deliver', { attachedTo: 'app1' }),
      comp('forward', 'app1', 'instance', 'deliver'),
    ]),
    return: numbered([
      comp('return', 'app1', 'instance', 'send'),
      comp('return', 'eni-app1', 'network-interface', 'send', { attachedTo: 'app1' }),
      comp('return', 'sg-app', 'security-group', 'allow', {
        trafficDirection: 'egress',
        attachedTo: 'eni-app1',
        securityGroups: ['sg-app'],
        securityGroupRule: {
          sgId: 'sg-app',
          direction: 'egress',
          ruleIndex: -1,
          peer: '10.0.1.10/32',
          protocol: 'tcp',
          viaConntrack: true,
        },
        additionalDetails: ['SG_CONNECTION_TRACKING'],
      }),
      comp('return', 'acl-app', 'network-acl', 'deny', {
        trafficDirection: 'egress',
        aclRule: acl('acl-app', 32767, true, 'deny'),
        explanationCodes: ['SUBNET_ACL_RESTRICTION'],
      }),
    ]),
    explanations: [explanation],
    warnings: [],
  };
}

function header(src: string, dst: string, sport: PacketHeader['sport'], dport: PacketHeader['dport']): PacketHeader {
  return { family: 4, proto: 6, src: [src], dst: [dst], sport, dport };
}

/** app1 -> internet tcp/443 through nat-a and igw-a: REACHABLE, with both translations. */
export function reachableThroughNat(): TraceResult {
  const atNat = header('10.0.2.10', '198.51.100.10', LINUX_EPHEMERAL, [{ from: 443, to: 443 }]);
  const afterNat = header('10.0.1.5', '198.51.100.10', [{ from: 1024, to: 65535 }], [{ from: 443, to: 443 }]);
  const afterIgw = header('3.3.3.3', '198.51.100.10', [{ from: 1024, to: 65535 }], [{ from: 443, to: 443 }]);
  return {
    query: query({ from: 'app1', to: 'internet', sourceAddress: '10.0.2.10', destinationAddress: '198.51.100.10' }),
    verdict: 'REACHABLE',
    forward: numbered([
      comp('forward', 'app1', 'instance', 'send'),
      comp('forward', 'sg-app', 'security-group', 'allow', {
        trafficDirection: 'egress',
        attachedTo: 'eni-app1',
        securityGroupRule: {
          sgId: 'sg-app',
          direction: 'egress',
          ruleIndex: -1,
          peer: '0.0.0.0/0',
          protocol: 'all',
          implicit: true,
        },
      }),
      comp('forward', 'rtb-priv', 'route-table', 'route', {
        routeTableRoute: {
          routeTableId: 'rtb-priv',
          destination: '0.0.0.0/0',
          target: 'nat-a',
          targetType: 'nat-gateway',
          origin: 'static',
          state: 'active',
        },
      }),
      comp('forward', 'nat-a', 'nat-gateway', 'translate', {
        inboundHeader: atNat,
        outboundHeader: afterNat,
        additionalDetails: ['NGW_SOURCE_ADDRESS_REASSIGN', 'REMAP_EPHEMERAL_PORT'],
      }),
      comp('forward', 'rtb-pub', 'route-table', 'route', {
        routeTableRoute: {
          routeTableId: 'rtb-pub',
          destination: '0.0.0.0/0',
          target: 'igw-a',
          targetType: 'internet-gateway',
          origin: 'static',
          state: 'active',
        },
      }),
      comp('forward', 'igw-a', 'internet-gateway', 'translate', {
        inboundHeader: afterNat,
        outboundHeader: afterIgw,
        additionalDetails: ['IGW_ONE_TO_ONE_NAT'],
      }),
      comp('forward', 'internet', 'internet', 'deliver'),
    ]),
    return: numbered([
      comp('return', 'internet', 'internet', 'send'),
      comp('return', 'igw-a', 'internet-gateway', 'translate', {
        inboundHeader: header('198.51.100.10', '3.3.3.3', [{ from: 443, to: 443 }], [{ from: 1024, to: 65535 }]),
        outboundHeader: header('198.51.100.10', '10.0.1.5', [{ from: 443, to: 443 }], [{ from: 1024, to: 65535 }]),
      }),
      comp('return', 'nat-a', 'nat-gateway', 'translate', {
        inboundHeader: header('198.51.100.10', '10.0.1.5', [{ from: 443, to: 443 }], [{ from: 1024, to: 65535 }]),
        outboundHeader: header('198.51.100.10', '10.0.2.10', [{ from: 443, to: 443 }], LINUX_EPHEMERAL),
      }),
      comp('return', 'sg-app', 'security-group', 'allow', {
        trafficDirection: 'ingress',
        attachedTo: 'eni-app1',
        securityGroupRule: {
          sgId: 'sg-app',
          direction: 'ingress',
          ruleIndex: -1,
          peer: '198.51.100.10/32',
          protocol: 'tcp',
          viaConntrack: true,
        },
      }),
      comp('return', 'app1', 'instance', 'deliver'),
    ]),
    explanations: [],
    warnings: [],
  };
}

/** T-NACL-03-like: acl-app's outbound rule 100 opens only 32768-40000 of the reply ports. */
export function partialEphemeral(): TraceResult {
  const base = blockedByNaclOnReturn();
  const opened: AclRuleRef = {
    ...acl('acl-app', 100, true, 'allow', 'tcp', '10.0.1.0/24'),
    portRange: { from: 32768, to: 40000 },
  };
  const star = acl('acl-app', 32767, true, 'deny');
  const ret = base.return.map((c) =>
    c.component.id === 'acl-app'
      ? {
          ...c,
          action: 'allow' as const,
          aclRule: opened,
          aclPortDecisions: [
            { ports: [{ from: 32768, to: 40000 }], rule: opened },
            { ports: [{ from: 40001, to: 60999 }], rule: star },
          ],
          explanationCodes: ['SIM_EPHEMERAL_PARTIAL' as const],
        }
      : c,
  );
  return {
    ...base,
    verdict: 'REACHABLE_PARTIAL',
    return: ret,
    explanations: [
      {
        code: 'SIM_EPHEMERAL_PARTIAL',
        pathDirection: 'return',
        direction: 'egress',
        componentId: 'acl-app',
        componentType: 'network-acl',
        message: 'acl-app lets the reply out only to client ports 32768-40000.',
        aclRule: star,
        portRanges: [{ from: 40001, to: 60999 }],
        blocking: false,
      },
    ],
    workingPortRanges: [{ from: 32768, to: 40000 }],
    warnings: [
      {
        code: 'CFG_SUBNET_OVERLAP',
        severity: 'error',
        resourceId: 'sn-app-b',
        path: 'topology.subnets[2].cidrBlock',
        message: 'overlaps sn-app-a',
      },
    ],
  };
}
