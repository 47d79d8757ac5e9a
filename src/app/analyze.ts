// Runs a trace for the page; an engine exception is caught and shown as data, so the page never goes blank.
import { trace, type Network, type TraceQuery, type TraceResult } from '../engine/index.ts';
import type { Result } from '../lib/index.ts';
import type { Diagnostic } from '../model/index.ts';

/** Runs one trace; an engine exception becomes an error result. */
export function runTrace(network: Network, query: TraceQuery): Result<TraceResult, Diagnostic> {
  try {
    return trace(network, query);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'ENGINE_ERROR', severity: 'fatal', message } };
  }
}
