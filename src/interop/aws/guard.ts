/**
 * The last line of defence: reads the built document back through the model and, should the model
 * refuse a resource (an importer bug), leaves that resource out and says so, so an import always loads.
 */
import { parseDocument, type Document } from '../../model/index.ts';
import type { Reporter } from './report.ts';

const MAX_ROUNDS = 8;
const TOPOLOGY_PATH = /^topology\.(\w+)\[(\d+)\]/;

/** The document with every resource the model refuses left out, or undefined if that does not help. */
export function guardDocument(doc: Document, r: Reporter): Document | undefined {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fatal = parseDocument(doc).diagnostics.filter((d) => d.severity === 'fatal');
    if (fatal.length === 0) return doc;
    const doomed = new Map<string, Set<number>>();
    for (const d of fatal) {
      const m = TOPOLOGY_PATH.exec(d.path ?? '');
      if (!m) continue;
      const set = doomed.get(m[1]!) ?? new Set<number>();
      set.add(Number(m[2]));
      doomed.set(m[1]!, set);
      r.error(
        'IMPORT_AWS_DROPPED_BY_GUARD',
        { file: '', rid: d.resourceId },
        `the document model refused ${d.resourceId ?? d.path ?? 'a resource'} (${d.code}: ${d.message}); it is left out`,
      );
    }
    if (doomed.size === 0) break;
    const topology: Record<string, unknown> = { ...doc.topology };
    for (const [name, indexes] of doomed) {
      const items = topology[name];
      if (!Array.isArray(items)) continue;
      const kept = items.filter((_item: unknown, i) => !indexes.has(i));
      if (kept.length > 0) topology[name] = kept;
      else delete topology[name];
    }
    doc = { ...doc, topology };
  }
  r.add('IMPORT_AWS_INTERNAL', 'fatal', { file: '' }, 'the imported document could not be made loadable');
  return undefined;
}
