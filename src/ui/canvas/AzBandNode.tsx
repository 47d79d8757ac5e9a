// An availability-zone band: a dashed column inside a VPC holding that zone's subnets.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ContainerResizer } from './ContainerResizer.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import type { CanvasNode } from './types.ts';

function AzBandNodeView({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <div className="vpcsim-box vpcsim-az">
      <ContainerResizer data={data} selected={selected} />
      <div className="vpcsim-az-label">{data.label}</div>
      <NodeHandles />
    </div>
  );
}

export const AzBandNode = memo(AzBandNodeView);
