// The editor's toolbar: file commands, the scenario and exam galleries, undo / redo and the canvas view
// commands.
import { memo, useRef, type ChangeEvent } from 'react';
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
  onOpenFile: (file: File) => void;
  onSave: () => void;
  onGallery: () => void;
  /** Opens exam practice (the exercise gallery); no button without it. */
  onExam?: (() => void) | undefined;
  onUndo: () => void;
  onRedo: () => void;
  onAutoLayout: () => void;
  onFitView: () => void;
}

function ToolbarImpl(props: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Reset so choosing the same file again still fires a change.
    event.target.value = '';
    if (file) props.onOpenFile(file);
  };
  return (
    <header className="toolbar" role="toolbar" aria-label="Editor">
      <span className="toolbar-brand">vpcsim</span>
      <div className="toolbar-group">
        <button type="button" onClick={props.onNew} data-testid="toolbar-new">
          New
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} data-testid="toolbar-open">
          Open…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={pick}
          data-testid="open-file-input"
          aria-label="Open file"
        />
        <button type="button" onClick={props.onSave} data-testid="toolbar-save" title="Save file (Ctrl+S)">
          Save
        </button>
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
