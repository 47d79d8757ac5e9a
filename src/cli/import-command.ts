/**
 * `vpcsim import aws PATH...` and `vpcsim import terraform FILE`: read the files (folders recursively),
 * hand their texts to the interop layer, and write the document to `-o FILE` or stdout. Problems are
 * listed on stderr. Exits 2 when nothing usable came out, 1 when the input was inconsistent (an
 * `error` diagnostic; the document is still written), 0 otherwise.
 */
import { RESOURCE_KIND_LABELS, serializeDocument, type Diagnostic } from '../model/index.ts';
import { importAws, importTerraform, type ImportResult, type SourceFile } from '../interop/index.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, printError, type CliIo } from './io.ts';
import { describeFsError } from './load.ts';
import { formatDiagnostic } from './narrate.ts';
import { paint } from './style.ts';

export interface ImportOptions {
  output?: string;
  region?: string;
  json?: boolean;
  /** Print every warning (by default the first few of each code, then a count). */
  verbose?: boolean;
}

/** How many diagnostics of one code are printed before the rest are summarised (without --verbose). */
const PER_CODE = 5;

/** Reads every `.json` file the paths name (folders recursively), keeping the paths as given. */
function readSources(paths: readonly string[], io: CliIo): { files: SourceFile[] } | { error: string } {
  const files: SourceFile[] = [];
  for (const path of paths) {
    let names: string[];
    try {
      names = io.listFiles ? io.listFiles(path) : [path];
    } catch (e) {
      return { error: `cannot read '${path}': ${describeFsError(e)}` };
    }
    // Inside a folder only JSON files are describe output; a file named on the command line is read whatever its name.
    const wanted = names.length === 1 && names[0] === path ? names : names.filter((n) => /\.json$/i.test(n));
    for (const name of wanted) {
      try {
        files.push({ path: name.replace(/\\/g, '/'), text: io.readFile(name) });
      } catch (e) {
        return { error: `cannot read '${name}': ${describeFsError(e)}` };
      }
    }
  }
  if (files.length === 0) return { error: `no .json files found in ${paths.map((p) => `'${p}'`).join(', ')}` };
  return { files };
}

export function importAwsCommand(paths: readonly string[], options: ImportOptions, io: CliIo): number {
  const read = readSources(paths, io);
  if ('error' in read) {
    printError(io, read.error);
    return EXIT_BAD_INPUT;
  }
  return finish(importAws(read.files, options.region ? { defaultRegion: options.region } : {}), options, io, {
    files: read.files.length,
  });
}

export function importTerraformCommand(path: string, options: ImportOptions, io: CliIo): number {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    printError(io, `cannot read '${path}': ${describeFsError(e)}`);
    return EXIT_BAD_INPUT;
  }
  return finish(importTerraform({ path, text }), options, io, { files: 1 });
}

function finish(result: ImportResult, options: ImportOptions, io: CliIo, input: { files: number }): number {
  const color = io.color ?? false;
  printDiagnostics(result.diagnostics, options.verbose === true, color, io);
  const { document } = result;
  if (!document) {
    printError(io, 'nothing was imported');
    return EXIT_BAD_INPUT;
  }
  const text = serializeDocument(document);
  if (options.output !== undefined) {
    if (!io.writeFile) {
      printError(io, 'cannot write files here');
      return EXIT_BAD_INPUT;
    }
    try {
      io.writeFile(options.output, text);
    } catch (e) {
      printError(io, `cannot write '${options.output}': ${describeFsError(e)}`);
      return EXIT_BAD_INPUT;
    }
  } else {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
  io.stderr(`${summary(result, input.files, options.output)}\n`);
  return result.diagnostics.some((d) => d.severity !== 'warning') ? EXIT_FAILED : EXIT_OK;
}

function printDiagnostics(diagnostics: readonly Diagnostic[], verbose: boolean, color: boolean, io: CliIo): void {
  const shown = new Map<string, number>();
  const hidden = new Map<string, number>();
  const lines: string[] = [];
  for (const d of diagnostics) {
    const n = shown.get(d.code) ?? 0;
    if (!verbose && d.severity === 'warning' && n >= PER_CODE) {
      hidden.set(d.code, (hidden.get(d.code) ?? 0) + 1);
      continue;
    }
    shown.set(d.code, n + 1);
    lines.push(paint(formatDiagnostic(d), d.severity === 'warning' ? 'warning' : 'blocked', color));
  }
  for (const [code, n] of hidden) lines.push(`... and ${n} more ${code} (--verbose lists them all)`);
  if (lines.length > 0) io.stderr(`${lines.join('\n')}\n`);
}

function summary(result: ImportResult, files: number, output: string | undefined): string {
  const counts = Object.entries(result.counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => {
      const label = (RESOURCE_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? kind;
      return `${n} ${label}${n === 1 ? '' : 's'}`;
    });
  const errors = result.diagnostics.filter((d) => d.severity !== 'warning').length;
  const warnings = result.diagnostics.length - errors;
  const where = output === undefined ? '' : ` into ${output}`;
  return `imported ${counts.join(', ') || 'nothing'} from ${files} file${files === 1 ? '' : 's'}${where} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
}
