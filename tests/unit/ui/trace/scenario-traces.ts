// Shared by the trace UI tests: every check of every scenario, loaded, compiled and traced.
import { readdirSync, readFileSync } from 'node:fs';
import { checkQuery, compile, trace, type TraceResult } from '../../../../src/engine/index.ts';
import { loadDocument, type Document } from '../../../../src/model/index.ts';

const dir = new URL('../../../../scenarios/', import.meta.url);

export const scenarioNames: string[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

export interface ScenarioTrace {
  check: string;
  result: TraceResult;
}

export function loadScenario(name: string): { document: Document; traces: ScenarioTrace[] } {
  const loaded = loadDocument(JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as unknown);
  const document = loaded.document;
  if (document === undefined) throw new Error(`${name} does not load`);
  const network = compile(document.topology);
  const traces: ScenarioTrace[] = [];
  for (const check of document.checks ?? []) {
    const r = trace(network, checkQuery(check));
    if (r.ok) traces.push({ check: check.name, result: r.value });
  }
  return { document, traces };
}
