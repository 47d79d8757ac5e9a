// A VPC: green-bordered box with its name and CIDR; AZ columns inside, gateways on its top edge.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ContainerResizer } from './ContainerResizer.tsx';
import { NodeBadges } from './NodeBadges.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import type { CanvasNode } from './types.ts';

function VpcNodeView({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <div className="vpcsim-box vpcsim-vpc">
      <ContainerResizer data={data} selected={selected} />
      <div className="vpcsim-header">
        <span className="vpcsim-tag">VPC</span>
        <span className="vpcsim-title">{data.label}</span>
        {data.detail !== undefined && <span className="vpcsim-fact">{data.detail}</span>}
        {data.note !== undefined && <span className="vpcsim-fact">{data.note}</span>}
        <NodeBadges errors={data.errors} warnings={data.warnings} />
      </div>
      <NodeHandles />
    </div>
  );
}

export const VpcNode = memo(VpcNodeView);
