/**
 * `vpcsim export terraform FILE [-o main.tf]`: writes a document as Terraform HCL. What HCL cannot say
 * exactly (external hosts, a peering in a state Terraform cannot create) is listed on stderr.
 */
import { exportTerraform } from '../interop/index.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError, type CliIo } from './io.ts';
import { describeFsError, loadDocumentFile } from './load.ts';

export interface ExportOptions {
  output?: string;
}

export function exportTerraformCommand(file: string, options: ExportOptions, io: CliIo): number {
  const loaded = loadDocumentFile(file, io.readFile);
  if (!loaded.ok) {
    printError(io, loaded.error.message);
    return EXIT_BAD_INPUT;
  }
  const exported = exportTerraform(loaded.value.document);
  for (const note of exported.notes) io.stderr(`note: ${note}\n`);
  if (options.output === undefined) {
    io.stdout(exported.text);
    return EXIT_OK;
  }
  if (!io.writeFile) {
    printError(io, 'cannot write files here');
    return EXIT_BAD_INPUT;
  }
  try {
    io.writeFile(options.output, exported.text);
  } catch (e) {
    printError(io, `cannot write '${options.output}': ${describeFsError(e)}`);
    return EXIT_BAD_INPUT;
  }
  io.stderr(`wrote ${options.output} (${Object.keys(exported.addresses).length} resources)\n`);
  return EXIT_OK;
}
