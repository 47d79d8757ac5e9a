/**
 * The `IMPORT_AWS_*` diagnostic codes of the AWS importer: one line each and where the rule is
 * explained. Pure data; src/interop/codes.ts merges it into the interop catalogue.
 */
import type { DiagnosticCodeInfo } from '../../model/index.ts';

const README = 'src/interop/aws/README.md';
const CLI = 'https://docs.aws.amazon.com/cli/latest/reference/ec2/';

/** The catalogue of the AWS importer's codes, in the shape of IMPORT_COMMON_CODES. */
export const AWS_IMPORT_CODES = {
  IMPORT_AWS_UNRECOGNISED_FILE: {
    summary: 'A file holds none of the top-level keys of the describe-* calls the importer reads (warning).',
    doc: `${README} (inputs)`,
  },
  IMPORT_AWS_UNKNOWN_KEY: {
    summary: 'A top-level key beside the recognised ones was ignored (warning).',
    doc: `${README} (inputs)`,
  },
  IMPORT_AWS_TRUNCATED_OUTPUT: {
    summary: 'The saved output says more results exist (NextToken, AdditionalRoutesAvailable); the import is partial.',
    doc: `${CLI}describe-vpcs.html (pagination)`,
  },
  IMPORT_AWS_NO_ID_IN_FILE_NAME: {
    summary: 'A per-table or per-list response whose path names no tgw-rtb- or pl- id cannot be placed (error).',
    doc: `${README} (inputs)`,
  },
  IMPORT_AWS_FIELD_MISSING: {
    summary: 'A field the mapping needs is missing; the resource (or rule) is left out.',
    doc: `${README} (mapping)`,
  },
  IMPORT_AWS_FIELD_TYPE: {
    summary: 'A field has an unexpected JSON type; a required one leaves the resource out, an optional one is ignored.',
    doc: `${README} (mapping)`,
  },
  IMPORT_AWS_FIELD_VALUE: {
    summary: 'A field has a value the format cannot hold (a malformed CIDR or address, a port out of range).',
    doc: `${README} (mapping)`,
  },
  IMPORT_AWS_CONFLICT: {
    summary: 'One resource id was seen in two files with different facts; the owner account’s view was kept (warning).',
    doc: `${README} (merging)`,
  },
  IMPORT_AWS_UNKNOWN_REFERENCE: {
    summary: 'A resource names an id that the import does not hold although that kind was collected (error).',
    doc: `${README} (references)`,
  },
  IMPORT_AWS_NOT_COLLECTED: {
    summary: 'A resource names an id of a kind whose describe-* output was not given for that account and Region.',
    doc: `${README} (references)`,
  },
  IMPORT_AWS_DEPENDENCY_LEFT_OUT: {
    summary: 'A resource depends on one that was left out (named in an earlier diagnostic), so it changes too.',
    doc: `${README} (references)`,
  },
  IMPORT_AWS_PEER_OUTSIDE_IMPORT: {
    summary:
      'A peering joins a VPC or transit gateway that is not in the import (another account or Region); left out.',
    doc: `${README} (peering)`,
  },
  IMPORT_AWS_SG_PEER_OUTSIDE_IMPORT: {
    summary: 'A security group rule names a group outside the import; the rule is kept and matches nothing (warning).',
    doc: `${README} (security groups)`,
  },
  IMPORT_AWS_UNSUPPORTED: {
    summary:
      'Something present in the input is not modelled by vpcsim (a VPN gateway, a load balancer...); named (warning).',
    doc: `${README} (not modelled)`,
  },
  IMPORT_AWS_STATE_MAPPED: {
    summary: 'A lifecycle state with no exact counterpart was mapped to the nearest modelled state (warning).',
    doc: `${README} (states)`,
  },
  IMPORT_AWS_DELETED: {
    summary: 'A deleted, failed or terminated resource was left out (warning).',
    doc: `${README} (states)`,
  },
  IMPORT_AWS_EIP_MISMATCH: {
    summary: 'An Elastic IP association disagrees with the public address the interface shows (warning).',
    doc: `${CLI}describe-addresses.html`,
  },
  IMPORT_AWS_PREFIX_LIST_BUILTIN: {
    summary: 'An AWS service prefix list (S3, DynamoDB) was mapped to the built-in pl-s3 / pl-dynamodb (warning).',
    doc: `${README} (prefix lists)`,
  },
  IMPORT_AWS_PREFIX_LIST_NO_ENTRIES: {
    summary: 'A managed prefix list was described without its entries; it is imported empty (warning).',
    doc: `${CLI}get-managed-prefix-list-entries.html`,
  },
  IMPORT_AWS_REGION_ASSUMED: {
    summary: 'Neither the path nor the data names the Region of a VPC; the default Region was used (warning).',
    doc: `${README} (Regions and accounts)`,
  },
  IMPORT_AWS_INTERNAL: {
    summary: 'The importer failed unexpectedly on this input (a bug); nothing was imported (fatal).',
    doc: `${README} (guarantees)`,
  },
  IMPORT_AWS_DROPPED_BY_GUARD: {
    summary: 'The document model refused a resource the importer produced; it was left out so the import loads.',
    doc: `${README} (guarantees)`,
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** Every code the AWS importer emits besides the common IMPORT_JSON_SYNTAX and IMPORT_NOTHING. */
export type AwsImportCode = keyof typeof AWS_IMPORT_CODES;
