// A region: the outermost box, holding VPCs, transit gateways and peering connections.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ContainerResizer } from './ContainerResizer.tsx';
import { NodeBadges } from './NodeBadges.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import type { CanvasNode } from './types.ts';

function RegionNodeView({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <div className="vpcsim-box vpcsim-region">
      <ContainerResizer data={data} selected={selected} />
      <div className="vpcsim-header">
        <span className="vpcsim-tag">Region</span>
        <span className="vpcsim-title">{data.label}</span>
        <NodeBadges errors={data.errors} warnings={data.warnings} />
      </div>
      <NodeHandles />
    </div>
  );
}

export const RegionNode = memo(RegionNodeView);
