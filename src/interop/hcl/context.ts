// The state one Terraform export shares between its parts: the document's resources by id, their
// Terraform addresses, regions and providers, the blocks written so far and the notes.
import {
  BUILTIN_PREFIX_LIST_IDS,
  primaryInterfaceIdOf,
  type Document,
  type Topology,
  type TopologyArrayName,
} from '../../model/index.ts';
import { attr, ref, str, type HclBlock, type HclExpr, type HclItem } from './hcl-writer.ts';
import { Namer, slug } from './naming.ts';

/** The region of a VPC that names none (format.md 2). */
export const DEFAULT_REGION = 'us-east-1';

/** A resource of the document with the array it sits in. */
export interface Located {
  array: TopologyArrayName;
  resource: { id: string; name?: string };
}

/** The id prefixes AWS uses per array, stripped from hand-written ids to make shorter names (`i-web` -> `web`). */
const ID_PREFIXES: Partial<Record<TopologyArrayName, string[]>> = {
  vpcs: ['vpc-'],
  subnets: ['subnet-'],
  routeTables: ['rtb-'],
  networkAcls: ['acl-'],
  securityGroups: ['sg-'],
  instances: ['i-'],
  networkInterfaces: ['eni-'],
  internetGateways: ['igw-'],
  egressOnlyInternetGateways: ['eigw-'],
  natGateways: ['nat-'],
  vpcPeeringConnections: ['pcx-'],
  transitGateways: ['tgw-'],
  transitGatewayAttachments: ['tgw-attach-'],
  transitGatewayRouteTables: ['tgw-rtb-'],
  vpcEndpoints: ['vpce-'],
  prefixLists: ['pl-'],
};

/** An id AWS generated (`subnet-0abc12345`): its name, when there is one, reads better. */
const AWS_GENERATED_ID = /^[a-z]+(-[a-z]+)*-[0-9a-f]{8,17}$/;

export class ExportContext {
  readonly t: Topology;
  readonly namer = new Namer();
  readonly addresses: Record<string, string> = {};
  readonly notes: string[] = [];
  readonly byId = new Map<string, Located>();
  /** Resource blocks in output order. */
  readonly body: HclBlock[] = [];
  /** Regions in first-use order; the first one is the default provider's. */
  readonly regions: string[] = [];
  /** Secondary CIDRs of VPCs and the association resource that adds each one. */
  readonly cidrAssociations: { vpcId: string; cidr: string; address: string }[] = [];
  /** Transit gateway peering attachment id -> the address of its accepter. */
  readonly peeringAccepters = new Map<string, string>();
  private readonly data = new Map<string, { address: string; block: HclBlock }>();
  private readonly regionOfTgw = new Map<string, string>();

  constructor(readonly document: Document) {
    this.t = document.topology;
    for (const array of Object.keys(this.t) as TopologyArrayName[]) {
      for (const resource of this.t[array] ?? []) {
        if (!this.byId.has(resource.id)) this.byId.set(resource.id, { array, resource });
      }
    }
    for (const vpc of this.t.vpcs ?? []) this.useRegion(vpc.region ?? DEFAULT_REGION);
    if (this.regions.length === 0) this.regions.push(DEFAULT_REGION);
    // A transit gateway lives where the VPCs it is attached to live (AWS attaches VPCs of its own Region only).
    for (const a of this.t.transitGatewayAttachments ?? []) {
      if (a.type !== 'vpc' || a.vpcId === undefined || this.regionOfTgw.has(a.transitGatewayId)) continue;
      const vpc = this.located(a.vpcId, 'vpcs');
      if (vpc) this.regionOfTgw.set(a.transitGatewayId, this.vpcRegion(a.vpcId));
    }
    for (const g of this.t.transitGateways ?? []) this.useRegion(this.tgwRegion(g.id));
  }

  private useRegion(region: string): void {
    if (!this.regions.includes(region)) this.regions.push(region);
  }

  get primaryRegion(): string {
    return this.regions[0] ?? DEFAULT_REGION;
  }

  /** The resource `id` when it sits in `array`. */
  located(id: string, array: TopologyArrayName): Located['resource'] | undefined {
    const hit = this.byId.get(id);
    return hit?.array === array ? hit.resource : undefined;
  }

  vpcRegion(vpcId: string | null | undefined): string {
    if (vpcId === null || vpcId === undefined) return this.primaryRegion;
    const vpc = this.t.vpcs?.find((v) => v.id === vpcId);
    return vpc ? (vpc.region ?? DEFAULT_REGION) : this.primaryRegion;
  }

  subnetRegion(subnetId: string): string {
    return this.vpcRegion(this.t.subnets?.find((s) => s.id === subnetId)?.vpcId);
  }

  tgwRegion(tgwId: string): string {
    return this.regionOfTgw.get(tgwId) ?? this.primaryRegion;
  }

