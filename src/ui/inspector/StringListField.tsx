// An editable list of strings (CIDR blocks, addresses): each entry a validated field with a remove
// button, and a field to add one more. Only valid lists are written.
import { useId, useState } from 'react';
import type { FieldCheck } from './field-checks.ts';
import { FieldInput } from './FieldInput.tsx';
import { TextField } from './TextField.tsx';

export interface StringListFieldProps {
  legend: string;
  values: readonly string[];
  /** The accessible label of entry `index` (0-based). */
  itemLabel: (index: number) => string;
  /** The label of the field that adds an entry. */
  addLabel: string;
  /** Checks one entry against the others (the list without it); `current` is the entry's present value. */
  check: (text: string, others: readonly string[], current?: string) => FieldCheck<string>;
  onChange: (next: string[]) => void;
  /** Entries that must stay (a VPC keeps its primary block). */
  minItems?: number;
  placeholder?: string;
  list?: string | undefined;
}

export function StringListField(props: StringListFieldProps) {
  const { legend, values, itemLabel, addLabel, check, onChange, minItems = 0 } = props;
  const addId = useId();
  const [adding, setAdding] = useState('');
  const addResult = adding.trim() === '' ? undefined : check(adding, values);
  const add = () => {
    if (addResult?.ok !== true) return;
    onChange([...values, addResult.value]);
    setAdding('');
  };
  return (
    <fieldset className="insp-fieldset">
      <legend>{legend}</legend>
      {values.map((value, index) => {
        const others = values.filter((_, j) => j !== index);
        return (
          <div key={index} className="insp-row">
            <TextField
              label={itemLabel(index)}
              value={value}
              check={(text) => check(text, others, value)}
              onCommit={(next) => onChange(values.map((v, j) => (j === index ? next : v)))}
              placeholder={props.placeholder}
              list={props.list}
            />
            <button
              type="button"
              className="insp-remove"
              aria-label={`Delete ${legend} #${index + 1}`}
              disabled={values.length <= minItems}
              onClick={() => onChange(values.filter((_, j) => j !== index))}
            >
              ×
            </button>
          </div>
        );
      })}
      <div className="insp-row">
        <FieldInput
          id={addId}
          label={addLabel}
          text={adding}
          error={addResult !== undefined && !addResult.ok ? addResult.reason : undefined}
          onText={setAdding}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
          placeholder={props.placeholder}
          list={props.list}
        />
        <button type="button" className="insp-add" disabled={addResult?.ok !== true} onClick={add}>
          Add
        </button>
      </div>
    </fieldset>
  );
}
