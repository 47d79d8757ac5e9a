// The internet: one cloud that internet gateways and egress-only gateways lead to.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeHandles } from './NodeHandles.tsx';
import type { CanvasNode } from './types.ts';

function InternetNodeView({ data }: NodeProps<CanvasNode>) {
  return (
    <div className="vpcsim-box vpcsim-internet">
      <svg className="vpcsim-cloud" viewBox="0 0 24 16" aria-hidden="true">
        <path d="M6 15h12a5 5 0 0 0 .6-9.96A7 7 0 0 0 5.2 6.1 4.5 4.5 0 0 0 6 15z" />
      </svg>
      <span className="vpcsim-title">{data.label}</span>
      <NodeHandles />
    </div>
  );
}

export const InternetNode = memo(InternetNodeView);
