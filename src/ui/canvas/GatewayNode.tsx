// A gateway-like box: internet, egress-only and NAT gateways, gateway endpoints, transit gateways and
// peering connections, tagged with a short kind and one key fact.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeBadges } from './NodeBadges.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import type { CanvasNode, CanvasNodeKind } from './types.ts';

const TAG: Partial<Record<CanvasNodeKind, string>> = {
  internetGateway: 'IGW',
  egressOnlyInternetGateway: 'EIGW',
  natGateway: 'NAT',
  gatewayEndpoint: 'VPCE',
  transitGateway: 'TGW',
  peering: 'PCX',
};

function GatewayNodeView({ data }: NodeProps<CanvasNode>) {
  return (
    <div
      className={`vpcsim-box vpcsim-leaf vpcsim-gw vpcsim-gw--${data.kind}${data.inactive === true ? ' is-inactive' : ''}`}
    >
      <span className="vpcsim-icon" aria-hidden="true">
        {TAG[data.kind] ?? ''}
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

export const GatewayNode = memo(GatewayNodeView);
