/**
 * The engine's public data: the trace query and the trace result (format.md section 6, semantics.md
 * section 13.5). Everything here is plain, JSON-serializable data.
 */
import type { PortRange } from '../lib/index.ts';
import type { Diagnostic } from '../model/index.ts';
import type { DetailCode, ExplanationCode } from './codes.ts';

export type Verdict = 'REACHABLE' | 'REACHABLE_PARTIAL' | 'BLOCKED' | 'UNSUPPORTED' | 'INVALID_CONFIG';
export type PathDirection = 'forward' | 'return';
export type TrafficDirection = 'ingress' | 'egress';

/** One question: can `from` reach `to`? (format.md section 3) */
export interface TraceQuery {
  /** Instance id, network interface id, external host id, IP literal, `internet`. */
  from: string;
  /** Instance id, network interface id, external host id, IP literal, `internet`, `s3`, `dynamodb`. */
  to: string;
  /** `tcp` (default), `udp`, `icmp`, `icmpv6`, `all`, or a protocol number as a string. */
  protocol?: string;
  /** Destination port; required for tcp and udp. */
  port?: number;
  /** Default 4, unless an IP literal end decides. */
  family?: 4 | 6;
  /** Which address of the destination to aim at. */
  toAddress?: 'private' | 'public' | 'ipv6';
  /** Check the request only. */
  oneWay?: boolean;
  /** A fixed client source port instead of the client's whole ephemeral range. */
  sourcePort?: number;
  /** ICMP type and code (default echo request). */
  icmpType?: number;
  icmpCode?: number;
}

/** The packet header at a point of the path (RA's `AnalysisPacketHeader`). */
export interface PacketHeader {
  family: 4 | 6;
  /** IANA protocol number; -1 for "all protocols". */
  proto: number;
  src: string[];
  dst: string[];
  /** Empty for protocols without ports. */
  sport: PortRange[];
  dport: PortRange[];
  icmp?: { type: number; code: number };
}

export type ComponentType =
  | 'instance'
  | 'network-interface'
  | 'security-group'
  | 'network-acl'
  | 'route-table'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'nat-gateway'
  | 'vpc-peering-connection'
  | 'transit-gateway'
  | 'vpc-endpoint'
  | 'vpc'
  | 'subnet'
  | 'internet'
  | 'external-host'
  | 'vpc-service'
  | 'aws-service'
  | 'transit-gateway-attachment'
  | 'transit-gateway-route-table';

export interface AclRuleRef {
  aclId: string;
  /** 32767 for the implicit `*` deny rule. */
  ruleNumber: number;
  egress: boolean;
  action: 'allow' | 'deny';
  cidr: string;
  protocol: string;
  portRange?: PortRange;
  icmpType?: number;
  icmpCode?: number;
  /** True for a rule that exists only because the NACL is implicit (a VPC without a default NACL). */
  implicit?: boolean;
}

export interface SecurityGroupRuleRef {
  sgId: string;
  direction: TrafficDirection;
  /** Index of the rule in the group's `inbound` or `outbound` list; -1 for an implicit default rule. */
  ruleIndex: number;
  /** A CIDR, a security group id or a prefix list id. */
  peer: string;
  protocol: string;
  portRange?: PortRange;
  /** Allowed as the reply of a tracked connection rather than by a rule. */
  viaConntrack?: boolean;
  /** The rule is AWS's default outbound rule, implied because `outbound` was omitted. */
  implicit?: boolean;
}

/** A transit gateway route as trace results show it (RA's `transitGatewayRouteTableRoute`). */
export interface TgwRouteRef {
  routeTableId: string;
  destination: string;
  attachmentId?: string;
  type: 'static' | 'propagated';
  blackhole: boolean;
}

export type RouteOrigin = 'local' | 'static' | 'prefixList' | 'propagated' | 'gatewayEndpoint';

export interface RouteRef {
  routeTableId: string;
  destination: string;
  target: string;
  /** What the target id names. */
  targetType: RouteTargetType;
  origin: RouteOrigin;
  state: 'active' | 'blackhole';
  /** The route or the table exists only implicitly (local routes, an implicit main table). */
  implicit?: boolean;
}

export type RouteTargetType =
  | 'local'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'nat-gateway'
  | 'network-interface'
  | 'instance'
  | 'vpc-peering-connection'
  | 'transit-gateway'
  | 'vpc-endpoint'
  | 'unknown';

/** One stop on the path, permits included (RA's `PathComponent`). */
export interface PathComponent {
  seq: number;
  direction: PathDirection;
  component: { id: string; type: ComponentType; name?: string };
  /** What happened here. */
  action: 'send' | 'allow' | 'deny' | 'route' | 'drop' | 'translate' | 'forward' | 'deliver';
  /** For security groups and NACLs: which list was evaluated. */
  trafficDirection?: TrafficDirection;
  /** The instance an interface belongs to, or the interface a security group was evaluated on. */
  attachedTo?: string;
  vpc?: string;
  subnet?: string;
  /** All groups of the interface, for security-group components. */
  securityGroups?: string[];
  aclRule?: AclRuleRef;
  /** When a NACL decided differently for parts of a port set (return traffic to ephemeral ports). */
  aclPortDecisions?: { ports: PortRange[]; rule: AclRuleRef }[];
  securityGroupRule?: SecurityGroupRuleRef;
  routeTableRoute?: RouteRef;
  tgwRoute?: TgwRouteRef;
  /** Header before and after a translation. */
  inboundHeader?: PacketHeader;
  outboundHeader?: PacketHeader;
  additionalDetails?: DetailCode[];
  /** Codes of the explanations raised at this component. */
  explanationCodes?: ExplanationCode[];
  /**
   * Reached only by assuming that an earlier blocker let the packet through (the walk goes on past a
   * block to list every blocker, as Reachability Analyzer's blocked path does).
   */
  whatIf?: boolean;
}

/** Why something did not get through (RA's `Explanation`). */
export interface Explanation {
  code: ExplanationCode;
  pathDirection: PathDirection;
  /** For security groups and NACLs: ingress or egress. */
  direction?: TrafficDirection;
  componentId: string;
  componentType: ComponentType;
  /** One or two sentences a learner understands. */
  message: string;
  securityGroups?: string[];
  aclRule?: AclRuleRef;
  routeTableRoute?: RouteRef;
  /** For partial results: the ports that fail here. */
  portRanges?: PortRange[];
  /** The address the check was about. */
  address?: string;
  /** A blocker (true) or a note that does not change the verdict by itself (false). */
  blocking: boolean;
}

/** The query as the engine understood it. */
export interface ResolvedQuery {
  from: string;
  to: string;
  family: 4 | 6;
  protocol: string;
  proto: number;
  port?: number;
  sourceAddress: string;
  destinationAddress: string;
  sourcePorts: PortRange[];
  oneWay: boolean;
}

export interface TraceResult {
  query: ResolvedQuery;
  verdict: Verdict;
  forward: PathComponent[];
  return: PathComponent[];
  /** In path order; the first blocking one is the primary blocker. */
  explanations: Explanation[];
  /** For REACHABLE_PARTIAL: the client source ports whose replies get back. */
  workingPortRanges?: PortRange[];
  /** Configuration diagnostics that affected this trace. */
  warnings: Diagnostic[];
}
