// The inspector panel: the form of the selected resource (or the document's meta, or a summary of
// several), with the resource's diagnostics on top. Props in, edits out as named recipes.
import type { Diagnostic, Document } from '../../model/index.ts';
import { ContainerView } from './ContainerView.tsx';
import { DiagnosticsBanner } from './DiagnosticsBanner.tsx';
import type { EditFn } from './form-types.ts';
import { RuleHighlightContext } from './highlight.ts';
import type { RuleHighlight } from '../trace/panel-model.ts';
import { KIND_TITLES, resolveSelection } from './inspector-model.ts';
import { MetaForm } from './MetaForm.tsx';
import { ResourceForm } from './ResourceForm.tsx';
import { SelectionSummary } from './SelectionSummary.tsx';
import './inspector.css';

export interface InspectorProps {
  document: Document;
  /** Resource ids and derived keys (`<vpc>/<zone>`, `region/<name>`, `internet`). */
  selection: readonly string[];
  /** Every diagnostic of the document; those of the selected resource are shown. */
  diagnostics: readonly Diagnostic[];
  /** Runs `recipe` on a draft of the document as one undoable step called `label`. */
  onEdit: (label: string, recipe: (draft: Document) => void) => void;
  onSelect: (id: string) => void;
  /** A rule or route to mark in the selected resource's form (a clicked trace row). */
  highlight?: RuleHighlight | undefined;
}

function Selected({
  document,
  id,
  diagnostics,
  onEdit,
  onSelect,
}: Omit<InspectorProps, 'selection' | 'onEdit' | 'highlight'> & { id: string; onEdit: EditFn }) {
  const item = resolveSelection(document, id);
  if (item.kind === 'unknown') {
    return (
      <>
        <h3 className="insp-title">Not found</h3>
        <p className="insp-muted">
          Nothing in the document is called <code>{id}</code>.
        </p>
      </>
    );
  }
  if (item.kind !== 'resource') return <ContainerView document={document} item={item} onSelect={onSelect} />;
  const { located } = item;
  const own = diagnostics.filter((d) => d.resourceId === located.resource.id);
  return (
    <>
      <h3 className="insp-title">
        <span className="insp-kind">{KIND_TITLES[located.kind]}</span> <code>{located.resource.id}</code>
      </h3>
      <DiagnosticsBanner diagnostics={own} />
      <form
        className="insp-form"
        aria-label={`${KIND_TITLES[located.kind]} ${located.resource.id}`}
        onSubmit={(e) => e.preventDefault()}
      >
        <ResourceForm document={document} located={located} onEdit={onEdit} onSelect={onSelect} />
      </form>
    </>
  );
}

export function Inspector({ document, selection, diagnostics, onEdit: report, onSelect, highlight }: InspectorProps) {
  const only = selection.length === 1 ? selection[0] : undefined;
  const onEdit: EditFn = (label, recipe) =>
    report(label, (draft) => {
      recipe(draft);
    });
  return (
    <RuleHighlightContext.Provider value={highlight}>
      <aside className="inspector" data-testid="inspector" aria-label="Inspector">
        {selection.length === 0 && <MetaForm document={document} onEdit={onEdit} />}
        {selection.length > 1 && <SelectionSummary document={document} selection={selection} onSelect={onSelect} />}
        {only !== undefined && (
          // Keyed by id: switching resources drops every field's unsaved text.
          <Selected
            key={only}
            document={document}
            id={only}
            diagnostics={diagnostics}
            onEdit={onEdit}
            onSelect={onSelect}
          />
        )}
      </aside>
    </RuleHighlightContext.Provider>
  );
}
