// The editor's toolbar: file commands, the scenario and exam galleries, undo / redo and the canvas view
// commands.
import { memo, useRef, type ChangeEvent } from 'react';
import { ExportMenu, type ExportKind } from './ExportMenu.tsx';
import './shell.css';

export interface ToolbarProps {
  /** The document's title (or file name), shown beside the commands. */
  title: string;
  /** Unsaved changes since the document was opened or saved. */
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string | undefined;
  redoLabel?: string | undefined;
  onNew: () => void;
  /** Opens the chosen files: one vpcsim document, or AWS describe output / Terraform JSON to import. */
  onOpenFiles: (files: File[]) => void;
  onSave: () => void;
  onGallery: () => void;
  /** Opens exam practice (the exercise gallery); no button without it. */
  onExam?: (() => void) | undefined;
  /** The Export menu (Terraform, images, share link); no menu without it. */
  onExport?: ((kind: ExportKind) => void) | undefined;
  /** An export is under way (the menu waits). */
  exportBusy?: boolean | undefined;
  onUndo: () => void;
  onRedo: () => void;
  onAutoLayout: () => void;
  onFitView: () => void;
}

function ToolbarImpl(props: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Reset so choosing the same file again still fires a change.
    event.target.value = '';
    if (files.length > 0) props.onOpenFiles(files);
  };
  // React has no prop for it: a folder picker is a file input with the webkitdirectory attribute.
  const folderRef = (element: HTMLInputElement | null) => {
    folderInput.current = element;
    element?.setAttribute('webkitdirectory', '');
  };
  return (
    <header className="toolbar" role="toolbar" aria-label="Editor">
      <span className="toolbar-brand">vpcsim</span>
      <div className="toolbar-group">
        <button type="button" onClick={props.onNew} data-testid="toolbar-new">
          New
        </button>
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          data-testid="toolbar-open"
          title="Open a vpcsim file, or import AWS describe output or a Terraform state (several files at once)"
        >
          Open…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.tfstate,application/json"
          multiple
          hidden
          onChange={pick}
          data-testid="open-file-input"
          aria-label="Open file"
        />
        <button
          type="button"
          onClick={() => folderInput.current?.click()}
          data-testid="toolbar-open-folder"
          title="Import a folder of AWS describe output (as scripts/collect-aws.sh writes it)"
        >
          Import folder…
        </button>
        <input
          ref={folderRef}
          type="file"
          hidden
          onChange={pick}
          data-testid="open-folder-input"
          aria-label="Import folder"
        />
        <button type="button" onClick={props.onSave} data-testid="toolbar-save" title="Save file (Ctrl+S)">
          Save
        </button>
        {props.onExport && <ExportMenu onExport={props.onExport} busy={props.exportBusy} />}
        <button type="button" onClick={props.onGallery} data-testid="toolbar-gallery">
          Scenarios
        </button>
        {props.onExam && (
          <button type="button" onClick={props.onExam} data-testid="toolbar-exam">
            Exam
          </button>
        )}
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          onClick={props.onUndo}
          disabled={!props.canUndo}
          data-testid="toolbar-undo"
          title={props.undoLabel ? `Undo ${props.undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)'}
        >
          Undo
        </button>
        <button
          type="button"
          onClick={props.onRedo}
          disabled={!props.canRedo}
          data-testid="toolbar-redo"
          title={props.redoLabel ? `Redo ${props.redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)'}
        >
          Redo
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" onClick={props.onAutoLayout} data-testid="toolbar-auto-layout">
          Auto-layout
        </button>
        <button type="button" onClick={props.onFitView} data-testid="toolbar-fit">
          Zoom to fit
        </button>
      </div>
      <h1 className="toolbar-title" data-testid="document-title">
        {props.title}
        {props.dirty && (
          <span className="toolbar-dirty" title="Unsaved changes" data-testid="dirty-marker">
            {' '}
            •
          </span>
        )}
      </h1>
    </header>
  );
}

export const Toolbar = memo(ToolbarImpl);
