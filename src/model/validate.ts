/**
 * Configuration validation: the AWS rules of semantics.md 1-9 over a parsed topology (`error` where AWS
 * would reject the API call, `warning` for advice), plus the checks of a document, and parse-then-validate.
 */
import { parseIp } from '../lib/index.ts';
import type { Diagnostic } from './diagnostic.ts';
import { parseDocument, primaryInterfaceIdOf, type ParseResult } from './parse.ts';
import type { Document, Topology } from './types.ts';
import { validateAddressing } from './validate-addressing.ts';
import { buildIndex, CHECKS_RANK, Sink, type Index } from './validate-context.ts';
import { validateFiltering } from './validate-filtering.ts';
import { validateRouting } from './validate-routing.ts';

function runTopologyRules(ix: Index, sink: Sink): void {
  validateAddressing(ix, sink);
  validateRouting(ix, sink);
  validateFiltering(ix, sink);
}

/**
 * The configuration rules over a topology that parsed without fatal diagnostics. Every diagnostic has a
 * resource id and a path; the order is document order. Linear in the size of the topology (maps and
 * per-VPC sorting, no pairwise scans over instances).
 */
export function validateTopology(topology: Topology): Diagnostic[] {
  const sink = new Sink();
  runTopologyRules(buildIndex(topology), sink);
  return sink.sorted();
}

/** Endpoint words every query understands besides ids and IP literals (format.md section 3). */
const ENDPOINT_WORDS = new Set(['internet', 's3', 'dynamodb']);
const PORTED = new Set(['tcp', 'udp', '6', '17']);

/** AWS's service names, `com.amazonaws.<region>.s3` (docs/format-extensions.md). */
const SERVICE_NAME = /^com\.amazonaws\.[a-z0-9-]+\.(s3|dynamodb)$/;

function validateChecks(doc: Document, ix: Index, sink: Sink): void {
  const t = doc.topology;
  const primaries = new Set((t.instances ?? []).map((i) => primaryInterfaceIdOf(i)));
  // An interface endpoint receives connections: its id (and `<endpoint>/<subnet>`) may only be a destination.
  const endpointTargets = new Set<string>();
  for (const e of t.vpcEndpoints ?? []) {
    if (e.type !== 'interface') continue;
    endpointTargets.add(e.id);
    for (const sid of e.subnetIds ?? []) endpointTargets.add(`${e.id}/${sid}`);
  }
  const known = (name: string, field: 'from' | 'to'): boolean => {
    if (ENDPOINT_WORDS.has(name) || SERVICE_NAME.test(name) || parseIp(name) !== undefined) return true;
    if (primaries.has(name) || (field === 'to' && endpointTargets.has(name))) return true;
    const kind = ix.kinds.get(name);
    return kind === 'instances' || kind === 'networkInterfaces' || kind === 'externalHosts';
  };
  (doc.checks ?? []).forEach((check, index) => {
    const at = (field: string) => ({
      rank: CHECKS_RANK,
      index,
      sub: 0,
      rid: undefined,
      path: `checks[${index}]${field}`,
    });
    for (const field of ['from', 'to'] as const) {
      const name = check[field];
      if (!known(name, field)) {
        sink.error(
          'CFG_CHECK_UNKNOWN_ENDPOINT',
          at(`.${field}`),
          `check "${check.name}" ${field} ${name} is no instance, network interface, interface endpoint (as a destination) or external host id, IP address, internet, s3 or dynamodb`,
        );
      }
    }
    if (check.port === undefined && PORTED.has(check.protocol ?? 'tcp')) {
      sink.error(
        'CFG_CHECK_PORT_MISSING',
        at('.port'),
        `check "${check.name}" uses ${check.protocol ?? 'tcp'} but gives no port`,
      );
    }
  });
}

/** `validateTopology` plus the diagnostics of the document's pinned checks. */
export function validateDocument(doc: Document): Diagnostic[] {
  const sink = new Sink();
  const ix = buildIndex(doc.topology);
  runTopologyRules(ix, sink);
  validateChecks(doc, ix, sink);
  return sink.sorted();
}

/** Parses, then (when nothing is fatal) validates: every diagnostic of a document in one list. */
export function loadDocument(input: unknown): ParseResult {
  const parsed = parseDocument(input);
  if (!parsed.document) return parsed;
  return { document: parsed.document, diagnostics: [...parsed.diagnostics, ...validateDocument(parsed.document)] };
}
