// With nothing selected: the document's title and description, and how to start.
import { setMeta, type Document } from '../../model/index.ts';
import { checkText } from './field-checks.ts';
import type { EditFn } from './form-types.ts';
import { TextField } from './TextField.tsx';

export function MetaForm({ document, onEdit }: { document: Document; onEdit: EditFn }) {
  return (
    <>
      <h3 className="insp-title">Document</h3>
      <TextField
        label="Title"
        value={document.meta?.title ?? ''}
        placeholder="Untitled network"
        check={checkText}
        onCommit={(title) => onEdit('Set title', (d) => setMeta(d, { title }))}
      />
      <TextField
        label="Description"
        multiline
        value={document.meta?.description ?? ''}
        check={checkText}
        onCommit={(description) => onEdit('Set description', (d) => setMeta(d, { description }))}
      />
      <p className="insp-muted insp-hint-block">
        Select a resource on the canvas to edit it here. Shift-click selects several.
      </p>
    </>
  );
}
