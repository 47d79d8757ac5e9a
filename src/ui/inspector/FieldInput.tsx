// One labelled text input with its error line: presentation only, the caller owns the text.
import type { KeyboardEvent } from 'react';

export interface FieldInputProps {
  id: string;
  label: string;
  text: string;
  /** Why the text cannot be written; shown next to the field. */
  error?: string | undefined;
  onText: (text: string) => void;
  onBlur?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  /** Keep the label for assistive technology and tests, but do not show it (table cells). */
  hideLabel?: boolean;
  /** Id of a `<datalist>` of suggestions. */
  list?: string | undefined;
  placeholder?: string | undefined;
  multiline?: boolean;
  disabled?: boolean;
  className?: string;
}

export function FieldInput(props: FieldInputProps) {
  const { id, label, text, error, onText, onBlur, onKeyDown, hideLabel, list, placeholder, multiline, disabled } =
    props;
  const errorId = `${id}-error`;
  const common = {
    id,
    value: text,
    disabled,
    placeholder,
    onBlur,
    onKeyDown,
    'aria-invalid': error !== undefined,
    'aria-describedby': error !== undefined ? errorId : undefined,
    className: error !== undefined ? 'insp-input insp-invalid' : 'insp-input',
  };
  return (
    <div className={`insp-field ${props.className ?? ''}`}>
      <label htmlFor={id} className={hideLabel === true ? 'insp-visually-hidden' : 'insp-label'}>
        {label}
      </label>
      {multiline === true ? (
        <textarea {...common} rows={3} onChange={(e) => onText(e.target.value)} />
      ) : (
        <input {...common} type="text" list={list} spellCheck={false} onChange={(e) => onText(e.target.value)} />
      )}
      {error !== undefined && (
        <span className="insp-field-error" id={errorId} data-testid="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
