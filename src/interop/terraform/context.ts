/**
 * The state one mapping run shares: resources by address, the document resources built so far (by kind
 * and id), the facts that only later steps can settle (main tables, default associations), diagnostics.
 */
import {
  TOPOLOGY_ARRAYS,
  type Diagnostic,
  type EgressOnlyInternetGateway,
  type Instance,
  type InternetGateway,
  type NatGateway,
  type NetworkAcl,
  type NetworkInterface,
  type PrefixList,
  type RouteTable,
  type SecurityGroup,
  type Severity,
  type Subnet,
  type TransitGateway,
  type TransitGatewayAttachment,
  type TransitGatewayRouteTable,
  type Vpc,
  type VpcEndpoint,
  type VpcPeeringConnection,
} from '../../model/index.ts';
import type { TerraformImportCode } from './codes.ts';
import type { TerraformResource } from './resource.ts';

/** A resource with the id it goes by: `values.id` when known, else its address. */
export interface Entry {
  readonly res: TerraformResource;
  readonly address: string;
  readonly id: string;
  readonly values: Record<string, unknown>;
}

/** The document resources by topology array (external hosts never come from Terraform). */
export interface Items {
  vpcs: Map<string, Vpc>;
  subnets: Map<string, Subnet>;
  routeTables: Map<string, RouteTable>;
  networkAcls: Map<string, NetworkAcl>;
  securityGroups: Map<string, SecurityGroup>;
  instances: Map<string, Instance>;
  networkInterfaces: Map<string, NetworkInterface>;
  internetGateways: Map<string, InternetGateway>;
  egressOnlyInternetGateways: Map<string, EgressOnlyInternetGateway>;
  natGateways: Map<string, NatGateway>;
  vpcPeeringConnections: Map<string, VpcPeeringConnection>;
  transitGateways: Map<string, TransitGateway>;
  transitGatewayAttachments: Map<string, TransitGatewayAttachment>;
  transitGatewayRouteTables: Map<string, TransitGatewayRouteTable>;
  vpcEndpoints: Map<string, VpcEndpoint>;
  prefixLists: Map<string, PrefixList>;
}
export type Kind = keyof Items;
export type ItemOf<K extends Kind> = Items[K] extends Map<string, infer T> ? T : never;

/** Every kind, in format.md order (external hosts are not Terraform resources). */
export const KINDS: readonly Kind[] = TOPOLOGY_ARRAYS.filter((name): name is Kind => name !== 'externalHosts');

/** The ids AWS gives a VPC's own resources (attributes of aws_vpc). */
export interface VpcDefaults {
  mainRouteTableId?: string;
  defaultRouteTableId?: string;
  defaultNetworkAclId?: string;
  defaultSecurityGroupId?: string;
}

export interface Eip {
  readonly address: string;
  publicIp?: string;
  instanceId?: string;
  networkInterfaceId?: string;
  privateIp?: string;
}

export interface TgwDefaults {
  association: boolean;
  propagation: boolean;
  associationTableId?: string;
  propagationTableId?: string;
}

/** Where a needed address is missing (a plan does not know it before apply). */
export interface AddressGap {
  readonly kind: 'instances' | 'networkInterfaces' | 'natGateways';
  readonly id: string;
  readonly field: 'privateIp' | 'publicIp';
  /** For a public address: the Elastic IP that will provide it, so its users share one address. */
  readonly eipId?: string;
}

