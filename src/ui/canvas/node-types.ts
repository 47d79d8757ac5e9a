// The node and edge type maps handed to React Flow; module constants so they never change identity.
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { AzBandNode } from './AzBandNode.tsx';
import { GatewayNode } from './GatewayNode.tsx';
import { InstanceNode } from './InstanceNode.tsx';
import { InternetNode } from './InternetNode.tsx';
import { RegionNode } from './RegionNode.tsx';
import { RouteEdge } from './RouteEdge.tsx';
import { SubnetNode } from './SubnetNode.tsx';
import { VpcNode } from './VpcNode.tsx';
import type { CanvasNodeType } from './types.ts';

export const NODE_TYPES = {
  region: RegionNode,
  vpc: VpcNode,
  azBand: AzBandNode,
  subnet: SubnetNode,
  instance: InstanceNode,
  gateway: GatewayNode,
  internet: InternetNode,
} satisfies Record<CanvasNodeType, unknown> & NodeTypes;

export const EDGE_TYPES = { route: RouteEdge } satisfies EdgeTypes;
