// Assembles the imported document: arrays sorted by id, counts per array, and a description of the input.
import { FORMAT_V1, TOPOLOGY_ARRAYS, type Document, type Topology } from '../../model/index.ts';
import type { Built } from './resolve-types.ts';
import type { ImportState } from './state.ts';

/** The arrays an import fills, in format.md order (external hosts are not AWS resources). */
const ARRAYS = TOPOLOGY_ARRAYS.filter((name): name is keyof Built => name !== 'externalHosts');

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** How many resources each array holds (every array, zero included). */
export function countsOf(out: Built): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of ARRAYS) counts[name] = out[name].length;
  return counts;
}

function list(items: ReadonlySet<string>): string {
  return items.size === 0 ? 'unknown' : [...items].sort().join(', ');
}

/** The document of an import; only non-empty arrays appear in its topology. */
export function buildDocument(out: Built, st: ImportState): Document {
  const topology: Topology = {};
  const t = topology as Record<string, unknown>;
  for (const name of ARRAYS) {
    const items = out[name];
    if (items.length > 0) t[name] = [...items].sort(byId);
  }
  const files = `${st.fileCount} file${st.fileCount === 1 ? '' : 's'}`;
  return {
    format: FORMAT_V1,
    meta: {
      title: 'Imported from AWS',
      description: `Imported from ${files} of AWS CLI describe-* output; accounts: ${list(st.accounts)}; Regions: ${list(st.regions)}.`,
    },
    topology,
    layout: {},
    checks: [],
  };
}
