/**
 * The closed catalogue of explanation codes a trace can carry. Reachability Analyzer's codes are used
 * verbatim where AWS has one (semantics.md section 13.3); `SIM_*` codes cover what RA does not model.
 * Pure data: no imports beyond types.
 */

export interface CodeInfo {
  /** One line in plain words. */
  readonly summary: string;
  /** The AWS documentation page (or semantics.md section) the code models. */
  readonly doc: string;
}

const RA = 'https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html';

export const EXPLANATION_CODES = {
  NO_ROUTE_TO_DESTINATION: { summary: 'The route table has no route that matches the destination.', doc: RA },
  BAD_STATE: { summary: 'A component on the path is not in a state that forwards traffic.', doc: RA },
  BAD_STATE_ROUTE: {
    summary: 'The best route is a blackhole: its target was deleted, detached or is not usable.',
    doc: RA,
  },
  VPC_LOCAL_ROUTE_CIDR_RESTRICTION: {
    summary: 'The local route only delivers to addresses inside the VPC CIDR blocks.',
    doc: RA,
  },
  ENI_SG_RULES_MISMATCH: {
    summary: 'No rule in the security groups of the network interface allows the packet.',
    doc: RA,
  },
  SG_HAS_NO_RULES: { summary: 'The security groups have no rules at all in this direction.', doc: RA },
  SG_REFERENCES_NOT_PRESERVED: {
    summary: 'A component on the path hides the sender, so security-group references cannot match.',
    doc: RA,
  },
  SUBNET_ACL_RESTRICTION: { summary: "The subnet's network ACL does not admit the packet.", doc: RA },
  ENI_SOURCE_DEST_CHECK_RESTRICTION: {
    summary: 'Source/destination check is on, so the interface drops traffic not addressed to or from itself.',
    doc: RA,
  },
  ENI_ADDRESS_RESTRICTION: { summary: 'The interface sends and receives only with its own addresses.', doc: RA },
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: {
    summary: 'The internet gateway needs a public IPv4 address mapped to the sender.',
    doc: RA,
  },
  IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: {
    summary: 'The destination is not a public IPv4 address mapped to an interface in this VPC.',
    doc: RA,
  },
  IGW_DESTINATION_ADDRESS_IN_VPC_CIDRS: {
    summary: 'After translation the destination must lie inside the VPC CIDR blocks.',
    doc: RA,
  },
  IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS: {
    summary: 'The internet gateway drops outbound packets to private (RFC 1918) addresses.',
    doc: RA,
  },
  IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS: {
    summary: 'The internet gateway drops outbound packets to shared (RFC 6598) addresses.',
    doc: RA,
  },
  IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS: {
    summary: 'The internet gateway drops inbound packets from private (RFC 1918) addresses.',
    doc: RA,
  },
  IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS: {
    summary: 'The internet gateway drops inbound packets from shared (RFC 6598) addresses.',
    doc: RA,
  },
  INGRESS_RTB_NO_PUBLIC_IP: {
    summary: 'A middlebox reached through the internet gateway route table needs a public IP.',
    doc: RA,
  },
  INGRESS_RTB_TRAFFIC_REDIRECTION: {
    summary: 'Inbound traffic is redirected to an appliance, so the reply must go back through it.',
    doc: RA,
  },
  NGW_REQUIRES_SOURCE_IN_VPC: {
    summary: 'A NAT gateway only serves traffic from its own VPC or from a transit gateway.',
    doc: RA,
  },
  PROTOCOL_RESTRICTION: { summary: 'The component only passes certain protocols.', doc: RA },
  VPCE_GATEWAY_PROTOCOL_RESTRICTION: {
    summary: 'A gateway endpoint carries only TCP and ICMP echo.',
    doc: RA,
  },
  SIM_GATEWAY_ENDPOINT_EDGE_TO_EDGE: {
    summary: 'A gateway endpoint serves only traffic from its own VPC, not from peerings, transit gateways or VPNs.',
    doc: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  },
  BAD_STATE_ATTACHMENT: {
    summary: 'A transit gateway attachment on the path is not in a state that forwards.',
    doc: RA,
  },
  TGW_ROUTE_AZ_RESTRICTION: {
    summary: 'The transit gateway attachment has no subnet in the availability zone the traffic comes from.',
    doc: RA,
  },
  TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION: {
    summary: 'The transit gateway attachment is associated with no transit gateway route table.',
    doc: RA,
  },
  SIM_TGW_BLACKHOLE_ROUTE: {
    summary: 'The best transit gateway route is a blackhole (RA: TGW_RTB_BAD_STATE_ROUTE).',
    doc: 'semantics.md 9.3',
  },
  SIM_UNSUPPORTED_TGW_HAIRPIN: {
    summary: 'The transit gateway would send the packet back out of the attachment it came from; undocumented.',
    doc: 'semantics.md 9.3',
  },
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: {
    summary: "A peering connection carries traffic only to addresses inside the peer VPC's CIDR blocks.",
    doc: RA,
  },
  NO_PATH: { summary: 'No path exists between the source and the destination.', doc: RA },
  VPCE_INTRA_VPC_TRAFFIC: {
    summary:
      'A VPC endpoint cannot initiate connections toward resources in its VPC; only replies come back through it.',
    doc: RA,
  },
  DISCONNECTED_VPCS: {
    summary: 'The source and destination VPCs are not joined by any supported connection (summary beside the blocker).',
    doc: RA,
  },
  UNASSOCIATED_COMPONENT: { summary: 'The component is not in a VPC or lacks an address of this family.', doc: RA },
  SIM_ASYMMETRIC_RETURN: {
    summary: 'The reply leaves through a different stateful component than the request used, so it is not matched.',
    doc: 'semantics.md 11.2',
  },
  SIM_APPLIANCE_MODE_ASYMMETRY: {
    summary:
      'The reply enters an appliance VPC through another availability zone than the request, so it meets another appliance; appliance mode on the attachment would pin both directions to one zone.',
    doc: 'semantics.md 9.2 rule 4',
  },
  SIM_EIGW_INBOUND_UNSOLICITED: {
    summary: 'An egress-only internet gateway does not let the internet start IPv6 connections.',
    doc: 'https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html',
  },
  SIM_NAT_NO_INBOUND_INITIATION: {
    summary: 'A NAT gateway only carries connections started from inside; unsolicited inbound is dropped.',
    doc: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html',
  },
  SIM_NO_INTERFACE_AT_DESTINATION_IP: {
    summary: 'The destination lies in the VPC, but no network interface holds that address.',
    doc: 'semantics.md 2.2',
  },
  SIM_NO_ADDRESS_FOR_FAMILY: {
    summary: 'An end of the query has no address of the requested IP family.',
    doc: 'semantics.md 12',
  },
  SIM_NO_INTERNET_GATEWAY: {
    summary: 'The VPC has no internet gateway attached, so the internet cannot reach into it.',
    doc: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  },
  SIM_INSTANCE_NOT_RUNNING: {
    summary: 'The instance is not running, so it neither sends nor answers.',
    doc: 'semantics.md 12',
  },
  SIM_INVALID_CONFIG_ON_PATH: {
    summary: 'The path depends on a resource whose configuration AWS would reject.',
    doc: 'semantics.md 0.2',
  },
  SIM_ROUTING_LOOP: { summary: 'The packet came back to a place it had already been.', doc: 'semantics.md 13.4' },
  SIM_UNSUPPORTED_IGW_HAIRPIN: {
    summary: "Reaching another instance's public address through the internet gateway is not modelled.",
    doc: 'semantics.md 5.1 rule 9',
  },
  SIM_UNSUPPORTED_TRANSIT: {
    summary: 'The path needs a component this version of the engine does not simulate yet.',
    doc: 'semantics.md 14',
  },
  SIM_EPHEMERAL_PARTIAL: {
    summary: "The reply passes for only part of the client's ephemeral port range.",
    doc: 'semantics.md 3.4',
  },
} as const satisfies Record<string, CodeInfo>;

