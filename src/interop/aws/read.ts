/**
 * Hands every recognised section of every file to its mapper, item by item, and records which calls
 * were collected in which account / Region scope.
 */
import { isRecord, Rec } from './fields.ts';
import { mapPrefixListEntries, mapPrefixList, mapVpcEndpoint } from './map-endpoints.ts';
import { mapNetworkAcl } from './map-nacls.ts';
import { mapSecurityGroup } from './map-security-groups.ts';
import { mapAddress, mapEgressOnlyGateway, mapInternetGateway, mapNatGateway, mapPeering } from './map-gateways.ts';
import { mapNetworkInterface, mapReservation } from './map-instances.ts';
import { mapVpc, mapSubnet } from './map-network.ts';
import { mapRouteTable } from './map-route-tables.ts';
import {
  mapTgwAssociations,
  mapTgwAttachment,
  mapTgwPeeringAttachment,
  mapTgwPropagations,
  mapTgwRoutes,
  mapTgwRouteTable,
  mapTgwVpcAttachment,
  mapTransitGateway,
} from './map-transit.ts';
import { idInPath } from './paths.ts';
import type { InputFile, SectionKey } from './recognise.ts';
import type { ImportState } from './state.ts';

type ItemMapper = (rec: Rec, file: InputFile, st: ImportState) => void;

/** Sections whose items are resources, one mapper each. */
const ITEM_MAPPERS: Partial<Record<SectionKey, ItemMapper>> = {
  Vpcs: mapVpc,
  Subnets: mapSubnet,
  RouteTables: mapRouteTable,
  NetworkAcls: mapNetworkAcl,
  SecurityGroups: mapSecurityGroup,
  Reservations: mapReservation,
  NetworkInterfaces: mapNetworkInterface,
  InternetGateways: mapInternetGateway,
  EgressOnlyInternetGateways: mapEgressOnlyGateway,
  NatGateways: mapNatGateway,
  VpcPeeringConnections: mapPeering,
  TransitGateways: mapTransitGateway,
  TransitGatewayAttachments: mapTgwAttachment,
  TransitGatewayVpcAttachments: mapTgwVpcAttachment,
  TransitGatewayPeeringAttachments: mapTgwPeeringAttachment,
  TransitGatewayRouteTables: mapTgwRouteTable,
  VpcEndpoints: mapVpcEndpoint,
  PrefixLists: mapPrefixList,
  Addresses: mapAddress,
};

type TableMapper = (tableId: string, items: Rec[], st: ImportState) => void;

/** Per-table responses: the raw key, the wrapped key, and the list field inside a wrapped element. */
const TABLE_SECTIONS: readonly { raw: SectionKey; wrapped: SectionKey; inner: string; map: TableMapper }[] = [
  { raw: 'Associations', wrapped: 'TransitGatewayAssociations', inner: 'Associations', map: mapTgwAssociations },
  {
    raw: 'TransitGatewayRouteTablePropagations',
    wrapped: 'TransitGatewayPropagations',
    inner: 'TransitGatewayRouteTablePropagations',
    map: mapTgwPropagations,
  },
  { raw: 'Routes', wrapped: 'TransitGatewayStaticRoutes', inner: 'Routes', map: mapTgwRoutes },
];

/** The kinds a section stands for when deciding whether a reference's kind was collected. */
const COLLECTED_AS: Partial<Record<SectionKey, SectionKey>> = {
  Entries: 'PrefixLists',
  ManagedPrefixListEntries: 'PrefixLists',
  TransitGatewayVpcAttachments: 'TransitGatewayAttachments',
  TransitGatewayPeeringAttachments: 'TransitGatewayAttachments',
};

/** The object elements of a section (a section must be an array). */
function sectionItems(file: InputFile, key: SectionKey, st: ImportState): Rec[] {
  const value = file.sections.get(key);
  if (!Array.isArray(value)) {
    st.r.error(
      'IMPORT_AWS_FIELD_TYPE',
      { file: file.path, path: key },
      `${file.path}: ${key} is not an array; the section is skipped`,
    );
    return [];
  }
  const out: Rec[] = [];
  value.forEach((item: unknown, i) => {
    const path = `${key}[${i}]`;
    if (isRecord(item)) out.push(new Rec(item, file.path, path, st.r, undefined, path));
    else
      st.r.warning(
        'IMPORT_AWS_FIELD_TYPE',
        { file: file.path, path },
        `${file.path}: ${path} is not an object; it is ignored`,
      );
  });
  return out;
}

function readTableSections(file: InputFile, st: ImportState): void {
  for (const { raw, wrapped, inner, map } of TABLE_SECTIONS) {
    if (file.sections.has(raw)) {
      const tableId = idInPath(file.path, 'tgw-rtb-');
      if (tableId === undefined) {
        st.r.error(
          'IMPORT_AWS_NO_ID_IN_FILE_NAME',
          { file: file.path, path: raw },
          `${file.path} holds a single ${raw} response, but its path names no tgw-rtb- route table; it is skipped (name the file after the table, or use the wrapped ${wrapped} form)`,
        );
      } else {
        map(tableId, sectionItems(file, raw, st), st);
      }
    }
    if (file.sections.has(wrapped)) {
      for (const element of sectionItems(file, wrapped, st)) {
        const tableId = element.str('TransitGatewayRouteTableId', `the ${inner} response is skipped`);
        if (tableId !== undefined) map(tableId, element.records(inner), st);
      }
    }
  }
}

function readEntrySections(file: InputFile, st: ImportState): void {
  if (file.sections.has('Entries')) {
    const listId = idInPath(file.path, 'pl-');
    if (listId === undefined) {
      st.r.error(
        'IMPORT_AWS_NO_ID_IN_FILE_NAME',
        { file: file.path, path: 'Entries' },
        `${file.path} holds get-managed-prefix-list-entries output, but its path names no pl- prefix list; it is skipped`,
      );
    } else {
      mapPrefixListEntries(listId, sectionItems(file, 'Entries', st), file.path, st);
    }
  }
  for (const element of file.sections.has('ManagedPrefixListEntries')
    ? sectionItems(file, 'ManagedPrefixListEntries', st)
    : []) {
    const listId = element.str('PrefixListId', 'the entries are skipped');
    if (listId !== undefined) mapPrefixListEntries(listId, element.records('Entries'), file.path, st);
  }
}

/** Maps every file into the state. */
export function readFiles(files: readonly InputFile[], st: ImportState): void {
  for (const file of files) {
    st.fileCount++;
    if (file.facts.account !== undefined) st.accounts.add(file.facts.account);
    for (const key of file.sections.keys()) {
      st.collected.add(`${file.facts.scope}|${COLLECTED_AS[key] ?? key}`);
    }
    for (const [key, mapper] of Object.entries(ITEM_MAPPERS) as [SectionKey, ItemMapper][]) {
      if (!file.sections.has(key)) continue;
      for (const rec of sectionItems(file, key, st)) mapper(rec, file, st);
    }
    readTableSections(file, st);
    readEntrySections(file, st);
  }
}
