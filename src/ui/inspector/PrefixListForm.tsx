// The prefix list form: its CIDR blocks.
import { setPrefixListCidrs, type PrefixList } from '../../model/index.ts';
import { checkPrefixListCidr } from './field-checks.ts';
import type { FormProps } from './form-types.ts';
import { NameField } from './NameField.tsx';
import { StringListField } from './StringListField.tsx';

export function PrefixListForm({ resource: list, onEdit }: FormProps<PrefixList>) {
  return (
    <>
      <NameField id={list.id} name={list.name} onEdit={onEdit} />
      <StringListField
        legend="Entries"
        values={list.cidrs}
        itemLabel={(i) => `Entry ${i + 1}`}
        addLabel="Add entry"
        placeholder="203.0.113.0/24"
        check={(text, others) => checkPrefixListCidr(text, others)}
        onChange={(next) => onEdit(`Set entries of ${list.id}`, (d) => setPrefixListCidrs(d, list.id, next))}
      />
    </>
  );
}
