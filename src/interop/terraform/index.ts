/**
 * The Terraform importer: the JSON of `terraform show -json` (a state or a plan) -> a vpcsim/1 document
 * with IMPORT_* diagnostics naming the file and each resource's address.
 */
import { locateJsonError } from '../../model/index.ts';
import type { ImportResult, SourceFile } from '../types.ts';
import { mapResources } from './map.ts';
import type { TerraformResource } from './resource.ts';
import { readShowJson } from './show-json.ts';

export type { TerraformResource } from './resource.ts';
export { TERRAFORM_IMPORT_CODES, type TerraformImportCode } from './codes.ts';

/** Imports the JSON text of `terraform show -json` (state or plan). */
export function importTerraform(file: SourceFile): ImportResult {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const where = locateJsonError(text);
    const detail = where
      ? `line ${where.line}, column ${where.column}: ${where.reason}`
      : e instanceof Error
        ? e.message
        : String(e);
    return {
      document: undefined,
      diagnostics: [
        {
          code: 'IMPORT_JSON_SYNTAX',
          severity: 'fatal',
          path: file.path,
          message: `${file.path} is not valid JSON at ${detail}`,
        },
      ],
      counts: {},
    };
  }
  const { read, diagnostics } = readShowJson(value, file.path);
  if (read === undefined) return { document: undefined, diagnostics, counts: {} };
  const source = `Terraform ${read.kind}${read.terraformVersion === undefined ? '' : ` (Terraform ${read.terraformVersion})`}`;
  return mapResources(read.resources, file.path, { source, diagnostics });
}

/**
 * Maps resource instances to a document. A resource's id is `values.id` when it is a non-empty string,
 * otherwise its address; a reference attribute holding another resource's address (or `<address>.id`)
 * names that resource.
 */
export function mapTerraformResources(resources: TerraformResource[], origin: string): ImportResult {
  return mapResources(resources, origin);
}
