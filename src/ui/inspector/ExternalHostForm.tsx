// The external host form: its address on the internet.
import { updateResource, type ExternalHost } from '../../model/index.ts';
import { checkIp } from './field-checks.ts';
import type { FormProps } from './form-types.ts';
import { NameField } from './NameField.tsx';
import { TextField } from './TextField.tsx';

export function ExternalHostForm({ resource: host, onEdit }: FormProps<ExternalHost>) {
  return (
    <>
      <NameField id={host.id} name={host.name} onEdit={onEdit} />
      <TextField
        label="IP address"
        value={host.ip}
        placeholder="203.0.113.10"
        check={(text) => checkIp(text)}
        onCommit={(ip) => onEdit(`Set IP of ${host.id}`, (d) => updateResource(d, 'externalHosts', host.id, { ip }))}
      />
    </>
  );
}
