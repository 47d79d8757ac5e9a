// The × at the end of a rule or route row.
export interface RemoveButtonProps {
  /** What the button removes, for its accessible name (`Remove <what>`). */
  what: string;
  onRemove: () => void;
}

export function RemoveButton({ what, onRemove }: RemoveButtonProps) {
  return (
    <button type="button" className="insp-remove" aria-label={`Remove ${what}`} onClick={onRemove}>
      ×
    </button>
  );
}
