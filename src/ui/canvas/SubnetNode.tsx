// A subnet, tinted by what its routes make it (public green, private blue, IPv6 egress-only teal),
// with its CIDR and, when some of its routes go nowhere, a red blackhole badge listing them.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ContainerResizer } from './ContainerResizer.tsx';
import { NodeBadges } from './NodeBadges.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import type { CanvasNode } from './types.ts';

function SubnetNodeView({ data, selected }: NodeProps<CanvasNode>) {
  const blackholes = data.blackholes ?? [];
  return (
    <div className={`vpcsim-box vpcsim-subnet vpcsim-subnet--${data.subnetKind ?? 'private'}`}>
      <ContainerResizer data={data} selected={selected} />
      <div className="vpcsim-header">
        <span className="vpcsim-title">{data.label}</span>
        {data.detail !== undefined && <span className="vpcsim-fact">{data.detail}</span>}
        {data.note !== undefined && <span className="vpcsim-kind">{data.note}</span>}
        {blackholes.length > 0 && (
          <span className="vpcsim-blackhole" title={`Blackhole routes:\n${blackholes.join('\n')}`}>
            blackhole {blackholes.join(', ')}
          </span>
        )}
        <NodeBadges errors={data.errors} warnings={data.warnings} />
      </div>
      <NodeHandles />
    </div>
  );
}

export const SubnetNode = memo(SubnetNodeView);
