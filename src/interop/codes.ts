/**
 * The catalogue of `IMPORT_*` diagnostic codes that importers emit: one line each, and the format the
 * rule belongs to. Pure data. Each importer adds its own codes in its folder's codes file; this file
 * merges them.
 */
import type { DiagnosticCodeInfo } from '../model/index.ts';
import { AWS_IMPORT_CODES } from './aws/codes.ts';
import { TERRAFORM_IMPORT_CODES } from './terraform/codes.ts';

export const IMPORT_COMMON_CODES = {
  IMPORT_JSON_SYNTAX: { summary: 'An input file is not valid JSON (or is truncated).', doc: 'format.md section 1' },
  IMPORT_NOTHING: { summary: 'The input held no resource that vpcsim models.', doc: 'format.md section 2' },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** Every code an importer may emit, with its summary and the format it belongs to. */
export const IMPORT_CODES: Readonly<Record<string, DiagnosticCodeInfo>> = {
  ...IMPORT_COMMON_CODES,
  ...AWS_IMPORT_CODES,
  ...TERRAFORM_IMPORT_CODES,
};