export type ExplanationCode = keyof typeof EXPLANATION_CODES;

/** Informational details attached to path components (RA's `additionalDetails`). */
export const DETAIL_CODES = {
  NGW_SOURCE_ADDRESS_REASSIGN: 'The NAT gateway rewrites the source address to its own.',
  REMAP_EPHEMERAL_PORT: 'The NAT gateway picks a new source port in 1024-65535.',
  NGW_DEST_ADDRESS_PRESERVATION: 'The NAT gateway keeps the destination unchanged.',
  NGW_RETURN_TO_SENDER:
    "Replies to a NAT gateway's traffic over a peering go back to the NAT gateway even without a return route.",
  IGW_ONE_TO_ONE_NAT: 'The internet gateway maps between the private address and its public IPv4 address.',
  NOT_FILTERED_BY_SG_OR_NACL: 'Traffic to this VPC service address is never filtered by security groups or NACLs.',
  SG_CONNECTION_TRACKING: 'Allowed as the reply of a tracked connection; the rules are not consulted.',
  LAYER2_SAME_SUBNET: 'Same subnet: delivered directly, without route tables or NACLs.',
  AVAILABILITY_ZONE_CROSSED: 'The traffic crosses from one availability zone to another.',
  UNIDIRECTIONAL_PATH_ANALYSIS_ONLY:
    'Reachability Analyzer checks only the request through transit gateway route tables; it would call this reachable.',
  TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED:
    'Enable appliance mode on the attachment so both directions of a flow use the same availability zone.',
  SG_REFERENCING_SUPPORT:
    'A security-group reference would match, but security-group referencing support is off on the transit gateway.',
} as const;

export type DetailCode = keyof typeof DETAIL_CODES;

export function isExplanationCode(code: string): code is ExplanationCode {
  return Object.prototype.hasOwnProperty.call(EXPLANATION_CODES, code);
}
