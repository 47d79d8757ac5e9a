/**
 * trace(network, query): resolves the query's ends, walks the request and (for connections) the reply,
 * and assembles the trace result with its verdict. Pure and deterministic; reads the compiled network only.
 */
import {
  cidrAddress,
  err,
  formatIp,
  ipEquals,
  ok,
  parseIp,
  portSetEquals,
  type IpAddress,
  type PortSet,
  type Result,
} from '../lib/index.ts';
import type { Diagnostic } from '../model/index.ts';
import {
  EPHEMERAL_INTERNET,
  EPHEMERAL_LINUX,
  EPHEMERAL_WINDOWS,
  INTERNET_HOST_V4,
  INTERNET_HOST_V6,
  LINK_LOCAL_SERVICES,
  PROTO_ICMP,
  PROTO_ICMPV6,
  DEFAULT_REGION,
  parseServiceName,
  serviceAddress,
  hasPorts,
  protocolName,
  protocolNumber,
} from './builtins.ts';
import { vpcContains, type CEni, type CTransitGateway, type CVpc, type Network } from './compile.ts';
import { indexedLookups, type EndpointRef, type Lookups, type Packet } from './lookups.ts';
import type { Explanation, PathComponent, ResolvedQuery, TraceQuery, TraceResult, Verdict } from './types.ts';
import { Walker, type WalkEnd } from './walk.ts';

type Source =
  | { kind: 'eni'; eni: CEni }
  | { kind: 'internet'; id: string; ip: IpAddress; external: boolean }
  /** An AWS service (`from: "s3"`): it never opens connections into a VPC (semantics.md 10.2 rule 7). */
  | { kind: 'service'; id: string; service: string; ip: IpAddress };
type Destination =
  | { kind: 'eni'; eni: CEni; aim: 'private' | 'public' | 'ipv6' }
  | { kind: 'address'; id: string; ip: IpAddress; vpc?: CVpc };

const lookupsCache = new WeakMap<Network, Lookups>();
const INTERNET_V4 = parseIp(INTERNET_HOST_V4)!;
const INTERNET_V6 = parseIp(INTERNET_HOST_V6)!;
/** Service names a query may use as its destination, with their representative addresses. */

/** Answers one question about the network. Bad queries (unknown ids, missing port) are errors, not traces. */
export function trace(network: Network, query: TraceQuery, lookups?: Lookups): Result<TraceResult, Diagnostic> {
  let lk = lookups ?? lookupsCache.get(network);
  if (!lk) {
    lk = indexedLookups(network);
    lookupsCache.set(network, lk);
  }
  const resolved = resolveQuery(network, query, lk);
  if (!resolved.ok) return resolved;
  return ok(run(network, lk, resolved.value));
}

interface Resolved {
  source: Source;
  destination: Destination;
  family: 4 | 6;
  proto: number;
  protocol: string;
  port?: number;
  sourcePorts: PortSet;
  icmpType?: number;
  icmpCode?: number;
  oneWay: boolean;
  query: TraceQuery;
}

function queryError(code: string, message: string, path?: string): Result<never, Diagnostic> {
  return err({ code, severity: 'fatal', message, ...(path ? { path } : {}) });
}

