/**
 * Maps describe-instances (Reservations) and describe-network-interfaces items into one collection of
 * interfaces keyed by eni- id, so an interface printed by both calls is merged, not duplicated.
 */
import type { InstanceDraft, InterfaceDraft } from './drafts.ts';
import type { Rec } from './fields.ts';
import { regionOfZone } from './paths.ts';
import type { InputFile } from './recognise.ts';
import type { ImportState } from './state.ts';
import { ipField } from './values.ts';

function groupIds(rec: Rec, key: string): string[] {
  const ids: string[] = [];
  for (const g of rec.records(key)) {
    const id = g.str('GroupId');
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids.sort();
}

function ipv6List(rec: Rec): string[] {
  const out: string[] = [];
  for (const a of rec.records('Ipv6Addresses')) {
    const ip = ipField(a, 'Ipv6Address', 6);
    if (ip !== undefined) out.push(ip);
  }
  return out;
}

/**
 * One network interface object (the same shape in both calls). Returns undefined when it cannot be
 * modelled; the reason is reported.
 */
function readInterface(rec: Rec, st: ImportState): InterfaceDraft | undefined {
  const id = rec.id('NetworkInterfaceId', 'network interface');
  if (id === undefined) return undefined;
  const subnetId = rec.str('SubnetId', 'the interface is left out');
  if (subnetId === undefined) return undefined;
  if (!rec.has('PrivateIpAddress') && rec.list('Ipv6Addresses').length > 0) {
    st.r.warning(
      'IMPORT_AWS_UNSUPPORTED',
      rec.at('PrivateIpAddress'),
      `${rec.file}: network interface ${id} is IPv6-only; vpcsim models interfaces with a primary private IPv4 address, so it is left out`,
    );
    st.leftOut.set(id, 'it is IPv6-only');
    return undefined;
  }
  const privateIp = ipField(rec, 'PrivateIpAddress', 4, 'the interface is left out');
  if (privateIp === undefined) return undefined;
  const draft: InterfaceDraft = {
    id,
    subnetId,
    privateIp,
    secondaryPrivateIps: [],
    ipv6Addresses: ipv6List(rec),
    securityGroupIds: groupIds(rec, 'Groups'),
  };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  rec.records('PrivateIpAddresses').forEach((a) => {
    const ip = ipField(a, 'PrivateIpAddress', 4);
    if (ip === undefined) return;
    const publicIp = a.obj('Association')?.str('PublicIp');
    if (ip !== privateIp) {
      if (!draft.secondaryPrivateIps.includes(ip)) draft.secondaryPrivateIps.push(ip);
      if (publicIp !== undefined) {
        st.r.warning(
          'IMPORT_AWS_UNSUPPORTED',
          a.at('Association'),
          `${rec.file}: network interface ${id} maps public IP ${publicIp} to its secondary address ${ip}; vpcsim models one public IP per interface (on the primary address), so this one is left out`,
        );
      }
    }
  });
  const association = rec.obj('Association');
  const publicIp = association ? ipField(association, 'PublicIp', 4) : undefined;
  if (publicIp !== undefined) draft.publicIp = publicIp;
  const sdc = rec.bool('SourceDestCheck');
  if (sdc !== undefined) draft.sourceDestCheck = sdc;
  const attachment = rec.obj('Attachment');
  const status = attachment?.str('Status');
  if (attachment && (status === undefined || status === 'attached' || status === 'attaching')) {
    const instanceId = attachment.str('InstanceId');
    if (instanceId !== undefined) draft.instanceId = instanceId;
    const index = attachment.int('DeviceIndex');
    if (index !== undefined) draft.deviceIndex = index;
  }
  const type = rec.str('InterfaceType');
  if (type !== undefined) draft.interfaceType = type;
  const description = rec.str('Description');
  if (description !== undefined) draft.description = description;
  if (rec.bool('RequesterManaged') === true) draft.requesterManaged = true;
  return draft;
}

/** One item of describe-network-interfaces. */
export function mapNetworkInterface(rec: Rec, file: InputFile, st: ImportState): void {
  const draft = readInterface(rec, st);
  if (!draft) return;
  st.interfaces.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
  const vpcId = rec.str('VpcId');
  const zone = rec.str('AvailabilityZone');
  if (vpcId !== undefined && zone !== undefined) st.hintRegion(vpcId, regionOfZone(zone), rec.file);
}

/** One instance of a reservation. */
function mapInstance(rec: Rec, file: InputFile, owner: string | undefined, st: ImportState): void {
  const id = rec.id('InstanceId', 'instance');
  if (id === undefined) return;
  const stateName = rec.objReq('State', 'the instance is left out')?.str('Name', 'the instance is left out');
  if (stateName === undefined) return;
  const draft: InstanceDraft = {
    id,
    state: stateName,
    fallback: { ipv6Addresses: [], securityGroupIds: groupIds(rec, 'SecurityGroups') },
  };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  if (rec.str('Platform')?.toLowerCase() === 'windows') draft.os = 'windows';
  const fb = draft.fallback;
  const subnetId = rec.str('SubnetId');
  if (subnetId !== undefined) fb.subnetId = subnetId;
  const privateIp = ipField(rec, 'PrivateIpAddress', 4);
  if (privateIp !== undefined) fb.privateIp = privateIp;
  const publicIp = ipField(rec, 'PublicIpAddress', 4);
  if (publicIp !== undefined) fb.publicIp = publicIp;
  const v6 = ipField(rec, 'Ipv6Address', 6);
  if (v6 !== undefined) fb.ipv6Addresses.push(v6);
  const sdc = rec.bool('SourceDestCheck');
  if (sdc !== undefined) fb.sourceDestCheck = sdc;
  const zone = rec.obj('Placement')?.str('AvailabilityZone');
  if (zone !== undefined) draft.availabilityZone = zone;
  const vpcId = rec.str('VpcId');
  if (vpcId !== undefined && zone !== undefined) st.hintRegion(vpcId, regionOfZone(zone), rec.file);

  const origin = st.origin(file, rec.path, owner);
  for (const eniRec of rec.records('NetworkInterfaces')) {
    const eni = readInterface(eniRec, st);
    if (!eni) continue;
    // The instance's own listing is authoritative for what it is attached to.
    eni.instanceId = id;
    if (eni.deviceIndex === 0) draft.primaryInterfaceId = eni.id;
    st.interfaces.add(eni, { ...origin, path: eniRec.path }, st.r);
  }
  st.instances.add(draft, origin, st.r);
}

/** One item of describe-instances: a reservation and its instances. */
export function mapReservation(rec: Rec, file: InputFile, st: ImportState): void {
  const owner = rec.str('OwnerId');
  for (const inst of rec.records('Instances')) mapInstance(inst, file, owner, st);
}
