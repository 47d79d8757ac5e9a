// The palette's items: what each creates (a CreateRequest kind, plus a gateway endpoint's service),
// how it is grouped, and how a drag carries it (dataTransfer type `application/vpcsim-kind`).
import type { CreateKind } from '../../model/index.ts';

/** The dataTransfer type of a palette drag. */
export const PALETTE_MIME = 'application/vpcsim-kind';

export interface PaletteItem {
  /** Unique per item; the data-testid is `palette-<id>`. */
  id: string;
  kind: CreateKind;
  label: string;
  group: 'Networking' | 'Compute' | 'Connectivity' | 'Other';
  /** One line on what it is and where it goes. */
  hint: string;
  /** VPC endpoints only. */
  endpointType?: 'gateway' | 'interface';
  /** VPC endpoints only: `s3`, `dynamodb`, or the last part of an interface endpoint's service name. */
  service?: string;
}

export const PALETTE_ITEMS: readonly PaletteItem[] = [
  { id: 'vpc', kind: 'vpc', label: 'VPC', group: 'Networking', hint: 'Drop in a region or on the canvas' },
  { id: 'subnet', kind: 'subnet', label: 'Subnet', group: 'Networking', hint: 'Drop in an AZ column of a VPC' },
  {
    id: 'internetGateway',
    kind: 'internetGateway',
    label: 'Internet gateway',
    group: 'Networking',
    hint: 'Drop on a VPC',
  },
  {
    id: 'egressOnlyInternetGateway',
    kind: 'egressOnlyInternetGateway',
    label: 'Egress-only gateway',
    group: 'Networking',
    hint: 'Drop on a VPC',
  },
  { id: 'natGateway', kind: 'natGateway', label: 'NAT gateway', group: 'Networking', hint: 'Drop in a subnet' },
  { id: 'routeTable', kind: 'routeTable', label: 'Route table', group: 'Networking', hint: 'Drop on a VPC' },
  { id: 'networkAcl', kind: 'networkAcl', label: 'Network ACL', group: 'Networking', hint: 'Drop on a VPC' },
  { id: 'securityGroup', kind: 'securityGroup', label: 'Security group', group: 'Networking', hint: 'Drop on a VPC' },
  { id: 'instance', kind: 'instance', label: 'Instance', group: 'Compute', hint: 'Drop in a subnet' },
  {
    id: 'networkInterface',
    kind: 'networkInterface',
    label: 'Network interface',
    group: 'Compute',
    hint: 'Drop in a subnet',
  },
  {
    id: 'vpcPeeringConnection',
    kind: 'vpcPeeringConnection',
    label: 'Peering',
    group: 'Connectivity',
    hint: 'Drop on a VPC, then click the other VPC',
  },
  {
    id: 'transitGateway',
    kind: 'transitGateway',
    label: 'Transit gateway',
    group: 'Connectivity',
    hint: 'Drop in a region',
  },
  {
    id: 'transitGatewayAttachment',
    kind: 'transitGatewayAttachment',
    label: 'TGW attachment',
    group: 'Connectivity',
    hint: 'Drop on a VPC or a transit gateway, then click the other',
  },
  {
    id: 'vpcEndpoint-s3',
    kind: 'vpcEndpoint',
    label: 'S3 gateway endpoint',
    group: 'Connectivity',
    hint: 'Drop on a VPC',
    endpointType: 'gateway',
    service: 's3',
  },
  {
    id: 'vpcEndpoint-dynamodb',
    kind: 'vpcEndpoint',
    label: 'DynamoDB gateway endpoint',
    group: 'Connectivity',
    hint: 'Drop on a VPC',
    endpointType: 'gateway',
    service: 'dynamodb',
  },
  {
    id: 'vpcEndpoint-interface',
    kind: 'vpcEndpoint',
    label: 'Interface endpoint',
    group: 'Connectivity',
    hint: 'Drop on a VPC',
    endpointType: 'interface',
    service: 'sqs',
  },
  { id: 'prefixList', kind: 'prefixList', label: 'Prefix list', group: 'Other', hint: 'Drop anywhere' },
  {
    id: 'externalHost',
    kind: 'externalHost',
    label: 'External host',
    group: 'Other',
    hint: 'Drop on the canvas, outside the regions',
  },
];

/** What a palette drag carries: JSON of the item's id, kind and endpoint fields. */
export function encodePaletteDrag(item: PaletteItem): string {
  return JSON.stringify({
    id: item.id,
    kind: item.kind,
    ...(item.endpointType === undefined ? {} : { endpointType: item.endpointType }),
    ...(item.service === undefined ? {} : { service: item.service }),
  });
}

/** The palette item a drag carries (its JSON, or a bare item id or kind), or undefined. */
export function decodePaletteDrag(text: string): PaletteItem | undefined {
  let id = text.trim();
  if (id.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(id);
      if (typeof parsed !== 'object' || parsed === null || !('id' in parsed) || typeof parsed.id !== 'string') {
        return undefined;
      }
      id = parsed.id;
    } catch {
      return undefined;
    }
  }
  return PALETTE_ITEMS.find((item) => item.id === id) ?? PALETTE_ITEMS.find((item) => item.kind === id);
}
