// Plain-text descriptions of trace data for the page: which rule or route decided at a path component.
import type { AclRuleRef, PathComponent, RouteRef, SecurityGroupRuleRef, TraceQuery } from '../engine/index.ts';
import type { Check } from '../model/index.ts';
import { formatPortRange } from '../lib/index.ts';

/** `acl-private inbound rule 100 (allow)`; the implicit final rule reads `rule * (deny)`. */
export function describeAclRule(rule: AclRuleRef): string {
  const number = rule.ruleNumber === 32767 ? '*' : String(rule.ruleNumber);
  return `${rule.aclId} ${rule.egress ? 'outbound' : 'inbound'} rule ${number} (${rule.action})`;
}

/** `sg-web inbound rule 2: tcp 443 from 0.0.0.0/0`, or the tracked-connection case. */
export function describeSecurityGroupRule(rule: SecurityGroupRuleRef): string {
  if (rule.viaConntrack) return `${rule.sgId}: reply of a tracked connection`;
  const which = rule.ruleIndex < 0 || rule.implicit ? 'default rule' : `rule ${rule.ruleIndex + 1}`;
  const ports = rule.portRange ? ` ${formatPortRange(rule.portRange)}` : '';
  const peer = rule.direction === 'ingress' ? `from ${rule.peer}` : `to ${rule.peer}`;
  return `${rule.sgId} ${rule.direction === 'ingress' ? 'inbound' : 'outbound'} ${which}: ${rule.protocol}${ports} ${peer}`;
}

/** `rtb-public: 0.0.0.0/0 → igw-main`, with `(blackhole)` when the route is dead. */
export function describeRoute(route: RouteRef): string {
  const state = route.state === 'blackhole' ? ' (blackhole)' : '';
  return `${route.routeTableId}: ${route.destination} → ${route.target}${state}`;
}

/** The rule or route that decided at a component, or an empty string when none is attached. */
export function describeDecision(component: PathComponent): string {
  const parts: string[] = [];
  if (component.aclRule) parts.push(describeAclRule(component.aclRule));
  if (component.securityGroupRule) parts.push(describeSecurityGroupRule(component.securityGroupRule));
  if (component.routeTableRoute) parts.push(describeRoute(component.routeTableRoute));
  return parts.join('; ');
}

/** `i-web → internet, tcp 443` for a check or a query. */
export function describeQuery(query: Pick<Check | TraceQuery, 'from' | 'to' | 'protocol' | 'port'>): string {
  const protocol = query.protocol ?? 'tcp';
  const port = query.port === undefined ? '' : ` ${query.port}`;
  return `${query.from} → ${query.to}, ${protocol}${port}`;
}
