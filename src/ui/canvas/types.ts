// The canvas's data shapes: what to-flow.ts hands to React Flow (nodes, edges and their data) and what
// the canvas reports back (layout entries). Pure types, shared by the pure modules and the components.
import type { Edge, Node } from '@xyflow/react';

/** Every kind of box the canvas draws; derived containers (`region`, `azBand`, `internet`) are not resources. */
export type CanvasNodeKind =
  | 'region'
  | 'vpc'
  | 'azBand'
  | 'subnet'
  | 'instance'
  | 'networkInterface'
  | 'endpointInterface'
  | 'natGateway'
  | 'internetGateway'
  | 'egressOnlyInternetGateway'
  | 'gatewayEndpoint'
  | 'transitGateway'
  | 'peering'
  | 'internet'
  | 'externalHost';

/** The React Flow node types (one component each); several kinds share a component. */
export type CanvasNodeType = 'region' | 'vpc' | 'azBand' | 'subnet' | 'instance' | 'gateway' | 'internet';

/** What a subnet's routes make it (product.md: derived, never a flag). */
export type SubnetKind = 'public' | 'ipv6-egress' | 'private';

/** Node data. A type alias (not an interface) so it satisfies React Flow's `Record<string, unknown>`. */
export type CanvasNodeData = {
  kind: CanvasNodeKind;
  /** What selection, deletion and the inspector name: the resource id, or the layout key of a derived container. */
  resourceId: string;
  /** The resource name, or its id. */
  label: string;
  /** The key fact: a CIDR, an IP, a service. */
  detail?: string;
  /** A second fact: a public IP, a state, a subnet's kind. */
  note?: string;
  subnetKind?: SubnetKind;
  /** A NAT gateway not available, a stopped instance, a peering not active, a detached gateway. */
  inactive?: boolean;
  /** Routes of a subnet that go nowhere: `0.0.0.0/0 → nat-a`. */
  blackholes?: readonly string[];
  /** Diagnostics naming this node's resource: fatal and error. */
  errors: number;
  warnings: number;
  /**
   * A container without a layout entry whose children have entries (compatibility rule of
   * placement.ts): its children's entries are read in its parent's frame.
   */
  derived: boolean;
  /** Smallest size a container may be resized to: its children's extent plus padding. */
  minWidth?: number;
  minHeight?: number;
  /** Region nodes and VPCs: the region name. */
  region?: string;
  /** AZ bands: the availability zone. */
  availabilityZone?: string;
  /** AZ bands, subnets and their contents: the VPC they sit in. */
  vpcId?: string;
};

export type CanvasNode = Node<CanvasNodeData, CanvasNodeType>;

export type CanvasEdgeKind = 'route' | 'internet' | 'peering' | 'attachment' | 'tgwPeering';

export type CanvasEdgeData = {
  kind: CanvasEdgeKind;
  /** Route destinations (`0.0.0.0/0, pl-s3`) or the attachment's name. */
  label?: string;
  /** A route whose target cannot forward (deleted NAT, detached gateway, ...). */
  blackhole?: boolean;
  /** A peering or attachment that is not active. */
  inactive?: boolean;
  /** What clicking the edge selects: the route table, the peering or the attachment. */
  resourceId?: string;
};

export type CanvasEdge = Edge<CanvasEdgeData, 'route'>;

/** One layout entry (format.md 4): relative to the node's parent. */
export interface LayoutEntry {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

export type LayoutEntries = Record<string, LayoutEntry>;
