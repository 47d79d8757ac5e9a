/**
 * Parses each input file and recognises the describe-* call it came from by its top-level key,
 * whatever the file is called. Paging keys are understood; anything else is reported, never guessed.
 */
import { locateJsonError } from '../../model/index.ts';
import type { SourceFile } from '../types.ts';
import { isRecord } from './fields.ts';
import { pathFacts, type PathFacts } from './paths.ts';
import type { Reporter } from './report.ts';

/** The top-level keys of the outputs the importer reads (one describe-* or get-* call each). */
export const SECTION_KEYS = [
  'Vpcs',
  'Subnets',
  'RouteTables',
  'NetworkAcls',
  'SecurityGroups',
  'Reservations',
  'NetworkInterfaces',
  'InternetGateways',
  'EgressOnlyInternetGateways',
  'NatGateways',
  'VpcPeeringConnections',
  'TransitGateways',
  'TransitGatewayAttachments',
  'TransitGatewayVpcAttachments',
  'TransitGatewayPeeringAttachments',
  'TransitGatewayRouteTables',
  'VpcEndpoints',
  'PrefixLists',
  'Addresses',
  // get-managed-prefix-list-entries: raw (pl- id in the file name) and wrapped per list.
  'Entries',
  'ManagedPrefixListEntries',
  // Per transit gateway route table: raw responses (tgw-rtb- id in the file name) and wrapped lists.
  'Associations',
  'TransitGatewayRouteTablePropagations',
  'Routes',
  'TransitGatewayAssociations',
  'TransitGatewayPropagations',
  'TransitGatewayStaticRoutes',
] as const;

/** A recognised top-level key. */
export type SectionKey = (typeof SECTION_KEYS)[number];

const KNOWN = new Set<string>(SECTION_KEYS);

/** Keys that only say more pages exist. */
const PAGING_KEYS = new Set(['NextToken', 'AdditionalRoutesAvailable']);

/** One input file as read. */
export interface InputFile {
  readonly path: string;
  readonly facts: PathFacts;
  readonly sections: ReadonlyMap<SectionKey, unknown>;
}

function isSectionKey(key: string): key is SectionKey {
  return KNOWN.has(key);
}

/** Parses one file's text, reporting syntax errors with their line and column. */
function parseJson(file: SourceFile, r: Reporter): unknown {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const where = locateJsonError(text);
    const detail = where
      ? `line ${where.line}, column ${where.column}: ${where.reason}`
      : e instanceof Error
        ? e.message
        : String(e);
    r.error('IMPORT_JSON_SYNTAX', { file: file.path }, `${file.path} is not valid JSON (${detail}); it is skipped`);
    return undefined;
  }
}

/** Reads every file; the result keeps only recognised sections. Files are taken in path order. */
export function recogniseFiles(files: readonly SourceFile[], r: Reporter): InputFile[] {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const out: InputFile[] = [];
  for (const file of sorted) {
    const value = parseJson(file, r);
    if (value === undefined) continue;
    if (!isRecord(value)) {
      r.warning(
        'IMPORT_AWS_UNRECOGNISED_FILE',
        { file: file.path },
        `${file.path} holds ${Array.isArray(value) ? 'an array' : 'a plain value'}, not the object an AWS CLI describe-* call prints; it is skipped`,
      );
      continue;
    }
    const sections = new Map<SectionKey, unknown>();
    const unknown: string[] = [];
    for (const key of Object.keys(value)) {
      if (isSectionKey(key)) sections.set(key, value[key]);
      else if (PAGING_KEYS.has(key)) continue;
      else unknown.push(key);
    }
    const keys = Object.keys(value);
    if (sections.size === 0) {
      r.warning(
        'IMPORT_AWS_UNRECOGNISED_FILE',
        { file: file.path },
        keys.length === 0
          ? `${file.path} is an empty object; it is skipped`
          : `${file.path} has the top-level keys ${keys.join(', ')}, none of which the importer reads; it is skipped`,
      );
      continue;
    }
    if (unknown.length > 0) {
      r.warning(
        'IMPORT_AWS_UNKNOWN_KEY',
        { file: file.path },
        `${file.path}: the top-level keys ${unknown.join(', ')} are not read and were ignored`,
      );
    }
    if (typeof value['NextToken'] === 'string' && value['NextToken'] !== '') {
      r.warning(
        'IMPORT_AWS_TRUNCATED_OUTPUT',
        { file: file.path, path: 'NextToken' },
        `${file.path} ends with a NextToken: more results exist that were not saved (run the call without --max-items or --no-paginate)`,
      );
    }
    if (value['AdditionalRoutesAvailable'] === true) {
      r.warning(
        'IMPORT_AWS_TRUNCATED_OUTPUT',
        { file: file.path, path: 'AdditionalRoutesAvailable' },
        `${file.path}: search-transit-gateway-routes says more routes are available than were saved`,
      );
    }
    out.push({ path: file.path, facts: pathFacts(file.path), sections });
  }
  return out;
}
