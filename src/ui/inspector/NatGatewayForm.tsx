// The NAT gateway form: connectivity, Elastic IP, private IP and state.
import { updateResource, type NatGateway } from '../../model/index.ts';
import { checkPrivateIp, checkPublicIp, type FieldCheck } from './field-checks.ts';
import type { FormProps } from './form-types.ts';
import { privateAddressesInVpc, publicAddresses, vpcOfSubnet } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const STATES = ['available', 'pending', 'failed', 'deleting', 'deleted'] as const;

export function NatGatewayForm({ document, resource: nat, onEdit, onSelect }: FormProps<NatGateway>) {
  const subnet = (document.topology.subnets ?? []).find((s) => s.id === nat.subnetId);
  const vpcId = vpcOfSubnet(document, nat.subnetId);
  const used = vpcId === undefined ? new Set<string>() : privateAddressesInVpc(document, vpcId);
  const isPublic = (nat.connectivity ?? 'public') === 'public';
  const patch = (label: string, fields: Parameters<typeof updateResource<'natGateways'>>[3]) =>
    onEdit(`${label} of ${nat.id}`, (d) => updateResource(d, 'natGateways', nat.id, fields));
  const checkEip = (text: string): FieldCheck<string | undefined> => {
    if (isPublic && text.trim() === '') return { ok: false, reason: 'A public NAT gateway needs an Elastic IP.' };
    return checkPublicIp(text, publicAddresses(document), nat.publicIp);
  };
  return (
    <>
      <NameField id={nat.id} name={nat.name} onEdit={onEdit} />
      <ReadOnlyField label="Subnet">
        <ResourceLink document={document} id={nat.subnetId} onSelect={onSelect} />
      </ReadOnlyField>
      <SelectField
        label="Connectivity"
        value={nat.connectivity ?? 'public'}
        options={[
          { value: 'public', label: 'public (Elastic IP, via an internet gateway)' },
          { value: 'private', label: 'private (to other VPCs and on-premises)' },
        ]}
        onChange={(value) =>
          value === 'private'
            ? patch('Set connectivity', { connectivity: 'private', publicIp: undefined })
            : patch('Set connectivity', { connectivity: 'public' })
        }
      />
      {isPublic && (
        <TextField
          label="Public IP (Elastic IP)"
          value={nat.publicIp ?? ''}
          placeholder="3.210.45.7"
          check={checkEip}
          onCommit={(publicIp) => patch('Set Elastic IP', { publicIp })}
        />
      )}
      <TextField
        label="Private IP"
        value={nat.privateIp ?? ''}
        placeholder="chosen by AWS"
        check={(text): FieldCheck<string | undefined> =>
          text.trim() === ''
            ? { ok: true, value: undefined }
            : checkPrivateIp(text, 4, { subnetCidr: subnet?.cidrBlock, used, current: nat.privateIp })
        }
        onCommit={(privateIp) => patch('Set private IP', { privateIp })}
      />
      <SelectField
        label="State"
        value={nat.state ?? 'available'}
        options={STATES.map((s) => ({ value: s, label: s }))}
        hint="Only an available NAT gateway forwards; routes to it are blackholes otherwise."
        onChange={(value) => {
          const state = STATES.find((s) => s === value);
          patch('Set state', { state: state === 'available' ? undefined : state });
        }}
      />
    </>
  );
}
