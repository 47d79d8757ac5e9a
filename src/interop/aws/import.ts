/**
 * `importAws`: AWS CLI describe-* JSON in, a vpcsim/1 document out. Pure: the caller reads the files
 * (a folder tree such as accounts/<id>/<region>/...) and hands over their paths and texts.
 */
import type { Topology } from '../../model/index.ts';
import type { ImportResult, SourceFile } from '../types.ts';
import { buildDocument, countsOf } from './document.ts';
import { guardDocument } from './guard.ts';
import { readFiles } from './read.ts';
import { recogniseFiles } from './recognise.ts';
import { Reporter } from './report.ts';
import { resolveAll } from './resolve.ts';
import { ImportState } from './state.ts';

/** Options of importAws. */
export interface AwsImportOptions {
  /** The Region of VPCs whose path and data name none (default `us-east-1`). */
  defaultRegion?: string;
}

/**
 * Imports the output of `aws ec2 describe-* --output json` calls, one file per call, recognised by
 * its top-level key. Resources seen from several accounts are merged by id; anything not modelled
 * is a warning, anything inconsistent an error, and the document always loads through the model.
 * `document` is undefined (with a fatal diagnostic) only when nothing importable was found.
 */
export function importAws(files: readonly SourceFile[], options: AwsImportOptions = {}): ImportResult {
  const r = new Reporter();
  try {
    const st = new ImportState(r, options.defaultRegion);
    readFiles(recogniseFiles(files, r), st);
    const out = resolveAll(st);
    const counts = countsOf(out);
    if (Object.values(counts).every((n) => n === 0)) {
      r.add(
        'IMPORT_NOTHING',
        'fatal',
        { file: '' },
        files.length === 0
          ? 'No files were given.'
          : `None of the ${files.length} file(s) held a resource vpcsim models (VPCs, subnets, instances...).`,
      );
      return { document: undefined, diagnostics: r.diagnostics, counts };
    }
    const document = guardDocument(buildDocument(out, st), r);
    if (!document) return { document: undefined, diagnostics: r.diagnostics, counts };
    return { document, diagnostics: r.diagnostics, counts: countsOfDocument(document.topology, counts) };
  } catch (e) {
    r.add(
      'IMPORT_AWS_INTERNAL',
      'fatal',
      { file: '' },
      `the AWS import failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
    );
    return { document: undefined, diagnostics: r.diagnostics, counts: {} };
  }
}

/** Counts after the guard, which may have left resources out. */
function countsOfDocument(t: Topology, before: Record<string, number>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of Object.keys(before)) {
    const items: unknown = (t as Record<string, unknown>)[name];
    counts[name] = Array.isArray(items) ? items.length : 0;
  }
  return counts;
}
