// The one hidden handle every node needs so React Flow draws its edges. RouteEdge computes the real
// ends itself (floating edges); with ConnectionMode.Loose a source handle also serves as an edge's
// target, so one handle per node is enough (each Handle subscribes to React Flow's store).
import { Handle, Position } from '@xyflow/react';

export function NodeHandles() {
  return <Handle type="source" position={Position.Bottom} className="vpcsim-handle" isConnectable={false} />;
}
