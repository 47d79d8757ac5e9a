// The interop layer's public surface: importers of AWS and Terraform JSON, the Terraform HCL exporter.
export * from './types.ts';
export * from './codes.ts';
export { importAws, type AwsImportOptions } from './aws/index.ts';
export { importTerraform, mapTerraformResources, type TerraformResource } from './terraform/index.ts';
export { exportTerraform, hclJsonToResources, type TerraformExport } from './hcl/index.ts';
