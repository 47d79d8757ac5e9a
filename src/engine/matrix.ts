/**
 * reachabilityMatrix(network, request): one trace per (source, destination) pair, reduced to the verdict
 * and the primary blocker. Pure and deterministic; the editor's matrix view and its web worker call it.
 */
import { err, ok, type Result } from '../lib/index.ts';
import { FORMAT_V1, parseDocument, type Diagnostic, type Topology } from '../model/index.ts';
import { compile, type Network } from './compile.ts';
import { trace } from './trace.ts';
import type { TraceQuery, Verdict } from './types.ts';

/** The question asked of every pair. */
export interface MatrixRequest {
  /** Endpoint ids (as a trace's `from` accepts): rows, in this order. */
  sources: string[];
  /** Endpoint ids (as a trace's `to` accepts): columns, in this order. */
  destinations: string[];
  protocol: string;
  port?: number;
  family?: 4 | 6;
}

/**
 * A cell's verdict: a trace verdict, `SELF` when both ends are the same endpoint (nothing is traced), or
 * `ERROR` when the pair is not a valid query (the code names why, e.g. QUERY_PORT_REQUIRED).
 */
export type MatrixVerdict = Verdict | 'SELF' | 'ERROR';

export const MATRIX_VERDICTS: readonly MatrixVerdict[] = [
  'REACHABLE',
  'REACHABLE_PARTIAL',
  'BLOCKED',
  'INVALID_CONFIG',
  'UNSUPPORTED',
  'ERROR',
  'SELF',
];

export interface MatrixCell {
  from: string;
  to: string;
  verdict: MatrixVerdict;
  /** The primary blocker's explanation code, or the query error's code. */
  code?: string;
  /** The component of the primary blocker. */
  componentId?: string;
  /** The primary blocker's or the query error's message. */
  message?: string;
}

export interface MatrixResult {
  /** The request's sources, duplicates removed: one row each. */
  sources: string[];
  /** The request's destinations, duplicates removed: one column each. */
  destinations: string[];
  protocol: string;
  port?: number;
  family?: 4 | 6;
  /** `cells[row][column]`, rows in `sources` order, columns in `destinations` order. */
  cells: MatrixCell[][];
  /** How many cells have each verdict. */
  counts: Record<MatrixVerdict, number>;
}

/** The code trace gives when two different ids name one endpoint (an instance and its primary interface). */
const SAME_ENDPOINT = 'QUERY_SAME_ENDPOINT';

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function emptyCounts(): Record<MatrixVerdict, number> {
  return {
    REACHABLE: 0,
    REACHABLE_PARTIAL: 0,
    BLOCKED: 0,
    INVALID_CONFIG: 0,
    UNSUPPORTED: 0,
    ERROR: 0,
    SELF: 0,
  };
}

/** Traces one pair; an engine exception becomes an ERROR cell so one bad pair cannot sink the matrix. */
function cellFor(network: Network, query: TraceQuery): MatrixCell {
  const { from, to } = query;
  if (from === to) return { from, to, verdict: 'SELF' };
  let outcome: ReturnType<typeof trace>;
  try {
    outcome = trace(network, query);
  } catch (error) {
    return { from, to, verdict: 'ERROR', code: 'ENGINE_ERROR', message: String(error) };
  }
  if (!outcome.ok) {
    const { code, message } = outcome.error;
    return { from, to, verdict: code === SAME_ENDPOINT ? 'SELF' : 'ERROR', code, message };
  }
  const result = outcome.value;
  const cell: MatrixCell = { from, to, verdict: result.verdict };
  // The primary blocker is the first blocking explanation; a verdict without one may still carry a note.
  const primary = result.explanations.find((e) => e.blocking) ?? result.explanations[0];
  if (primary && result.verdict !== 'REACHABLE') {
    cell.code = primary.code;
    cell.componentId = primary.componentId;
    cell.message = primary.message;
  }
  return cell;
}

/** Traces every source against every destination with the same protocol, port and family. */
export function reachabilityMatrix(network: Network, request: MatrixRequest): MatrixResult {
  const sources = unique(request.sources);
  const destinations = unique(request.destinations);
  const counts = emptyCounts();
  const base: Omit<TraceQuery, 'from' | 'to'> = {
    protocol: request.protocol,
    ...(request.port === undefined ? {} : { port: request.port }),
    ...(request.family === undefined ? {} : { family: request.family }),
  };
  const cells = sources.map((from) =>
    destinations.map((to) => {
      const cell = cellFor(network, { ...base, from, to });
      counts[cell.verdict] += 1;
      return cell;
    }),
  );
  return {
    sources,
    destinations,
    protocol: request.protocol,
    ...(request.port === undefined ? {} : { port: request.port }),
    ...(request.family === undefined ? {} : { family: request.family }),
    cells,
    counts,
  };
}

/** How many cells a request asks for (after duplicates are removed): the app picks sync or worker by it. */
export function matrixSize(request: Pick<MatrixRequest, 'sources' | 'destinations'>): number {
  return unique(request.sources).length * unique(request.destinations).length;
}

/** Compiled networks of topologies handed over as they stand in the editor (or cloned into a worker). */
const networks = new WeakMap<Topology, Result<Network, Diagnostic>>();

/**
 * The network of a topology as the editor's analysis builds it: parsed first (so a hand-edited or cloned
 * topology is read the same way), then compiled; memoized on the topology's identity.
 */
export function networkOfTopology(topology: Topology): Result<Network, Diagnostic> {
  const cached = networks.get(topology);
  if (cached) return cached;
  const parsed = parseDocument({ format: FORMAT_V1, topology });
  const fatal = parsed.diagnostics.find((d) => d.severity === 'fatal');
  let outcome: Result<Network, Diagnostic>;
  if (!parsed.document || fatal) {
    outcome = err(fatal ?? { code: 'CFG_INTERNAL', severity: 'fatal', message: 'The network could not be read' });
  } else {
    try {
      outcome = ok(compile(parsed.document.topology));
    } catch (error) {
      // A compiler bug must not take the page down; it is reported like the analysis reports it.
      outcome = err({ code: 'ENGINE_ERROR', severity: 'fatal', message: String(error) });
    }
  }
  networks.set(topology, outcome);
  return outcome;
}

/** `reachabilityMatrix` over a topology: parse, compile, trace every pair. A fatal problem is an error. */
export function matrixOfTopology(topology: Topology, request: MatrixRequest): Result<MatrixResult, Diagnostic> {
  const network = networkOfTopology(topology);
  return network.ok ? ok(reachabilityMatrix(network.value, request)) : network;
}
