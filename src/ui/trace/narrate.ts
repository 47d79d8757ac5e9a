// One plain sentence per path component for the step-through player: what AWS does at that stop and
// why (stateful security groups, stateless NACLs, routes, address rewrites), or why the packet stopped.
import type {
  AclRuleRef,
  Explanation,
  PacketHeader,
  PathComponent,
  RouteRef,
  SecurityGroupRuleRef,
  TraceResult,
} from '../../engine/index.ts';
import { formatPortRange, formatPortSet, type PortRange } from '../../lib/index.ts';

/** The explanations raised at a component (matched by its codes, then by its id or interface). */
export function explanationsAt(component: PathComponent, result: TraceResult): Explanation[] {
  const codes = component.explanationCodes ?? [];
  if (codes.length === 0) return [];
  const ids = new Set([component.component.id, ...(component.attachedTo === undefined ? [] : [component.attachedTo])]);
  const same = result.explanations.filter(
    (e) => e.pathDirection === component.direction && codes.includes(e.code) && ids.has(e.componentId),
  );
  if (same.length > 0) return same;
  return result.explanations.filter((e) => e.pathDirection === component.direction && codes.includes(e.code));
}

const packetWord = (c: PathComponent): string => (c.direction === 'forward' ? 'request' : 'reply');

function ruleNumber(rule: AclRuleRef): string {
  return rule.ruleNumber === 32767 ? 'the final rule *' : `rule ${rule.ruleNumber}`;
}

function portsPhrase(ports: readonly PortRange[]): string {
  if (ports.length === 0) return '';
  const single = ports.length === 1 && ports[0]?.from === ports[0]?.to;
  return `${single ? 'port' : 'ports'} ${formatPortSet(ports)}`;
}

/** The destination ports of the packet at this stop: the service port out, the client's ports back. */
function packetPorts(c: PathComponent, result: TraceResult): PortRange[] {
  const q = result.query;
  if (c.direction === 'return') return q.sourcePorts;
  return q.port === undefined ? [] : [{ from: q.port, to: q.port }];
}

