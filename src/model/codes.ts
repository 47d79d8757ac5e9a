/**
 * The closed catalogue of `CFG_*` diagnostic codes that parsing and validation emit: one line each, and
 * the AWS documentation page (or design section) the rule models. Pure data.
 */

export interface DiagnosticCodeInfo {
  /** One line in plain words. */
  readonly summary: string;
  /** The AWS documentation page, or the design section, the rule comes from. */
  readonly doc: string;
}

const FORMAT = 'shared/design/format.md';
const UG = 'https://docs.aws.amazon.com/vpc/latest/userguide';
const CIDR_DOC = `${UG}/vpc-cidr-blocks.html`;
const SUBNET_DOC = `${UG}/subnet-sizing.html`;
const RTB_DOC = `${UG}/VPC_Route_Tables.html`;
const RTB_RULES_DOC = `${UG}/route-table-options.html`;
const NACL_DOC = `${UG}/nacl-rules.html`;
const SG_DOC = `${UG}/security-group-rules.html`;
const QUOTAS_DOC = `${UG}/amazon-vpc-limits.html`;
const NAT_DOC = `${UG}/vpc-nat-gateway.html`;
const TGW_DOC = 'https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html';
const TGW_RTB_DOC = 'https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html';
const PEERING_DOC = 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html';

