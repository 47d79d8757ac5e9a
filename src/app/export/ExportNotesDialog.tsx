// After a Terraform export: what the file could not express, listed so nothing is lost silently.
import { Modal } from '../../ui/index.ts';

export interface ExportNotesDialogProps {
  /** The file that was downloaded. */
  name: string;
  notes: readonly string[];
  onClose: () => void;
}

export function ExportNotesDialog({ name, notes, onClose }: ExportNotesDialogProps) {
  return (
    <Modal
      label="Terraform export notes"
      title={
        <>
          Exported <code>{name}</code>
        </>
      }
      closeLabel="Close export notes"
      onClose={onClose}
      className="export-notes"
      testId="export-notes"
    >
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
    </Modal>
  );
}
