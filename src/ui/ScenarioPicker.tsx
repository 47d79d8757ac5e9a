// The scenario drop-down: lists the preset files by name.
import { useId } from 'react';

export interface ScenarioPickerProps {
  names: readonly string[];
  /** The selected file name; may be a name that is not in the list (an unknown `?scenario=`). */
  value: string;
  onChange: (name: string) => void;
}

export function ScenarioPicker({ names, value, onChange }: ScenarioPickerProps) {
  const id = useId();
  const known = names.includes(value);
  return (
    <div className="scenario-picker">
      <label htmlFor={id}>Scenario</label>
      <select id={id} value={known ? value : ''} onChange={(event) => onChange(event.target.value)}>
        {!known && (
          <option value="" disabled>
            Choose a scenario…
          </option>
        )}
        {names.map((name) => (
          <option key={name} value={name}>
            {name.replace(/\.json$/, '')}
          </option>
        ))}
      </select>
    </div>
  );
}
