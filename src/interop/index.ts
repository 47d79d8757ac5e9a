// The interop layer's public surface: importers of AWS and Terraform JSON, the Terraform HCL exporter.
export * from './types.ts';
export * from './codes.ts';
