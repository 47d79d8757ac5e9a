// The network interface form: name, the instance it is attached to, and its interface fields.
import { updateResource, type NetworkInterface } from '../../model/index.ts';
import type { FormProps } from './form-types.ts';
import { displayName, vpcOfSubnet } from './inspector-model.ts';
import { InterfaceFields } from './InterfaceFields.tsx';
import { NameField } from './NameField.tsx';
import { SelectField } from './SelectField.tsx';

const NONE = '';

export function NetworkInterfaceForm(props: FormProps<NetworkInterface>) {
  const { document, resource: eni, onEdit } = props;
  const vpcId = vpcOfSubnet(document, eni.subnetId);
  const instances = (document.topology.instances ?? []).filter((i) => vpcOfSubnet(document, i.subnetId) === vpcId);
  const options = [
    { value: NONE, label: 'not attached' },
    ...instances.map((i) => ({ value: i.id, label: displayName(document, i.id) })),
  ];
  if (eni.instanceId !== undefined && !instances.some((i) => i.id === eni.instanceId)) {
    options.push({ value: eni.instanceId, label: `${eni.instanceId} (other VPC)` });
  }
  return (
    <>
      <NameField id={eni.id} name={eni.name} onEdit={onEdit} />
      <SelectField
        label="Attached to instance"
        value={eni.instanceId ?? NONE}
        options={options}
        hint="An interface attaches to an instance in the same availability zone."
        onChange={(id) =>
          onEdit(`Attach ${eni.id}`, (d) =>
            updateResource(d, 'networkInterfaces', eni.id, { instanceId: id === NONE ? undefined : id }),
          )
        }
      />
      <InterfaceFields {...props} kind="networkInterfaces" />
    </>
  );
}
