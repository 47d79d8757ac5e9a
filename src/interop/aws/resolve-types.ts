// The state one resolution run threads through its steps: input drafts, kept ids, and the output arrays.
import type {
  Instance,
  NatGateway,
  NetworkInterface,
  RouteTable,
  SecurityGroup,
  Topology,
  TransitGatewayAttachment,
  VpcEndpoint,
} from '../../model/index.ts';
import type { Resolver } from './resolve-context.ts';
import type { ImportState } from './state.ts';

/** Every topology array the importer fills. */
export type Built = Required<Omit<Topology, 'externalHosts'>>;

/** One resolution run. */
export interface Ctx {
  readonly st: ImportState;
  readonly rs: Resolver;
  readonly out: Built;
  /** Output objects by id, for the later steps that add to them. */
  readonly routeTables: Map<string, RouteTable>;
  readonly securityGroups: Map<string, SecurityGroup>;
  readonly endpoints: Map<string, VpcEndpoint>;
  readonly natGateways: Map<string, NatGateway>;
  readonly attachments: Map<string, TransitGatewayAttachment>;
  /** Interface id -> the instance (primary interface) or network interface that holds its fields. */
  readonly interfaces: Map<string, Instance | NetworkInterface>;
  /** AWS service prefix list id -> built-in id (`pl-s3`), and the ids of kept prefix lists. */
  readonly prefixListIds: Map<string, string>;
}

/** Empty output arrays. */
export function emptyBuilt(): Built {
  return {
    vpcs: [],
    subnets: [],
    routeTables: [],
    networkAcls: [],
    securityGroups: [],
    instances: [],
    networkInterfaces: [],
    internetGateways: [],
    egressOnlyInternetGateways: [],
    natGateways: [],
    vpcPeeringConnections: [],
    transitGateways: [],
    transitGatewayAttachments: [],
    transitGatewayRouteTables: [],
    vpcEndpoints: [],
    prefixLists: [],
  };
}
