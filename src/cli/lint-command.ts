/**
 * `vpcsim lint FILE...`: prints every diagnostic of every file (fatal, AWS configuration errors,
 * warnings), then the engine's design-lint warnings. Exits 2 when a file cannot be read or understood,
 * 1 when a configuration error is found; design warnings never change the exit code.
 */
import { compile, lintNetwork } from '../engine/index.ts';
import { parseDocument, validateDocument, type Diagnostic } from '../model/index.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, printError, printLines, type CliIo } from './io.ts';
import { readJson } from './load.ts';
import { formatDiagnostic } from './narrate.ts';
import { paint } from './style.ts';

export interface LintOptions {
  json?: boolean;
}

/** One diagnostic in `lint --json` output. */
export interface LintRecord extends Diagnostic {
  file: string;
}

/** Codes of the problems found before a document could be parsed (not in the model's catalogue). */
export const FILE_CODES = { unreadable: 'FILE_UNREADABLE', 'not-json': 'FILE_NOT_JSON' } as const;

export function lintCommand(files: readonly string[], options: LintOptions, io: CliIo): number {
  const color = io.color ?? false;
  const records: LintRecord[] = [];
  let unusable = 0;
  const count = { fatal: 0, error: 0, warning: 0 };

  for (const file of files) {
    const json = readJson(file, io.readFile);
    if (!json.ok) {
      printError(io, json.error.message);
      unusable++;
      const kind = json.error.kind === 'unreadable' ? 'unreadable' : 'not-json';
      records.push({ file, code: FILE_CODES[kind], severity: 'fatal', message: json.error.message });
      continue;
    }
    const parsed = parseDocument(json.value);
    const diagnostics = [...parsed.diagnostics];
    const fatal = diagnostics.some((d) => d.severity === 'fatal');
    if (parsed.document && !fatal) {
      const validation = validateDocument(parsed.document);
      diagnostics.push(...validation);
      // Design advice comes after the validation diagnostics; the network reuses them rather than re-validating.
      diagnostics.push(...lintNetwork(compile(parsed.document.topology, { diagnostics: validation })));
    }
    if (fatal || !parsed.document) unusable++;
    for (const d of diagnostics) {
      count[d.severity]++;
      records.push({ file, ...d });
    }
    if (!options.json) {
      const lines = diagnostics.map((d) => `${file}: ${paint(formatDiagnostic(d), toneOf(d), color)}`);
      if (diagnostics.length === 0) lines.push(`${file}: ${parsed.document ? 'no problems' : 'not a vpcsim document'}`);
      printLines(io, lines);
    }
  }

  if (options.json) {
    io.stdout(`${JSON.stringify(records, null, 2)}\n`);
  } else {
    const parts = [plural(count.error, 'error'), plural(count.warning, 'warning')];
    if (count.fatal > 0) parts.unshift(plural(count.fatal, 'fatal problem'));
    if (unusable > 0) parts.push(`${plural(unusable, 'file')} unusable`);
    printLines(io, [`${plural(files.length, 'file')}: ${parts.join(', ')}`]);
  }
  if (unusable > 0) return EXIT_BAD_INPUT;
  return count.error > 0 ? EXIT_FAILED : EXIT_OK;
}

function toneOf(d: Diagnostic): 'blocked' | 'warning' {
  return d.severity === 'warning' ? 'warning' : 'blocked';
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
