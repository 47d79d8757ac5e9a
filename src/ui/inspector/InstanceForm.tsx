// The instance form: name, state, OS, its primary interface's fields, and attached interfaces.
import { primaryInterfaceIdOf, updateResource, type Instance } from '../../model/index.ts';
import type { FormProps } from './form-types.ts';
import { InterfaceFields } from './InterfaceFields.tsx';
import { NameField } from './NameField.tsx';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';
import { SelectField } from './SelectField.tsx';

const STATES = ['running', 'stopped', 'terminated'] as const;
const OSES = ['linux', 'windows'] as const;

export function InstanceForm(props: FormProps<Instance>) {
  const { document, resource: instance, onEdit, onSelect } = props;
  const attached = (document.topology.networkInterfaces ?? []).filter((n) => n.instanceId === instance.id);
  return (
    <>
      <NameField id={instance.id} name={instance.name} onEdit={onEdit} />
      <SelectField
        label="State"
        value={instance.state ?? 'running'}
        options={STATES.map((s) => ({ value: s, label: s }))}
        onChange={(value) => {
          const state = STATES.find((s) => s === value);
          onEdit(`Set state of ${instance.id}`, (d) =>
            updateResource(d, 'instances', instance.id, { state: state === 'running' ? undefined : state }),
          );
        }}
      />
      <SelectField
        label="Operating system"
        value={instance.os ?? 'linux'}
        options={OSES.map((o) => ({ value: o, label: o }))}
        hint="Picks the client's ephemeral port range."
        onChange={(value) => {
          const os = OSES.find((o) => o === value);
          onEdit(`Set OS of ${instance.id}`, (d) =>
            updateResource(d, 'instances', instance.id, { os: os === 'linux' ? undefined : os }),
          );
        }}
      />
      <ReadOnlyField label="Primary interface">{primaryInterfaceIdOf(instance)}</ReadOnlyField>
      <InterfaceFields {...props} kind="instances" />
      {attached.length > 0 && (
        <section className="insp-section" aria-label="Attached interfaces">
          <h4>Other interfaces</h4>
          <ul>
            {attached.map((n) => (
              <li key={n.id}>
                <ResourceLink document={document} id={n.id} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
