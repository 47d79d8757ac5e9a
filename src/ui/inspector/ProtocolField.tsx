// A rule's protocol: a named protocol from a list, or any IANA protocol number.
import { useState } from 'react';
import { checkProtocol, PROTOCOL_NAMES, type FieldCheck } from './field-checks.ts';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const OTHER = 'number';
const OPTIONS = [...PROTOCOL_NAMES.map((p) => ({ value: p, label: p })), { value: OTHER, label: 'other (number)' }];

function checkProtocolNumber(text: string): FieldCheck<string> {
  const r = checkProtocol(text);
  if (r.ok && (PROTOCOL_NAMES as readonly string[]).includes(r.value)) {
    return { ok: false, reason: 'Pick named protocols from the list; here a number 0-255.' };
  }
  return r;
}

export interface ProtocolFieldProps {
  /** The rule's label prefix, e.g. `Inbound rule 100`: the fields are `<prefix> protocol` and `<prefix> IP protocol number`. */
  prefix: string;
  value: string;
  onChange: (protocol: string) => void;
}

export function ProtocolField({ prefix, value, onChange }: ProtocolFieldProps) {
  const named = (PROTOCOL_NAMES as readonly string[]).includes(value);
  // "other" picked while the rule still has a named protocol: wait for a number before writing.
  const [wantsNumber, setWantsNumber] = useState(false);
  const numeric = !named || wantsNumber;
  return (
    <div className="insp-protocol">
      <SelectField
        label={`${prefix} protocol`}
        hideLabel
        value={numeric ? OTHER : value}
        options={OPTIONS}
        onChange={(next) => {
          if (next === OTHER) {
            setWantsNumber(true);
          } else {
            setWantsNumber(false);
            onChange(next);
          }
        }}
      />
      {numeric && (
        <TextField
          label={`${prefix} IP protocol number`}
          hideLabel
          value={named ? '' : value}
          placeholder="0-255"
          check={checkProtocolNumber}
          onCommit={(next) => {
            setWantsNumber(false);
            onChange(next);
          }}
        />
      )}
    </div>
  );
}
