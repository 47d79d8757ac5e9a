/**
 * Reads a `vpcsim/1` document (JSON text or an already-parsed value) into a clean typed copy, reporting
 * every structural problem as a diagnostic (format.md). Never throws, whatever the input.
 */
import type { DiagnosticCode } from './codes.ts';
import type { Diagnostic } from './diagnostic.ts';
import { locateJsonError } from './json-position.ts';
import {
  arrayOf,
  bool,
  cidr,
  finiteNumber,
  integer,
  ip,
  isRecord,
  naclCidr,
  nonEmpty,
  nullable,
  oneOf,
  ParseContext,
  ports,
  prefixListRef,
  protocol,
  ref,
  resource,
  routeDestination,
  sgPeer,
  show,
  struct,
  text,
  type At,
  type Spec,
} from './parse-reader.ts';
import {
  FORMAT_V1,
  type Check,
  type Document,
  type EgressOnlyInternetGateway,
  type ExternalHost,
  type Instance,
  type InternetGateway,
  type Layout,
  type Meta,
  type NaclRule,
  type NatGateway,
  type NetworkAcl,
  type NetworkInterface,
  type PrefixList,
  type Route,
  type RouteTable,
  type SecurityGroup,
  type SgInboundRule,
  type SgOutboundRule,
  type Subnet,
  type Topology,
  type TransitGateway,
  type TransitGatewayAttachment,
  type TransitGatewayRoute,
  type TransitGatewayRouteTable,
  type Vpc,
  type VpcEndpoint,
  type VpcPeeringConnection,
} from './types.ts';

export { BUILTIN_PREFIX_LIST_IDS, BUILTIN_PREFIX_LISTS } from './parse-reader.ts';

export interface ParseResult {
  /** Present only when no diagnostic is `fatal`. */
  document?: Document;
  /** In document order; `error` and `warning` entries may accompany a document. */
  diagnostics: Diagnostic[];
}

/** The id of an instance's primary network interface (format.md, `instances`). */
export function primaryInterfaceIdOf(instance: Pick<Instance, 'id' | 'primaryInterfaceId'>): string {
  return instance.primaryInterfaceId ?? `${instance.id}/eth0`;
}

// Enumerations of format.md / types.ts.
const OS_VALUES = ['linux', 'windows'] as const;
const INSTANCE_STATES = ['running', 'stopped', 'terminated'] as const;
const NAT_CONNECTIVITY = ['public', 'private'] as const;
const NAT_STATES = ['available', 'pending', 'failed', 'deleting', 'deleted'] as const;
const PEERING_STATUSES = [
  'active',
  'pending-acceptance',
  'rejected',
  'deleted',
  'failed',
  'expired',
  'provisioning',
] as const;
const ATTACHMENT_TYPES = ['vpc', 'peering'] as const;
const ENDPOINT_TYPES = ['gateway', 'interface'] as const;
const RULE_ACTIONS = ['allow', 'deny'] as const;
const VERDICTS = ['REACHABLE', 'REACHABLE_PARTIAL', 'BLOCKED', 'UNSUPPORTED', 'INVALID_CONFIG'] as const;
const FAMILIES = [4, 6] as const;
const TO_ADDRESSES = ['private', 'public', 'ipv6'] as const;
const DIRECTIONS = ['forward', 'return'] as const;

const icmpField = integer(-1, 255);
const idList = (...kinds: Parameters<typeof ref>): Spec<string[]> => arrayOf(ref(...kinds), 'an array of ids');

const vpc = resource<Vpc>('vpcs', (r) => {
  r.opt('name', text);
  r.opt('region', nonEmpty);
  r.req('cidrBlocks', arrayOf(cidr(4), 'an array of IPv4 CIDR blocks'));
  r.opt('ipv6CidrBlocks', arrayOf(cidr(6), 'an array of IPv6 CIDR blocks'));
});

const subnet = resource<Subnet>('subnets', (r) => {
  r.opt('name', text);
  r.req('vpcId', ref('vpcs'));
  r.req('availabilityZone', nonEmpty);
  r.opt('cidrBlock', cidr(4));
  r.opt('ipv6CidrBlock', cidr(6));
  r.opt('mapPublicIpOnLaunch', bool);
});

const route = struct<Route>('a route object', (r) => {
  r.req('destination', routeDestination);
  // A target naming nothing is a blackhole route, which AWS shows for deleted targets: not a reference error.
  r.req('target', nonEmpty);
  r.opt('propagated', bool);
});

