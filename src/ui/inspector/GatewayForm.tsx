// The internet gateway and egress-only internet gateway form: which VPC it is attached to, if any.
import { setGatewayVpc, type EgressOnlyInternetGateway, type InternetGateway } from '../../model/index.ts';
import type { FormProps } from './form-types.ts';
import { displayName } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { SelectField } from './SelectField.tsx';

const DETACHED = '';

export function GatewayForm({
  document,
  resource: gateway,
  kind,
  onEdit,
}: FormProps<InternetGateway | EgressOnlyInternetGateway> & {
  kind: 'internetGateways' | 'egressOnlyInternetGateways';
}) {
  const siblings: readonly { id: string; vpcId: string | null }[] = document.topology[kind] ?? [];
  // A VPC takes one gateway of each kind: offer the VPCs that have none yet.
  const taken = new Set(siblings.filter((g) => g.id !== gateway.id).map((g) => g.vpcId));
  const vpcs = (document.topology.vpcs ?? []).filter((v) => !taken.has(v.id) || v.id === gateway.vpcId);
  return (
    <>
      <NameField id={gateway.id} name={gateway.name} onEdit={onEdit} />
      <SelectField
        label="Attached VPC"
        value={gateway.vpcId ?? DETACHED}
        options={[
          { value: DETACHED, label: 'detached' },
          ...vpcs.map((v) => ({ value: v.id, label: displayName(document, v.id) })),
        ]}
        hint={kind === 'egressOnlyInternetGateways' ? 'Carries outbound IPv6 only.' : undefined}
        onChange={(id) =>
          onEdit(id === DETACHED ? `Detach ${gateway.id}` : `Attach ${gateway.id} to ${id}`, (d) =>
            setGatewayVpc(d, gateway.id, id === DETACHED ? null : id),
          )
        }
      />
    </>
  );
}