export const DIAGNOSTIC_CODES = {
  // Reading the document (format.md): `fatal` unless noted.
  CFG_INTERNAL: { summary: 'The document could not be read because of an unexpected internal failure.', doc: FORMAT },
  CFG_JSON_SYNTAX: { summary: 'The text is not valid JSON.', doc: `${FORMAT} section 1` },
  CFG_FORMAT_UNKNOWN: { summary: 'The `format` field is missing or is not `vpcsim/1`.', doc: `${FORMAT} section 1` },
  CFG_FIELD_MISSING: { summary: 'A required field is missing.', doc: `${FORMAT} section 2` },
  CFG_FIELD_TYPE: { summary: 'A field has the wrong JSON type.', doc: `${FORMAT} section 2` },
  CFG_FIELD_VALUE: { summary: 'A field has a value outside the allowed set or range.', doc: `${FORMAT} section 2` },
  CFG_UNKNOWN_FIELD: {
    summary: 'A field the format does not define was ignored (warning).',
    doc: `${FORMAT} section 2`,
  },
  CFG_DUPLICATE_ID: {
    summary: 'Two resources share one id; ids are unique across the document.',
    doc: `${FORMAT} section 1`,
  },
  CFG_DANGLING_REFERENCE: {
    summary: 'A reference names no resource of the expected kind.',
    doc: `${FORMAT} section 2`,
  },
  CFG_SG_RULE_STALE_REFERENCE: {
    summary:
      'A security group rule references a group that does not exist; the rule is stale and matches nothing (warning).',
    doc: `${UG}/security-group-rules.html#stale-security-group-rules`,
  },
  CFG_CIDR_SYNTAX: { summary: 'A CIDR block is malformed.', doc: `${UG}/vpc-ip-addressing.html` },
  CFG_IP_SYNTAX: { summary: 'An IP address is malformed.', doc: `${UG}/vpc-ip-addressing.html` },
  CFG_CIDR_HOST_BITS: {
    summary: 'A CIDR block has host bits set; the API stores the canonical network, which the simulator uses (error).',
    doc: `${CIDR_DOC} (semantics.md 1.1 rule 10)`,
  },
  CFG_PORT_RANGE: { summary: 'A port range is not `N` or `N-M` within 0-65535.', doc: NACL_DOC },
  CFG_PROTOCOL: {
    summary: 'A protocol is not tcp, udp, icmp, icmpv6, all, or a protocol number 0-255.',
    doc: NACL_DOC,
  },

  // VPC CIDR blocks (semantics.md 1.1).
  CFG_VPC_CIDR_MISSING: { summary: 'A VPC has no IPv4 CIDR block; every VPC has a primary one.', doc: CIDR_DOC },
  CFG_VPC_CIDR_SIZE: { summary: 'A VPC IPv4 CIDR block must be between /16 and /28.', doc: CIDR_DOC },
  CFG_VPC_CIDR_RESERVED_RANGE: {
    summary:
      'A VPC CIDR block falls in a range AWS forbids (0/8, 127/8, 169.254/16, 224/4) or advises against (172.17/16).',
    doc: CIDR_DOC,
  },
  CFG_VPC_CIDR_OVERLAP: { summary: 'Two CIDR blocks of one VPC overlap.', doc: CIDR_DOC },
  CFG_VPC_SECONDARY_CIDR_RESTRICTED: {
    summary: 'A secondary IPv4 CIDR block comes from a range AWS does not allow next to the primary block.',
    doc: `${CIDR_DOC}#add-cidr-block-restrictions`,
  },
  CFG_VPC_CIDR_QUOTA: {
    summary: 'More CIDR blocks than the default quota of 5 per family (warning).',
    doc: QUOTAS_DOC,
  },
  CFG_VPC_CIDR_CONFLICTS_WITH_ROUTE: {
    summary:
      'A secondary CIDR block is equal to, or contains, the destination of a route in one of the VPC route tables.',
    doc: `${CIDR_DOC}#add-cidr-block-restrictions`,
  },
  CFG_IPV6_PREFIX_LENGTH: {
    summary: 'An IPv6 block has a prefix length AWS does not allow (VPC /44-/60, subnet /44-/64, in steps of 4).',
    doc: CIDR_DOC,
  },

  // Subnets and addresses (semantics.md 1.2, 1.3).
  CFG_SUBNET_NO_CIDR: { summary: 'A subnet has neither an IPv4 nor an IPv6 CIDR block.', doc: SUBNET_DOC },
  CFG_SUBNET_SIZE: { summary: 'A subnet IPv4 CIDR block must be between /16 and /28.', doc: SUBNET_DOC },
  CFG_SUBNET_NOT_IN_VPC_CIDR: {
    summary: 'A subnet CIDR block does not lie inside one CIDR block of its VPC.',
    doc: SUBNET_DOC,
  },
  CFG_SUBNET_IPV6_WITHOUT_VPC_IPV6: {
    summary: 'A subnet has an IPv6 CIDR block but its VPC has no IPv6 block.',
    doc: SUBNET_DOC,
  },
  CFG_SUBNET_OVERLAP: { summary: 'Two subnets of one VPC overlap.', doc: SUBNET_DOC },
  CFG_IP_RESERVED: {
    summary: 'An address is one of the five AWS reserves in every subnet (first four and last).',
    doc: SUBNET_DOC,
  },
  CFG_IP_NOT_IN_SUBNET: { summary: "An address is outside its subnet's CIDR block.", doc: SUBNET_DOC },
  CFG_IP_IN_USE: {
    summary: 'The same private address is used twice in one VPC, or the same public address twice anywhere.',
    doc: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html',
  },
  CFG_PUBLIC_IP_NOT_PUBLIC: {
    summary: 'A public IP or Elastic IP lies in a private (RFC 1918), shared (RFC 6598) or reserved range.',
    doc: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html',
  },
  CFG_ENI_ATTACH_OTHER_AZ: {
    summary: 'A network interface is attached to an instance in another Availability Zone.',
    doc: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html',
  },

  // Route tables (semantics.md 2).
  CFG_ROUTE_DUPLICATE_DESTINATION: { summary: 'A route table has two routes with the same destination.', doc: RTB_DOC },
  CFG_ROUTE_RESERVED_DESTINATION: {
    summary: 'A route destination lies inside 169.254.168.0/22 or fd00:ec2::/32, which AWS reserves.',
    doc: RTB_RULES_DOC,
  },
  CFG_ROUTE_MORE_SPECIFIC_THAN_LOCAL: {
    summary:
      'A route inside a VPC CIDR block is allowed only for an exact subnet CIDR with a NAT gateway or network interface target.',
    doc: `${RTB_RULES_DOC} (semantics.md 2.2 rule 3)`,
  },
  CFG_ROUTE_LOCAL_TARGET: { summary: 'A `local` route must have a VPC CIDR block as its destination.', doc: RTB_DOC },
  CFG_ROUTE_TARGET_FAMILY: {
    summary: 'The target cannot carry this address family (IPv4 to an egress-only gateway, IPv6 to a NAT gateway).',
    doc: `${RTB_RULES_DOC} (semantics.md 2.4)`,
  },
  CFG_ROUTE_TARGET_NOT_IN_VPC: {
    summary: 'The route target exists but belongs to another VPC (or does not connect this VPC).',
    doc: `${RTB_DOC} (semantics.md 2.4)`,
  },
  CFG_ROUTE_TARGET_KIND: {
    summary: 'The route target names a resource that cannot be a target of this route.',
    doc: `${RTB_DOC} (semantics.md 2.4)`,
  },
  CFG_ROUTE_TABLE_TWO_MAIN: { summary: 'A VPC has more than one main route table.', doc: RTB_DOC },
  CFG_ROUTE_TABLE_SUBNET_TWICE: { summary: 'A subnet is associated with more than one route table.', doc: RTB_DOC },
  CFG_ROUTE_TABLE_OTHER_VPC: {
    summary: 'A route table is associated with a subnet or gateway of another VPC.',
    doc: RTB_DOC,
  },
  CFG_ROUTE_TABLE_GATEWAY_TWICE: {
    summary: 'A gateway is associated with more than one route table.',
    doc: RTB_RULES_DOC,
  },
  CFG_GATEWAY_ROUTE_TABLE: {
    summary:
      'A gateway route table breaks its rules: targets local or a network interface only, destinations a VPC or subnet CIDR, no prefix lists, never main.',
    doc: `${RTB_RULES_DOC}#gateway-route-table (semantics.md 2.6)`,
  },

  // Network ACLs (semantics.md 3).
  CFG_NACL_RULE_NUMBER_RANGE: { summary: 'A network ACL rule number must be 1-32766.', doc: NACL_DOC },
  CFG_NACL_DUPLICATE_RULE_NUMBER: {
    summary: 'Two rules of one network ACL direction share a rule number.',
    doc: NACL_DOC,
  },
  CFG_NACL_RULE_LIMIT: { summary: 'More than the default 20 rules in one direction (warning).', doc: QUOTAS_DOC },
  CFG_NACL_TWO_DEFAULT: { summary: 'A VPC has more than one default network ACL.', doc: `${UG}/vpc-network-acls.html` },
  CFG_NACL_SUBNET_TWICE: {
    summary: 'A subnet is associated with more than one network ACL.',
    doc: `${UG}/vpc-network-acls.html`,
  },
  CFG_NACL_OTHER_VPC: {
    summary: 'A network ACL is associated with a subnet of another VPC.',
    doc: `${UG}/vpc-network-acls.html`,
  },
  CFG_NACL_PREFIX_LIST: { summary: 'A network ACL rule cannot use a prefix list, only a CIDR block.', doc: NACL_DOC },

  // Security groups (semantics.md 4).
  CFG_SG_ATTACH_OTHER_VPC: {
    summary: 'A security group of another VPC is attached to a network interface.',
    doc: `${UG}/vpc-security-groups.html`,
  },
  CFG_SG_LIMIT: { summary: 'More than the default 5 security groups on one interface (warning).', doc: QUOTAS_DOC },
  CFG_SG_RULE_PORTS_IGNORED: {
    summary: 'A security group rule gives ports for a protocol that has none; AWS ignores them (warning).',
    doc: SG_DOC,
  },
  CFG_SG_REF_CROSS_REGION: {
    summary: 'A security group rule references a group of a VPC in another Region, which AWS does not allow.',
    doc: SG_DOC,
  },

  // Gateways (semantics.md 5-7).
  CFG_IGW_ALREADY_ATTACHED: {
    summary: 'A VPC has more than one internet gateway attached.',
    doc: `${UG}/VPC_Internet_Gateway.html`,
  },
  CFG_EIGW_ALREADY_ATTACHED: {
    summary: 'A VPC has more than one egress-only internet gateway.',
    doc: `${UG}/egress-only-internet-gateway.html`,
  },
  CFG_NAT_NO_IGW: { summary: 'A public NAT gateway sits in a VPC without an attached internet gateway.', doc: NAT_DOC },
  CFG_NAT_PUBLIC_IP: {
    summary: 'A public NAT gateway needs an Elastic IP, and a private NAT gateway cannot have one.',
    doc: NAT_DOC,
  },

  // Peering, transit gateways, endpoints (semantics.md 8-10).
  CFG_PEERING_CIDR_OVERLAP: { summary: 'A peering connection joins VPCs whose CIDR blocks overlap.', doc: PEERING_DOC },
  CFG_PEERING_DUPLICATE_PAIR: { summary: 'Two peering connections join the same pair of VPCs.', doc: PEERING_DOC },
  CFG_TGW_ATTACHMENT_TWO_SUBNETS_SAME_AZ: {
    summary: 'A transit gateway VPC attachment names two subnets in one Availability Zone.',
    doc: TGW_DOC,
  },
  CFG_TGW_ATTACHMENT_IPV6_ONLY_SUBNET: {
    summary: 'A transit gateway VPC attachment uses a subnet without an IPv4 CIDR block.',
    doc: TGW_DOC,
  },
  CFG_TGW_ATTACHMENT_SUBNET_OTHER_VPC: {
    summary: "A transit gateway VPC attachment names a subnet outside the attachment's VPC.",
    doc: TGW_DOC,
  },
  CFG_TGW_ATTACHMENT_TWO_ASSOCIATIONS: {
    summary: 'A transit gateway attachment is associated with more than one transit gateway route table.',
    doc: TGW_RTB_DOC,
  },
  CFG_TGW_ROUTE_TABLE_OTHER_TGW: {
    summary: 'A transit gateway route table refers to an attachment of another transit gateway.',
    doc: TGW_RTB_DOC,
  },
  CFG_TGW_DEFAULT_ROUTE_TABLE_OTHER_TGW: {
    summary: "A transit gateway's default association or propagation route table belongs to another transit gateway.",
    doc: TGW_RTB_DOC,
  },
  CFG_ENDPOINT_OTHER_VPC: {
    summary: "A VPC endpoint names a route table or subnet outside the endpoint's VPC.",
    doc: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  },

  // Pinned checks (format.md section 5).
  CFG_CHECK_UNKNOWN_ENDPOINT: {
    summary: 'A check names an endpoint that is no instance, interface, external host, IP address or service.',
    doc: `${FORMAT} section 3`,
  },
  CFG_CHECK_PORT_MISSING: { summary: 'A tcp or udp check has no destination port.', doc: `${FORMAT} section 3` },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** Every code parsing and validation can emit: a closed union. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