const routeTable = resource<RouteTable>('routeTables', (r) => {
  r.opt('name', text);
  r.req('vpcId', ref('vpcs'));
  r.opt('main', bool);
  r.opt('subnetIds', idList('subnets'));
  r.opt('gatewayIds', idList('internetGateways'));
  r.req('routes', arrayOf(route, 'an array of routes'));
});

const naclRule = struct<NaclRule>('a network ACL rule object', (r) => {
  r.req('ruleNumber', integer());
  r.req('protocol', protocol);
  r.opt('ports', ports);
  r.opt('icmpType', icmpField);
  r.opt('icmpCode', icmpField);
  r.req('cidr', naclCidr);
  r.req('action', oneOf(RULE_ACTIONS));
});

const networkAcl = resource<NetworkAcl>('networkAcls', (r) => {
  r.opt('name', text);
  r.req('vpcId', ref('vpcs'));
  r.opt('default', bool);
  r.opt('subnetIds', idList('subnets'));
  r.req('inbound', arrayOf(naclRule, 'an array of rules'));
  r.req('outbound', arrayOf(naclRule, 'an array of rules'));
});

const sgInbound = struct<SgInboundRule>('a security group rule object', (r) => {
  r.req('protocol', protocol);
  r.opt('ports', ports);
  r.opt('icmpType', icmpField);
  r.opt('icmpCode', icmpField);
  r.req('source', sgPeer);
  r.opt('description', text);
});

const sgOutbound = struct<SgOutboundRule>('a security group rule object', (r) => {
  r.req('protocol', protocol);
  r.opt('ports', ports);
  r.opt('icmpType', icmpField);
  r.opt('icmpCode', icmpField);
  r.req('destination', sgPeer);
  r.opt('description', text);
});

const securityGroup = resource<SecurityGroup>('securityGroups', (r) => {
  r.opt('name', text);
  r.req('vpcId', ref('vpcs'));
  r.opt('inbound', arrayOf(sgInbound, 'an array of rules'));
  r.opt('outbound', arrayOf(sgOutbound, 'an array of rules'));
});

const instance = resource<Instance>('instances', (r, id) => {
  r.opt('name', text);
  r.req('subnetId', ref('subnets'));
  r.req('privateIp', ip(4));
  r.opt('secondaryPrivateIps', arrayOf(ip(4), 'an array of IPv4 addresses'));
  r.opt('publicIp', ip(4));
  r.opt('ipv6Addresses', arrayOf(ip(6), 'an array of IPv6 addresses'));
  r.req('securityGroupIds', idList('securityGroups'));
  const explicit = r.opt('primaryInterfaceId', nonEmpty);
  r.opt('os', oneOf(OS_VALUES));
  r.opt('state', oneOf(INSTANCE_STATES));
  r.opt('sourceDestCheck', bool);
  r.opt('sourceNat', bool);
  // The primary interface is addressable (route targets, endpoints of a query), so its id is taken too.
  if (id !== undefined) {
    const at: At = { path: `${r.at.path}${explicit === undefined ? '' : '.primaryInterfaceId'}`, rid: id };
    r.cx.register(explicit ?? `${id}/eth0`, 'networkInterfaces', at);
  }
});

const networkInterface = resource<NetworkInterface>('networkInterfaces', (r) => {
  r.opt('name', text);
  r.req('subnetId', ref('subnets'));
  r.opt('instanceId', ref('instances'));
  r.req('privateIp', ip(4));
  r.opt('secondaryPrivateIps', arrayOf(ip(4), 'an array of IPv4 addresses'));
  r.opt('publicIp', ip(4));
  r.opt('ipv6Addresses', arrayOf(ip(6), 'an array of IPv6 addresses'));
  r.req('securityGroupIds', idList('securityGroups'));
  r.opt('sourceDestCheck', bool);
  r.opt('sourceNat', bool);
});

const internetGateway = resource<InternetGateway>('internetGateways', (r) => {
  r.opt('name', text);
  r.req('vpcId', nullable(ref('vpcs')));
});

const egressOnlyInternetGateway = resource<EgressOnlyInternetGateway>('egressOnlyInternetGateways', (r) => {
  r.opt('name', text);
  r.req('vpcId', nullable(ref('vpcs')));
});

const natGateway = resource<NatGateway>('natGateways', (r) => {
  r.opt('name', text);
  r.req('subnetId', ref('subnets'));
  r.opt('connectivity', oneOf(NAT_CONNECTIVITY));
  r.opt('privateIp', ip(4));
  r.opt('publicIp', ip(4));
  r.opt('state', oneOf(NAT_STATES));
});

