// Collects the importer's diagnostics in the order problems are found, each naming its file and resource.
import type { Diagnostic, Severity } from '../../model/index.ts';
import type { AwsImportCode } from './codes.ts';

/** A code the AWS importer may emit: its own, or the ones every importer shares. */
export type ImportCode = AwsImportCode | 'IMPORT_JSON_SYNTAX' | 'IMPORT_NOTHING';

/** Where a problem sits: the input file, a path inside it (`Vpcs[3].CidrBlock`), and the resource id. */
export interface Where {
  readonly file: string;
  readonly path?: string | undefined;
  readonly rid?: string | undefined;
}

/** An append-only list of diagnostics. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  add(code: ImportCode, severity: Severity, where: Where, message: string): void {
    const d: Diagnostic = { code, severity, message };
    if (where.file !== '') d.path = where.path ? `${where.file}#${where.path}` : where.file;
    if (where.rid !== undefined) d.resourceId = where.rid;
    this.diagnostics.push(d);
  }

  error(code: ImportCode, where: Where, message: string): void {
    this.add(code, 'error', where, message);
  }

  warning(code: ImportCode, where: Where, message: string): void {
    this.add(code, 'warning', where, message);
  }
}

/** `file.json#Vpcs[3]` style label for messages. */
export function describeWhere(where: Where): string {
  return where.path ? `${where.file} (${where.path})` : where.file;
}
