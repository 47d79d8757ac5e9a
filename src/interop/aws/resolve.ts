// Runs the resolution steps in dependency order: what a step references is kept (or not) before it runs.
import { Resolver } from './resolve-context.ts';
import { resolveInterfaces } from './resolve-interfaces.ts';
import {
  resolveEndpoints,
  resolveInternetGateways,
  resolveNetworkAcls,
  resolvePeerings,
  resolveRouteTableShells,
  resolveSecurityGroupShells,
  resolveSubnets,
  resolveVpcs,
} from './resolve-network.ts';
import { resolvePrefixLists } from './resolve-prefix-lists.ts';
import { resolveRoutes, resolveSecurityGroupRules } from './resolve-rules.ts';
import { resolveTransit } from './resolve-transit.ts';
import { emptyBuilt, type Built, type Ctx } from './resolve-types.ts';
import type { ImportState } from './state.ts';

/** Turns the collected drafts into the format's arrays, reporting every reference that fails. */
export function resolveAll(st: ImportState): Built {
  const cx: Ctx = {
    st,
    rs: new Resolver(st),
    out: emptyBuilt(),
    routeTables: new Map(),
    securityGroups: new Map(),
    endpoints: new Map(),
    natGateways: new Map(),
    attachments: new Map(),
    interfaces: new Map(),
    prefixListIds: new Map(),
  };
  resolveVpcs(cx);
  resolveSubnets(cx);
  resolveInternetGateways(cx);
  resolveRouteTableShells(cx);
  resolveNetworkAcls(cx);
  resolveSecurityGroupShells(cx);
  resolvePrefixLists(cx);
  resolvePeerings(cx);
  resolveEndpoints(cx);
  resolveTransit(cx);
  resolveInterfaces(cx);
  resolveRoutes(cx);
  resolveSecurityGroupRules(cx);
  return cx.out;
}
