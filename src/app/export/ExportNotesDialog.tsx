// After a Terraform export: what the file could not express, listed so nothing is lost silently.
import { useEffect, useRef } from 'react';

export interface ExportNotesDialogProps {
  /** The file that was downloaded. */
  name: string;
  notes: readonly string[];
  onClose: () => void;
}

export function ExportNotesDialog({ name, notes, onClose }: ExportNotesDialogProps) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal export-notes"
        role="dialog"
        aria-modal="true"
        aria-label="Terraform export notes"
        onClick={(event) => event.stopPropagation()}
        data-testid="export-notes"
      >
        <div className="modal-header">
          <h2>
            Exported <code>{name}</code>
          </h2>
          <button type="button" ref={closeButton} onClick={onClose} aria-label="Close export notes">
            ×
          </button>
        </div>
        <div className="share-modal-body">
          <p>
            {notes.length === 1 ? 'One thing' : `${notes.length} things`} in this network{' '}
            {notes.length === 1 ? 'has' : 'have'} no exact Terraform form. What the file does with{' '}
            {notes.length === 1 ? 'it' : 'each'}:
          </p>
          <ul>
            {notes.map((note, index) => (
              <li key={index} data-testid="export-note">
                {note}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
