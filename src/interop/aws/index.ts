// The AWS importer's public surface: importAws and its diagnostic codes.
export { importAws, type AwsImportOptions } from './import.ts';
export { AWS_IMPORT_CODES, type AwsImportCode } from './codes.ts';
