// Sizes and paddings of the canvas boxes, shared by placement, auto-layout, drops and the node
// components' CSS (canvas.css uses the same numbers for the headers).
import type { CanvasNodeKind } from './types.ts';

export interface Size {
  width: number;
  height: number;
}

export interface Insets {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export type ContainerKind = 'region' | 'vpc' | 'azBand' | 'subnet';

export function isContainerKind(kind: CanvasNodeKind): kind is ContainerKind {
  return kind === 'region' || kind === 'vpc' || kind === 'azBand' || kind === 'subnet';
}

/** Gateways drawn on the VPC's top edge (docs/editor.md layout convention). */
export function isEdgeGatewayKind(kind: CanvasNodeKind): boolean {
  return kind === 'internetGateway' || kind === 'egressOnlyInternetGateway' || kind === 'gatewayEndpoint';
}

/** Default size of a leaf without a layout entry (the scenarios use the same numbers). */
export function defaultLeafSize(kind: CanvasNodeKind): Size {
  switch (kind) {
    case 'internetGateway':
    case 'egressOnlyInternetGateway':
    case 'gatewayEndpoint':
    case 'transitGateway':
    case 'peering':
      return { width: 120, height: 48 };
    case 'internet':
      return { width: 140, height: 56 };
    default:
      return { width: 172, height: 48 };
  }
}

/** Where a container's children start, and the margin kept around them when it grows. */
export const INSETS: Readonly<Record<ContainerKind, Insets>> = {
  region: { top: 48, left: 16, right: 16, bottom: 16 },
  vpc: { top: 56, left: 20, right: 20, bottom: 20 },
  azBand: { top: 24, left: 8, right: 8, bottom: 12 },
  subnet: { top: 40, left: 24, right: 24, bottom: 16 },
};

/** Size of a container without a layout entry and without children. */
export const MIN_SIZE: Readonly<Record<ContainerKind, Size>> = {
  region: { width: 320, height: 200 },
  vpc: { width: 460, height: 200 },
  azBand: { width: 120, height: 80 },
  subnet: { width: 420, height: 112 },
};

/** Gaps between children placed by the fallback grid. */
export const GAP = { leaf: 24, subnet: 20, band: 16, vpc: 160, connector: 40, region: 80, gateway: 16 } as const;

/** Where the first fallback gateway sits on a VPC's top edge (clear of the VPC's title). */
export const EDGE_GATEWAY_START_X = 220;
