// Memoized selectors: what the open document means (diagnostics, compiled network, check outcomes),
// recomputed only when `document.topology` or `document.checks` change, never on a layout move.
import { compile, lintNetwork, runCheck, type CheckResult, type Network } from '../engine/index.ts';
import { loadDocument, type Check, type Diagnostic, type Topology } from '../model/index.ts';
import type { EditorState } from './editor-store.ts';

export interface EditorAnalysis {
  /** Parse and validation diagnostics, then the design lint of the compiled network. */
  diagnostics: Diagnostic[];
  /** A fatal diagnostic: the document cannot be understood, nothing was compiled. */
  fatal: boolean;
  /** Undefined when the document is fatal or the engine failed. */
  network: Network | undefined;
  /** One outcome per pinned check; engine exceptions become failed outcomes. */
  checks: CheckResult[];
  /** Why the engine failed, when it did (a bug, shown instead of a blank page). */
  engineError?: string;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Compiled {
  network: Network | undefined;
  lint: Diagnostic[];
  engineError?: string;
}

/** Compiled networks by topology identity, so a change of checks alone does not recompile. */
const compiledByTopology = new WeakMap<Topology, Compiled>();
/** The last analysis per topology, valid while `checks` is the same object. */
const analysisByTopology = new WeakMap<Topology, { checks: Check[] | undefined; analysis: EditorAnalysis }>();

function compileOnce(key: Topology, parsed: Topology): Compiled {
  const cached = compiledByTopology.get(key);
  if (cached) return cached;
  let compiled: Compiled;
  try {
    const network = compile(parsed);
    compiled = { network, lint: lintNetwork(network) };
  } catch (error) {
    compiled = { network: undefined, lint: [], engineError: errorText(error) };
  }
  compiledByTopology.set(key, compiled);
  return compiled;
}

function analyze(state: EditorState): EditorAnalysis {
  const { document } = state;
  const loaded = loadDocument(document);
  if (!loaded.document || loaded.diagnostics.some((d) => d.severity === 'fatal')) {
    return { diagnostics: loaded.diagnostics, fatal: true, network: undefined, checks: [] };
  }
  const compiled = compileOnce(document.topology, loaded.document.topology);
  const network = compiled.network;
  const checks = (loaded.document.checks ?? []).map((check): CheckResult => {
    if (!network) return { check, passed: false, mismatch: 'The engine could not compile the network' };
    try {
      return runCheck(network, check);
    } catch (error) {
      return { check, passed: false, mismatch: `The engine failed on this check: ${errorText(error)}` };
    }
  });
  return {
    diagnostics: [...loaded.diagnostics, ...compiled.lint],
    fatal: false,
    network,
    checks,
    ...(compiled.engineError === undefined ? {} : { engineError: compiled.engineError }),
  };
}

/**
 * Diagnostics (parse + validation + design lint), the compiled network and every check's outcome.
 * The same object is returned while `document.topology` and `document.checks` are the same objects.
 */
export function selectAnalysis(state: EditorState): EditorAnalysis {
  const { topology, checks } = state.document;
  const cached = analysisByTopology.get(topology);
  if (cached && cached.checks === checks) return cached.analysis;
  const analysis = analyze(state);
  analysisByTopology.set(topology, { checks, analysis });
  return analysis;
}

const byResourceCache = new WeakMap<EditorAnalysis, ReadonlyMap<string, Diagnostic[]>>();

/** The analysis' diagnostics grouped by `resourceId` (those without one are left out); memoized. */
export function selectDiagnosticsByResource(state: EditorState): ReadonlyMap<string, Diagnostic[]> {
  const analysis = selectAnalysis(state);
  const cached = byResourceCache.get(analysis);
  if (cached) return cached;
  const map = new Map<string, Diagnostic[]>();
  for (const d of analysis.diagnostics) {
    if (d.resourceId === undefined) continue;
    const list = map.get(d.resourceId);
    if (list) list.push(d);
    else map.set(d.resourceId, [d]);
  }
  byResourceCache.set(analysis, map);
  return map;
}