export class MapContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly byAddress = new Map<string, Entry>();
  readonly items: Items = {
    vpcs: new Map(),
    subnets: new Map(),
    routeTables: new Map(),
    networkAcls: new Map(),
    securityGroups: new Map(),
    instances: new Map(),
    networkInterfaces: new Map(),
    internetGateways: new Map(),
    egressOnlyInternetGateways: new Map(),
    natGateways: new Map(),
    vpcPeeringConnections: new Map(),
    transitGateways: new Map(),
    transitGatewayAttachments: new Map(),
    transitGatewayRouteTables: new Map(),
    vpcEndpoints: new Map(),
    prefixLists: new Map(),
  };
  /** Every id of the document (primary interfaces of instances included) and its kind. */
  readonly kindOfId = new Map<string, Kind>();
  /** The Terraform address a document id came from, for diagnostics. */
  readonly addressOfId = new Map<string, string>();

  readonly vpcDefaults = new Map<string, VpcDefaults>();
  /** Ids of present AWS resources vpcsim does not model (routes to them are dropped with a warning). */
  readonly unsupportedIds = new Set<string>();
  /** Real prefix list ids that stand for a built-in one (a gateway endpoint's service list). */
  readonly prefixAlias = new Map<string, string>();
  /** The address that said which built-in a prefix list id stands for, and whether a use was reported. */
  readonly prefixAliasSource = new Map<string, { address: string; reported: boolean }>();
  /** Prefix lists read by data sources: materialized only when a rule or route uses them. */
  readonly dataPrefixLists = new Map<string, { address: string; cidrs: string[] }>();
  readonly eips = new Map<string, Eip>();
  /** Elastic IPs and interfaces of NAT gateways: their association is the NAT gateway's own. */
  readonly natEips = new Set<Eip>();
  readonly natInterfaces = new Set<string>();
  /** Route table, NACL and security group AWS made for each VPC, once a document resource stands for it. */
  readonly defaultRouteTableOfVpc = new Map<string, string>();
  readonly defaultNaclOfVpc = new Map<string, string>();
  readonly defaultSgOfVpc = new Map<string, string>();
  /** aws_main_route_table_association: VPC -> table. */
  readonly mainAssociation = new Map<string, { table: string; address: string }>();
  /** Subnet -> table from aws_route_table_association. */
  readonly subnetRouteTable = new Map<string, string>();
  /** Subnet -> NACL with the priority of the resource that said so (explicit association wins). */
  readonly subnetNacl = new Map<string, { nacl: string; priority: number; address: string }>();
  readonly tgwDefaults = new Map<string, TgwDefaults>();
  /** VPC attachment -> whether AWS associates / propagates it with the default tables at creation. */
  readonly attachmentDefaults = new Map<string, { association: boolean; propagation: boolean }>();
  /** `<attachment>\u0000<tgw>` -> association, from aws_ec2_transit_gateway_route_table_association. */
  readonly associations = new Map<string, { attachment: string; table: string }>();
  readonly propagations: { table: string; attachment: string }[] = [];
  /** Primary interface id (an absorbed aws_network_interface or an instance's own) -> instance id. */
  readonly primaryInterfaceOf = new Map<string, string>();
  readonly addressGaps: AddressGap[] = [];
  /** Transit gateway peering attachments an accepter resource accepted. */
  readonly acceptedPeerings = new Set<string>();
  /** Rule keys per security group, to merge duplicates (a state repeats rule resources inline). */
  readonly ruleKeys = new Map<string, Set<string>>();
  /** What a route table destination or NACL rule number already holds: `<owner>\u0000<key>` -> content. */
  readonly seen = new Map<string, string>();
  /** The VPC whose main table, default table, default NACL or default security group has this id. */
  readonly vpcByDefaultId = new Map<string, string>();
  /** `<vpc>\u0000<group name>` -> security group id, for instances that name their groups. */
  readonly sgByName = new Map<string, string>();
  /** Instance -> interface that an aws_network_interface attaches at device index 0. */
  readonly primaryByInstance = new Map<string, string>();
  /** The transit gateway whose default association or propagation table has this id. */
  readonly tgwByDefaultTableId = new Map<string, string>();

  constructor(readonly origin: string) {}

  report(
    code: TerraformImportCode,
    severity: Severity,
    address: string | undefined,
    message: string,
    attribute?: string,
  ): void {
    const d: Diagnostic = { code, severity, message };
    if (address !== undefined) {
      d.resourceId = address;
      d.path = `${this.origin}#${address}${attribute === undefined ? '' : `.${attribute}`}`;
    } else {
      d.path = this.origin;
    }
    this.diagnostics.push(d);
  }

  /**
   * The id a reference names: a resource address (`aws_vpc.main`), an attribute of one
   * (`aws_vpc.main.id`, `module.x.aws_eip.a.public_ip`), or an id as it is.
   */
  resolve(raw: string): string {
    const hit = this.byAddress.get(raw);
    if (hit) return hit.id;
    let cut = raw.lastIndexOf('.');
    while (cut > 0) {
      const target = this.byAddress.get(raw.slice(0, cut));
      if (target) {
        const attr = raw.slice(cut + 1);
        if (attr === 'id') return target.id;
        const v = Object.hasOwn(target.values, attr) ? target.values[attr] : undefined;
        return typeof v === 'string' && v !== '' ? v : target.id;
      }
      cut = raw.lastIndexOf('.', cut - 1);
    }
    return raw;
  }

  /** Adds a document resource; an id already taken is an error and the resource is left out. */
  claim<K extends Kind>(kind: K, item: ItemOf<K> & { id: string }, address: string): boolean {
    const prior = this.kindOfId.get(item.id);
    if (prior !== undefined) {
      this.report(
        'IMPORT_TF_DUPLICATE_ID',
        'error',
        address,
        `id ${item.id} is already used by ${this.addressOfId.get(item.id) ?? 'another resource'}; this resource was left out`,
      );
      return false;
    }
    (this.items[kind] as Map<string, ItemOf<K>>).set(item.id, item);
    this.kindOfId.set(item.id, kind);
    this.addressOfId.set(item.id, address);
    return true;
  }

  /** Takes a resource out of the document again (its id stays reserved so nothing else reuses it). */
  drop(kind: Kind, id: string): void {
    const instance = kind === 'instances' ? this.items.instances.get(id) : undefined;
    if (instance) this.kindOfId.delete(instance.primaryInterfaceId ?? `${id}/eth0`);
    this.items[kind].delete(id);
    this.kindOfId.delete(id);
  }

  /** Registers an extra id of an existing resource (an instance's primary interface). */
  alias(id: string, kind: Kind, address: string): boolean {
    if (this.kindOfId.has(id)) return false;
    this.kindOfId.set(id, kind);
    this.addressOfId.set(id, address);
    return true;
  }

  addressOf(id: string): string {
    return this.addressOfId.get(id) ?? id;
  }

  is(kind: Kind, id: string | undefined): boolean {
    return id !== undefined && this.items[kind].has(id);
  }

  /** Records a rule key for `owner`; false when the same rule was already there. */
  firstRule(owner: string, key: string): boolean {
    let keys = this.ruleKeys.get(owner);
    if (!keys) {
      keys = new Set();
      this.ruleKeys.set(owner, keys);
    }
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  }
}
