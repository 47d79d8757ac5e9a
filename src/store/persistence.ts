// Keeps the open document across reloads: writes it to a key-value storage (localStorage in the app)
// on every change, and reads it back defensively (a corrupt entry is reported, never thrown).
import { loadDocument, type Document } from '../model/index.ts';
import { isDirty, type DocumentSource, type EditorStore } from './editor-store.ts';

/** The slice of the Web Storage API the editor needs. */
export interface EditorStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The `format` of a stored entry; a different one is refused, not guessed. */
export const EDITOR_STORAGE_FORMAT = 'vpcsim-editor/1';

interface StoredEditor {
  format: typeof EDITOR_STORAGE_FORMAT;
  document: Document;
  source: DocumentSource;
  dirty: boolean;
}

export interface RestoredEditor {
  document: Document;
  source: DocumentSource;
  dirty: boolean;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes `{ format, document, source, dirty }` under `key` whenever the document, its source or its
 * saved state change (not at once: the store may hold a placeholder until a restore). A failing
 * storage (full, disabled) sets an error notice; editing goes on. Returns the unsubscribe function.
 * Nothing is written while the store is read-only: a shared network being viewed must not replace the
 * work kept in this browser. Lifting read-only writes the document it leaves open.
 */
export function persistEditor(store: EditorStore, storage: EditorStorage, key: string): () => void {
  return store.subscribe((state, prev) => {
    if (state.readOnly) return;
    const changed =
      state.document !== prev.document ||
      state.source !== prev.source ||
      isDirty(state) !== isDirty(prev) ||
      prev.readOnly;
    if (!changed) return;
    const entry: StoredEditor = {
      format: EDITOR_STORAGE_FORMAT,
      document: state.document,
      source: state.source,
      dirty: isDirty(state),
    };
    try {
      storage.setItem(key, JSON.stringify(entry));
    } catch (error) {
      const text = `The document could not be kept in this browser: ${errorText(error)}`;
      if (state.notice?.text !== text) store.setState({ notice: { kind: 'error', text } });
    }
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSource(value: unknown): DocumentSource | undefined {
  if (!isRecord(value)) return undefined;
  if (value['kind'] === 'new') return { kind: 'new' };
  const name = value['name'];
  if ((value['kind'] === 'scenario' || value['kind'] === 'file') && typeof name === 'string') {
    return { kind: value['kind'], name };
  }
  return undefined;
}

/**
 * Reads what `persistEditor` wrote: undefined when nothing is stored, `{ error }` when the entry is
 * unreadable (not JSON, another format, a document with fatal diagnostics), else the document (the
 * parser's clean copy), its source and whether it had unsaved changes.
 */
export function restoreEditor(storage: EditorStorage, key: string): RestoredEditor | { error: string } | undefined {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch (error) {
    return { error: `The stored document could not be read: ${errorText(error)}` };
  }
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'The stored document is not valid JSON' };
  }
  if (!isRecord(value) || value['format'] !== EDITOR_STORAGE_FORMAT) {
    return { error: `The stored entry is not a ${EDITOR_STORAGE_FORMAT} entry` };
  }
  const source = readSource(value['source']);
  if (!source) return { error: 'The stored entry has no valid source' };
  const loaded = loadDocument(value['document']);
  const fatal = loaded.diagnostics.find((d) => d.severity === 'fatal');
  if (!loaded.document || fatal) {
    return { error: `The stored document cannot be understood: ${fatal?.message ?? 'unknown problem'}` };
  }
  return { document: loaded.document, source, dirty: value['dirty'] === true };
}
