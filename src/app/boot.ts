// Which document the editor opens with: `?scenario=` first, then the work saved in this browser, then
// the sample network. Every way in ends with a document; a problem becomes a message, never a blank page.
import { loadDocument, type Diagnostic, type Document } from '../model/index.ts';
import { restoreEditor, type DocumentSource, type EditorStorage } from '../store/index.ts';
import { DEFAULT_SCENARIO, scenarioNames, scenarioText } from './scenarios.ts';

/** Where the editor keeps the open document between visits. */
export const EDITOR_KEY = 'vpcsim.editor';

export type OpenResult =
  | { ok: true; document: Document; diagnostics: Diagnostic[] }
  | { ok: false; message: string; diagnostics: Diagnostic[] };

/** Parses a document's text; a document with fatal diagnostics is refused with a short reason. */
export function openText(text: string, what: string): OpenResult {
  const loaded = loadDocument(text);
  const fatal = loaded.diagnostics.filter((d) => d.severity === 'fatal');
  if (!loaded.document || fatal.length > 0) {
    const first = fatal[0];
    return {
      ok: false,
      message: `${what} cannot be opened${first ? `: ${first.message}${fatal.length > 1 ? ` (and ${fatal.length - 1} more problems)` : ''}` : '.'}`,
      diagnostics: loaded.diagnostics,
    };
  }
  return { ok: true, document: loaded.document, diagnostics: loaded.diagnostics };
}

/** Opens a bundled scenario by file name. */
export function openScenario(name: string): OpenResult {
  const text = scenarioText(name);
  if (text === undefined) {
    return {
      ok: false,
      message: `There is no scenario called “${name}”. Open one from the gallery (${scenarioNames.length} available).`,
      diagnostics: [],
    };
  }
  return openText(text, `Scenario ${name}`);
}

/** An empty network: one VPC's worth of nothing, ready for the palette. */
export function emptyDocument(): Document {
  return { format: 'vpcsim/1', meta: { title: 'Untitled network' }, topology: {}, layout: {}, checks: [] };
}

export interface Boot {
  document: Document;
  source: DocumentSource;
  dirty: boolean;
  /** Something to tell the user at once (a scenario that would not open, a corrupt saved session). */
  notice?: { kind: 'info' | 'error'; text: string };
}

function fallback(): { document: Document; source: DocumentSource } {
  const opened = openScenario(DEFAULT_SCENARIO);
  if (opened.ok) return { document: opened.document, source: { kind: 'scenario', name: DEFAULT_SCENARIO } };
  return { document: emptyDocument(), source: { kind: 'new' } };
}

/**
 * The first document. `confirmReplace` asks whether unsaved work in this browser may be replaced by
 * the scenario the URL names (declining keeps the work).
 */
export function bootEditor(
  scenarioParam: string | null,
  storage: EditorStorage | undefined,
  confirmReplace: (message: string) => boolean,
): Boot {
  const restored = storage ? restoreEditor(storage, EDITOR_KEY) : undefined;
  const saved = restored && !('error' in restored) ? restored : undefined;
  const storageNotice =
    restored && 'error' in restored
      ? { kind: 'error' as const, text: `The work saved in this browser could not be restored: ${restored.error}` }
      : undefined;

  if (scenarioParam !== null) {
    const sameAsSaved = saved?.source.kind === 'scenario' && saved.source.name === scenarioParam;
    if (saved && sameAsSaved) return { ...saved };
    const opened = openScenario(scenarioParam);
    if (!opened.ok) {
      const base = saved ?? { ...fallback(), dirty: false };
      return { ...base, notice: { kind: 'error', text: opened.message } };
    }
    if (
      saved?.dirty === true &&
      !confirmReplace(`Open the scenario ${scenarioParam}? Your unsaved changes in this browser will be replaced.`)
    ) {
      return { ...saved };
    }
    return { document: opened.document, source: { kind: 'scenario', name: scenarioParam }, dirty: false };
  }
  if (saved) return { ...saved };
  return { ...fallback(), dirty: false, ...(storageNotice ? { notice: storageNotice } : {}) };
}
