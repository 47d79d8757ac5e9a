/**
 * Maps describe-route-tables items: associations and routes with their targets as AWS printed them;
 * targets vpcsim does not model are kept (traffic stops there) and named in a warning.
 */
import type { RouteDraft, RouteTableDraft } from './drafts.ts';
import type { Rec } from './fields.ts';
import type { InputFile } from './recognise.ts';
import type { ImportState } from './state.ts';
import { cidrField } from './values.ts';

/** Target fields in the order AWS fills them; the first present one is the route's target. */
const TARGET_FIELDS = [
  'GatewayId',
  'NatGatewayId',
  'TransitGatewayId',
  'VpcPeeringConnectionId',
  'EgressOnlyInternetGatewayId',
  'NetworkInterfaceId',
  'InstanceId',
  'CarrierGatewayId',
  'LocalGatewayId',
  'CoreNetworkArn',
] as const;

/** Fields whose targets vpcsim does not model, with what they are. */
const UNMODELLED_FIELDS: Readonly<Record<string, string>> = {
  CarrierGatewayId: 'a carrier gateway (Wavelength)',
  LocalGatewayId: 'a local gateway (Outposts)',
  CoreNetworkArn: 'a Cloud WAN core network',
};

function unmodelledTarget(field: string, target: string): string | undefined {
  if (UNMODELLED_FIELDS[field] !== undefined) return UNMODELLED_FIELDS[field];
  if (field === 'GatewayId' && target.startsWith('vgw-')) return 'a virtual private gateway (VPN)';
  return undefined;
}

function mapRoute(rec: Rec, tableId: string, n: number, st: ImportState): RouteDraft | undefined {
  const v4 = rec.has('DestinationCidrBlock')
    ? cidrField(rec, 'DestinationCidrBlock', 4, 'the route is left out')
    : undefined;
  const v6 = rec.has('DestinationIpv6CidrBlock')
    ? cidrField(rec, 'DestinationIpv6CidrBlock', 6, 'the route is left out')
    : undefined;
  const pl = rec.str('DestinationPrefixListId');
  const destination = v4 ?? v6 ?? pl;
  if (destination === undefined) {
    if (!rec.has('DestinationCidrBlock') && !rec.has('DestinationIpv6CidrBlock')) {
      st.r.error(
        'IMPORT_AWS_FIELD_MISSING',
        rec.at(),
        `${rec.file}: route table ${tableId} route ${n} has no DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId; the route is left out`,
      );
    }
    return undefined;
  }
  let field: string | undefined;
  let target: string | undefined;
  for (const f of TARGET_FIELDS) {
    const value = rec.str(f);
    if (value !== undefined) {
      field = f;
      target = value;
      break;
    }
  }
  if (field === undefined || target === undefined) {
    st.r.error(
      'IMPORT_AWS_FIELD_MISSING',
      rec.at(),
      `${rec.file}: route table ${tableId} route to ${destination} names no target (GatewayId, NatGatewayId, ...); the route is left out`,
    );
    return undefined;
  }
  const route: RouteDraft = {
    n,
    destination,
    prefixList: v4 === undefined && v6 === undefined,
    target: target === 'local' ? 'local' : target,
    field,
    propagated: rec.str('Origin') === 'EnableVgwRoutePropagation',
    blackhole: rec.str('State') === 'blackhole',
  };
  // AWS prints an instance target as its interface and the instance; the interface is the precise one.
  const instance = rec.str('InstanceId');
  if (field === 'NetworkInterfaceId' && instance !== undefined) route.alt = instance;
  const what = unmodelledTarget(field, target);
  if (what !== undefined) {
    st.r.warning(
      'IMPORT_AWS_UNSUPPORTED',
      rec.at(field),
      `${rec.file}: route table ${tableId} route to ${destination} goes to ${what} ${target}, which vpcsim does not model; the route is kept and traffic on it stops there`,
    );
  }
  return route;
}

/** One item of describe-route-tables. */
export function mapRouteTable(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('RouteTableId', 'route table');
  if (id === undefined) return;
  const vpcId = rec.str('VpcId', 'the route table is left out');
  if (vpcId === undefined) return;
  const draft: RouteTableDraft = { id, vpcId, main: false, subnetIds: [], gatewayIds: [], routes: [] };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  for (const a of rec.records('Associations')) {
    const state = a.obj('AssociationState')?.str('State');
    if (state !== undefined && state !== 'associated' && state !== 'associating') continue;
    if (a.bool('Main') === true) draft.main = true;
    const subnetId = a.str('SubnetId');
    if (subnetId !== undefined && !draft.subnetIds.includes(subnetId)) draft.subnetIds.push(subnetId);
    const gatewayId = a.str('GatewayId');
    if (gatewayId === undefined) continue;
    if (gatewayId.startsWith('igw-')) {
      if (!draft.gatewayIds.includes(gatewayId)) draft.gatewayIds.push(gatewayId);
    } else {
      st.r.warning(
        'IMPORT_AWS_UNSUPPORTED',
        a.at('GatewayId'),
        `${rec.file}: route table ${id} is the edge route table of ${gatewayId}; vpcsim models edge associations with internet gateways only, so this one is left out`,
      );
    }
  }
  draft.subnetIds.sort();
  draft.gatewayIds.sort();
  rec.records('Routes').forEach((routeRec, n) => {
    routeRec.label = `route table ${id} route ${n}`;
    const route = mapRoute(routeRec, id, n, st);
    if (route) draft.routes.push(route);
  });
  st.routeTables.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
}
