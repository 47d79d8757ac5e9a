// The IMPORT_* diagnostic codes of the Terraform importer (`terraform show -json` state or plan), one line each.
import type { DiagnosticCodeInfo } from '../../model/index.ts';

const DOC = 'src/interop/terraform/README.md';
const FORMAT = 'format.md section 2';

export const TERRAFORM_IMPORT_CODES = {
  IMPORT_TF_NOT_TERRAFORM: {
    summary: 'The JSON is neither a Terraform state nor a plan as `terraform show -json` prints them.',
    doc: DOC,
  },
  IMPORT_TF_FORMAT_VERSION: {
    summary: 'The Terraform JSON declares a format_version whose major version this importer does not read.',
    doc: 'https://developer.hashicorp.com/terraform/internals/json-format',
  },
  IMPORT_TF_MALFORMED: {
    summary: 'A module or resource entry of the Terraform JSON has the wrong shape; it was skipped.',
    doc: DOC,
  },
  IMPORT_TF_FIELD_TYPE: { summary: 'A resource attribute has the wrong JSON type; it was ignored.', doc: DOC },
  IMPORT_TF_FIELD_MISSING: {
    summary: 'A resource lacks an attribute vpcsim needs (or the plan does not know it yet); it was left out.',
    doc: FORMAT,
  },
  IMPORT_TF_FIELD_VALUE: {
    summary: 'A resource attribute has a value AWS would not accept (CIDR, address, protocol, port); it was left out.',
    doc: FORMAT,
  },
  IMPORT_TF_DANGLING_REFERENCE: {
    summary: 'A resource refers to an id that no imported resource has (an unknown VPC, subnet, table or target).',
    doc: FORMAT,
  },
  IMPORT_TF_DUPLICATE_ID: { summary: 'Two resources have the same id; the second was left out.', doc: FORMAT },
  IMPORT_TF_CONFLICT: {
    summary: 'Two resources claim what AWS allows once (a subnet in two route tables, two routes to one destination).',
    doc: 'semantics.md',
  },
  IMPORT_TF_UNSUPPORTED_RESOURCE: {
    summary: 'An AWS resource that vpcsim does not model (a load balancer, a VPN gateway, ...); it was ignored.',
    doc: FORMAT,
  },
  IMPORT_TF_UNSUPPORTED_VALUE: {
    summary: 'A setting vpcsim does not model (a route to a local or carrier gateway, an EIP on a secondary address).',
    doc: FORMAT,
  },
  IMPORT_TF_OTHER_PROVIDERS: { summary: 'Resources of providers other than AWS were ignored.', doc: DOC },
  IMPORT_TF_UNKNOWN_VALUE: {
    summary: 'A plan value is not known until apply and could not be resolved from the configuration.',
    doc: DOC,
  },
  IMPORT_TF_ASSUMED: {
    summary: 'A value unknown until apply (an address AWS assigns, an acceptance) was assumed; traces rely on it.',
    doc: DOC,
  },
  IMPORT_TF_PREFIX_LIST_BUILTIN: {
    summary: "AWS's S3 or DynamoDB prefix list was mapped to the built-in pl-s3 / pl-dynamodb (vpcsim's ranges).",
    doc: DOC,
  },
  IMPORT_TF_DEFAULT_CREATED: {
    summary: 'A resource AWS creates by itself (a VPC default security group) was added because others use it.',
    doc: DOC,
  },
  IMPORT_TF_LEFT_OUT: {
    summary: 'A resource was left out because keeping it would make the document unloadable.',
    doc: DOC,
  },
  IMPORT_TF_INTERNAL: { summary: 'The importer failed unexpectedly on this input.', doc: DOC },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type TerraformImportCode = keyof typeof TERRAFORM_IMPORT_CODES | 'IMPORT_JSON_SYNTAX' | 'IMPORT_NOTHING';
