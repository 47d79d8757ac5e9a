/**
 * `vpcsim trace FILE --from A --to B ...`: one question, answered hop by hop (or as JSON). Exits 0
 * whatever the verdict; 2 when the file or the question cannot be used.
 */
import { compile, trace, type TraceQuery } from '../engine/index.ts';
import type { Diagnostic } from '../model/index.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError, printLines, type CliIo } from './io.ts';
import { loadDocumentFile } from './load.ts';
import { formatDiagnostic, narrateTraceLines } from './narrate.ts';
import { paintLines } from './style.ts';

/** The options as commander hands them over (after the value parsers of options.ts). */
export interface TraceOptions {
  from: string;
  to: string;
  protocol?: string;
  port?: number;
  family?: '4' | '6';
  toAddress?: 'private' | 'public' | 'ipv6';
  oneWay?: boolean;
  sourcePort?: number;
  icmpType?: number;
  icmpCode?: number;
  json?: boolean;
}

export function traceCommand(file: string, options: TraceOptions, io: CliIo): number {
  const loaded = loadDocumentFile(file, io.readFile);
  if (!loaded.ok) {
    printError(io, loaded.error.message);
    return EXIT_BAD_INPUT;
  }
  const { document, diagnostics } = loaded.value;
  warnAboutConfigErrors(file, diagnostics, io);

  const network = compile(document.topology);
  const result = trace(network, buildQuery(options));
  if (!result.ok) {
    printError(io, `cannot trace in '${file}': ${describeQueryError(result.error)}`);
    return EXIT_BAD_INPUT;
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(result.value, null, 2)}\n`);
  } else {
    printLines(io, paintLines(narrateTraceLines(result.value), io.color ?? false));
  }
  return EXIT_OK;
}

/** Copies only the options that were given, so that the engine applies its own defaults. */
export function buildQuery(options: TraceOptions): TraceQuery {
  const query: TraceQuery = { from: options.from, to: options.to };
  if (options.protocol !== undefined) query.protocol = options.protocol;
  if (options.port !== undefined) query.port = options.port;
  if (options.family !== undefined) query.family = options.family === '6' ? 6 : 4;
  if (options.toAddress !== undefined) query.toAddress = options.toAddress;
  if (options.oneWay) query.oneWay = true;
  if (options.sourcePort !== undefined) query.sourcePort = options.sourcePort;
  if (options.icmpType !== undefined) query.icmpType = options.icmpType;
  if (options.icmpCode !== undefined) query.icmpCode = options.icmpCode;
  return query;
}

/** AWS would reject these, but the engine traces anyway (format.md section 7); say so on stderr. */
function warnAboutConfigErrors(file: string, diagnostics: readonly Diagnostic[], io: CliIo): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const noun = errors.length === 1 ? 'configuration error' : 'configuration errors';
  const lines = [
    `vpcsim: warning: '${file}' has ${errors.length} ${noun} that AWS would reject; tracing anyway:`,
    ...errors.map((d) => `  - ${formatDiagnostic(d)}`),
  ];
  io.stderr(`${lines.join('\n')}\n`);
}

/** The command-line option behind each field of a query, to point at what the user typed. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  from: '--from',
  to: '--to',
  protocol: '--protocol',
  port: '--port',
  family: '--family',
  toAddress: '--to-address',
  oneWay: '--one-way',
  sourcePort: '--source-port',
  icmpType: '--icmp-type',
  icmpCode: '--icmp-code',
};

/** "Unknown source "i-nope": ... (QUERY_UNKNOWN_ENDPOINT, at --from)" */
export function describeQueryError(d: Diagnostic): string {
  const place = d.path === undefined ? undefined : `at ${OPTION_OF_FIELD[d.path] ?? d.path}`;
  const resource = d.resourceId !== undefined && !d.message.includes(d.resourceId) ? d.resourceId : undefined;
  const facts = [d.code, resource, place].filter((x) => x !== undefined);
  return `${d.message} (${facts.join(', ')})`;
}
