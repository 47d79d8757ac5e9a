// The shapes every importer and exporter shares: input files, the import result.
import type { Diagnostic, Document } from '../model/index.ts';

/** One input file: its path relative to what the user chose ('/'-separated) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** What an import gives back. `document` is undefined only when nothing usable came out (a fatal problem). */
export interface ImportResult {
  document: Document | undefined;
  /** `IMPORT_*` problems, in input order; each names the file and the resource it belongs to. */
  diagnostics: Diagnostic[];
  /** How many resources of each topology array were imported, e.g. `{ vpcs: 3, instances: 12 }`. */
  counts: Record<string, number>;
}
