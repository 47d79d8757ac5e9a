// The Terraform HCL exporter's public surface: a document as main.tf, and hcl2json output read back.
export { exportTerraform, type TerraformExport } from './export.ts';
export { hclJsonToResources } from './hcl-json.ts';