/** `10.0.2.10:40000`, or just the address when the ports are a range. */
function endpoint(addresses: readonly string[], ports: readonly PortRange[]): string {
  const address = addresses.length === 1 ? (addresses[0] ?? '') : addresses.join(', ');
  const p = ports.length === 1 ? ports[0] : undefined;
  return p !== undefined && p.from === p.to ? `${address}:${formatPortRange(p)}` : address;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function samePorts(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  return a.length === b.length && a.every((x, i) => x.from === b[i]?.from && x.to === b[i]?.to);
}

/** `the source 10.0.2.10:40000 to 3.3.3.3:1024`, `the destination ...`, both, or undefined. */
function rewrite(before: PacketHeader | undefined, after: PacketHeader | undefined): string | undefined {
  if (before === undefined || after === undefined) return undefined;
  const parts: string[] = [];
  if (!sameList(before.src, after.src) || !samePorts(before.sport, after.sport)) {
    parts.push(`the source ${endpoint(before.src, before.sport)} to ${endpoint(after.src, after.sport)}`);
  }
  if (!sameList(before.dst, after.dst) || !samePorts(before.dport, after.dport)) {
    parts.push(`the destination ${endpoint(before.dst, before.dport)} to ${endpoint(after.dst, after.dport)}`);
  }
  return parts.length === 0 ? undefined : parts.join(' and ');
}

function sgRulePhrase(rule: SecurityGroupRuleRef): string {
  const list = rule.direction === 'ingress' ? 'inbound' : 'outbound';
  if (rule.implicit === true || rule.ruleIndex < 0) return `the default ${list} rule allows all traffic`;
  const ports = rule.portRange === undefined ? '' : ` ${formatPortRange(rule.portRange)}`;
  const peer = rule.direction === 'ingress' ? `from ${rule.peer}` : `to ${rule.peer}`;
  const what = rule.protocol === 'all' || rule.protocol === '-1' ? 'all traffic' : `${rule.protocol}${ports}`;
  return `${list} rule ${rule.ruleIndex + 1} allows ${what} ${peer}`;
}

function securityGroup(c: PathComponent, result: TraceResult): string {
  const id = c.component.id;
  const word = packetWord(c);
  const rule = c.securityGroupRule;
  const on = c.attachedTo === undefined ? '' : ` on ${c.attachedTo}`;
  if (rule?.viaConntrack === true) {
    return `The security group ${id}${on} allows the ${word} back without checking its rules: it remembers the connection (stateful).`;
  }
  const way = c.trafficDirection === 'egress' ? 'out' : 'in';
  if (rule !== undefined) return `The security group ${id}${on} lets the ${word} ${way}: ${sgRulePhrase(rule)}.`;
  const ports = portsPhrase(packetPorts(c, result));
  return `The security group ${id}${on} lets the ${word} ${way}${ports === '' ? '' : ` on ${ports}`}.`;
}

function networkAcl(c: PathComponent, result: TraceResult): string {
  const id = c.component.id;
  const word = packetWord(c);
  const list = c.trafficDirection === 'egress' ? 'outbound' : 'inbound';
  const where =
    c.subnet === undefined ? '' : c.trafficDirection === 'egress' ? ` leaving ${c.subnet}` : ` entering ${c.subnet}`;
  const rule = c.aclRule;
  const ruleText = rule === undefined ? 'a rule' : ruleNumber(rule);
  if (c.direction === 'return') {
    const ports = portsPhrase(packetPorts(c, result));
    return `The network ACL ${id} checks the reply${where} against its ${list} rules: it is stateless, so ${ruleText} must allow ${ports === '' ? 'it' : ports}.`;
  }
  return `The network ACL ${id} checks the ${word}${where} against its ${list} rules in order: ${ruleText} allows it.`;
}

/** The packet's destination when it reaches `c`: the query's, as rewritten by earlier translations. */
function currentDestination(c: PathComponent, result: TraceResult): string {
  const path = c.direction === 'forward' ? result.forward : result.return;
  let dst = c.direction === 'forward' ? result.query.destinationAddress : result.query.sourceAddress;
  for (const p of path) {
    if (p === c) break;
    const next = p.outboundHeader?.dst[0];
    if (next !== undefined) dst = next;
  }
  return dst;
}

function routePhrase(route: RouteRef): string {
  if (route.origin === 'local' || route.targetType === 'local') {
    return `the local route ${route.destination} keeps it inside the VPC`;
  }
  const how =
    route.origin === 'propagated'
      ? 'the propagated route'
      : route.origin === 'gatewayEndpoint'
        ? 'the endpoint route'
        : 'the route';
  return `${how} ${route.destination} sends it to ${route.target}`;
}

function routeTable(c: PathComponent, result: TraceResult): string {
  const id = c.component.id;
  const from = c.subnet === undefined ? '' : ` of ${c.subnet}`;
  const route = c.routeTableRoute;
  const to = currentDestination(c, result);
  if (route !== undefined) {
    return `The route table ${id}${from} picks the most specific route for ${to}: ${routePhrase(route)}.`;
  }
  return `The route table ${id}${from} looks up the route for ${to}.`;
}

function tgwRouteTable(c: PathComponent): string {
  const id = c.component.id;
  const r = c.tgwRoute;
  if (r === undefined) return `The transit gateway route table ${id} looks up where to send the ${packetWord(c)}.`;
  const target = r.attachmentId === undefined ? 'its attachment' : `attachment ${r.attachmentId}`;
  return `The transit gateway route table ${id} sends the ${packetWord(c)} to ${target} by the ${r.type} route ${r.destination}.`;
}

/** Where the packet is relative to the transit gateway: entering (before its route table) or leaving. */
function tgwAttachment(c: PathComponent, result: TraceResult): string {
  const id = c.component.id;
  const path = c.direction === 'forward' ? result.forward : result.return;
  const at = path.indexOf(c);
  const next = at >= 0 ? path[at + 1] : undefined;
  const entering = next?.component.type === 'transit-gateway-route-table';
  const vpc = c.vpc === undefined ? '' : entering ? ` from ${c.vpc}` : ` into ${c.vpc}`;
  return entering
    ? `The ${packetWord(c)} enters the transit gateway through attachment ${id}${vpc}, whose associated route table decides where it goes next.`
    : `The transit gateway hands the ${packetWord(c)} to attachment ${id}${vpc}.`;
}

function translate(c: PathComponent, what: string): string {
  const change = rewrite(c.inboundHeader, c.outboundHeader);
  const id = c.component.id;
  if (change === undefined) return `The ${what} ${id} passes the ${packetWord(c)} on.`;
  return `The ${what} ${id} rewrites ${change}.`;
}

function endpointHost(c: PathComponent, result: TraceResult, what: string): string {
  const id = c.component.id;
  const q = result.query;
  const sending = c.action === 'send';
  const from = c.direction === 'forward' ? q.sourceAddress : q.destinationAddress;
  const to = c.direction === 'forward' ? q.destinationAddress : q.sourceAddress;
  const ports = portsPhrase(packetPorts(c, result));
  const proto = ports === '' ? q.protocol : `${q.protocol} ${ports}`;
  if (sending) {
    return c.direction === 'forward'
      ? `The ${what} ${id} sends the request from ${from} to ${to} (${proto}).`
      : `The ${what} ${id} answers: the reply goes from ${from} back to ${to}.`;
  }
  return c.direction === 'forward'
    ? `The ${what} ${id} receives the request (${proto}).`
    : `The ${what} ${id} receives the reply: the connection works both ways.`;
}

function networkInterface(c: PathComponent): string {
  const id = c.component.id;
  const word = packetWord(c);
  switch (c.action) {
    case 'send':
      return `The ${word} leaves through the network interface ${id}, so its security groups and its subnet's network ACL apply.`;
    case 'deliver':
      return `The ${word} arrives at the network interface ${id}.`;
    case 'forward':
      return `The network interface ${id} forwards the ${word}: its source/destination check is off, so it may carry traffic that is not its own.`;
    case 'translate':
      return translate(c, 'network interface');
    default:
      return `The network interface ${id} handles the ${word}.`;
  }
}

const KIND_WORDS: Partial<Record<PathComponent['component']['type'], string>> = {
  'internet-gateway': 'internet gateway',
  'egress-only-internet-gateway': 'egress-only internet gateway',
  'nat-gateway': 'NAT gateway',
  'vpc-peering-connection': 'peering connection',
  'transit-gateway': 'transit gateway',
  'vpc-endpoint': 'VPC endpoint',
  vpc: 'VPC',
  subnet: 'subnet',
  'vpc-service': 'VPC service',
  'transit-gateway-attachment': 'transit gateway attachment',
  'transit-gateway-route-table': 'transit gateway route table',
  'route-table': 'route table',
  'network-acl': 'network ACL',
  'security-group': 'security group',
  'network-interface': 'network interface',
  instance: 'instance',
  internet: 'internet',
  'external-host': 'external host',
  'aws-service': 'service',
};

function kindWord(c: PathComponent): string {
  return KIND_WORDS[c.component.type] ?? c.component.type;
}

function blocked(c: PathComponent, result: TraceResult): string {
  const id = c.component.id;
  const word = packetWord(c);
  const why = explanationsAt(c, result).find((e) => e.blocking) ?? explanationsAt(c, result)[0];
  const reason = why === undefined ? '' : `: ${why.message.replace(/\.\s*$/, '')}`;
  const verb = c.action === 'deny' ? 'denies' : 'drops';
  const on = c.component.type === 'security-group' && c.attachedTo !== undefined ? ` on ${c.attachedTo}` : '';
  return `The ${kindWord(c)} ${id}${on} ${verb} the ${word}${reason}.`;
}

function sentence(c: PathComponent, result: TraceResult): string {
  const id = c.component.id;
  const word = packetWord(c);
  if (c.action === 'drop' || c.action === 'deny') return blocked(c, result);
  switch (c.component.type) {
    case 'instance':
      return endpointHost(c, result, 'instance');
    case 'external-host':
      return endpointHost(c, result, 'external host');
    case 'aws-service':
      return endpointHost(c, result, 'service');
    case 'internet':
      if (c.action === 'send') {
        return c.direction === 'forward'
          ? `The request comes from the ${id} (${result.query.sourceAddress}).`
          : `The ${id} sends the reply back from ${result.query.destinationAddress}.`;
      }
      return `The ${word} reaches the ${id}.`;
    case 'network-interface':
      return networkInterface(c);
    case 'security-group':
      return securityGroup(c, result);
    case 'network-acl':
      return networkAcl(c, result);
    case 'route-table':
      return routeTable(c, result);
    case 'transit-gateway-route-table':
      return tgwRouteTable(c);
    case 'transit-gateway-attachment':
      return tgwAttachment(c, result);
    case 'internet-gateway': {
      const change = rewrite(c.inboundHeader, c.outboundHeader);
      return change === undefined
        ? `The internet gateway ${id} passes the ${word} between the VPC and the internet.`
        : `The internet gateway ${id} rewrites ${change}: one-to-one NAT between the instance's private and public IP.`;
    }
    case 'nat-gateway':
      return translate(c, 'NAT gateway');
    case 'egress-only-internet-gateway':
      return c.direction === 'forward'
        ? `The egress-only internet gateway ${id} lets the IPv6 request out to the internet and remembers the connection.`
        : `The egress-only internet gateway ${id} lets the reply in because the connection started inside the VPC.`;
    case 'vpc-peering-connection':
      return `The peering connection ${id} carries the ${word}${c.vpc === undefined ? '' : ` from ${c.vpc}`} to the peer VPC.`;
    case 'vpc-endpoint':
      return c.direction === 'forward'
        ? `The VPC endpoint ${id} carries the request to the service privately, without the internet.`
        : `The VPC endpoint ${id} brings the service's reply back into the VPC.`;
    case 'transit-gateway':
      return `The transit gateway ${id} forwards the ${word}.`;
    default:
      return `The ${kindWord(c)} ${id} ${c.action === 'translate' ? 'translates' : 'passes on'} the ${word}.`;
  }
}

/**
 * One sentence for a path component of `result`. Past a blocker (`whatIf`) the sentence says the
 * step is hypothetical.
 */
export function narrate(component: PathComponent, result: TraceResult): string {
  let text = sentence(component, result);
  const notes = component.action === 'drop' || component.action === 'deny' ? [] : explanationsAt(component, result);
  const note = notes[0];
  if (note !== undefined) text = `${text.replace(/\.$/, '')}; ${note.message.replace(/\.\s*$/, '')}.`;
  if (component.whatIf === true) text = `${text.replace(/\.$/, '')} (only if the earlier block were fixed).`;
  return text;
}