/** Checks the query and works out which addresses and ports it is about (format.md section 3). */
export function resolveQuery(
  net: Network,
  q: TraceQuery,
  lk: Lookups = indexedLookups(net),
): Result<Resolved, Diagnostic> {
  if (typeof q.from !== 'string' || q.from.length === 0)
    return queryError('QUERY_MISSING_ENDPOINT', 'The query needs a source (from).', 'from');
  if (typeof q.to !== 'string' || q.to.length === 0)
    return queryError('QUERY_MISSING_ENDPOINT', 'The query needs a destination (to).', 'to');
  const protocol = q.protocol === undefined ? 'tcp' : q.protocol.toLowerCase();
  const proto = protocolNumber(protocol);
  if (proto === undefined) {
    return queryError(
      'QUERY_PROTOCOL',
      `Unknown protocol "${short(protocol)}": use tcp, udp, icmp, icmpv6, all or a protocol number 0-255.`,
      'protocol',
    );
  }
  if (hasPorts(proto)) {
    if (q.port === undefined)
      return queryError('QUERY_PORT_REQUIRED', `A ${protocol} query needs a destination port.`, 'port');
    if (!Number.isInteger(q.port) || q.port < 0 || q.port > 65535) {
      return queryError('QUERY_PORT_RANGE', `Port ${String(q.port)} is not a port number (0-65535).`, 'port');
    }
  }
  if (q.sourcePort !== undefined && (!Number.isInteger(q.sourcePort) || q.sourcePort < 0 || q.sourcePort > 65535)) {
    return queryError(
      'QUERY_PORT_RANGE',
      `Source port ${String(q.sourcePort)} is not a port number (0-65535).`,
      'sourcePort',
    );
  }
  if (q.family !== undefined && q.family !== 4 && q.family !== 6) {
    return queryError('QUERY_FAMILY', `IP family ${String(q.family)} is not 4 or 6.`, 'family');
  }
  const fromEnd = q.from === 'internet' ? undefined : lk.endpoint(q.from);
  const toEnd = q.to === 'internet' ? undefined : lk.endpoint(q.to);
  const fromFamily = literalFamily(q.from, fromEnd);
  const toFamily = literalFamily(q.to, toEnd);
  if (fromFamily && toFamily && fromFamily !== toFamily) {
    return queryError(
      'QUERY_FAMILY',
      `${short(q.from)} is IPv${fromFamily} but ${short(q.to)} is IPv${toFamily}.`,
      'to',
    );
  }
  const family = q.family ?? fromFamily ?? toFamily ?? 4;
  if (fromFamily && fromFamily !== family) return familyMismatch(q.from, fromFamily, family, 'from');
  if (toFamily && toFamily !== family) return familyMismatch(q.to, toFamily, family, 'to');

  const source = resolveSource(net, lk, q.from, fromEnd, family);
  if (!source.ok) return source;
  const fromInternet = source.value.kind === 'internet';
  const sourceRegion = source.value.kind === 'eni' ? source.value.eni.vpc.region : undefined;
  const destination = resolveDestination(net, q, toEnd, family, fromInternet, sourceRegion);
  if (!destination.ok) return destination;
  const src = source.value;
  const dst = destination.value;
  if (
    src.kind === 'internet' &&
    dst.kind === 'address' &&
    !dst.vpc &&
    !(dst.ip.family === 4 && net.publicIps.has(dst.ip.value))
  ) {
    return queryError(
      'QUERY_NO_VPC_ON_PATH',
      `Both ${short(q.from)} and ${short(q.to)} are on the internet; nothing in the topology lies between them.`,
      'to',
    );
  }
  if (src.kind === 'eni' && dst.kind === 'eni' && src.eni === dst.eni) {
    return queryError(
      'QUERY_SAME_ENDPOINT',
      `The source and the destination are the same interface (${src.eni.id}).`,
      'to',
    );
  }
  const sourcePorts: PortSet =
    q.sourcePort !== undefined
      ? [{ from: q.sourcePort, to: q.sourcePort }]
      : src.kind === 'eni'
        ? src.eni.instance?.os === 'windows'
          ? WINDOWS_PORTS
          : LINUX_PORTS
        : INTERNET_PORTS;
  const resolved: Resolved = {
    source: src,
    destination: dst,
    family,
    proto,
    protocol: protocolName(proto),
    sourcePorts,
    oneWay: q.oneWay === true,
    query: q,
  };
  if (hasPorts(proto) && q.port !== undefined) resolved.port = q.port;
  if (proto === PROTO_ICMP || proto === PROTO_ICMPV6) {
    resolved.icmpType = q.icmpType ?? (proto === PROTO_ICMP ? 8 : 128);
    resolved.icmpCode = q.icmpCode ?? 0;
  }
  return ok(resolved);
}

const LINUX_PORTS: PortSet = Object.freeze([EPHEMERAL_LINUX]);
const WINDOWS_PORTS: PortSet = Object.freeze([EPHEMERAL_WINDOWS]);
const INTERNET_PORTS: PortSet = Object.freeze([EPHEMERAL_INTERNET]);

function familyMismatch(text: string, fam: 4 | 6, family: 4 | 6, field: string): Result<never, Diagnostic> {
  return queryError(
    'QUERY_FAMILY',
    `${short(text)} is an IPv${fam} address, but the query asks for IPv${family}.`,
    field,
  );
}

