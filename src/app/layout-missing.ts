// Positions for whatever an opened document has no layout for (imports, hand-written files), added once
// elk has placed them, without an undo step and without disturbing what the user did meanwhile.
import type { Document, Layout } from '../model/index.ts';
import { replaceDocument, type DocumentSource, type EditorStore } from '../store/index.ts';
import { autoLayout } from '../ui/index.ts';

/** Lays out `document`'s missing entries; `layout` is elk's auto-layout unless a test passes its own. */
export function layoutMissing(
  store: EditorStore,
  document: Document,
  source: DocumentSource,
  layout: (doc: Document) => Promise<Layout> = (doc) => autoLayout(doc, { onlyMissing: true }),
): Promise<void> {
  return layout(document).then(
    (entries: Layout) => {
      const state = store.getState();
      if (state.document !== document) return;
      const before = Object.keys(document.layout ?? {}).length;
      if (Object.keys(entries).length <= before) return;
      // Positions only: the open document stays what it was, and so do the selection the user may have
      // made meanwhile and any message about it.
      const { notice, selection } = state;
      replaceDocument(store, { ...document, layout: entries }, source);
      store.setState(notice ? { notice, selection } : { selection });
    },
    (error: unknown) => {
      store.setState({
        notice: {
          kind: 'error',
          text: `Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      });
    },
  );
}
