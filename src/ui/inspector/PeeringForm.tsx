// The VPC peering connection form: the two VPCs (read-only) and the status.
import { updateResource, type VpcPeeringConnection } from '../../model/index.ts';
import type { FormProps } from './form-types.ts';
import { DEFAULT_REGION } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { SelectField } from './SelectField.tsx';

const STATUSES = ['active', 'pending-acceptance', 'provisioning', 'rejected', 'failed', 'expired', 'deleted'] as const;

export function PeeringForm({ document, resource: peering, onEdit, onSelect }: FormProps<VpcPeeringConnection>) {
  const regionOf = (id: string) => (document.topology.vpcs ?? []).find((v) => v.id === id)?.region ?? DEFAULT_REGION;
  return (
    <>
      <NameField id={peering.id} name={peering.name} onEdit={onEdit} />
      <ReadOnlyField label="Requester VPC">
        <ResourceLink document={document} id={peering.requesterVpcId} onSelect={onSelect} />{' '}
        <span className="insp-muted">{regionOf(peering.requesterVpcId)}</span>
      </ReadOnlyField>
      <ReadOnlyField label="Accepter VPC">
        <ResourceLink document={document} id={peering.accepterVpcId} onSelect={onSelect} />{' '}
        <span className="insp-muted">{regionOf(peering.accepterVpcId)}</span>
      </ReadOnlyField>
      <SelectField
        label="Status"
        value={peering.status ?? 'active'}
        options={STATUSES.map((s) => ({ value: s, label: s }))}
        hint="Only an active peering carries traffic."
        onChange={(value) => {
          const status = STATUSES.find((s) => s === value);
          onEdit(`Set status of ${peering.id}`, (d) =>
            updateResource(d, 'vpcPeeringConnections', peering.id, {
              status: status === 'active' ? undefined : status,
            }),
          );
        }}
      />
    </>
  );
}
