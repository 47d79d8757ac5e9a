// Maps describe-vpcs and describe-subnets items: CIDR blocks in association order, zones, Region hints.
import type { VpcDraft, SubnetDraft } from './drafts.ts';
import type { Rec } from './fields.ts';
import { regionOfArn, regionOfZone } from './paths.ts';
import type { InputFile } from './recognise.ts';
import type { ImportState } from './state.ts';
import { cidrField } from './values.ts';

/** Association sets list blocks being added or removed too; only associated ones route. */
function associated(rec: Rec, stateKey: string): boolean {
  const state = rec.obj(stateKey)?.str('State');
  return state === undefined || state === 'associated';
}

/** The associated blocks of an association set, e.g. `CidrBlockAssociationSet[].CidrBlock`. */
function associatedBlocks(rec: Rec, setKey: string, blockKey: string, stateKey: string, family: 4 | 6): string[] {
  const out: string[] = [];
  for (const a of rec.records(setKey)) {
    if (!associated(a, stateKey)) continue;
    const block = cidrField(a, blockKey, family);
    if (block !== undefined && !out.includes(block)) out.push(block);
  }
  return out;
}

/** One item of describe-vpcs. */
export function mapVpc(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('VpcId', 'VPC');
  if (id === undefined) return;
  const primary = cidrField(rec, 'CidrBlock', 4);
  const blocks = associatedBlocks(rec, 'CidrBlockAssociationSet', 'CidrBlock', 'CidrBlockState', 4);
  // The primary block comes first (format.md: first = primary), whatever order the set uses.
  const cidrBlocks = primary === undefined ? blocks : [primary, ...blocks.filter((b) => b !== primary)];
  if (cidrBlocks.length === 0) {
    st.r.error(
      'IMPORT_AWS_FIELD_MISSING',
      rec.at('CidrBlock'),
      `${rec.file}: VPC ${id} has no associated IPv4 CIDR block (CidrBlock, CidrBlockAssociationSet); the VPC is left out`,
    );
    return;
  }
  const draft: VpcDraft = {
    id,
    cidrBlocks,
    ipv6CidrBlocks: associatedBlocks(rec, 'Ipv6CidrBlockAssociationSet', 'Ipv6CidrBlock', 'Ipv6CidrBlockState', 6),
  };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  st.vpcs.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
}

/** One item of describe-subnets. */
export function mapSubnet(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('SubnetId', 'subnet');
  if (id === undefined) return;
  const vpcId = rec.str('VpcId', 'the subnet is left out');
  const zone = rec.str('AvailabilityZone', 'the subnet is left out');
  if (vpcId === undefined || zone === undefined) return;
  const cidrBlock = cidrField(rec, 'CidrBlock', 4);
  const v6 = associatedBlocks(rec, 'Ipv6CidrBlockAssociationSet', 'Ipv6CidrBlock', 'Ipv6CidrBlockState', 6);
  if (cidrBlock === undefined && v6.length === 0) {
    st.r.error(
      'IMPORT_AWS_FIELD_MISSING',
      rec.at('CidrBlock'),
      `${rec.file}: subnet ${id} has neither CidrBlock nor an associated IPv6 block; the subnet is left out`,
    );
    return;
  }
  const draft: SubnetDraft = { id, vpcId, availabilityZone: zone };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  if (cidrBlock !== undefined) draft.cidrBlock = cidrBlock;
  if (v6[0] !== undefined) draft.ipv6CidrBlock = v6[0];
  const mapPublic = rec.bool('MapPublicIpOnLaunch');
  if (mapPublic !== undefined) draft.mapPublicIpOnLaunch = mapPublic;
  st.subnets.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
  const arn = rec.str('SubnetArn');
  st.hintRegion(vpcId, regionOfZone(zone) ?? (arn === undefined ? undefined : regionOfArn(arn)), rec.file);
}
