// A host-like box: an instance, a network interface, an interface endpoint's interface or an
// external host, with its IP and public IP.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeBadges } from './NodeBadges.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import type { CanvasNode, CanvasNodeKind } from './types.ts';

const ICON: Partial<Record<CanvasNodeKind, string>> = {
  instance: 'EC2',
  networkInterface: 'ENI',
  endpointInterface: 'VPCE',
  externalHost: 'Host',
};

function InstanceNodeView({ data }: NodeProps<CanvasNode>) {
  return (
    <div className={`vpcsim-box vpcsim-leaf vpcsim-leaf--${data.kind}${data.inactive === true ? ' is-inactive' : ''}`}>
      <span className="vpcsim-icon" aria-hidden="true">
        {ICON[data.kind] ?? ''}
      </span>
      <span className="vpcsim-leaf-text" title={[data.label, data.detail, data.note].filter(Boolean).join('\n')}>
        <span className="vpcsim-title">{data.label}</span>
        <span className="vpcsim-fact">
          {data.detail}
          {data.note !== undefined && <span className="vpcsim-note"> · {data.note}</span>}
        </span>
      </span>
      <NodeBadges errors={data.errors} warnings={data.warnings} />
      <NodeHandles />
    </div>
  );
}

export const InstanceNode = memo(InstanceNodeView);
