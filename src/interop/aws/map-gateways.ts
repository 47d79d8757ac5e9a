/**
 * Maps internet and egress-only internet gateways, NAT gateways, VPC peering connections and Elastic
 * IP addresses (describe-addresses).
 */
import type { AddressDraft, GatewayDraft, NatDraft, PeeringDraft } from './drafts.ts';
import type { Rec } from './fields.ts';
import type { InputFile } from './recognise.ts';
import type { ImportState } from './state.ts';
import { ipField } from './values.ts';

/** The VPC a gateway is attached to, or null (detached, or attaching/detaching). */
function attachedVpc(rec: Rec): string | null {
  for (const a of rec.records('Attachments')) {
    const state = a.str('State');
    const vpcId = a.str('VpcId');
    // Internet gateways say `available` when attached, egress-only gateways `attached`.
    if (vpcId !== undefined && (state === undefined || state === 'available' || state === 'attached')) return vpcId;
  }
  return null;
}

function mapGateway(
  rec: Rec,
  file: InputFile,
  st: ImportState,
  idKey: 'InternetGatewayId' | 'EgressOnlyInternetGatewayId',
): void {
  const kind = idKey === 'InternetGatewayId' ? 'internet gateway' : 'egress-only internet gateway';
  const id = rec.id(idKey, kind);
  if (id === undefined) return;
  const draft: GatewayDraft = { id, vpcId: attachedVpc(rec) };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  const collection = idKey === 'InternetGatewayId' ? st.internetGateways : st.egressOnlyInternetGateways;
  collection.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
}

/** One item of describe-internet-gateways. */
export function mapInternetGateway(rec: Rec, file: InputFile, st: ImportState): void {
  mapGateway(rec, file, st, 'InternetGatewayId');
}

/** One item of describe-egress-only-internet-gateways. */
export function mapEgressOnlyGateway(rec: Rec, file: InputFile, st: ImportState): void {
  mapGateway(rec, file, st, 'EgressOnlyInternetGatewayId');
}

const NAT_STATES = ['available', 'pending', 'failed', 'deleting', 'deleted'] as const;

/** One item of describe-nat-gateways. */
export function mapNatGateway(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('NatGatewayId', 'NAT gateway');
  if (id === undefined) return;
  if (rec.str('AvailabilityMode') === 'regional' && !rec.has('SubnetId')) {
    st.r.warning(
      'IMPORT_AWS_UNSUPPORTED',
      rec.at('AvailabilityMode'),
      `${rec.file}: NAT gateway ${id} is a Regional NAT gateway without a subnet, which vpcsim does not model; it is left out`,
    );
    st.leftOut.set(id, 'it is a Regional NAT gateway');
    return;
  }
  const subnetId = rec.str('SubnetId', 'the NAT gateway is left out');
  if (subnetId === undefined) return;
  const stateText = rec.str('State') ?? 'available';
  const state = NAT_STATES.find((s) => s === stateText);
  if (state === undefined) {
    rec.r.warning(
      'IMPORT_AWS_FIELD_VALUE',
      rec.at('State'),
      `${rec.file}: NAT gateway ${id} has State ${JSON.stringify(stateText)}; it is treated as failed`,
    );
  }
  const connectivity = rec.str('ConnectivityType') === 'private' ? 'private' : 'public';
  const draft: NatDraft = { id, subnetId, connectivity, state: state ?? 'failed', interfaceIds: [] };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  const addresses = rec.records('NatGatewayAddresses');
  // The primary address carries the gateway's own IPs; secondary ones only widen its port space.
  const primary = addresses.find((a) => a.bool('IsPrimary') === true) ?? addresses[0];
  for (const a of addresses) {
    const eni = a.str('NetworkInterfaceId');
    if (eni !== undefined && !draft.interfaceIds.includes(eni)) draft.interfaceIds.push(eni);
  }
  if (primary) {
    const privateIp = ipField(primary, 'PrivateIp', 4);
    if (privateIp !== undefined) draft.privateIp = privateIp;
    const publicIp = connectivity === 'public' ? ipField(primary, 'PublicIp', 4) : undefined;
    if (publicIp !== undefined) draft.publicIp = publicIp;
  }
  st.natGateways.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
}

/** One item of describe-vpc-peering-connections. */
export function mapPeering(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('VpcPeeringConnectionId', 'VPC peering connection');
  if (id === undefined) return;
  const requester = rec.objReq('RequesterVpcInfo', 'the peering connection is left out');
  const accepter = rec.objReq('AccepterVpcInfo', 'the peering connection is left out');
  const requesterVpcId = requester?.str('VpcId', 'the peering connection is left out');
  const accepterVpcId = accepter?.str('VpcId', 'the peering connection is left out');
  if (!requester || !accepter || requesterVpcId === undefined || accepterVpcId === undefined) return;
  const status = rec.obj('Status')?.str('Code') ?? 'active';
  const draft: PeeringDraft = { id, requesterVpcId, accepterVpcId, status };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  st.hintRegion(requesterVpcId, requester.str('Region'), rec.file);
  st.hintRegion(accepterVpcId, accepter.str('Region'), rec.file);
  for (const side of [requester, accepter]) {
    const owner = side.str('OwnerId');
    if (owner !== undefined && /^\d{12}$/.test(owner)) st.accounts.add(owner);
  }
  st.peerings.add(draft, st.origin(file, rec.path, requester.str('OwnerId')), st.r);
}

/** One item of describe-addresses (an Elastic IP). */
export function mapAddress(rec: Rec, file: InputFile, st: ImportState): void {
  const publicIp = ipField(rec, 'PublicIp', 4, 'the address is left out');
  if (publicIp === undefined) return;
  rec.rid = rec.str('AllocationId') ?? publicIp;
  rec.label = `Elastic IP ${publicIp}`;
  const draft: AddressDraft = { publicIp, file: file.path, path: rec.path, scope: file.facts.scope };
  const allocation = rec.str('AllocationId');
  if (allocation !== undefined) draft.allocationId = allocation;
  const eni = rec.str('NetworkInterfaceId');
  if (eni !== undefined) draft.interfaceId = eni;
  const instance = rec.str('InstanceId');
  if (instance !== undefined) draft.instanceId = instance;
  const privateIp = ipField(rec, 'PrivateIpAddress', 4);
  if (privateIp !== undefined) draft.privateIp = privateIp;
  if (!st.addresses.has(publicIp)) st.addresses.set(publicIp, draft);
}