  /** The provider alias of a region other than the default one. */
  providerAlias(region: string): string {
    return slug(region) || 'region';
  }

  /** `provider = aws.<alias>` for resources outside the default region, nothing otherwise. */
  providerItems(region: string): HclItem[] {
    return region === this.primaryRegion ? [] : [attr('provider', ref(`aws.${this.providerAlias(region)}`))];
  }

  /**
   * The Terraform name for a document resource of `type`, from its id (without the AWS prefix) when
   * the id was written by hand, else from its name; records its address.
   */
  claim(type: string, array: TopologyArrayName, resource: { id: string; name?: string }, fallback: string): string {
    const candidates: (string | undefined)[] = [];
    if (AWS_GENERATED_ID.test(resource.id)) candidates.push(resource.name, resource.id);
    else {
      const prefix = ID_PREFIXES[array]?.find((p) => resource.id.startsWith(p) && resource.id.length > p.length);
      candidates.push(prefix ? resource.id.slice(prefix.length) : resource.id, resource.name);
    }
    const name = this.namer.claim(type, candidates, fallback);
    this.addresses[resource.id] = `${type}.${name}`;
    return name;
  }

  /** A name for a helper resource (a route, a rule, an association) built from readable parts. */
  claimHelper(type: string, parts: string[], fallback: string): string {
    const joined = parts.map((p) => p.replace(/[^A-Za-z0-9]+/g, '_')).join('_');
    return this.namer.claim(type, [joined], fallback);
  }

  /** The Terraform name of a document resource already claimed (its address without the type). */
  nameOf(id: string): string {
    const address = this.addresses[id];
    return address === undefined ? slug(id) || 'resource' : address.slice(address.indexOf('.') + 1);
  }

  /** A reference to attribute `attribute` of the exported resource `id`, or the id as a literal when it was not exported. */
  refTo(id: string, attribute = 'id'): HclExpr {
    const address = this.addresses[id];
    return address === undefined ? str(id) : ref(`${address}.${attribute}`);
  }

  /** Appends one resource block. */
  resource(type: string, name: string, body: HclItem[]): string {
    this.body.push({ type: 'resource', labels: [type, name], body });
    return `${type}.${name}`;
  }

  note(sentence: string): void {
    this.notes.push(sentence);
  }

  /**
   * A reference to an AWS-managed prefix list of a built-in id (`pl-s3`, `pl-dynamodb`) in `region`:
   * a data source looked up by the list's name, `com.amazonaws.<region>.<service>`.
   */
  builtinPrefixList(id: string, region: string): HclExpr {
    const service = id.slice('pl-'.length);
    const key = `${service}@${region}`;
    let hit = this.data.get(key);
    if (!hit) {
      const name = this.namer.claim('data.aws_ec2_managed_prefix_list', [`${service}_${region}`], service);
      hit = {
        address: `data.aws_ec2_managed_prefix_list.${name}`,
        block: {
          type: 'data',
          labels: ['aws_ec2_managed_prefix_list', name],
          body: [...this.providerItems(region), attr('name', str(`com.amazonaws.${region}.${service}`))],
        },
      };
      this.data.set(key, hit);
    }
    return ref(`${hit.address}.id`);
  }

  /** A prefix list id as an expression: built-in lists, the document's lists, or the literal id. */
  prefixListRef(id: string, region: string): HclExpr {
    if (BUILTIN_PREFIX_LIST_IDS.includes(id) && !this.byId.has(id)) {
      return this.builtinPrefixList(id, region);
    }
    return this.refTo(id);
  }

  /** The instance a route target names, directly or through the id of its primary interface. */
  instanceOfTarget(target: string): string | undefined {
    return this.t.instances?.find((i) => i.id === target || primaryInterfaceIdOf(i) === target)?.id;
  }

  /** The Regions of the resources that reference prefix list `id`, in document order. */
  prefixListRegions(id: string): string[] {
    const regions: string[] = [];
    const add = (region: string): void => {
      if (!regions.includes(region)) regions.push(region);
    };
    for (const rt of this.t.routeTables ?? []) {
      if (rt.routes.some((r) => r.destination === id)) add(this.vpcRegion(rt.vpcId));
    }
    for (const sg of this.t.securityGroups ?? []) {
      const peers = [...(sg.inbound ?? []).map((r) => r.source), ...(sg.outbound ?? []).map((r) => r.destination)];
      if (peers.includes(id)) add(this.vpcRegion(sg.vpcId));
    }
    for (const trt of this.t.transitGatewayRouteTables ?? []) {
      if (trt.routes.some((r) => r.destination === id)) add(this.tgwRegion(trt.transitGatewayId));
    }
    for (const e of this.t.vpcEndpoints ?? []) if (e.prefixListId === id) add(this.vpcRegion(e.vpcId));
    return regions;
  }

  /** The data sources, in first-use order. */
  dataBlocks(): HclBlock[] {
    return [...this.data.values()].map((d) => d.block);
  }
}
