// Turns a scenario file into what the page shows: diagnostics, the compiled network and every check's
// outcome. Engine failures are caught here and shown as data, so the page never goes blank.
import {
  compile,
  runCheck,
  trace,
  type CheckResult,
  type Network,
  type TraceQuery,
  type TraceResult,
} from '../engine/index.ts';
import type { Result } from '../lib/index.ts';
import { loadDocument, type Diagnostic, type Document } from '../model/index.ts';

export type ScenarioAnalysis =
  | { kind: 'fatal'; diagnostics: Diagnostic[]; message: string }
  | { kind: 'loaded'; document: Document; diagnostics: Diagnostic[]; network: Network; checks: CheckResult[] };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Parses, validates, compiles and runs the pinned checks of one scenario file. */
export function analyzeScenario(text: string): ScenarioAnalysis {
  // loadDocument takes the JSON text itself, so a syntax error comes back as a fatal diagnostic.
  const loaded = loadDocument(text);
  const fatal = loaded.diagnostics.filter((d) => d.severity === 'fatal');
  if (!loaded.document || fatal.length > 0) {
    const problems = fatal.length === 1 ? 'a fatal problem' : `${fatal.length} fatal problems`;
    const message =
      fatal.length > 0
        ? `The document cannot be understood: ${problems}, listed below.`
        : 'The document cannot be understood.';
    return { kind: 'fatal', diagnostics: loaded.diagnostics, message };
  }
  const document = loaded.document;
  let network: Network;
  try {
    network = compile(document.topology);
  } catch (error) {
    return {
      kind: 'fatal',
      diagnostics: loaded.diagnostics,
      message: `The engine could not compile it: ${errorText(error)}`,
    };
  }
  const checks = (document.checks ?? []).map((check): CheckResult => {
    try {
      return runCheck(network, check);
    } catch (error) {
      return { check, passed: false, mismatch: `The engine failed on this check: ${errorText(error)}` };
    }
  });
  return { kind: 'loaded', document, diagnostics: loaded.diagnostics, network, checks };
}

/** Runs one trace; an engine exception becomes an error result. */
export function runTrace(network: Network, query: TraceQuery): Result<TraceResult, Diagnostic> {
  try {
    return trace(network, query);
  } catch (error) {
    return { ok: false, error: { code: 'ENGINE_ERROR', severity: 'fatal', message: errorText(error) } };
  }
}
