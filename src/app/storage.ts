// What survives a reload besides the document (src/store persists that): the trace form per document.
// Stored values are read defensively: storage may be unavailable, stale or edited by hand.
import { readTraceForm, type TraceFormState } from '../ui/index.ts';

const TRACE_FORM_KEY = 'vpcsim.traceForm';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled (private browsing): the page still works, it only forgets.
  }
}

function readAllTraceForms(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(read(TRACE_FORM_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The trace form last used on document `key` (`scenario:<name>`, `file:<name>` or `new`). */
export function loadTraceForm(key: string): TraceFormState | null {
  return readTraceForm(readAllTraceForms()[key]) ?? null;
}

export function saveTraceForm(key: string, form: TraceFormState): void {
  write(TRACE_FORM_KEY, JSON.stringify({ ...readAllTraceForms(), [key]: form }));
}

const PANEL_HEIGHT_KEY = 'vpcsim.panelHeight';
const DEFAULT_PANEL_HEIGHT = 260;

/** The bottom panel's height as the user left it; the default when unknown or out of range. */
export function loadPanelHeight(): number {
  const value = Number(read(PANEL_HEIGHT_KEY));
  return Number.isFinite(value) && value >= 120 && value <= 2000 ? value : DEFAULT_PANEL_HEIGHT;
}

export function savePanelHeight(height: number): void {
  write(PANEL_HEIGHT_KEY, String(height));
}
