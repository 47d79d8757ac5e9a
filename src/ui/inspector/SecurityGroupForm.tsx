// The security group form: name, inbound and outbound rules, and the instances and interfaces it is attached to.
import { setSecurityGroupMembers, type SecurityGroup } from '../../model/index.ts';
import type { FormProps } from './form-types.ts';
import { IdChecklist } from './IdChecklist.tsx';
import { displayName, interfacesInVpc, prefixListIds } from './inspector-model.ts';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { SgRulesEditor } from './SgRulesEditor.tsx';

export function SecurityGroupForm({ document, resource: sg, onEdit, onSelect }: FormProps<SecurityGroup>) {
  const peerList = `${sg.id}-peers`;
  const members = interfacesInVpc(document, sg.vpcId);
  const groups = document.topology.securityGroups ?? [];
  return (
    <>
      <NameField id={sg.id} name={sg.name} onEdit={onEdit} />
      <ReadOnlyField label="VPC">
        <ResourceLink document={document} id={sg.vpcId} onSelect={onSelect} />
      </ReadOnlyField>
      <datalist id={peerList}>
        {['0.0.0.0/0', '::/0'].map((c) => (
          <option key={c} value={c} />
        ))}
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {displayName(document, g.id)}
          </option>
        ))}
        {prefixListIds(document).map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <SgRulesEditor document={document} sg={sg} direction="inbound" onEdit={onEdit} peerList={peerList} />
      <SgRulesEditor document={document} sg={sg} direction="outbound" onEdit={onEdit} peerList={peerList} />
      <IdChecklist
        legend="Attached to"
        items={members.map((m) => ({ id: m.id, label: displayName(document, m.id) }))}
        selected={members.filter((m) => m.securityGroupIds.includes(sg.id)).map((m) => m.id)}
        empty="No instances or interfaces in this VPC."
        onChange={(next) => onEdit(`Attach ${sg.id}`, (d) => setSecurityGroupMembers(d, sg.id, next))}
      />
    </>
  );
}