const peering = resource<VpcPeeringConnection>('vpcPeeringConnections', (r) => {
  r.opt('name', text);
  r.req('requesterVpcId', ref('vpcs'));
  r.req('accepterVpcId', ref('vpcs'));
  r.opt('status', oneOf(PEERING_STATUSES));
});

const transitGateway = resource<TransitGateway>('transitGateways', (r) => {
  r.opt('name', text);
  r.opt('securityGroupReferencingSupport', bool);
  r.opt('defaultRouteTableAssociation', bool);
  r.opt('defaultRouteTablePropagation', bool);
  r.opt('associationDefaultRouteTableId', ref('transitGatewayRouteTables'));
  r.opt('propagationDefaultRouteTableId', ref('transitGatewayRouteTables'));
});

const tgwAttachment = resource<TransitGatewayAttachment>('transitGatewayAttachments', (r) => {
  r.opt('name', text);
  r.req('transitGatewayId', ref('transitGateways'));
  const type = r.req('type', oneOf(ATTACHMENT_TYPES));
  r.opt('vpcId', ref('vpcs'));
  r.opt('subnetIds', idList('subnets'));
  r.opt('peerTransitGatewayId', ref('transitGateways'));
  r.opt('applianceMode', bool);
  r.opt('state', nonEmpty);
  if (type === 'vpc' && !r.has('vpcId')) {
    r.invalid('CFG_FIELD_MISSING', 'vpcId', `${r.at.path}.vpcId is missing: a vpc attachment names its VPC`);
  }
  if (type === 'peering' && !r.has('peerTransitGatewayId')) {
    r.invalid(
      'CFG_FIELD_MISSING',
      'peerTransitGatewayId',
      `${r.at.path}.peerTransitGatewayId is missing: a peering attachment names the peer transit gateway`,
    );
  }
});

const tgwRoute = struct<TransitGatewayRoute>('a transit gateway route object', (r) => {
  r.req('destination', routeDestination);
  const attachmentId = r.opt('attachmentId', ref('transitGatewayAttachments'));
  const blackhole = r.opt('blackhole', bool);
  if (!r.has('attachmentId') && blackhole !== true && r.valid) {
    r.invalid(
      'CFG_FIELD_MISSING',
      'attachmentId',
      `${r.at.path}.attachmentId is missing: a transit gateway route has an attachmentId or blackhole: true`,
    );
  }
  if (attachmentId !== undefined && blackhole === true) {
    r.invalid(
      'CFG_FIELD_VALUE',
      'blackhole',
      `${r.at.path} has both attachmentId ${show(attachmentId)} and blackhole: true: a route is one or the other`,
    );
  }
});

const tgwRouteTable = resource<TransitGatewayRouteTable>('transitGatewayRouteTables', (r) => {
  r.opt('name', text);
  r.req('transitGatewayId', ref('transitGateways'));
  r.req('associations', idList('transitGatewayAttachments'));
  r.req('propagations', idList('transitGatewayAttachments'));
  r.req('routes', arrayOf(tgwRoute, 'an array of routes'));
});

const vpcEndpoint = resource<VpcEndpoint>('vpcEndpoints', (r) => {
  r.opt('name', text);
  r.req('vpcId', ref('vpcs'));
  r.req('type', oneOf(ENDPOINT_TYPES));
  r.req('service', nonEmpty);
  r.opt('prefixListId', prefixListRef);
  r.opt('routeTableIds', idList('routeTables'));
  r.opt('subnetIds', idList('subnets'));
  r.opt('securityGroupIds', idList('securityGroups'));
});

const prefixList = resource<PrefixList>('prefixLists', (r) => {
  r.opt('name', text);
  r.req('cidrs', arrayOf(cidr(undefined), 'an array of CIDR blocks'));
});

const externalHost = resource<ExternalHost>('externalHosts', (r) => {
  r.opt('name', text);
  r.req('ip', ip(undefined));
});

const topology = struct<Topology>('an object of resource arrays', (r) => {
  r.opt('vpcs', arrayOf(vpc));
  r.opt('subnets', arrayOf(subnet));
  r.opt('routeTables', arrayOf(routeTable));
  r.opt('networkAcls', arrayOf(networkAcl));
  r.opt('securityGroups', arrayOf(securityGroup));
  r.opt('instances', arrayOf(instance));
  r.opt('networkInterfaces', arrayOf(networkInterface));
  r.opt('internetGateways', arrayOf(internetGateway));
  r.opt('egressOnlyInternetGateways', arrayOf(egressOnlyInternetGateway));
  r.opt('natGateways', arrayOf(natGateway));
  r.opt('vpcPeeringConnections', arrayOf(peering));
  r.opt('transitGateways', arrayOf(transitGateway));
  r.opt('transitGatewayAttachments', arrayOf(tgwAttachment));
  r.opt('transitGatewayRouteTables', arrayOf(tgwRouteTable));
  r.opt('vpcEndpoints', arrayOf(vpcEndpoint));
  r.opt('prefixLists', arrayOf(prefixList));
  r.opt('externalHosts', arrayOf(externalHost));
});

