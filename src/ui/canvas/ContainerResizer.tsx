// The resize handles of a selected container, never smaller than its children need.
import { NodeResizer } from '@xyflow/react';
import type { CanvasNodeData } from './types.ts';

export interface ContainerResizerProps {
  data: CanvasNodeData;
  selected: boolean;
}

export function ContainerResizer({ data, selected }: ContainerResizerProps) {
  return (
    <NodeResizer
      isVisible={selected}
      minWidth={data.minWidth ?? 40}
      minHeight={data.minHeight ?? 40}
      lineClassName="vpcsim-resize-line"
      handleClassName="vpcsim-resize-handle"
    />
  );
}
