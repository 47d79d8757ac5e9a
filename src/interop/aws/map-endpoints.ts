/**
 * Maps VPC endpoints, prefix lists (describe-prefix-lists, which prints Cidrs, and
 * describe-managed-prefix-lists, which does not) and managed prefix list entries.
 */
import type { EndpointDraft, PrefixListDraft } from './drafts.ts';
import type { Rec } from './fields.ts';
import type { InputFile } from './recognise.ts';
import type { ImportState } from './state.ts';
import { checkCidr } from './values.ts';

/** States in which an endpoint carries nothing and never will again. */
const DEAD_STATES = new Set(['deleted', 'deleting', 'rejected', 'failed', 'expired']);

/** AWS's service names with a built-in list in vpcsim: `com.amazonaws.<region>.s3` or `.dynamodb`. */
const SERVICE_LIST = /^com\.amazonaws\.[a-z0-9-]+\.(s3|dynamodb)$/;

/** The gateway service an AWS service name stands for, if vpcsim has a built-in list of it. */
export function gatewayServiceOf(name: string): 's3' | 'dynamodb' | undefined {
  const m = SERVICE_LIST.exec(name);
  return m?.[1] === 's3' ? 's3' : m?.[1] === 'dynamodb' ? 'dynamodb' : undefined;
}

function groupIds(rec: Rec): string[] {
  const ids = new Set<string>();
  for (const g of rec.records('Groups')) {
    const id = g.str('GroupId');
    if (id !== undefined) ids.add(id);
  }
  return [...ids].sort();
}

/** One item of describe-vpc-endpoints. */
export function mapVpcEndpoint(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('VpcEndpointId', 'VPC endpoint');
  if (id === undefined) return;
  const typeText = rec.str('VpcEndpointType', 'the endpoint is left out');
  const vpcId = rec.str('VpcId', 'the endpoint is left out');
  const service = rec.str('ServiceName', 'the endpoint is left out');
  if (typeText === undefined || vpcId === undefined || service === undefined) return;
  const state = rec.str('State')?.toLowerCase();
  if (state !== undefined && DEAD_STATES.has(state)) {
    st.r.warning('IMPORT_AWS_DELETED', rec.at('State'), `${rec.file}: VPC endpoint ${id} is ${state}; it is left out`);
    st.leftOut.set(id, `it is ${state}`);
    return;
  }
  const type = typeText.toLowerCase();
  if (type !== 'gateway' && type !== 'interface') {
    st.r.warning(
      'IMPORT_AWS_UNSUPPORTED',
      rec.at('VpcEndpointType'),
      `${rec.file}: VPC endpoint ${id} is a ${typeText} endpoint (${service}), which vpcsim does not model; it is left out and routes to it stop there`,
    );
    st.leftOut.set(id, `it is a ${typeText} endpoint`);
    return;
  }
  if (state !== undefined && state !== 'available') {
    st.r.warning(
      'IMPORT_AWS_STATE_MAPPED',
      rec.at('State'),
      `${rec.file}: VPC endpoint ${id} is ${state}; vpcsim has no endpoint states and treats it as available`,
    );
  }
  const draft: EndpointDraft = {
    id,
    vpcId,
    type,
    service,
    routeTableIds: [...new Set(rec.strings('RouteTableIds'))].sort(),
    subnetIds: [...new Set(rec.strings('SubnetIds'))].sort(),
    securityGroupIds: groupIds(rec),
  };
  const name = rec.name();
  if (name !== undefined) draft.name = name;
  st.endpoints.add(draft, st.origin(file, rec.path, rec.str('OwnerId')), st.r);
}

function checkedCidrs(rec: Rec, key: string, texts: string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const cidr = checkCidr(rec, key, text, undefined);
    if (cidr !== undefined && !out.includes(cidr)) out.push(cidr);
  }
  return out;
}

/** One item of describe-prefix-lists or describe-managed-prefix-lists. */
export function mapPrefixList(rec: Rec, file: InputFile, st: ImportState): void {
  const id = rec.id('PrefixListId', 'prefix list');
  if (id === undefined) return;
  const draft: PrefixListDraft = { id };
  const name = rec.str('PrefixListName') ?? rec.name();
  if (name !== undefined) {
    draft.name = name;
    const service = gatewayServiceOf(name);
    if (service !== undefined) draft.service = service;
  }
  if (rec.has('Cidrs')) draft.cidrs = checkedCidrs(rec, 'Cidrs', rec.strings('Cidrs'));
  const owner = rec.str('OwnerId');
  st.prefixLists.add(draft, st.origin(file, rec.path, owner), st.r);
}

/** The entries of one managed prefix list (get-managed-prefix-list-entries). */
export function mapPrefixListEntries(listId: string, items: Rec[], file: string, st: ImportState): void {
  const cidrs: string[] = [];
  for (const item of items) {
    item.rid = listId;
    item.label = `prefix list ${listId} entry`;
    const text = item.str('Cidr', 'the entry is left out');
    const cidr = text === undefined ? undefined : checkCidr(item, 'Cidr', text, undefined, 'the entry is left out');
    if (cidr !== undefined) cidrs.push(cidr);
  }
  const prior = st.prefixListEntries.get(listId);
  if (prior) {
    for (const c of cidrs) if (!prior.cidrs.includes(c)) prior.cidrs.push(c);
  } else {
    st.prefixListEntries.set(listId, { cidrs, file });
  }
}
