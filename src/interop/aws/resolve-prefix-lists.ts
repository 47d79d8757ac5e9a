/**
 * Resolves prefix lists: AWS's S3 and DynamoDB lists become the built-in `pl-s3` / `pl-dynamodb` (one
 * set of regional ranges for endpoints, rules and `s3` queries); other lists keep their ids and entries.
 */
import type { PrefixList } from '../../model/index.ts';
import { gatewayServiceOf } from './map-endpoints.ts';
import type { From } from './resolve-context.ts';
import type { Ctx } from './resolve-types.ts';

const BUILTIN = { s3: 'pl-s3', dynamodb: 'pl-dynamodb' } as const;

/** Service lists named only by gateway endpoint routes (`pl-63a5400a` -> `vpce-...` of S3). */
function inferServiceLists(cx: Ctx): Map<string, { service: 's3' | 'dynamodb'; file: string; rid: string }> {
  const found = new Map<string, { service: 's3' | 'dynamodb'; file: string; rid: string }>();
  for (const { value: rt, origin } of cx.st.routeTables.entries.values()) {
    for (const route of rt.routes) {
      if (!route.prefixList || found.has(route.destination)) continue;
      const endpoint = cx.st.endpoints.get(route.target)?.value;
      const service = endpoint?.type === 'gateway' ? gatewayServiceOf(endpoint.service) : undefined;
      if (service !== undefined) found.set(route.destination, { service, file: origin.file, rid: rt.id });
    }
  }
  return found;
}

/** Every prefix list the input describes, lists or routes to, mapped to the document's ids. */
export function resolvePrefixLists(cx: Ctx): void {
  const { st, rs, out } = cx;
  const inferred = inferServiceLists(cx);
  const builtin = (id: string, service: 's3' | 'dynamodb', where: { file: string; path?: string; rid: string }) => {
    cx.prefixListIds.set(id, BUILTIN[service]);
    st.r.warning(
      'IMPORT_AWS_PREFIX_LIST_BUILTIN',
      where,
      `${where.file}: prefix list ${id} is AWS's ${service} list; it is imported as the built-in ${BUILTIN[service]}, whose regional ranges the simulator uses for ${service} everywhere`,
    );
  };
  for (const { value: d, origin } of st.prefixLists.entries.values()) {
    const service = d.service ?? inferred.get(d.id)?.service;
    if (service !== undefined) {
      builtin(d.id, service, { file: origin.file, path: origin.path, rid: d.id });
      continue;
    }
    const entries = st.prefixListEntries.get(d.id);
    const pl: PrefixList = { id: d.id, cidrs: entries?.cidrs ?? d.cidrs ?? [] };
    if (d.name !== undefined) pl.name = d.name;
    if (entries === undefined && d.cidrs === undefined) {
      st.r.warning(
        'IMPORT_AWS_PREFIX_LIST_NO_ENTRIES',
        { file: origin.file, path: origin.path, rid: d.id },
        `${origin.file}: prefix list ${d.id} was described without its entries (get-managed-prefix-list-entries); it is imported empty and matches nothing`,
      );
    }
    out.prefixLists.push(pl);
    cx.prefixListIds.set(d.id, d.id);
    rs.keep(d.id, 'prefixLists');
  }
  for (const [id, entries] of st.prefixListEntries) {
    if (st.prefixLists.get(id)) continue;
    const service = inferred.get(id)?.service;
    if (service !== undefined) continue;
    out.prefixLists.push({ id, cidrs: entries.cidrs });
    cx.prefixListIds.set(id, id);
    rs.keep(id, 'prefixLists');
  }
  for (const [id, hit] of inferred) {
    if (!cx.prefixListIds.has(id)) builtin(id, hit.service, { file: hit.file, rid: hit.rid });
  }
}

/** The document's id for an AWS prefix list id, or undefined (reported) when the import lacks it. */
export function prefixListRef(cx: Ctx, id: string, from: From, consequence: string): string | undefined {
  const mapped = cx.prefixListIds.get(id);
  if (mapped !== undefined) return mapped;
  cx.rs.report(id, 'prefix list', ['PrefixLists'], from, consequence);
  return undefined;
}
