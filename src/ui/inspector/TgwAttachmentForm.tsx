// The transit gateway attachment form: its subnets (one per availability zone of the VPC), the peer
// gateway of a peering attachment, appliance mode and state.
import { setAttachmentSubnets, updateResource, type TransitGatewayAttachment } from '../../model/index.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { checkOptionalWord } from './field-checks.ts';
import type { FormProps } from './form-types.ts';
import { displayName, subnetsByZone } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const NONE = '';
const STATES = ['available', 'pending', 'pendingAcceptance', 'rejected', 'failed', 'deleting', 'deleted'];

export function TgwAttachmentForm({ document, resource: a, onEdit, onSelect }: FormProps<TransitGatewayAttachment>) {
  const stateList = `${a.id}-states`;
  const subnetIds = a.subnetIds ?? [];
  const zones = a.vpcId === undefined ? [] : subnetsByZone(document, a.vpcId);
  const tables = (document.topology.transitGatewayRouteTables ?? []).filter(
    (t) => t.transitGatewayId === a.transitGatewayId,
  );
  const associated = tables.filter((t) => t.associations.includes(a.id));
  const propagating = tables.filter((t) => t.propagations.includes(a.id));
  const patch = (label: string, fields: Parameters<typeof updateResource<'transitGatewayAttachments'>>[3]) =>
    onEdit(`${label} of ${a.id}`, (d) => updateResource(d, 'transitGatewayAttachments', a.id, fields));
  const peers = (document.topology.transitGateways ?? []).filter((g) => g.id !== a.transitGatewayId);
  return (
    <>
      <NameField id={a.id} name={a.name} onEdit={onEdit} />
      <ReadOnlyField label="Transit gateway">
        <ResourceLink document={document} id={a.transitGatewayId} onSelect={onSelect} />
      </ReadOnlyField>
      <ReadOnlyField label="Type">{a.type}</ReadOnlyField>
      {a.type === 'vpc' && a.vpcId !== undefined && (
        <ReadOnlyField label="VPC">
          <ResourceLink document={document} id={a.vpcId} onSelect={onSelect} />
        </ReadOnlyField>
      )}
      {a.type === 'vpc' &&
        zones.map(([zone, subnets]) => {
          const current = subnets.find((s) => subnetIds.includes(s.id));
          return (
            <SelectField
              key={zone}
              label={`Subnet in ${zone}`}
              value={current?.id ?? NONE}
              options={[
                { value: NONE, label: 'none (zone not served)' },
                ...subnets.map((s) => ({ value: s.id, label: displayName(document, s.id) })),
              ]}
              onChange={(id) => {
                const zoneIds = new Set(subnets.map((s) => s.id));
                const next = [...subnetIds.filter((s) => !zoneIds.has(s)), ...(id === NONE ? [] : [id])];
                onEdit(`Set subnets of ${a.id}`, (d) => setAttachmentSubnets(d, a.id, next));
              }}
            />
          );
        })}
      {a.type === 'peering' && (
        <SelectField
          label="Peer transit gateway"
          value={a.peerTransitGatewayId ?? ''}
          options={peers.map((g) => ({ value: g.id, label: displayName(document, g.id) }))}
          onChange={(id) => patch('Set peer', { peerTransitGatewayId: id })}
        />
      )}
      <CheckboxField
        label="Appliance mode"
        checked={a.applianceMode === true}
        hint="Keeps both directions of a flow in one availability zone (inspection appliances)."
        onChange={(on) => patch('Set appliance mode', { applianceMode: on ? true : undefined })}
      />
      <datalist id={stateList}>
        {STATES.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <TextField
        label="State"
        value={a.state ?? ''}
        placeholder="available"
        list={stateList}
        check={checkOptionalWord}
        onCommit={(state) => patch('Set state', { state })}
      />
      <ReadOnlyField label="Associated with">
        {associated.length === 0
          ? 'no route table'
          : associated.map((t) => <ResourceLink key={t.id} document={document} id={t.id} onSelect={onSelect} />)}
      </ReadOnlyField>
      <ReadOnlyField label="Propagates to">
        {propagating.length === 0
          ? 'no route table'
          : propagating.map((t) => <ResourceLink key={t.id} document={document} id={t.id} onSelect={onSelect} />)}
      </ReadOnlyField>
    </>
  );
}
