/**
 * Reads a topology file for a command: the file, then JSON, then the document (parse and AWS
 * validation). Every failure comes back as one sentence that names the file and the place.
 */
import type { Result } from '../lib/index.ts';
import { locateJsonError, parseDocument, validateDocument, type Diagnostic, type Document } from '../model/index.ts';

import { formatDiagnostic } from './narrate.ts';

/** Reads a file as UTF-8 text; throws a Node file-system error when it cannot. */
export type ReadFile = (path: string) => string;

/** How many fatal diagnostics a load error lists before it summarises the rest. */
const MAX_LISTED = 10;

/** A file that could not be used; `diagnostics` holds the fatal ones when the document itself was the problem. */
export interface LoadFailure {
  kind: 'unreadable' | 'not-json' | 'not-understood';
  message: string;
  diagnostics: Diagnostic[];
}

export interface LoadedDocument {
  document: Document;
  /** Non-fatal diagnostics from parsing and validation: AWS config errors and warnings. */
  diagnostics: Diagnostic[];
}

/** Reads and parses JSON; the value is whatever the file holds. */
export function readJson(path: string, readFile: ReadFile): Result<unknown, LoadFailure> {
  let text: string;
  try {
    text = readFile(path);
  } catch (e) {
    return {
      ok: false,
      error: { kind: 'unreadable', message: `cannot read '${path}': ${describeFsError(e)}`, diagnostics: [] },
    };
  }
  // Editors on Windows often save a byte-order mark; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (e) {
    const at = locateJsonError(text);
    const where = at ? ` at line ${at.line}, column ${at.column}: ${at.reason}` : `: ${errorMessage(e)}`;
    return { ok: false, error: { kind: 'not-json', message: `'${path}' is not valid JSON${where}`, diagnostics: [] } };
  }
}

/**
 * Reads a file into a document. Fails when the file is unreadable, not JSON, or has a `fatal`
 * diagnostic; AWS configuration errors and warnings come back with the document.
 */
export function loadDocumentFile(path: string, readFile: ReadFile): Result<LoadedDocument, LoadFailure> {
  const json = readJson(path, readFile);
  if (!json.ok) return json;
  const parsed = parseDocument(json.value);
  const fatal = parsed.diagnostics.filter((d) => d.severity === 'fatal');
  if (!parsed.document || fatal.length > 0) {
    return { ok: false, error: { kind: 'not-understood', message: describeFatal(path, fatal), diagnostics: fatal } };
  }
  const diagnostics = [...parsed.diagnostics, ...validateDocument(parsed.document)];
  return { ok: true, value: { document: parsed.document, diagnostics } };
}

function describeFatal(path: string, fatal: readonly Diagnostic[]): string {
  if (fatal.length === 0) return `'${path}' is not a vpcsim document`;
  if (fatal.length === 1) return `'${path}' cannot be understood: ${formatDiagnostic(fatal[0]!)}`;
  const listed = fatal.slice(0, MAX_LISTED).map((d) => `\n  - ${formatDiagnostic(d)}`);
  const more = fatal.length > MAX_LISTED ? `\n  ... and ${fatal.length - MAX_LISTED} more` : '';
  return `'${path}' cannot be understood (${fatal.length} problems):${listed.join('')}${more}`;
}

/** A file-system error in a few words (no such file, permission denied...). */
export function describeFsError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ERR_STRING_TOO_LONG':
      // Node cannot hold a text file of more than about 512 MB in one string.
      return 'the file is too large to read (more than 512 MB)';
    default:
      return errorMessage(e);
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
