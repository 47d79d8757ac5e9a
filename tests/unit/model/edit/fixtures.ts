/**
 * Shared helpers of the edit-recipe tests: the scenario documents, a fresh-copy helper, and the check
 * every recipe result must pass (loads without fatal diagnostics and without new errors).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadDocument, type Diagnostic, type Document } from '../../../../src/model/index.ts';

const SCENARIOS = fileURLToPath(new URL('../../../../scenarios', import.meta.url));

/** Every scenario file as [name, document], parsed once; tests clone before changing. */
export const scenarios: [string, Document][] = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(SCENARIOS, f), 'utf8')) as Document]);

export function clone(doc: Document): Document {
  return structuredClone(doc);
}

/** An empty document. */
export function emptyDocument(): Document {
  return { format: 'vpcsim/1', topology: {} };
}

/** Identity of an error diagnostic that survives array shifts: code and resource (path for checks). */
function errorKey(d: Diagnostic): string {
  return `${d.code}|${d.resourceId ?? d.path ?? ''}`;
}

export function errorKeys(doc: Document): Set<string> {
  return new Set(
    loadDocument(doc)
      .diagnostics.filter((d) => d.severity === 'error')
      .map(errorKey),
  );
}

/**
 * The recipe contract: the document still loads (no fatal diagnostic) and has no error the `before`
 * keys did not have, apart from the codes in `allowed`. Returns the new errors.
 */
export function expectLoadable(doc: Document, before: Set<string>, allowed: readonly string[] = []): Diagnostic[] {
  const loaded = loadDocument(doc);
  expect(loaded.diagnostics.filter((d) => d.severity === 'fatal')).toEqual([]);
  expect(loaded.document).toBeDefined();
  const fresh = loaded.diagnostics.filter((d) => d.severity === 'error' && !before.has(errorKey(d)));
  expect(fresh.filter((d) => !allowed.includes(d.code))).toEqual([]);
  return fresh;
}

/** Every resource id in the topology. */
export function resourceIds(doc: Document): string[] {
  return Object.values(doc.topology).flatMap((list: { id: string }[] | undefined) => (list ?? []).map((r) => r.id));
}
