// A labelled select that writes its choice at once (choices are valid by construction).
import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
  group?: string;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  hideLabel?: boolean;
  disabled?: boolean;
  hint?: string | undefined;
}

/** Options in their groups, in first-seen order; ungrouped options first. */
function grouped(options: readonly SelectOption[]): [string | undefined, SelectOption[]][] {
  const groups = new Map<string | undefined, SelectOption[]>();
  for (const o of options) {
    const list = groups.get(o.group) ?? [];
    list.push(o);
    groups.set(o.group, list);
  }
  return [...groups.entries()];
}

export function SelectField({ label, value, options, onChange, hideLabel, disabled, hint }: SelectFieldProps) {
  const id = useId();
  const render = (o: SelectOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className="insp-field">
      <label htmlFor={id} className={hideLabel === true ? 'insp-visually-hidden' : 'insp-label'}>
        {label}
      </label>
      <select
        id={id}
        className="insp-input"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {grouped(options).map(([group, list]) =>
          group === undefined ? (
            list.map(render)
          ) : (
            <optgroup key={group} label={group}>
              {list.map(render)}
            </optgroup>
          ),
        )}
      </select>
      {hint !== undefined && <span className="insp-hint">{hint}</span>}
    </div>
  );
}
