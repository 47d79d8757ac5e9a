// A labelled checkbox that writes at once.
import { useId } from 'react';

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hint?: string | undefined;
}

export function CheckboxField({ label, checked, onChange, disabled, hint }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="insp-field insp-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && <span className="insp-hint">{hint}</span>}
    </div>
  );
}
