// A validated text field: keeps the user's text locally, checks it on every keystroke, and writes
// only a valid value (on change, or on blur / Enter for fields whose commit would reorder a list).
import { useId, useState, type KeyboardEvent } from 'react';
import type { FieldCheck } from './field-checks.ts';
import { FieldInput } from './FieldInput.tsx';

export interface TextFieldProps<T> {
  label: string;
  /** The document's current value, as text. */
  value: string;
  check: (text: string) => FieldCheck<T>;
  onCommit: (value: T) => void;
  /** The text the document will show once `value` is written; default `String(value ?? '')`. */
  format?: (value: T) => string;
  /** `change` (default) writes each valid keystroke; `blur` waits for blur or Enter. */
  commitOn?: 'change' | 'blur';
  hideLabel?: boolean;
  list?: string | undefined;
  placeholder?: string | undefined;
  multiline?: boolean;
  disabled?: boolean;
  className?: string;
}

interface Draft {
  text: string;
  /** The document value the draft was typed against; a different value (undo, another edit) drops the draft. */
  base: string;
}

const defaultFormat = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

export function TextField<T>(props: TextFieldProps<T>) {
  const { label, value, check, onCommit, commitOn = 'change' } = props;
  const format = props.format ?? defaultFormat;
  const id = useId();
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const active = draft !== undefined && draft.base === value ? draft : undefined;
  const result = active ? check(active.text) : undefined;
  const error = result !== undefined && !result.ok ? result.reason : undefined;

  const onText = (text: string) => {
    const r = check(text);
    if (commitOn === 'change' && r.ok) {
      const next = format(r.value);
      if (next !== value) onCommit(r.value);
      setDraft({ text, base: next });
    } else {
      setDraft({ text, base: value });
    }
  };
  const finish = () => {
    if (!active) return;
    const r = check(active.text);
    if (!r.ok) return;
    if (commitOn === 'blur' && format(r.value) !== value) onCommit(r.value);
    setDraft(undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && props.multiline !== true) finish();
    if (event.key === 'Escape') setDraft(undefined);
  };

  return (
    <FieldInput
      id={id}
      label={label}
      text={active?.text ?? value}
      error={error}
      onText={onText}
      onBlur={finish}
      onKeyDown={onKeyDown}
      hideLabel={props.hideLabel ?? false}
      list={props.list}
      placeholder={props.placeholder}
      multiline={props.multiline ?? false}
      disabled={props.disabled ?? false}
      className={props.className ?? ''}
    />
  );
}
