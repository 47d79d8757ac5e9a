/**
 * Everything the mappers collect from the files before references are resolved: one collection per
 * resource kind, the facts that tie kinds together, and which calls were collected where.
 */
import type {
  AddressDraft,
  AttachmentDraft,
  EndpointDraft,
  GatewayDraft,
  InstanceDraft,
  InterfaceDraft,
  NaclDraft,
  NatDraft,
  PeeringDraft,
  PeeringSides,
  PrefixListDraft,
  RouteTableDraft,
  SecurityGroupDraft,
  SubnetDraft,
  TgwRouteTableDraft,
  TgwTableData,
  TransitGatewayDraft,
  VpcDraft,
} from './drafts.ts';
import { Collection, type Origin } from './merge.ts';
import type { InputFile, SectionKey } from './recognise.ts';
import type { Reporter } from './report.ts';

/** Everything read from the input, keyed by id. */
export class ImportState {
  readonly vpcs = new Collection<VpcDraft>('VPC');
  readonly subnets = new Collection<SubnetDraft>('subnet');
  readonly routeTables = new Collection<RouteTableDraft>('route table');
  readonly networkAcls = new Collection<NaclDraft>('network ACL');
  readonly securityGroups = new Collection<SecurityGroupDraft>('security group');
  readonly instances = new Collection<InstanceDraft>('instance');
  readonly interfaces = new Collection<InterfaceDraft>('network interface');
  readonly internetGateways = new Collection<GatewayDraft>('internet gateway');
  readonly egressOnlyInternetGateways = new Collection<GatewayDraft>('egress-only internet gateway');
  readonly natGateways = new Collection<NatDraft>('NAT gateway');
  readonly peerings = new Collection<PeeringDraft>('VPC peering connection');
  readonly transitGateways = new Collection<TransitGatewayDraft>('transit gateway');
  readonly attachments = new Collection<AttachmentDraft>('transit gateway attachment');
  readonly tgwRouteTables = new Collection<TgwRouteTableDraft>('transit gateway route table');
  readonly endpoints = new Collection<EndpointDraft>('VPC endpoint');
  readonly prefixLists = new Collection<PrefixListDraft>('prefix list');

  /** Peering attachments: requester and accepter gateways (see AttachmentDraft). */
  readonly peeringSides = new Map<string, PeeringSides>();
  /** Per transit gateway route table: associations, propagations and routes. */
  readonly tgwTables = new Map<string, TgwTableData>();
  /** Entries of managed prefix lists, by list id. */
  readonly prefixListEntries = new Map<string, { cidrs: string[]; file: string }>();
  readonly addresses = new Map<string, AddressDraft>();
  /** A Region the data gives for a VPC (subnet zones, peering VpcInfo, ARNs), first seen wins. */
  readonly vpcRegionHints = new Map<string, { region: string; file: string }>();
  /** Ids the mappers left out on purpose (deleted, unsupported...), with the reason, so references to them say so. */
  readonly leftOut = new Map<string, string>();
  /** `<scope>|<section key>` for every call collected. */
  readonly collected = new Set<string>();
  readonly accounts = new Set<string>();
  readonly regions = new Set<string>();
  fileCount = 0;

  constructor(
    readonly r: Reporter,
    readonly defaultRegion: string | undefined,
  ) {}

  /** The origin of an object of `file` at `path`, owned by `owner` when the output says. */
  origin(file: InputFile, path: string, owner: string | undefined): Origin {
    if (owner !== undefined && /^\d{12}$/.test(owner)) this.accounts.add(owner);
    return {
      file: file.path,
      path,
      scope: file.facts.scope,
      viewer: file.facts.account,
      owner,
      pathRegion: file.facts.region,
    };
  }

  /** Records a Region the data gives for a VPC. */
  hintRegion(vpcId: string, region: string | undefined, file: string): void {
    if (region !== undefined && !this.vpcRegionHints.has(vpcId)) this.vpcRegionHints.set(vpcId, { region, file });
  }

  /**
   * Whether the call that lists `key` was collected for `scope`: in that account and Region, or in
   * a file whose path names less (only the account, only the Region, or neither).
   */
  wasCollected(scope: string, key: SectionKey): boolean {
    const [account = '', region = ''] = scope.split('/');
    for (const s of [scope, `${account}/`, `/${region}`, '/']) if (this.collected.has(`${s}|${key}`)) return true;
    return false;
  }

  /** The per-table record of a transit gateway route table, created on first use. */
  tgwTable(id: string): TgwTableData {
    let t = this.tgwTables.get(id);
    if (!t) {
      t = {
        associations: new Map(),
        propagations: new Map(),
        routes: [],
        associationsCollected: false,
        propagationsCollected: false,
        routesCollected: false,
        propagatedFrom: new Map(),
      };
      this.tgwTables.set(id, t);
    }
    return t;
  }
}
