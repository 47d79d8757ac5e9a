// What a set of opened or dropped files is, and its import: a vpcsim document on its own, one Terraform
// `show -json` file, or AWS describe output (any number of files). Pure: the import worker runs it, and
// tests call it directly.
import { importAws, importTerraform, type ImportResult, type SourceFile } from '../../interop/index.ts';

export type ImportOutcome =
  /** A vpcsim document: the editor opens its text as usual. */
  | { kind: 'vpcsim'; path: string; text: string }
  | { kind: 'aws' | 'terraform'; files: number; result: ImportResult }
  /** The set cannot be imported as a whole (a vpcsim document among other files, two Terraform files). */
  | { kind: 'refused'; message: string };

type Shape = 'vpcsim' | 'terraform' | 'other';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The kind of one file by its top-level keys; text that is not JSON is left to the importer to report. */
function shapeOf(text: string): Shape {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A damaged file still says what it meant to be near its start; its own reader then names the error.
    const head = text.slice(0, 4096);
    if (/"format"\s*:\s*"vpcsim\//.test(head)) return 'vpcsim';
    if (/"(format_version|terraform_version)"\s*:/.test(head)) return 'terraform';
    return 'other';
  }
  if (!isRecord(value)) return 'other';
  if (typeof value['format'] === 'string' && 'topology' in value) return 'vpcsim';
  if ('format_version' in value && ('values' in value || 'planned_values' in value || 'prior_state' in value)) {
    return 'terraform';
  }
  // A raw terraform.tfstate: a numbered state with a list of resources.
  if (typeof value['version'] === 'number' && 'terraform_version' in value && Array.isArray(value['resources'])) {
    return 'terraform';
  }
  return 'other';
}

/** Classifies `files` and runs the importer they call for. */
export function runImport(files: readonly SourceFile[]): ImportOutcome {
  const shapes = files.map((file) => shapeOf(file.text));
  const vpcsim = files.filter((_, i) => shapes[i] === 'vpcsim');
  const terraform = files.filter((_, i) => shapes[i] === 'terraform');
  const [first] = files;
  if (files.length === 1 && first && vpcsim.length === 1) return { kind: 'vpcsim', path: first.path, text: first.text };
  if (vpcsim.length > 0) {
    return {
      kind: 'refused',
      message: `${vpcsim[0]?.path ?? 'A file'} is a vpcsim document: open it on its own, not together with ${files.length - 1} other file${files.length === 2 ? '' : 's'}.`,
    };
  }
  if (terraform.length > 1) {
    return {
      kind: 'refused',
      message: `${terraform.length} Terraform files were given (${terraform.map((f) => f.path).join(', ')}): import one state or plan at a time.`,
    };
  }
  const [tf] = terraform;
  if (tf) {
    if (files.length > 1) {
      return {
        kind: 'refused',
        message: `${tf.path} is Terraform JSON: import it on its own, not together with AWS describe output.`,
      };
    }
    return { kind: 'terraform', files: 1, result: importTerraform(tf) };
  }
  return { kind: 'aws', files: files.length, result: importAws(files) };
}
