/** runCheck: answers a pinned question (format.md section 5) and compares the answer with its expectation. */
import type { Check, Diagnostic } from '../model/index.ts';
import type { Network } from './compile.ts';
import { trace } from './trace.ts';
import type { TraceQuery, TraceResult } from './types.ts';

export interface CheckResult {
  check: Check;
  passed: boolean;
  result?: TraceResult;
  /** The check's question could not be asked (unknown endpoint, missing port). */
  error?: Diagnostic;
  /** What differed from the expectation, in words. */
  mismatch?: string;
}

/** The trace query a check asks. */
export function checkQuery(check: Check): TraceQuery {
  return {
    from: check.from,
    to: check.to,
    ...(check.protocol !== undefined ? { protocol: check.protocol } : {}),
    ...(check.port !== undefined ? { port: check.port } : {}),
    ...(check.family !== undefined ? { family: check.family } : {}),
    ...(check.toAddress !== undefined ? { toAddress: check.toAddress } : {}),
    ...(check.oneWay !== undefined ? { oneWay: check.oneWay } : {}),
  };
}

export function runCheck(network: Network, check: Check): CheckResult {
  const r = trace(network, checkQuery(check));
  if (!r.ok) return { check, passed: false, error: r.error, mismatch: r.error.message };
  const result = r.value;
  const problems: string[] = [];
  if (result.verdict !== check.expect) problems.push(`expected ${check.expect}, got ${result.verdict}`);
  if (check.expect === 'BLOCKED' && result.verdict === 'BLOCKED') {
    const primary = result.explanations.find((e) => e.blocking);
    if (check.blockedAt !== undefined && primary?.componentId !== check.blockedAt) {
      problems.push(`expected to be blocked at ${check.blockedAt}, blocked at ${primary?.componentId ?? 'nothing'}`);
    }
    if (check.code !== undefined && primary?.code !== check.code) {
      problems.push(`expected code ${check.code}, got ${primary?.code ?? 'none'}`);
    }
    if (check.direction !== undefined && primary?.pathDirection !== check.direction) {
      problems.push(`expected the block on the ${check.direction} path, got ${primary?.pathDirection ?? 'none'}`);
    }
  }
  return problems.length === 0
    ? { check, passed: true, result }
    : { check, passed: false, result, mismatch: problems.join('; ') };
}
