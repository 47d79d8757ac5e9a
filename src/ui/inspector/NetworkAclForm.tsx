// The network ACL form: name, default flag, subnet associations, inbound and outbound rules.
import { setDefaultNacl, setNaclSubnets, type NetworkAcl } from '../../model/index.ts';
import { CheckboxField } from './CheckboxField.tsx';
import type { FormProps } from './form-types.ts';
import { IdChecklist } from './IdChecklist.tsx';
import { displayName, explicitNacl, subnetsOfVpc } from './inspector-model.ts';
import { NaclRulesEditor } from './NaclRulesEditor.tsx';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';

export function NetworkAclForm({ document, resource: acl, onEdit, onSelect }: FormProps<NetworkAcl>) {
  const items = subnetsOfVpc(document, acl.vpcId).map((s) => {
    const other = explicitNacl(document, s.id);
    const note =
      other && other.id !== acl.id
        ? `(now ${displayName(document, other.id)})`
        : !other && acl.default === true
          ? '(implicitly, as default NACL)'
          : undefined;
    return { id: s.id, label: displayName(document, s.id), note };
  });
  return (
    <>
      <NameField id={acl.id} name={acl.name} onEdit={onEdit} />
      <ReadOnlyField label="VPC">
        <ResourceLink document={document} id={acl.vpcId} onSelect={onSelect} />
      </ReadOnlyField>
      <CheckboxField
        label="Default network ACL"
        checked={acl.default === true}
        disabled={acl.default === true}
        hint={acl.default === true ? 'Make another ACL the default to change this.' : undefined}
        onChange={(on) => {
          if (on) onEdit(`Make ${acl.id} the default network ACL`, (d) => setDefaultNacl(d, acl.id));
        }}
      />
      <IdChecklist
        legend="Subnet associations"
        items={items}
        selected={acl.subnetIds ?? []}
        empty="The VPC has no subnets."
        onChange={(next) => onEdit(`Set subnets of ${acl.id}`, (d) => setNaclSubnets(d, acl.id, next))}
      />
      <NaclRulesEditor acl={acl} direction="inbound" onEdit={onEdit} />
      <NaclRulesEditor acl={acl} direction="outbound" onEdit={onEdit} />
    </>
  );
}
