// A fieldset of checkboxes choosing a set of ids (associations, security groups, members).
import { useId } from 'react';

export interface ChecklistItem {
  id: string;
  label: string;
  /** Shown after the label, e.g. "(implicit)". */
  note?: string | undefined;
  disabled?: boolean;
}

export interface IdChecklistProps {
  legend: string;
  items: readonly ChecklistItem[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  /** Shown when there is nothing to choose. */
  empty?: string;
}

export function IdChecklist({ legend, items, selected, onChange, empty }: IdChecklistProps) {
  const base = useId();
  const toggle = (id: string, on: boolean) => {
    const rest = selected.filter((s) => s !== id);
    // Keep the document's order for existing entries and append new ones.
    onChange(on ? [...rest, id] : rest);
  };
  return (
    <fieldset className="insp-fieldset">
      <legend>{legend}</legend>
      {items.length === 0 && <p className="insp-muted">{empty ?? 'Nothing to choose.'}</p>}
      {items.map((item, index) => {
        const id = `${base}-${index}`;
        return (
          <div key={item.id} className="insp-check">
            <input
              id={id}
              type="checkbox"
              checked={selected.includes(item.id)}
              disabled={item.disabled}
              onChange={(e) => toggle(item.id, e.target.checked)}
            />
            <label htmlFor={id}>{item.label}</label>
            {item.note !== undefined && <span className="insp-muted"> {item.note}</span>}
          </div>
        );
      })}
    </fieldset>
  );
}
