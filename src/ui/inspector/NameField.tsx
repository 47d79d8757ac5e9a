// The name shown on the canvas, common to every resource.
import { setName } from '../../model/index.ts';
import { checkText } from './field-checks.ts';
import type { EditFn } from './form-types.ts';
import { TextField } from './TextField.tsx';

export function NameField({ id, name, onEdit }: { id: string; name: string | undefined; onEdit: EditFn }) {
  return (
    <TextField
      label="Name"
      value={name ?? ''}
      check={checkText}
      placeholder={id}
      onCommit={(next) => onEdit(`Rename ${id}`, (d) => setName(d, id, next))}
    />
  );
}