function short(text: string): string {
  // Control characters would garble a terminal; show them as '?'.
  let clean = '';
  for (const ch of text) clean += ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? '?' : ch;
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

function vpcOfAddress(net: Network, ip: IpAddress): CVpc | undefined {
  return net.vpcList.find((v) => vpcContains(v, ip));
}

/** The IP family an end fixes by itself: an address literal's or an external host's. */
function literalFamily(text: string, end: EndpointRef | undefined): 4 | 6 | undefined {
  if (end) return end.kind === 'host' ? end.ip.family : undefined;
  if (text === 'internet') return undefined;
  return parseIp(text)?.family;
}

function resolveSource(
  net: Network,
  lk: Lookups,
  text: string,
  end: EndpointRef | undefined,
  family: 4 | 6,
): Result<Source, Diagnostic> {
  if (text === 'internet')
    return ok({ kind: 'internet', id: 'internet', ip: family === 4 ? INTERNET_V4 : INTERNET_V6, external: false });
  const service = end ? undefined : parseServiceName(text);
  if (service) {
    if (family !== 4)
      return queryError('QUERY_FAMILY', `The ${text} service is modelled with IPv4 addresses only.`, 'family');
    return ok({
      kind: 'service',
      id: text,
      service: service.service,
      ip: serviceAddress(service.service, service.region ?? DEFAULT_REGION),
    });
  }
  if (end?.kind === 'eni') {
    if (end.eni.interfaceEndpointId !== undefined) {
      return queryError(
        'QUERY_ENDPOINT_CANNOT_INITIATE',
        `${short(text)} is an interface endpoint: it only receives connections, the service behind it cannot start them.`,
        'from',
      );
    }
    return ok({ kind: 'eni', eni: end.eni });
  }
  if (end) return ok({ kind: 'internet', id: end.id, ip: end.ip, external: true });
  const ip = parseIp(text);
  if (ip) {
    for (const vpc of net.vpcList) {
      if (!vpcContains(vpc, ip)) continue;
      const d = lk.deviceAt(vpc, ip);
      if (d?.kind === 'eni') return ok({ kind: 'eni', eni: d });
    }
    if (vpcOfAddress(net, ip)) {
      return queryError(
        'QUERY_UNKNOWN_ENDPOINT',
        `No network interface holds ${formatIp(ip)}, so it cannot be a source.`,
        'from',
      );
    }
    return ok({ kind: 'internet', id: formatIp(ip), ip, external: false });
  }
  return unknownEndpoint(net, text, 'from');
}

function unknownEndpoint(net: Network, text: string, field: 'from' | 'to'): Result<never, Diagnostic> {
  const kinds = net.natGateways.has(text)
    ? ' (a NAT gateway is not an endpoint; use its address)'
    : net.subnets.has(text) || net.vpcs.has(text)
      ? ' (a subnet or VPC is not an endpoint; use an instance, interface or address)'
      : '';
  return queryError(
    'QUERY_UNKNOWN_ENDPOINT',
    `Unknown ${field === 'from' ? 'source' : 'destination'} "${short(text)}"${kinds}: expected an instance id, a network interface id, an external host id, an IP address, internet, s3 or dynamodb.`,
    field,
  );
}

function resolveDestination(
  net: Network,
  q: TraceQuery,
  end: EndpointRef | undefined,
  family: 4 | 6,
  fromInternet: boolean,
  sourceRegion: string | undefined,
): Result<Destination, Diagnostic> {
  const text = q.to;
  if (text === 'internet') {
    return ok({ kind: 'address', id: 'internet', ip: family === 4 ? INTERNET_V4 : INTERNET_V6 });
  }
  // A service is reached in the source's region unless its name says which (semantics.md 10.2 rule 3).
  const service = end ? undefined : parseServiceName(text);
  if (service !== undefined) {
    if (family !== 4)
      return queryError('QUERY_FAMILY', `The ${text} service is modelled with IPv4 addresses only.`, 'family');
    const region = service.region ?? sourceRegion ?? DEFAULT_REGION;
    return ok({ kind: 'address', id: text, ip: serviceAddress(service.service, region) });
  }
  const eni = end?.kind === 'eni' ? end.eni : undefined;
  if (eni) {
    const aim = q.toAddress ?? (family === 6 ? 'ipv6' : fromInternet ? 'public' : 'private');
    if (q.toAddress !== undefined && q.toAddress !== 'private' && q.toAddress !== 'public' && q.toAddress !== 'ipv6') {
      return queryError(
        'QUERY_TO_ADDRESS',
        `toAddress must be private, public or ipv6, not "${short(String(q.toAddress))}".`,
        'toAddress',
      );
    }
    if ((aim === 'ipv6') !== (family === 6)) {
      return queryError('QUERY_FAMILY', `toAddress ${aim} does not fit an IPv${family} query.`, 'toAddress');
    }
    return ok({ kind: 'eni', eni, aim });
  }
  if (end?.kind === 'host') return ok({ kind: 'address', id: end.id, ip: end.ip });
  const ip = parseIp(text);
  if (ip) {
    const vpc = vpcOfAddress(net, ip);
    return ok({ kind: 'address', id: formatIp(ip), ip, ...(vpc ? { vpc } : {}) });
  }
  return unknownEndpoint(net, text, 'to');
}

/** The address a destination interface is aimed at, or undefined when it has none of that kind. */
function aimedAddress(eni: CEni, aim: 'private' | 'public' | 'ipv6'): IpAddress | undefined {
  switch (aim) {
    case 'private':
      return eni.primary4;
    case 'public':
      return eni.public4;
    case 'ipv6':
      return eni.primary6;
  }
}

function sourceAddress(eni: CEni, family: 4 | 6): IpAddress | undefined {
  return family === 4 ? eni.primary4 : eni.primary6;
}

/** Addresses in a VPC that security groups and NACLs never filter (semantics.md 3.3 rule 4, 14). */
function serviceAt(eni: CEni, ip: IpAddress): string | undefined {
  if (ip.family === 4) {
    const inVpc = eni.vpc.serviceAddresses4.get(ip.value);
    if (inVpc !== undefined) return inVpc;
    // Link-local services all sit in 169.254.0.0/16.
    if (ip.value >>> 16 !== 0xa9fe) return undefined;
  } else {
    const sub = eni.subnet.cidr6;
    if (sub && ipEquals(cidrAddress(sub, 1), ip)) return 'VPC router';
  }
  for (const s of LINK_LOCAL_SERVICES) if (ipEquals(s.address, ip)) return s.name;
  return undefined;
}

function run(net: Network, lk: Lookups, r: Resolved): TraceResult {
  const w = new Walker(net, lk);
  const src = r.source;
  const dst = r.destination;
  const srcIp = src.kind === 'eni' ? sourceAddress(src.eni, r.family) : src.ip;
  let dstIp: IpAddress | undefined;
  let intendedVpc: CVpc | undefined;
  if (dst.kind === 'eni') {
    dstIp = aimedAddress(dst.eni, dst.aim);
    intendedVpc = dst.eni.vpc;
    // From the internet to an interface without a public address: aim at its private address, which the
    // internet gateway refuses (the trace says why; format.md section 3).
    if (!dstIp && src.kind === 'internet' && dst.aim === 'public') dstIp = aimedAddress(dst.eni, 'private');
  } else {
    dstIp = dst.ip;
    intendedVpc = dst.vpc;
  }
  const query: ResolvedQuery = {
    from: r.query.from,
    to: r.query.to,
    family: r.family,
    protocol: r.protocol,
    proto: r.proto,
    sourceAddress: srcIp ? formatIp(srcIp) : '',
    destinationAddress: dstIp ? formatIp(dstIp) : '',
    sourcePorts: r.sourcePorts.map((p) => ({ from: p.from, to: p.to })),
    oneWay: r.oneWay,
  };
  if (r.port !== undefined) query.port = r.port;
  if (src.kind === 'service')
    return serviceSourceTrace(net, w, query, src.id, src.service, dst.kind === 'eni' ? dst.eni.vpc : dst.vpc);
  if (!srcIp || !dstIp) {
    const missing = !srcIp ? (src as { eni: CEni }).eni : (dst as { eni: CEni }).eni;
    const comp: PathComponent = {
      seq: 1,
      direction: 'forward',
      component: missing.instance
        ? { id: missing.instance.id, type: 'instance' }
        : { id: missing.id, type: 'network-interface' },
      action: 'drop',
      explanationCodes: ['SIM_NO_ADDRESS_FOR_FAMILY'],
    };
    const what =
      r.family === 6
        ? 'IPv6 address'
        : dst.kind === 'eni' && dst.aim === 'public' && srcIp
          ? 'public IPv4 address'
          : 'IPv4 address';
    return finish(
      net,
      w,
      query,
      [comp],
      [],
      [
        {
          code: 'SIM_NO_ADDRESS_FOR_FAMILY',
          pathDirection: 'forward',
          componentId: comp.component.id,
          componentType: comp.component.type,
          message: `${comp.component.id} has no ${what}, so it cannot take part in this ${r.family === 6 ? 'IPv6' : 'IPv4'} query.`,
          blocking: true,
        },
      ],
      undefined,
    );
  }

  const pkt: Packet = {
    family: r.family,
    proto: r.proto,
    src: srcIp,
    dst: dstIp,
    sport: hasPorts(r.proto) ? r.sourcePorts : [],
    dport: hasPorts(r.proto) && r.port !== undefined ? [{ from: r.port, to: r.port }] : [],
    icmpType: r.icmpType,
    icmpCode: r.icmpType !== undefined ? (r.icmpCode ?? 0) : undefined,
  };

  if (src.kind === 'eni') {
    const service = serviceAt(src.eni, dstIp);
    if (service) return serviceTrace(net, w, query, src.eni, dstIp, service);
  }

  const end: WalkEnd =
    src.kind === 'eni' ? w.startAtInterface(src.eni, pkt) : w.startAtInternet(pkt, src.id, src.external, intendedVpc);
  let working: PortSet | undefined;
  if (!r.oneWay && end.kind !== 'stopped') {
    const d = end.pkt;
    const reply: Packet = {
      family: d.family,
      proto: d.proto,
      src: d.dst,
      dst: d.src,
      sport: d.dport,
      dport: d.sport,
      icmpType: d.icmpType !== undefined ? replyIcmpType(d.icmpType) : undefined,
      icmpCode: d.icmpCode,
    };
    w.beginReturn({
      clientEni: src.kind === 'eni' ? src.eni : undefined,
      clientAddress: srcIp,
      clientPorts: pkt.sport,
      serverAddress: dstIp,
    });
    const back =
      end.kind === 'device'
        ? w.returnFromDevice(end.device, reply)
        : end.kind === 'service'
          ? w.returnFromService(reply, end.endpoint)
          : w.returnFromInternet(reply, end.exit);
    if (back.kind !== 'stopped') {
      w.finishReturnAt(back.kind === 'device' && back.device.kind === 'eni' ? back.device : undefined, back.pkt);
      if (hasPorts(r.proto)) working = back.pkt.dport;
    }
  }
  let workingPorts: PortSet | undefined;
  if (w.natPartial) workingPorts = w.natPartial.working;
  else if (working && !portSetEquals(working, pkt.sport) && working.length > 0) workingPorts = working;
  const result = finish(net, w, query, w.forward, w.ret, w.explanations, workingPorts);
  if (result.verdict === 'BLOCKED' && src.kind === 'eni' && dst.kind === 'eni' && dst.aim !== 'public') {
    const a = src.eni.vpc;
    const b = dst.eni.vpc;
    if (a !== b && !vpcsConnected(net, a, b)) {
      // A summary beside the blocker (semantics.md 13, T-PCX-03): nothing joins the two VPCs at all.
      result.explanations.push({
        code: 'DISCONNECTED_VPCS',
        pathDirection: 'forward',
        componentId: b.id,
        componentType: 'vpc',
        message: `No active peering connection or transit gateway joins ${a.id} and ${b.id}, so no route can carry the packet between them.`,
        blocking: false,
      });
    }
  }
  return result;
}

/**
 * Whether a supported connection joins two VPCs: an active peering between them, or transit gateways
 * they are attached to (available attachments) that are the same or linked by available peering
 * attachments. Routes are not considered: this is the "is anything there at all" summary.
 */
function vpcsConnected(net: Network, a: CVpc, b: CVpc): boolean {
  let byVpc = connectedCache.get(net);
  if (!byVpc) connectedCache.set(net, (byVpc = new Map<CVpc, Set<CVpc>>()));
  let joined = byVpc.get(a);
  if (!joined) byVpc.set(a, (joined = connectedVpcs(net, a)));
  return joined.has(b);
}
const connectedCache = new WeakMap<Network, Map<CVpc, Set<CVpc>>>();

/** Every VPC joined to `a` by an active peering or by transit gateways reachable from its attachments. */
function connectedVpcs(net: Network, a: CVpc): Set<CVpc> {
  const out = new Set<CVpc>();
  for (const p of net.peerings.values()) {
    if (p.status !== 'active') continue;
    if (p.requester === a) out.add(p.accepter);
    else if (p.accepter === a) out.add(p.requester);
  }
  const reached = new Set<CTransitGateway>();
  const queue: CTransitGateway[] = [];
  for (const att of net.tgwAttachments.values()) {
    if (att.available && att.type === 'vpc' && att.vpc === a && !reached.has(att.tgw)) {
      reached.add(att.tgw);
      queue.push(att.tgw);
    }
  }
  for (let tgw = queue.shift(); tgw; tgw = queue.shift()) {
    for (const att of net.tgwAttachments.values()) {
      if (!att.available || att.type !== 'peering' || !att.peerTgw) continue;
      const other = att.tgw === tgw ? att.peerTgw : att.peerTgw === tgw ? att.tgw : undefined;
      if (other && !reached.has(other)) {
        reached.add(other);
        queue.push(other);
      }
    }
  }
  for (const att of net.tgwAttachments.values()) {
    if (att.available && att.type === 'vpc' && att.vpc && reached.has(att.tgw)) out.add(att.vpc);
  }
  return out;
}

function replyIcmpType(t: number): number {
  if (t === 8) return 0;
  if (t === 128) return 129;
  return t;
}

/**
 * A query that starts at an AWS service: services answer, they do not call in. Through a gateway
 * endpoint of the destination's VPC that is VPCE_INTRA_VPC_TRAFFIC at the endpoint; otherwise there is
 * no path at all (semantics.md 10.2 rule 7).
 */
function serviceSourceTrace(
  net: Network,
  w: Walker,
  query: ResolvedQuery,
  id: string,
  service: string,
  vpc: CVpc | undefined,
): TraceResult {
  const svc: PathComponent = {
    seq: 1,
    direction: 'forward',
    component: { id, type: 'aws-service' },
    action: 'send',
  };
  const endpoint = vpc
    ? [...net.gatewayEndpoints.values()].find(
        (ep) => ep.vpc === vpc && (ep.service === service || ep.service.endsWith(`.${service}`)),
      )
    : undefined;
  if (endpoint) {
    const comp: PathComponent = {
      seq: 2,
      direction: 'forward',
      component: endpoint.ref,
      action: 'drop',
      vpc: endpoint.vpc.id,
      explanationCodes: ['VPCE_INTRA_VPC_TRAFFIC'],
    };
    return finish(
      net,
      w,
      query,
      [svc, comp],
      [],
      [
        {
          code: 'VPCE_INTRA_VPC_TRAFFIC',
          pathDirection: 'forward',
          componentId: endpoint.id,
          componentType: 'vpc-endpoint',
          message: `${endpoint.id} carries ${service} traffic only as replies to connections opened from ${endpoint.vpc.id}; ${service} cannot open a connection into the VPC through it.`,
          blocking: true,
        },
      ],
      undefined,
    );
  }
  svc.action = 'drop';
  svc.explanationCodes = ['NO_PATH'];
  return finish(
    net,
    w,
    query,
    [svc],
    [],
    [
      {
        code: 'NO_PATH',
        pathDirection: 'forward',
        componentId: service,
        componentType: 'aws-service',
        message: `${service} is an AWS service: it answers connections but never opens one toward ${query.destinationAddress}.`,
        blocking: true,
      },
    ],
    undefined,
  );
}

function serviceTrace(
  net: Network,
  w: Walker,
  query: ResolvedQuery,
  eni: CEni,
  ip: IpAddress,
  service: string,
): TraceResult {
  const svc = { id: `${eni.vpc.id}/${formatIp(ip)}`, type: 'vpc-service' as const, name: service };
  const fwd: PathComponent[] = [];
  const back: PathComponent[] = [];
  if (eni.instance)
    fwd.push({ seq: 0, direction: 'forward', component: { id: eni.instance.id, type: 'instance' }, action: 'send' });
  fwd.push({ seq: 0, direction: 'forward', component: { id: eni.id, type: 'network-interface' }, action: 'send' });
  fwd.push({
    seq: 0,
    direction: 'forward',
    component: svc,
    action: 'deliver',
    additionalDetails: ['NOT_FILTERED_BY_SG_OR_NACL'],
  });
  if (!query.oneWay) {
    back.push({
      seq: 0,
      direction: 'return',
      component: svc,
      action: 'send',
      additionalDetails: ['NOT_FILTERED_BY_SG_OR_NACL'],
    });
    back.push({ seq: 0, direction: 'return', component: { id: eni.id, type: 'network-interface' }, action: 'deliver' });
    if (eni.instance)
      back.push({
        seq: 0,
        direction: 'return',
        component: { id: eni.instance.id, type: 'instance' },
        action: 'deliver',
      });
  }
  [...fwd, ...back].forEach((c, i) => (c.seq = i + 1));
  return finish(net, w, query, fwd, back, [], undefined);
}

function finish(
  net: Network,
  w: Walker,
  query: ResolvedQuery,
  forward: PathComponent[],
  ret: PathComponent[],
  explanations: Explanation[],
  workingPortRanges: PortSet | undefined,
): TraceResult {
  const warnings: Diagnostic[] = [];
  if (net.diagnosticsByResource.size > 0) {
    for (const id of w.touched) {
      for (const d of net.diagnosticsByResource.get(id) ?? []) {
        // Rule- and route-level diagnostics matter only when that exact rule or route decided.
        const m = d.path === undefined ? null : /^(.*?\.(?:routes|inbound|outbound)\[\d+\])/.exec(d.path);
        if (m && !w.usedPaths.has(m[1]!)) continue;
        warnings.push(d);
      }
    }
  }
  const invalid = warnings.filter((d) => d.severity === 'error');
  const all = [...explanations];
  if (invalid.length > 0) {
    const first = invalid[0]!;
    const configExplanation: Explanation = {
      code: 'SIM_INVALID_CONFIG_ON_PATH',
      pathDirection: 'forward',
      componentId: first.resourceId ?? '',
      componentType: componentTypeOf(net, first.resourceId ?? ''),
      message: `The path depends on configuration AWS would reject: ${invalid.map((d) => `${d.code} (${d.message})`).join('; ')}`,
      blocking: true,
    };
    // It decides the verdict (first), unless the path also needs what the engine does not model.
    if (w.unsupported) all.push(configExplanation);
    else all.unshift(configExplanation);
  }
  const blocking = all.filter((e) => e.blocking);
  let verdict: Verdict;
  if (w.unsupported) verdict = 'UNSUPPORTED';
  else if (blocking.some((e) => e.code === 'SIM_INVALID_CONFIG_ON_PATH')) verdict = 'INVALID_CONFIG';
  else if (blocking.length > 0) verdict = 'BLOCKED';
  else if (workingPortRanges) verdict = 'REACHABLE_PARTIAL';
  else verdict = 'REACHABLE';
  return {
    query,
    verdict,
    forward,
    return: ret,
    explanations: all,
    ...(verdict === 'REACHABLE_PARTIAL' && workingPortRanges
      ? { workingPortRanges: workingPortRanges.map((p) => ({ from: p.from, to: p.to })) }
      : {}),
    warnings,
  };
}

function componentTypeOf(net: Network, id: string): Explanation['componentType'] {
  if (net.subnets.has(id)) return 'subnet';
  if (net.vpcs.has(id)) return 'vpc';
  if (net.routeTables.has(id)) return 'route-table';
  if (net.nacls.has(id)) return 'network-acl';
  if (net.securityGroups.has(id)) return 'security-group';
  if (net.instances.has(id)) return 'instance';
  if (net.natGateways.has(id)) return 'nat-gateway';
  if (net.internetGateways.has(id)) return 'internet-gateway';
  if (net.egressOnlyInternetGateways.has(id)) return 'egress-only-internet-gateway';
  return 'network-interface';
}