const meta = struct<Meta>('an object', (r) => {
  r.opt('title', text);
  r.opt('description', text);
  r.opt('tags', arrayOf(text, 'an array of strings'));
  r.opt('source', text);
  r.opt('difficulty', text);
});

type LayoutEntry = Layout[string];
const layoutEntry = struct<LayoutEntry>('an object {x, y, width?, height?}', (r) => {
  r.req('x', finiteNumber);
  r.req('y', finiteNumber);
  r.opt('width', finiteNumber);
  r.opt('height', finiteNumber);
});

const layout: Spec<Layout> = (cx, value, at) => {
  if (!isRecord(value)) {
    cx.fatal('CFG_FIELD_TYPE', at, `${at.path} is ${show(value)}: expected an object of positions keyed by id`);
    return { ok: false };
  }
  const out: Layout = {};
  for (const key of Object.keys(value)) {
    const r = layoutEntry(cx, value[key], { path: `${at.path}[${JSON.stringify(key)}]`, rid: key });
    // defineProperty keeps a key such as "__proto__" an ordinary own entry instead of a prototype change.
    if (r.ok) Object.defineProperty(out, key, { value: r.value, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, value: out };
};

const check = struct<Check>('a check object', (r) => {
  r.req('name', text);
  r.req('from', nonEmpty);
  r.req('to', nonEmpty);
  r.opt('protocol', protocol);
  r.opt('port', integer(0, 65535));
  r.opt('family', oneOf(FAMILIES));
  r.opt('toAddress', oneOf(TO_ADDRESSES));
  r.opt('oneWay', bool);
  r.req('expect', oneOf(VERDICTS));
  r.opt('blockedAt', nonEmpty);
  r.opt('code', nonEmpty);
  r.opt('direction', oneOf(DIRECTIONS));
});

const opaque: Spec<unknown> = (_cx, value) => ({ ok: true, value });

const documentSpec = struct<Document>('a JSON object', (r) => {
  // `format` was checked before the walk.
  r.req('format', (_cx, value) => ({ ok: true, value: value as typeof FORMAT_V1 }));
  r.opt('meta', meta);
  r.req('topology', topology);
  r.opt('layout', layout);
  r.opt('checks', arrayOf(check, 'an array of checks'));
  r.opt('exam', opaque);
});

function single(code: DiagnosticCode, message: string, path?: string): ParseResult {
  const d: Diagnostic = { code, severity: 'fatal', message };
  if (path !== undefined) d.path = path;
  return { diagnostics: [d] };
}

function parseUnchecked(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    try {
      value = JSON.parse(source);
    } catch (e) {
      const where = locateJsonError(source);
      const detail = where
        ? `line ${where.line}, column ${where.column}: ${where.reason}`
        : `${e instanceof Error ? e.message : String(e)}`;
      return single('CFG_JSON_SYNTAX', `The document is not valid JSON at ${detail}`);
    }
  }
  if (!isRecord(value)) {
    return single(
      'CFG_FIELD_TYPE',
      `The document is ${show(value)}: expected a JSON object with format "${FORMAT_V1}"`,
    );
  }
  const format = Object.prototype.hasOwnProperty.call(value, 'format') ? value['format'] : undefined;
  if (format !== FORMAT_V1) {
    return single(
      'CFG_FORMAT_UNKNOWN',
      format === undefined
        ? `The document has no format field: expected "${FORMAT_V1}"`
        : `format is ${show(format)}: this version reads only "${FORMAT_V1}"`,
      'format',
    );
  }
  const cx = new ParseContext();
  const read = documentSpec(cx, value, { path: '', rid: undefined });
  cx.runDeferred();
  const diagnostics = cx.diagnostics();
  if (cx.hasFatal || !read.ok) return { diagnostics };
  return { document: read.value, diagnostics };
}

/**
 * Parses a document from JSON text or an already-parsed value. `document` is returned only when no
 * diagnostic is fatal; host bits, stale rules and unknown fields ride along as errors and warnings.
 */
export function parseDocument(input: unknown): ParseResult {
  try {
    return parseUnchecked(input);
  } catch (e) {
    // Only a hostile value (a throwing getter, a revoked proxy) gets here; report it, never throw.
    return single('CFG_INTERNAL', `The document could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}
